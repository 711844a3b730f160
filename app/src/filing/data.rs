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
    /// Whether the public holidays of the deadline's year were known when it was worked out.
    pub review_deadline_holidays_known: bool,
    pub case_number: Option<String>,
    pub fee_total_fen: Option<i64>,
    pub payment_status: Option<domain::payment::PaymentStatus>,
    pub payment_due: Option<String>,
    pub payment_due_holidays_known: bool,
    pub relief_kind: Option<String>,
    pub relief_reason: Option<String>,
    /// Shown once, right after the first submission (or a re-issue).
    pub query_code: Option<String>,
    /// Where a re-issued query code is also sent: the filer's own mobile (or e-mail), masked; the filer only.
    pub own_contact_masked: Option<String>,
    /// A party link code the viewing clerk just issued: (party index, code), shown once.
    pub link_code: Option<(usize, String)>,
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
    pub created_at: i64,
    /// When it was first submitted (the filing date); none for a draft.
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    /// The first defendant: in full on the filer's own list, masked for a party or lawyer who did not write it.
    pub other_party: Option<String>,
    /// The viewer's own draft, never submitted: it may be deleted.
    pub deletable: bool,
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
    pub diverted: bool,
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackInfo {
    pub status: FilingStatus,
    pub case_number: Option<String>,
    pub review_deadline: Option<String>,
    /// The fee the court's notice asks for, where its payment stands, and the last day to pay while unpaid.
    pub fee_total_fen: Option<i64>,
    pub payment_status: Option<domain::payment::PaymentStatus>,
    pub payment_due: Option<String>,
    pub events: Vec<EventView>,
}

/// The payment notice (交费通知书) as its page shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PaymentNoticeData {
    pub id: String,
    pub receipt_no: String,
    pub case_number: Option<String>,
    pub court_name: String,
    pub payment_status: domain::payment::PaymentStatus,
    pub lines: Vec<domain::payment_notice::NoticeLine>,
    pub total_due_fen: i64,
    pub pay_when: domain::fees::PayWhen,
    pub payment_due: Option<String>,
    pub payment_due_holidays_known: bool,
    pub account: Option<domain::payment_notice::FeeAccount>,
    pub demo_accounts: bool,
    /// In groups of court, receipt and check character, as it is printed and typed.
    pub reference: String,
    pub payment_url: Option<String>,
    /// The QR code of `payment_url`, an SVG drawn on the server.
    pub qr_svg: Option<String>,
    /// The viewer is the filer (may apply for relief).
    pub own: bool,
}

pub const QUERY_CODE_COOKIE: &str = "portal_query_code";
/// The last public look-up of this browser, sealed with the server's key (receipt number and query code): the
/// look-up form posts, and the result page it redirects to carries no code in its address.
pub const TRACK_COOKIE: &str = "portal_track";
/// A party link code just issued, for the clerk's page: `filing id:party index:code`.
pub const LINK_CODE_COOKIE: &str = "portal_link_code";

#[cfg(feature = "ssr")]
use crate::ssr::request_cookie;

/// The caller of a server function, or the error the page shows.
#[cfg(feature = "ssr")]
fn caller() -> Result<(crate::ssr::RequestInfo, crate::ssr::ServerCtx), AppError> {
    let info = crate::ssr::request_info().ok_or(AppError::Internal)?;
    Ok((info, crate::ssr::ctx()?))
}

#[cfg(feature = "ssr")]
fn door(e: super::error::FilingError, lang: domain::Lang) -> AppError {
    AppError::from_service(&e, lang)
}

