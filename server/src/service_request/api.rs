//! `/api/v1/service-requests`: send one, read one, list (the caller's own, or the court's queue for its staff),
//! and the actions — answer, transfer, close (court staff), reply and rating (the sender). Someone else's request,
//! and another court's, is a 404.

use crate::http::extract::{ApiJson, Caller};
use crate::http::problem::Problem;
use crate::state::AppState;
use app::service_request::data::{RequestSummary, RequestView};
use app::service_request::service::{self, SubmitInput};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit, list))
        .routes(routes!(one))
        .routes(routes!(answer))
        .routes(routes!(transfer))
        .routes(routes!(close))
        .routes(routes!(reply))
        .routes(routes!(rating))
}

#[derive(Deserialize, ToSchema, Default)]
pub struct SubmitBody {
    /// consultation | enquiry | contact | appointment | transfer | complaint
    pub kind: String,
    /// The court asked (法院代字, e.g. 吉0211).
    pub court_code: String,
    /// One line, at most 100 characters.
    pub subject: String,
    /// At most 2000 characters.
    pub body: String,
    /// The case number (required for enquiries and contacting the judge).
    #[serde(default)]
    pub case_ref: String,
    /// A complaint that something could not get done at the court (办不成事反映).
    #[serde(default)]
    pub cannot_get_done: bool,
}

#[derive(Deserialize, ToSchema, Default)]
pub struct TextBody {
    pub body: String,
}

#[derive(Deserialize, ToSchema, Default)]
pub struct TransferBody {
    /// Another court, or empty to stay at this court and go to a department.
    #[serde(default)]
    pub court_code: String,
    #[serde(default)]
    pub department: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Deserialize, ToSchema, Default)]
pub struct CloseBody {
    pub note: String,
}

#[derive(Deserialize, ToSchema, Default)]
pub struct RatingBody {
    /// 1–5
    pub score: u8,
    /// Required when the score is below 3.
    #[serde(default)]
    pub reason: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct RequestList {
    /// Whether this is a court's queue (overdue first) rather than the caller's own requests.
    pub queue: bool,
    pub requests: Vec<RequestSummary>,
}

fn refused(e: app::service_request::error::RequestError, lang: domain::Lang) -> Problem {
    Problem::from_service(&e, lang)
}

/// Sends a request to a court (logged-in people, enterprises and lawyers; not court staff).
#[utoipa::path(post, path = "/api/v1/service-requests", tag = "service", request_body = SubmitBody, responses(
    (status = 201, body = RequestView), (status = 401, body = Problem), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn submit(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(b): ApiJson<SubmitBody>,
) -> Result<(StatusCode, Json<RequestView>), Problem> {
    let input = SubmitInput {
        kind: b.kind,
        court_code: b.court_code,
        subject: b.subject,
        body: b.body,
        case_ref: b.case_ref,
        cannot_get_done: b.cannot_get_done,
    };
    let v = service::submit(&caller, &input, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok((StatusCode::CREATED, Json(v)))
}

/// The caller's requests, or — for court staff — their court's queue, open ones first, the most overdue on top.
#[utoipa::path(get, path = "/api/v1/service-requests", tag = "service", responses(
    (status = 200, body = RequestList), (status = 401, body = Problem)))]
async fn list(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<RequestList>, Problem> {
    let (queue, requests) = service::list(&caller, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(RequestList { queue, requests }))
}

/// One request with its messages, the time left and what the caller may do now.
#[utoipa::path(get, path = "/api/v1/service-requests/{id}", tag = "service", params(("id" = String, Path)),
    responses((status = 200, body = RequestView), (status = 404, body = Problem)))]
async fn one(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<RequestView>, Problem> {
    service::view(&caller, &id, &state.ctx)
        .await
        .map(Json)
        .map_err(|e| refused(e, caller.lang))
}

/// The court's answer (staff of the court the request is at).
#[utoipa::path(post, path = "/api/v1/service-requests/{id}/answer", tag = "service", params(("id" = String, Path)),
    request_body = TextBody, responses((status = 200, body = RequestView), (status = 404, body = Problem),
    (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn answer(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TextBody>,
) -> Result<Json<RequestView>, Problem> {
    service::answer(&caller, &id, &b.body, &state.ctx)
        .await
        .map(Json)
        .map_err(|e| refused(e, caller.lang))
}

/// Sends the request on to another court or a department (staff of the court it is at); the promised time starts
/// again there.
#[utoipa::path(post, path = "/api/v1/service-requests/{id}/transfer", tag = "service", params(("id" = String, Path)),
    request_body = TransferBody, responses((status = 200, body = RequestView), (status = 404, body = Problem),
    (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn transfer(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TransferBody>,
) -> Result<Json<RequestView>, Problem> {
    service::transfer(
        &caller,
        &id,
        &b.court_code,
        &b.department,
        &b.note,
        &state.ctx,
    )
    .await
    .map(Json)
    .map_err(|e| refused(e, caller.lang))
}

/// Closes the request with a note (staff of the court it is at).
#[utoipa::path(post, path = "/api/v1/service-requests/{id}/close", tag = "service", params(("id" = String, Path)),
    request_body = CloseBody, responses((status = 200, body = RequestView), (status = 404, body = Problem),
    (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn close(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<CloseBody>,
) -> Result<Json<RequestView>, Problem> {
    service::close(&caller, &id, &b.note, &state.ctx)
        .await
        .map(Json)
        .map_err(|e| refused(e, caller.lang))
}

/// The sender's one reply to the answer: the request is open again.
#[utoipa::path(post, path = "/api/v1/service-requests/{id}/reply", tag = "service", params(("id" = String, Path)),
    request_body = TextBody, responses((status = 200, body = RequestView), (status = 404, body = Problem),
    (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn reply(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<TextBody>,
) -> Result<Json<RequestView>, Problem> {
    service::reply(&caller, &id, &b.body, &state.ctx)
        .await
        .map(Json)
        .map_err(|e| refused(e, caller.lang))
}

/// The sender rates the answer or the closing, once: 1–5, a reason below 3.
#[utoipa::path(post, path = "/api/v1/service-requests/{id}/rating", tag = "service", params(("id" = String, Path)),
    request_body = RatingBody, responses((status = 200, body = RequestView), (status = 404, body = Problem),
    (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn rating(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(b): ApiJson<RatingBody>,
) -> Result<Json<RequestView>, Problem> {
    service::rate(&caller, &id, b.score, &b.reason, &state.ctx)
        .await
        .map(Json)
        .map_err(|e| refused(e, caller.lang))
}
