//! Self-registration of the three kinds of public account. Court staff are never self-registered.

use crate::{Date, FieldError, FieldErrors, LawyerLicence, Mobile, ResidentId, Uscc};
use serde::{Deserialize, Serialize};

/// The kinds of account the portal knows. The first three register themselves; staff are created by an
/// administrator, each bound to a court.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountKind {
    Citizen,
    Enterprise,
    Lawyer,
    /// 立案审查 clerk.
    Clerk,
    /// 调解员.
    Mediator,
    Judge,
    /// 法院管理员.
    CourtAdmin,
}

impl AccountKind {
    pub const ALL: [AccountKind; 7] = [
        AccountKind::Citizen,
        AccountKind::Enterprise,
        AccountKind::Lawyer,
        AccountKind::Clerk,
        AccountKind::Mediator,
        AccountKind::Judge,
        AccountKind::CourtAdmin,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AccountKind::Citizen => "citizen",
            AccountKind::Enterprise => "enterprise",
            AccountKind::Lawyer => "lawyer",
            AccountKind::Clerk => "clerk",
            AccountKind::Mediator => "mediator",
            AccountKind::Judge => "judge",
            AccountKind::CourtAdmin => "court_admin",
        }
    }

    pub fn from_code(code: &str) -> Option<AccountKind> {
        AccountKind::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn is_staff(self) -> bool {
        match self {
            AccountKind::Citizen | AccountKind::Enterprise | AccountKind::Lawyer => false,
            AccountKind::Clerk
            | AccountKind::Mediator
            | AccountKind::Judge
            | AccountKind::CourtAdmin => true,
        }
    }
}

pub const PASSWORD_MIN: usize = 8;
pub const PASSWORD_MAX: usize = 128;
pub const NAME_MAX: usize = 60;

/// A person's or organisation's name: letters of any script, spaces, the middle dot of ethnic-minority names
/// (阿依古丽·买买提), and for organisations brackets and digits.
pub fn parse_name(raw: &str, organisation: bool) -> Result<String, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() > NAME_MAX {
        return Err(FieldError::TooLong);
    }
    let ok = s.chars().all(|c| {
        c.is_alphabetic()
            || c == ' '
            || c == '·'
            || c == '•'
            || c == '.'
            || c == '-'
            || (organisation && (c.is_ascii_digit() || "()（）&、".contains(c)))
    });
    if !ok {
        return Err(FieldError::NameChars);
    }
    Ok(s.to_string())
}

pub fn check_password(password: &str, confirm: &str) -> Result<(), FieldError> {
    let n = password.chars().count();
    if n == 0 {
        return Err(FieldError::Required);
    }
    if n < PASSWORD_MIN {
        return Err(FieldError::PasswordTooShort);
    }
    if n > PASSWORD_MAX {
        return Err(FieldError::PasswordTooLong);
    }
    if password != confirm {
        return Err(FieldError::PasswordMismatch);
    }
    Ok(())
}

/// Why a password that passes the length rules is still too easy to guess: on the list guessers try first
/// (`domain/data/common_passwords.txt`), one character or a short run repeated (`abcabcabc`), a straight run of
/// the keyboard's digits or letters (`23456789`), or made of one of the person's own identifiers (their mobile or
/// ID number), which others know.
pub fn weak_password(password: &str, identifiers: &[String]) -> Option<FieldError> {
    const LIST: &str = include_str!("../data/common_passwords.txt");
    let lower = password.trim().to_lowercase();
    if lower.is_empty() {
        return None;
    }
    let listed = LIST
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .any(|l| l == lower);
    let chars: Vec<char> = lower.chars().collect();
    let repeated = (1..=3).any(|n| {
        chars.len() > n
            && chars.len().is_multiple_of(n)
            && chars.chunks(n).all(|c| c == &chars[..n])
    });
    let run = chars.len() > 1 && {
        let steps: Vec<i64> = chars
            .windows(2)
            .map(|w| w[1] as i64 - w[0] as i64)
            .collect();
        steps.iter().all(|&d| d == 1) || steps.iter().all(|&d| d == -1)
    };
    let own = identifiers
        .iter()
        .map(|i| i.trim().to_lowercase())
        .filter(|i| i.chars().count() >= 6)
        .any(|i| lower.contains(&i) || (chars.len() >= 8 && i.contains(&lower)));
    (listed || repeated || run || own).then_some(FieldError::PasswordCommon)
}

