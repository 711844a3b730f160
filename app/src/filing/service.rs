//! Online filing's business operations (网上立案), each written once. The JSON API, the no-JavaScript forms and the
//! server functions all call these and nothing below them: every rule and every access check lives here.
//!
//! Each operation takes the caller (who is asking, from where, and when), its input and the server context, and
//! returns a [`FilingError`] a door can map. Who may see a filing: the filer, the accounts of its parties and their
//! lawyers, and staff of the receiving and the competent court once it is submitted. Everyone else is told it does
//! not exist.

use super::error::FilingError;
use super::form::{apply_step, Step};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::accounts::Account;
use db::filings::{self, Filing, FilingEvent};
use domain::fees::{FeeQuote, FeeRequest, FeeTable, Procedure};
use domain::filing::{self as rules, FilingDraft};
use domain::filing_status::FilingAction;
use domain::payment::{PaymentAction, ReliefKind};
use domain::registration::AccountKind;
use domain::{FieldError, FieldErrors};

pub type Result<T> = std::result::Result<T, FilingError>;

/// The appeal route a refusal must state (不予受理裁定的上诉).
const REFUSAL_APPEAL: &str = "不服不予受理裁定的，可以在裁定书送达之日起十日内向上一级人民法院提起上诉（《民事诉讼法》第一百五十七条、第一百七十一条）";

fn account(caller: &Caller) -> Result<&Account> {
    caller.user.as_ref().ok_or(FilingError::Unauthorized)
}

/// Clerks, judges and court administrators act on filings for their court.
fn is_reviewer(a: &Account) -> bool {
    matches!(
        a.kind,
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
    )
}

/// A filing the caller may see, or `NotFound`.
async fn visible<'a>(
    caller: &'a Caller,
    id: &str,
    ctx: &ServerCtx,
) -> Result<(Filing, &'a Account)> {
    let user = account(caller)?;
    let filing = filings::get(&ctx.db, id)
        .await?
        .ok_or(FilingError::NotFound)?;
    if filings::may_see(&ctx.db, &filing, user).await? {
        Ok((filing, user))
    } else {
        Err(FilingError::NotFound)
    }
}

