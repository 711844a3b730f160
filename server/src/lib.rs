//! The portal's server: wires settings → database → migrations → routes → listener, and nothing else lives in
//! `main.rs`. Tests start the same `Application` on a random port.

//!
//! The layers: `http/` holds what every request passes through (request context, CSRF/Origin, cookies, security
//! headers, problems and error pages, the page cache); one folder per feature (`account/`, `filing/`,
//! `reference/`) holds that feature's doors — `api.rs` (JSON, documented in OpenAPI) and `forms.rs` (no-JavaScript
//! POSTs) — which parse, call the feature's service in `app`, and map its error once. `api.rs` puts the JSON API
//! and its document together.

pub mod account;
pub mod api;
pub mod filing;
pub mod http;
pub mod kb;
pub mod mediation;
pub mod reference;
pub mod service_request;
pub mod settings;
pub mod state;

use crate::settings::Settings;
use crate::state::{now_ms, AppState};
use app::ssr::ServerCtx;
use axum::middleware;
use axum::Router;
use leptos::config::LeptosOptions;
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use std::net::SocketAddr;
use std::sync::Arc;
use tower_http::compression::predicate::{DefaultPredicate, Predicate, SizeAbove};
use tower_http::compression::CompressionLayer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// Requests larger than this are refused (413) before a handler sees them. Uploads will get their own limit.
pub const BODY_LIMIT: usize = 256 * 1024;

pub struct Application {
    listener: tokio::net::TcpListener,
    router: Router,
    state: AppState,
}

impl Application {
    /// Connects, migrates, optionally loads the demo data, and binds `leptos_options.site_addr` (port 0 picks a
    /// free port, as the tests do).
    pub async fn build(
        settings: Settings,
        leptos_options: LeptosOptions,
    ) -> Result<Application, String> {
        let ctx = server_context(&settings).await?;
        if settings.load_demo_data {
            let now = now_ms();
            db::demo::load(&ctx.db, &ctx.keys, domain::date::shanghai_date(now), now)
                .await
                .map_err(|e| format!("demo data: {e}"))?;
        }
        let next_year = domain::date::shanghai_date(now_ms()).year + 1;
        if !settings.calendar.covers(next_year) {
            tracing::warn!(
                year = next_year,
                loaded = ?settings.calendar.years,
                "no public-holiday notice for next year: deadlines that end in it skip weekends only (and say so) \
                 until its file is added to PORTAL_HOLIDAYS_DIR"
            );
        }
        warn_about_fee_accounts(&settings, &ctx).await?;
        let hub = mediation::room::Hub::start(&ctx.relay);
        let state = AppState::new(state::State {
            hub,
            leptos_options: leptos_options.clone(),
            ctx,
            settings: Arc::new(settings),
            pages: Default::default(),
        });
        let listener = tokio::net::TcpListener::bind(leptos_options.site_addr)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", leptos_options.site_addr))?;
        Ok(Application {
            listener,
            router: router(state.clone()),
            state,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener.local_addr().expect("bound listener")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub async fn serve(self) -> std::io::Result<()> {
        let db = self.state.ctx.db.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(600));
            loop {
                tick.tick().await;
                if let Err(e) = db::sessions::purge_expired(&db, now_ms()).await {
                    tracing::warn!(error = %e, "session purge failed");
                }
                if let Err(e) = db::pending::purge_expired(&db, now_ms()).await {
                    tracing::warn!(error = %e, "pending-save purge failed");
                }
                if let Err(e) = db::limits::purge_expired(&db, now_ms()).await {
                    tracing::warn!(error = %e, "attempt-limit purge failed");
                }
                if let Err(e) = db::password_resets::purge_expired(&db, now_ms()).await {
                    tracing::warn!(error = %e, "password-reset purge failed");
                }
                if let Err(e) = db::meeting::relay_purge(&db, now_ms() - 600_000).await {
                    tracing::warn!(error = %e, "meeting relay purge failed");
                }
            }
        });
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
    }
}

