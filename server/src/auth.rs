//! Registration, login and logout, shared by the HTML forms and the JSON API so both follow the same rules.

use crate::security::SESSION_COOKIE;
use crate::state::AppState;
use app::ssr::RequestInfo;
use axum::http::HeaderValue;
use db::accounts::{self, Account, RegisterError};
use domain::registration::RegistrationForm;
use domain::{FieldError, FieldErrors, Mobile, Uscc};

/// Failed logins counted over this window.
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// Failures allowed per account, and per client address, within the window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_IP: i64 = 20;

#[derive(Debug)]
pub enum ServiceError {
    Invalid(FieldErrors),
    /// A unique field is already registered; reported as a field error, with 409 on the API.
    Taken(FieldErrors),
    BadCredentials,
    TooManyAttempts,
    Internal(String),
}

impl From<db::DbError> for ServiceError {
    fn from(e: db::DbError) -> Self {
        ServiceError::Internal(e.to_string())
    }
}

pub async fn register(
    state: &AppState,
    form: &RegistrationForm,
    info: &RequestInfo,
    user_agent: &str,
) -> Result<(Account, String), ServiceError> {
    let valid = form.validate(info.today).map_err(ServiceError::Invalid)?;
    let ctx = &state.ctx;
    let account = match accounts::register(
        &ctx.db,
        &ctx.keys,
        &valid,
        form.password.clone(),
        &info.ip,
        info.now_ms,
    )
    .await
    {
        Ok(a) => a,
        Err(RegisterError::Taken(field)) => {
            let mut errors = FieldErrors::default();
            errors.push(field, FieldError::Taken);
            return Err(ServiceError::Taken(errors));
        }
        Err(RegisterError::Db(e)) => return Err(e.into()),
    };
    tracing::info!(kind = account.kind.code(), login = %accounts::masked_login(account.kind, &account.login_name), "account registered");
    let token =
        db::sessions::create(&ctx.db, &account.id, &info.ip, user_agent, info.now_ms).await?;
    Ok((account, token))
}

/// People type their login name in many ways: `+86 138-…`, a lower-case credit code. One canonical form each.
pub fn canonical_login(raw: &str) -> String {
    if let Ok(m) = Mobile::parse(raw) {
        return m.as_str().to_string();
    }
    if let Ok((code, _)) = Uscc::parse(raw) {
        return code.as_str().to_string();
    }
    raw.trim().to_string()
}

pub async fn login(
    state: &AppState,
    login_name: &str,
    password: &str,
    info: &RequestInfo,
    user_agent: &str,
) -> Result<(Account, String), ServiceError> {
    let db = &state.ctx.db;
    let login_name = canonical_login(login_name);
    let mut missing = FieldErrors::default();
    if login_name.is_empty() {
        missing.push("login_name", FieldError::Required);
    }
    if password.is_empty() {
        missing.push("password", FieldError::Required);
    }
    if !missing.is_empty() {
        return Err(ServiceError::Invalid(missing));
    }
    let (by_name, by_ip) =
        accounts::recent_failures(db, &login_name, &info.ip, info.now_ms - FAILURE_WINDOW_MS)
            .await?;
    if by_name >= MAX_FAILURES_PER_ACCOUNT || by_ip >= MAX_FAILURES_PER_IP {
        tracing::warn!(ip = %info.ip, "login rate limit reached");
        return Err(ServiceError::TooManyAttempts);
    }
    let row = accounts::find_for_login(db, &login_name).await?;
    let (id, hash) = match row {
        Some(r) => (Some(r.id), Some(r.password_hash)),
        None => (None, None),
    };
    let ok = db::crypto::verify_password(password.to_string(), hash).await;
    match (ok, id) {
        (true, Some(id)) => {
            accounts::clear_failures(db, &login_name).await?;
            let token = db::sessions::create(db, &id, &info.ip, user_agent, info.now_ms).await?;
            let account = accounts::get(db, &id)
                .await?
                .ok_or_else(|| ServiceError::Internal("account vanished".into()))?;
            Ok((account, token))
        }
        _ => {
            accounts::record_failure(db, &login_name, &info.ip, info.now_ms).await?;
            Err(ServiceError::BadCredentials)
        }
    }
}

/// The session cookie: HttpOnly (no script reads it), SameSite=Lax, Secure behind TLS, and no longer-lived than
/// the session's absolute time-out.
pub fn session_cookie(token: &str, secure: bool) -> HeaderValue {
    let max_age = db::sessions::ABSOLUTE_TIMEOUT_MS / 1000;
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}"
    ))
    .expect("token is URL-safe base64")
}

pub fn clear_session_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{secure}"
    ))
    .expect("static cookie")
}