/// The caller's own filing while it can still be changed: someone else's is `NotFound`, a submitted one `Conflict`.
async fn own_editable(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<Filing> {
    let (filing, user) = visible(caller, id, ctx).await?;
    if filing.filer_id != user.id {
        return Err(FilingError::NotFound);
    }
    if !filing.status.editable() {
        return Err(FilingError::Conflict);
    }
    Ok(filing)
}

/// The fee of a draft as it stands (ordinary procedure; the court decides on the simple procedure).
pub fn fee_for(draft: &FilingDraft, table: &FeeTable) -> Option<FeeQuote> {
    let cause = domain::catalogue::cause(&draft.cause)?;
    let req = FeeRequest {
        fee_category: cause.fee,
        amount_fen: Some(rules::claims_total(draft)),
        procedure: Procedure::Ordinary,
        preservation_amount_fen: rules::parse_yuan(&draft.preservation_amount).ok(),
    };
    domain::fees::quote(&req, table).ok()
}

/// Everything known about one filing that the caller may see.
pub struct FilingDetail {
    pub filing: Filing,
    pub events: Vec<FilingEvent>,
    /// Every court, `(code, name)`, for the court step's choice.
    pub courts: Vec<(String, String)>,
    /// The courts competent under the cause's jurisdiction rule, from the places and addresses the draft names.
    pub competent_courts: Vec<domain::jurisdiction::Suggestion>,
    /// The caller is the filer (may edit while editable).
    pub own: bool,
    /// The caller is a clerk of the receiving or competent court (may review, record payment).
    pub reviewer: bool,
    /// What would stop submission now (a draft may be saved with problems).
    pub problems: FieldErrors,
    pub fee: Option<FeeQuote>,
    pub risk: domain::risk::RiskReport,
    /// Whether the holiday notice was loaded for the year each stored deadline falls in.
    pub review_deadline_holidays_known: bool,
    pub payment_due_holidays_known: bool,
}

pub async fn detail(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<FilingDetail> {
    let (filing, user) = visible(caller, id, ctx).await?;
    let events = filings::events(&ctx.db, &filing.id).await?;
    let all_courts = db::courts::list(&ctx.db).await?;
    let areas: Vec<domain::jurisdiction::CourtArea> = all_courts
        .iter()
        .filter(|c| !c.places.is_empty())
        .map(|c| domain::jurisdiction::CourtArea {
            code: c.code.clone(),
            name: c.name.clone(),
            places: c.places.clone(),
        })
        .collect();
    let known = |d: &Option<String>| {
        d.as_deref()
            .and_then(domain::Date::parse_iso)
            .is_none_or(|d| ctx.calendar.covers(d.year))
    };
    Ok(FilingDetail {
        competent_courts: domain::jurisdiction::suggest(&filing.draft, &areas),
        courts: all_courts.into_iter().map(|c| (c.code, c.name)).collect(),
        own: filing.filer_id == user.id,
        reviewer: is_reviewer(user) && filing.filer_id != user.id,
        problems: rules::validate(&filing.draft, caller.today)
            .err()
            .unwrap_or_default(),
        fee: fee_for(&filing.draft, &ctx.fees),
        risk: domain::risk::assess(
            &filing.draft,
            caller.lang,
            caller.today,
            &ctx.calendar,
            &ctx.fees,
        ),
        review_deadline_holidays_known: known(&filing.review_deadline),
        payment_due_holidays_known: known(&filing.payment_due),
        events,
        filing,
    })
}

/// Starts a filing (people, enterprises and lawyers; court staff do not file).
pub async fn create(caller: &Caller, draft: &FilingDraft, ctx: &ServerCtx) -> Result<Filing> {
    let user = account(caller)?;
    if user.kind.is_staff() {
        return Err(FilingError::StaffCannotFile);
    }
    Ok(filings::create(&ctx.db, &user.id, draft, &caller.ip, caller.now_ms).await?)
}

/// The filings the caller filed or is a party or lawyer to, newest first.
pub async fn list_mine(caller: &Caller, ctx: &ServerCtx) -> Result<Vec<Filing>> {
    let user = account(caller)?;
    Ok(filings::for_account(&ctx.db, &user.id).await?)
}

/// Replaces the whole draft (the API's way to save), valid or not.
pub async fn save_draft(
    caller: &Caller,
    id: &str,
    draft: &FilingDraft,
    ctx: &ServerCtx,
) -> Result<Filing> {
    let f = own_editable(caller, id, ctx).await?;
    Ok(filings::save_draft(&ctx.db, id, &f.filer_id, draft, &caller.ip, caller.now_ms).await?)
}

/// Merges one wizard step's answers into the draft and saves it: nothing typed is dropped, valid or not.
pub async fn save_step(
    caller: &Caller,
    id: &str,
    step: Step,
    pairs: &[(String, String)],
    ctx: &ServerCtx,
) -> Result<Filing> {
    let mut f = own_editable(caller, id, ctx).await?;
    apply_step(&mut f.draft, step, pairs);
    Ok(filings::save_draft(
        &ctx.db,
        id,
        &f.filer_id,
        &f.draft,
        &caller.ip,
        caller.now_ms,
    )
    .await?)
}

/// A submitted filing and, the first time only, the query code that lets anyone the filer tells follow it.
pub struct Submitted {
    pub filing: Filing,
    pub query_code: Option<String>,
}

/// Submits the caller's own filing: every rule re-run, the fee recomputed with the configured table (its version
/// stored), a receipt number and — the first time — a query code.
pub async fn submit(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<Submitted> {
    let f = own_editable(caller, id, ctx).await?;
    rules::validate(&f.draft, caller.today).map_err(FilingError::Invalid)?;
    for code in [&f.draft.court_code, &f.draft.competent_court_code] {
        if !code.trim().is_empty() && !db::courts::exists(&ctx.db, code.trim()).await? {
            return Err(FilingError::field("court_code", FieldError::UnknownChoice));
        }
    }
    let fee = fee_for(&f.draft, &ctx.fees)
        .ok_or_else(|| FilingError::internal("no fee for a valid filing"))?;
    let access = filings::party_accounts(&ctx.db, &ctx.keys, &f.draft).await?;
    let areas = db::courts::areas(&ctx.db).await?;
    let suggested = domain::jurisdiction::suggest(&f.draft, &areas)
        .into_iter()
        .next()
        .map(|s| s.court_code);
    let first_submission = f.receipt_no.is_none();
    let receipt_no = f.receipt_no.clone().unwrap_or_else(|| {
        let d = caller.today;
        format!(
            "SL{:04}{:02}{:02}{}",
            d.year,
            d.month,
            d.day,
            &db::new_id()[..8].to_ascii_uppercase()
        )
    });
    let query_code = {
        use rand::Rng;
        format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
    };
    // The court decides within seven days (CPL Art. 126), rest days skipped.
    let deadline = ctx.calendar.period_end_days(caller.today, 7).to_string();
    let submission = filings::Submission {
        receipt_no: &receipt_no,
        query_code_hash: &db::crypto::token_hash(&format!("{receipt_no}:{query_code}")),
        review_deadline: &deadline,
        fee_table_version: &fee.table_version,
        fee_total_fen: fee.total_fen,
        access: &access,
        suggested_competent: suggested.as_deref(),
    };
    let filing = filings::submit(
        &ctx.db,
        id,
        &f.filer_id,
        &submission,
        &caller.ip,
        caller.now_ms,
    )
    .await?;
    // A resubmission keeps the first receipt and its code: the code is shown only once.
    Ok(Submitted {
        filing,
        query_code: first_submission.then_some(query_code),
    })
}

/// A clerk's review action: register, ask for corrections, refuse, or divert to pre-litigation mediation.
pub struct ReviewInput<'a> {
    /// register | request_correction | refuse | divert
    pub action: &'a str,
    pub note: &'a str,
}

pub async fn review(
    caller: &Caller,
    id: &str,
    input: ReviewInput<'_>,
    ctx: &ServerCtx,
) -> Result<Filing> {
    let (f, user) = visible(caller, id, ctx).await?;
    if !user.kind.is_staff() || !is_reviewer(user) {
        return Err(FilingError::NotFound);
    }
    let action = FilingAction::from_code(input.action)
        .filter(|a| *a != FilingAction::Submit)
        .ok_or_else(|| FilingError::field("action", FieldError::UnknownChoice))?;
    let needs_note = matches!(
        action,
        FilingAction::RequestCorrection | FilingAction::Refuse
    );
    if needs_note && input.note.trim().is_empty() {
        return Err(FilingError::field("note", FieldError::Required));
    }
    if action == FilingAction::Divert && !f.draft.mediation_consent {
        return Err(FilingError::NoMediationConsent);
    }
    let note = if action == FilingAction::Refuse {
        format!("{}（{REFUSAL_APPEAL}）", input.note.trim())
    } else {
        input.note.trim().to_string()
    };
    Ok(filings::review(
        &ctx.db,
        id,
        &user.id,
        action,
        &note,
        caller.today,
        &ctx.calendar,
        &caller.ip,
        caller.now_ms,
    )
    .await?)
}

/// A step in paying the fee: the filer applies for 缓减免; the court's clerk records payment or decides.
pub struct PaymentInput<'a> {
    /// request_relief (filer) | record_payment | grant_relief | deny_relief | treat_as_withdrawn (clerk)
    pub action: &'a str,
    /// defer | reduce | waive, with request_relief
    pub kind: &'a str,
    pub reason: &'a str,
}

pub async fn payment(
    caller: &Caller,
    id: &str,
    input: PaymentInput<'_>,
    ctx: &ServerCtx,
) -> Result<Filing> {
    let (f, user) = visible(caller, id, ctx).await?;
    let action = PaymentAction::from_code(input.action)
        .ok_or_else(|| FilingError::field("action", FieldError::UnknownChoice))?;
    let clerk = is_reviewer(user);
    let relief = match action {
        PaymentAction::RequestRelief => {
            if f.filer_id != user.id {
                return Err(FilingError::NotFound);
            }
            let kind = ReliefKind::from_code(input.kind)
                .ok_or_else(|| FilingError::field("kind", FieldError::UnknownChoice))?;
            if input.reason.trim().is_empty() {
                return Err(FilingError::field("reason", FieldError::Required));
            }
            Some((kind.code(), input.reason.trim()))
        }
        PaymentAction::RecordPayment | PaymentAction::GrantRelief | PaymentAction::DenyRelief => {
            if !clerk {
                return Err(FilingError::NotFound);
            }
            None
        }
        PaymentAction::TreatAsWithdrawn => {
            if !clerk {
                return Err(FilingError::NotFound);
            }
            if !domain::payment::overdue(f.payment_due.as_deref(), caller.today) {
                return Err(FilingError::NotOverdue {
                    deadline: f.payment_due.clone(),
                });
            }
            None
        }
    };
    Ok(filings::payment(
        &ctx.db,
        id,
        &user.id,
        action,
        relief,
        caller.today,
        &ctx.calendar,
        &caller.ip,
        caller.now_ms,
    )
    .await?)
}

/// One filing in a court's review queue. The plaintiff's name is masked: the queue is not the party's own page.
pub struct QueueEntry {
    pub filing: Filing,
    pub cause_name: Option<&'static str>,
    pub plaintiff_masked: Option<String>,
    pub days_left: Option<i64>,
    /// Filed at a court other than the competent one (跨域立案).
    pub cross_region: bool,
}

/// The review queue of a court, oldest first, for that court's staff only (`court`: the caller's own when `None`).
pub async fn queue(
    caller: &Caller,
    court: Option<&str>,
    ctx: &ServerCtx,
) -> Result<Vec<QueueEntry>> {
    let user = account(caller)?;
    let own = user.court_code.as_deref().filter(|_| user.kind.is_staff());
    let court = match (own, court) {
        (Some(own), None) => own,
        (Some(own), Some(asked)) if own == asked => own,
        _ => return Err(FilingError::NotFound),
    };
    let today = caller.today.to_days();
    Ok(filings::queue(&ctx.db, court)
        .await?
        .into_iter()
        .map(|f| QueueEntry {
            cause_name: domain::catalogue::cause(&f.draft.cause).map(|c| c.name),
            plaintiff_masked: f
                .draft
                .parties
                .iter()
                .find(|p| p.role == "plaintiff")
                .map(|p| domain::mask::name(&p.name)),
            days_left: f
                .review_deadline
                .as_deref()
                .and_then(domain::Date::parse_iso)
                .map(|d| d.to_days() - today),
            cross_region: f.court_code != f.competent_court_code,
            filing: f,
        })
        .collect())
}

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
        domain::risk::assess(draft, caller.lang, caller.today, &ctx.calendar, &ctx.fees),
        fee_for(draft, &ctx.fees),
    )
}

