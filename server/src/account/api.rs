//! `/api/v1/accounts`, `/api/v1/session`, `/api/v1/me`: parse, call `app::account::service`, map its error once.

use crate::http::context::SessionToken;
use crate::http::cookies;
use crate::http::extract::{ApiJson, Caller};
use crate::http::problem::Problem;
use crate::state::AppState;
use app::account::error::AccountError;
use app::account::service;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use domain::registration::RegistrationForm;
use domain::Lang;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(register))
        .routes(routes!(account_by_id))
        .routes(routes!(me))
        .routes(routes!(login, logout))
        .routes(routes!(verify_identity))
        .routes(routes!(request_password_reset))
        .routes(routes!(reset_password))
}

/// The API door's one mapping of an account error.
fn refused(e: AccountError, lang: Lang) -> Problem {
    Problem::from_service(&e, lang)
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
    /// Whether a clerk (or a real-name provider) verified who this is: only then do filings that name the
    /// account's ID number, credit code or licence give it access.
    pub identity_verified: bool,
    /// Where a password-reset code goes when the account has no mobile number (staff).
    pub email: Option<String>,
}

impl From<&db::accounts::Account> for AccountDto {
    fn from(a: &db::accounts::Account) -> Self {
        AccountDto {
            id: a.id.clone(),
            kind: a.kind.code().into(),
            login_name: a.login_name.clone(),
            display_name: a.display_name.clone(),
            mobile: a.mobile.clone(),
            id_number_masked: a.id_number_masked.clone(),
            uscc: a.uscc.clone(),
            licence_no: a.licence_no.clone(),
            law_firm: a.law_firm.clone(),
            court_code: a.court_code.clone(),
            identity_verified: a.identity_verified_at.is_some(),
            email: a.email.clone(),
        }
    }
}

/// Self-registration of a citizen, enterprise or lawyer (the fields a kind does not use may be omitted).
#[derive(Deserialize, ToSchema)]
#[allow(dead_code)] // Read as RegistrationForm; this type documents the contract.
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

pub fn user_agent(headers: &HeaderMap) -> String {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .chars()
        .take(256)
        .collect()
}

fn with_session(
    state: &AppState,
    status: StatusCode,
    started: service::SessionStarted,
) -> Response {
    let mut res = (status, Json(AccountDto::from(&started.account))).into_response();
    cookies::start_session(&mut res, state.settings.secure_cookies, started);
    res
}

/// Registers and logs in (sets the session cookie).
#[utoipa::path(post, path = "/api/v1/accounts", tag = "accounts", request_body = RegisterRequest, responses(
    (status = 201, body = AccountDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn register(
    State(state): State<AppState>,
    Caller(caller): Caller,
    headers: HeaderMap,
    ApiJson(form): ApiJson<RegistrationForm>,
) -> Result<Response, Problem> {
    let started = service::register(&caller, &form, &user_agent(&headers), &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(with_session(&state, StatusCode::CREATED, started))
}

#[derive(Deserialize, ToSchema)]
pub struct LoginRequest {
    /// Mobile number (people, lawyers), credit code (enterprises) or user name (court staff).
    login_name: String,
    password: String,
}

/// Logs in: a new session (a new id) every time; failures are rate-limited per account and per address.
#[utoipa::path(post, path = "/api/v1/session", tag = "accounts", request_body = LoginRequest, responses(
    (status = 200, body = AccountDto), (status = 401, body = Problem), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn login(
    State(state): State<AppState>,
    Caller(caller): Caller,
    headers: HeaderMap,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Response, Problem> {
    let started = service::login(
        &caller,
        &req.login_name,
        &req.password,
        &user_agent(&headers),
        &state.ctx,
    )
    .await
    .map_err(|e| refused(e, caller.lang))?;
    Ok(with_session(&state, StatusCode::OK, started))
}

/// Logs out: the session is deleted on the server, not just forgotten by the browser.
#[utoipa::path(delete, path = "/api/v1/session", tag = "accounts", responses((status = 204)))]
async fn logout(
    State(state): State<AppState>,
    Caller(caller): Caller,
    token: Option<Extension<SessionToken>>,
) -> Result<Response, Problem> {
    let token = token.map(|Extension(SessionToken(t))| t);
    service::logout(&caller, token.as_deref(), &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    cookies::end_session(&mut res, state.settings.secure_cookies);
    Ok(res)
}

/// The caller's own account.
#[utoipa::path(get, path = "/api/v1/me", tag = "accounts", responses((status = 200, body = AccountDto),
    (status = 401, body = Problem)))]
async fn me(Caller(caller): Caller) -> Result<Json<AccountDto>, Problem> {
    service::me(&caller)
        .map(|a| Json(a.into()))
        .map_err(|e| refused(e, caller.lang))
}

/// One account, visible only to itself: anyone else's is 404, exactly as if it did not exist.
#[utoipa::path(get, path = "/api/v1/accounts/{id}", tag = "accounts", params(("id" = String, Path)), responses(
    (status = 200, body = AccountDto), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn account_by_id(
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<AccountDto>, Problem> {
    service::by_id(&caller, &id)
        .map(|a| Json(a.into()))
        .map_err(|e| refused(e, caller.lang))
}

#[derive(Deserialize, ToSchema)]
pub struct VerifyIdentityRequest {
    /// The person's login name: their mobile number, or the enterprise's credit code.
    login_name: String,
}

/// An account as the clerk's identity desk sees it: masked, with its verification.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct VerifiedAccount {
    pub id: String,
    pub kind: String,
    /// Masked (张*).
    pub display_name: String,
    pub identity_verified: bool,
}

/// The clerk's identity desk: records that the person showed their identity document (clerks and court
/// administrators only; anyone else gets 404).
#[utoipa::path(post, path = "/api/v1/staff/identity-verifications", tag = "court",
    request_body = VerifyIdentityRequest, responses((status = 200, body = VerifiedAccount),
    (status = 401, body = Problem), (status = 404, body = Problem), (status = 422, body = Problem)))]
