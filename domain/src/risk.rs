//! 诉讼风险评估 — an explainable litigation-risk estimate, built on the Supreme People's Court's civil-litigation
//! risk notice (《人民法院民事诉讼风险提示书》, its 17 risks). Each factor the filing's answers trigger carries its
//! weight, its reason in plain words and the rule behind it; the total gives a level. Beside it: what litigation
//! and pre-litigation mediation would each cost and take.

use crate::calendar::HolidayCalendar;
use crate::fees::{quote, FeeCategory, FeeRequest, FeeTable, Procedure};
use crate::filing::{claims_total, parse_past_date, parse_yuan, FilingDraft};
use crate::limitation::{time_limit, Limitation, LimitationFacts, TimeLimit};
use crate::Date;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskFactor {
    /// Which of the notice's risks (1–17) this is.
    pub notice_item: u8,
    pub code: String,
    pub title: String,
    pub weight: u8,
    pub reason: String,
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Comparison {
    pub litigation_fee_fen: i64,
    /// A case settled by mediation in court pays half (Art. 15).
    pub mediated_case_fee_fen: i64,
    /// Pre-litigation mediation is free.
    pub pre_litigation_mediation_fee_fen: i64,
    /// Judicial confirmation of the agreement is free too (Art. 8).
    pub judicial_confirmation_fee_fen: i64,
    pub litigation_days: u32,
    pub mediation_days: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskReport {
    pub factors: Vec<RiskFactor>,
    pub score: u32,
    pub level: RiskLevel,
    pub limitation: Option<Limitation>,
    pub comparison: Comparison,
}

fn factor(
    notice_item: u8,
    code: &str,
    title: &str,
    weight: u8,
    reason: String,
    basis: &str,
) -> RiskFactor {
    RiskFactor {
        notice_item,
        code: code.into(),
        title: title.into(),
        weight,
        reason,
        basis: basis.into(),
    }
}

/// The sentences a risk estimate is made of. The domain decides which apply; the caller gives them words in the
/// reader's language (`w`), so the texts live in the catalogue with the rest of the portal's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskText {
    /// Filing conditions not met
    FilingConditionsNotMet,
    /// The evidence does not show a required document:
    TheEvidenceDoesNotShowA,
    /// Claims not specific
    ClaimsNotSpecific,
    /// claim(s) have no definite amount; the court may ask you to correct them.
    ClaimSHaveNoDefiniteAmount,
    /// Limitation period passed
    LimitationPeriodPassed,
    /// The limitation period ended on
    TheLimitationPeriodEndedOn,
    /// The court will not raise it itself, but if the other side does, the claim may fail; if you reminded the debtor or they acknowledged the debt, add that evidence.
    TheCourtWillNotRaiseIt,
    /// Limitation period ends soon
    LimitationPeriodEndsSoon,
    /// The limitation period ends on
    TheLimitationPeriodEndsOn,
    /// Unclear authority
    UnclearAuthority,
    /// : no power of attorney; admitting, waiving or changing claims needs special authority.
    NoPowerOfAttorneyAdmittingWaiving,
    /// Fees not paid in time
    FeesNotPaidInTime,
    /// If the fee is not paid within 7 days of the notice, and no deferral, reduction or waiver is asked for, the case is treated as withdrawn.
    IfTheFeeIsNotPaid,
    /// Preservation beyond the claim
    PreservationBeyondTheClaim,
    /// You ask to preserve more than you claim; a wrongful preservation makes the applicant liable for the other side's loss.
    YouAskToPreserveMoreThan,
    /// No evidence
    NoEvidence,
    /// No evidence yet: each party must prove what it claims.
    NoEvidenceYetEachPartyMust,
    /// Evidence may be thin
    EvidenceMayBeThin,
    /// Such cases usually need:
    SuchCasesUsuallyNeed,
    /// Originals not available
    OriginalsNotAvailable,
    /// Some evidence has no original; a copy that cannot be checked against it may not prove a fact alone.
    SomeEvidenceHasNoOriginalA,
    /// Address for service uncertain
    AddressForServiceUncertain,
    /// A defendant's address is unconfirmed or has no phone number, which can delay service and the case.
    ADefendantSAddressIsUnconfirmed,
    /// Nothing to enforce against
    NothingToEnforceAgainst,
    /// You do not know of the defendant's property; a judgment against someone with nothing may bring nothing.
    YouDoNotKnowOfThe,
}

impl RiskText {
    /// The catalogue key of the sentence.
    pub fn key(self) -> &'static str {
        match self {
            RiskText::FilingConditionsNotMet => "risk_filing_conditions_not_met",
            RiskText::TheEvidenceDoesNotShowA => "risk_the_evidence_does_not_show_a",
            RiskText::ClaimsNotSpecific => "risk_claims_not_specific",
            RiskText::ClaimSHaveNoDefiniteAmount => "risk_claim_s_have_no_definite_amount",
            RiskText::LimitationPeriodPassed => "risk_limitation_period_passed",
            RiskText::TheLimitationPeriodEndedOn => "risk_the_limitation_period_ended_on",
            RiskText::TheCourtWillNotRaiseIt => "risk_the_court_will_not_raise_it",
            RiskText::LimitationPeriodEndsSoon => "risk_limitation_period_ends_soon",
            RiskText::TheLimitationPeriodEndsOn => "risk_the_limitation_period_ends_on",
            RiskText::UnclearAuthority => "risk_unclear_authority",
            RiskText::NoPowerOfAttorneyAdmittingWaiving => {
                "risk_no_power_of_attorney_admitting_waiving"
            }
            RiskText::FeesNotPaidInTime => "risk_fees_not_paid_in_time",
            RiskText::IfTheFeeIsNotPaid => "risk_if_the_fee_is_not_paid",
            RiskText::PreservationBeyondTheClaim => "risk_preservation_beyond_the_claim",
            RiskText::YouAskToPreserveMoreThan => "risk_you_ask_to_preserve_more_than",
            RiskText::NoEvidence => "risk_no_evidence",
            RiskText::NoEvidenceYetEachPartyMust => "risk_no_evidence_yet_each_party_must",
            RiskText::EvidenceMayBeThin => "risk_evidence_may_be_thin",
            RiskText::SuchCasesUsuallyNeed => "risk_such_cases_usually_need",
            RiskText::OriginalsNotAvailable => "risk_originals_not_available",
            RiskText::SomeEvidenceHasNoOriginalA => "risk_some_evidence_has_no_original_a",
            RiskText::AddressForServiceUncertain => "risk_address_for_service_uncertain",
            RiskText::ADefendantSAddressIsUnconfirmed => {
                "risk_a_defendant_s_address_is_unconfirmed"
            }
            RiskText::NothingToEnforceAgainst => "risk_nothing_to_enforce_against",
            RiskText::YouDoNotKnowOfThe => "risk_you_do_not_know_of_the",
        }
    }
}

