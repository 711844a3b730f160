//! What can go wrong with accounts and sessions.

use crate::error::{kind_message, ErrorKind, ServiceError};
use crate::page_data::FormNotice;
use domain::{FieldErrors, Lang};

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("not logged in")]
    Unauthorized,
    /// No such account — or someone else's: the two look the same.
    #[error("not found")]
    NotFound,
    #[error("the input needs correcting")]
    Invalid(FieldErrors),
    /// A unique detail (mobile, ID number, credit code, licence) is already registered; which one is not said.
    #[error("already registered")]
    Taken,
    #[error("wrong login name or password")]
    BadCredentials,
    #[error("too many failed logins")]
    TooManyAttempts,
    /// Too many codes asked for or tried (password reset): wait.
    #[error("too many tries")]
    TooManyTries,
    #[error("internal: {0}")]
    Internal(String),
}

impl From<db::DbError> for AccountError {
    fn from(e: db::DbError) -> Self {
        AccountError::Internal(e.to_string())
    }
}

impl ServiceError for AccountError {
    fn kind(&self) -> ErrorKind {
        match self {
            AccountError::Unauthorized | AccountError::BadCredentials => ErrorKind::Unauthorized,
            AccountError::NotFound => ErrorKind::NotFound,
            AccountError::Invalid(_) => ErrorKind::Invalid,
            AccountError::Taken => ErrorKind::Conflict,
            AccountError::TooManyAttempts | AccountError::TooManyTries => {
                ErrorKind::TooManyRequests
            }
            AccountError::Internal(_) => ErrorKind::Internal,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            AccountError::Unauthorized => "unauthorized",
            AccountError::NotFound => "not_found",
            AccountError::Invalid(_) => "validation",
            AccountError::Taken => "taken",
            AccountError::BadCredentials => "bad_credentials",
            AccountError::TooManyAttempts | AccountError::TooManyTries => "rate_limited",
            AccountError::Internal(_) => "internal",
        }
    }

    fn message(&self, l: Lang) -> String {
        match self {
            AccountError::BadCredentials => FormNotice::BadCredentials.message(l).into(),
            AccountError::TooManyAttempts => FormNotice::TooManyAttempts.message(l).into(),
            AccountError::TooManyTries => FormNotice::TooManyTries.message(l).into(),
            AccountError::Taken => tr!(l, error_this_is_already_registered_please_log).into(),
            other => kind_message(other.kind(), l).into(),
        }
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AccountError::Invalid(e) => Some(e),
            _ => None,
        }
    }

    fn internal_cause(&self) -> Option<&str> {
        match self {
            AccountError::Internal(c) => Some(c),
            _ => None,
        }
    }
}
