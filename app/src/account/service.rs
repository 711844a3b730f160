//! Accounts' business operations, written once for the JSON API, the HTML forms and the server functions:
//! self-registration, login with its rate limit, logout, who a session belongs to, and the owner's own data.

use super::error::AccountError;
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::accounts::{self, Account, RegisterError};
use domain::registration::RegistrationForm;
use domain::{FieldError, FieldErrors, Mobile, Uscc};

pub type Result<T> = std::result::Result<T, AccountError>;

mod password_reset;
pub use password_reset::{
    request_password_reset, reset_password, NewPassword, RESET_CODE_LEN, RESET_VALID_MS,
};

/// A new session: the account, the token for the browser's session cookie and the known-device mark (a
/// long-lived cookie that lets this browser log in to this account while strangers' guesses are being limited).
pub struct SessionStarted {
    pub account: Account,
    pub token: String,
    pub device: String,
}

/// The known-device mark of an account: a random nonce and a keyed tag over it and the account id. Stateless:
/// any instance checks it with the deployment's keys; it opens nothing by itself (a password is still needed).
pub fn device_mark(keys: &db::crypto::Keys, account_id: &str) -> String {
    let nonce = &db::crypto::new_token()[..16];
    format!("{nonce}.{}", device_tag(keys, nonce, account_id))
}

/// The keyed tag that binds a device mark's nonce to its account.
fn device_tag(keys: &db::crypto::Keys, nonce: &str, account_id: &str) -> String {
    keys.lookup_hash(&format!("device:{nonce}:{account_id}"))[..32].to_string()
}

fn is_known_device(keys: &db::crypto::Keys, mark: Option<&str>, account_id: &str) -> bool {
    let Some((nonce, tag)) = mark.and_then(|m| m.split_once('.')) else {
        return false;
    };
    nonce.len() == 16
        && db::crypto::constant_time_eq(
            device_tag(keys, nonce, account_id).as_bytes(),
            tag.as_bytes(),
        )
}

/// Registers a citizen, enterprise or lawyer and logs them in.
pub async fn register(
    caller: &Caller,
    form: &RegistrationForm,
    user_agent: &str,
    ctx: &ServerCtx,
) -> Result<SessionStarted> {
    let mut valid = form.validate(caller.today);
    if let Some(problem) =
        domain::registration::weak_password(&form.password, &form_identifiers(form))
    {
        if let Err(errors) = &mut valid {
            if errors.get("password").is_none() {
                errors.push("password", problem);
            }
        } else {
            let mut errors = FieldErrors::default();
            errors.push("password", problem);
            valid = Err(errors);
        }
    }
    let valid = valid.map_err(AccountError::Invalid)?;
    if !db::limits::hit(
        &ctx.db,
        &db::limits::REGISTER_CLIENT,
        &caller.ip,
        caller.now_ms,
    )
    .await?
    .is_allowed()
    {
        tracing::warn!("registration rate limit reached");
        return Err(AccountError::TooManyAttempts);
    }
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
        // Which detail is taken is not said: that would tell anyone whether a mobile or ID number has an account.
        Err(RegisterError::Taken(_)) => return Err(AccountError::Taken),
        Err(RegisterError::Db(e)) => return Err(e.into()),
    };
    tracing::info!(kind = account.kind.code(), login = %accounts::masked_login(account.kind, &account.login_name), "account registered");
    let token =
        db::sessions::create(&ctx.db, &account.id, &caller.ip, user_agent, caller.now_ms).await?;
    let device = device_mark(&ctx.keys, &account.id);
    Ok(SessionStarted {
        account,
        token,
        device,
    })
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
    let row = accounts::find_for_login(db, &login_name).await?;
    let known = row
        .as_ref()
        .is_some_and(|r| is_known_device(&ctx.keys, caller.device.as_deref(), &r.id));
    // Counted before the password is checked, in the database: concurrent guesses cannot all slip under the limit.
    // The owner's known device is not held back by what strangers elsewhere do.
    use db::limits::{hit, LOGIN_ACCOUNT_CLIENT, LOGIN_ACCOUNT_UNKNOWN_CLIENTS, LOGIN_CLIENT};
    // The owner's known device has a counter of its own, wherever it connects from (a shared office address
    // that a guesser also uses does not lock it out); any other client is counted by its address.
    let account_client = match (known, caller.device.as_deref()) {
        (true, Some(mark)) => format!("{login_name}|device:{mark}"),
        _ => format!("{login_name}|{}", caller.ip),
    };
    let mut allowed = hit(db, &LOGIN_ACCOUNT_CLIENT, &account_client, caller.now_ms)
        .await?
        .is_allowed();
    if !known {
        allowed &= hit(db, &LOGIN_CLIENT, &caller.ip, caller.now_ms)
            .await?
            .is_allowed();
        allowed &= hit(
            db,
            &LOGIN_ACCOUNT_UNKNOWN_CLIENTS,
            &login_name,
            caller.now_ms,
        )
        .await?
        .is_allowed();
    }
    if !allowed {
        tracing::warn!(ip = %caller.ip, "login rate limit reached");
        return Err(AccountError::TooManyAttempts);
    }
    let (id, hash) = match row {
        Some(r) => (Some(r.id), Some(r.password_hash)),
        None => (None, None),
    };
    let ok = db::crypto::verify_password(password.to_string(), hash).await;
    match (ok, id) {
        (true, Some(id)) => {
            db::limits::clear(db, &LOGIN_ACCOUNT_CLIENT, &account_client).await?;
            if !known {
                db::limits::refund(db, &LOGIN_CLIENT, &caller.ip).await?;
                db::limits::refund(db, &LOGIN_ACCOUNT_UNKNOWN_CLIENTS, &login_name).await?;
            }
            let token =
                db::sessions::create(db, &id, &caller.ip, user_agent, caller.now_ms).await?;
            let account = accounts::get(db, &id)
                .await?
                .ok_or_else(|| AccountError::Internal("account vanished".into()))?;
            let device = device_mark(&ctx.keys, &id);
            Ok(SessionStarted {
                account,
                token,
                device,
            })
        }
        _ => Err(AccountError::BadCredentials),
    }
}