pub fn assess(
    draft: &FilingDraft,
    w: &dyn Fn(RiskText) -> &'static str,
    today: Date,
    calendar: &HolidayCalendar,
    fees: &FeeTable,
) -> RiskReport {
    let cause = crate::catalogue::cause(&draft.cause);
    let mut f = Vec::new();
    let evidence_text: String = draft
        .evidence
        .iter()
        .map(|e| e.name.as_str())
        .collect::<Vec<_>>()
        .join(" ");

    // 1 起诉不符合条件: a precondition the evidence does not show.
    if let Some(c) = cause {
        let needed = match c.code {
            "labour_dispute" => Some("仲裁"),
            "enforcement" => Some("法律文书"),
            "judicial_confirmation" => Some("调解协议"),
            _ => None,
        };
        if let (Some(word), Some(pre)) = (needed, c.precondition) {
            if !evidence_text.contains(word) {
                f.push(factor(
                    1,
                    "conditions",
                    w(RiskText::FilingConditionsNotMet),
                    3,
                    format!("{}{pre}", w(RiskText::TheEvidenceDoesNotShowA)),
                    "《民事诉讼法》第一百二十二条；风险提示书第一条",
                ));
            }
        }
    }
    // 2 诉讼请求不适当: a property case with claims lacking amounts.
    if let Some(c) = cause {
        let property = matches!(c.fee, FeeCategory::Property | FeeCategory::PaymentOrder);
        let missing = draft
            .claims
            .iter()
            .filter(|cl| parse_yuan(&cl.amount).is_err())
            .count();
        if property && missing > 0 && !draft.claims.is_empty() {
            f.push(factor(
                2,
                "claims",
                w(RiskText::ClaimsNotSpecific),
                1,
                format!("{missing} {}", w(RiskText::ClaimSHaveNoDefiniteAmount)),
                "《民事诉讼法》第一百二十四条；风险提示书第二条",
            ));
        }
    }
    // 4 超过诉讼时效.
    let lim = parse_past_date(&draft.known_on, today)
        .ok()
        .map(|known_on| {
            let last = parse_past_date(
                &draft.last_instalment_due,
                Date {
                    year: 9999,
                    month: 12,
                    day: 31,
                },
            )
            .ok();
            (known_on, last)
        })
        .and_then(|(known_on, last)| {
            // The cause's own period: three years, none at all (Art. 196: support, divorce), a year for labour
            // arbitration, two years for enforcement, six months for an administrative suit.
            time_limit(
                cause.map(|c| c.time_limit()).unwrap_or(TimeLimit::Civil),
                &LimitationFacts {
                    last_instalment_due: last,
                    interrupted_on: parse_past_date(&draft.interrupted_on, today).ok(),
                    rights_not_stated: draft.rights_not_stated,
                    ..LimitationFacts::known(known_on)
                },
                today,
                calendar,
            )
        });
    if let Some(lim) = lim {
        if lim.expired {
            f.push(factor(
                4,
                "limitation",
                w(RiskText::LimitationPeriodPassed),
                3,
                format!(
                    "{} {}。{}",
                    w(RiskText::TheLimitationPeriodEndedOn),
                    lim.expires_on,
                    w(RiskText::TheCourtWillNotRaiseIt)
                ),
                lim.basis,
            ));
        } else if lim.days_left <= 90 {
            f.push(factor(
                4,
                "limitation_near",
                w(RiskText::LimitationPeriodEndsSoon),
                1,
                format!(
                    "{} {}",
                    w(RiskText::TheLimitationPeriodEndsOn),
                    lim.expires_on
                ),
                lim.basis,
            ));
        }
    }
    // 5 授权不明.
    for p in &draft.parties {
        if !p.agent_name.trim().is_empty() && !p.agent_authorised {
            f.push(factor(
                5,
                "authorisation",
                w(RiskText::UnclearAuthority),
                2,
                format!(
                    "{}{}",
                    p.agent_name.trim(),
                    w(RiskText::NoPowerOfAttorneyAdmittingWaiving)
                ),
                "《民事诉讼法》第六十二条；风险提示书第五条",
            ));
            break;
        }
    }
    // 6 不按时交纳诉讼费用.
    let fee_category = cause.map(|c| c.fee).unwrap_or(FeeCategory::Property);
    let amount = claims_total(draft);
    let preservation = parse_yuan(&draft.preservation_amount).ok();
    let fee_req = |procedure| FeeRequest {
        fee_category,
        amount_fen: Some(amount),
        procedure,
        preservation_amount_fen: preservation,
        wage_claim: cause.is_some_and(|c| c.is_wage_claim()),
    };
    let q = quote(&fee_req(Procedure::Ordinary), fees).ok();
    let acceptance = q.as_ref().map(|q| q.acceptance_fee_fen).unwrap_or(0);
    // Only a fee paid in advance can be paid late (Art. 22); enforcement and wage claims are not prepaid.
    let prepaid = cause.is_none_or(|c| c.fee != FeeCategory::Enforcement && !c.is_wage_claim());
    if acceptance > 0 && prepaid {
        f.push(factor(
            6,
            "fees",
            w(RiskText::FeesNotPaidInTime),
            1,
            w(RiskText::IfTheFeeIsNotPaid).into(),
            "《诉讼费用交纳办法》第二十二条；风险提示书第六条",
        ));
    }
    // 7 申请财产保全不符合规定: more preserved than claimed.
    if let Some(p) = preservation {
        if p > amount {
            f.push(factor(
                7,
                "preservation",
                w(RiskText::PreservationBeyondTheClaim),
                2,
                w(RiskText::YouAskToPreserveMoreThan).into(),
                "《民事诉讼法》第一百零八条；风险提示书第七条",
            ));
        }
    }
    // 8 不提供或者不充分提供证据.
    match (draft.evidence.len(), cause) {
        (0, _) => f.push(factor(
            8,
            "no_evidence",
            w(RiskText::NoEvidence),
            3,
            w(RiskText::NoEvidenceYetEachPartyMust).into(),
            "《民事诉讼法》第六十七条；风险提示书第八条",
        )),
        (n, Some(c)) if n < c.typical_evidence.len() => f.push(factor(
            8,
            "thin_evidence",
            w(RiskText::EvidenceMayBeThin),
            1,
            format!(
                "{}{}",
                w(RiskText::SuchCasesUsuallyNeed),
                c.typical_evidence.join("、")
            ),
            "《民事诉讼法》第六十七条；风险提示书第八条",
        )),
        _ => {}
    }
    // 10 不提供原始证据.
    if draft.evidence.iter().any(|e| !e.original) {
        f.push(factor(
            10,
            "copies",
            w(RiskText::OriginalsNotAvailable),
            1,
            w(RiskText::SomeEvidenceHasNoOriginalA).into(),
            "《最高人民法院关于民事诉讼证据的若干规定》第十一条；风险提示书第十条",
        ));
    }
    // 14 不准确提供送达地址.
    if draft
        .parties
        .iter()
        .any(|p| p.role == "defendant" && (p.mobile.trim().is_empty() || !p.address_confirmed))
    {
        f.push(factor(
            14,
            "service_address",
            w(RiskText::AddressForServiceUncertain),
            1,
            w(RiskText::ADefendantSAddressIsUnconfirmed).into(),
            "《最高人民法院关于进一步加强民事送达工作的若干意见》；风险提示书第十四条",
        ));
    }
    // 16 无财产或者无足够财产可供执行.
    if matches!(
        fee_category,
        FeeCategory::Property | FeeCategory::Enforcement
    ) && !draft.defendant_assets_known
    {
        f.push(factor(
            16,
            "no_assets",
            w(RiskText::NothingToEnforceAgainst),
            2,
            w(RiskText::YouDoNotKnowOfThe).into(),
            "风险提示书第十六条",
        ));
    }

    let score: u32 = f.iter().map(|x| u32::from(x.weight)).sum();
    let level = match score {
        0..=2 => RiskLevel::Low,
        3..=5 => RiskLevel::Medium,
        _ => RiskLevel::High,
    };
    let simple_eligible = amount <= 5_000_000; // small and simple cases commonly go to the simple procedure
    RiskReport {
        factors: f,
        score,
        level,
        limitation: lim,
        comparison: Comparison {
            litigation_fee_fen: acceptance,
            mediated_case_fee_fen: (acceptance + 1) / 2,
            pre_litigation_mediation_fee_fen: 0,
            judicial_confirmation_fee_fen: 0,
            // Civil Procedure Law: simple procedure within 3 months (Art. 164), ordinary within 6 (Art. 152);
            // pre-litigation mediation within 30 days.
            litigation_days: if simple_eligible { 90 } else { 180 },
            mediation_days: 30,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filing::tests::{loan_draft, today};
    use crate::filing::EvidenceDraft;

    fn codes(r: &RiskReport) -> Vec<&str> {
        r.factors.iter().map(|f| f.code.as_str()).collect()
    }

    #[test]
    fn a_well_prepared_loan_case_is_low_risk() {
        let mut d = loan_draft();
        d.parties[1].mobile = "13900000009".into();
        d.parties[1].address_confirmed = true;
        d.defendant_assets_known = true;
        d.evidence = ["借条", "转账凭证", "催款短信"]
            .map(|n| EvidenceDraft {
                name: n.into(),
                original: true,
                file_id: None,
            })
            .to_vec();
        let r = assess(
            &d,
            &|t: RiskText| t.key(),
            today(),
            &crate::calendar::shipped(),
            &FeeTable::JILIN,
        );
        assert_eq!(codes(&r), vec!["fees"]);
        assert_eq!(r.level, RiskLevel::Low);
        assert_eq!(r.comparison.litigation_fee_fen, 230_000);
        assert_eq!(r.comparison.mediated_case_fee_fen, 115_000);
        assert_eq!(r.comparison.pre_litigation_mediation_fee_fen, 0);
        assert!(!r.limitation.unwrap().expired);
    }

    #[test]
    fn an_old_unproven_claim_is_high_risk_and_says_why() {
        let mut d = loan_draft();
        d.known_on = "2022-01-10".into();
        d.evidence.clear();
        let r = assess(
            &d,
            &|t: RiskText| t.key(),
            today(),
            &crate::calendar::shipped(),
            &FeeTable::JILIN,
        );
        let c = codes(&r);
        assert!(
            c.contains(&"limitation") && c.contains(&"no_evidence") && c.contains(&"no_assets"),
            "{c:?}"
        );
        assert_eq!(r.level, RiskLevel::High);
        let lim = r.factors.iter().find(|f| f.code == "limitation").unwrap();
        assert!(
            lim.reason.contains("2025-01-10") && lim.basis.contains("第一百八十八条"),
            "{lim:?}"
        );
    }

    #[test]
    fn the_cost_comparison_uses_the_configured_fee_table() {
        let mut d = loan_draft();
        d.cause = "divorce".into();
        d.claims[0].amount = String::new();
        let jilin = assess(
            &d,
            &|t: RiskText| t.key(),
            today(),
            &HolidayCalendar::default(),
            &FeeTable::JILIN,
        );
        let dearer = FeeTable {
            divorce_fen: 300 * 100,
            ..FeeTable::JILIN
        };
        let other = assess(
            &d,
            &|t: RiskText| t.key(),
            today(),
            &HolidayCalendar::default(),
            &dearer,
        );
        // Art. 13(2)(1): 50–300 yuan per divorce case, the province choosing within the range.
        assert_eq!(jilin.comparison.litigation_fee_fen, 5_000);
        assert_eq!(other.comparison.litigation_fee_fen, 30_000);
    }

    #[test]
    fn labour_cases_need_the_arbitration_award() {
        let mut d = loan_draft();
        d.cause = "labour_dispute".into();
        let r = assess(
            &d,
            &|t: RiskText| t.key(),
            today(),
            &HolidayCalendar::default(),
            &FeeTable::JILIN,
        );
        assert!(codes(&r).contains(&"conditions"));
        d.evidence.push(EvidenceDraft {
            name: "劳动仲裁裁决书".into(),
            original: true,
            file_id: None,
        });
        assert!(!codes(&assess(
            &d,
            &|t: RiskText| t.key(),
            today(),
            &HolidayCalendar::default(),
            &FeeTable::JILIN
        ))
        .contains(&"conditions"));
    }
}
