use serde::{Deserialize, Serialize};

/// What is wrong with one field, as a code other systems can match on and a sentence in the user's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldError {
    Required,
    TooLong,
    NameChars,
    /// 18 characters: 17 digits and a digit or X.
    ResidentIdFormat,
    ResidentIdRegion,
    ResidentIdBirthDate,
    ResidentIdFutureBirth,
    /// GB 11643-1999 check digit (the 18th character) does not match.
    ResidentIdCheckDigit,
    /// 18 characters from the GB 32100 alphabet (digits and capitals without I, O, Z, S, V).
    UsccFormat,
    /// GB 32100-2015 check character does not match; a warning some early real codes trigger.
    UsccCheckChar,
    MobileFormat,
    LawyerLicenceFormat,
    PasswordTooShort,
    PasswordTooLong,
    PasswordMismatch,
    /// On the list of passwords guessers try first, or made of the person's own mobile or ID number.
    PasswordCommon,
    /// Already registered (mobile number, ID number, credit code or licence).
    Taken,
    AmountFormat,
    AmountTooLarge,
    DateFormat,
    DateInFuture,
    /// A date that must be today or later (a performance date in an agreement).
    DateInPast,
    /// A mediation time that is not one of the mediator's free slots (holiday, leave, taken, too soon).
    SlotNotOffered,
    /// An interruption of the limitation period before the period began.
    BeforeKnownOn,
    /// 协议管辖 where the cause may not agree on a court (Art. 35: contract and property disputes only).
    AgreementNotAllowed,
    /// 协议管辖 against exclusive jurisdiction (Arts. 34, 35).
    AgreementExclusive,
    /// 协议管辖 against level jurisdiction.
    AgreementLevel,
    /// The agreed court has no connection the filer named.
    AgreementNotConnected,
    /// A basic court chosen for a claim above the basic courts' threshold.
    AboveBasicLevel,
    UnknownChoice,
    NeedPlaintiff,
    NeedDefendant,
    /// The same person or organisation on both sides.
    SuesItself,
    NeedClaim,
    /// Property cases need the amount claimed (fee and jurisdiction depend on it).
    NeedAmount,
    NeedAddress,
    /// More rows than a list may hold, or a row the form cannot have had.
    TooMany,
    /// A rate in percent (`24`, `14.6%`), at most two decimals.
    RateFormat,
    /// A one-time code (password reset) that is wrong, used, or past its time.
    CodeWrong,
}

impl FieldError {
    pub fn code(self) -> &'static str {
        match self {
            FieldError::Required => "required",
            FieldError::TooLong => "too_long",
            FieldError::NameChars => "name_chars",
            FieldError::ResidentIdFormat => "resident_id_format",
            FieldError::ResidentIdRegion => "resident_id_region",
            FieldError::ResidentIdBirthDate => "resident_id_birth_date",
            FieldError::ResidentIdFutureBirth => "resident_id_future_birth",
            FieldError::ResidentIdCheckDigit => "resident_id_check_digit",
            FieldError::UsccFormat => "uscc_format",
            FieldError::UsccCheckChar => "uscc_check_char",
            FieldError::MobileFormat => "mobile_format",
            FieldError::LawyerLicenceFormat => "lawyer_licence_format",
            FieldError::PasswordTooShort => "password_too_short",
            FieldError::PasswordTooLong => "password_too_long",
            FieldError::PasswordMismatch => "password_mismatch",
            FieldError::PasswordCommon => "password_common",
            FieldError::Taken => "taken",
            FieldError::AmountFormat => "amount_format",
            FieldError::AmountTooLarge => "amount_too_large",
            FieldError::DateFormat => "date_format",
            FieldError::DateInFuture => "date_in_future",
            FieldError::DateInPast => "date_in_past",
            FieldError::SlotNotOffered => "slot_not_offered",
            FieldError::BeforeKnownOn => "before_known_on",
            FieldError::AgreementNotAllowed => "agreement_not_allowed",
            FieldError::AgreementExclusive => "agreement_exclusive",
            FieldError::AgreementLevel => "agreement_level",
            FieldError::AgreementNotConnected => "agreement_not_connected",
            FieldError::AboveBasicLevel => "above_basic_level",
            FieldError::UnknownChoice => "unknown_choice",
            FieldError::NeedPlaintiff => "need_plaintiff",
            FieldError::NeedDefendant => "need_defendant",
            FieldError::SuesItself => "sues_itself",
            FieldError::NeedClaim => "need_claim",
            FieldError::NeedAmount => "need_amount",
            FieldError::NeedAddress => "need_address",
            FieldError::TooMany => "too_many",
            FieldError::RateFormat => "rate_format",
            FieldError::CodeWrong => "code_wrong",
        }
    }
}

/// Every problem of a form at once, in field order, so the error summary can list and link them all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, FieldError)>);

impl FieldErrors {
    pub fn push(&mut self, field: &str, error: FieldError) {
        self.0.push((field.to_string(), error));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn get(&self, field: &str) -> Option<FieldError> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, e)| *e)
    }
    /// Records the error of a parse, if any, and hands back the parsed value.
    pub fn check<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.push(field, e);
                None
            }
        }
    }
}
