//! 忘记密码: a one-time code through the notification channel to the account's own mobile (or e-mail), then a new
//! password. The answer to "send me a code" is the same whether or not the login exists; the code is 8 symbols
//! without look-alikes, kept only as a keyed hash bound to the account, valid 15 minutes, used once, void after
//! five wrong tries; tries are limited per login name and per client besides. Setting the new password ends every
//! session of the account and is audited.

use super::{canonical_login, AccountError, Result};
use crate::notify::{Notification, Purpose, Recipient};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::limits::{
    hit, refund, RESET_CONFIRM_ACCOUNT, RESET_CONFIRM_CLIENT, RESET_REQUEST_ACCOUNT,
    RESET_REQUEST_CLIENT,
};
use db::password_resets::Redeemed;
use domain::{FieldError, FieldErrors, Lang};

/// Symbols in a reset code: 31^8 ≈ 2^39.6, against at most a handful of tries per code.
pub const RESET_CODE_LEN: usize = 8;
/// How long a reset code works.
pub const RESET_VALID_MS: i64 = 15 * 60 * 1000;
/// The purpose the code's keyed hash is bound to (never the same hash as a query or link code).
const PURPOSE: &str = "password-reset";

fn login_errors(login: &str) -> FieldErrors {
    let mut errors = FieldErrors::default();
    if login.is_empty() {
        errors.push("login_name", FieldError::Required);
    } else if login.chars().count() > 64 {
        errors.push("login_name", FieldError::TooLong);
    }
    errors
}

/// The message that carries the code, in the language the person asked in.
fn reset_message(l: Lang, code: &str) -> (String, String) {
    (
        tr!(l, notify_reset_subject).to_string(),
        format!(
            "{}{}{code}{}",
            tr!(l, notify_signature),
            tr!(l, notify_reset_before),
            tr!(l, notify_reset_after)
        ),
    )
}

/// Asks for a reset code for a login name (mobile number, credit code, lawyer's licence number or staff user name).
/// `Ok` whether or not the account exists, and whether or not it has a mobile or e-mail to send to: only the
/// account's own mobile (or e-mail) ever gets the code.
pub async fn request_password_reset(caller: &Caller, login: &str, ctx: &ServerCtx) -> Result<()> {
    let login = canonical_login(login);
    let errors = login_errors(&login);
    if !errors.is_empty() {
        return Err(AccountError::Invalid(errors));
    }
    // Counted per login name whether or not it exists, so a refusal tells nothing either.
    let allowed = hit(&ctx.db, &RESET_REQUEST_CLIENT, &caller.ip, caller.now_ms)
        .await?
        .is_allowed()
        & hit(&ctx.db, &RESET_REQUEST_ACCOUNT, &login, caller.now_ms)
            .await?
            .is_allowed();
    if !allowed {
        tracing::warn!("password-reset request limit reached");
        return Err(AccountError::TooManyTries);
    }
    let Some(account) = db::accounts::find_for_reset(&ctx.db, &login).await? else {
        tracing::info!("password reset asked for a login that has no account");
        return Ok(());
    };
    let Some(recipient) = Recipient::of(&account) else {
        tracing::warn!(account = %account.id, "password reset asked for an account with no mobile or e-mail");
        return Ok(());
    };
    let code = db::crypto::new_code(RESET_CODE_LEN);
    db::password_resets::issue(
        &ctx.db,
        &account.id,
        &ctx.keys.code_hash(PURPOSE, &account.id, &code),
        caller.now_ms + RESET_VALID_MS,
        &caller.ip,
        caller.now_ms,
    )
    .await?;
    let (subject, body) = reset_message(caller.lang, &code);
    let message = Notification {
        account_id: Some(account.id.clone()),
        purpose: Purpose::PasswordReset,
        recipient,
        subject,
        body,
        calendar: None,
        at: caller.now_ms,
    };
    // A channel that fails is our problem, logged; the answer stays the same, so it tells nothing.
    if let Err(e) = ctx.notifier.send(&message).await {
        tracing::error!(error = %e, channel = ctx.notifier.name(), "a password-reset code could not be sent");
    }
    Ok(())
}

