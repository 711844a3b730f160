//! The JSON API for other court systems and mobile clients, under /api/v1, described by /api/v1/openapi.json
//! (generated from these handlers with utoipa). Errors are `{ "error": code, "message": text, "fields": {…} }`.

use crate::auth::{self, ServiceError};
use crate::security::SessionToken;
use crate::state::AppState;
use app::ssr::RequestInfo;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Extension, Json, Router};
use domain::registration::RegistrationForm;
use domain::{FieldErrors, Lang};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::{OpenApi, ToSchema};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/health", get(health))
        .route("/api/v1/courts", get(courts))
        .route("/api/v1/accounts", post(register))
        .route("/api/v1/accounts/{id}", get(account_by_id))
        .route("/api/v1/me", get(me))
        .route("/api/v1/session", post(login).delete(logout))
        .route("/api/v1/openapi.json", get(openapi))
        .fallback(not_found)
}

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Court self-service portal API",
        version = "1.0.0",
        description = "For other court systems and mobile clients. State-changing requests must carry an Origin \
                        header of this site (CSRF protection); the session is the `portal_session` cookie."
    ),
    paths(health, courts, register, account_by_id, me, login, logout),
    components(schemas(
        ApiErrorBody,
        Health,
        CourtDto,
        AccountDto,
        RegisterRequest,
        LoginRequest
    ))
)]
pub struct ApiDoc;

async fn openapi() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

/// The error body of every failed API call.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct ApiErrorBody {
    /// A stable code: `validation`, `taken`, `unauthorized`, `not_found`, `csrf`, `rate_limited`, `internal`.
    pub error: String,
    /// A sentence in the caller's language (cookie or Accept-Language).
    pub message: String,
    /// Per-field messages, when the input was at fault.
    pub fields: BTreeMap<String, String>,
}

pub struct ApiError {
    status: StatusCode,
    body: ApiErrorBody,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &str, message: &str) -> ApiError {
        ApiError {
            status,
            body: ApiErrorBody {
                error: code.into(),
                message: message.into(),
                fields: BTreeMap::new(),
            },
        }
    }

    fn fields(status: StatusCode, code: &str, lang: Lang, errors: &FieldErrors) -> ApiError {
        let mut e = ApiError::new(
            status,
            code,
            lang.pick(
                "提交的内容有误，请按提示修改。",
                "Some answers need correcting.",
                "입력 내용을 고쳐 주십시오.",
            ),
        );
        e.body.fields = errors
            .0
            .iter()
            .map(|(f, err)| (f.clone(), err.message(lang).to_string()))
            .collect();
        e
    }

    fn service(err: ServiceError, lang: Lang) -> ApiError {
        match err {
            ServiceError::Invalid(errors) => ApiError::fields(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                lang,
                &errors,
            ),
            ServiceError::Taken(errors) => {
                ApiError::fields(StatusCode::CONFLICT, "taken", lang, &errors)
            }
            ServiceError::BadCredentials => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "bad_credentials",
                app::FormNotice::BadCredentials.message(lang),
            ),
            ServiceError::TooManyAttempts => ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                "rate_limited",
                app::FormNotice::TooManyAttempts.message(lang),
            ),
            ServiceError::Internal(cause) => {
                tracing::error!(%cause, "API request failed");
                internal(lang)
            }
        }
    }
}

fn internal(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        lang.pick(
            "服务暂时出错，请稍后再试。",
            "Something went wrong on our side.",
            "일시적인 오류입니다.",
        ),
    )
}

fn not_found_error(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        lang.pick("未找到。", "Not found.", "찾을 수 없습니다."),
    )
}

fn unauthorized(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        lang.pick("请先登录。", "Please log in first.", "먼저 로그인하십시오."),
    )
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (self.status, Json(self.body)).into_response()
    }
}

