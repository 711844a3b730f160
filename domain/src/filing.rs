//! 网上立案 — a filing as the filer builds it, step by step, and the rules it must pass before submission.
//!
//! A draft keeps exactly what was typed (strings), so nothing is ever lost to a validation error; [`validate`]
//! parses it into typed values and lists every problem at once, each under the path of its field.

use crate::catalogue::{cause, Cause};
use crate::fees::{FeeCategory, MAX_AMOUNT_FEN};
use crate::{Date, FieldError, FieldErrors, Mobile, ResidentId, Uscc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FilingDraft {
    /// A cause-of-action code of the catalogue (e.g. `private_loan`).
    pub cause: String,
    pub parties: Vec<PartyDraft>,
    pub claims: Vec<ClaimDraft>,
    /// The annual interest rate the parties agreed, in percent as typed (`24`, `14.6%`); empty when none was agreed
    /// or the filer does not say. A private loan's rate above four times the one-year LPR is not supported
    /// (民间借贷规定第二十五条; see [`crate::interest`]).
    #[serde(default)]
    pub agreed_interest_rate: String,
    pub facts: String,
    /// When the filer knew of the harm and who caused it (limitation period), `YYYY-MM-DD`.
    pub known_on: String,
    /// The last instalment's due date, for debts paid in instalments.
    pub last_instalment_due: String,
    /// The last time the claim was demanded, acknowledged or partly paid (民法典第一百九十五条): the limitation
    /// period runs afresh from it. `YYYY-MM-DD`, optional.
    pub interrupted_on: String,
    /// Administrative cases: the act's notice did not say that and when it could be challenged in court.
    pub rights_not_stated: bool,
    /// The place the jurisdiction rule of the cause looks at besides the defendant's domicile: where the contract
    /// is performed (合同履行地), where the tort happened (侵权行为地) or where the real estate lies (不动产所在地).
    pub place: String,
    pub evidence: Vec<EvidenceDraft>,
    /// The court the filing is sent to (may be a nearer court than the competent one: 跨域立案).
    pub court_code: String,
    /// The competent court under the jurisdiction rules, as the filer identified it.
    pub competent_court_code: String,
    /// Property preservation asked for, in yuan as typed.
    pub preservation_amount: String,
    /// Whether the filer knows of property of the defendant (enforcement risk).
    pub defendant_assets_known: bool,
    /// Consent to try pre-litigation mediation first.
    pub mediation_consent: bool,
    /// 协议管辖 (民事诉讼法第三十五条): the jurisdiction clause of the contract, quoted.
    pub agreed_clause: String,
    /// The court the clause names, as a court code.
    pub agreed_court_code: String,
    /// What ties that court to the dispute (`defendant_domicile`, `plaintiff_domicile`, `contract_performance`,
    /// `contract_signing`, `subject_matter`).
    pub agreed_connection: String,
    /// Where the contract was signed or the subject matter is, when the connection is one of those.
    pub agreed_place: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PartyDraft {
    /// `plaintiff`, `defendant` or `third_party`.
    pub role: String,
    /// `natural` (自然人), `legal` (法人) or `other` (非法人组织).
    pub kind: String,
    pub name: String,
    pub id_number: String,
    pub uscc: String,
    /// The filer confirmed a credit code whose GB 32100 check character does not match (some early real codes fail
    /// it), so it is accepted as typed.
    pub uscc_confirmed: bool,
    pub mobile: String,
    /// 送达地址.
    pub address: String,
    /// 送达地址确认: the party (or the filer for them) confirms documents may be served there.
    pub address_confirmed: bool,
    pub agent_name: String,
    pub agent_licence: String,
    /// A power of attorney is among the evidence.
    pub agent_authorised: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimDraft {
    pub text: String,
    /// Yuan as typed; empty for a claim without an amount.
    pub amount: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvidenceDraft {
    pub name: String,
    /// The filer holds the original (不提供原始证据 is a listed risk).
    pub original: bool,
    /// An uploaded file, if any.
    pub file_id: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    Plaintiff,
    Defendant,
    ThirdParty,
}

impl PartyRole {
    pub fn from_code(s: &str) -> Option<PartyRole> {
        match s {
            "plaintiff" => Some(PartyRole::Plaintiff),
            "defendant" => Some(PartyRole::Defendant),
            "third_party" => Some(PartyRole::ThirdParty),
            _ => None,
        }
    }
}

/// Parses yuan as people type it (`12,000`, `12000.5`, `１２０００元`) into integer fen.
pub fn parse_yuan(raw: &str) -> Result<i64, FieldError> {
    let trimmed = raw.trim().trim_end_matches('元').trim_end();
    // "5万" and "5.5万元" are how people write sums: ten thousand yuan each.
    let (trimmed, wan) = match trimmed.strip_suffix('万') {
        Some(rest) => (rest, true),
        None => (trimmed, false),
    };
    let s: String = trimmed
        .chars()
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
        .map(|c| {
            if ('０'..='９').contains(&c) {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            } else {
                c
            }
        })
        .map(|c| if c == '．' { '.' } else { c })
        .collect();
    if s.is_empty() {
        return Err(if wan {
            FieldError::AmountFormat
        } else {
            FieldError::Required
        });
    }
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    if wan {
        // 万 moves the point four places: at most six decimals keep whole fen.
        if int.is_empty()
            || !int.bytes().all(|b| b.is_ascii_digit())
            || frac.len() > 6
            || !frac.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(FieldError::AmountFormat);
        }
        if int.len() > 9 {
            return Err(FieldError::AmountTooLarge);
        }
        let whole: i64 = int.parse().map_err(|_| FieldError::AmountFormat)?;
        let part: i64 = format!("{frac:0<6}")
            .parse()
            .map_err(|_| FieldError::AmountFormat)?;
        let total = whole * 1_000_000 + part;
        if total > MAX_AMOUNT_FEN {
            return Err(FieldError::AmountTooLarge);
        }
        return Ok(total);
    }
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || frac.len() > 2
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(FieldError::AmountFormat);
    }
    if int.len() > 13 {
        return Err(FieldError::AmountTooLarge);
    }
    let yuan: i64 = int.parse().map_err(|_| FieldError::AmountFormat)?;
    let fen: i64 = format!("{frac:0<2}")
        .parse()
        .map_err(|_| FieldError::AmountFormat)?;
    let total = yuan * 100 + fen;
    if total > MAX_AMOUNT_FEN {
        return Err(FieldError::AmountTooLarge);
    }
    Ok(total)
}

/// A date as people write it: `2025-07-01`, `2025/7/1`, `2025.7.1`, `20250701`, `2025年7月1日` (full-width digits
/// too); `None` if it is none of them or no such day.
pub fn parse_date(raw: &str) -> Option<Date> {
    let s: String = raw
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '－' | '／' | '．' | '。' => '-',
            _ => c,
        })
        .collect();
    let s = s.trim_end_matches('日').trim_end_matches('号');
    let (y, m, d): (&str, &str, &str) = if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        (&s[..4], &s[4..6], &s[6..])
    } else {
        let mut parts = s.splitn(3, ['-', '/', '.', '年', '月']);
        (parts.next()?, parts.next()?, parts.next()?)
    };
    let num = |v: &str| -> Option<u32> {
        let v = v.trim();
        (!v.is_empty() && v.len() <= 4 && v.bytes().all(|b| b.is_ascii_digit()))
            .then(|| v.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(y)?, num(m)?, num(d)?);
    Date::new(
        i32::try_from(y).ok()?,
        u8::try_from(m).ok()?,
        u8::try_from(d).ok()?,
    )
    .filter(|d| d.year >= 1900)
}

