//! 诉讼风险评估 — an explainable litigation-risk estimate, built on the Supreme People's Court's civil-litigation
//! risk notice (《人民法院民事诉讼风险提示书》, its 17 risks). Each factor is computed from this filing's own answers:
//! it says what in the filing triggered it and what would remove it, with its weight and the rule behind it; the
//! total gives a level. A draft that does not yet say who sues whom for what and why is not assessed at all. Beside
//! it: the cause's typical evidence checked against what was listed and uploaded, and what litigation and
//! pre-litigation mediation would each cost and take.

use crate::calendar::HolidayCalendar;
use crate::catalogue::{Cause, EvidenceRole};
use crate::fees::{quote, FeeCategory, FeeRequest, FeeTable, PayWhen, Procedure};
use crate::filing::{claims_total, parse_past_date, parse_yuan, ClaimDraft, FilingDraft};
use crate::interest;
use crate::limitation::{time_limit, Limitation, LimitationFacts, TimeLimit};
use crate::{Date, Mobile};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RiskLevel {
    Low,
    Medium,
    High,
}

impl RiskLevel {
    /// 0–2 low, 3–5 medium, 6 and more high: one serious factor (the limitation period passed without a demand on
    /// file, the filing's precondition missing) is high by itself.
    pub fn of_score(score: u32) -> RiskLevel {
        match score {
            0..=2 => RiskLevel::Low,
            3..=5 => RiskLevel::Medium,
            _ => RiskLevel::High,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskFactor {
    /// Which of the notice's risks (1–17) this is.
    pub notice_item: u8,
    pub code: String,
    pub title: String,
    pub weight: u8,
    /// What in this filing triggered it, and what would remove it.
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

/// A part of the filing the estimate needs before it can say anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RiskInput {
    /// A cause of action of the catalogue.
    Cause,
    /// A named claimant and a named defendant.
    Parties,
    /// At least one claim.
    Claims,
    /// The facts and reasons.
    Facts,
}

/// Whether an item of the cause's typical evidence is among what the filer gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum EvidenceStatus {
    /// A file recognised as this item was uploaded.
    Uploaded,
    /// Listed (to be brought), no file.
    Listed,
    Missing,
}

/// One item of the cause's typical evidence (catalogue) checked against the filing's evidence rows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceCheck {
    pub item: String,
    pub status: EvidenceStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RiskReport {
    /// Empty while the draft is not assessed.
    pub factors: Vec<RiskFactor>,
    /// The factors' weights added up.
    pub score: u32,
    /// `null`: not enough information yet (信息不足，暂不评估) — `missing` says what to add first.
    pub level: Option<RiskLevel>,
    pub missing: Vec<RiskInput>,
    /// The cause's typical evidence, item by item (empty without a cause).
    pub evidence: Vec<EvidenceCheck>,
    pub limitation: Option<Limitation>,
    pub comparison: Comparison,
}

/// The sentences a risk estimate is made of. The domain decides which apply; the caller gives them words in the
/// reader's language (`w`), so the texts live in the catalogue with the rest of the portal's. A sentence that
/// follows a value (a name, a date, an amount) carries its own leading punctuation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskText {
    /// Filing conditions not met
    FilingConditionsNotMet,
    /// The evidence does not show a required document:
    TheEvidenceDoesNotShowA,
    /// . Listing or uploading it removes this risk.
    ListOrUploadToRemove,
    /// Claims not specific
    ClaimsNotSpecific,
    /// : asks for money but gives no amount …
    MoneyClaimWithoutAmount,
    /// Interest above the legal cap
    InterestAboveTheCap,
    /// The agreed annual rate
    AgreedAnnualRate,
    /// is above the legal cap (four times the one-year loan prime rate):
    CapFourTimesLpr,
    /// (the loan date stated in the facts)
    DateFromTheFacts,
    /// (no loan date in the facts: the date you learned of the harm …)
    DateIsKnownOn,
    /// (loan made before 2020-08-20: … Art. 31)
    LoanBefore20200820,
    /// . Interest above the cap is not supported; claiming at most the cap removes this risk.
    TheExcessIsNotSupported,
    /// Limitation period passed
    LimitationPeriodPassed,
    /// The limitation period ended on
    TheLimitationPeriodEndedOn,
    /// . The court will not raise it itself, but if the other side does, the claim may fail; …
    TheCourtWillNotRaiseIt,
    /// . You listed evidence of a demand or of the debtor's acknowledgement (
    ListedDemandMayInterrupt,
    /// ): a demand or acknowledgement within the period interrupts it (Civil Code Art. 195) …
    DemandInterruptsIfInTime,
    /// Limitation period ends soon
    LimitationPeriodEndsSoon,
    /// The limitation period ends on
    TheLimitationPeriodEndsOn,
    /// . Filing before then interrupts the period (Civil Code Art. 195(3)); submit soon.
    FileBeforeThatDate,
    /// Unclear authority
    UnclearAuthority,
    /// : no power of attorney; admitting, waiving or changing claims needs special authority.
    NoPowerOfAttorneyAdmittingWaiving,
    /// A power of attorney … removes this risk.
    ProvideAPowerOfAttorney,
    /// Fees not paid in time
    FeesNotPaidInTime,
    /// Acceptance fee to pay in advance:
    PrepaidAcceptanceFee,
    /// yuan
    Yuan,
    /// . If the fee is not paid within 7 days of the notice, … the case is treated as withdrawn.
    IfTheFeeIsNotPaid,
    /// If paying is truly difficult you may apply to defer, reduce or waive it …
    YouMayApplyForRelief,
    /// Preservation beyond the claim
    PreservationBeyondTheClaim,
    /// Preservation asked for:
    PreservationAsked,
    /// ; claimed in total:
    ClaimedInTotal,
    /// . You ask to preserve more than you claim; a wrongful preservation makes the applicant liable …
    YouAskToPreserveMoreThan,
    /// Lowering it to at most the amount claimed removes this risk.
    LowerThePreservation,
    /// No evidence
    NoEvidence,
    /// No evidence yet: each party must prove what it claims.
    NoEvidenceYetEachPartyMust,
    /// Such cases usually need:
    SuchCasesUsuallyNeed,
    /// Evidence may be thin
    EvidenceMayBeThin,
    /// Not among your evidence:
    NotAmongTheEvidence,
    /// . Listing or uploading them removes this risk.
    AddThemToRemove,
    /// No record of demanding payment: a message or letter asking for the money … helps with limitation.
    ADemandHelpsWithLimitation,
    /// Originals not available
    OriginalsNotAvailable,
    /// Evidence without the original:
    WithoutOriginals,
    /// . A copy that cannot be checked against the original may not prove a fact alone.
    SomeEvidenceHasNoOriginalA,
    /// Obtaining the originals and bringing them to the hearing removes this risk.
    BringTheOriginals,
    /// Address for service uncertain
    AddressForServiceUncertain,
    /// : no usable address and no phone number; … public notice …
    NoUsableAddressOrPhone,
    /// : the address is incomplete …
    AddressIncomplete,
    /// : no phone number …
    NoPhoneForTheDefendant,
    /// Nothing to enforce against
    NothingToEnforceAgainst,
    /// You do not know of the defendant's property; a judgment against someone with nothing may bring nothing.
    YouDoNotKnowOfThe,
    /// If you know of bank accounts, real estate, vehicles … tick so on the Court step; …
    TellUsOfProperty,
}

impl RiskText {
    /// The catalogue key of the sentence.
    pub fn key(self) -> &'static str {
        match self {
            RiskText::FilingConditionsNotMet => "risk_filing_conditions_not_met",
            RiskText::TheEvidenceDoesNotShowA => "risk_the_evidence_does_not_show_a",
            RiskText::ListOrUploadToRemove => "risk_list_or_upload_it_to_remove",
            RiskText::ClaimsNotSpecific => "risk_claims_not_specific",
            RiskText::MoneyClaimWithoutAmount => "risk_money_claim_without_amount",
            RiskText::InterestAboveTheCap => "risk_interest_above_the_cap",
            RiskText::AgreedAnnualRate => "risk_agreed_annual_rate",
            RiskText::CapFourTimesLpr => "risk_cap_four_times_lpr",
            RiskText::DateFromTheFacts => "risk_date_from_the_facts",
            RiskText::DateIsKnownOn => "risk_date_is_known_on",
            RiskText::LoanBefore20200820 => "risk_loan_before_2020_08_20",
            RiskText::TheExcessIsNotSupported => "risk_the_excess_is_not_supported",
            RiskText::LimitationPeriodPassed => "risk_limitation_period_passed",
            RiskText::TheLimitationPeriodEndedOn => "risk_the_limitation_period_ended_on",
            RiskText::TheCourtWillNotRaiseIt => "risk_the_court_will_not_raise_it",
            RiskText::ListedDemandMayInterrupt => "risk_listed_demand_may_interrupt",
            RiskText::DemandInterruptsIfInTime => "risk_demand_interrupts_if_in_time",
            RiskText::LimitationPeriodEndsSoon => "risk_limitation_period_ends_soon",
            RiskText::TheLimitationPeriodEndsOn => "risk_the_limitation_period_ends_on",
            RiskText::FileBeforeThatDate => "risk_file_before_that_date",
            RiskText::UnclearAuthority => "risk_unclear_authority",
            RiskText::NoPowerOfAttorneyAdmittingWaiving => {
                "risk_no_power_of_attorney_admitting_waiving"
            }
            RiskText::ProvideAPowerOfAttorney => "risk_provide_a_power_of_attorney",
            RiskText::FeesNotPaidInTime => "risk_fees_not_paid_in_time",
            RiskText::PrepaidAcceptanceFee => "risk_prepaid_acceptance_fee",
            RiskText::Yuan => "risk_yuan",
            RiskText::IfTheFeeIsNotPaid => "risk_if_the_fee_is_not_paid",
            RiskText::YouMayApplyForRelief => "risk_you_may_apply_for_relief",
            RiskText::PreservationBeyondTheClaim => "risk_preservation_beyond_the_claim",
            RiskText::PreservationAsked => "risk_preservation_asked",
            RiskText::ClaimedInTotal => "risk_claimed_in_total",
            RiskText::YouAskToPreserveMoreThan => "risk_you_ask_to_preserve_more_than",
            RiskText::LowerThePreservation => "risk_lower_the_preservation",
            RiskText::NoEvidence => "risk_no_evidence",
            RiskText::NoEvidenceYetEachPartyMust => "risk_no_evidence_yet_each_party_must",
            RiskText::SuchCasesUsuallyNeed => "risk_such_cases_usually_need",
            RiskText::EvidenceMayBeThin => "risk_evidence_may_be_thin",
            RiskText::NotAmongTheEvidence => "risk_not_among_the_evidence",
            RiskText::AddThemToRemove => "risk_add_them_to_remove",
            RiskText::ADemandHelpsWithLimitation => "risk_a_demand_helps_with_limitation",
            RiskText::OriginalsNotAvailable => "risk_originals_not_available",
            RiskText::WithoutOriginals => "risk_without_originals",
            RiskText::SomeEvidenceHasNoOriginalA => "risk_some_evidence_has_no_original_a",
            RiskText::BringTheOriginals => "risk_bring_the_originals",
            RiskText::AddressForServiceUncertain => "risk_address_for_service_uncertain",
            RiskText::NoUsableAddressOrPhone => "risk_no_usable_address_or_phone",
            RiskText::AddressIncomplete => "risk_address_incomplete",
            RiskText::NoPhoneForTheDefendant => "risk_no_phone_for_the_defendant",
            RiskText::NothingToEnforceAgainst => "risk_nothing_to_enforce_against",
            RiskText::YouDoNotKnowOfThe => "risk_you_do_not_know_of_the",
            RiskText::TellUsOfProperty => "risk_tell_us_of_property",
        }
    }
}

