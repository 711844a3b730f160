//! Refuses a state-changing request unless its Origin (or, failing that, its Referer) is this site. Browsers set
//! Origin on every cross-site POST and a page cannot forge it, so a form or fetch from another site is stopped even
//! when it carries the user's cookies. Leptos server functions do no such check themselves; this layer covers them
//! with every other route. Other systems calling the API send their Origin too.

use crate::state::AppState;
use app::ssr::RequestInfo;
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, Method, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The origin (`scheme://host[:port]`) of an Origin or Referer header value.
fn origin_of(value: &str) -> Option<String> {
    let (scheme, rest) = value.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

pub async fn csrf_guard(State(state): State<AppState>, req: Request<Body>, next: Next) -> Response {
    // A WebSocket handshake is a GET, but browsers send it cross-site with the cookies and no CORS check: another
    // site's page could open the video room as the signed-in person (cross-site WebSocket hijacking). It is
    // checked like a POST.
    let websocket = req
        .headers()
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"));
    if matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS) && !websocket {
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
    // This site's own scheme: https behind TLS (the secure-cookies setting says so), http otherwise. A page of the
    // same host over plain http (which anyone on the network can forge) is not this site.
    let scheme = if state.settings.secure_cookies {
        "https"
    } else {
        "http"
    };
    let allowed = match &claimed {
        Some(origin) => {
            let (origin_scheme, origin_host) = origin.split_once("://").unwrap_or(("", ""));
            (origin_scheme.eq_ignore_ascii_case(scheme) && origin_host.eq_ignore_ascii_case(host))
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
    let message = app::tr!(lang, api_this_request_did_not_come_from);
    let problem = super::problem::Problem::new(StatusCode::FORBIDDEN, "csrf", message, lang);
    if req.uri().path().starts_with("/api/") {
        problem.into_response()
    } else {
        let (parts, _) = req.into_parts();
        super::error_page::render(&state, parts, &problem).await
    }
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
}
