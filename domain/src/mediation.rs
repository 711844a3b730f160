//! The life of a mediation (调解), as exhaustive state machines: the booking and its outcome, the parties'
//! signatures on the agreement, and the joint application for judicial confirmation (司法确认). Every transition
//! is listed, with who may take it; everything else is refused.
//!
//! Mediation is voluntary (人民法院在线调解规则 第四条; 人民调解法 第三条): a booking is confirmed only when the
//! invited party accepts, and either party may withdraw before it is held.

use crate::calendar::{Deadline, HolidayCalendar};
use crate::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MediationStatus {
    /// The requester chose this time and is giving the details: the slot is held for them for
    /// [`HOLD_MINUTES`], so nobody takes it meanwhile.
    Held,
    /// Requested: the other party is invited and has not answered; the slot is held for them.
    Invited,
    /// Both parties agreed to mediate; the session is booked.
    Scheduled,
    /// The invited party declined (the reason is kept); the slot is free again.
    Declined,
    /// The invitation was not answered in time; the slot is free again.
    Expired,
    /// Withdrawn by a party or the mediator before an outcome.
    Cancelled,
    /// 调解成功: an agreement covers the whole dispute.
    Settled,
    /// 部分达成: an agreement for the settled part; the rest may go to court.
    PartlySettled,
    /// 调解不成 (or the mediation period ran out without agreement).
    Failed,
    /// Turned into a filing: the matter continues in court.
    Filed,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediationAction {
    /// The requester completes a held booking: the other party is invited.
    Submit,
    Accept,
    Decline,
    Expire,
    Reschedule,
    Cancel,
    /// Extend the mediation period once, with both parties' consent and a reason.
    Extend,
    RecordSuccess,
    RecordPartial,
    RecordFailure,
    /// The mediation period ended without an agreement.
    TimeOut,
    /// Turn the matter (or its unsettled part) into a filing.
    File,
}

/// Who is acting on a mediation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MediationRole {
    /// The party who asked for mediation (申请人).
    Requester,
    /// The invited party (被申请人).
    Respondent,
    /// The assigned mediator.
    Mediator,
    /// Staff of the court the mediation belongs to (clerk, court administrator).
    Staff,
    /// The portal itself: expiry and time-outs, on a clock.
    System,
}

impl MediationStatus {
    pub const ALL: [MediationStatus; 10] = [
        MediationStatus::Held,
        MediationStatus::Invited,
        MediationStatus::Scheduled,
        MediationStatus::Declined,
        MediationStatus::Expired,
        MediationStatus::Cancelled,
        MediationStatus::Settled,
        MediationStatus::PartlySettled,
        MediationStatus::Failed,
        MediationStatus::Filed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MediationStatus::Held => "held",
            MediationStatus::Invited => "invited",
            MediationStatus::Scheduled => "scheduled",
            MediationStatus::Declined => "declined",
            MediationStatus::Expired => "expired",
            MediationStatus::Cancelled => "cancelled",
            MediationStatus::Settled => "settled",
            MediationStatus::PartlySettled => "partly_settled",
            MediationStatus::Failed => "failed",
            MediationStatus::Filed => "filed",
        }
    }

    pub fn from_code(s: &str) -> Option<MediationStatus> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }

    /// The booking holds its mediator's slot (the database's unique index covers exactly these).
    pub fn holds_slot(self) -> bool {
        matches!(
            self,
            MediationStatus::Held | MediationStatus::Invited | MediationStatus::Scheduled
        )
    }

    /// An agreement exists (whole or partial).
    pub fn has_agreement(self) -> bool {
        matches!(
            self,
            MediationStatus::Settled | MediationStatus::PartlySettled
        )
    }

    /// Where `action` leads from here, or `None` if it is not allowed in this state.
    pub fn next(self, action: MediationAction) -> Option<MediationStatus> {
        use MediationAction as A;
        use MediationStatus as S;
        match (self, action) {
            (S::Held, A::Submit) => Some(S::Invited),
            (S::Held, A::Expire) => Some(S::Expired),
            (S::Held, A::Cancel) => Some(S::Cancelled),
            (S::Invited, A::Accept) => Some(S::Scheduled),
            (S::Invited, A::Decline) => Some(S::Declined),
            (S::Invited, A::Expire) => Some(S::Expired),
            (S::Invited | S::Scheduled, A::Reschedule) => Some(self),
            (S::Invited | S::Scheduled, A::Cancel) => Some(S::Cancelled),
            (S::Scheduled, A::Extend) => Some(S::Scheduled),
            (S::Scheduled, A::RecordSuccess) => Some(S::Settled),
            (S::Scheduled, A::RecordPartial) => Some(S::PartlySettled),
            (S::Scheduled, A::RecordFailure | A::TimeOut) => Some(S::Failed),
            (S::Failed | S::PartlySettled | S::Declined | S::Expired | S::Cancelled, A::File) => {
                Some(S::Filed)
            }
            (
                S::Held,
                A::Accept
                | A::Decline
                | A::Reschedule
                | A::Extend
                | A::RecordSuccess
                | A::RecordPartial
                | A::RecordFailure
                | A::TimeOut
                | A::File,
            )
            | (
                S::Invited,
                A::Submit
                | A::Extend
                | A::RecordSuccess
                | A::RecordPartial
                | A::RecordFailure
                | A::TimeOut
                | A::File,
            )
            | (S::Scheduled, A::Submit | A::Accept | A::Decline | A::Expire | A::File)
            | (
                S::Declined | S::Expired | S::Cancelled | S::Failed | S::PartlySettled,
                A::Submit
                | A::Accept
                | A::Decline
                | A::Expire
                | A::Reschedule
                | A::Cancel
                | A::Extend
                | A::RecordSuccess
                | A::RecordPartial
                | A::RecordFailure
                | A::TimeOut,
            )
            | (S::Settled | S::Filed, _) => None,
        }
    }
}

