//! 网上立案 over JSON: drafts, submission with a receipt, the court's queue and review actions, fee payment, tracking
//! without logging in, and the risk estimate. Each handler parses, calls `app::filing::service`, and maps the
//! error in one place ([`refused`]). Another person's filing is 404, exactly as if it did not exist.

use crate::http::extract::{ApiJson, ApiQuery, Caller};
use crate::http::problem::Problem;
use crate::state::AppState;
use app::filing::error::FilingError;
use app::filing::service::{self, FilingDetail};
use app::ssr::RequestInfo;
use app::texts::{Label, Message};
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use db::filings::{Filing, FilingEvent};
use domain::filing::FilingDraft;
use domain::filing_status::FilingStatus;
use domain::payment::PaymentStatus;
use domain::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(create, mine))
        .routes(routes!(show, delete_draft))
        .routes(routes!(save))
        .routes(routes!(submit))
        .routes(routes!(review))
        .routes(routes!(payment))
        .routes(routes!(payment_notice))
        .routes(routes!(queue))
        .routes(routes!(track, track_posted))
        .routes(routes!(reissue_query_code))
        .routes(routes!(risk))
        .routes(routes!(issue_party_link))
        .routes(routes!(link_party))
}

/// The API door's one mapping of a filing error.
fn refused(e: FilingError, lang: Lang) -> Problem {
    Problem::from_service(&e, lang)
}

/// One dated step of a filing.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct EventDto {
    /// UTC milliseconds.
    pub at: i64,
    /// create | submit | resubmit | register | request_correction | refuse | divert | request_relief |
    /// grant_relief | deny_relief | record_payment | treat_as_withdrawn
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    /// For fee events: the payment status before and after.
    pub payment_from: Option<PaymentStatus>,
    pub payment_to: Option<PaymentStatus>,
    pub note: String,
}

impl From<FilingEvent> for EventDto {
    fn from(e: FilingEvent) -> Self {
        EventDto {
            at: e.at,
            action: e.action,
            from_status: e.from_status,
            to_status: e.to_status,
            payment_from: e.payment_from,
            payment_to: e.payment_to,
            note: e.note,
        }
    }
}

/// A filing as those who may see it see it.
#[derive(Serialize, ToSchema)]
pub struct FilingView {
    pub id: String,
    pub status: FilingStatus,
    pub status_label: String,
    pub draft: FilingDraft,
    pub court_code: Option<String>,
    pub competent_court_code: Option<String>,
    pub receipt_no: Option<String>,
    /// When it was first submitted (ms since 1970, UTC): the filing date, kept when a filing comes back from
    /// pre-litigation mediation.
    pub submitted_at: Option<i64>,
    /// YYYY-MM-DD: the court decides by this day (CPL Art. 126); while diverted, the end of mediation.
    pub review_deadline: Option<String>,
    /// False when the deadline's year has no public-holiday notice loaded: only weekends moved it.
    pub review_deadline_holidays_known: bool,
    pub case_number: Option<String>,
    pub fee_total_fen: Option<i64>,
    pub fee_table_version: Option<String>,
    pub payment_status: Option<PaymentStatus>,
    /// YYYY-MM-DD: pay by this day (Art. 22 of the Measures).
    pub payment_due: Option<String>,
    pub payment_due_holidays_known: bool,
    pub events: Vec<EventDto>,
    /// Problems that would stop submission now (a draft may be saved with them), by field.
    pub field_errors: BTreeMap<String, String>,
    pub fee: Option<domain::fees::FeeQuote>,
    pub risk: domain::risk::RiskReport,
    /// The courts competent under the cause's jurisdiction rule, from the places and addresses the draft names.
    pub competent_courts: Vec<domain::jurisdiction::Suggestion>,
}

