//! What can go wrong with a service request, as something a person or another system can act on.

use super::texts::t;
use crate::error::{ErrorKind, ServiceError};
use domain::{FieldErrors, Lang};

#[derive(Debug, thiserror::Error)]
pub enum RequestError {
    #[error("not logged in")]
    Unauthorized,
    /// No such request — or one that is not the caller's, nor at the caller's court: the two look the same.
    #[error("not found")]
    NotFound,
    /// Court staff cannot send requests; only the court's staff answer.
    #[error("not allowed for this account")]
    Forbidden,
    #[error("the input needs correcting")]
    Invalid(FieldErrors),
    /// Not possible now (answered already, the one reply used, rated already), or someone acted first.
    #[error("not possible now: {0}")]
    Conflict(&'static str),
    #[error("too many requests")]
    TooMany,
    #[error("internal: {0}")]
    Internal(String),
}

impl RequestError {
    pub fn field(name: &str, e: domain::FieldError) -> RequestError {
        let mut f = FieldErrors::default();
        f.push(name, e);
        RequestError::Invalid(f)
    }
}

impl From<db::DbError> for RequestError {
    fn from(e: db::DbError) -> Self {
        RequestError::Internal(e.to_string())
    }
}

impl From<db::service_requests::ChangeError> for RequestError {
    fn from(e: db::service_requests::ChangeError) -> Self {
        match e {
            db::service_requests::ChangeError::Conflict => RequestError::Conflict("changed"),
            db::service_requests::ChangeError::Db(e) => e.into(),
        }
    }
}

impl ServiceError for RequestError {
    fn kind(&self) -> ErrorKind {
        match self {
            RequestError::Unauthorized => ErrorKind::Unauthorized,
            RequestError::NotFound => ErrorKind::NotFound,
            RequestError::Forbidden => ErrorKind::Forbidden,
            RequestError::Invalid(_) => ErrorKind::Invalid,
            RequestError::Conflict(_) => ErrorKind::Conflict,
            RequestError::TooMany => ErrorKind::TooManyRequests,
            RequestError::Internal(_) => ErrorKind::Internal,
        }
    }
    fn code(&self) -> &'static str {
        match self {
            RequestError::Unauthorized => "unauthorized",
            RequestError::NotFound => "not_found",
            RequestError::Forbidden => "forbidden",
            RequestError::Invalid(_) => "invalid",
            RequestError::Conflict(code) => code,
            RequestError::TooMany => "too_many",
            RequestError::Internal(_) => "internal",
        }
    }
    fn message(&self, lang: Lang) -> String {
        match self {
            RequestError::Conflict(code) => t(&format!("err_{code}"), lang).to_string(),
            RequestError::Forbidden => t("err_forbidden", lang).to_string(),
            RequestError::TooMany => t("err_too_many", lang).to_string(),
            other => crate::error::kind_message(other.kind(), lang).to_string(),
        }
    }
    fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            RequestError::Invalid(f) => Some(f),
            _ => None,
        }
    }
    fn internal_cause(&self) -> Option<&str> {
        match self {
            RequestError::Internal(c) => Some(c),
            _ => None,
        }
    }
}
