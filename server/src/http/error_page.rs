//! HTML routes' errors: a proper page inside the site's layout, in the user's language, with the right status —
//! the same facts a problem carries (title, message, and for our own failures the id to quote). Rendered in order,
//! so the page is complete without JavaScript (see `form_page`).

use super::problem::Problem;
use crate::state::AppState;
use axum::body::Body;
use axum::http::request::Parts;
use axum::http::{Method, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use leptos::prelude::provide_context;

/// Renders the error page for the request's path with the given problem's status, title and message.
pub async fn render(state: &AppState, mut parts: Parts, problem: &Problem) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let error = app::layout::PageError {
        status: problem.status,
        title: problem.title.clone(),
        message: problem.detail.clone(),
        error_id: problem.error_id.clone(),
    };
    let ctx = state.ctx.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_in_order_with_context(
        move || {
            provide_context(ctx.clone());
            provide_context(error.clone());
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
