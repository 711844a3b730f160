//! The layers every request passes: who is asking (session, language, address), whether a state-changing request
//! really comes from our own pages (Origin check — Leptos server functions do none themselves), and the security
//! headers of every response.

use crate::state::{now_ms, AppState};
use app::ssr::RequestInfo;
use axum::body::Body;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::SocketAddr;

pub const SESSION_COOKIE: &str = "portal_session";
pub const LANG_COOKIE: &str = "portal_lang";
pub const ELDERLY_COOKIE: &str = "portal_elderly";

/// The session token of the request, kept for logout.
#[derive(Clone, Debug)]
pub struct SessionToken(pub String);

pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn client_ip(req: &Request<Body>, trust_forwarded_for: bool) -> String {
    if trust_forwarded_for {
        if let Some(first) = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(',').next())
        {
            return first.trim().to_string();
        }
    }
    req.extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|ci| ci.0.ip().to_string())
        .unwrap_or_else(|| "unknown".into())
}

/// Works out the request's facts once and stores them for pages, forms, the API and server functions alike.
pub async fn request_context(
    State(state): State<AppState>,
    mut req: Request<Body>,
    next: Next,
) -> Response {
    let now = now_ms();
    let headers = req.headers();
    let lang = crate::page_cache::request_lang(headers);
    let elderly = cookie(headers, ELDERLY_COOKIE) == Some("1");
    let token = cookie(headers, SESSION_COOKIE).map(str::to_string);
    let user = match &token {
        Some(t) => match db::sessions::lookup(&state.ctx.db, t, now).await {
            Ok(user) => user,
            Err(e) => {
                tracing::error!(error = %e, "session lookup failed");
                return (StatusCode::SERVICE_UNAVAILABLE, "service unavailable").into_response();
            }
        },
        None => None,
    };
    let info = RequestInfo {
        ip: client_ip(&req, state.settings.trust_forwarded_for),
        lang,
        elderly,
        user,
        today: domain::date::shanghai_date(now),
        now_ms: now,
    };
    if let Some(t) = token {
        req.extensions_mut().insert(SessionToken(t));
    }
    req.extensions_mut().insert(info);
    next.run(req).await
}

/// The origin (`scheme://host[:port]`) of an Origin or Referer header value.
fn origin_of(value: &str) -> Option<String> {
    let (scheme, rest) = value.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

/// Refuses a state-changing request unless its Origin (or, failing that, its Referer) is this site. Browsers set
/// Origin on every cross-site POST and a page cannot forge it, so a form or fetch from another site is stopped
/// even when it carries the user's cookies. Other systems calling the API send their Origin too.
pub async fn csrf_guard(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let claimed = headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .filter(|v| *v != "null")
        .and_then(origin_of)
        .or_else(|| {
            headers
                .get(header::REFERER)
                .and_then(|v| v.to_str().ok())
                .and_then(origin_of)
        });
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let allowed = match &claimed {
        Some(origin) => {
            let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or("");
            origin_host.eq_ignore_ascii_case(host)
                || state.settings.allowed_origins.iter().any(|a| a == origin)
        }
        None => false,
    };
    if allowed {
        return next.run(req).await;
    }
    tracing::warn!(method = %req.method(), path = %req.uri().path(), origin = ?claimed, "cross-site request refused");
    let lang = req
        .extensions()
        .get::<RequestInfo>()
        .map(|i| i.lang)
        .unwrap_or_default();
    crate::api::ApiError::new(
        StatusCode::FORBIDDEN,
        "csrf",
        lang.pick(
            "请求来源无法验证，已拒绝。请从本网站页面重新提交。",
            "This request did not come from this site's pages and was refused. Submit it again from the portal.",
            "요청 출처를 확인할 수 없어 거부되었습니다. 포털에서 다시 제출하십시오.",
        ),
    )
    .into_response()
}

/// Security headers on every response; pages set their own CSP with a nonce, everything else gets a strict one.
pub async fn security_headers(req: Request<Body>, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/pkg/");
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "cross-origin-opener-policy",
        HeaderValue::from_static("same-origin"),
    );
    h.insert(
        "permissions-policy",
        HeaderValue::from_static("camera=(), microphone=(), geolocation=(), payment=()"),
    );
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            ),
        );
    }
    if !is_static && !h.contains_key(header::CACHE_CONTROL) {
        // Pages carry personal data: no shared cache may keep them.
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_are_read_from_origin_and_referer_values() {
        assert_eq!(
            origin_of("http://127.0.0.1:3000").as_deref(),
            Some("http://127.0.0.1:3000")
        );
        assert_eq!(
            origin_of("https://a.example/path?x=1").as_deref(),
            Some("https://a.example")
        );
        assert_eq!(origin_of("garbage"), None);
    }

    #[test]
    fn cookies_are_found_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; portal_lang=ko; b=2"),
        );
        assert_eq!(cookie(&h, LANG_COOKIE), Some("ko"));
        assert_eq!(cookie(&h, SESSION_COOKIE), None);
    }
}