/// What the services need, from the settings: the database (connected and migrated), the keys, the fee table,
/// the holiday calendar and the file store. The portal and the `create-staff` command share it.
pub async fn server_context(settings: &Settings) -> Result<ServerCtx, String> {
    let keys = db::crypto::Keys::from_master(&settings.secret);
    let db = db::Db::connect_with(&settings.database_url, keys.clone(), settings.durability)
        .await
        .map_err(|e| format!("database: {e}"))?;
    db.migrate().await.map_err(|e| format!("migrations: {e}"))?;
    let files = db::files::FileStore::new(settings.upload_dir.clone(), keys.clone())
        .map_err(|e| format!("upload directory {}: {e}", settings.upload_dir.display()))?;
    let smtp = match &settings.smtp {
        Some(s) => Some(app::notify::Smtp::from_url(&s.url, &s.from)?),
        None => None,
    };
    let relay = db::relay::Relay::start(&db, &settings.database_url)
        .await
        .map_err(|e| format!("meeting relay: {e}"))?;
    let (kb_dir, pathways_dir) = (settings.kb_dir.clone(), settings.pathways_dir.clone());
    let kb =
        tokio::task::spawn_blocking(move || app::kb::service::Kb::load(&kb_dir, &pathways_dir))
            .await
            .map_err(|e| format!("knowledge base: {e}"))??;
    Ok(ServerCtx {
        kb,
        service_hours: settings.service_hours,
        relay,
        meeting: Arc::new(settings.meeting.clone()),
        notifier: Arc::new(app::notify::Routed::new(db.clone(), smtp)),
        db,
        keys,
        fees: settings.fee_table.clone(),
        calendar: Arc::new(settings.calendar.clone()),
        files,
        online_payment: app::filing::online_payment::from_config(&settings.court_accounts),
        court_accounts: Arc::new(settings.court_accounts.clone()),
    })
}

/// Payment notices name the court's fee account: say at start-up which courts have none (their notices ask the filer
/// to enquire) and when the accounts are the shipped examples outside a demo.
async fn warn_about_fee_accounts(settings: &Settings, ctx: &ServerCtx) -> Result<(), String> {
    let accounts = &settings.court_accounts;
    if accounts.demo && !settings.load_demo_data {
        tracing::warn!(
            version = %accounts.version,
            "the court fee accounts are examples: set PORTAL_COURT_ACCOUNTS to the courts' real accounts"
        );
    }
    let courts = db::courts::shared(&ctx.db)
        .await
        .map_err(|e| format!("courts: {e}"))?;
    let missing: Vec<&str> = courts
        .iter()
        .map(|c| c.code.as_str())
        .filter(|code| accounts.account(code).is_none())
        .collect();
    if !missing.is_empty() {
        tracing::warn!(courts = ?missing, "no fee account in PORTAL_COURT_ACCOUNTS for these courts");
    }
    tracing::info!(
        version = %accounts.version,
        online_payment = ctx.online_payment.name(),
        notifications = ctx.notifier.name(),
        "court fee accounts loaded"
    );
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = terminate => {} }
}

pub fn router(state: AppState) -> Router {
    let options = state.leptos_options.clone();
    let routes = generate_route_list(app::App);
    let ctx = state.ctx.clone();
    let pages = state.pages.clone();
    let page_context = move || {
        provide_context(ctx.clone());
        leptos::nonce::provide_nonce();
    };
    let pkg_dir = std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir);
    // Built assets are served precompressed (brotli, gzip) when the build left .br/.gz files beside them.
    let pkg = ServeDir::new(pkg_dir)
        .precompressed_br()
        .precompressed_gzip();
    let pkg = Router::new()
        .fallback_service(pkg)
        .layer(SetResponseHeaderLayer::if_not_present(
            ::http::header::CACHE_CONTROL,
            ::http::HeaderValue::from_static("public, max-age=300, must-revalidate"),
        ));
    let site = Router::new()
        .merge(account::forms::router())
        .merge(filing::forms::router())
        .merge(mediation::forms::router())
        .merge(service_request::forms::router())
        .merge(mediation::room::router())
        .nest_service(&format!("/{}", options.site_pkg_dir), pkg)
        .leptos_routes_with_context(&state, routes, page_context.clone(), {
            let options = options.clone();
            move || app::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(page_context, app::shell))
        // A page that needs a login (it answers 401) sends the browser to log in and come back.
        .layer(middleware::from_fn(http::return_to::send_to_login))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT));
    // Evidence uploads are the one route allowed a larger body; the API sets its own limit inside its problem layer,
    // so a body over it is a problem too.
    Router::new()
        .merge(filing::forms::upload_router())
        .merge(api::router())
        .merge(site)
        .layer(middleware::from_fn(http::rpc::statuses))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            http::csrf::csrf_guard,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            http::context::request_context,
        ))
        // Dynamic responses: brotli/gzip at level 4, most of the saving for a fraction of the CPU of the maximum
        // (built assets are precompressed at the maximum once, at build time). Bodies under 1 KB (a health
        // answer, a look-up, a problem) go as they are: compressing them costs more than the bytes saved.
        .layer(
            CompressionLayer::new()
                .quality(tower_http::CompressionLevel::Precise(4))
                .compress_when(DefaultPredicate::new().and(SizeAbove::new(1024))),
        )
        // Outside compression: a kept page is stored compressed already.
        .layer(middleware::from_fn_with_state(
            pages,
            http::page_cache::serve,
        ))
        .layer(middleware::from_fn_with_state(
            state.settings.secure_cookies,
            http::headers::security_headers,
        ))
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