/// A date (see [`parse_date`]), not after today.
pub fn parse_past_date(raw: &str, today: Date) -> Result<Date, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::Required);
    }
    let date = parse_date(raw).ok_or(FieldError::DateFormat)?;
    if date > today {
        return Err(FieldError::DateInFuture);
    }
    Ok(date)
}

/// A filing that passed every rule.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidFiling {
    pub cause: &'static Cause,
    pub claims_total_fen: i64,
    pub preservation_fen: Option<i64>,
    pub known_on: Option<Date>,
    pub last_instalment_due: Option<Date>,
}

/// An identity that says two parties are the same person or organisation.
fn identity(p: &PartyDraft) -> Option<String> {
    let id = p.id_number.trim().to_ascii_uppercase();
    let code = p.uscc.trim().to_ascii_uppercase();
    if !id.is_empty() {
        Some(format!("id:{id}"))
    } else if !code.is_empty() {
        Some(format!("org:{code}"))
    } else if !p.name.trim().is_empty() {
        Some(format!("name:{}:{}", p.kind, p.name.trim()))
    } else {
        None
    }
}

/// The claims' total in fen (claims without a valid amount count as nothing), for live fee quotes on a draft.
pub fn claims_total(draft: &FilingDraft) -> i64 {
    draft
        .claims
        .iter()
        .filter_map(|c| parse_yuan(&c.amount).ok())
        .sum()
}

