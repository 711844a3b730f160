//! Following a filing without logging in, and the estimate other clients ask for.

use super::{fee_for, FilingError, Result};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::filings::{self, Filing, FilingEvent};
use domain::fees::FeeQuote;
use domain::filing::FilingDraft;

/// What tracking shows without logging in: status, case number and dated steps — no personal data.
pub struct Tracked {
    pub filing: Filing,
    pub events: Vec<FilingEvent>,
}

/// Tracking by receipt number and query code. An unknown receipt and a wrong code look the same.
pub async fn track(receipt: &str, code: &str, ctx: &ServerCtx) -> Result<Tracked> {
    let receipt = receipt.trim();
    if receipt.is_empty() || receipt.len() > 64 || code.len() > 64 {
        return Err(FilingError::NotFound);
    }
    let (filing, hash) = filings::by_receipt(&ctx.db, receipt)
        .await?
        .ok_or(FilingError::NotFound)?;
    if hash.is_empty() || db::crypto::token_hash(&format!("{receipt}:{}", code.trim())) != hash {
        return Err(FilingError::NotFound);
    }
    let events = filings::events(&ctx.db, &filing.id).await?;
    Ok(Tracked { filing, events })
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
