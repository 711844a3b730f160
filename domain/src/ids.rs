//! Identifiers people type into the portal, parsed into types that can only hold valid values.

use crate::{Date, FieldError};
use serde::{Deserialize, Serialize};

/// Province-level codes (GB/T 2260) that open a resident ID number; 83 is the residence permit of Taiwan residents
/// and 81/82 those of Hong Kong and Macao residents (2018 rules).
const PROVINCES: [u8; 35] = [
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52,
    53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83,
];

fn is_province(code: u8) -> bool {
    PROVINCES.contains(&code)
}

/// Normalises what people paste: surrounding blanks go, full-width digits and letters become ASCII, lower case
/// becomes upper.
fn normalise(raw: &str) -> String {
    raw.trim()
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => {
                char::from_u32(c as u32 - 0xFEE0).unwrap_or(c)
            }
            _ => c,
        })
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// 公民身份号码 — an 18-character resident identity number (GB 11643-1999).
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ResidentId(String);

impl std::fmt::Debug for ResidentId {
    /// Debug output is masked so that a stray `{:?}` can never write a full ID number to a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ResidentId({})", crate::mask::resident_id(&self.0))
    }
}

const ID_WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK: &[u8; 11] = b"10X98765432";

impl ResidentId {
    /// The check character (GB 11643-1999, ISO 7064 MOD 11-2) of the first 17 digits. `None` unless 17 digits.
    pub fn check_char(first17: &str) -> Option<char> {
        if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let sum: u32 = first17
            .bytes()
            .zip(ID_WEIGHTS)
            .map(|(b, w)| u32::from(b - b'0') * w)
            .sum();
        Some(ID_CHECK[(sum % 11) as usize] as char)
    }

    /// Parses and checks format, province, birth date and check digit. `today` rejects a birth date in the future.
    pub fn parse(raw: &str, today: Date) -> Result<ResidentId, FieldError> {
        let s = normalise(raw);
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        let b = s.as_bytes();
        if b.len() != 18
            || !b[..17].iter().all(u8::is_ascii_digit)
            || !(b[17].is_ascii_digit() || b[17] == b'X')
        {
            return Err(FieldError::ResidentIdFormat);
        }
        if !is_province((b[0] - b'0') * 10 + (b[1] - b'0')) {
            return Err(FieldError::ResidentIdRegion);
        }
        let birth = Self::birth_date_of(&s).ok_or(FieldError::ResidentIdBirthDate)?;
        if birth.year < 1900 {
            return Err(FieldError::ResidentIdBirthDate);
        }
        if Self::check_char(&s[..17]) != Some(b[17] as char) {
            return Err(FieldError::ResidentIdCheckDigit);
        }
        if birth > today {
            return Err(FieldError::ResidentIdFutureBirth);
        }
        Ok(ResidentId(s))
    }

    fn birth_date_of(s: &str) -> Option<Date> {
        let year = s.get(6..10)?.parse().ok()?;
        let month = s.get(10..12)?.parse().ok()?;
        let day = s.get(12..14)?.parse().ok()?;
        Date::new(year, month, day)
    }

    pub fn birth_date(&self) -> Date {
        Self::birth_date_of(&self.0).expect("checked at parse")
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn masked(&self) -> String {
        crate::mask::resident_id(&self.0)
    }
}

/// 统一社会信用代码 — the unified social credit code of an enterprise or other organisation (GB 32100-2015).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Uscc(String);

/// Whether the check character matched. Some codes issued early fail it yet are real, so a mismatch is a warning the
/// user may confirm, not a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum UsccCheck {
    Valid,
    CheckCharMismatch,
}

const USCC_ALPHABET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
const USCC_WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

fn uscc_value(c: u8) -> Option<u32> {
    USCC_ALPHABET.iter().position(|&a| a == c).map(|p| p as u32)
}

impl Uscc {
    /// The GB 32100 check character of the first 17 characters. `None` unless 17 characters of the alphabet.
    pub fn check_char(first17: &str) -> Option<char> {
        if first17.len() != 17 {
            return None;
        }
        let mut sum = 0;
        for (c, w) in first17.bytes().zip(USCC_WEIGHTS) {
            sum += uscc_value(c)? * w;
        }
        let check = (31 - sum % 31) % 31;
        Some(USCC_ALPHABET[check as usize] as char)
    }

