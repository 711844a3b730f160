//! What the filing pages load from the server, through server functions that check who is asking.

use crate::error::AppError;
use domain::filing::FilingDraft;
use domain::filing_status::FilingStatus;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventView {
    pub at: i64,
    pub action: String,
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilingData {
    pub id: String,
    pub status: FilingStatus,
    pub draft: FilingDraft,
    pub events: Vec<EventView>,
    pub receipt_no: Option<String>,
    pub review_deadline: Option<String>,
    pub case_number: Option<String>,
    pub fee_total_fen: Option<i64>,
    pub payment_status: Option<domain::payment::PaymentStatus>,
    pub payment_due: Option<String>,
    pub relief_kind: Option<String>,
    pub relief_reason: Option<String>,
    /// Shown once, right after the first submission.
    pub query_code: Option<String>,
    pub courts: Vec<(String, String)>,
    /// The competent courts the jurisdiction rules point to, from the places and addresses the draft names.
    pub suggestions: Vec<domain::jurisdiction::Suggestion>,
    /// The viewer is the filer (may edit while editable).
    pub own: bool,
    /// The viewer is a clerk of the receiving or competent court (may review).
    pub reviewer: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FilingSummary {
    pub id: String,
    pub status: FilingStatus,
    pub cause: String,
    pub case_number: Option<String>,
    pub receipt_no: Option<String>,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QueueItem {
    pub id: String,
    pub receipt_no: Option<String>,
    pub cause: String,
    /// Masked (张*): the queue is not the party's own page.
    pub plaintiff: String,
    pub review_deadline: Option<String>,
    pub days_left: Option<i64>,
    pub cross_region: bool,
    pub mediation_consent: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackInfo {
    pub status: FilingStatus,
    pub case_number: Option<String>,
    pub review_deadline: Option<String>,
    pub events: Vec<EventView>,
}

pub const QUERY_CODE_COOKIE: &str = "portal_query_code";

/// One filing, if the caller may see it; anyone else gets 404.
#[server(prefix = "/rpc", endpoint = "filing")]
pub async fn load_filing(id: String) -> Result<FilingData, AppError> {
    use crate::ssr::{ctx, internal, require_user, set_status};
    let (user, _info) = require_user()?;
    let ctx = ctx()?;
    let not_found = || {
        set_status(404);
        AppError::NotFound
    };
    let f = db::filings::get(&ctx.db, &id)
        .await
        .map_err(internal)?
        .ok_or_else(not_found)?;
    if !db::filings::may_see(&ctx.db, &f, &user)
        .await
        .map_err(internal)?
    {
        return Err(not_found());
    }
    let events = db::filings::events(&ctx.db, &id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|e| EventView {
            at: e.at,
            action: e.action,
            note: e.note,
        })
        .collect();
    let all_courts = db::courts::list(&ctx.db).await.map_err(internal)?;
    let areas: Vec<domain::jurisdiction::CourtArea> = all_courts
        .iter()
        .filter(|c| !c.places.is_empty())
        .map(|c| domain::jurisdiction::CourtArea {
            code: c.code.clone(),
            name: c.name.clone(),
            places: c.places.clone(),
        })
        .collect();
    let suggestions = domain::jurisdiction::suggest(&f.draft, &areas);
    let courts = all_courts.into_iter().map(|c| (c.code, c.name)).collect();
    // The query code travels in a short-lived HttpOnly cookie set by the submit handler, never in a URL.
    let query_code = use_context::<http::request::Parts>().and_then(|p| {
        p.headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == QUERY_CODE_COOKIE)
            .and_then(|(_, v)| {
                v.split_once(':')
                    .filter(|(fid, _)| *fid == id)
                    .map(|(_, code)| code.to_string())
            })
    });
    let reviewer = matches!(
        user.kind,
        domain::registration::AccountKind::Clerk
            | domain::registration::AccountKind::Judge
            | domain::registration::AccountKind::CourtAdmin
    ) && f.filer_id != user.id;
    Ok(FilingData {
        own: f.filer_id == user.id,
        reviewer,
        id: f.id,
        status: f.status,
        draft: f.draft,
        events,
        receipt_no: f.receipt_no,
        review_deadline: f.review_deadline,
        case_number: f.case_number,
        fee_total_fen: f.fee_total_fen,
        payment_status: f.payment_status,
        payment_due: f.payment_due,
        relief_kind: f.relief_kind,
        relief_reason: f.relief_reason,
        query_code,
        courts,
        suggestions,
    })
}

#[server(prefix = "/rpc", endpoint = "my_filings")]
pub async fn my_filings() -> Result<Vec<FilingSummary>, AppError> {
    use crate::ssr::{ctx, internal, require_user};
    let (user, _) = require_user()?;
    let ctx = ctx()?;
    Ok(db::filings::for_account(&ctx.db, &user.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|f| FilingSummary {
            id: f.id,
            status: f.status,
            cause: domain::catalogue::cause(&f.draft.cause)
                .map(|c| c.name.to_string())
                .unwrap_or_default(),
            case_number: f.case_number,
            receipt_no: f.receipt_no,
            updated_at: f.updated_at,
        })
        .collect())
}

/// The review queue of the caller's court (clerks, judges, administrators only).
#[server(prefix = "/rpc", endpoint = "review_queue")]
pub async fn review_queue() -> Result<Vec<QueueItem>, AppError> {
    use crate::ssr::{ctx, internal, require_user, set_status};
    let (user, info) = require_user()?;
    let ctx = ctx()?;
    let Some(court) = user.court_code.clone().filter(|_| user.kind.is_staff()) else {
        set_status(404);
        return Err(AppError::NotFound);
    };
    let today = info.today.to_days();
    Ok(db::filings::queue(&ctx.db, &court)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|f| {
            let deadline = f
                .review_deadline
                .as_deref()
                .and_then(domain::Date::parse_iso);
            QueueItem {
                receipt_no: f.receipt_no.clone(),
                cause: domain::catalogue::cause(&f.draft.cause)
                    .map(|c| c.name.to_string())
                    .unwrap_or_default(),
                plaintiff: f
                    .draft
                    .parties
                    .iter()
                    .find(|p| p.role == "plaintiff")
                    .map(|p| domain::mask::name(&p.name))
                    .unwrap_or_default(),
                review_deadline: f.review_deadline.clone(),
                days_left: deadline.map(|d| d.to_days() - today),
                cross_region: f.court_code != f.competent_court_code,
                mediation_consent: f.draft.mediation_consent,
                id: f.id,
            }
        })
        .collect())
}

/// Tracking without logging in: receipt number and query code; anything else is "not found".
#[server(prefix = "/rpc", endpoint = "track")]
pub async fn track_filing(receipt: String, code: String) -> Result<Option<TrackInfo>, AppError> {
    use crate::ssr::{ctx, internal};
    let ctx = ctx()?;
    if receipt.trim().is_empty() {
        return Ok(None);
    }
    let Some((f, hash)) = db::filings::by_receipt(&ctx.db, receipt.trim())
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    if hash.is_empty()
        || db::crypto::token_hash(&format!("{}:{}", receipt.trim(), code.trim())) != hash
    {
        return Ok(None);
    }
    let events = db::filings::events(&ctx.db, &f.id)
        .await
        .map_err(internal)?
        .into_iter()
        .map(|e| EventView {
            at: e.at,
            action: e.action,
            note: String::new(),
        })
        .collect();
    Ok(Some(TrackInfo {
        status: f.status,
        case_number: f.case_number,
        review_deadline: f.review_deadline,
        events,
    }))
}
