//! 诉讼风险评估 — an explainable litigation-risk estimate, built on the Supreme People's Court's civil-litigation
//! risk notice (《人民法院民事诉讼风险提示书》, its 17 risks). Each factor the filing's answers trigger carries its
//! weight, its reason in plain words and the rule behind it; the total gives a level. Beside it: what litigation
//! and pre-litigation mediation would each cost and take.

use crate::calendar::HolidayCalendar;
use crate::fees::{quote, FeeCategory, FeeRequest, FeeTable, Procedure};
use crate::filing::{claims_total, parse_past_date, parse_yuan, FilingDraft};
use crate::limitation::{limitation, Limitation, LimitationFacts};
use crate::{Date, Lang};
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

pub fn assess(
    draft: &FilingDraft,
    lang: Lang,
    today: Date,
    calendar: &HolidayCalendar,
    fees: &FeeTable,
) -> RiskReport {
    let l = lang;
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
                    l.pick(
                        "起诉不符合条件",
                        "Filing conditions not met",
                        "제소 요건 불충족",
                    ),
                    3,
                    format!(
                        "{}{pre}",
                        l.pick(
                            "证据中未见必需的文书：",
                            "The evidence does not show a required document: ",
                            "필요한 문서가 증거에 없습니다: "
                        )
                    ),
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
                l.pick("诉讼请求不适当", "Claims not specific", "청구 부적절"),
                1,
                format!(
                    "{missing} {}",
                    l.pick(
                        "项诉讼请求没有明确金额，法院可能要求补正。",
                        "claim(s) have no definite amount; the court may ask you to correct them.",
                        "개 청구에 금액이 없어 보정을 요구받을 수 있습니다."
                    )
                ),
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
            limitation(
                &LimitationFacts {
                    known_on,
                    harm_on: None,
                    last_instalment_due: last,
                },
                today,
                calendar,
            )
        });
    let time_barred_kind =
        cause.is_some_and(|c| c.kind == crate::catalogue::CaseKind::CivilFirstInstance);
    if let (Some(lim), true) = (lim, time_barred_kind) {
        if lim.expired {
            f.push(factor(4, "limitation", l.pick("超过诉讼时效", "Limitation period passed", "소멸시효 경과"), 3,
                format!("{} {}。{}", l.pick("诉讼时效已于", "The limitation period ended on", "소멸시효가 다음 날짜에 끝났습니다:"), lim.expires_on,
                    l.pick("法院不会主动适用诉讼时效，但对方提出抗辩的，诉讼请求可能被驳回；如有催告、对方承认等中断事由，请提交证据。",
                        "The court will not raise it itself, but if the other side does, the claim may fail; if you reminded the debtor or they acknowledged the debt, add that evidence.",
                        "법원이 직권으로 적용하지는 않지만 상대방이 항변하면 기각될 수 있습니다. 중단 사유가 있으면 증거를 제출하십시오.")),
                lim.basis));
        } else if lim.days_left <= 90 {
            f.push(factor(
                4,
                "limitation_near",
                l.pick(
                    "诉讼时效即将届满",
                    "Limitation period ends soon",
                    "소멸시효 임박",
                ),
                1,
                format!(
                    "{} {}",
                    l.pick(
                        "诉讼时效将于以下日期届满：",
                        "The limitation period ends on",
                        "소멸시효 만료일:"
                    ),
                    lim.expires_on
                ),
                lim.basis,
            ));
        }
    }
    // 5 授权不明.
    for p in &draft.parties {
        if !p.agent_name.trim().is_empty() && !p.agent_authorised {
            f.push(factor(5, "authorisation", l.pick("授权不明", "Unclear authority", "수권 불명확"), 2,
                format!("{}{}", p.agent_name.trim(), l.pick("：未见授权委托书，代为承认、放弃、变更诉讼请求等须特别授权。", ": no power of attorney; admitting, waiving or changing claims needs special authority.", ": 위임장이 없습니다. 청구의 인낙·포기·변경에는 특별수권이 필요합니다.")),
                "《民事诉讼法》第六十二条；风险提示书第五条"));
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
    };
    let q = quote(&fee_req(Procedure::Ordinary), fees).ok();
    let acceptance = q.as_ref().map(|q| q.acceptance_fee_fen).unwrap_or(0);
    if acceptance > 0 {
        f.push(factor(6, "fees", l.pick("不按时交纳诉讼费用", "Fees not paid in time", "소송비용 미납"), 1,
            l.pick("收到交费通知后7日内未交纳且未申请缓、减、免的，按撤诉处理。", "If the fee is not paid within 7 days of the notice, and no deferral, reduction or waiver is asked for, the case is treated as withdrawn.", "납부 통지 후 7일 내 미납 시 취하로 처리됩니다.").into(),
            "《诉讼费用交纳办法》第二十二条；风险提示书第六条"));
    }
    // 7 申请财产保全不符合规定: more preserved than claimed.
    if let Some(p) = preservation {
        if p > amount {
            f.push(factor(7, "preservation", l.pick("申请财产保全不符合规定", "Preservation beyond the claim", "보전 신청 부적절"), 2,
                l.pick("申请保全的金额超过诉讼请求金额；保全错误的，申请人应当赔偿被申请人的损失。", "You ask to preserve more than you claim; a wrongful preservation makes the applicant liable for the other side's loss.", "보전 금액이 청구 금액을 초과합니다. 보전이 잘못되면 손해를 배상해야 합니다.").into(),
                "《民事诉讼法》第一百零八条；风险提示书第七条"));
        }
    }
    // 8 不提供或者不充分提供证据.
    match (draft.evidence.len(), cause) {
        (0, _) => f.push(factor(
            8,
            "no_evidence",
            l.pick("证据不足", "No evidence", "증거 부족"),
            3,
            l.pick(
                "尚未提供任何证据；当事人对自己的主张有责任提供证据。",
                "No evidence yet: each party must prove what it claims.",
                "아직 증거가 없습니다. 주장하는 사실은 증명해야 합니다.",
            )
            .into(),
            "《民事诉讼法》第六十七条；风险提示书第八条",
        )),
        (n, Some(c)) if n < c.typical_evidence.len() => f.push(factor(
            8,
            "thin_evidence",
            l.pick("证据可能不充分", "Evidence may be thin", "증거 불충분 가능"),
            1,
            format!(
                "{}{}",
                l.pick(
                    "此类案件通常需要：",
                    "Such cases usually need: ",
                    "이런 사건에 보통 필요한 증거: "
                ),
                c.typical_evidence.join("、")
            ),
            "《民事诉讼法》第六十七条；风险提示书第八条",
        )),
        _ => {}
    }
    // 10 不提供原始证据.
    if draft.evidence.iter().any(|e| !e.original) {
        f.push(factor(10, "copies", l.pick("不提供原始证据", "Originals not available", "원본 증거 미제출"), 1,
            l.pick("部分证据没有原件；无法与原件核对的复制件，可能不能单独作为认定事实的依据。", "Some evidence has no original; a copy that cannot be checked against it may not prove a fact alone.", "일부 증거에 원본이 없어 사실 인정의 근거가 되지 못할 수 있습니다.").into(),
            "《最高人民法院关于民事诉讼证据的若干规定》第十一条；风险提示书第十条"));
    }
    // 14 不准确提供送达地址.
    if draft
        .parties
        .iter()
        .any(|p| p.role == "defendant" && (p.mobile.trim().is_empty() || !p.address_confirmed))
    {
        f.push(factor(14, "service_address", l.pick("送达地址可能不准确", "Address for service uncertain", "송달 주소 불확실"), 1,
            l.pick("被告的送达地址未经确认或没有联系电话，可能导致送达困难、拖延审理。", "A defendant's address is unconfirmed or has no phone number, which can delay service and the case.", "피고의 송달 주소가 확인되지 않았거나 연락처가 없어 송달이 지연될 수 있습니다.").into(),
            "《最高人民法院关于进一步加强民事送达工作的若干意见》；风险提示书第十四条"));
    }
    // 16 无财产或者无足够财产可供执行.
    if matches!(
        fee_category,
        FeeCategory::Property | FeeCategory::Enforcement
    ) && !draft.defendant_assets_known
    {
        f.push(factor(16, "no_assets", l.pick("可能无财产可供执行", "Nothing to enforce against", "집행할 재산 없음 가능"), 2,
            l.pick("您尚不了解被告的财产情况；胜诉后被告无财产可供执行的，判决可能无法实现。", "You do not know of the defendant's property; a judgment against someone with nothing may bring nothing.", "피고의 재산을 모릅니다. 재산이 없으면 승소해도 집행되지 않을 수 있습니다.").into(),
            "风险提示书第十六条"));
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
            Lang::Zh,
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
            Lang::En,
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
            Lang::Zh,
            today(),
            &HolidayCalendar::default(),
            &FeeTable::JILIN,
        );
        let dearer = FeeTable {
            divorce_fen: 300 * 100,
            ..FeeTable::JILIN
        };
        let other = assess(&d, Lang::Zh, today(), &HolidayCalendar::default(), &dearer);
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
            Lang::Zh,
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
            Lang::Zh,
            today(),
            &HolidayCalendar::default(),
            &FeeTable::JILIN
        ))
        .contains(&"conditions"));
    }
}