    /// Parses the code; the second value says whether the check character matched.
    pub fn parse(raw: &str) -> Result<(Uscc, UsccCheck), FieldError> {
        let s = normalise(raw);
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        if s.len() != 18 || !s.bytes().all(|c| uscc_value(c).is_some()) {
            return Err(FieldError::UsccFormat);
        }
        // Second-to-ninth characters: the registering authority and the administrative division (digits).
        if !s.as_bytes()[2..8].iter().all(u8::is_ascii_digit) {
            return Err(FieldError::UsccFormat);
        }
        let check = if Self::check_char(&s[..17]) == Some(s.as_bytes()[17] as char) {
            UsccCheck::Valid
        } else {
            UsccCheck::CheckCharMismatch
        };
        Ok((Uscc(s), check))
    }

    /// Parses strictly: a check-character mismatch is an error unless the user has confirmed the code.
    pub fn parse_confirmed(raw: &str, confirmed: bool) -> Result<Uscc, FieldError> {
        match Self::parse(raw)? {
            (code, UsccCheck::Valid) => Ok(code),
            (code, UsccCheck::CheckCharMismatch) if confirmed => Ok(code),
            (_, UsccCheck::CheckCharMismatch) => Err(FieldError::UsccCheckChar),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A mainland mobile number: 11 digits, 1 then 3–9.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Mobile(String);

impl std::fmt::Debug for Mobile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Mobile({})", crate::mask::mobile(&self.0))
    }
}

impl Mobile {
    pub fn parse(raw: &str) -> Result<Mobile, FieldError> {
        let mut s = normalise(raw).replace('-', "");
        if let Some(rest) = s.strip_prefix("+86") {
            s = rest.to_string();
        }
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        let b = s.as_bytes();
        if b.len() != 11 || !b.iter().all(u8::is_ascii_digit) || b[0] != b'1' || b[1] < b'3' {
            return Err(FieldError::MobileFormat);
        }
        Ok(Mobile(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn masked(&self) -> String {
        crate::mask::mobile(&self.0)
    }
}

/// 律师执业证号 — a lawyer's 17-digit practising licence number. It carries no check digit, so only its shape and
/// its leading province code can be checked here; the bar's register is the authority on the rest.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct LawyerLicence(String);

impl LawyerLicence {
    pub fn parse(raw: &str) -> Result<LawyerLicence, FieldError> {
        let s = normalise(raw);
        if s.is_empty() {
            return Err(FieldError::Required);
        }
        let b = s.as_bytes();
        if b.len() != 17
            || !b.iter().all(u8::is_ascii_digit)
            || !is_province((b[0] - b'0') * 10 + (b[1] - b'0'))
        {
            return Err(FieldError::LawyerLicenceFormat);
        }
        Ok(LawyerLicence(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    #[test]
    fn resident_ids_from_the_standard_and_the_seed_region() {
        // The worked example of GB 11643-1999.
        assert!(ResidentId::parse("11010519491231002X", today()).is_ok());
        assert_eq!(ResidentId::check_char("11010519491231002"), Some('X'));
        // 吉林市昌邑区 (220202); full-width digits and a lower-case x are accepted.
        let first17 = "22020219900101123";
        let id = format!("{first17}{}", ResidentId::check_char(first17).unwrap());
        assert_eq!(ResidentId::parse(&id, today()).unwrap().as_str(), id);
        assert!(ResidentId::parse(" １１０１０５１９４９１２３１００２x ", today()).is_ok());
    }

    #[test]
    fn resident_id_errors_say_which_rule_failed() {
        let t = today();
        assert_eq!(ResidentId::parse("", t), Err(FieldError::Required));
        assert_eq!(
            ResidentId::parse("1101051949123100", t),
            Err(FieldError::ResidentIdFormat)
        );
        assert_eq!(
            ResidentId::parse("11010519491231002Y", t),
            Err(FieldError::ResidentIdFormat)
        );
        assert_eq!(
            ResidentId::parse("99010519491231002X", t),
            Err(FieldError::ResidentIdRegion)
        );
        assert_eq!(
            ResidentId::parse("110105194902300021", t),
            Err(FieldError::ResidentIdBirthDate)
        );
        assert_eq!(
            ResidentId::parse("110105194912310021", t),
            Err(FieldError::ResidentIdCheckDigit)
        );
        let future = "11010520301231002";
        let id = format!("{future}{}", ResidentId::check_char(future).unwrap());
        assert_eq!(
            ResidentId::parse(&id, t),
            Err(FieldError::ResidentIdFutureBirth)
        );
        // Leap day: 2000-02-29 exists, 1900-02-29 does not.
        let leap = "11010520000229002";
        let id = format!("{leap}{}", ResidentId::check_char(leap).unwrap());
        assert!(ResidentId::parse(&id, t).is_ok());
    }

    #[test]
    fn debug_output_is_masked() {
        let id = ResidentId::parse("11010519491231002X", today()).unwrap();
        assert_eq!(format!("{id:?}"), "ResidentId(110105********002X)");
    }

    #[test]
    fn uscc_known_codes() {
        // A widely published valid code.
        assert_eq!(
            Uscc::parse("91350100M000100Y43").unwrap().1,
            UsccCheck::Valid
        );
        assert_eq!(Uscc::check_char("91350100M000100Y4"), Some('3'));
        assert_eq!(
            Uscc::parse("91350100M000100Y44").unwrap().1,
            UsccCheck::CheckCharMismatch
        );
        assert_eq!(
            Uscc::parse_confirmed("91350100M000100Y44", false),
            Err(FieldError::UsccCheckChar)
        );
        assert!(Uscc::parse_confirmed("91350100M000100Y44", true).is_ok());
        assert_eq!(
            Uscc::parse("91350100I000100Y43"),
            Err(FieldError::UsccFormat)
        );
        assert_eq!(Uscc::parse("9135"), Err(FieldError::UsccFormat));
    }

    #[test]
    fn mobiles_and_licences() {
        assert_eq!(
            Mobile::parse("+86 138-1234-5678").unwrap().as_str(),
            "13812345678"
        );
        assert_eq!(Mobile::parse("12812345678"), Err(FieldError::MobileFormat));
        assert_eq!(Mobile::parse("1381234567"), Err(FieldError::MobileFormat));
        assert!(LawyerLicence::parse("22020201010123456").is_ok());
        assert_eq!(
            LawyerLicence::parse("2202020101012345"),
            Err(FieldError::LawyerLicenceFormat)
        );
        assert_eq!(
            LawyerLicence::parse("99020201010123456"),
            Err(FieldError::LawyerLicenceFormat)
        );
    }

    fn valid_resident_id() -> impl Strategy<Value = String> {
        (0..PROVINCES.len(), 0u32..10_000, 0i64..45_000, 0u32..1000).prop_map(
            |(p, region, days, seq)| {
                let birth = Date::from_days(Date::new(1901, 1, 1).unwrap().to_days() + days);
                let first17 = format!(
                    "{:02}{:04}{:04}{:02}{:02}{:03}",
                    PROVINCES[p], region, birth.year, birth.month, birth.day, seq
                );
                let check = ResidentId::check_char(&first17).unwrap();
                format!("{first17}{check}")
            },
        )
    }

    fn valid_uscc() -> impl Strategy<Value = String> {
        (
            prop::collection::vec(0..USCC_ALPHABET.len(), 2),
            0u32..1_000_000,
            prop::collection::vec(0..USCC_ALPHABET.len(), 9),
        )
            .prop_map(|(head, region, body)| {
                let mut s: String = head.iter().map(|&i| USCC_ALPHABET[i] as char).collect();
                s.push_str(&format!("{region:06}"));
                s.extend(body.iter().map(|&i| USCC_ALPHABET[i] as char));
                let check = Uscc::check_char(&s).unwrap();
                s.push(check);
                s
            })
    }

    /// Every single-character substitution of `s` by a printable ASCII character other than the one there.
    fn substitutions(s: &str) -> impl Iterator<Item = String> + '_ {
        (0..s.len()).flat_map(move |i| {
            (b'0'..=b'Z')
                .filter(|c| c.is_ascii_alphanumeric())
                .filter_map(move |c| {
                    let mut bytes = s.as_bytes().to_vec();
                    if bytes[i] == c {
                        return None;
                    }
                    bytes[i] = c;
                    Some(String::from_utf8(bytes).unwrap())
                })
        })
    }

    proptest! {
        #[test]
        fn valid_resident_ids_are_accepted_and_every_single_change_rejected(id in valid_resident_id()) {
            prop_assert!(ResidentId::parse(&id, today()).is_ok());
            for changed in substitutions(&id) {
                prop_assert!(ResidentId::parse(&changed, today()).is_err(), "accepted {changed} (from {id})");
            }
        }

        #[test]
        fn valid_usccs_pass_the_check_and_every_single_change_fails_it(code in valid_uscc()) {
            prop_assert_eq!(Uscc::parse(&code).unwrap().1, UsccCheck::Valid);
            for changed in substitutions(&code) {
                prop_assert!(Uscc::parse_confirmed(&changed, false).is_err(), "accepted {changed} (from {code})");
            }
        }
    }
}
