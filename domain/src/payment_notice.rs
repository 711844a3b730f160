//! 交费通知书: what the filer is told to pay after registration, line by line with its article, into which of the
//! court's accounts, and under which payment reference (《诉讼费用交纳办法》 Arts. 20–22).
//!
//! The court fee accounts are configuration (one province's courts, [`CourtAccounts`]), checked before the server
//! starts: a notice with a wrong account number is worse than none.

use crate::fees::{FeePart, FeeQuote, PayWhen};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// When one line of the notice is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum LineDue {
    /// Within seven days of the day after the notice is received (Art. 22): part of the total due.
    WithinSevenDays,
    /// With the preservation application (Art. 14(2)), not part of the seven-day total.
    WithPreservationApplication,
    /// After enforcement, not in advance (Art. 20(2)).
    AfterEnforcement,
    /// Not prepaid: a claim for unpaid wages (Art. 20(1)); the judgment decides who bears it.
    NotPrepaid,
    /// Nothing to pay (Art. 8).
    Free,
}

/// One line of the payment notice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NoticeLine {
    pub item: String,
    /// Negative for a reduction (the halving of Art. 16).
    pub amount_fen: i64,
    /// The article the amount comes from.
    pub basis: String,
    pub due: LineDue,
}

/// The notice's lines from the filing's fee quote. `notified_due_fen` is what the filing stored at submission and
/// the court notified; a quote that no longer gives that amount (the province's fee table changed since, or no
/// quote at all) is not shown line by line — the notified amount is, as one line, beside the preservation fee.
pub fn notice_lines(quote: Option<&FeeQuote>, notified_due_fen: i64) -> Vec<NoticeLine> {
    let acceptance_due = |q: &FeeQuote| match q.pay_when {
        PayWhen::Prepaid => LineDue::WithinSevenDays,
        PayWhen::AfterEnforcement => LineDue::AfterEnforcement,
        PayWhen::NotPrepaidWages => LineDue::NotPrepaid,
        PayWhen::Free => LineDue::Free,
    };
    let line = |l: &crate::fees::FeeLine, due: LineDue| NoticeLine {
        item: l.item.clone(),
        amount_fen: l.amount_fen,
        basis: l.basis.clone(),
        due,
    };
    match quote {
        Some(q) if q.due_on_filing_fen == notified_due_fen => q
            .lines
            .iter()
            .map(|l| match l.part {
                FeePart::Acceptance => line(l, acceptance_due(q)),
                FeePart::Preservation => line(l, LineDue::WithPreservationApplication),
            })
            .collect(),
        other => {
            let mut lines = vec![NoticeLine {
                item: "案件受理费（按提交时的收费标准）".into(),
                amount_fen: notified_due_fen,
                basis: "《诉讼费用交纳办法》第二十条、第二十二条".into(),
                due: if notified_due_fen > 0 {
                    LineDue::WithinSevenDays
                } else {
                    LineDue::Free
                },
            }];
            lines.extend(other.into_iter().flat_map(|q| {
                q.lines
                    .iter()
                    .filter(|l| l.part == FeePart::Preservation)
                    .map(|l| line(l, LineDue::WithPreservationApplication))
            }));
            lines
        }
    }
}

/// A payment reference (交费识别码): the court's code in digits, the receipt number, and a check character (ISO/IEC
/// 7064 MOD 37,36), so that a reference mistyped in a transfer's remarks — one character wrong, or two neighbours
/// swapped — is caught instead of crediting another case. Stable: the same filing always gives the same reference.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PaymentReference(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferenceError {
    /// Not 0–9 and A–Z, or too short to be a reference.
    Malformed,
    /// The check character does not match: a character was mistyped.
    CheckFailed,
}