/// One filing, if the caller may see it; anyone else gets 404.
#[server(prefix = "/rpc", endpoint = "filing")]
pub async fn load_filing(id: String) -> Result<FilingData, AppError> {
    let (info, ctx) = caller()?;
    let d = super::service::detail(&info, &id, &ctx)
        .await
        .map_err(|e| door(e, info.lang))?;
    // The query code travels in a short-lived HttpOnly cookie set by the submit handler, never in a URL — and is
    // shown to the filer only, not to whoever logs in next on the same browser.
    let query_code = d
        .own
        .then(|| request_cookie(QUERY_CODE_COOKIE))
        .flatten()
        .and_then(|v| {
            v.split_once(':')
                .filter(|(fid, _)| *fid == id)
                .map(|(_, code)| code.to_string())
        });
    let link_code = d
        .reviewer
        .then(|| request_cookie(LINK_CODE_COOKIE))
        .flatten()
        .and_then(|v| {
            let mut parts = v.splitn(3, ':');
            let (fid, index, code) = (parts.next()?, parts.next()?, parts.next()?);
            (fid == id).then(|| Some((index.parse().ok()?, code.to_string())))?
        });
    let own_contact_masked = d
        .own
        .then(|| info.user.as_ref().and_then(crate::notify::Recipient::of))
        .flatten()
        .map(|r| r.masked());
    let f = d.filing;
    Ok(FilingData {
        own_contact_masked,
        own: d.own,
        reviewer: d.reviewer,
        id: f.id,
        status: f.status,
        draft: f.draft,
        events: d
            .events
            .into_iter()
            .map(|e| EventView {
                at: e.at,
                action: e.action,
                note: e.note,
            })
            .collect(),
        receipt_no: f.receipt_no,
        review_deadline: f.review_deadline,
        review_deadline_holidays_known: d.review_deadline_holidays_known,
        case_number: f.case_number,
        fee_total_fen: f.fee_total_fen,
        payment_status: f.payment_status,
        payment_due: f.payment_due,
        payment_due_holidays_known: d.payment_due_holidays_known,
        relief_kind: f.relief_kind,
        relief_reason: f.relief_reason,
        query_code,
        link_code,
        courts: d.courts,
        suggestions: d.competent_courts,
    })
}

#[cfg(feature = "ssr")]
fn summary(m: super::service::Matter, lang: domain::Lang) -> FilingSummary {
    FilingSummary {
        cause: super::common::cause_label(&m.filing.draft.cause, lang).to_string(),
        other_party: m.other_party,
        deletable: m.deletable,
        id: m.filing.id,
        status: m.filing.status,
        case_number: m.filing.case_number,
        receipt_no: m.filing.receipt_no,
        created_at: m.filing.created_at,
        submitted_at: m.filing.submitted_at,
        updated_at: m.filing.updated_at,
    }
}

#[server(prefix = "/rpc", endpoint = "my_filings")]
pub async fn my_filings() -> Result<Vec<FilingSummary>, AppError> {
    let (info, ctx) = caller()?;
    Ok(super::service::list_mine(&info, &ctx)
        .await
        .map_err(|e| door(e, info.lang))?
        .into_iter()
        .map(|m| summary(m, info.lang))
        .collect())
}

/// The caller's own draft as its line in the list, for the page that asks before deleting it; anyone else's 404, a
/// submitted filing 409.
#[server(prefix = "/rpc", endpoint = "draft_to_delete")]
pub async fn draft_to_delete(id: String) -> Result<FilingSummary, AppError> {
    let (info, ctx) = caller()?;
    super::service::draft_to_delete(&info, &id, &ctx)
        .await
        .map(|m| summary(m, info.lang))
        .map_err(|e| door(e, info.lang))
}

/// The review queue of the caller's court (clerks, judges, administrators only).
#[server(prefix = "/rpc", endpoint = "review_queue")]
pub async fn review_queue() -> Result<Vec<QueueItem>, AppError> {
    let (info, ctx) = caller()?;
    Ok(super::service::queue(&info, None, &ctx)
        .await
        .map_err(|e| door(e, info.lang))?
        .into_iter()
        .map(|q| QueueItem {
            receipt_no: q.filing.receipt_no.clone(),
            cause: q.cause_name.unwrap_or_default().to_string(),
            plaintiff: q.plaintiff_masked.unwrap_or_default(),
            review_deadline: q.filing.review_deadline.clone(),
            days_left: q.days_left,
            cross_region: q.cross_region,
            mediation_consent: q.filing.draft.mediation_consent,
            diverted: q.diverted,
            overdue: q.overdue,
            id: q.filing.id,
        })
        .collect())
}

