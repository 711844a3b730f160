//! `/api/v1/health`, `/courts`, `/fees/quote`, `/validate`: public, no login.

use crate::http::extract::{ApiJson, Caller};
use crate::http::problem::Problem;
use crate::state::AppState;
use app::reference::service::{self, ReferenceError};
use app::texts::Message;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use domain::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(health))
        .routes(routes!(ready))
        .routes(routes!(courts))
        .routes(routes!(fee_quote))
        .routes(routes!(validate))
}

fn refused(e: ReferenceError, lang: Lang) -> Problem {
    Problem::from_service(&e, lang)
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Liveness {
    /// Always `ok`: the process answers.
    pub status: String,
    pub version: String,
}

/// Liveness: the process answers. Touches nothing else (no database round trip), so a load balancer's probe costs
/// nothing and a slow database does not get healthy instances restarted; readiness is `/api/v1/ready`.
#[utoipa::path(get, path = "/api/v1/health", tag = "reference", responses((status = 200, body = Liveness)))]
async fn health() -> Json<Liveness> {
    Json(Liveness {
        status: "ok".into(),
        version: env!("CARGO_PKG_VERSION").into(),
    })
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok` or `degraded`.
    pub status: String,
    pub database: bool,
    pub version: String,
}

/// Readiness: the database answers (a 503 problem when it does not, so the load balancer sends traffic elsewhere).
#[utoipa::path(get, path = "/api/v1/ready", tag = "reference", responses((status = 200, body = Health),
    (status = 503, body = Problem)))]
async fn ready(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<Health>, Problem> {
    if !service::database_reachable(&state.ctx).await {
        return Err(Problem::status_only(
            StatusCode::SERVICE_UNAVAILABLE,
            caller.lang,
        ));
    }
    Ok(Json(Health {
        status: "ok".into(),
        database: true,
        version: env!("CARGO_PKG_VERSION").into(),
    }))
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct CourtDto {
    /// 法院代字 as used in case numbers, e.g. 吉0202.
    pub code: String,
    pub name: String,
    pub name_ko: Option<String>,
    /// `intermediate`, `basic`, `special` (forest courts) or `high`.
    pub level: String,
    pub parent_code: Option<String>,
    pub region: String,
    /// The places the court serves as addresses name them (`昌邑区`): the competent court is found from these.
    pub places: Vec<String>,
}

/// The courts the portal serves (reference data).
#[utoipa::path(get, path = "/api/v1/courts", tag = "reference", responses((status = 200, body = Vec<CourtDto>),
    (status = 500, body = Problem)))]
async fn courts(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<Vec<CourtDto>>, Problem> {
    let list = service::courts(&state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(
        list.into_iter()
            .map(|c| CourtDto {
                code: c.code,
                name: c.name,
                name_ko: c.name_ko,
                level: c.level,
                parent_code: c.parent_code,
                region: c.region,
                places: c.places,
            })
            .collect(),
    ))
}

/// Quotes the court fee line by line, each line citing its article (《诉讼费用交纳办法》); the same code runs in the
/// browser.
#[utoipa::path(post, path = "/api/v1/fees/quote", tag = "reference", request_body = domain::fees::FeeRequest,
    responses((status = 200, body = domain::fees::FeeQuote), (status = 422, body = Problem)))]
async fn fee_quote(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(req): ApiJson<domain::fees::FeeRequest>,
) -> Result<Json<domain::fees::FeeQuote>, Problem> {
    service::fee_quote(&req, &state.ctx)
        .map(Json)
        .map_err(|e| refused(e, caller.lang))
}

#[derive(Deserialize, ToSchema)]
pub struct ValidateRequest {
    /// resident_id | uscc | mobile | lawyer_licence
    kind: String,
    value: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ValidateResponse {
    pub valid: bool,
    /// What is wrong, in the caller's language; null when valid.
    pub message: Option<String>,
}

/// Checks one identifier with the same rules the forms use (GB 11643 check digit, GB 32100 check character …).
#[utoipa::path(post, path = "/api/v1/validate", tag = "reference", request_body = ValidateRequest, responses(
    (status = 200, body = ValidateResponse), (status = 422, body = Problem)))]
async fn validate(
    Caller(caller): Caller,
    ApiJson(req): ApiJson<ValidateRequest>,
) -> Result<Json<ValidateResponse>, Problem> {
    let result =
        service::validate(&caller, &req.kind, &req.value).map_err(|e| refused(e, caller.lang))?;
    Ok(Json(ValidateResponse {
        valid: result.is_ok(),
        message: result.err().map(|e| e.message(caller.lang).to_string()),
    }))
}