/// The province-level division codes (GB/T 2260) of the court-code abbreviations (法院代字 begins with one);
/// 兵 — the Production and Construction Corps' courts — has none of its own and takes 66.
const PROVINCES: &[(char, &str)] = &[
    ('京', "11"),
    ('津', "12"),
    ('冀', "13"),
    ('晋', "14"),
    ('蒙', "15"),
    ('辽', "21"),
    ('吉', "22"),
    ('黑', "23"),
    ('沪', "31"),
    ('苏', "32"),
    ('浙', "33"),
    ('皖', "34"),
    ('闽', "35"),
    ('赣', "36"),
    ('鲁', "37"),
    ('豫', "41"),
    ('鄂', "42"),
    ('湘', "43"),
    ('粤', "44"),
    ('桂', "45"),
    ('琼', "46"),
    ('渝', "50"),
    ('川', "51"),
    ('黔', "52"),
    ('云', "53"),
    ('藏', "54"),
    ('陕', "61"),
    ('甘', "62"),
    ('青', "63"),
    ('宁', "64"),
    ('新', "65"),
    ('兵', "66"),
];

/// A court code (吉0202, 吉02, 吉) as six digits: the province's two, then the court's, padded (220202, 220200,
/// 220000). `None` for a code that is not a province abbreviation followed by up to four digits.
pub fn court_digits(court_code: &str) -> Option<String> {
    let mut chars = court_code.trim().chars();
    let first = chars.next()?;
    let province = PROVINCES.iter().find(|(c, _)| *c == first)?.1;
    let rest = chars.as_str();
    if rest.len() > 4 || !rest.bytes().all(|b| b.is_ascii_digit()) || !rest.len().is_multiple_of(2)
    {
        return None;
    }
    Some(format!("{province}{rest:0<4}"))
}

/// The check character of ISO/IEC 7064 MOD 37,36 (the hybrid system over 0–9, A–Z): it detects every single
/// substitution and every swap of two neighbouring characters.
fn check_char(body: &str) -> Option<char> {
    const M: u32 = 36;
    let mut p = M;
    for c in body.chars() {
        let v = c.to_digit(36)?;
        let s = match (p + v) % M {
            0 => M,
            s => s,
        };
        p = (s * 2) % (M + 1);
    }
    std::char::from_digit((M + 1 - p) % M, 36).map(|c| c.to_ascii_uppercase())
}

impl PaymentReference {
    /// The reference of a filing at `court_code` with `receipt_no` (`SL20261123A1B2C3D4`): `None` when the court code
    /// has no digits form or the receipt is not letters and digits.
    pub fn new(court_code: &str, receipt_no: &str) -> Option<PaymentReference> {
        let receipt = receipt_no.trim().to_ascii_uppercase();
        let receipt = receipt.strip_prefix("SL").unwrap_or(&receipt);
        if receipt.is_empty() || !receipt.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return None;
        }
        let body = format!("{}{receipt}", court_digits(court_code)?);
        let check = check_char(&body)?;
        Some(PaymentReference(format!("{body}{check}")))
    }

    /// A reference as typed: spaces and hyphens ignored, any case; refused unless its check character matches.
    pub fn parse(typed: &str) -> Result<PaymentReference, ReferenceError> {
        let s: String = typed
            .chars()
            .filter(|c| !matches!(c, ' ' | '-'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if s.len() < 8 || !s.bytes().all(|b| b.is_ascii_alphanumeric()) {
            return Err(ReferenceError::Malformed);
        }
        let (body, check) = s.split_at(s.len() - 1);
        match check_char(body) {
            Some(c) if check.starts_with(c) => Ok(PaymentReference(s)),
            _ => Err(ReferenceError::CheckFailed),
        }
    }

    /// The reference as one word, for a transfer's remarks and the online payment address.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// In groups, for reading and typing: court, receipt, check character (`220202 20261123A1B2C3D4 K`).
    pub fn grouped(&self) -> String {
        let s = &self.0;
        format!("{} {} {}", &s[..6], &s[6..s.len() - 1], &s[s.len() - 1..])
    }
}

impl std::fmt::Display for PaymentReference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The account a court's fees are paid into (诉讼费收费账户).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeeAccount {
    /// 开户银行
    pub bank: String,
    /// 户名
    pub account_name: String,
    /// 账号
    pub account_number: String,
}

/// What an online payment address template holds where the payment reference goes.
pub const REFERENCE_PLACEHOLDER: &str = "{reference}";