/// A typical small loan claim (张三 v 李四, 100,000 yuan, at 吉0202): the workload of the benchmarks, native and Wasm.
pub fn sample_loan_claim() -> FilingDraft {
    let person = |role: &str, name: &str, id: &str| PartyDraft {
        role: role.into(),
        kind: "natural".into(),
        name: name.into(),
        id_number: id.into(),
        address: "吉林市昌邑区".into(),
        ..Default::default()
    };
    FilingDraft {
        cause: "private_loan".into(),
        parties: vec![
            person("plaintiff", "张三", "220202199001011234"),
            person("defendant", "李四", ""),
        ],
        claims: vec![ClaimDraft {
            text: "偿还借款".into(),
            amount: "100000".into(),
        }],
        facts: "借款未还".into(),
        known_on: "2024-03-15".into(),
        evidence: vec![EvidenceDraft {
            name: "借条".into(),
            original: false,
            file_id: None,
        }],
        court_code: "吉0202".into(),
        competent_court_code: "吉0202".into(),
        ..Default::default()
    }
}

/// Every rule a filing must pass before it is submitted: all problems at once, keyed `parties.0.id_number` etc.
pub fn validate(draft: &FilingDraft, today: Date) -> Result<ValidFiling, FieldErrors> {
    let mut e = FieldErrors::default();
    let cause = match cause(draft.cause.trim()) {
        Some(c) => Some(c),
        None => {
            e.push(
                "cause",
                if draft.cause.trim().is_empty() {
                    FieldError::Required
                } else {
                    FieldError::UnknownChoice
                },
            );
            None
        }
    };

    let mut plaintiffs = 0;
    let mut defendants = 0;
    for (i, p) in draft.parties.iter().enumerate() {
        let f = |name: &str| format!("parties.{i}.{name}");
        let role = PartyRole::from_code(&p.role);
        match role {
            Some(PartyRole::Plaintiff) => plaintiffs += 1,
            Some(PartyRole::Defendant) => defendants += 1,
            Some(PartyRole::ThirdParty) => {}
            None => e.push(&f("role"), FieldError::UnknownChoice),
        }
        let organisation = match p.kind.as_str() {
            "natural" => false,
            "legal" | "other" => true,
            _ => {
                e.push(&f("kind"), FieldError::UnknownChoice);
                false
            }
        };
        e.check(
            &f("name"),
            crate::registration::parse_name(&p.name, organisation),
        );
        if organisation {
            if !p.uscc.trim().is_empty() || role == Some(PartyRole::Plaintiff) {
                // A failed check character is a warning: the filer may confirm the code as typed.
                e.check(
                    &f("uscc"),
                    Uscc::parse_confirmed(&p.uscc, p.uscc_confirmed).map(|_| ()),
                );
            }
        } else if !p.id_number.trim().is_empty() || role == Some(PartyRole::Plaintiff) {
            e.check(
                &f("id_number"),
                ResidentId::parse(&p.id_number, today).map(|_| ()),
            );
        }
        if !p.mobile.trim().is_empty() {
            e.check(&f("mobile"), Mobile::parse(&p.mobile).map(|_| ()));
        }
        if p.address.trim().is_empty() && role != Some(PartyRole::ThirdParty) {
            e.push(&f("address"), FieldError::NeedAddress);
        }
        if !p.agent_licence.trim().is_empty() {
            e.check(
                &f("agent_licence"),
                crate::LawyerLicence::parse(&p.agent_licence).map(|_| ()),
            );
        }
    }
    if plaintiffs == 0 {
        e.push("parties", FieldError::NeedPlaintiff);
    }
    if defendants == 0 {
        e.push("parties", FieldError::NeedDefendant);
    }
    let sides = |role: &str| {
        draft
            .parties
            .iter()
            .filter(|p| p.role == role)
            .filter_map(identity)
            .collect::<Vec<_>>()
    };
    let (plaintiff_ids, defendant_ids) = (sides("plaintiff"), sides("defendant"));
    if plaintiff_ids.iter().any(|id| defendant_ids.contains(id)) {
        e.push("parties", FieldError::SuesItself);
    }

    let mut total: i64 = 0;
    if draft.claims.is_empty() {
        e.push("claims", FieldError::NeedClaim);
    }
    for (i, c) in draft.claims.iter().enumerate() {
        if c.text.trim().is_empty() {
            e.push(&format!("claims.{i}.text"), FieldError::Required);
        }
        if !c.amount.trim().is_empty() {
            if let Some(fen) = e.check(&format!("claims.{i}.amount"), parse_yuan(&c.amount)) {
                total = total.saturating_add(fen);
            }
        }
    }
    if total > MAX_AMOUNT_FEN {
        e.push("claims", FieldError::AmountTooLarge);
    }
    if !draft.agreed_interest_rate.trim().is_empty() {
        e.check(
            "agreed_interest_rate",
            crate::interest::parse_rate(&draft.agreed_interest_rate),
        );
    }
    if let Some(c) = cause {
        let needs_amount = matches!(c.fee, FeeCategory::Property | FeeCategory::PaymentOrder);
        if needs_amount
            && total == 0
            && !draft.claims.is_empty()
            && e.0.iter().all(|(f, _)| !f.starts_with("claims"))
        {
            e.push("claims.0.amount", FieldError::NeedAmount);
        }
    }
    if draft.facts.trim().is_empty() {
        e.push("facts", FieldError::Required);
    }
    let known_on = if draft.known_on.trim().is_empty() {
        None
    } else {
        e.check("known_on", parse_past_date(&draft.known_on, today))
    };
    let last_instalment_due = if draft.last_instalment_due.trim().is_empty() {
        None
    } else {
        // An instalment may fall due in the future: only the format is checked.
        e.check(
            "last_instalment_due",
            parse_past_date(
                &draft.last_instalment_due,
                Date::new(9999, 12, 31).unwrap_or(today),
            ),
        )
    };
    if !draft.interrupted_on.trim().is_empty() {
        if let Some(d) = e.check(
            "interrupted_on",
            parse_past_date(&draft.interrupted_on, today),
        ) {
            if known_on.is_some_and(|k| d < k) {
                e.push("interrupted_on", FieldError::BeforeKnownOn);
            }
        }
    }
    let preservation_fen = if draft.preservation_amount.trim().is_empty() {
        None
    } else {
        e.check(
            "preservation_amount",
            parse_yuan(&draft.preservation_amount),
        )
    };
    if draft.court_code.trim().is_empty() {
        e.push("court_code", FieldError::Required);
    }
    match cause {
        Some(cause) if e.is_empty() => Ok(ValidFiling {
            cause,
            claims_total_fen: total,
            preservation_fen,
            known_on,
            last_instalment_due,
        }),
        _ => Err(e),
    }
}

