//! How a party other than the filer comes to see a filing: never by a matching ID number alone (anyone could have
//! registered with it first). Either the account's identity was verified — a clerk saw the identity document, or
//! a real-name provider confirmed it — and the filing names it, or the party links the matter with the code the
//! court served on them (送达): the clerk issues it per party, it is shown once, and the party enters it with the
//! receipt number on their account page.

use super::{account, is_reviewer, visible, FilingError, Result};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::filings;
use domain::filing_status::FilingStatus;
use domain::FieldError;

/// A party link code issued: the code (shown once) and until when it can be used (UTC ms).
pub struct IssuedLink {
    pub code: String,
    pub expires_at: i64,
    pub party_name: String,
}

/// The reviewing court issues (or re-issues) the link code of one named party of a submitted filing.
pub async fn issue_party_link(
    caller: &Caller,
    id: &str,
    party_index: usize,
    ctx: &ServerCtx,
) -> Result<IssuedLink> {
    let (f, user) = visible(caller, id, ctx).await?;
    if !user.kind.is_staff() || !is_reviewer(user) {
        return Err(FilingError::NotFound);
    }
    if f.status == FilingStatus::Draft {
        return Err(FilingError::Conflict);
    }
    let party = f
        .draft
        .parties
        .get(party_index)
        .ok_or_else(|| FilingError::field("party", FieldError::UnknownChoice))?;
    let code = filings::issue_party_link(
        &ctx.db,
        &f,
        party_index,
        &user.id,
        &caller.ip,
        caller.now_ms,
    )
    .await?;
    Ok(IssuedLink {
        code,
        expires_at: caller.now_ms + filings::PARTY_LINK_VALID_MS,
        party_name: party.name.clone(),
    })
}

/// A logged-in party links a filing with the receipt number and the served code. A wrong pair is "not found";
/// tries are limited per account.
pub async fn link_party(
    caller: &Caller,
    receipt: &str,
    code: &str,
    ctx: &ServerCtx,
) -> Result<String> {
    let user = account(caller)?;
    if user.kind.is_staff() {
        return Err(FilingError::NotFound);
    }
    let receipt = super::normalize_receipt(receipt);
    let code = db::crypto::normalize_code(code);
    let mut errors = domain::FieldErrors::default();
    if receipt.is_empty() {
        errors.push("receipt", FieldError::Required);
    } else if receipt.len() > 64 {
        errors.push("receipt", FieldError::TooLong);
    }
    if code.is_empty() {
        errors.push("code", FieldError::Required);
    } else if code.len() > 32 {
        errors.push("code", FieldError::TooLong);
    }
    if !errors.is_empty() {
        return Err(FilingError::Invalid(errors));
    }
    if !db::limits::hit(&ctx.db, &db::limits::LINK_ACCOUNT, &user.id, caller.now_ms)
        .await?
        .is_allowed()
    {
        return Err(FilingError::TooManyAttempts);
    }
    filings::redeem_party_link(
        &ctx.db,
        &receipt,
        &code,
        &user.id,
        &caller.ip,
        caller.now_ms,
    )
    .await?
    .ok_or(FilingError::NotFound)
}