/// The courts' fee accounts of one deployment (`PORTAL_COURT_ACCOUNTS`), and the province's online payment
/// address, if it has one. Unknown fields are refused, so a misspelt one stops start-up instead of vanishing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourtAccounts {
    /// Names the file in the log (e.g. `jilin-2026`).
    pub version: String,
    /// Example accounts (the demo courts'): the notice says so, and nobody should transfer money to them.
    #[serde(default)]
    pub demo: bool,
    /// The province's online payment address, with `{reference}` where the payment reference goes
    /// (`https://pay.example/court?ref={reference}`).
    #[serde(default)]
    pub online_payment_url: Option<String>,
    /// Court code (吉0202) → its fee account.
    pub courts: BTreeMap<String, FeeAccount>,
}

/// One field: present, not too long, no control characters.
fn text_problem(what: &str, value: &str, max_chars: usize) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        Some(format!("{what} is empty"))
    } else if v.chars().count() > max_chars {
        Some(format!("{what} is longer than {max_chars} characters"))
    } else if v.chars().any(char::is_control) {
        Some(format!("{what} holds a control character"))
    } else {
        None
    }
}

impl CourtAccounts {
    /// The problems that make the file unusable, each naming the court and the field; none, `Ok`.
    pub fn check(&self) -> Result<(), Vec<String>> {
        let mut problems = Vec::new();
        if self.version.trim().is_empty() {
            problems.push("version must name the file".to_string());
        }
        if self.courts.is_empty() {
            problems.push("courts is empty: give at least one court's fee account".to_string());
        }
        for (code, a) in &self.courts {
            if court_digits(code).is_none() {
                problems.push(format!(
                    "{code:?} is not a court code (a province abbreviation and up to four digits, e.g. 吉0202)"
                ));
            }
            problems.extend(text_problem(&format!("{code}: bank"), &a.bank, 100));
            problems.extend(text_problem(
                &format!("{code}: account_name"),
                &a.account_name,
                100,
            ));
            let digits = a
                .account_number
                .chars()
                .filter(|c| !matches!(c, ' ' | '-'))
                .collect::<String>();
            if !(8..=32).contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
                problems.push(format!(
                    "{code}: account_number {:?} must be 8 to 32 digits (spaces and hyphens allowed)",
                    a.account_number
                ));
            }
        }
        if let Some(url) = &self.online_payment_url {
            if let Err(p) = check_url_template(url) {
                problems.push(format!("online_payment_url {url:?}: {p}"));
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(problems)
        }
    }

    pub fn account(&self, court_code: &str) -> Option<&FeeAccount> {
        self.courts.get(court_code.trim())
    }
}

/// An online payment address template: https, a host, `{reference}` exactly once, nothing that would break out of
/// an attribute or a line.
fn check_url_template(url: &str) -> Result<(), &'static str> {
    let rest = url
        .strip_prefix("https://")
        .ok_or("must start with https://")?;
    if url.len() > 500 {
        return Err("is longer than 500 characters");
    }
    if url.matches(REFERENCE_PLACEHOLDER).count() != 1 {
        return Err("must hold {reference} exactly once");
    }
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '\\'))
    {
        return Err("holds a space, quote, angle bracket or backslash");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains(REFERENCE_PLACEHOLDER) {
        return Err("must name a host before the reference");
    }
    Ok(())
}