/// The fee request a draft makes (see [`crate::catalogue::Cause::fee_request`]); `None` without a known cause.
pub fn fee_request(
    draft: &FilingDraft,
    table: &crate::fees::FeeTable,
) -> Option<crate::fees::FeeRequest> {
    let cause = crate::catalogue::cause(&draft.cause)?;
    Some(cause.fee_request(
        claims_total(draft),
        parse_yuan(&draft.preservation_amount).ok(),
        table,
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    pub fn loan_draft() -> FilingDraft {
        FilingDraft {
            cause: "private_loan".into(),
            parties: vec![
                PartyDraft {
                    role: "plaintiff".into(),
                    kind: "natural".into(),
                    name: "张三".into(),
                    id_number: "220202199001011234".into(),
                    mobile: "13900000001".into(),
                    address: "吉林市昌邑区解放北路1号".into(),
                    address_confirmed: true,
                    ..Default::default()
                },
                PartyDraft {
                    role: "defendant".into(),
                    kind: "natural".into(),
                    name: "李四".into(),
                    address: "吉林市丰满区吉林大街2号".into(),
                    ..Default::default()
                },
            ],
            claims: vec![ClaimDraft {
                text: "判令被告偿还借款本金".into(),
                amount: "100,000".into(),
            }],
            facts: "2023年3月被告向原告借款10万元，约定一年后归还，至今未还。".into(),
            known_on: "2024-03-15".into(),
            evidence: vec![EvidenceDraft {
                name: "借条".into(),
                original: true,
                file_id: None,
            }],
            court_code: "吉0211".into(),
            competent_court_code: "吉0211".into(),
            ..Default::default()
        }
    }

    #[test]
    fn amounts_in_yuan_become_fen() {
        assert_eq!(parse_yuan("12000"), Ok(1_200_000));
        assert_eq!(parse_yuan("12,000.5元"), Ok(1_200_050));
        assert_eq!(parse_yuan("１２０００．０１"), Ok(1_200_001));
        assert_eq!(parse_yuan("-5"), Err(FieldError::AmountFormat));
        assert_eq!(parse_yuan("1.234"), Err(FieldError::AmountFormat));
        assert_eq!(parse_yuan("abc"), Err(FieldError::AmountFormat));
        assert_eq!(
            parse_yuan("99999999999999"),
            Err(FieldError::AmountTooLarge)
        );
        assert_eq!(parse_yuan(""), Err(FieldError::Required));
    }

    #[test]
    fn dates_are_checked() {
        assert_eq!(
            parse_past_date("2024-02-29", today()),
            Ok(Date::new(2024, 2, 29).unwrap())
        );
        assert_eq!(
            parse_past_date("2023-02-29", today()),
            Err(FieldError::DateFormat)
        );
        assert_eq!(
            parse_past_date("2026-11-24", today()),
            Err(FieldError::DateInFuture)
        );
    }

    #[test]
    fn a_complete_loan_filing_passes() {
        let v = validate(&loan_draft(), today()).unwrap();
        assert_eq!(v.claims_total_fen, 10_000_000);
        assert_eq!(v.cause.name, "民间借贷纠纷");
    }

    #[test]
    fn every_problem_is_reported_under_its_field() {
        let mut d = loan_draft();
        d.parties[0].id_number = "220202199001011235".into();
        d.parties[1].address.clear();
        d.claims[0].amount = "十万".into();
        d.facts.clear();
        d.known_on = "2027-01-01".into();
        let e = validate(&d, today()).unwrap_err();
        assert_eq!(
            e.get("parties.0.id_number"),
            Some(FieldError::ResidentIdCheckDigit)
        );
        assert_eq!(e.get("parties.1.address"), Some(FieldError::NeedAddress));
        assert_eq!(e.get("claims.0.amount"), Some(FieldError::AmountFormat));
        assert_eq!(e.get("facts"), Some(FieldError::Required));
        assert_eq!(e.get("known_on"), Some(FieldError::DateInFuture));
    }

    #[test]
    fn both_sides_are_needed_and_nobody_sues_themselves() {
        let mut d = loan_draft();
        d.parties.truncate(1);
        assert_eq!(
            validate(&d, today()).unwrap_err().get("parties"),
            Some(FieldError::NeedDefendant)
        );
        let mut d = loan_draft();
        d.parties[1].id_number = d.parties[0].id_number.clone();
        assert_eq!(
            validate(&d, today()).unwrap_err().get("parties"),
            Some(FieldError::SuesItself)
        );
        let mut d = loan_draft();
        d.parties.clear();
        let e = validate(&d, today()).unwrap_err();
        assert!(e.0.contains(&("parties".into(), FieldError::NeedPlaintiff)));
        assert!(e.0.contains(&("parties".into(), FieldError::NeedDefendant)));
    }

    #[test]
    fn an_agreed_rate_is_optional_but_must_be_a_percentage() {
        let mut d = loan_draft();
        d.agreed_interest_rate = "24%".into();
        assert!(validate(&d, today()).is_ok());
        d.agreed_interest_rate = "两分".into();
        assert_eq!(
            validate(&d, today())
                .unwrap_err()
                .get("agreed_interest_rate"),
            Some(FieldError::RateFormat)
        );
        // A draft saved before the field existed still reads.
        let old: FilingDraft = serde_json::from_str(
            r#"{"cause":"private_loan","claims":[{"text":"还款","amount":"1"}]}"#,
        )
        .unwrap();
        assert_eq!(old.agreed_interest_rate, "");
    }

    #[test]
    fn property_cases_need_an_amount_but_divorce_does_not() {
        let mut d = loan_draft();
        d.claims[0].amount.clear();
        assert_eq!(
            validate(&d, today()).unwrap_err().get("claims.0.amount"),
            Some(FieldError::NeedAmount)
        );
        d.cause = "divorce".into();
        assert!(validate(&d, today()).is_ok());
    }

    #[test]
    fn a_credit_code_failing_its_check_character_passes_only_once_confirmed() {
        let mut d = loan_draft();
        d.parties[1].kind = "legal".into();
        d.parties[1].name = "吉林市某建材有限公司".into();
        // The demo enterprise's code with its check character changed.
        d.parties[1].uscc = "91220200MA0Y000018".into();
        assert_eq!(
            validate(&d, today()).unwrap_err().get("parties.1.uscc"),
            Some(FieldError::UsccCheckChar)
        );
        d.parties[1].uscc_confirmed = true;
        assert!(validate(&d, today()).is_ok());
        // Confirmation never makes a malformed code acceptable.
        d.parties[1].uscc = "91220200MA0Y00001".into();
        assert_eq!(
            validate(&d, today()).unwrap_err().get("parties.1.uscc"),
            Some(FieldError::UsccFormat)
        );
    }

    #[test]
    fn dates_are_read_as_people_write_them() {
        let want = Date::new(2025, 7, 1);
        for raw in [
            "2025-07-01",
            "2025/7/1",
            "2025.7.1",
            "20250701",
            "2025年7月1日",
            "２０２５年７月１日",
            " 2025-7-1 ",
        ] {
            assert_eq!(super::parse_date(raw), want, "{raw}");
        }
        for raw in [
            "2025-13-01",
            "2025-02-30",
            "7/1/2025",
            "2025",
            "二〇二五年七月一日",
            "1899-01-01",
            "2025-07-01x",
        ] {
            assert_eq!(super::parse_date(raw), None, "{raw}");
        }
    }

    #[test]
    fn amounts_with_wan_are_ten_thousands_never_zero() {
        assert_eq!(parse_yuan("5万"), Ok(5_000_000));
        assert_eq!(parse_yuan("5万元"), Ok(5_000_000));
        assert_eq!(parse_yuan("5.5万"), Ok(5_500_000));
        assert_eq!(parse_yuan("50,000"), Ok(5_000_000));
        assert_eq!(parse_yuan("５００００"), Ok(5_000_000));
        assert_eq!(parse_yuan("万"), Err(FieldError::AmountFormat));
        assert_eq!(parse_yuan("五万"), Err(FieldError::AmountFormat));
        assert_eq!(parse_yuan("1.0000001万"), Err(FieldError::AmountFormat));
    }

    #[test]
    fn an_interruption_must_follow_the_day_the_harm_was_known() {
        let mut d = loan_draft();
        d.interrupted_on = "2024-01-01".into();
        assert_eq!(
            validate(&d, today()).unwrap_err().get("interrupted_on"),
            Some(FieldError::BeforeKnownOn)
        );
        d.interrupted_on = "2025年3月1日".into();
        assert!(validate(&d, today()).is_ok());
    }
}
