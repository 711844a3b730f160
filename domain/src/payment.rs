//! Paying the court fee after registration (《诉讼费用交纳办法》): the notice gives seven days from the day after it
//! is received (Art. 22); a party who truly cannot pay may apply to defer, reduce or waive it (Art. 44), and the
//! court decides.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    /// No fee (judicial confirmation, Art. 8).
    NotRequired,
    Unpaid,
    /// 缓减免 applied for; waiting for the court's decision.
    ReliefRequested,
    ReliefGranted,
    Paid,
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
}

impl PaymentStatus {
    pub fn code(self) -> &'static str {
        match self {
            PaymentStatus::NotRequired => "not_required",
            PaymentStatus::Unpaid => "unpaid",
            PaymentStatus::ReliefRequested => "relief_requested",
            PaymentStatus::ReliefGranted => "relief_granted",
            PaymentStatus::Paid => "paid",
        }
    }

    pub fn from_code(s: &str) -> Option<PaymentStatus> {
        use PaymentStatus::*;
        [NotRequired, Unpaid, ReliefRequested, ReliefGranted, Paid]
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
            (S::NotRequired | S::Paid, _)
            | (S::Unpaid, A::GrantRelief | A::DenyRelief)
            | (S::ReliefRequested, A::RequestRelief | A::RecordPayment)
            | (S::ReliefGranted, A::RequestRelief | A::GrantRelief | A::DenyRelief) => None,
        }
    }

    pub fn label(self, l: crate::Lang) -> &'static str {
        match self {
            PaymentStatus::NotRequired => l.pick("无需交费", "No fee", "비용 없음"),
            PaymentStatus::Unpaid => l.pick("待交费", "Fee to pay", "납부 대기"),
            PaymentStatus::ReliefRequested => {
                l.pick("已申请缓减免", "Relief applied for", "감면 신청 중")
            }
            PaymentStatus::ReliefGranted => l.pick("已准予缓减免", "Relief granted", "감면 승인"),
            PaymentStatus::Paid => l.pick("已交费", "Paid", "납부 완료"),
        }
    }
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

    pub fn label(self, l: crate::Lang) -> &'static str {
        match self {
            ReliefKind::Defer => l.pick("缓交", "Defer", "납부 유예"),
            ReliefKind::Reduce => l.pick("减交", "Reduce", "감액"),
            ReliefKind::Waive => l.pick("免交", "Waive", "면제"),
        }
    }
}

impl PaymentAction {
    pub fn code(self) -> &'static str {
        match self {
            PaymentAction::RequestRelief => "request_relief",
            PaymentAction::RecordPayment => "record_payment",
            PaymentAction::GrantRelief => "grant_relief",
            PaymentAction::DenyRelief => "deny_relief",
        }
    }

    pub fn from_code(s: &str) -> Option<PaymentAction> {
        use PaymentAction::*;
        [RequestRelief, RecordPayment, GrantRelief, DenyRelief]
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
        ];
        for s in [
            S::NotRequired,
            S::Unpaid,
            S::ReliefRequested,
            S::ReliefGranted,
            S::Paid,
        ] {
            for a in [
                A::RequestRelief,
                A::RecordPayment,
                A::GrantRelief,
                A::DenyRelief,
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
}
