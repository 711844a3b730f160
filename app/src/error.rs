//! The error contract every feature follows, and the one error type of the UI's server functions.
//!
//! A feature's service returns its own typed error (`FilingError`, `AccountError`, …). Each implements
//! [`ServiceError`]: what kind of refusal it is (which decides the HTTP status), a stable code other systems match
//! on, a sentence in the user's language, the field errors when the input was at fault, and — for `Internal` only —
//! the cause, which goes to the log and never to the person asking. Each door (JSON API, HTML forms, server
//! functions) maps that trait once, so a new feature gets all three mappings by implementing it.

use domain::{FieldError, FieldErrors, Lang};
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// The kinds of refusal a person or another system can act on, each with its HTTP status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorKind {
    /// Not logged in (401).
    Unauthorized,
    /// Logged in but this account may not do this at all (403).
    Forbidden,
    /// Does not exist — or is another person's matter (404).
    NotFound,
    /// Not possible in the current state, or someone acted first (409).
    Conflict,
    /// The input needs correcting; field errors say where (422).
    Invalid,
    /// Too many attempts (429).
    TooManyRequests,
    /// Our fault; the cause is logged with an id (500).
    Internal,
}

impl ErrorKind {
    pub fn status(self) -> u16 {
        match self {
            ErrorKind::Unauthorized => 401,
            ErrorKind::Forbidden => 403,
            ErrorKind::NotFound => 404,
            ErrorKind::Conflict => 409,
            ErrorKind::Invalid => 422,
            ErrorKind::TooManyRequests => 429,
            ErrorKind::Internal => 500,
        }
    }

    /// A short title for the kind, in the user's language (problem+json `title`, error page heading).
    pub fn title(self, lang: Lang) -> &'static str {
        match self {
            ErrorKind::Unauthorized => {
                tr!(lang, account_please_log_in)
            }
            ErrorKind::Forbidden => tr!(lang, error_not_allowed),
            ErrorKind::NotFound => tr!(lang, error_not_found),
            ErrorKind::Conflict => tr!(lang, error_not_possible_now),
            ErrorKind::Invalid => tr!(lang, error_check_your_answers),
            ErrorKind::TooManyRequests => {
                tr!(lang, error_too_many_attempts)
            }
            ErrorKind::Internal => {
                tr!(lang, error_something_went_wrong)
            }
        }
    }
}

/// Implemented by every feature's error type; the doors know nothing else about it.
pub trait ServiceError: std::fmt::Debug {
    fn kind(&self) -> ErrorKind;
    /// A stable code other systems can match on (`not_found`, `no_consent`, `not_overdue`, …).
    fn code(&self) -> &'static str;
    /// What happened and what to do, in the user's language.
    fn message(&self, lang: Lang) -> String;
    /// Per-field problems, when the input was at fault.
    fn field_errors(&self) -> Option<&FieldErrors> {
        None
    }
    /// The cause of an internal error: logged, never shown.
    fn internal_cause(&self) -> Option<&str> {
        None
    }
}

/// The sentence for errors that are only their kind (no more specific message).
pub fn kind_message(kind: ErrorKind, lang: Lang) -> &'static str {
    match kind {
        ErrorKind::Unauthorized => tr!(lang, error_please_log_in_first),
        ErrorKind::Forbidden => tr!(lang, error_this_account_may_not_do_this),
        ErrorKind::NotFound => tr!(lang, error_not_found_or_not_yours_to),
        ErrorKind::Conflict => tr!(lang, error_this_cannot_be_done_in_the),
        ErrorKind::Invalid => tr!(lang, error_some_answers_need_correcting),
        ErrorKind::TooManyRequests => tr!(lang, error_too_many_attempts_please_wait_and),
        ErrorKind::Internal => tr!(lang, error_something_went_wrong_on_our_side),
    }
}

/// What a server function tells the browser: the kind, the code, the field errors — never a cause chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("not logged in")]
    Unauthorized,
    /// Also what another person's matter looks like: it does not exist for you.
    #[error("not found")]
    NotFound,
    #[error("refused: {code}")]
    Refused {
        kind: ErrorKind,
        code: String,
        message: String,
        fields: Vec<(String, FieldError)>,
    },
    #[error("something went wrong on our side")]
    Internal,
    #[error("request failed: {0}")]
    ServerFn(ServerFnErrorErr),
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::ServerFn(value)
    }
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::Unauthorized => 401,
            AppError::NotFound => 404,
            AppError::Refused { kind, .. } => kind.status(),
            // What the caller sent could not be read as the function's arguments: their fault, not ours.
            AppError::ServerFn(
                ServerFnErrorErr::Args(_)
                | ServerFnErrorErr::MissingArg(_)
                | ServerFnErrorErr::Deserialization(_)
                | ServerFnErrorErr::UnsupportedRequestMethod(_),
            ) => 400,
            AppError::Internal | AppError::ServerFn(_) => 500,
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            AppError::Unauthorized => kind_message(ErrorKind::Unauthorized, lang).into(),
            AppError::NotFound => kind_message(ErrorKind::NotFound, lang).into(),
            AppError::Refused { message, .. } => message.clone(),
            AppError::Internal | AppError::ServerFn(_) => {
                kind_message(ErrorKind::Internal, lang).into()
            }
        }
    }

    /// The server-function door's one mapping of a service error: logs an internal cause, sets the response
    /// status, and keeps what the browser may act on.
    #[cfg(feature = "ssr")]
    pub fn from_service(e: &dyn ServiceError, lang: Lang) -> AppError {
        let kind = e.kind();
        crate::ssr::set_status(kind.status());
        match kind {
            ErrorKind::Unauthorized => AppError::Unauthorized,
            ErrorKind::NotFound => AppError::NotFound,
            ErrorKind::Internal => {
                tracing::error!(
                    cause = e.internal_cause().unwrap_or(""),
                    code = e.code(),
                    "server function failed"
                );
                AppError::Internal
            }
            _ => AppError::Refused {
                kind,
                code: e.code().into(),
                message: e.message(lang),
                fields: e.field_errors().map(|f| f.0.clone()).unwrap_or_default(),
            },
        }
    }
}