/// What a password must not contain: the login name, the mobile number, the ID number.
fn form_identifiers(form: &RegistrationForm) -> Vec<String> {
    [&form.mobile, &form.id_number, &form.uscc, &form.licence_no]
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| s.len() >= 6)
        .collect()
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

/// The clerk's identity desk (the always-available verification method): a person shows their identity document
/// at the litigation service centre, the clerk finds their account by its login name (mobile or credit code) and
/// records that it is verified. From then on, filings that name the account's ID number, credit code or licence
/// give it access. A real-name provider, when one is configured, records the same with `provider:<name>`.
pub async fn verify_identity(
    caller: &Caller,
    login_name: &str,
    ctx: &ServerCtx,
) -> Result<Account> {
    let clerk = me(caller)?;
    if !matches!(
        clerk.kind,
        domain::registration::AccountKind::Clerk | domain::registration::AccountKind::CourtAdmin
    ) {
        return Err(AccountError::NotFound);
    }
    let login_name = canonical_login(login_name);
    if login_name.is_empty() || login_name.chars().count() > 64 {
        let mut errors = FieldErrors::default();
        errors.push(
            "login_name",
            if login_name.is_empty() {
                FieldError::Required
            } else {
                FieldError::TooLong
            },
        );
        return Err(AccountError::Invalid(errors));
    }
    let account = accounts::find_public(&ctx.db, &login_name)
        .await?
        .ok_or(AccountError::NotFound)?;
    accounts::verify_identity(
        &ctx.db,
        &account.id,
        &format!("clerk:{}", clerk.id),
        &caller.ip,
        caller.now_ms,
    )
    .await?;
    tracing::info!(login = %accounts::masked_login(account.kind, &account.login_name), "identity verified by a clerk");
    accounts::get(&ctx.db, &account.id)
        .await?
        .ok_or(AccountError::NotFound)
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
            // The administrator's command may say which name is taken: nothing is disclosed to the public.
            Err(AccountError::Invalid(errors))
        }
        Err(RegisterError::Db(e)) => Err(e.into()),
    }
}