/// A prepaid acceptance fee from which paying it within the 7 days is itself a risk worth naming: 5,000 yuan (a
/// claim of about 250,000 yuan, Art. 13), more than a month's wages for many households in the province. Below it,
/// paying on time is not something this filing says anything about, so nothing is said.
pub const LARGE_PREPAID_FEE_FEN: i64 = 500_000;

/// What the estimate needs first: a cause, a named claimant and defendant, a claim, the facts.
pub fn missing_inputs(draft: &FilingDraft) -> Vec<RiskInput> {
    let named = |role: &str| {
        draft
            .parties
            .iter()
            .any(|p| p.role == role && !p.name.trim().is_empty())
    };
    let mut missing = Vec::new();
    if crate::catalogue::cause(draft.cause.trim()).is_none() {
        missing.push(RiskInput::Cause);
    }
    if !(named("plaintiff") && named("defendant")) {
        missing.push(RiskInput::Parties);
    }
    if draft.claims.iter().all(|c| c.text.trim().is_empty()) {
        missing.push(RiskInput::Claims);
    }
    if draft.facts.trim().is_empty() {
        missing.push(RiskInput::Facts);
    }
    missing
}

/// The cause's typical evidence, item by item, against the evidence rows: a row whose name the item's keywords
/// recognise shows it; with a file, it is uploaded.
pub fn check_evidence(cause: &Cause, draft: &FilingDraft) -> Vec<EvidenceCheck> {
    cause
        .typical_evidence
        .iter()
        .map(|item| {
            let rows = || {
                draft
                    .evidence
                    .iter()
                    .filter(|e| item.recognised_in(&e.name))
            };
            let status = if rows().any(|e| e.file_id.is_some()) {
                EvidenceStatus::Uploaded
            } else if rows().next().is_some() {
                EvidenceStatus::Listed
            } else {
                EvidenceStatus::Missing
            };
            EvidenceCheck {
                item: item.name.to_string(),
                status,
            }
        })
        .collect()
}

