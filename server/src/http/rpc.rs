//! Server functions (`/rpc/…`) are public endpoints like any other. Leptos answers every error of one with 500;
//! this layer gives the status the error means — 400 for arguments that do not parse, 401, 404, 409, 422, 429 for
//! the service's refusals — so a client's mistake is never logged or counted as the server's failure.

use app::error::AppError;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Bound on an error body read back (errors are a few hundred bytes).
const MAX_ERROR_BODY: usize = 64 * 1024;

pub async fn statuses(req: Request<Body>, next: Next) -> Response {
    if !req.uri().path().starts_with("/rpc/") {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    if res.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    if let Ok(e) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status =
            StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    }
    Response::from_parts(parts, Body::from(bytes))
}
