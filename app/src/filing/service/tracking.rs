//! Following a filing without logging in, and the estimate other clients ask for.

use super::{fee_for, visible, FilingError, Result};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::filings::TrackRow;
use db::limits::{TRACK_CLIENT, TRACK_RECEIPT};
use domain::fees::FeeQuote;
use domain::filing::FilingDraft;

/// Tracking by receipt number and query code: status, case number and dated steps — no personal data.
///
/// An unknown receipt and a wrong code are the same "not found"; failures are counted per client and per receipt
/// (whether it exists or not) in the database, so guessing is limited across instances. The success path is one
/// indexed read: the filing, its events and the limits in one statement.
pub async fn track(
    caller: &Caller,
    receipt: &str,
    code: &str,
    ctx: &ServerCtx,
) -> Result<TrackRow> {
    let receipt = normalize_receipt(receipt);
    let code = db::crypto::normalize_code(code);
    if receipt.is_empty() || receipt.len() > 64 || code.is_empty() || code.len() > 32 {
        return Err(FilingError::NotFound);
    }
    let limits = [
        (TRACK_CLIENT, caller.ip.as_str()),
        (TRACK_RECEIPT, receipt.as_str()),
    ];
    let (found, blocked) = db::filings::track(&ctx.db, &receipt, &limits, caller.now_ms).await?;
    if blocked.is_some() {
        return Err(FilingError::TooManyAttempts);
    }
    let matches = |row: &TrackRow| {
        let stored = row.query_code_hash.as_bytes();
        let keyed = ctx.keys.code_hash("track", &receipt, &code);
        // Codes issued before they were keyed (six digits, SHA-256 of receipt:code) still open their filing.
        let legacy = db::crypto::token_hash(&format!("{receipt}:{code}"));
        !stored.is_empty()
            && (db::crypto::constant_time_eq(stored, keyed.as_bytes())
                || db::crypto::constant_time_eq(stored, legacy.as_bytes()))
    };
    match found {
        Some(row) if matches(&row) => Ok(row),
        _ => {
            let mut refused = false;
            for (limit, subject) in limits {
                refused |= !db::limits::hit(&ctx.db, &limit, subject, caller.now_ms)
                    .await?
                    .is_allowed();
            }
            if refused {
                tracing::warn!("tracking look-up limit reached");
            }
            Err(FilingError::NotFound)
        }
    }
}

/// A receipt number as people type it — in small letters, with spaces or hyphens (sl-2026 1126 abcd1234) — in the
/// form it was issued in (SL20261126ABCD1234).
pub fn normalize_receipt(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .take(65)
        .collect()
}

/// A query code issued again, for the filer who lost theirs.
pub struct ReissuedCode {
    pub receipt_no: String,
    /// Shown once to the filer; only its keyed hash is kept.
    pub code: String,
    /// Where the message with it went (masked), if the filer's account has a mobile or e-mail.
    pub sent_to: Option<String>,
}

/// The filer — and only the filer — replaces the query code of their submitted filing: the old code stops working,
/// the new one is shown once and sent to the filer's own mobile (never to anyone the filing names). Anyone else's
/// filing is `NotFound`; a draft (no receipt yet) is `Conflict`; re-issues are limited per account.
pub async fn reissue_query_code(
    caller: &Caller,
    id: &str,
    ctx: &ServerCtx,
) -> Result<ReissuedCode> {
    let (filing, user) = visible(caller, id, ctx).await?;
    if filing.filer_id != user.id {
        return Err(FilingError::NotFound);
    }
    let Some(receipt_no) = filing.receipt_no.clone() else {
        return Err(FilingError::Conflict);
    };
    if !db::limits::hit(
        &ctx.db,
        &db::limits::QUERY_CODE_REISSUE,
        &user.id,
        caller.now_ms,
    )
    .await?
    .is_allowed()
    {
        return Err(FilingError::TooManyAttempts);
    }
    let code = db::crypto::new_code(10);
    let hash = ctx.keys.code_hash("track", &receipt_no, &code);
    if !db::filings::replace_query_code(&ctx.db, id, &user.id, &hash, &caller.ip, caller.now_ms)
        .await?
    {
        return Err(FilingError::NotFound);
    }
    let recipient = crate::notify::Recipient::of(user);
    let sent_to = recipient.as_ref().map(|r| r.masked());
    if let Some(recipient) = recipient {
        let l = caller.lang;
        let message = crate::notify::Notification {
            account_id: Some(user.id.clone()),
            purpose: crate::notify::Purpose::QueryCode,
            recipient,
            subject: tr!(l, notify_query_code_subject).to_string(),
            body: format!(
                "{}{}{receipt_no}{}{code}{}",
                tr!(l, notify_signature),
                tr!(l, notify_query_code_before),
                tr!(l, notify_query_code_middle),
                tr!(l, notify_query_code_after)
            ),
            calendar: None,
            at: caller.now_ms,
        };
        // The code is on the filer's screen already; a channel that fails is logged, not the filer's problem.
        if let Err(e) = ctx.notifier.send(&message).await {
            tracing::error!(error = %e, channel = ctx.notifier.name(), "a re-issued query code could not be sent");
        }
    }
    tracing::info!(filing = %id, "query code re-issued");
    Ok(ReissuedCode {
        receipt_no,
        code,
        sent_to,
    })
}

/// The receipt number of the caller's own submitted filing (for the receipt they keep); anyone else's is `NotFound`.
pub async fn own_receipt(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<String> {
    let (filing, user) = visible(caller, id, ctx).await?;
    if filing.filer_id != user.id {
        return Err(FilingError::NotFound);
    }
    filing.receipt_no.ok_or(FilingError::Conflict)
}

/// The risk estimate and fee of any draft, for other clients (the portal's pages compute it in WebAssembly).
pub fn estimate(
    caller: &Caller,
    draft: &FilingDraft,
    ctx: &ServerCtx,
) -> (domain::risk::RiskReport, Option<FeeQuote>) {
    (
        domain::risk::assess(
            draft,
            &crate::texts::risk_words(caller.lang),
            caller.today,
            &ctx.calendar,
            &ctx.fees,
        ),
        fee_for(draft, &ctx.fees),
    )
}