/// What a claim asks for, by its words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ClaimKind {
    /// The costs of the case borne by the defendant (诉讼费用、保全费…): the court decides them, no amount needed.
    Costs,
    /// Interest, a penalty or late-payment damages: they run until payment, so a basis (rate, base, period) may
    /// stand in for an amount.
    Accruing,
    /// A sum of money: principal, price, wages, damages, a lawyer's fee.
    Money,
    /// Anything else: divorce, ending a contract, handing back a flat, an apology.
    Other,
}

const COST_TERMS: &[&str] = &[
    "诉讼费用",
    "诉讼费",
    "案件受理费",
    "受理费",
    "保全申请费",
    "保全费",
    "公告费",
    "鉴定费",
    "评估费",
    "执行费",
];
const MONEY_NOUNS: &[&str] = &[
    "本金",
    "借款",
    "欠款",
    "货款",
    "价款",
    "租金",
    "工资",
    "报酬",
    "工程款",
    "物业费",
    "服务费",
    "赔偿金",
    "补偿金",
    "损失",
    "抚养费",
    "赡养费",
    "扶养费",
    "医疗费",
    "误工费",
    "律师费",
    "保险金",
    "押金",
    "定金",
    "保证金",
    "款项",
];
const ACCRUING_TERMS: &[&str] = &[
    "利息",
    "罚息",
    "违约金",
    "逾期付款损失",
    "资金占用",
    "滞纳金",
];
const MONEY_VERBS: &[&str] = &["偿还", "归还", "支付", "给付", "赔偿", "补偿", "退还"];
/// How an accruing sum is computed, when no amount is given.
const ACCRUING_BASIS: &[&str] = &[
    "%",
    "％",
    "利率",
    "LPR",
    "贷款市场报价利率",
    "年息",
    "月息",
    "万分之",
    "千分之",
];

/// The claim's words outside brackets: `支付利息（以借款本金为基数，按年利率14%计算）` asks for interest, the bracket
/// only says how it is computed.
fn outside_brackets(text: &str) -> String {
    let mut depth = 0u32;
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '（' | '(' | '【' | '[' => depth += 1,
            '）' | ')' | '】' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

fn claim_kind(text: &str) -> ClaimKind {
    let head = outside_brackets(text);
    let rest = COST_TERMS
        .iter()
        .fold(head.clone(), |t, term| t.replace(term, ""));
    let has = |terms: &[&str]| terms.iter().any(|t| rest.contains(t));
    if has(MONEY_NOUNS) {
        ClaimKind::Money
    } else if has(ACCRUING_TERMS) {
        ClaimKind::Accruing
    } else if has(MONEY_VERBS) {
        ClaimKind::Money
    } else if rest.len() < head.len() {
        ClaimKind::Costs
    } else {
        ClaimKind::Other
    }
}

/// A sum written in the claim's own words (`每月支付抚养费1000元`, `10万元`).
fn amount_in_text(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        *c == '元'
            && chars[..i]
                .iter()
                .rev()
                .find(|c| !matches!(c, '万' | '千' | '百' | ' '))
                .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(c))
    })
}

/// A money claim whose amount is missing (or cannot be read) — the only claim without an amount that is improper
/// (民事诉讼法第一百二十四条: 具体的诉讼请求). Costs, non-money claims and interest with its basis are proper.
fn lacks_amount(claim: &ClaimDraft) -> bool {
    let text = claim.text.trim();
    if text.is_empty() || parse_yuan(&claim.amount).is_ok() || amount_in_text(text) {
        return false;
    }
    match claim_kind(text) {
        ClaimKind::Money => true,
        ClaimKind::Accruing => !ACCRUING_BASIS.iter().any(|b| text.contains(b)),
        ClaimKind::Costs | ClaimKind::Other => false,
    }
}

/// Whether any claim asks for money (a judgment that can be left unpaid).
fn asks_for_money(draft: &FilingDraft) -> bool {
    draft.claims.iter().any(|c| {
        parse_yuan(&c.amount).is_ok_and(|fen| fen > 0)
            || matches!(claim_kind(&c.text), ClaimKind::Money | ClaimKind::Accruing)
    })
}

/// An address a document can be delivered to: more than a city or district — a street number, a building, a
/// village and group.
fn usable_address(address: &str) -> bool {
    let a = address.trim();
    a.chars().count() >= 6
        && (a
            .chars()
            .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
            || [
                "号", "村", "组", "屯", "室", "栋", "幢", "单元", "弄", "巷", "楼",
            ]
            .iter()
            .any(|k| a.contains(k)))
}

/// Fen as yuan with thousands separators: 880000 → `8,800`, 10050 → `100.50`.
fn yuan(fen: i64) -> String {
    let whole = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match fen % 100 {
        0 => grouped,
        cents => format!("{grouped}.{cents:02}"),
    }
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

/// Everything a factor looks at.
struct Facts<'a> {
    draft: &'a FilingDraft,
    cause: &'static Cause,
    evidence: &'a [EvidenceCheck],
    limitation: Option<Limitation>,
    today: Date,
    fees: &'a FeeTable,
    w: &'a dyn Fn(RiskText) -> &'static str,
}

impl Facts<'_> {
    /// The typical items with the given role, with their status.
    fn items(&self, role: EvidenceRole) -> impl Iterator<Item = &EvidenceCheck> {
        self.cause
            .typical_evidence
            .iter()
            .zip(self.evidence)
            .filter(move |(t, _)| t.role == role)
            .map(|(_, e)| e)
    }

    /// The names of the evidence rows that show a demand or an acknowledgement (the cause's `Demand` items).
    fn demand_rows(&self) -> Vec<&str> {
        let demand: Vec<_> = self
            .cause
            .typical_evidence
            .iter()
            .filter(|t| t.role == EvidenceRole::Demand)
            .collect();
        self.draft
            .evidence
            .iter()
            .filter(|e| demand.iter().any(|t| t.recognised_in(&e.name)))
            .map(|e| e.name.trim())
            .collect()
    }
}

