//! The life of a filing, as an exhaustive state machine: every transition is listed, everything else is refused.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum FilingStatus {
    /// Being written; only the filer sees it.
    Draft,
    /// Submitted; waiting for the court's review (7 days).
    Submitted,
    /// 补正: the court asked for corrections; the filer edits and resubmits.
    CorrectionRequested,
    /// 登记立案: a case number was assigned.
    Registered,
    /// 不予受理: refused, with reasons and the way to appeal.
    Refused,
    /// 诉前调解: diverted to pre-litigation mediation with the filer's consent.
    Diverted,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingAction {
    Submit,
    Register,
    RequestCorrection,
    Refuse,
    Divert,
    /// Pre-litigation mediation failed or its time ran out: back to registration, the filing date kept.
    ReturnFromMediation,
}

impl FilingStatus {
    pub fn code(self) -> &'static str {
        match self {
            FilingStatus::Draft => "draft",
            FilingStatus::Submitted => "submitted",
            FilingStatus::CorrectionRequested => "correction_requested",
            FilingStatus::Registered => "registered",
            FilingStatus::Refused => "refused",
            FilingStatus::Diverted => "diverted",
        }
    }

    pub fn from_code(s: &str) -> Option<FilingStatus> {
        use FilingStatus::*;
        [
            Draft,
            Submitted,
            CorrectionRequested,
            Registered,
            Refused,
            Diverted,
        ]
        .into_iter()
        .find(|x| x.code() == s)
    }

    /// The filer may still change the answers.
    pub fn editable(self) -> bool {
        match self {
            FilingStatus::Draft | FilingStatus::CorrectionRequested => true,
            FilingStatus::Submitted
            | FilingStatus::Registered
            | FilingStatus::Refused
            | FilingStatus::Diverted => false,
        }
    }

    /// Where `action` leads from here, or `None` if it is not allowed.
    pub fn next(self, action: FilingAction) -> Option<FilingStatus> {
        use FilingAction as A;
        use FilingStatus as S;
        match (self, action) {
            (S::Draft, A::Submit) | (S::CorrectionRequested, A::Submit) => Some(S::Submitted),
            (S::Submitted, A::Register) => Some(S::Registered),
            (S::Submitted, A::RequestCorrection) => Some(S::CorrectionRequested),
            (S::Submitted, A::Refuse) => Some(S::Refused),
            (S::Submitted, A::Divert) => Some(S::Diverted),
            (S::Diverted, A::ReturnFromMediation) => Some(S::Submitted),
            (
                S::Draft | S::CorrectionRequested,
                A::Register | A::RequestCorrection | A::Refuse | A::Divert | A::ReturnFromMediation,
            )
            | (S::Submitted, A::Submit | A::ReturnFromMediation)
            | (S::Registered | S::Refused, _)
            | (
                S::Diverted,
                A::Submit | A::Register | A::RequestCorrection | A::Refuse | A::Divert,
            ) => None,
        }
    }
}

impl FilingAction {
    pub fn code(self) -> &'static str {
        match self {
            FilingAction::Submit => "submit",
            FilingAction::Register => "register",
            FilingAction::RequestCorrection => "request_correction",
            FilingAction::Refuse => "refuse",
            FilingAction::Divert => "divert",
            FilingAction::ReturnFromMediation => "return_from_mediation",
        }
    }

    pub fn from_code(s: &str) -> Option<FilingAction> {
        use FilingAction::*;
        [
            Submit,
            Register,
            RequestCorrection,
            Refuse,
            Divert,
            ReturnFromMediation,
        ]
        .into_iter()
        .find(|x| x.code() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::FilingAction as A;
    use super::FilingStatus as S;

    #[test]
    fn every_transition_allowed_and_refused() {
        let allowed = [
            (S::Draft, A::Submit, S::Submitted),
            (S::CorrectionRequested, A::Submit, S::Submitted),
            (S::Submitted, A::Register, S::Registered),
            (S::Submitted, A::RequestCorrection, S::CorrectionRequested),
            (S::Submitted, A::Refuse, S::Refused),
            (S::Submitted, A::Divert, S::Diverted),
            (S::Diverted, A::ReturnFromMediation, S::Submitted),
        ];
        let states = [
            S::Draft,
            S::Submitted,
            S::CorrectionRequested,
            S::Registered,
            S::Refused,
            S::Diverted,
        ];
        let actions = [
            A::Submit,
            A::Register,
            A::RequestCorrection,
            A::Refuse,
            A::Divert,
            A::ReturnFromMediation,
        ];
        for s in states {
            for a in actions {
                let expected = allowed
                    .iter()
                    .find(|(f, x, _)| *f == s && *x == a)
                    .map(|t| t.2);
                assert_eq!(s.next(a), expected, "{s:?} --{a:?}-->");
            }
            assert_eq!(S::from_code(s.code()), Some(s));
        }
        assert!(
            S::Draft.editable() && S::CorrectionRequested.editable() && !S::Submitted.editable()
        );
    }
}

/// Corrections are asked for **once**, listing every defect together (《最高人民法院关于人民法院登记立案若干问题的规定》
/// 法释〔2015〕8号 第七条: 一次性书面告知在指定期限内补正). After the corrected submission the court registers the case or
/// rules not to accept it; it does not ask again. `earlier` is how many times corrections were asked for before.
pub fn correction_may_be_requested(earlier: usize) -> bool {
    earlier == 0
}

#[cfg(test)]
mod correction_tests {
    #[test]
    fn art_7_of_the_2015_provisions_corrections_are_asked_for_once() {
        assert!(super::correction_may_be_requested(0));
        assert!(!super::correction_may_be_requested(1));
    }
}

/// 先行立案 (法释〔2015〕8号 第八条): a court that cannot decide within the seven days registers the case first. Once
/// the review deadline has passed, asking for corrections or refusing is no longer the next step: registering is.
pub fn must_register_first(review_deadline: Option<crate::Date>, today: crate::Date) -> bool {
    review_deadline.is_some_and(|d| today > d)
}

/// How long pre-litigation mediation runs before the filing returns to registration without an agreement
/// (诉前调解期限三十日).
pub const MEDIATION_DAYS: i64 = 30;

#[cfg(test)]
mod register_first_tests {
    use crate::Date;

    #[test]
    fn art_8_of_the_2015_provisions_register_first_once_seven_days_pass() {
        let deadline = Date::new(2026, 12, 3);
        assert!(
            !super::must_register_first(deadline, Date::new(2026, 12, 3).unwrap()),
            "the last day is still within"
        );
        assert!(super::must_register_first(
            deadline,
            Date::new(2026, 12, 4).unwrap()
        ));
        assert!(!super::must_register_first(
            None,
            Date::new(2026, 12, 4).unwrap()
        ));
    }
}
