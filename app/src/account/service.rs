//! Accounts' business operations, written once for the JSON API, the HTML forms and the server functions:
//! self-registration, login with its rate limit, logout, who a session belongs to, and the owner's own data.

use super::error::AccountError;
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::accounts::{self, Account, RegisterError};
use domain::registration::RegistrationForm;
use domain::{FieldError, FieldErrors, Mobile, Uscc};

pub type Result<T> = std::result::Result<T, AccountError>;

/// Failed logins counted over this window.
pub const FAILURE_WINDOW_MS: i64 = 15 * 60 * 1000;
/// Failures allowed per account, and per client address, within the window.
pub const MAX_FAILURES_PER_ACCOUNT: i64 = 5;
pub const MAX_FAILURES_PER_IP: i64 = 20;

/// A new session: the account and the token for the browser's cookie.
pub struct SessionStarted {
    pub account: Account,
    pub token: String,
}

/// Registers a citizen, enterprise or lawyer and logs them in.
pub async fn register(
    caller: &Caller,
    form: &RegistrationForm,
    user_agent: &str,
    ctx: &ServerCtx,
) -> Result<SessionStarted> {
    let valid = form.validate(caller.today).map_err(AccountError::Invalid)?;
    let account = match accounts::register(
        &ctx.db,
        &ctx.keys,
        &valid,
        form.password.clone(),
        &caller.ip,
        caller.now_ms,
    )
    .await
    {
        Ok(a) => a,
        Err(RegisterError::Taken(field)) => {
            let mut errors = FieldErrors::default();
            errors.push(field, FieldError::Taken);
            return Err(AccountError::Taken(errors));
        }
        Err(RegisterError::Db(e)) => return Err(e.into()),
    };
    tracing::info!(kind = account.kind.code(), login = %accounts::masked_login(account.kind, &account.login_name), "account registered");
    let token =
        db::sessions::create(&ctx.db, &account.id, &caller.ip, user_agent, caller.now_ms).await?;
    Ok(SessionStarted { account, token })
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

/// Logs in: a new session (a new id) every time. Failures are counted in the database per account and per
/// address, so the limit holds across server instances.
pub async fn login(
    caller: &Caller,
    login_name: &str,
    password: &str,
    user_agent: &str,
    ctx: &ServerCtx,
) -> Result<SessionStarted> {
    let db = &ctx.db;
    let login_name = canonical_login(login_name);
    let mut missing = FieldErrors::default();
    if login_name.is_empty() {
        missing.push("login_name", FieldError::Required);
    }
    if password.is_empty() {
        missing.push("password", FieldError::Required);
    }
    if login_name.chars().count() > 64 {
        missing.push("login_name", FieldError::TooLong);
    }
    if password.len() > 256 {
        missing.push("password", FieldError::PasswordTooLong);
    }
    if !missing.is_empty() {
        return Err(AccountError::Invalid(missing));
    }
    let (by_name, by_ip) = accounts::recent_failures(
        db,
        &login_name,
        &caller.ip,
        caller.now_ms - FAILURE_WINDOW_MS,
    )
    .await?;
    if by_name >= MAX_FAILURES_PER_ACCOUNT || by_ip >= MAX_FAILURES_PER_IP {
        tracing::warn!(ip = %caller.ip, "login rate limit reached");
        return Err(AccountError::TooManyAttempts);
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
            let token =
                db::sessions::create(db, &id, &caller.ip, user_agent, caller.now_ms).await?;
            let account = accounts::get(db, &id)
                .await?
                .ok_or_else(|| AccountError::Internal("account vanished".into()))?;
            Ok(SessionStarted { account, token })
        }
        _ => {
            accounts::record_failure(db, &login_name, &caller.ip, caller.now_ms).await?;
            Err(AccountError::BadCredentials)
        }
    }
}

/// Logs out: the session is deleted on the server, not just forgotten by the browser.
pub async fn logout(caller: &Caller, token: Option<&str>, ctx: &ServerCtx) -> Result<()> {
    if let Some(token) = token {
        db::sessions::delete(&ctx.db, token, &caller.ip, caller.now_ms).await?;
    }
    Ok(())
}

/// The account a session token belongs to, if the session is alive (the request-context layer asks this).
pub async fn session_account(token: &str, now_ms: i64, ctx: &ServerCtx) -> Result<Option<Account>> {
    Ok(db::sessions::lookup(&ctx.db, token, now_ms).await?)
}

/// The caller's own account.
pub fn me(caller: &Caller) -> Result<&Account> {
    caller.user.as_ref().ok_or(AccountError::Unauthorized)
}

/// One account, visible only to itself: anyone else's is `NotFound`, exactly as if it did not exist.
pub fn by_id<'a>(caller: &'a Caller, id: &str) -> Result<&'a Account> {
    let user = me(caller)?;
    if user.id == id {
        Ok(user)
    } else {
        Err(AccountError::NotFound)
    }
}

/// What the owner's own page shows: the only place personal data appears unmasked.
pub struct OwnAccount {
    pub account: Account,
    /// The full resident ID number (citizens).
    pub id_number: Option<String>,
    /// The court a staff account belongs to.
    pub court: Option<db::courts::Court>,
    /// The latest audit entries of the account: `(at, action)`.
    pub activity: Vec<(i64, String)>,
}

pub async fn own_account(caller: &Caller, ctx: &ServerCtx) -> Result<OwnAccount> {
    let user = me(caller)?.clone();
    let id_number = if user.kind == domain::registration::AccountKind::Citizen {
        accounts::own_id_number(&ctx.db, &ctx.keys, &user.id).await?
    } else {
        None
    };
    let court = match &user.court_code {
        Some(code) => db::courts::list(&ctx.db)
            .await?
            .into_iter()
            .find(|c| &c.code == code),
        None => None,
    };
    let activity = db::audit::for_account(&ctx.db, &user.id, 10)
        .await?
        .into_iter()
        .map(|e| (e.at, e.action))
        .collect();
    Ok(OwnAccount {
        account: user,
        id_number,
        court,
        activity,
    })
}

/// A court staff account to open (from the administrator's command; never self-registered).
pub struct NewStaff<'a> {
    pub role: domain::registration::AccountKind,
    pub login_name: &'a str,
    pub display_name: &'a str,
    /// The court it belongs to (法院代字).
    pub court_code: &'a str,
}

/// Opens a staff account bound to a court, with the same password rules as everyone's.
pub async fn create_staff(
    staff: &NewStaff<'_>,
    password: String,
    now_ms: i64,
    ctx: &ServerCtx,
) -> Result<Account> {
    let mut errors = FieldErrors::default();
    if !staff.role.is_staff() {
        errors.push("role", FieldError::UnknownChoice);
    }
    if let Err(e) = domain::registration::check_password(&password, &password) {
        errors.push("password", e);
    }
    if staff.login_name.trim().is_empty() {
        errors.push("login_name", FieldError::Required);
    }
    if !errors.is_empty() {
        return Err(AccountError::Invalid(errors));
    }
    match accounts::create_staff(
        &ctx.db,
        staff.role,
        staff.login_name,
        staff.display_name,
        password,
        staff.court_code,
        now_ms,
    )
    .await
    {
        Ok(a) => Ok(a),
        Err(RegisterError::Taken(field)) => {
            let mut errors = FieldErrors::default();
            errors.push(field, FieldError::Taken);
            Err(AccountError::Taken(errors))
        }
        Err(RegisterError::Db(e)) => Err(e.into()),
    }
}