/// 1 起诉不符合条件: the cause's precondition (an arbitration award, the judgment to enforce, the mediation
/// agreement) is among neither the listed nor the uploaded evidence.
fn conditions(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    let pre = f.cause.precondition?;
    let missing = f
        .items(EvidenceRole::Precondition)
        .find(|e| e.status == EvidenceStatus::Missing)?;
    Some(factor(
        1,
        "conditions",
        w(RiskText::FilingConditionsNotMet),
        6,
        format!(
            "{pre}。{}{}{}",
            w(RiskText::TheEvidenceDoesNotShowA),
            missing.item,
            w(RiskText::ListOrUploadToRemove)
        ),
        "《民事诉讼法》第一百二十二条；风险提示书第一条",
    ))
}

/// 2 诉讼请求不适当: a money claim without an amount. Costs borne by the defendant, interest at a stated rate and
/// claims that ask for no money are proper without one.
fn claims(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    let improper: Vec<String> = f
        .draft
        .claims
        .iter()
        .filter(|c| lacks_amount(c))
        .map(|c| format!("「{}」", c.text.trim()))
        .collect();
    (!improper.is_empty()).then(|| {
        factor(
            2,
            "claims",
            w(RiskText::ClaimsNotSpecific),
            2,
            format!(
                "{}{}",
                improper.join("、"),
                w(RiskText::MoneyClaimWithoutAmount)
            ),
            "《民事诉讼法》第一百二十四条；风险提示书第二条",
        )
    })
}

/// 2 诉讼请求不适当, in part: a private loan's agreed rate above four times the one-year LPR (民间借贷规定第二十五条).
/// The rate is the draft's agreed rate, or failing that the annual rate a claim states.
///
/// The date whose LPR counts is the contract's. The draft has no field for it, so: the first date the facts state
/// (facts usually open with when the money was lent), if it is not after `known_on`; otherwise `known_on` — the
/// day the filer learned the loan was not repaid, the latest the contract can have been made. The LPR has only
/// fallen since 2019, so a later date can only give a lower cap: the reason says which date was used, and that an
/// earlier contract's rate applies.
fn interest_above_cap(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    if f.cause.code != "private_loan" {
        return None;
    }
    let rate = interest::parse_rate(&f.draft.agreed_interest_rate)
        .ok()
        .or_else(|| {
            f.draft
                .claims
                .iter()
                .find_map(|c| interest::stated_annual_rate(&c.text))
        })?;
    let known_on = parse_past_date(&f.draft.known_on, f.today).ok();
    let stated = interest::first_date_in(&f.draft.facts)
        .filter(|d| *d <= f.today && known_on.is_none_or(|k| *d <= k));
    let (contract_on, from_facts) = match (stated, known_on) {
        (Some(d), _) => (d, true),
        (None, Some(k)) => (k, false),
        (None, None) => return None,
    };
    let cap = interest::private_lending_cap(contract_on, f.today)?;
    if rate <= cap.cap_basis_points {
        return None;
    }
    let date_note = if cap.transitional {
        RiskText::LoanBefore20200820
    } else if from_facts {
        RiskText::DateFromTheFacts
    } else {
        RiskText::DateIsKnownOn
    };
    Some(factor(
        2,
        "interest_above_cap",
        w(RiskText::InterestAboveTheCap),
        2,
        format!(
            "{}{}{}{} LPR {} × 4 = {}{}{}",
            w(RiskText::AgreedAnnualRate),
            interest::percent(rate),
            w(RiskText::CapFourTimesLpr),
            cap.taken_on,
            interest::percent(cap.lpr.basis_points),
            interest::percent(cap.cap_basis_points),
            w(date_note),
            w(RiskText::TheExcessIsNotSupported),
        ),
        if cap.transitional {
            "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条、第三十一条；\
             全国银行间同业拆借中心公布的贷款市场报价利率"
        } else {
            "《最高人民法院关于审理民间借贷案件适用法律若干问题的规定》第二十五条；\
             全国银行间同业拆借中心公布的贷款市场报价利率"
        },
    ))
}

/// 4 超过诉讼时效: passed, or ending within 90 days. A passed civil period with a demand or acknowledgement among
/// the evidence may have been interrupted (民法典第一百九十五条): medium, not high.
fn limitation(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    let lim = f.limitation?;
    if lim.expired {
        let demands = f.demand_rows();
        let civil = f.cause.time_limit() == TimeLimit::Civil;
        let (weight, rest) = if civil && !demands.is_empty() {
            (
                3,
                format!(
                    "{}{}{}",
                    w(RiskText::ListedDemandMayInterrupt),
                    demands.join("、"),
                    w(RiskText::DemandInterruptsIfInTime)
                ),
            )
        } else {
            (6, w(RiskText::TheCourtWillNotRaiseIt).to_string())
        };
        Some(factor(
            4,
            "limitation",
            w(RiskText::LimitationPeriodPassed),
            weight,
            format!(
                "{}{}{rest}",
                w(RiskText::TheLimitationPeriodEndedOn),
                lim.expires_on
            ),
            lim.basis,
        ))
    } else if lim.days_left <= 90 {
        Some(factor(
            4,
            "limitation_near",
            w(RiskText::LimitationPeriodEndsSoon),
            1,
            format!(
                "{}{}{}",
                w(RiskText::TheLimitationPeriodEndsOn),
                lim.expires_on,
                w(RiskText::FileBeforeThatDate)
            ),
            lim.basis,
        ))
    } else {
        None
    }
}

/// 5 授权不明: an agent named without a power of attorney.
fn authorisation(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    let agents: Vec<&str> = f
        .draft
        .parties
        .iter()
        .filter(|p| !p.agent_name.trim().is_empty() && !p.agent_authorised)
        .map(|p| p.agent_name.trim())
        .collect();
    (!agents.is_empty()).then(|| {
        factor(
            5,
            "authorisation",
            w(RiskText::UnclearAuthority),
            2,
            format!(
                "{}{}{}",
                agents.join("、"),
                w(RiskText::NoPowerOfAttorneyAdmittingWaiving),
                w(RiskText::ProvideAPowerOfAttorney)
            ),
            "《民事诉讼法》第六十二条；风险提示书第五条",
        )
    })
}

/// 6 不按时交纳诉讼费用: only a fee paid in advance can be paid late (Art. 22) — enforcement and wage claims are not
/// prepaid — and only a large one is named (see [`LARGE_PREPAID_FEE_FEN`]), with the relief that avoids it.
fn fees(f: &Facts, amount: i64, preservation: Option<i64>) -> Option<RiskFactor> {
    let w = f.w;
    let q = quote(&f.cause.fee_request(amount, preservation, f.fees), f.fees).ok()?;
    (q.pay_when == PayWhen::Prepaid && q.due_on_filing_fen >= LARGE_PREPAID_FEE_FEN).then(|| {
        factor(
            6,
            "fees",
            w(RiskText::FeesNotPaidInTime),
            1,
            format!(
                "{}{}{}{}{}",
                w(RiskText::PrepaidAcceptanceFee),
                yuan(q.due_on_filing_fen),
                w(RiskText::Yuan),
                w(RiskText::IfTheFeeIsNotPaid),
                w(RiskText::YouMayApplyForRelief)
            ),
            "《诉讼费用交纳办法》第二十二条、第四十四条；风险提示书第六条",
        )
    })
}