/// The online payment address for a reference: the template with the reference in its place (letters and digits
/// only, nothing to escape).
pub fn payment_url(template: &str, reference: &PaymentReference) -> String {
    template.replacen(REFERENCE_PLACEHOLDER, reference.as_str(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fees::{quote, FeeTable};

    #[test]
    fn court_codes_become_six_digits() {
        assert_eq!(court_digits("吉0202").as_deref(), Some("220202"));
        assert_eq!(court_digits("吉02").as_deref(), Some("220200"));
        assert_eq!(court_digits("吉7601").as_deref(), Some("227601"));
        assert_eq!(court_digits("蒙0502").as_deref(), Some("150502"));
        assert_eq!(court_digits("宁02").as_deref(), Some("640200"));
        assert_eq!(court_digits("吉").as_deref(), Some("220000"));
        for bad in ["", "X0202", "吉020", "吉020202", "吉02a2", "0202"] {
            assert_eq!(court_digits(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_reference_is_stable_and_its_check_character_catches_a_typing_error() {
        let r = PaymentReference::new("吉0202", "SL20261123A1B2C3D4").unwrap();
        assert_eq!(
            r,
            PaymentReference::new("吉0202", "sl20261123a1b2c3d4").unwrap(),
            "the same filing, the same reference"
        );
        assert!(r.as_str().starts_with("22020220261123A1B2C3D4"));
        assert_eq!(r.as_str().len(), 6 + 16 + 1);
        assert_eq!(PaymentReference::parse(r.as_str()), Ok(r.clone()));
        assert_eq!(
            PaymentReference::parse(&r.grouped().to_lowercase()),
            Ok(r.clone()),
            "typed in groups, any case"
        );
        assert_ne!(
            PaymentReference::new("吉0203", "SL20261123A1B2C3D4").unwrap(),
            r,
            "another court, another reference"
        );
        // Every single character replaced by any other: caught.
        let alphabet: Vec<char> = ('0'..='9').chain('A'..='Z').collect();
        let chars: Vec<char> = r.as_str().chars().collect();
        for i in 0..chars.len() {
            for &c in alphabet.iter().filter(|&&c| c != chars[i]) {
                let mut typed = chars.clone();
                typed[i] = c;
                let typed: String = typed.into_iter().collect();
                assert_eq!(
                    PaymentReference::parse(&typed),
                    Err(ReferenceError::CheckFailed),
                    "{typed}"
                );
            }
        }
        // Every swap of two different neighbours: caught.
        for i in 0..chars.len() - 1 {
            if chars[i] != chars[i + 1] {
                let mut typed = chars.clone();
                typed.swap(i, i + 1);
                let typed: String = typed.into_iter().collect();
                assert!(PaymentReference::parse(&typed).is_err(), "{typed}");
            }
        }
        assert_eq!(
            PaymentReference::parse("2202"),
            Err(ReferenceError::Malformed)
        );
        assert_eq!(
            PaymentReference::parse("220202#0261123A1B2C3D4K"),
            Err(ReferenceError::Malformed)
        );
        assert_eq!(PaymentReference::new("法院", "SL1"), None);
        assert_eq!(PaymentReference::new("吉0202", "SL 1"), None);
    }

    #[test]
    fn iso_7064_mod_37_36_check_characters() {
        // The Global Release Identifier's published example (A1-2425G-ABC1234002-M), which uses this system.
        assert_eq!(check_char("A12425GABC1234002"), Some('M'));
        // Worked by hand from the recurrence (P₀ = 36; S = (P + a) mod 36, 0 → 36; P = 2S mod 37).
        assert_eq!(check_char(""), Some('1'));
        assert_eq!(check_char("0"), Some('2'));
        assert_eq!(check_char("A"), Some('H'));
    }

    fn loan(preservation: Option<i64>, table: &FeeTable) -> FeeQuote {
        let loan = crate::catalogue::cause("private_loan").unwrap();
        quote(&loan.fee_request(5_000_000, preservation, table), table).unwrap()
    }

    #[test]
    fn the_seven_day_lines_add_up_to_the_notified_amount_and_preservation_stands_apart() {
        let t = FeeTable::JILIN;
        let q = loan(Some(5_000_000), &t);
        let lines = notice_lines(Some(&q), q.due_on_filing_fen);
        let due: i64 = lines
            .iter()
            .filter(|l| l.due == LineDue::WithinSevenDays)
            .map(|l| l.amount_fen)
            .sum();
        assert_eq!(due, 105_000, "1,050 yuan within seven days");
        let preservation: Vec<&NoticeLine> = lines
            .iter()
            .filter(|l| l.due == LineDue::WithPreservationApplication)
            .collect();
        assert_eq!(preservation.len(), 1);
        assert_eq!(preservation[0].amount_fen, 52_000);
        assert!(preservation[0].basis.contains("第十四条第（二）项"));
        assert!(lines[0].basis.contains("第十三条"));
    }

    #[test]
    fn art_16_the_halving_is_its_own_line_and_art_20_fees_have_no_prepayment() {
        let t = FeeTable {
            small_claims_limit_fen: Some(10_000_000),
            ..FeeTable::JILIN
        };
        let q = loan(None, &t);
        let lines = notice_lines(Some(&q), q.due_on_filing_fen);
        assert!(lines
            .iter()
            .any(|l| l.amount_fen < 0 && l.basis.contains("第十六条")));
        assert_eq!(
            lines.iter().map(|l| l.amount_fen).sum::<i64>(),
            q.due_on_filing_fen
        );
        let t = FeeTable::JILIN;
        let enforcement = crate::catalogue::cause("enforcement").unwrap();
        let q = quote(&enforcement.fee_request(10_000_000, None, &t), &t).unwrap();
        let lines = notice_lines(Some(&q), 0);
        assert!(lines.iter().all(|l| l.due == LineDue::AfterEnforcement));
        assert!(lines[0].amount_fen > 0, "the amount due later is shown");
        let wages = crate::catalogue::cause("labour_pay").unwrap();
        let q = quote(&wages.fee_request(3_000_000, None, &t), &t).unwrap();
        assert!(notice_lines(Some(&q), 0)
            .iter()
            .all(|l| l.due == LineDue::NotPrepaid));
    }

    #[test]
    fn a_quote_that_no_longer_gives_the_notified_amount_shows_the_notified_amount() {
        let q = loan(Some(5_000_000), &FeeTable::JILIN);
        let lines = notice_lines(Some(&q), 99_900);
        assert_eq!(lines[0].amount_fen, 99_900);
        assert_eq!(lines[0].due, LineDue::WithinSevenDays);
        assert_eq!(lines[1].due, LineDue::WithPreservationApplication);
        assert_eq!(lines.len(), 2);
        assert_eq!(notice_lines(None, 0)[0].due, LineDue::Free);
    }

    fn accounts(json: &str) -> Result<CourtAccounts, String> {
        let a: CourtAccounts = serde_json::from_str(json).map_err(|e| e.to_string())?;
        a.check().map_err(|p| p.join("; "))?;
        Ok(a)
    }

    #[test]
    fn court_accounts_are_checked_before_they_are_used() {
        let good = r#"{"version": "t", "online_payment_url": "https://pay.example/court?ref={reference}",
            "courts": {"吉0202": {"bank": "中国工商银行吉林市昌邑支行", "account_name": "吉林市昌邑区人民法院",
            "account_number": "0802 0000 1902 0000 123"}}}"#;
        let a = accounts(good).unwrap();
        assert_eq!(
            a.account("吉0202").unwrap().bank,
            "中国工商银行吉林市昌邑支行"
        );
        let r = PaymentReference::new("吉0202", "SL20261123A1B2C3D4").unwrap();
        assert_eq!(
            payment_url(a.online_payment_url.as_deref().unwrap(), &r),
            format!("https://pay.example/court?ref={r}")
        );
        let bad = |from: &str, to: &str, expect: &str| {
            let err = accounts(&good.replace(from, to)).unwrap_err();
            assert!(err.contains(expect), "{from} → {to}: {err}");
        };
        bad("0802 0000 1902 0000 123", "0802-abc", "account_number");
        bad("0802 0000 1902 0000 123", "123", "account_number");
        bad(
            "\"bank\": \"中国工商银行吉林市昌邑支行\"",
            "\"bank\": \" \"",
            "bank is empty",
        );
        bad("吉0202", "Court 1", "not a court code");
        bad("https://pay.example", "http://pay.example", "https://");
        bad("ref={reference}", "ref=", "{reference} exactly once");
        bad(
            "ref={reference}",
            "ref={reference}&again={reference}",
            "exactly once",
        );
        bad(
            "https://pay.example/court?ref={reference}",
            "https://{reference}/pay",
            "host",
        );
        bad("pay.example/court", "pay.example/co urt", "space");
        bad("\"account_name\"", "\"acount_name\"", "unknown field");
        bad("\"version\": \"t\"", "\"version\": \"\"", "version");
        assert!(accounts(r#"{"version": "t", "courts": {}}"#)
            .unwrap_err()
            .contains("at least one"));
        assert_eq!(
            accounts(&good.replace(
                "\"online_payment_url\": \"https://pay.example/court?ref={reference}\",",
                ""
            ))
            .unwrap()
            .online_payment_url,
            None,
            "the online address is optional"
        );
    }
}
