//! What can go wrong in online filing, as something a person or another system can act on.

use crate::error::{kind_message, ErrorKind, ServiceError};
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
    /// Diversion to pre-litigation mediation needs the filer's consent (诉前调解须当事人同意).
    #[error("the filer has not agreed to pre-litigation mediation")]
    NoMediationConsent,
    /// "Treated as withdrawn" before the time to pay has run out (Art. 22).
    #[error("the time to pay runs until {deadline:?}")]
    NotOverdue { deadline: Option<String> },
    /// An evidence file refused (type, size, empty): the filer can try again.
    #[error("upload refused: {0:?}")]
    Upload(UploadError),
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
            FilingError::Invalid(_) | FilingError::Upload(_) => ErrorKind::Invalid,
            FilingError::Conflict
            | FilingError::NoMediationConsent
            | FilingError::NotOverdue { .. } => ErrorKind::Conflict,
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
            FilingError::NotOverdue { .. } => "not_overdue",
            FilingError::Upload(e) => e.code(),
            FilingError::Internal(_) => "internal",
        }
    }

    fn message(&self, l: Lang) -> String {
        match self {
            FilingError::StaffCannotFile => l
                .pick(
                    "法院工作人员账号不能立案。",
                    "Court staff accounts cannot file.",
                    "법원 직원 계정은 입안할 수 없습니다.",
                )
                .into(),
            FilingError::NoMediationConsent => l
                .pick(
                    "当事人未同意诉前调解，不能转入。",
                    "The filer has not agreed to pre-litigation mediation.",
                    "당사자가 소송 전 조정에 동의하지 않았습니다.",
                )
                .into(),
            FilingError::NotOverdue { deadline } => format!(
                "{}{}",
                l.pick(
                    "交费期限尚未届满，不能按撤诉处理（《诉讼费用交纳办法》第二十二条）。",
                    "The time to pay has not run out yet; the case cannot be treated as withdrawn (Art. 22).",
                    "납부 기한이 지나지 않아 취하로 처리할 수 없습니다(제22조).",
                ),
                deadline
                    .as_deref()
                    .map(|d| format!(" {} {d}", l.pick("期限至", "Due by", "기한")))
                    .unwrap_or_default()
            ),
            FilingError::Upload(e) => e.message(l).into(),
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
