//! What can go wrong in online filing, as something a person or another system can act on.

use crate::error::{kind_message, ErrorKind, ServiceError};
use crate::texts::Message;
use domain::upload::UploadError;
use domain::{FieldErrors, Lang};

#[derive(Debug, thiserror::Error)]
pub enum FilingError {
    #[error("not logged in")]
    Unauthorized,
    /// No such filing — or another person's: the two look the same.
    #[error("not found")]
    NotFound,
    /// Court staff accounts do not file.
    #[error("court staff cannot file")]
    StaffCannotFile,
    #[error("the input needs correcting")]
    Invalid(FieldErrors),
    /// Not allowed in the filing's current state, or someone else acted first.
    #[error("not allowed in the current state")]
    Conflict,
    /// Corrections were asked for once already (法释〔2015〕8号 第七条: 一次性告知).
    #[error("corrections may be asked for once only")]
    CorrectionOnce,
    /// Diversion to pre-litigation mediation needs the filer's consent (诉前调解须当事人同意).
    #[error("the filer has not agreed to pre-litigation mediation")]
    NoMediationConsent,
    /// "Treated as withdrawn" before the time to pay has run out (Art. 22).
    #[error("the time to pay runs until {deadline:?}")]
    NotOverdue { deadline: Option<String> },
    /// Past the seven days of review: register first (先行立案, 法释〔2015〕8号 第八条), then decide.
    #[error("the review period ended on {deadline:?}: register first")]
    RegisterFirst { deadline: Option<String> },
    /// A decisive review action (register, refuse) sent from the page without its confirmation ticked.
    #[error("not confirmed")]
    NotConfirmed,
    /// An evidence file refused (type, size, empty): the filer can try again.
    #[error("upload refused: {0:?}")]
    Upload(UploadError),
    /// Too many failed look-ups or codes from this client or for this receipt: wait.
    #[error("too many attempts")]
    TooManyAttempts,
    /// Our fault: the cause goes to the log only.
    #[error("internal: {0}")]
    Internal(String),
}

impl FilingError {
    pub fn internal(cause: impl std::fmt::Display) -> FilingError {
        FilingError::Internal(cause.to_string())
    }

    /// One field at fault.
    pub fn field(field: &str, error: domain::FieldError) -> FilingError {
        let mut errors = FieldErrors::default();
        errors.push(field, error);
        FilingError::Invalid(errors)
    }
}

impl From<db::DbError> for FilingError {
    fn from(e: db::DbError) -> Self {
        FilingError::internal(e)
    }
}

impl From<db::filings::FilingError> for FilingError {
    fn from(e: db::filings::FilingError) -> Self {
        match e {
            db::filings::FilingError::NotFound => FilingError::NotFound,
            db::filings::FilingError::Conflict => FilingError::Conflict,
            db::filings::FilingError::Db(e) => FilingError::internal(e),
        }
    }
}

impl ServiceError for FilingError {
    fn kind(&self) -> ErrorKind {
        match self {
            FilingError::Unauthorized => ErrorKind::Unauthorized,
            FilingError::NotFound => ErrorKind::NotFound,
            FilingError::StaffCannotFile => ErrorKind::Forbidden,
            FilingError::Invalid(_) | FilingError::Upload(_) | FilingError::NotConfirmed => {
                ErrorKind::Invalid
            }
            FilingError::Conflict
            | FilingError::NoMediationConsent
            | FilingError::CorrectionOnce
            | FilingError::NotOverdue { .. }
            | FilingError::RegisterFirst { .. } => ErrorKind::Conflict,
            FilingError::TooManyAttempts => ErrorKind::TooManyRequests,
            FilingError::Internal(_) => ErrorKind::Internal,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            FilingError::Unauthorized => "unauthorized",
            FilingError::NotFound => "not_found",
            FilingError::StaffCannotFile => "forbidden",
            FilingError::Invalid(_) => "validation",
            FilingError::Conflict => "conflict",
            FilingError::NoMediationConsent => "no_consent",
            FilingError::CorrectionOnce => "correction_once",
            FilingError::NotOverdue { .. } => "not_overdue",
            FilingError::RegisterFirst { .. } => "register_first",
            FilingError::NotConfirmed => "not_confirmed",
            FilingError::Upload(e) => e.code(),
            FilingError::TooManyAttempts => "rate_limited",
            FilingError::Internal(_) => "internal",
        }
    }

    fn message(&self, l: Lang) -> String {
        match self {
            FilingError::StaffCannotFile => tr!(l, error_court_staff_accounts_cannot_file).into(),
            FilingError::NoMediationConsent => tr!(l, filing_the_filer_has_not_agreed_to).into(),
            FilingError::CorrectionOnce => tr!(l, review_corrections_once).into(),
            FilingError::NotOverdue { deadline } => format!(
                "{}{}",
                tr!(l, filing_the_time_to_pay_has_not),
                deadline
                    .as_deref()
                    .map(|d| format!(" {} {d}", tr!(l, error_due_by)))
                    .unwrap_or_default()
            ),
            FilingError::RegisterFirst { deadline } => format!(
                "{}{}",
                tr!(l, review_register_first_rule),
                deadline
                    .as_deref()
                    .map(|d| format!(" {} {d}", tr!(l, error_due_by)))
                    .unwrap_or_default()
            ),
            FilingError::NotConfirmed => tr!(l, review_confirm_needed).into(),
            FilingError::Upload(e) => e.message(l).into(),
            FilingError::TooManyAttempts => tr!(l, error_too_many_attempts).into(),
            // One field at fault: its own sentence says more than the general one.
            FilingError::Invalid(errors) if errors.0.len() == 1 => errors.0[0].1.message(l).into(),
            other => kind_message(other.kind(), l).into(),
        }
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            FilingError::Invalid(errors) => Some(errors),
            _ => None,
        }
    }

    fn internal_cause(&self) -> Option<&str> {
        match self {
            FilingError::Internal(cause) => Some(cause),
            _ => None,
        }
    }
}
