//! Errors of the JSON API as RFC 9457 problem details (`application/problem+json`), in the caller's language:
//! `type`, `title`, `status`, `detail`, a stable `code`, per-field `errors` when the input was at fault, and — for
//! our own failures — an opaque `error_id` that is also in the log line, never the cause itself.

use app::error::{kind_message, ErrorKind, ServiceError};
use app::ssr::RequestInfo;
use app::texts::Message;
use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use domain::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;

pub const CONTENT_TYPE: &str = "application/problem+json";

/// The body of every failed API call.
#[derive(Clone, Debug, Serialize, Deserialize, ToSchema)]
pub struct Problem {
    /// Identifies the kind of problem: `urn:portal:problem:<code>`.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// A short summary of the kind, in the caller's language (cookie or Accept-Language).
    pub title: String,
    /// The HTTP status, repeated.
    pub status: u16,
    /// What happened and what to do, in the caller's language.
    pub detail: String,
    /// A stable code to match on: `validation`, `malformed_json`, `unsupported_media_type`, `too_large`,
    /// `unauthorized`, `not_found`, `method_not_allowed`, `conflict`, `taken`, `no_consent`, `not_overdue`, `csrf`,
    /// `rate_limited`, `internal`, …
    pub code: String,
    /// Per-field messages (422), keyed by the field's path in the request (`parties.1.id_number`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: BTreeMap<String, String>,
    /// For a 500: quote it when reporting the problem; the log line carries the same id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_id: Option<String>,
    /// For `slot_taken` (409): the start times (RFC 3339, Asia/Shanghai) of the mediator's next free slots.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_free: Option<Vec<String>>,
}

fn kind_of(status: StatusCode) -> ErrorKind {
    match status.as_u16() {
        401 => ErrorKind::Unauthorized,
        403 => ErrorKind::Forbidden,
        404 => ErrorKind::NotFound,
        409 => ErrorKind::Conflict,
        429 => ErrorKind::TooManyRequests,
        s if s >= 500 => ErrorKind::Internal,
        _ => ErrorKind::Invalid,
    }
}

impl Problem {
    pub fn new(status: StatusCode, code: &str, detail: &str, lang: Lang) -> Problem {
        Problem {
            type_uri: format!("urn:portal:problem:{code}"),
            title: kind_of(status).title(lang).into(),
            status: status.as_u16(),
            detail: detail.into(),
            code: code.into(),
            errors: BTreeMap::new(),
            error_id: None,
            next_free: None,
        }
    }

    /// The API door's one mapping of a service error. An internal cause is logged with a fresh id, which the
    /// problem carries instead of the cause.
    pub fn from_service(e: &dyn ServiceError, lang: Lang) -> Problem {
        let kind = e.kind();
        let status =
            StatusCode::from_u16(kind.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut p = Problem::new(status, e.code(), &e.message(lang), lang);
        if let Some(fields) = e.field_errors() {
            p.errors = fields
                .0
                .iter()
                .map(|(f, err)| (f.clone(), err.message(lang).to_string()))
                .collect();
        }
        if kind == ErrorKind::Internal {
            p = p.with_error_id(e.internal_cause().unwrap_or(""));
        }
        p
    }

    /// Logs `cause` under a fresh opaque id and carries the id.
    pub fn with_error_id(mut self, cause: &str) -> Problem {
        let id = db::new_id()[..12].to_string();
        tracing::error!(error_id = %id, code = %self.code, %cause, "request failed");
        self.error_id = Some(id);
        self
    }

    /// A problem that is only its status (a rejection from the framework, a route that does not exist).
    pub fn status_only(status: StatusCode, lang: Lang) -> Problem {
        let code = match status.as_u16() {
            400 => "bad_request",
            404 => "not_found",
            405 => "method_not_allowed",
            408 => "timeout",
            413 => "too_large",
            415 => "unsupported_media_type",
            429 => "rate_limited",
            503 => "unavailable",
            s if s >= 500 => "internal",
            _ => "bad_request",
        };
        let detail = match code {
            "method_not_allowed" => app::tr!(lang, api_this_address_does_not_take_that),
            "too_large" => app::tr!(lang, api_the_request_body_is_too_large),
            "unsupported_media_type" => app::tr!(lang, api_send_the_body_as_application_json),
            "bad_request" => app::tr!(lang, api_the_request_is_malformed),
            _ => kind_message(kind_of(status), lang),
        };
        let p = Problem::new(status, code, detail, lang);
        if status.is_server_error() {
            p.with_error_id("a response with no problem body")
        } else {
            p
        }
    }
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let body = serde_json::to_vec(&self).unwrap_or_default();
        let mut res = (status, body).into_response();
        res.headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(CONTENT_TYPE));
        res
    }
}

/// Middleware on `/api/v1`: any error response that is not a problem yet (a body over the limit, a wrong method,
/// a framework rejection) becomes one, in the caller's language. Nothing under the API answers an error in HTML or
/// with a bare status.
pub async fn every_error_is_a_problem(req: Request<Body>, next: Next) -> Response {
    let lang = req
        .extensions()
        .get::<RequestInfo>()
        .map(|i| i.lang)
        .unwrap_or_default();
    let res = next.run(req).await;
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(CONTENT_TYPE.as_bytes()));
    if (status.is_client_error() || status.is_server_error()) && !is_problem {
        return Problem::status_only(status, lang).into_response();
    }
    res
}
