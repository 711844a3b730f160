use crate::settings::Settings;
use app::ssr::ServerCtx;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Everything a handler may need, cloned cheaply into each request. No globals.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub ctx: ServerCtx,
    pub settings: Arc<Settings>,
    /// Public pages kept rendered for visitors who are not logged in.
    pub pages: crate::http::page_cache::PageCache,
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
