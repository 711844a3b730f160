//! `/api/v1/health`, `/courts`, `/fees/quote`, `/validate`: public, no login.

use crate::http::extract::{ApiJson, Caller};
use crate::http::page_cache::Encoding;
use crate::http::problem::Problem;
use crate::state::AppState;
use app::reference::service::{self, ReferenceError};
use app::texts::Message;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
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

/// The courts' answer, serialised and compressed once per version of the courts in memory (the entry holds that
/// version, so it cannot be mistaken for another).
struct CourtsBody {
    courts: std::sync::Arc<Vec<db::courts::Court>>,
    bodies: [(Encoding, Bytes); 3],
}

static COURTS_BODY: std::sync::Mutex<Option<std::sync::Arc<CourtsBody>>> =
    std::sync::Mutex::new(None);

fn courts_body(courts: std::sync::Arc<Vec<db::courts::Court>>) -> std::sync::Arc<CourtsBody> {
    if let Ok(kept) = COURTS_BODY.lock() {
        if let Some(b) = kept
            .as_ref()
            .filter(|b| std::sync::Arc::ptr_eq(&b.courts, &courts))
        {
            return b.clone();
        }
    }
    let dtos: Vec<CourtDto> = courts
        .iter()
        .map(|c| CourtDto {
            code: c.code.clone(),
            name: c.name.clone(),
            name_ko: c.name_ko.clone(),
            level: c.level.clone(),
            parent_code: c.parent_code.clone(),
            region: c.region.clone(),
            places: c.places.clone(),
        })
        .collect();
    let json = serde_json::to_vec(&dtos).unwrap_or_default();
    let body = |e: Encoding| {
        (
            e,
            Bytes::from(e.compress(&json).unwrap_or_else(|_| json.clone())),
        )
    };
    let built = std::sync::Arc::new(CourtsBody {
        courts,
        bodies: [
            body(Encoding::Brotli),
            body(Encoding::Gzip),
            (Encoding::Identity, Bytes::from(json.clone())),
        ],
    });
    if let Ok(mut kept) = COURTS_BODY.lock() {
        *kept = Some(built.clone());
    }
    built
}

/// The courts the portal serves (reference data): from memory, serialised and compressed once per change.
#[utoipa::path(get, path = "/api/v1/courts", tag = "reference", responses((status = 200, body = Vec<CourtDto>),
    (status = 500, body = Problem)))]
async fn courts(
    State(state): State<AppState>,
    Caller(caller): Caller,
    headers: HeaderMap,
) -> Result<Response, Problem> {
    let list = service::courts(&state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let wanted = Encoding::of(&headers);
    let kept = courts_body(list);
    let (encoding, bytes) = kept
        .bodies
        .iter()
        .find(|(e, _)| *e == wanted)
        .cloned()
        .unwrap_or_else(|| kept.bodies[2].clone());
    let mut res = Response::new(axum::body::Body::from(bytes));
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if let Some(v) = encoding.header() {
        h.insert(header::CONTENT_ENCODING, v);
    }
    Ok(res)
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