async fn verify_identity(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(req): ApiJson<VerifyIdentityRequest>,
) -> Result<Json<VerifiedAccount>, Problem> {
    let a = service::verify_identity(&caller, &req.login_name, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(VerifiedAccount {
        id: a.id.clone(),
        kind: a.kind.code().into(),
        display_name: domain::mask::name(&a.display_name),
        identity_verified: a.identity_verified_at.is_some(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetRequest {
    /// The login name: a mobile number, a credit code, a lawyer's licence number or a staff user name.
    login_name: String,
}

/// The answer to a reset request: the same whether or not the login has an account.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct PasswordResetAccepted {
    /// What happens now, in the caller's language.
    pub message: String,
    /// How long the code works, in seconds.
    pub valid_for_secs: i64,
}

/// 忘记密码: sends a one-time code (8 letters and digits, valid 15 minutes, once) to the account's own mobile — or, for
/// staff, its e-mail address. 202 whether or not the login has an account, so the answer tells nothing; requests
/// are limited per login name and per client (429).
#[utoipa::path(post, path = "/api/v1/password-resets", tag = "accounts", request_body = PasswordResetRequest,
    responses((status = 202, body = PasswordResetAccepted), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn request_password_reset(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(req): ApiJson<PasswordResetRequest>,
) -> Result<(StatusCode, Json<PasswordResetAccepted>), Problem> {
    service::request_password_reset(&caller, &req.login_name, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok((
        StatusCode::ACCEPTED,
        Json(PasswordResetAccepted {
            message: app::tr!(caller.lang, reset_sent).to_string(),
            valid_for_secs: service::RESET_VALID_MS / 1000,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct PasswordResetConfirm {
    login_name: String,
    /// The code from the text message or e-mail (any case; spaces and hyphens are ignored).
    code: String,
    /// The new password, under the rules of registration.
    password: String,
    password_confirm: String,
}

/// Sets a new password with the code. A wrong, used or expired code (and an unknown login) is 422 with
/// `errors.code`; a password the rules refuse is 422 with `errors.password`; tries are limited (429). Done, every
/// session of the account has ended (this caller's too) and the change is audited.
#[utoipa::path(post, path = "/api/v1/password-resets/confirm", tag = "accounts",
    request_body = PasswordResetConfirm, responses((status = 204), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn reset_password(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(req): ApiJson<PasswordResetConfirm>,
) -> Result<Response, Problem> {
    let input = service::NewPassword {
        login_name: &req.login_name,
        code: &req.code,
        password: &req.password,
        password_confirm: &req.password_confirm,
    };
    service::reset_password(&caller, &input, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    let mut res = StatusCode::NO_CONTENT.into_response();
    cookies::end_session(&mut res, state.settings.secure_cookies);
    Ok(res)
}