fn view(d: FilingDetail, lang: Lang) -> FilingView {
    let f = d.filing;
    FilingView {
        status_label: f.status.label(lang).into(),
        id: f.id,
        status: f.status,
        draft: f.draft,
        court_code: f.court_code,
        competent_court_code: f.competent_court_code,
        receipt_no: f.receipt_no,
        submitted_at: f.submitted_at,
        review_deadline: f.review_deadline,
        review_deadline_holidays_known: d.review_deadline_holidays_known,
        case_number: f.case_number,
        fee_total_fen: f.fee_total_fen,
        fee_table_version: f.fee_table_version,
        payment_status: f.payment_status,
        payment_due: f.payment_due,
        payment_due_holidays_known: d.payment_due_holidays_known,
        events: d.events.into_iter().map(Into::into).collect(),
        field_errors: d
            .problems
            .0
            .iter()
            .map(|(k, v)| (k.clone(), v.message(lang).to_string()))
            .collect(),
        fee: d.fee,
        risk: d.risk,
        competent_courts: d.competent_courts,
    }
}

/// The filing as it now stands, for the caller (after a change).
async fn fresh(
    state: &AppState,
    caller: &RequestInfo,
    f: &Filing,
) -> Result<Json<FilingView>, Problem> {
    service::detail(caller, &f.id, &state.ctx)
        .await
        .map(|d| Json(view(d, caller.lang)))
        .map_err(|e| refused(e, caller.lang))
}

/// Starts a filing with a first draft (people, enterprises, lawyers; court staff get 403).
#[utoipa::path(post, path = "/api/v1/filings", tag = "filings", request_body = FilingDraft, responses(
    (status = 201, body = FilingView), (status = 401, body = Problem), (status = 403, body = Problem),
    (status = 422, body = Problem)))]
async fn create(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(draft): ApiJson<FilingDraft>,
) -> Result<(StatusCode, Json<FilingView>), Problem> {
    let f = service::create(&caller, &draft, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok((StatusCode::CREATED, fresh(&state, &caller, &f).await?))
}

/// One line of the caller's list of matters.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct FilingListItem {
    pub id: String,
    pub status: FilingStatus,
    pub status_label: String,
    pub cause: String,
    pub case_number: Option<String>,
    pub receipt_no: Option<String>,
    /// When the draft was started (ms since 1970, UTC).
    pub created_at: i64,
    /// When it was first submitted: the filing date. None for a draft.
    pub submitted_at: Option<i64>,
    pub updated_at: i64,
    /// The caller filed it (else they are a party or lawyer to it).
    pub own: bool,
    /// The first defendant's name: in full for the filer, masked (张*) for a party or lawyer who did not file it.
    pub other_party: Option<String>,
    /// The caller's own draft, never submitted: `DELETE /api/v1/filings/{id}` removes it.
    pub deletable: bool,
}

/// The filings the caller filed or is a party or lawyer to, newest first.
#[utoipa::path(get, path = "/api/v1/filings", tag = "filings", responses(
    (status = 200, body = Vec<FilingListItem>), (status = 401, body = Problem)))]
async fn mine(
    State(state): State<AppState>,
    Caller(caller): Caller,
) -> Result<Json<Vec<FilingListItem>>, Problem> {
    let list = service::list_mine(&caller, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(
        list.into_iter()
            .map(|m| FilingListItem {
                status_label: m.filing.status.label(caller.lang).into(),
                own: m.own,
                other_party: m.other_party,
                deletable: m.deletable,
                id: m.filing.id,
                status: m.filing.status,
                cause: m.filing.draft.cause,
                case_number: m.filing.case_number,
                receipt_no: m.filing.receipt_no,
                created_at: m.filing.created_at,
                submitted_at: m.filing.submitted_at,
                updated_at: m.filing.updated_at,
            })
            .collect(),
    ))
}

/// One filing, with its problems, fee, risk estimate and competent courts.
#[utoipa::path(get, path = "/api/v1/filings/{id}", tag = "filings", params(("id" = String, Path)), responses(
    (status = 200, body = FilingView), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn show(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<FilingView>, Problem> {
    service::detail(&caller, &id, &state.ctx)
        .await
        .map(|d| Json(view(d, caller.lang)))
        .map_err(|e| refused(e, caller.lang))
}

/// Deletes the caller's own draft that was never submitted, with its evidence files. Another person's filing is
/// 404; a submitted filing cannot be deleted (409).
#[utoipa::path(delete, path = "/api/v1/filings/{id}", tag = "filings", params(("id" = String, Path)), responses(
    (status = 204, description = "Deleted"), (status = 401, body = Problem), (status = 404, body = Problem),
    (status = 409, body = Problem)))]