impl MediationAction {
    pub const ALL: [MediationAction; 12] = [
        MediationAction::Submit,
        MediationAction::Accept,
        MediationAction::Decline,
        MediationAction::Expire,
        MediationAction::Reschedule,
        MediationAction::Cancel,
        MediationAction::Extend,
        MediationAction::RecordSuccess,
        MediationAction::RecordPartial,
        MediationAction::RecordFailure,
        MediationAction::TimeOut,
        MediationAction::File,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MediationAction::Submit => "submit",
            MediationAction::Accept => "accept",
            MediationAction::Decline => "decline",
            MediationAction::Expire => "expire",
            MediationAction::Reschedule => "reschedule",
            MediationAction::Cancel => "cancel",
            MediationAction::Extend => "extend",
            MediationAction::RecordSuccess => "record_success",
            MediationAction::RecordPartial => "record_partial",
            MediationAction::RecordFailure => "record_failure",
            MediationAction::TimeOut => "time_out",
            MediationAction::File => "file",
        }
    }

    pub fn from_code(s: &str) -> Option<MediationAction> {
        Self::ALL.into_iter().find(|x| x.code() == s)
    }

    /// Whether `role` may take this action at all (the state is checked by [`MediationStatus::next`]).
    /// Only the invited party answers the invitation; either party or the mediator may move or withdraw from a
    /// booking (mediation is voluntary); the mediator records the outcome and, with both parties' consent, the
    /// extension; the parties (or the court's staff, for a filing it diverted) take the matter to court.
    pub fn allowed_for(self, role: MediationRole) -> bool {
        use MediationAction as A;
        use MediationRole as R;
        match self {
            A::Submit => role == R::Requester,
            A::Accept | A::Decline => role == R::Respondent,
            A::Expire | A::TimeOut => role == R::System,
            A::Reschedule | A::Cancel => {
                matches!(role, R::Requester | R::Respondent | R::Mediator)
            }
            A::Extend | A::RecordSuccess | A::RecordPartial | A::RecordFailure => {
                role == R::Mediator
            }
            A::File => matches!(role, R::Requester | R::Respondent | R::Staff),
        }
    }
}

impl MediationRole {
    pub fn code(self) -> &'static str {
        match self {
            MediationRole::Requester => "requester",
            MediationRole::Respondent => "respondent",
            MediationRole::Mediator => "mediator",
            MediationRole::Staff => "staff",
            MediationRole::System => "system",
        }
    }

    pub fn from_code(s: &str) -> Option<MediationRole> {
        [
            MediationRole::Requester,
            MediationRole::Respondent,
            MediationRole::Mediator,
            MediationRole::Staff,
            MediationRole::System,
        ]
        .into_iter()
        .find(|r| r.code() == s)
    }

    pub fn is_party(self) -> bool {
        matches!(self, MediationRole::Requester | MediationRole::Respondent)
    }
}

/// How the session is held.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum MediationMode {
    /// At the organisation's room (诉讼服务中心调解室, 诉讼服务站, 网格点).
    InPerson,
    /// By video (人民法院在线调解规则 第二条).
    Video,
}

impl MediationMode {
    pub fn code(self) -> &'static str {
        match self {
            MediationMode::InPerson => "in_person",
            MediationMode::Video => "video",
        }
    }

    pub fn from_code(s: &str) -> Option<MediationMode> {
        [MediationMode::InPerson, MediationMode::Video]
            .into_iter()
            .find(|m| m.code() == s)
    }
}

