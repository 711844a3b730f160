//! Answers posted after the session expired: kept, encrypted, until the filer logs in again.

use super::{save_step, FilingError, Result};
use crate::filing::form::Step;
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::filings;

/// A step posted after the session expired: the answers are kept, encrypted, until the filer logs in again.
/// Returns the token for the browser's cookie; an unknown filing keeps nothing.
pub async fn keep_until_login(
    caller: &Caller,
    id: &str,
    step: Step,
    pairs: Vec<(String, String)>,
    ctx: &ServerCtx,
) -> Result<String> {
    filings::get(&ctx.db, id)
        .await?
        .ok_or(FilingError::NotFound)?;
    // Kept for a day without a session: bounded per client, so nobody can fill the store anonymously.
    if !db::limits::hit(
        &ctx.db,
        &db::limits::PENDING_CLIENT,
        &caller.ip,
        caller.now_ms,
    )
    .await?
    .is_allowed()
    {
        return Err(FilingError::TooManyAttempts);
    }
    let save = db::pending::PendingSave {
        filing_id: id.to_string(),
        step: step.code().to_string(),
        pairs,
    };
    Ok(db::pending::put(&ctx.db, &ctx.keys, &save, caller.now_ms).await?)
}

/// Applies answers kept by [`keep_until_login`] for the caller, who has just logged in, if the draft is theirs
/// and still editable. Returns the filing and step to go back to; `None` when there was nothing to apply.
pub async fn restore_pending(
    caller: &Caller,
    token: &str,
    ctx: &ServerCtx,
) -> Result<Option<(String, Step)>> {
    let Some(saved) = db::pending::take(&ctx.db, &ctx.keys, token, caller.now_ms).await? else {
        return Ok(None);
    };
    let Some(step) = Step::from_code(&saved.step) else {
        return Ok(None);
    };
    match save_step(caller, &saved.filing_id, step, &saved.pairs, ctx).await {
        Ok(_) => Ok(Some((saved.filing_id, step))),
        // Someone else's draft, or one no longer editable: the answers are dropped, never applied.
        Err(FilingError::NotFound | FilingError::Conflict) => Ok(None),
        Err(e) => Err(e),
    }
}
