//! Paying the court fee after registration (《诉讼费用交纳办法》): the notice gives seven days from the day after it
//! is received (Art. 22); a party who truly cannot pay may apply to defer, reduce or waive it (Art. 44), and the
//! court decides.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum PaymentStatus {
    /// No fee (judicial confirmation, Art. 8).
    NotRequired,
    Unpaid,
    /// 缓减免 applied for; waiting for the court's decision.
    ReliefRequested,
    ReliefGranted,
    Paid,
    /// 按撤诉处理: not paid within the time and no relief asked for (Art. 22(4) of the Measures; CPL Interpretation
    /// Art. 213); the case ends as if withdrawn.
    TreatedAsWithdrawn,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReliefKind {
    /// 缓交
    Defer,
    /// 减交
    Reduce,
    /// 免交
    Waive,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentAction {
    /// The filer applies for relief.
    RequestRelief,
    /// The clerk records that the fee was paid.
    RecordPayment,
    GrantRelief,
    /// Refused: the seven days start again from the decision.
    DenyRelief,
    /// The clerk closes a case whose fee was not paid in time (only once the deadline has passed).
    TreatAsWithdrawn,
}

impl PaymentStatus {
    pub fn code(self) -> &'static str {
        match self {
            PaymentStatus::NotRequired => "not_required",
            PaymentStatus::Unpaid => "unpaid",
            PaymentStatus::ReliefRequested => "relief_requested",
            PaymentStatus::ReliefGranted => "relief_granted",
            PaymentStatus::Paid => "paid",
            PaymentStatus::TreatedAsWithdrawn => "treated_as_withdrawn",
        }
    }

    pub fn from_code(s: &str) -> Option<PaymentStatus> {
        use PaymentStatus::*;
        [
            NotRequired,
            Unpaid,
            ReliefRequested,
            ReliefGranted,
            Paid,
            TreatedAsWithdrawn,
        ]
        .into_iter()
        .find(|x| x.code() == s)
    }

    pub fn next(self, action: PaymentAction) -> Option<PaymentStatus> {
        use PaymentAction as A;
        use PaymentStatus as S;
        match (self, action) {
            (S::Unpaid, A::RequestRelief) => Some(S::ReliefRequested),
            (S::Unpaid | S::ReliefGranted, A::RecordPayment) => Some(S::Paid),
            (S::ReliefRequested, A::GrantRelief) => Some(S::ReliefGranted),
            (S::ReliefRequested, A::DenyRelief) => Some(S::Unpaid),
            (S::Unpaid, A::TreatAsWithdrawn) => Some(S::TreatedAsWithdrawn),
            (S::NotRequired | S::Paid | S::TreatedAsWithdrawn, _)
            | (S::Unpaid, A::GrantRelief | A::DenyRelief)
            | (S::ReliefRequested, A::RequestRelief | A::RecordPayment | A::TreatAsWithdrawn)
            | (
                S::ReliefGranted,
                A::RequestRelief | A::GrantRelief | A::DenyRelief | A::TreatAsWithdrawn,
            ) => None,
        }
    }
}

/// Whether the payment deadline (`YYYY-MM-DD`, the last day to pay) has passed: the day after it, not before.
pub fn overdue(due: Option<&str>, today: crate::Date) -> bool {
    due.and_then(crate::Date::parse_iso)
        .is_some_and(|d| today > d)
}

impl ReliefKind {
    pub fn code(self) -> &'static str {
        match self {
            ReliefKind::Defer => "defer",
            ReliefKind::Reduce => "reduce",
            ReliefKind::Waive => "waive",
        }
    }

    pub fn from_code(s: &str) -> Option<ReliefKind> {
        [ReliefKind::Defer, ReliefKind::Reduce, ReliefKind::Waive]
            .into_iter()
            .find(|k| k.code() == s)
    }
}

impl PaymentAction {
    pub fn code(self) -> &'static str {
        match self {
            PaymentAction::RequestRelief => "request_relief",
            PaymentAction::RecordPayment => "record_payment",
            PaymentAction::GrantRelief => "grant_relief",
            PaymentAction::DenyRelief => "deny_relief",
            PaymentAction::TreatAsWithdrawn => "treat_as_withdrawn",
        }
    }

    pub fn from_code(s: &str) -> Option<PaymentAction> {
        use PaymentAction::*;
        [
            RequestRelief,
            RecordPayment,
            GrantRelief,
            DenyRelief,
            TreatAsWithdrawn,
        ]
        .into_iter()
        .find(|a| a.code() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::PaymentAction as A;
    use super::PaymentStatus as S;

    #[test]
    fn every_payment_transition() {
        let allowed = [
            (S::Unpaid, A::RequestRelief, S::ReliefRequested),
            (S::Unpaid, A::RecordPayment, S::Paid),
            (S::ReliefGranted, A::RecordPayment, S::Paid),
            (S::ReliefRequested, A::GrantRelief, S::ReliefGranted),
            (S::ReliefRequested, A::DenyRelief, S::Unpaid),
            (S::Unpaid, A::TreatAsWithdrawn, S::TreatedAsWithdrawn),
        ];
        for s in [
            S::NotRequired,
            S::Unpaid,
            S::ReliefRequested,
            S::ReliefGranted,
            S::Paid,
            S::TreatedAsWithdrawn,
        ] {
            for a in [
                A::RequestRelief,
                A::RecordPayment,
                A::GrantRelief,
                A::DenyRelief,
                A::TreatAsWithdrawn,
            ] {
                let expected = allowed
                    .iter()
                    .find(|(f, x, _)| *f == s && *x == a)
                    .map(|t| t.2);
                assert_eq!(s.next(a), expected, "{s:?} --{a:?}-->");
                assert_eq!(A::from_code(a.code()), Some(a));
            }
            assert_eq!(S::from_code(s.code()), Some(s));
        }
    }

    #[test]
    fn the_deadline_day_itself_is_still_in_time() {
        let d = |s: &str| crate::Date::parse_iso(s).unwrap();
        assert!(!super::overdue(Some("2026-12-01"), d("2026-12-01")));
        assert!(super::overdue(Some("2026-12-01"), d("2026-12-02")));
        assert!(!super::overdue(None, d("2026-12-02")));
    }
}