/// What a registration form sends; one shape for all three kinds so one form handler and one API serve them.
/// Fields a kind does not use stay empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RegistrationForm {
    pub kind: String,
    /// Citizen or lawyer: the person's name. Enterprise: the enterprise's name.
    pub name: String,
    pub id_number: String,
    pub uscc: String,
    pub uscc_confirmed: bool,
    pub legal_representative: String,
    pub contact_name: String,
    pub licence_no: String,
    pub law_firm: String,
    pub mobile: String,
    pub password: String,
    pub password_confirm: String,
}

/// A registration that passed every rule, ready to store.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ValidRegistration {
    Citizen {
        name: String,
        id: ResidentId,
        mobile: Mobile,
    },
    Enterprise {
        name: String,
        uscc: Uscc,
        legal_representative: String,
        contact_name: String,
        mobile: Mobile,
    },
    Lawyer {
        name: String,
        licence: LawyerLicence,
        law_firm: String,
        mobile: Mobile,
    },
}

impl ValidRegistration {
    pub fn kind(&self) -> AccountKind {
        match self {
            ValidRegistration::Citizen { .. } => AccountKind::Citizen,
            ValidRegistration::Enterprise { .. } => AccountKind::Enterprise,
            ValidRegistration::Lawyer { .. } => AccountKind::Lawyer,
        }
    }

    /// The name the account logs in with: the mobile number for people, the credit code for enterprises.
    pub fn login_name(&self) -> &str {
        match self {
            ValidRegistration::Citizen { mobile, .. }
            | ValidRegistration::Lawyer { mobile, .. } => mobile.as_str(),
            ValidRegistration::Enterprise { uscc, .. } => uscc.as_str(),
        }
    }
}

