//! Who is asking: the request's facts worked out once — client address, language, elderly mode, the session's
//! account, today's date in Asia/Shanghai — and kept in the request's extensions for every door.

use super::cookies;
use crate::state::{now_ms, AppState};
use app::ssr::RequestInfo;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, Request};
use axum::middleware::Next;
use axum::response::Response;
use domain::Lang;
use std::net::SocketAddr;

/// The session token of the request, kept for logout.
#[derive(Clone, Debug)]
pub struct SessionToken(pub String);

/// The request's language as the pages work it out: the cookie, then `Accept-Language`, then Chinese.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    cookies::read(headers, cookies::LANG)
        .as_deref()
        .and_then(Lang::from_tag)
        .or_else(|| {
            headers
                .get(header::ACCEPT_LANGUAGE)
                .and_then(|v| v.to_str().ok())
                .and_then(Lang::from_accept_language)
        })
        .unwrap_or_default()
}

fn client_ip(req: &Request<Body>, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for {
        if let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
        {
            return first.trim().chars().take(64).collect();
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ci| ci.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Middleware: works out the request's facts and stores them for pages, forms, the API and server functions alike.
pub async fn request_context(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let now = now_ms();
    let headers = req.headers();
    let lang = request_lang(headers);
    let elderly = cookies::read(headers, cookies::ELDERLY).as_deref() == Some("1");
    let token = cookies::read(headers, cookies::SESSION).filter(|t| t.len() <= 128);
    let mut info = RequestInfo {
        ip: client_ip(&req, state.settings.trust_forwarded_for),
        lang,
        elderly,
        user: None,
        today: domain::date::shanghai_date(now),
        now_ms: now,
    };
    if let Some(t) = &token {
        match app::account::service::session_account(t, now, &state.ctx).await {
            Ok(user) => info.user = user,
            Err(e) => {
                // The session store does not answer: say so in the request's own terms (problem or page).
                let problem = super::problem::Problem::from_service(&e, lang);
                return if req.uri().path().starts_with("/api/") {
                    axum::response::IntoResponse::into_response(problem)
                } else {
                    let (parts, _) = req.into_parts();
                    super::error_page::render(&state, parts, &problem).await
                };
            }
        }
    }
    if let Some(t) = token {
        req.extensions_mut().insert(SessionToken(t));
    }
    req.extensions_mut().insert(info);
    next.run(req).await
}