/// What the second form sends: the login name again, the code, and the new password twice.
pub struct NewPassword<'a> {
    pub login_name: &'a str,
    pub code: &'a str,
    pub password: &'a str,
    pub password_confirm: &'a str,
}

/// Sets a new password with a reset code: the password rules of registration, then the code (wrong, used, expired
/// and unknown login all read "the code is wrong"); on success every session of the account ends.
pub async fn reset_password(
    caller: &Caller,
    input: &NewPassword<'_>,
    ctx: &ServerCtx,
) -> Result<()> {
    let login = canonical_login(input.login_name);
    let code = db::crypto::normalize_code(input.code);
    let mut errors = login_errors(&login);
    if code.is_empty() {
        errors.push("code", FieldError::Required);
    } else if code.len() > 16 {
        errors.push("code", FieldError::CodeWrong);
    }
    let password_rule =
        domain::registration::check_password(input.password, input.password_confirm)
            .err()
            .or_else(|| {
                domain::registration::weak_password(input.password, std::slice::from_ref(&login))
            });
    if let Some(e) = password_rule {
        errors.push("password", e);
    }
    if !errors.is_empty() {
        return Err(AccountError::Invalid(errors));
    }
    // Counted before the code is compared, in the database: concurrent guesses cannot slip under the limits.
    let allowed = hit(&ctx.db, &RESET_CONFIRM_CLIENT, &caller.ip, caller.now_ms)
        .await?
        .is_allowed()
        & hit(&ctx.db, &RESET_CONFIRM_ACCOUNT, &login, caller.now_ms)
            .await?
            .is_allowed();
    if !allowed {
        tracing::warn!(ip = %caller.ip, "password-reset code limit reached");
        return Err(AccountError::TooManyTries);
    }
    let account = db::accounts::find_for_reset(&ctx.db, &login).await?;
    // The password is hashed whether or not the login exists: the time taken tells nothing.
    let hash = db::crypto::hash_password(input.password.to_string()).await;
    let wrong = || {
        let mut e = FieldErrors::default();
        e.push("code", FieldError::CodeWrong);
        AccountError::Invalid(e)
    };
    let Some(account) = account else {
        return Err(wrong());
    };
    let code_hash = ctx.keys.code_hash(PURPOSE, &account.id, &code);
    match db::password_resets::redeem(
        &ctx.db,
        &account.id,
        &code_hash,
        &hash,
        &caller.ip,
        caller.now_ms,
    )
    .await?
    {
        Redeemed::Refused => Err(wrong()),
        Redeemed::Done { sessions_ended } => {
            refund(&ctx.db, &RESET_CONFIRM_CLIENT, &caller.ip).await?;
            refund(&ctx.db, &RESET_CONFIRM_ACCOUNT, &login).await?;
            // Whoever forgot the password has usually run into the login limit first: it no longer holds them.
            use db::limits::{clear, LOGIN_ACCOUNT_CLIENT, LOGIN_ACCOUNT_UNKNOWN_CLIENTS};
            clear(
                &ctx.db,
                &LOGIN_ACCOUNT_CLIENT,
                &format!("{}|{}", account.login_name, caller.ip),
            )
            .await?;
            clear(&ctx.db, &LOGIN_ACCOUNT_UNKNOWN_CLIENTS, &account.login_name).await?;
            tracing::info!(
                login = %db::accounts::masked_login(account.kind, &account.login_name),
                sessions_ended,
                "password reset with a code"
            );
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_message_carries_the_code_in_each_language() {
        for l in [domain::Lang::Zh, domain::Lang::En, domain::Lang::Ko] {
            let (subject, body) = super::reset_message(l, "ABCD2345");
            assert!(!subject.is_empty());
            assert!(body.contains("ABCD2345") && body.contains("15"), "{body}");
        }
    }
}