/// 7 申请财产保全不符合规定: more preserved than claimed.
fn preservation(f: &Facts, amount: i64, preservation: Option<i64>) -> Option<RiskFactor> {
    let w = f.w;
    let p = preservation.filter(|p| *p > amount)?;
    Some(factor(
        7,
        "preservation",
        w(RiskText::PreservationBeyondTheClaim),
        2,
        format!(
            "{}{}{}{}{}{}{}{}",
            w(RiskText::PreservationAsked),
            yuan(p),
            w(RiskText::Yuan),
            w(RiskText::ClaimedInTotal),
            yuan(amount),
            w(RiskText::Yuan),
            w(RiskText::YouAskToPreserveMoreThan),
            w(RiskText::LowerThePreservation)
        ),
        "《民事诉讼法》第一百零八条；风险提示书第七条",
    ))
}

/// 8 不提供或者不充分提供证据: nothing listed, or typical items missing — named one by one. Each missing item
/// proving the claim weighs 2, each helping item 1 (at most 4 in all); the precondition is factor 1's.
fn evidence(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    if f.draft.evidence.is_empty() {
        let typical: Vec<&str> = f.cause.typical_evidence.iter().map(|t| t.name).collect();
        return Some(factor(
            8,
            "no_evidence",
            w(RiskText::NoEvidence),
            3,
            format!(
                "{}{}{}",
                w(RiskText::NoEvidenceYetEachPartyMust),
                w(RiskText::SuchCasesUsuallyNeed),
                typical.join("、")
            ),
            "《民事诉讼法》第六十七条；风险提示书第八条",
        ));
    }
    let missing: Vec<(EvidenceRole, &str)> = f
        .cause
        .typical_evidence
        .iter()
        .zip(f.evidence)
        .filter(|(t, e)| {
            e.status == EvidenceStatus::Missing && t.role != EvidenceRole::Precondition
        })
        .map(|(t, _)| (t.role, t.name))
        .collect();
    if missing.is_empty() {
        return None;
    }
    let weight: u8 = missing
        .iter()
        .map(|(role, _)| {
            if *role == EvidenceRole::Essential {
                2
            } else {
                1
            }
        })
        .sum::<u8>()
        .min(4);
    let names: Vec<&str> = missing.iter().map(|(_, n)| *n).collect();
    let demand_missing = missing.iter().any(|(r, _)| *r == EvidenceRole::Demand);
    Some(factor(
        8,
        "thin_evidence",
        w(RiskText::EvidenceMayBeThin),
        weight,
        format!(
            "{}{}{}{}",
            w(RiskText::NotAmongTheEvidence),
            names.join("、"),
            w(RiskText::AddThemToRemove),
            if demand_missing {
                w(RiskText::ADemandHelpsWithLimitation)
            } else {
                ""
            }
        ),
        "《民事诉讼法》第六十七条；风险提示书第八条",
    ))
}

/// 10 不提供原始证据: the rows whose original the filer does not hold.
fn copies(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    let copies: Vec<&str> = f
        .draft
        .evidence
        .iter()
        .filter(|e| !e.original)
        .map(|e| e.name.trim())
        .collect();
    (!copies.is_empty()).then(|| {
        factor(
            10,
            "copies",
            w(RiskText::OriginalsNotAvailable),
            1,
            format!(
                "{}{}{}{}",
                w(RiskText::WithoutOriginals),
                copies.join("、"),
                w(RiskText::SomeEvidenceHasNoOriginalA),
                w(RiskText::BringTheOriginals)
            ),
            "《最高人民法院关于民事诉讼证据的若干规定》第十一条；风险提示书第十条",
        )
    })
}

/// 14 不准确提供送达地址: what matters is whether the court can reach each defendant — a deliverable address, a
/// phone. (The claimant cannot confirm the defendant's address for service; that confirmation is the party's own.)
/// Neither known: service by public notice, months (weight 2). An organisation is served at its registered seat, so
/// a missing phone alone is not named for it.
fn service_address(f: &Facts) -> Option<RiskFactor> {
    let w = f.w;
    let mut weight = 0;
    let mut reasons = Vec::new();
    for p in f
        .draft
        .parties
        .iter()
        .filter(|p| p.role == "defendant" && !p.name.trim().is_empty())
    {
        let address = usable_address(&p.address);
        let phone = Mobile::parse(&p.mobile).is_ok();
        let person = p.kind == "natural";
        let (wt, text) = match (address, phone) {
            (true, true) => continue,
            (true, false) if !person => continue,
            (false, false) => (2, RiskText::NoUsableAddressOrPhone),
            (false, true) => (1, RiskText::AddressIncomplete),
            (true, false) => (1, RiskText::NoPhoneForTheDefendant),
        };
        weight = weight.max(wt);
        reasons.push(format!("{}{}", p.name.trim(), w(text)));
    }
    (weight > 0).then(|| {
        factor(
            14,
            "service_address",
            w(RiskText::AddressForServiceUncertain),
            weight,
            reasons.join(" "),
            "《民事诉讼法》第九十五条；《最高人民法院关于进一步加强民事送达工作的若干意见》；风险提示书第十四条",
        )
    })
}

/// 16 无财产或者无足够财产可供执行: a money judgment sought, the filer knowing of no property of the defendant and
/// asking for no preservation.
fn no_assets(f: &Facts, preservation: Option<i64>) -> Option<RiskFactor> {
    let w = f.w;
    let money_case = matches!(
        f.cause.fee,
        FeeCategory::Property | FeeCategory::Enforcement
    );
    (money_case
        && asks_for_money(f.draft)
        && !f.draft.defendant_assets_known
        && preservation.is_none_or(|p| p == 0))
    .then(|| {
        factor(
            16,
            "no_assets",
            w(RiskText::NothingToEnforceAgainst),
            1,
            format!(
                "{}{}",
                w(RiskText::YouDoNotKnowOfThe),
                w(RiskText::TellUsOfProperty)
            ),
            "风险提示书第十六条",
        )
    })
}

