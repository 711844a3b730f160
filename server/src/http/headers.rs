//! Security headers on every response; pages set their own CSP with a nonce (or hashes, when kept), everything else
//! gets a strict one. Pages carry personal data, so no shared cache may keep them.

use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderValue, Request};
use axum::middleware::Next;
use axum::response::Response;

/// `State(tls)`: the site is served over TLS (`PORTAL_SECURE_COOKIES=1`); then browsers are told to use nothing else
/// for two years (HSTS), so no first request goes out in clear.
pub async fn security_headers(State(tls): State<bool>, req: Request<Body>, next: Next) -> Response {
    let is_static = req.uri().path().starts_with("/pkg/");
    // The video room and the device check use the camera and microphone; no other page may.
    let path = req.uri().path();
    let media = path == "/meeting-check"
        || (path.starts_with("/mediations/") && path.ends_with("/meeting"));
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if !h.contains_key(header::X_FRAME_OPTIONS) {
        h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
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
        HeaderValue::from_static(if media {
            "camera=(self), microphone=(self), geolocation=(), payment=()"
        } else {
            "camera=(), microphone=(), geolocation=(), payment=()"
        }),
    );
    if tls {
        h.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=63072000; includeSubDomains"),
        );
    }
    if !h.contains_key(header::CONTENT_SECURITY_POLICY) {
        h.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(
                "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
            ),
        );
    }
    if !is_static && !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use tower::ServiceExt;

    async fn headers_with(tls: bool) -> axum::http::HeaderMap {
        let app = axum::Router::new()
            .route("/", get(|| async { "ok" }))
            .layer(axum::middleware::from_fn_with_state(tls, security_headers));
        let res = app
            .oneshot(Request::get("/").body(Body::empty()).unwrap())
            .await
            .unwrap();
        res.headers().clone()
    }

    #[tokio::test]
    async fn hsts_is_sent_when_the_site_is_served_over_tls() {
        let h = headers_with(true).await;
        assert_eq!(
            h.get(header::STRICT_TRANSPORT_SECURITY).unwrap(),
            "max-age=63072000; includeSubDomains"
        );
        assert_eq!(h.get(header::X_FRAME_OPTIONS).unwrap(), "DENY");
        // Over plain http it would be ignored by browsers and wrong to promise.
        assert!(headers_with(false)
            .await
            .get(header::STRICT_TRANSPORT_SECURITY)
            .is_none());
    }
}