/// How long pre-litigation mediation runs (诉前调解期限三十日), counted from the day the mediation is booked
/// (or the filing diverted), as periods are counted (民事诉讼法 第八十五条).
pub const MEDIATION_PERIOD_DAYS: i64 = crate::filing_status::MEDIATION_DAYS;

/// The longest single extension the parties may agree to. The period may be extended once, with both parties'
/// consent and the reason recorded; the length is the court's policy choice, here at most the period again.
pub const MAX_EXTENSION_DAYS: i64 = 30;

/// How long a chosen time is held while the requester gives the details of the booking.
pub const HOLD_MINUTES: i64 = 10;

/// How long an invitation waits for the answer: three days, and never past twelve hours before the session
/// (the mediator and the room must know whether it takes place).
pub const INVITATION_HOURS: i64 = 72;
pub const INVITATION_CLOSES_BEFORE_START_HOURS: i64 = 12;

/// When an invitation sent at `now_ms` for a session at `start_ms` stops being answerable.
pub fn invitation_expires(now_ms: i64, start_ms: i64) -> i64 {
    let by_wait = now_ms.saturating_add(INVITATION_HOURS * 3_600_000);
    let by_start = start_ms.saturating_sub(INVITATION_CLOSES_BEFORE_START_HOURS * 3_600_000);
    by_wait.min(by_start)
}

/// The end of the mediation period begun on `from`, extended by `extension_days` (0 when not extended).
pub fn period_end(calendar: &HolidayCalendar, from: Date, extension_days: i64) -> Deadline {
    calendar.deadline_days(from, MEDIATION_PERIOD_DAYS + extension_days.max(0))
}

/// A booking may be moved or cancelled up to this many hours before it starts; the mediator may always (they
/// answer for the room), and within the notice period a party must ask the mediator. From configuration
/// (`PORTAL_MEDIATION_NOTICE_HOURS`); this is the default.
pub const DEFAULT_NOTICE_HOURS: i64 = 24;

/// Whether `role` may still move or cancel a session starting at `start_ms`.
pub fn within_notice(role: MediationRole, now_ms: i64, start_ms: i64, notice_hours: i64) -> bool {
    role == MediationRole::Mediator || start_ms.saturating_sub(now_ms) >= notice_hours * 3_600_000
}

/// The joint application for judicial confirmation (民事诉讼法 第二百零五条、第二百零六条).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ConfirmationStatus {
    /// One party has applied; the application is joint (双方当事人共同申请), so it waits for the other.
    Applying,
    /// Both parties applied: before the judge.
    Pending,
    /// 裁定调解协议有效 (Art. 206): enforceable like a judgment.
    Confirmed,
    /// 裁定驳回申请: the parties may change the agreement by mediation or sue (Art. 206).
    Refused,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConfirmationAction {
    /// A party applies; `both` says whether, with it, every party has.
    Apply {
        both: bool,
    },
    Confirm,
    Refuse,
}

impl ConfirmationStatus {
    pub fn code(self) -> &'static str {
        match self {
            ConfirmationStatus::Applying => "applying",
            ConfirmationStatus::Pending => "pending",
            ConfirmationStatus::Confirmed => "confirmed",
            ConfirmationStatus::Refused => "refused",
        }
    }

    pub fn from_code(s: &str) -> Option<ConfirmationStatus> {
        [
            ConfirmationStatus::Applying,
            ConfirmationStatus::Pending,
            ConfirmationStatus::Confirmed,
            ConfirmationStatus::Refused,
        ]
        .into_iter()
        .find(|x| x.code() == s)
    }

    /// Where `action` leads from here (`None` for "not allowed"). The first application creates the record in
    /// [`ConfirmationStatus::Applying`] (or straight in `Pending` when the parties apply together).
    pub fn next(self, action: ConfirmationAction) -> Option<ConfirmationStatus> {
        use ConfirmationAction as A;
        use ConfirmationStatus as S;
        match (self, action) {
            (S::Applying, A::Apply { both: true }) => Some(S::Pending),
            (S::Applying, A::Apply { both: false }) => Some(S::Applying),
            (S::Pending, A::Confirm) => Some(S::Confirmed),
            (S::Pending, A::Refuse) => Some(S::Refused),
            (S::Applying, A::Confirm | A::Refuse)
            | (S::Pending, A::Apply { .. })
            | (S::Confirmed | S::Refused, _) => None,
        }
    }
}

