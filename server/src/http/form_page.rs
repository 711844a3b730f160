//! A form posted without JavaScript that did not go through: the same page again, rendered for a GET of the
//! request's path, with the form's outcome (answers kept, never passwords; errors next to their fields; a notice)
//! and the status the JSON API would give.

use crate::state::AppState;
use app::FormOutcome;
use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// Renders the page at the request's path with the form's outcome, under the given status.
pub async fn render_with(
    state: &AppState,
    mut parts: Parts,
    outcome: FormOutcome,
    status: StatusCode,
) -> Response {
    let ctx = state.ctx.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(
        move || {
            provide_context(ctx.clone());
            provide_context(outcome.clone());
            leptos::nonce::provide_nonce();
        },
        move || app::shell(options.clone()),
    );
    parts.method = Method::GET;
    let mut res = handler(Request::from_parts(parts, Body::empty()))
        .await
        .into_response();
    *res.status_mut() = status;
    res
}