impl RegistrationForm {
    /// Runs every rule of the chosen kind and returns all problems at once.
    pub fn validate(&self, today: Date) -> Result<ValidRegistration, FieldErrors> {
        let mut errors = FieldErrors::default();
        let kind = match AccountKind::from_code(&self.kind) {
            Some(k) if !k.is_staff() => k,
            _ => {
                errors.push("kind", FieldError::Required);
                return Err(errors);
            }
        };
        let organisation = kind == AccountKind::Enterprise;
        let name = errors.check("name", parse_name(&self.name, organisation));
        let valid = match kind {
            AccountKind::Citizen => {
                let id = errors.check("id_number", ResidentId::parse(&self.id_number, today));
                let mobile = errors.check("mobile", Mobile::parse(&self.mobile));
                errors.check(
                    "password",
                    check_password(&self.password, &self.password_confirm),
                );
                match (name, id, mobile) {
                    (Some(name), Some(id), Some(mobile)) => {
                        Some(ValidRegistration::Citizen { name, id, mobile })
                    }
                    _ => None,
                }
            }
            AccountKind::Enterprise => {
                let uscc = errors.check(
                    "uscc",
                    Uscc::parse_confirmed(&self.uscc, self.uscc_confirmed),
                );
                let rep = errors.check(
                    "legal_representative",
                    parse_name(&self.legal_representative, false),
                );
                let contact = errors.check("contact_name", parse_name(&self.contact_name, false));
                let mobile = errors.check("mobile", Mobile::parse(&self.mobile));
                errors.check(
                    "password",
                    check_password(&self.password, &self.password_confirm),
                );
                match (name, uscc, rep, contact, mobile) {
                    (
                        Some(name),
                        Some(uscc),
                        Some(legal_representative),
                        Some(contact_name),
                        Some(mobile),
                    ) => Some(ValidRegistration::Enterprise {
                        name,
                        uscc,
                        legal_representative,
                        contact_name,
                        mobile,
                    }),
                    _ => None,
                }
            }
            AccountKind::Lawyer => {
                let licence = errors.check("licence_no", LawyerLicence::parse(&self.licence_no));
                let firm = errors.check("law_firm", parse_name(&self.law_firm, true));
                let mobile = errors.check("mobile", Mobile::parse(&self.mobile));
                errors.check(
                    "password",
                    check_password(&self.password, &self.password_confirm),
                );
                match (name, licence, firm, mobile) {
                    (Some(name), Some(licence), Some(law_firm), Some(mobile)) => {
                        Some(ValidRegistration::Lawyer {
                            name,
                            licence,
                            law_firm,
                            mobile,
                        })
                    }
                    _ => None,
                }
            }
            AccountKind::Clerk
            | AccountKind::Mediator
            | AccountKind::Judge
            | AccountKind::CourtAdmin => None,
        };
        match valid {
            Some(v) if errors.is_empty() => Ok(v),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_repeated_sequential_and_own_passwords_are_refused() {
        let ids = vec!["13900000001".to_string(), "220202199001011234".to_string()];
        for weak in [
            "12345678",
            "Password1",
            "woaini1314",
            "aaaaaaaa",
            "abcabcabc",
            "23456789",
            "hgfedcba",
            "x13900000001",
            "199001011234",
            "demo-pass-2026",
        ] {
            assert_eq!(
                weak_password(weak, &ids),
                Some(FieldError::PasswordCommon),
                "{weak}"
            );
        }
        for fine in ["correct horse", "吉林松花江2026", "tr0ub4dor&3"] {
            assert_eq!(weak_password(fine, &ids), None, "{fine}");
        }
    }

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    fn citizen() -> RegistrationForm {
        RegistrationForm {
            kind: "citizen".into(),
            name: "张三".into(),
            id_number: "11010519491231002X".into(),
            mobile: "13812345678".into(),
            password: "correct horse".into(),
            password_confirm: "correct horse".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_valid_citizen_logs_in_with_the_mobile_number() {
        let v = citizen().validate(today()).unwrap();
        assert_eq!(v.kind(), AccountKind::Citizen);
        assert_eq!(v.login_name(), "13812345678");
    }

    #[test]
    fn all_problems_are_reported_at_once_in_field_order() {
        let form = RegistrationForm {
            id_number: "110105194912310021".into(),
            mobile: "123".into(),
            password_confirm: "other".into(),
            ..citizen()
        };
        let errors = form.validate(today()).unwrap_err();
        assert_eq!(
            errors.0,
            vec![
                ("id_number".to_string(), FieldError::ResidentIdCheckDigit),
                ("mobile".to_string(), FieldError::MobileFormat),
                ("password".to_string(), FieldError::PasswordMismatch),
            ]
        );
    }

    #[test]
    fn staff_kinds_cannot_self_register() {
        let form = RegistrationForm {
            kind: "judge".into(),
            ..citizen()
        };
        assert_eq!(
            form.validate(today()).unwrap_err().get("kind"),
            Some(FieldError::Required)
        );
    }

    #[test]
    fn enterprise_with_a_failing_check_character_needs_confirmation() {
        let form = RegistrationForm {
            kind: "enterprise".into(),
            name: "吉林市某某建材有限公司".into(),
            uscc: "91350100M000100Y44".into(),
            legal_representative: "李四".into(),
            contact_name: "王五".into(),
            ..citizen()
        };
        assert_eq!(
            form.validate(today()).unwrap_err().get("uscc"),
            Some(FieldError::UsccCheckChar)
        );
        let confirmed = RegistrationForm {
            uscc_confirmed: true,
            ..form
        };
        assert_eq!(
            confirmed.validate(today()).unwrap().login_name(),
            "91350100M000100Y44"
        );
    }

    #[test]
    fn names_allow_the_middle_dot_and_refuse_markup() {
        assert!(parse_name("阿依古丽·买买提", false).is_ok());
        assert_eq!(parse_name("<script>", false), Err(FieldError::NameChars));
        assert_eq!(parse_name("   ", false), Err(FieldError::Required));
        assert!(parse_name("吉林（延边）律师事务所", true).is_ok());
    }
}