/// What the public look-up shows of a filing.
#[cfg(feature = "ssr")]
fn track_info(t: db::filings::TrackRow) -> TrackInfo {
    TrackInfo {
        status: t.status,
        case_number: t.case_number,
        review_deadline: t.review_deadline,
        fee_total_fen: t.fee_total_fen,
        payment_due: t
            .payment_due
            .filter(|_| t.payment_status == Some(domain::payment::PaymentStatus::Unpaid)),
        payment_status: t.payment_status,
        events: t
            .events
            .into_iter()
            .map(|e| EventView {
                at: e.at,
                action: e.action,
                note: String::new(),
            })
            .collect(),
    }
}

/// Tracking without logging in: receipt number and query code; anything else is "not found".
#[server(prefix = "/rpc", endpoint = "track")]
pub async fn track_filing(receipt: String, code: String) -> Result<Option<TrackInfo>, AppError> {
    let (info, ctx) = caller()?;
    if receipt.trim().is_empty() {
        return Ok(None);
    }
    match super::service::track(&info, &receipt, &code, &ctx).await {
        Ok(t) => Ok(Some(track_info(t))),
        Err(super::error::FilingError::NotFound) => Ok(None),
        Err(e) => Err(door(e, info.lang)),
    }
}

/// The look-up this browser just posted (see [`TRACK_COOKIE`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TrackLookup {
    pub receipt_no: String,
    /// `None`: nothing matches any more (the code was replaced since).
    pub found: Option<TrackInfo>,
}

/// The cookie's value: receipt number and code, sealed with the server's key (never a clear code at rest).
#[cfg(feature = "ssr")]
pub fn seal_track_cookie(keys: &db::crypto::Keys, receipt: &str, code: &str) -> String {
    keys.encrypt(&format!("{receipt}\n{code}"))
}

/// The look-up behind the browser's tracking cookie, if it has one.
#[server(prefix = "/rpc", endpoint = "tracked")]
pub async fn track_remembered() -> Result<Option<TrackLookup>, AppError> {
    let (info, ctx) = caller()?;
    let Some(plain) = request_cookie(TRACK_COOKIE).and_then(|v| ctx.keys.decrypt(&v)) else {
        return Ok(None);
    };
    let Some((receipt, code)) = plain.split_once('\n') else {
        return Ok(None);
    };
    let receipt_no = super::service::normalize_receipt(receipt);
    match super::service::track(&info, receipt, code, &ctx).await {
        Ok(t) => Ok(Some(TrackLookup {
            receipt_no,
            found: Some(track_info(t)),
        })),
        Err(super::error::FilingError::NotFound) => Ok(Some(TrackLookup {
            receipt_no,
            found: None,
        })),
        Err(e) => Err(door(e, info.lang)),
    }
}

/// The payment notice of a registered filing: the filer's and the court staff's; anyone else gets 404.
#[server(prefix = "/rpc", endpoint = "payment_notice")]
pub async fn load_payment_notice(id: String) -> Result<PaymentNoticeData, AppError> {
    let (info, ctx) = caller()?;
    let n = super::service::payment_notice(&info, &id, &ctx)
        .await
        .map_err(|e| door(e, info.lang))?;
    Ok(PaymentNoticeData {
        id: n.filing_id,
        receipt_no: n.receipt_no,
        case_number: n.case_number,
        court_name: n.court_name,
        payment_status: n.payment_status,
        lines: n.lines,
        total_due_fen: n.total_due_fen,
        pay_when: n.pay_when,
        payment_due: n.payment_due,
        payment_due_holidays_known: n.payment_due_holidays_known,
        account: n.account,
        demo_accounts: n.demo_accounts,
        reference: n.reference.grouped(),
        qr_svg: n.payment_url.as_deref().and_then(super::service::qr_svg),
        payment_url: n.payment_url,
        own: n.own,
    })
}
