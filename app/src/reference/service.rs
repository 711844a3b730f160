//! The reference operations behind `/api/v1/courts`, `/fees/quote`, `/validate` and the health check.

use crate::error::{kind_message, ErrorKind, ServiceError};
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use crate::texts::Message;
use domain::{FieldError, FieldErrors, Lang};

#[derive(Debug, thiserror::Error)]
pub enum ReferenceError {
    #[error("the input needs correcting")]
    Invalid(FieldErrors),
    #[error("internal: {0}")]
    Internal(String),
}

impl From<db::DbError> for ReferenceError {
    fn from(e: db::DbError) -> Self {
        ReferenceError::Internal(e.to_string())
    }
}

impl ServiceError for ReferenceError {
    fn kind(&self) -> ErrorKind {
        match self {
            ReferenceError::Invalid(_) => ErrorKind::Invalid,
            ReferenceError::Internal(_) => ErrorKind::Internal,
        }
    }
    fn code(&self) -> &'static str {
        match self {
            ReferenceError::Invalid(_) => "validation",
            ReferenceError::Internal(_) => "internal",
        }
    }
    fn message(&self, l: Lang) -> String {
        match self {
            // One field at fault: its own sentence says more than the generic one.
            ReferenceError::Invalid(e) if e.0.len() == 1 => e.0[0].1.message(l).into(),
            other => kind_message(other.kind(), l).into(),
        }
    }
    fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            ReferenceError::Invalid(e) => Some(e),
            ReferenceError::Internal(_) => None,
        }
    }
    fn internal_cause(&self) -> Option<&str> {
        match self {
            ReferenceError::Internal(c) => Some(c),
            ReferenceError::Invalid(_) => None,
        }
    }
}

pub type Result<T> = std::result::Result<T, ReferenceError>;

fn invalid(field: &str, e: FieldError) -> ReferenceError {
    let mut errors = FieldErrors::default();
    errors.push(field, e);
    ReferenceError::Invalid(errors)
}

/// Whether the database answers.
pub async fn database_reachable(ctx: &ServerCtx) -> bool {
    ctx.db.ping().await
}

/// The courts the portal serves, shared from memory (no copy).
pub async fn courts(ctx: &ServerCtx) -> Result<std::sync::Arc<Vec<db::courts::Court>>> {
    Ok(db::courts::shared(&ctx.db).await?)
}

/// A fee quote with the configured table (《诉讼费用交纳办法》), each line citing its article.
pub fn fee_quote(
    req: &domain::fees::FeeRequest,
    ctx: &ServerCtx,
) -> Result<domain::fees::FeeQuote> {
    domain::fees::quote(req, &ctx.fees).map_err(|e| match e {
        domain::fees::FeeError::AmountRequired => invalid("amount_fen", FieldError::NeedAmount),
        domain::fees::FeeError::AmountOutOfRange => {
            invalid("amount_fen", FieldError::AmountTooLarge)
        }
    })
}

/// Which identifier rule to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdKind {
    ResidentId,
    Uscc,
    Mobile,
    LawyerLicence,
}

impl IdKind {
    pub const CODES: &'static str = "resident_id | uscc | mobile | lawyer_licence";

    pub fn from_code(s: &str) -> Option<IdKind> {
        match s {
            "resident_id" => Some(IdKind::ResidentId),
            "uscc" => Some(IdKind::Uscc),
            "mobile" => Some(IdKind::Mobile),
            "lawyer_licence" => Some(IdKind::LawyerLicence),
            _ => None,
        }
    }
}

/// Checks one identifier with the same rules the forms use; `Ok(Err(e))` is a value that fails its rule.
pub fn validate(
    caller: &Caller,
    kind: &str,
    value: &str,
) -> Result<std::result::Result<(), FieldError>> {
    let kind = IdKind::from_code(kind).ok_or_else(|| invalid("kind", FieldError::UnknownChoice))?;
    if value.chars().count() > 64 {
        return Ok(Err(FieldError::TooLong));
    }
    Ok(match kind {
        IdKind::ResidentId => domain::ResidentId::parse(value, caller.today).map(|_| ()),
        IdKind::Uscc => domain::Uscc::parse_confirmed(value, false).map(|_| ()),
        IdKind::Mobile => domain::Mobile::parse(value).map(|_| ()),
        IdKind::LawyerLicence => domain::LawyerLicence::parse(value).map(|_| ()),
    })
}
