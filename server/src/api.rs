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
        .route("/api/v1/fees/quote", post(fee_quote))
        .route("/api/v1/validate", post(validate))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/{*rest}", axum::routing::any(not_found))
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

pub(crate) fn internal(lang: Lang) -> ApiError {
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

pub(crate) fn not_found_error(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        lang.pick("未找到。", "Not found.", "찾을 수 없습니다."),
    )
}

pub(crate) fn unauthorized(lang: Lang) -> ApiError {
    ApiError::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        lang.pick("请先登录。", "Please log in first.", "먼저 로그인하십시오."),
    )
}

impl ApiError {
    pub fn status(&self) -> StatusCode {
        self.status
    }

    pub fn set_fields(&mut self, fields: BTreeMap<String, String>) {
        self.body.fields = fields;
    }
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
    /// The places the court serves as addresses name them (`昌邑区`): the competent court is found from these.
    pub places: Vec<String>,
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
                places: c.places,
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

/// `POST /api/v1/fees/quote` body (《诉讼费用交纳办法》).
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // Read as domain::fees::FeeRequest; this type documents the contract.
pub struct FeeQuoteRequest {
    /// property | divorce | personality | non_property | ip | labour | administrative | administrative_ip |
    /// judicial_confirmation | payment_order | enforcement
    fee_category: String,
    /// The amount in dispute in fen (integer), or null.
    amount_fen: Option<i64>,
    /// ordinary | simple (default ordinary)
    procedure: Option<String>,
    /// The amount to preserve in fen, or null.
    preservation_amount_fen: Option<i64>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct FeeLineDto {
    pub item: String,
    pub amount_fen: i64,
    /// The article the line comes from.
    pub basis: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct FeeQuoteResponse {
    pub acceptance_fee_fen: i64,
    pub preservation_fee_fen: i64,
    pub total_fen: i64,
    pub lines: Vec<FeeLineDto>,
    /// The fee table (provincial choices) the quote used.
    pub table_version: String,
}

/// Quotes the court fee line by line, each line citing its article; the same code runs in the browser.
#[utoipa::path(post, path = "/api/v1/fees/quote", request_body = FeeQuoteRequest, responses(
    (status = 200, body = FeeQuoteResponse), (status = 422, body = ApiErrorBody)))]
async fn fee_quote(
    State(state): State<AppState>,
    Extension(info): Extension<RequestInfo>,
    body: Result<Json<domain::fees::FeeRequest>, axum::extract::rejection::JsonRejection>,
) -> Result<Json<FeeQuoteResponse>, ApiError> {
    let lang = info.lang;
    let Json(req) = body.map_err(|e| {
        ApiError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "validation",
            &format!(
                "{}: {}",
                lang.pick("请求格式有误", "Malformed request", "요청 형식 오류"),
                e.body_text()
            ),
        )
    })?;
    let q = domain::fees::quote(&req, &state.settings.fee_table).map_err(|e| {
        let (field, msg) = match e {
            domain::fees::FeeError::AmountRequired => (
                "amount_fen",
                lang.pick(
                    "此类案件须填写争议金额。",
                    "This category needs an amount.",
                    "이 유형은 금액이 필요합니다.",
                ),
            ),
            domain::fees::FeeError::AmountOutOfRange => (
                "amount_fen",
                lang.pick(
                    "金额须为不超过一万亿元的非负整数（分）。",
                    "Amounts are whole fen, not negative, at most one trillion yuan.",
                    "금액은 음수가 아닌 정수(펀)여야 합니다.",
                ),
            ),
        };
        let mut err = ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, "validation", msg);
        err.body.fields.insert(field.into(), msg.into());
        err
    })?;
    Ok(Json(FeeQuoteResponse {
        acceptance_fee_fen: q.acceptance_fee_fen,
        preservation_fee_fen: q.preservation_fee_fen,
        total_fen: q.total_fen,
        lines: q
            .lines
            .into_iter()
            .map(|l| FeeLineDto {
                item: l.item,
                amount_fen: l.amount_fen,
                basis: l.basis,
            })
            .collect(),
        table_version: q.table_version,
    }))
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
#[utoipa::path(post, path = "/api/v1/validate", request_body = ValidateRequest, responses(
    (status = 200, body = ValidateResponse), (status = 422, body = ApiErrorBody)))]
async fn validate(
    Extension(info): Extension<RequestInfo>,
    Json(req): Json<ValidateRequest>,
) -> Result<Json<ValidateResponse>, ApiError> {
    let result = match req.kind.as_str() {
        "resident_id" => domain::ResidentId::parse(&req.value, info.today).map(|_| ()),
        "uscc" => domain::Uscc::parse_confirmed(&req.value, false).map(|_| ()),
        "mobile" => domain::Mobile::parse(&req.value).map(|_| ()),
        "lawyer_licence" => domain::LawyerLicence::parse(&req.value).map(|_| ()),
        _ => {
            let mut e = ApiError::new(
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                "kind: resident_id | uscc | mobile | lawyer_licence",
            );
            e.body.fields.insert(
                "kind".into(),
                "resident_id | uscc | mobile | lawyer_licence".into(),
            );
            return Err(e);
        }
    };
    Ok(Json(ValidateResponse {
        valid: result.is_ok(),
        message: result.err().map(|e| e.message(info.lang).to_string()),
    }))
}
