//! The court's side of a filing: review actions, the fee after registration, the review queue.

use super::{account, is_reviewer, visible, FilingError, Result};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::filings::{self, Filing};
use domain::filing_status::FilingAction;
use domain::payment::{PaymentAction, ReliefKind};
use domain::FieldError;

/// The appeal route a refusal must state (不予受理裁定的上诉).
const REFUSAL_APPEAL: &str = "不服不予受理裁定的，可以在裁定书送达之日起十日内向上一级人民法院提起上诉（《民事诉讼法》第一百五十七条、第一百七十一条）";

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
        FilingAction::RequestCorrection | FilingAction::Refuse | FilingAction::ReturnFromMediation
    );
    if needs_note && input.note.trim().is_empty() {
        return Err(FilingError::field("note", FieldError::Required));
    }
    if action == FilingAction::Divert && !f.draft.mediation_consent {
        return Err(FilingError::NoMediationConsent);
    }
    // 先行立案 (法释〔2015〕8号 第八条): past the seven days, the court registers first.
    let deadline = f
        .review_deadline
        .as_deref()
        .and_then(domain::Date::parse_iso);
    if f.status == domain::filing_status::FilingStatus::Submitted
        && matches!(
            action,
            FilingAction::RequestCorrection | FilingAction::Refuse
        )
        && domain::filing_status::must_register_first(deadline, caller.today)
    {
        return Err(FilingError::RegisterFirst {
            deadline: f.review_deadline.clone(),
        });
    }
    if action == FilingAction::RequestCorrection {
        let earlier = filings::events(&ctx.db, id)
            .await?
            .iter()
            .filter(|e| e.action == "request_correction")
            .count();
        if !domain::filing_status::correction_may_be_requested(earlier) {
            return Err(FilingError::CorrectionOnce);
        }
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
    /// In pre-litigation mediation (`days_left`: until its period ends).
    pub diverted: bool,
    /// Past its deadline: a submitted filing to register first (先行立案), a mediation to bring back.
    pub overdue: bool,
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
            diverted: f.status == domain::filing_status::FilingStatus::Diverted,
            overdue: domain::filing_status::must_register_first(
                f.review_deadline
                    .as_deref()
                    .and_then(domain::Date::parse_iso),
                caller.today,
            ),
            filing: f,
        })
        .collect())
}
