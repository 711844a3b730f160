//! A form posted without JavaScript that did not go through: the same page again, rendered for a GET of the
//! request's path, with the form's outcome (answers kept, never passwords; errors next to their fields; a notice)
//! and the status the JSON API would give.
//!
//! Rendered in order, like the pages' own routes: a form posted without JavaScript comes back to a browser that
//! runs no script, so everything inside a `<Suspense/>` (the /track form itself) must be in its place in the HTML.
//! Out-of-order streaming would send whatever had not resolved at the first poll as a `<template>` that only a
//! script moves into the page, and the form would be missing, depending on timing.

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
    let handler = leptos_axum::render_app_to_stream_in_order_with_context(
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