async fn not_found(Extension(info): Extension<RequestInfo>) -> ApiError {
    not_found_error(info.lang)
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Health {
    /// `ok` or `degraded`.
    pub status: String,
    pub database: bool,
    pub version: String,
}

/// Liveness and database reachability (503 when the database does not answer).
#[utoipa::path(get, path = "/api/v1/health", responses((status = 200, body = Health), (status = 503, body = Health)))]
async fn health(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    let database = state.ctx.db.ping().await;
    let status = if database {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (
        status,
        Json(Health {
            status: if database { "ok" } else { "degraded" }.into(),
            database,
            version: env!("CARGO_PKG_VERSION").into(),
        }),
    )
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
}

/// The courts the portal serves (reference data).
#[utoipa::path(get, path = "/api/v1/courts", responses((status = 200, body = Vec<CourtDto>)))]
async fn courts(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
) -> Result<Json<Vec<CourtDto>>, ApiError> {
    let list = db::courts::list(&state.ctx.db)
        .await
        .map_err(|e| ApiError::service(e.into(), info.lang))?;
    Ok(Json(
        list.into_iter()
            .map(|c| CourtDto {
                code: c.code,
                name: c.name,
                name_ko: c.name_ko,
                level: c.level,
                parent_code: c.parent_code,
                region: c.region,
            })
            .collect(),
    ))
}

/// An account as its owner sees it.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct AccountDto {
    pub id: String,
    /// `citizen`, `enterprise`, `lawyer`, `clerk`, `mediator`, `judge` or `court_admin`.
    pub kind: String,
    pub login_name: String,
    pub display_name: String,
    pub mobile: Option<String>,
    /// Masked (220202********1234); the full number is shown only on the owner's own page.
    pub id_number_masked: Option<String>,
    pub uscc: Option<String>,
    pub licence_no: Option<String>,
    pub law_firm: Option<String>,
    pub court_code: Option<String>,
}

impl From<db::accounts::Account> for AccountDto {
    fn from(a: db::accounts::Account) -> Self {
        AccountDto {
            id: a.id,
            kind: a.kind.code().into(),
            login_name: a.login_name,
            display_name: a.display_name,
            mobile: a.mobile,
            id_number_masked: a.id_number_masked,
            uscc: a.uscc,
            licence_no: a.licence_no,
            law_firm: a.law_firm,
            court_code: a.court_code,
        }
    }
}

/// Self-registration of a citizen, enterprise or lawyer (the fields a kind does not use may be omitted).
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // Read through RegistrationForm; this type documents the contract.
pub struct RegisterRequest {
    /// `citizen`, `enterprise` or `lawyer`.
    kind: String,
    name: String,
    id_number: Option<String>,
    uscc: Option<String>,
    uscc_confirmed: Option<bool>,
    legal_representative: Option<String>,
    contact_name: Option<String>,
    licence_no: Option<String>,
    law_firm: Option<String>,
    mobile: String,
    password: String,
    password_confirm: String,
}

fn ua(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string()
}

fn with_session(
    status: StatusCode,
    account: db::accounts::Account,
    token: &str,
    secure: bool,
) -> Response {
    let mut res = (status, Json(AccountDto::from(account))).into_response();
    res.headers_mut()
        .append(header::SET_COOKIE, auth::session_cookie(token, secure));
    res
}

/// Registers and logs in (sets the session cookie).
#[utoipa::path(post, path = "/api/v1/accounts", request_body = RegisterRequest, responses(
    (status = 201, body = AccountDto), (status = 409, body = ApiErrorBody), (status = 422, body = ApiErrorBody)))]
async fn register(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    headers: HeaderMap,
    Json(form): Json<RegistrationForm>,
) -> Result<Response, ApiError> {
    let (account, token) = auth::register(&state, &form, &info, &ua(&headers))
        .await
        .map_err(|e| ApiError::service(e, info.lang))?;
    Ok(with_session(
        StatusCode::CREATED,
        account,
        &token,
        state.settings.secure_cookies,
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    /// Mobile number (people, lawyers), credit code (enterprises) or user name (court staff).
    login_name: String,
    password: String,
}

/// Logs in: a new session (a new id) every time.
#[utoipa::path(post, path = "/api/v1/session", request_body = LoginRequest, responses(
    (status = 200, body = AccountDto), (status = 401, body = ApiErrorBody), (status = 429, body = ApiErrorBody)))]
async fn login(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    headers: HeaderMap,
    Json(req): Json<LoginRequest>,
) -> Result<Response, ApiError> {
    let (account, token) =
        auth::login(&state, &req.login_name, &req.password, &info, &ua(&headers))
            .await
            .map_err(|e| ApiError::service(e, info.lang))?;
    Ok(with_session(
        StatusCode::OK,
        account,
        &token,
        state.settings.secure_cookies,
    ))
}

/// Logs out: the session is deleted on the server, not just forgotten by the browser.
#[utoipa::path(delete, path = "/api/v1/session", responses((status = 204)))]
async fn logout(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    token: Option<Extension<SessionToken>>,
) -> Result<Response, ApiError> {
    if let Some(Extension(SessionToken(token))) = token {
        db::sessions::delete(&state.ctx.db, &token, &info.ip, info.now_ms)
            .await
            .map_err(|e| ApiError::service(e.into(), info.lang))?;
    }
    let mut res = StatusCode::NO_CONTENT.into_response();
    res.headers_mut().append(
        header::SET_COOKIE,
        auth::clear_session_cookie(state.settings.secure_cookies),
    );
    Ok(res)
}

/// The caller's own account.
#[utoipa::path(get, path = "/api/v1/me", responses((status = 200, body = AccountDto), (status = 401, body = ApiErrorBody)))]
async fn me(Extension(info): Extension<RequestInfo>) -> Result<Json<AccountDto>, ApiError> {
    info.user
        .map(|u| Json(u.into()))
        .ok_or_else(|| unauthorized(info.lang))
}

/// One account, visible only to itself: anyone else's is 404, exactly as if it did not exist.
#[utoipa::path(get, path = "/api/v1/accounts/{id}", params(("id" = String, Path)), responses(
    (status = 200, body = AccountDto), (status = 401, body = ApiErrorBody), (status = 404, body = ApiErrorBody)))]
async fn account_by_id(
    Extension(info): Extension<RequestInfo>,
    Path(id): Path<String>,
) -> Result<Json<AccountDto>, ApiError> {
    let user = info.user.ok_or_else(|| unauthorized(info.lang))?;
    if user.id != id {
        return Err(not_found_error(info.lang));
    }
    Ok(Json(user.into()))
}
