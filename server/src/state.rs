use crate::settings::Settings;
use app::ssr::ServerCtx;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Everything a handler may need. No globals. Every layer and handler that takes the state gets its own copy, many
/// times per request, so the copy is one reference count: the state lives once, behind an `Arc` (measured: cloning
/// the options and the context field by field was a fifth of a small API request's time).
#[derive(Clone)]
pub struct AppState(Arc<State>);

pub struct State {
    pub leptos_options: LeptosOptions,
    pub ctx: ServerCtx,
    pub settings: Arc<Settings>,
    /// Public pages kept rendered for visitors who are not logged in.
    pub pages: crate::http::page_cache::PageCache,
    /// The video rooms' sockets connected to this instance.
    pub hub: Arc<crate::mediation::room::Hub>,
}

impl AppState {
    pub fn new(state: State) -> AppState {
        AppState(Arc::new(state))
    }
}

impl std::ops::Deref for AppState {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Milliseconds since the Unix epoch, UTC: the one clock of the server.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}