/// The limitation period of the draft's cause, from its dates.
fn limitation_of(
    draft: &FilingDraft,
    cause: Option<&Cause>,
    today: Date,
    calendar: &HolidayCalendar,
) -> Option<Limitation> {
    let known_on = parse_past_date(&draft.known_on, today).ok()?;
    let last_instalment_due = parse_past_date(
        &draft.last_instalment_due,
        Date {
            year: 9999,
            month: 12,
            day: 31,
        },
    )
    .ok();
    // The cause's own period: three years, none at all (Art. 196: support, divorce), a year for labour
    // arbitration, two years for enforcement, six months for an administrative suit.
    time_limit(
        cause.map(|c| c.time_limit()).unwrap_or(TimeLimit::Civil),
        &LimitationFacts {
            last_instalment_due,
            // The filer's own date of the last demand, acknowledgement or part payment (Art. 195).
            interrupted_on: parse_past_date(&draft.interrupted_on, today).ok(),
            rights_not_stated: draft.rights_not_stated,
            ..LimitationFacts::known(known_on)
        },
        today,
        calendar,
    )
}

pub fn assess(
    draft: &FilingDraft,
    w: &dyn Fn(RiskText) -> &'static str,
    today: Date,
    calendar: &HolidayCalendar,
    fees_table: &FeeTable,
) -> RiskReport {
    let cause = crate::catalogue::cause(draft.cause.trim());
    let missing = missing_inputs(draft);
    let evidence_checks = cause.map(|c| check_evidence(c, draft)).unwrap_or_default();
    let lim = limitation_of(draft, cause, today, calendar);
    let amount = claims_total(draft);
    let preserved = parse_yuan(&draft.preservation_amount).ok();

    let mut factors = Vec::new();
    if let (Some(cause), true) = (cause, missing.is_empty()) {
        let f = Facts {
            draft,
            cause,
            evidence: &evidence_checks,
            limitation: lim,
            today,
            fees: fees_table,
            w,
        };
        factors = [
            conditions(&f),
            claims(&f),
            interest_above_cap(&f),
            limitation(&f),
            authorisation(&f),
            fees(&f, amount, preserved),
            preservation(&f, amount, preserved),
            evidence(&f),
            copies(&f),
            service_address(&f),
            no_assets(&f, preserved),
        ]
        .into_iter()
        .flatten()
        .collect();
    }
    let score: u32 = factors.iter().map(|x| u32::from(x.weight)).sum();
    let level = missing.is_empty().then(|| RiskLevel::of_score(score));

    // The comparison: the ordinary procedure's acceptance fee, halved when the case is settled by mediation.
    let fee_request = FeeRequest {
        fee_category: cause.map(|c| c.fee).unwrap_or(FeeCategory::Property),
        amount_fen: Some(amount),
        procedure: Procedure::Ordinary,
        preservation_amount_fen: preserved,
        wage_claim: cause.is_some_and(|c| c.is_wage_claim()),
    };
    let acceptance = quote(&fee_request, fees_table)
        .map(|q| q.acceptance_fee_fen)
        .unwrap_or(0);
    let simple_eligible = amount <= 5_000_000; // small and simple cases commonly go to the simple procedure
    RiskReport {
        factors,
        score,
        level,
        missing,
        evidence: evidence_checks,
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
    use crate::filing::{EvidenceDraft, PartyDraft};

    fn codes(r: &RiskReport) -> Vec<&str> {
        r.factors.iter().map(|f| f.code.as_str()).collect()
    }

    fn run(d: &FilingDraft) -> RiskReport {
        assess(
            d,
            &|t: RiskText| t.key(),
            today(),
            &crate::calendar::shipped(),
            &FeeTable::JILIN,
        )
    }

    /// An evidence row: uploaded (with a file) or only listed; the original held or not.
    fn row(name: &str, uploaded: bool, original: bool) -> EvidenceDraft {
        EvidenceDraft {
            name: name.into(),
            original,
            file_id: uploaded.then(|| format!("file-{name}")),
        }
    }

    fn claim(text: &str, amount: &str) -> ClaimDraft {
        ClaimDraft {
            text: text.into(),
            amount: amount.into(),
        }
    }

    /// 张三 v 李四, 100,000 yuan lent in March 2023: the IOU uploaded, the bank transfer listed, the defendant's
    /// street address and mobile known, the costs claimed from him, his property known.
    fn complete_loan() -> FilingDraft {
        let mut d = loan_draft();
        d.parties[1].mobile = "13900000009".into();
        d.claims.push(claim("判令被告承担本案诉讼费用", ""));
        d.evidence = vec![row("借条", true, true), row("银行转账凭证", false, true)];
        d.defendant_assets_known = true;
        d
    }

    fn with(mut d: FilingDraft, change: impl FnOnce(&mut FilingDraft)) -> FilingDraft {
        change(&mut d);
        d
    }

    fn company(role: &str, name: &str, address: &str) -> PartyDraft {
        PartyDraft {
            role: role.into(),
            kind: "legal".into(),
            name: name.into(),
            uscc: "91220200MA0Y000017".into(),
            address: address.into(),
            ..Default::default()
        }
    }

    struct Row {
        case: &'static str,
        /// The rule the row shows.
        rule: &'static str,
        draft: FilingDraft,
        codes: &'static [&'static str],
        level: Option<RiskLevel>,
        /// What the reasons must name.
        says: &'static [&'static str],
    }

    fn rows() -> Vec<Row> {
        use RiskLevel::*;
        let labour = |evidence: Vec<EvidenceDraft>| {
            with(loan_draft(), |d| {
                d.cause = "labour_dispute".into();
                d.parties[1] =
                    company("defendant", "吉林市某建材有限公司", "吉林市船营区致和街8号");
                d.claims = vec![
                    claim("判令被告支付违法解除劳动合同赔偿金", "30000"),
                    claim("判令被告承担本案诉讼费用", ""),
                ];
                d.facts = "原告2021年5月入职被告处，2026年5月被告无故解除劳动合同。".into();
                d.known_on = "2026-05-20".into();
                d.evidence = evidence;
            })
        };
        let enforcement = |evidence: Vec<EvidenceDraft>, amount: &str| {
            with(complete_loan(), |d| {
                d.cause = "enforcement".into();
                d.claims = vec![claim("申请强制执行被执行人给付的借款", amount)];
                d.facts =
                    "（2026）吉0211民初1号民事判决已于2026年3月1日生效，被执行人未履行。".into();
                d.known_on = "2026-03-16".into();
                d.evidence = evidence;
            })
        };
        vec![
            Row {
                case: "complete loan: IOU uploaded, transfer listed, defendant reachable, costs claimed",
                rule: "民诉法第六十七条: only the missing demand record is named; 诉讼费用 is a proper claim (第一百二十四条)",
                draft: complete_loan(),
                codes: &["thin_evidence"],
                level: Some(Low),
                says: &["催款记录", "risk_a_demand_helps_with_limitation"],
            },
            Row {
                case: "complete loan with the demand message too",
                rule: "nothing in the filing triggers any of the notice's risks",
                draft: with(complete_loan(), |d| d.evidence.push(row("催款短信截图", true, true))),
                codes: &[],
                level: Some(Low),
                says: &[],
            },
            Row {
                case: "the same loan without the transfer record",
                rule: "民法典第六百七十九条 (a loan between natural persons exists once the money is handed over); 民诉法第六十七条",
                draft: with(complete_loan(), |d| d.evidence.truncate(1)),
                codes: &["thin_evidence"],
                level: Some(Medium),
                says: &["转账凭证", "催款记录"],
            },
            Row {
                case: "the limitation period ends within 90 days",
                rule: "民法典第一百八十八条; filing interrupts it (第一百九十五条第三项)",
                draft: with(complete_loan(), |d| d.known_on = "2024-01-10".into()),
                codes: &["limitation_near", "thin_evidence"],
                level: Some(Low),
                says: &["2027-01-11"],
            },
            Row {
                case: "the limitation period passed, no demand on file",
                rule: "民法典第一百八十八条、第一百九十二条 (the other side may refuse to perform)",
                draft: with(complete_loan(), |d| d.known_on = "2022-01-10".into()),
                codes: &["limitation", "thin_evidence"],
                level: Some(High),
                says: &["2025-01-10"],
            },
            Row {
                case: "the limitation period passed, a demand message on file",
                rule: "民法典第一百九十五条 (a demand interrupts the period)",
                draft: with(complete_loan(), |d| {
                    d.known_on = "2022-01-10".into();
                    d.evidence.push(row("2024年催款短信", false, true));
                }),
                codes: &["limitation"],
                level: Some(Medium),
                says: &["2024年催款短信"],
            },
            Row {
                case: "defendant known only by district, no phone",
                rule: "民诉法第九十五条 (public notice when the party cannot be reached)",
                draft: with(complete_loan(), |d| {
                    d.parties[1].address = "吉林市丰满区".into();
                    d.parties[1].mobile.clear();
                }),
                codes: &["thin_evidence", "service_address"],
                level: Some(Medium),
                says: &["李四"],
            },
            Row {
                case: "defendant's street address known, no phone",
                rule: "送达工作若干意见: a phone helps, its lack is minor",
                draft: with(complete_loan(), |d| d.parties[1].mobile.clear()),
                codes: &["thin_evidence", "service_address"],
                level: Some(Low),
                says: &["李四"],
            },
            Row {
                case: "24 % agreed on a loan of March 2023",
                rule: "民间借贷规定第二十五条: four times the one-year LPR of 2023-03-01 (3.65 %) = 14.6 %",
                draft: with(complete_loan(), |d| d.agreed_interest_rate = "24%".into()),
                codes: &["interest_above_cap", "thin_evidence"],
                level: Some(Medium),
                says: &["24%", "2023-03-01", "3.65%", "14.6%"],
            },
            Row {
                case: "14 % agreed in 2023, interest claimed by its rate without an amount",
                rule: "民间借贷规定第二十五条: within the cap; interest with its basis is a proper claim",
                draft: with(complete_loan(), |d| {
                    d.agreed_interest_rate = "14".into();
                    d.claims.push(claim(
                        "判令被告支付利息（以借款本金为基数，按年利率14%计算至实际清偿之日止）",
                        "",
                    ));
                }),
                codes: &["thin_evidence"],
                level: Some(Low),
                says: &[],
            },
            Row {
                case: "24 % stated only in the interest claim",
                rule: "民间借贷规定第二十五条: the claim's own rate is checked too",
                draft: with(complete_loan(), |d| {
                    d.claims.push(claim("判令被告按年利率24%支付利息", ""));
                }),
                codes: &["interest_above_cap", "thin_evidence"],
                level: Some(Medium),
                says: &["14.6%"],
            },
            Row {
                case: "divorce, a claim for costs and none for money",
                rule: "民诉法第一百二十四条: 诉讼费由被告负担 and 离婚 need no amount; 民法典第一百九十六条: no limitation",
                draft: with(complete_loan(), |d| {
                    d.cause = "divorce".into();
                    d.claims = vec![
                        claim("判令原告与被告离婚", ""),
                        claim("本案诉讼费由被告负担", ""),
                    ];
                    d.facts = "原被告于2015年登记结婚，2024年起分居至今，感情确已破裂。".into();
                    d.evidence = vec![row("结婚证", true, true), row("分居情况说明", false, true)];
                    d.defendant_assets_known = false;
                }),
                codes: &["thin_evidence"],
                level: Some(Low),
                says: &["共同财产清单"],
            },
            Row {
                case: "damages asked for without an amount",
                rule: "民诉法第一百二十四条 (a definite claim); risk 16: no property known",
                draft: with(complete_loan(), |d| {
                    d.cause = "traffic_accident".into();
                    d.claims = vec![claim("判令被告赔偿医疗费、误工费等损失", "")];
                    d.facts = "2025年6月1日被告驾车将原告撞伤，交警认定被告负全部责任。".into();
                    d.known_on = "2025-06-01".into();
                    d.evidence = vec![
                        row("交通事故认定书", true, true),
                        row("医疗费发票", false, true),
                        row("交强险保单", false, false),
                    ];
                    d.defendant_assets_known = false;
                }),
                codes: &["claims", "copies", "no_assets"],
                level: Some(Medium),
                says: &["「判令被告赔偿医疗费、误工费等损失」", "交强险保单"],
            },
            Row {
                case: "an empty draft",
                rule: "nothing to assess: 信息不足，暂不评估",
                draft: FilingDraft::default(),
                codes: &[],
                level: None,
                says: &[],
            },
            Row {
                case: "a cause and the parties, no claims or facts yet",
                rule: "nothing to assess until the claims and facts are there",
                draft: with(complete_loan(), |d| {
                    d.claims.clear();
                    d.facts.clear();
                }),
                codes: &[],
                level: None,
                says: &[],
            },
            Row {
                case: "labour dispute without the arbitration award",
                rule: "劳动争议调解仲裁法第五条; 民诉法第一百二十二条 (arbitration first)",
                draft: labour(vec![
                    row("劳动合同", true, true),
                    row("工资流水", false, true),
                    row("解除劳动合同通知书", false, true),
                ]),
                codes: &["conditions"],
                level: Some(High),
                says: &["劳动仲裁裁决书或不予受理通知书"],
            },
            Row {
                case: "the same with the award uploaded",
                rule: "劳动争议调解仲裁法第五条 satisfied",
                draft: labour(vec![
                    row("劳动合同", true, true),
                    row("工资流水", false, true),
                    row("解除劳动合同通知书", false, true),
                    row("劳动仲裁裁决书", true, true),
                ]),
                codes: &[],
                level: Some(Low),
                says: &[],
            },
            Row {
                case: "enforcement without the judgment",
                rule: "民诉法第二百四十七条 (an effective legal document)",
                draft: enforcement(
                    vec![row("生效证明", false, true), row("被执行人房产线索", false, true)],
                    "100000",
                ),
                codes: &["conditions"],
                level: Some(High),
                says: &["生效法律文书"],
            },
            Row {
                case: "enforcement of a million with the judgment uploaded",
                rule: "诉讼费用交纳办法第二十条第二款: the fee is paid after enforcement, never late",
                draft: enforcement(
                    vec![
                        row("民事判决书", true, true),
                        row("生效证明", false, true),
                        row("被执行人房产线索", false, true),
                    ],
                    "1000000",
                ),
                codes: &[],
                level: Some(Low),
                says: &[],
            },
            Row {
                case: "an agent without a power of attorney",
                rule: "民诉法第六十二条",
                draft: with(complete_loan(), |d| d.parties[0].agent_name = "王律师".into()),
                codes: &["authorisation", "thin_evidence"],
                level: Some(Medium),
                says: &["王律师"],
            },
            Row {
                case: "preservation of more than is claimed",
                rule: "民诉法第一百零三条、第一百零八条",
                draft: with(complete_loan(), |d| d.preservation_amount = "150000".into()),
                codes: &["preservation", "thin_evidence"],
                level: Some(Medium),
                says: &["150,000", "100,000"],
            },
            Row {
                case: "a claim of 500,000 yuan: 8,800 yuan to prepay",
                rule: "诉讼费用交纳办法第十三条、第二十二条, relief under 第四十四条",
                draft: with(complete_loan(), |d| d.claims[0].amount = "500000".into()),
                codes: &["fees", "thin_evidence"],
                level: Some(Low),
                says: &["8,800"],
            },
            Row {
                case: "the IOU only as a copy",
                rule: "民事诉讼证据规定第十一条",
                draft: with(complete_loan(), |d| d.evidence[0].original = false),
                codes: &["thin_evidence", "copies"],
                level: Some(Low),
                says: &["借条"],
            },
        ]
    }

    #[test]
    fn each_filing_gets_the_factors_and_level_its_content_calls_for() {
        let rows = rows();
        for r in &rows {
            let report = run(&r.draft);
            assert_eq!(codes(&report), r.codes, "{} ({})", r.case, r.rule);
            assert_eq!(report.level, r.level, "{} ({}): {report:?}", r.case, r.rule);
            let reasons: String = report.factors.iter().map(|f| f.reason.as_str()).collect();
            for s in r.says {
                assert!(reasons.contains(s), "{}: {s} not in {reasons}", r.case);
            }
        }
        assert!(rows.len() >= 12);
        // No factor is said of every filing.
        let assessed: Vec<RiskReport> = rows
            .iter()
            .map(|r| run(&r.draft))
            .filter(|r| r.level.is_some())
            .collect();
        for code in assessed.iter().flat_map(codes) {
            assert!(
                !assessed.iter().all(|r| codes(r).contains(&code)),
                "{code} appears for every filing"
            );
        }
    }

    #[test]
    fn a_draft_without_parties_claims_or_facts_is_not_assessed() {
        let r = run(&FilingDraft::default());
        assert_eq!(r.level, None);
        assert_eq!(
            r.missing,
            vec![
                RiskInput::Cause,
                RiskInput::Parties,
                RiskInput::Claims,
                RiskInput::Facts
            ]
        );
        assert!(r.factors.is_empty() && r.score == 0 && r.evidence.is_empty());
        // A claimant without a named defendant is not yet a case either.
        let mut d = complete_loan();
        d.parties[1].name.clear();
        assert_eq!(run(&d).missing, vec![RiskInput::Parties]);
        assert_eq!(run(&d).level, None);
    }

    #[test]
    fn the_typical_evidence_is_checked_item_by_item() {
        let r = run(&complete_loan());
        let status: Vec<(&str, EvidenceStatus)> = r
            .evidence
            .iter()
            .map(|e| (e.item.as_str(), e.status))
            .collect();
        assert_eq!(
            status,
            vec![
                ("借条或借款合同", EvidenceStatus::Uploaded),
                ("转账凭证或收条", EvidenceStatus::Listed),
                ("催款记录", EvidenceStatus::Missing),
            ]
        );
    }

    #[test]
    fn claims_are_told_apart_by_what_they_ask() {
        let improper = |text: &str, amount: &str| lacks_amount(&claim(text, amount));
        assert!(!improper("判令被告承担本案诉讼费用", ""));
        assert!(!improper("判令被告承担本案诉讼费、保全费", ""));
        assert!(!improper("判令原告与被告离婚", ""));
        assert!(!improper("判令被告返还房屋", ""));
        assert!(!improper("判令被告每月支付抚养费1000元", ""));
        assert!(!improper(
            "判令被告支付逾期利息（按一年期贷款市场报价利率计算至实际清偿之日）",
            ""
        ));
        assert!(!improper("判令被告支付律师费", "5000"));
        assert!(!improper("判令被告支付违约金", "8,000"));
        assert!(improper("判令被告偿还借款本金", ""));
        assert!(improper("判令被告偿还借款本金", "十万"));
        assert!(improper("判令被告支付律师费", ""));
        assert!(improper("判令被告支付违约金", ""));
        assert!(improper("判令被告偿还借款本金及按年利率10%计算的利息", ""));
    }

    #[test]
    fn a_well_prepared_loan_case_is_low_risk() {
        let mut d = loan_draft();
        d.parties[1].mobile = "13900000009".into();
        d.defendant_assets_known = true;
        d.evidence = ["借条", "转账凭证", "催款短信"]
            .map(|n| row(n, false, true))
            .to_vec();
        let r = run(&d);
        // Nothing in it is a risk: a 2,300-yuan fee to prepay is not one by itself.
        assert_eq!(codes(&r), Vec::<&str>::new());
        assert_eq!(r.level, Some(RiskLevel::Low));
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
        let r = run(&d);
        let c = codes(&r);
        assert!(
            c.contains(&"limitation") && c.contains(&"no_evidence") && c.contains(&"no_assets"),
            "{c:?}"
        );
        assert_eq!(r.level, Some(RiskLevel::High));
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
        assert!(codes(&run(&d)).contains(&"conditions"));
        d.evidence.push(row("劳动仲裁裁决书", false, true));
        assert!(!codes(&run(&d)).contains(&"conditions"));
    }
}
