//! Following a filing without logging in, and the estimate other clients ask for.

use super::{fee_for, FilingError, Result};
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
    let receipt = receipt.trim().to_ascii_uppercase();
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