async fn delete_draft(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, Problem> {
    service::delete_draft(&caller, &id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(StatusCode::NO_CONTENT)
}

/// Replaces the draft (valid or not) while the filing is the caller's and editable.
#[utoipa::path(put, path = "/api/v1/filings/{id}/draft", tag = "filings", params(("id" = String, Path)),
    request_body = FilingDraft, responses((status = 200, body = FilingView), (status = 401, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn save(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(draft): ApiJson<FilingDraft>,
) -> Result<Json<FilingView>, Problem> {
    let f = service::save_draft(&caller, &id, &draft, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    fresh(&state, &caller, &f).await
}

/// The answer to a submission.
#[derive(Serialize, ToSchema)]
pub struct Receipt {
    pub filing: FilingView,
    /// Shown once (empty on a resubmission): with the receipt number it lets anyone the filer tells follow the
    /// filing without logging in.
    pub query_code: String,
}

/// Submits: every rule re-run on the server, the fee recomputed, a receipt and (the first time) a query code.
#[utoipa::path(post, path = "/api/v1/filings/{id}/submit", tag = "filings", params(("id" = String, Path)),
    responses((status = 200, body = Receipt), (status = 401, body = Problem), (status = 404, body = Problem),
    (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn submit(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<Receipt>, Problem> {
    let s = service::submit(&caller, &id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(Receipt {
        filing: fresh(&state, &caller, &s.filing).await?.0,
        query_code: s.query_code.unwrap_or_default(),
    }))
}

#[derive(Deserialize, ToSchema)]
pub struct ReviewRequest {
    /// register | request_correction | refuse | divert
    pub action: String,
    /// Required for request_correction (what to correct) and refuse (why).
    #[serde(default)]
    pub note: String,
}

/// A clerk's review action (staff of the receiving or competent court only; anyone else 404).
#[utoipa::path(post, path = "/api/v1/filings/{id}/review", tag = "court", params(("id" = String, Path)),
    request_body = ReviewRequest, responses((status = 200, body = FilingView), (status = 401, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn review(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<ReviewRequest>,
) -> Result<Json<FilingView>, Problem> {
    let input = service::ReviewInput {
        action: &req.action,
        note: &req.note,
    };
    let f = service::review(&caller, &id, input, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    fresh(&state, &caller, &f).await
}

#[derive(Deserialize, ToSchema)]
pub struct PaymentRequest {
    /// request_relief (filer) | record_payment | grant_relief | deny_relief | treat_as_withdrawn (clerk)
    pub action: String,
    /// defer | reduce | waive, with request_relief
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub reason: String,
}

/// The fee after registration: the filer applies for 缓减免; the court's clerk records payment or decides.
#[utoipa::path(post, path = "/api/v1/filings/{id}/payment", tag = "filings", params(("id" = String, Path)),
    request_body = PaymentRequest, responses((status = 200, body = FilingView), (status = 401, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
async fn payment(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
    ApiJson(req): ApiJson<PaymentRequest>,
) -> Result<Json<FilingView>, Problem> {
    let input = service::PaymentInput {
        action: &req.action,
        kind: &req.kind,
        reason: &req.reason,
    };
    let f = service::payment(&caller, &id, input, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    fresh(&state, &caller, &f).await
}

/// The payment notice (交费通知书) that registration sends.
#[derive(Serialize, ToSchema)]
pub struct PaymentNoticeView {
    pub filing_id: String,
    pub receipt_no: String,
    pub case_number: Option<String>,
    /// The court the case is registered at, whose account the fee is paid into.
    pub court_code: String,
    pub court_name: String,
    pub payment_status: PaymentStatus,
    pub payment_status_label: String,
    /// Each fee with its article and when it is paid: the acceptance fee (with an Art. 16 halving as a line of its
    /// own), the preservation fee with its application (Art. 14(2)), fees not prepaid (Art. 20).
    pub lines: Vec<domain::payment_notice::NoticeLine>,
    /// What is due within seven days (Art. 22): the lines `within_seven_days` add up to it; 0 when nothing is
    /// prepaid.
    pub total_due_fen: i64,
    pub pay_when: domain::fees::PayWhen,
    pub pay_when_basis: Option<String>,
    /// YYYY-MM-DD: the last day to pay, while the fee is unpaid.
    pub payment_due: Option<String>,
    pub payment_due_holidays_known: bool,
    /// The court's fee account; null when it is not configured (ask the court).
    pub account: Option<domain::payment_notice::FeeAccount>,
    /// The configured accounts are examples: do not pay into them.
    pub demo_accounts: bool,
    /// The payment reference (交费识别码) for the transfer's remarks: court digits, receipt, and an ISO/IEC 7064
    /// MOD 37,36 check character.
    pub reference: String,
    /// The same in groups, as the printed notice shows it.
    pub reference_grouped: String,
    /// notice_only | configured_url
    pub payment_provider: String,
    /// Where to pay online while something is due, when the province has an address.
    pub payment_url: Option<String>,
}

/// The payment notice of a registered filing: lines with their articles, total due, deadline, the court's account,
/// the payment reference and the online payment address. The filer's and the court staff's; anyone else 404; a
/// filing not registered (no notice sent) 409.
#[utoipa::path(get, path = "/api/v1/filings/{id}/payment-notice", tag = "filings", params(("id" = String, Path)),
    responses((status = 200, body = PaymentNoticeView), (status = 401, body = Problem),
    (status = 404, body = Problem), (status = 409, body = Problem)))]
async fn payment_notice(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<Json<PaymentNoticeView>, Problem> {
    let n = service::payment_notice(&caller, &id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(PaymentNoticeView {
        filing_id: n.filing_id,
        receipt_no: n.receipt_no,
        case_number: n.case_number,
        court_code: n.court_code,
        court_name: n.court_name,
        payment_status_label: n.payment_status.label(caller.lang).into(),
        payment_status: n.payment_status,
        lines: n.lines,
        total_due_fen: n.total_due_fen,
        pay_when: n.pay_when,
        pay_when_basis: n.pay_when_basis,
        payment_due: n.payment_due,
        payment_due_holidays_known: n.payment_due_holidays_known,
        account: n.account,
        demo_accounts: n.demo_accounts,
        reference_grouped: n.reference.grouped(),
        reference: n.reference.as_str().to_string(),
        payment_provider: n.payment_provider.to_string(),
        payment_url: n.payment_url,
    }))
}

/// One filing waiting for review.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct QueueItem {
    pub id: String,
    pub receipt_no: Option<String>,
    pub cause: Option<String>,
    /// Masked (张*): the queue is not the party's own page.
    pub plaintiff: Option<String>,
    pub submitted_at: Option<i64>,
    pub review_deadline: Option<String>,
    pub days_left: Option<i64>,
    /// Filed at a court other than the competent one (跨域立案).
    pub cross_region: bool,
    /// `submitted` (to decide) or `diverted` (in pre-litigation mediation; `review_deadline` is its end).
    pub status: String,
    /// Past `review_deadline`: register first (先行立案, 法释〔2015〕8号 第八条), or bring the mediation back.
    pub overdue: bool,
}

/// A court's review queue, oldest first (that court's staff only; anyone else 404).
#[utoipa::path(get, path = "/api/v1/courts/{code}/queue", tag = "court", params(("code" = String, Path)),
    responses((status = 200, body = Vec<QueueItem>), (status = 401, body = Problem), (status = 404, body = Problem)))]
async fn queue(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(code): Path<String>,
) -> Result<Json<Vec<QueueItem>>, Problem> {
    let list = service::queue(&caller, Some(&code), &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(
        list.into_iter()
            .map(|q| QueueItem {
                cause: q.cause_name.map(str::to_string),
                plaintiff: q.plaintiff_masked,
                days_left: q.days_left,
                cross_region: q.cross_region,
                status: q.filing.status.code().to_string(),
                overdue: q.overdue,
                receipt_no: q.filing.receipt_no,
                submitted_at: q.filing.submitted_at,
                review_deadline: q.filing.review_deadline,
                id: q.filing.id,
            })
            .collect(),
    ))
}

#[derive(Deserialize, ToSchema, utoipa::IntoParams)]
pub struct TrackQuery {
    /// The receipt number (收件号), in any case; spaces and hyphens are ignored.
    receipt: String,
    /// The query code shown once at submission (or re-issued by the filer).
    code: String,
}

/// One dated step, without personal data.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct TrackEvent {
    pub at: i64,
    pub action: String,
    pub to_status: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct Tracking {
    pub receipt_no: Option<String>,
    pub status: FilingStatus,
    pub status_label: String,
    pub case_number: Option<String>,
    pub review_deadline: Option<String>,
    /// The fee the court's notice asks for within seven days (after submission; 0 when nothing is prepaid).
    pub fee_total_fen: Option<i64>,
    /// Where the fee's payment stands, once registration has sent the notice.
    pub payment_status: Option<PaymentStatus>,
    pub payment_status_label: Option<String>,
    /// YYYY-MM-DD: the last day to pay, while the fee is unpaid (Art. 22 of the Measures).
    pub payment_due: Option<String>,
    pub events: Vec<TrackEvent>,
}

/// The look-up, whichever way the receipt and code came.
async fn tracking(
    state: &AppState,
    caller: &RequestInfo,
    receipt: &str,
    code: &str,
) -> Result<Json<Tracking>, Problem> {
    let t = service::track(caller, receipt, code, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok(Json(Tracking {
        receipt_no: Some(t.receipt_no),
        status: t.status,
        status_label: t.status.label(caller.lang).into(),
        case_number: t.case_number,
        review_deadline: t.review_deadline,
        fee_total_fen: t.fee_total_fen,
        payment_status_label: t.payment_status.map(|p| p.label(caller.lang).to_string()),
        payment_due: t
            .payment_due
            .filter(|_| t.payment_status == Some(PaymentStatus::Unpaid)),
        payment_status: t.payment_status,
        events: t
            .events
            .into_iter()
            .map(|e| TrackEvent {
                at: e.at,
                action: e.action,
                to_status: e.to_status,
            })
            .collect(),
    }))
}

/// Tracking without logging in, the receipt and code in the query string. Kept for clients written against it;
/// prefer `POST /api/v1/track`: a code in a URL ends up in proxies' and servers' logs.
#[utoipa::path(get, path = "/api/v1/track", tag = "filings", params(TrackQuery), responses(
    (status = 200, body = Tracking), (status = 404, body = Problem), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn track(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiQuery(q): ApiQuery<TrackQuery>,
) -> Result<Json<Tracking>, Problem> {
    tracking(&state, &caller, &q.receipt, &q.code).await
}

/// Tracking without logging in: status, case number, the fee and its deadline, and the dated steps. The receipt and
/// code travel in the body, never in the URL. An unknown receipt and a wrong code are the same 404; failures are
/// limited per receipt and per client (429).
#[utoipa::path(post, path = "/api/v1/track", tag = "filings", request_body = TrackQuery, responses(
    (status = 200, body = Tracking), (status = 404, body = Problem), (status = 422, body = Problem),
    (status = 429, body = Problem)))]
async fn track_posted(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(q): ApiJson<TrackQuery>,
) -> Result<Json<Tracking>, Problem> {
    tracking(&state, &caller, &q.receipt, &q.code).await
}

/// A query code issued again.
#[derive(Serialize, ToSchema)]
pub struct NewQueryCode {
    pub receipt_no: String,
    /// Shown once; only its keyed hash is kept. The old code no longer works.
    pub query_code: String,
    /// Where it was also sent (the filer's own mobile, masked), if the account has one.
    pub sent_to: Option<String>,
}

/// The filer replaces a lost query code of their submitted filing: the old one stops working; the new one is in the
/// answer (once) and sent to the filer's own mobile. Anyone else's filing is 404, a draft 409; re-issues are limited
/// (429).
#[utoipa::path(post, path = "/api/v1/filings/{id}/query-code", tag = "filings", params(("id" = String, Path)),
    responses((status = 201, body = NewQueryCode), (status = 401, body = Problem), (status = 404, body = Problem),
    (status = 409, body = Problem), (status = 429, body = Problem)))]
async fn reissue_query_code(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path(id): Path<String>,
) -> Result<(StatusCode, Json<NewQueryCode>), Problem> {
    let r = service::reissue_query_code(&caller, &id, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok((
        StatusCode::CREATED,
        Json(NewQueryCode {
            receipt_no: r.receipt_no,
            query_code: r.code,
            sent_to: r.sent_to,
        }),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct Estimate {
    pub risk: domain::risk::RiskReport,
    pub fee: Option<domain::fees::FeeQuote>,
}

/// The risk estimate (the SPC's 诉讼风险提示书 items) and the fee of any draft, for other clients; the portal's own
/// pages compute the same in WebAssembly.
#[utoipa::path(post, path = "/api/v1/risk", tag = "filings", request_body = FilingDraft, responses(
    (status = 200, body = Estimate), (status = 422, body = Problem)))]
async fn risk(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(draft): ApiJson<FilingDraft>,
) -> Json<Estimate> {
    let (risk, fee) = service::estimate(&caller, &draft, &state.ctx);
    Json(Estimate { risk, fee })
}

#[derive(Serialize, ToSchema)]
pub struct PartyLinkCode {
    /// The code to serve on the party (shown once; only its keyed hash is kept).
    pub code: String,
    /// Until when it can be used, UTC milliseconds.
    pub expires_at: i64,
}

/// The reviewing court issues the link code of one party (by its index in the filing's parties): served with the
/// court's papers, it lets that party see the matter in the portal. Issuing again replaces the last code.
#[utoipa::path(post, path = "/api/v1/filings/{id}/parties/{index}/link-code", tag = "court",
    params(("id" = String, Path), ("index" = usize, Path)), responses((status = 201, body = PartyLinkCode),
    (status = 401, body = Problem), (status = 404, body = Problem), (status = 409, body = Problem),
    (status = 422, body = Problem)))]
async fn issue_party_link(
    State(state): State<AppState>,
    Caller(caller): Caller,
    Path((id, index)): Path<(String, usize)>,
) -> Result<(StatusCode, Json<PartyLinkCode>), Problem> {
    let issued = service::issue_party_link(&caller, &id, index, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok((
        StatusCode::CREATED,
        Json(PartyLinkCode {
            code: issued.code,
            expires_at: issued.expires_at,
        }),
    ))
}

#[derive(Deserialize, ToSchema)]
pub struct LinkRequest {
    /// The filing's receipt number.
    pub receipt: String,
    /// The party link code the court served.
    pub code: String,
}

#[derive(Serialize, ToSchema)]
pub struct Linked {
    pub filing_id: String,
}

/// A party links a filing to their account with the receipt number and the code the court served; a wrong pair is
/// 404 whatever was wrong, and tries are limited per account (429).
#[utoipa::path(post, path = "/api/v1/me/filing-links", tag = "filings", request_body = LinkRequest, responses(
    (status = 201, body = Linked), (status = 401, body = Problem), (status = 404, body = Problem),
    (status = 422, body = Problem), (status = 429, body = Problem)))]
async fn link_party(
    State(state): State<AppState>,
    Caller(caller): Caller,
    ApiJson(req): ApiJson<LinkRequest>,
) -> Result<(StatusCode, Json<Linked>), Problem> {
    let filing_id = service::link_party(&caller, &req.receipt, &req.code, &state.ctx)
        .await
        .map_err(|e| refused(e, caller.lang))?;
    Ok((StatusCode::CREATED, Json(Linked { filing_id })))
}