/// One uploaded evidence file as the form sent it.
pub struct Upload {
    pub label: String,
    pub original: bool,
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Takes one evidence file: its type is read from its bytes, it is stored under a fresh id, then recorded with the
/// draft entry that lists it in one transaction. If recording fails the stored bytes are removed, so a retry
/// starts clean.
pub async fn add_evidence(
    caller: &Caller,
    id: &str,
    upload: Upload,
    ctx: &ServerCtx,
) -> Result<()> {
    let mut f = own_editable(caller, id, ctx).await?;
    if upload.bytes.is_empty() && upload.file_name.is_empty() {
        return Err(FilingError::Upload(domain::upload::UploadError::Missing));
    }
    let kind = domain::upload::check(&upload.bytes).map_err(FilingError::Upload)?;
    let label = match upload.label.trim() {
        "" => upload
            .file_name
            .rsplit_once('.')
            .map(|(stem, _)| stem.to_string())
            .unwrap_or(upload.file_name.clone()),
        l => l.to_string(),
    };
    let label = if label.trim().is_empty() {
        "证据".to_string()
    } else {
        label.chars().take(100).collect()
    };
    let file_id = db::new_id();
    ctx.files
        .put(&file_id, &upload.bytes)
        .await
        .map_err(FilingError::internal)?;
    f.draft.evidence.push(domain::filing::EvidenceDraft {
        name: label.clone(),
        original: upload.original,
        file_id: Some(file_id.clone()),
    });
    let record = db::evidence::NewFile {
        id: &file_id,
        filing_id: id,
        owner_id: &f.filer_id,
        label: &label,
        content_type: kind.content_type(),
        size_bytes: upload.bytes.len() as i64,
        sha256: &db::crypto::sha256_hex(&upload.bytes),
    };
    if let Err(e) = db::evidence::add(&ctx.db, &record, &f.draft, &caller.ip, caller.now_ms).await {
        ctx.files.delete(&file_id).await;
        return Err(FilingError::internal(e));
    }
    Ok(())
}

/// An evidence file, to whoever may see its filing; anyone else is told it does not exist.
pub async fn evidence_file(
    caller: &Caller,
    file_id: &str,
    ctx: &ServerCtx,
) -> Result<(db::evidence::EvidenceFile, Vec<u8>)> {
    account(caller)?;
    let file = db::evidence::get(&ctx.db, file_id)
        .await?
        .ok_or(FilingError::NotFound)?;
    visible(caller, &file.filing_id, ctx).await?;
    let bytes = ctx
        .files
        .get(&file.id)
        .await
        .map_err(FilingError::internal)?;
    Ok((file, bytes))
}

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