/// The last day to apply for confirmation: thirty days from the day the agreement takes effect (民事诉讼法
/// 第二百零五条: 自调解协议生效之日起三十日内), counted as periods are (Art. 85: the first day not counted, a last
/// day on a rest day moves to the next working day).
pub fn confirmation_deadline(calendar: &HolidayCalendar, effective_on: Date) -> Deadline {
    calendar.deadline_days(effective_on, 30)
}

pub const CONFIRMATION_BASIS: &str = "《中华人民共和国民事诉讼法》第二百零五条、第二百零六条";

/// Agreed terms as the mediator records them: what each obligation is, how much, and by when.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Term {
    /// What is agreed, in words ("被申请人向申请人偿还借款").
    pub text: String,
    /// An amount in fen, when the term is a payment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_fen: Option<i64>,
    /// The date by which it is performed, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_on: Option<String>,
}

pub const MAX_TERMS: usize = 20;
pub const MAX_TERM_CHARS: usize = 500;

/// Checks agreed terms: at least one, at most [`MAX_TERMS`], each with words, a positive amount if any, a real
/// due date not before `today`. Errors name the term (`terms[2].due_on`).
pub fn validate_terms(terms: &[Term], today: Date) -> Result<(), crate::FieldErrors> {
    use crate::FieldError as E;
    let mut errors = crate::FieldErrors::default();
    if terms.is_empty() {
        errors.push("terms", E::Required);
    }
    if terms.len() > MAX_TERMS {
        errors.push("terms", E::TooMany);
    }
    for (i, t) in terms.iter().take(MAX_TERMS).enumerate() {
        let text = t.text.trim();
        if text.is_empty() {
            errors.push(&format!("terms[{i}].text"), E::Required);
        } else if text.chars().count() > MAX_TERM_CHARS {
            errors.push(&format!("terms[{i}].text"), E::TooLong);
        }
        if let Some(a) = t.amount_fen {
            if a <= 0 || a > 100_000_000_000_000 {
                errors.push(&format!("terms[{i}].amount"), E::AmountFormat);
            }
        }
        if let Some(d) = &t.due_on {
            match Date::parse_iso(d) {
                None => errors.push(&format!("terms[{i}].due_on"), E::DateFormat),
                Some(d) if d < today => errors.push(&format!("terms[{i}].due_on"), E::DateInPast),
                Some(_) => {}
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::MediationAction as A;
    use super::MediationRole as R;
    use super::MediationStatus as S;
    use super::*;

    #[test]
    fn every_mediation_transition_allowed_and_refused() {
        let allowed = [
            (S::Held, A::Submit, S::Invited),
            (S::Held, A::Expire, S::Expired),
            (S::Held, A::Cancel, S::Cancelled),
            (S::Invited, A::Accept, S::Scheduled),
            (S::Invited, A::Decline, S::Declined),
            (S::Invited, A::Expire, S::Expired),
            (S::Invited, A::Reschedule, S::Invited),
            (S::Invited, A::Cancel, S::Cancelled),
            (S::Scheduled, A::Reschedule, S::Scheduled),
            (S::Scheduled, A::Cancel, S::Cancelled),
            (S::Scheduled, A::Extend, S::Scheduled),
            (S::Scheduled, A::RecordSuccess, S::Settled),
            (S::Scheduled, A::RecordPartial, S::PartlySettled),
            (S::Scheduled, A::RecordFailure, S::Failed),
            (S::Scheduled, A::TimeOut, S::Failed),
            (S::Failed, A::File, S::Filed),
            (S::PartlySettled, A::File, S::Filed),
            (S::Declined, A::File, S::Filed),
            (S::Expired, A::File, S::Filed),
            (S::Cancelled, A::File, S::Filed),
        ];
        for s in S::ALL {
            for a in A::ALL {
                let expected = allowed
                    .iter()
                    .find(|(f, x, _)| *f == s && *x == a)
                    .map(|t| t.2);
                assert_eq!(s.next(a), expected, "{s:?} --{a:?}-->");
            }
            assert_eq!(S::from_code(s.code()), Some(s));
        }
        for a in A::ALL {
            assert_eq!(A::from_code(a.code()), Some(a));
        }
        assert!(S::Held.holds_slot() && S::Invited.holds_slot() && S::Scheduled.holds_slot());
        assert!(S::ALL
            .into_iter()
            .filter(|s| !matches!(s, S::Held | S::Invited | S::Scheduled))
            .all(|s| !s.holds_slot()));
    }

    #[test]
    fn online_mediation_rules_art_4_only_the_invited_party_consents() {
        let roles = [
            R::Requester,
            R::Respondent,
            R::Mediator,
            R::Staff,
            R::System,
        ];
        let who = |a: A| -> Vec<R> { roles.into_iter().filter(|r| a.allowed_for(*r)).collect() };
        assert_eq!(who(A::Submit), vec![R::Requester]);
        assert_eq!(who(A::Accept), vec![R::Respondent]);
        assert_eq!(who(A::Decline), vec![R::Respondent]);
        assert_eq!(who(A::Expire), vec![R::System]);
        assert_eq!(who(A::TimeOut), vec![R::System]);
        assert_eq!(
            who(A::Cancel),
            vec![R::Requester, R::Respondent, R::Mediator]
        );
        assert_eq!(
            who(A::Reschedule),
            vec![R::Requester, R::Respondent, R::Mediator]
        );
        for a in [
            A::RecordSuccess,
            A::RecordPartial,
            A::RecordFailure,
            A::Extend,
        ] {
            assert_eq!(who(a), vec![R::Mediator], "{a:?}");
        }
        assert_eq!(who(A::File), vec![R::Requester, R::Respondent, R::Staff]);
        for r in roles {
            assert_eq!(R::from_code(r.code()), Some(r));
        }
    }

    #[test]
    fn cpl_art_205_206_confirmation_is_joint_then_decided_once() {
        use ConfirmationAction as CA;
        use ConfirmationStatus as C;
        let all = [C::Applying, C::Pending, C::Confirmed, C::Refused];
        let actions = [
            CA::Apply { both: false },
            CA::Apply { both: true },
            CA::Confirm,
            CA::Refuse,
        ];
        let allowed = [
            (C::Applying, CA::Apply { both: false }, C::Applying),
            (C::Applying, CA::Apply { both: true }, C::Pending),
            (C::Pending, CA::Confirm, C::Confirmed),
            (C::Pending, CA::Refuse, C::Refused),
        ];
        for s in all {
            for a in actions {
                let expected = allowed
                    .iter()
                    .find(|(f, x, _)| *f == s && *x == a)
                    .map(|t| t.2);
                assert_eq!(s.next(a), expected, "{s:?} --{a:?}-->");
            }
            assert_eq!(C::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn cpl_art_205_thirty_days_from_the_agreement_taking_effect() {
        let cal = crate::calendar::shipped();
        // Agreement in effect on 2026-11-02 (Monday): 30 days → 2026-12-02 (Wednesday).
        let d = confirmation_deadline(&cal, Date::new(2026, 11, 2).unwrap());
        assert_eq!(d.date, Date::new(2026, 12, 2).unwrap());
        // In effect 2026-09-07: day 30 is 2026-10-07, inside National Day: the next working day, 2026-10-08
        // (or the first working day the 2026 notice gives).
        let d = confirmation_deadline(&cal, Date::new(2026, 9, 7).unwrap());
        assert!(d.date > Date::new(2026, 10, 7).unwrap());
        assert!(!cal.is_rest_day(d.date));
    }

    #[test]
    fn the_mediation_period_is_thirty_days_and_extends_once() {
        let cal = crate::calendar::shipped();
        let from = Date::new(2026, 11, 2).unwrap();
        assert_eq!(
            period_end(&cal, from, 0).date,
            Date::new(2026, 12, 2).unwrap()
        );
        assert_eq!(
            period_end(&cal, from, 15).date,
            Date::new(2026, 12, 17).unwrap()
        );
    }

    #[test]
    fn an_invitation_waits_three_days_but_closes_before_the_session() {
        let h = 3_600_000;
        assert_eq!(invitation_expires(0, 1000 * h), 72 * h);
        assert_eq!(invitation_expires(0, 30 * h), 18 * h);
        assert!(within_notice(R::Requester, 0, 24 * h, 24));
        assert!(!within_notice(R::Requester, 0, 23 * h, 24));
        assert!(within_notice(R::Mediator, 0, h, 24));
    }

    #[test]
    fn terms_are_checked_one_by_one() {
        let today = Date::new(2026, 11, 26).unwrap();
        assert!(validate_terms(&[], today).is_err());
        let good = Term {
            text: "被申请人于2026年12月31日前向申请人偿还借款".into(),
            amount_fen: Some(3_000_000),
            due_on: Some("2026-12-31".into()),
        };
        assert!(validate_terms(std::slice::from_ref(&good), today).is_ok());
        let errors = validate_terms(
            &[
                good.clone(),
                Term {
                    text: " ".into(),
                    amount_fen: Some(-1),
                    due_on: Some("2026-01-01".into()),
                },
            ],
            today,
        )
        .unwrap_err();
        let fields: Vec<_> = errors.0.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            ["terms[1].text", "terms[1].amount", "terms[1].due_on"]
        );
    }
}
