//! What can go wrong in mediation, as something a person or another system can act on.

use crate::error::{kind_message, ErrorKind, ServiceError};
use crate::texts::Message;
use domain::{FieldErrors, Lang};

#[derive(Debug, thiserror::Error)]
pub enum MediationError {
    #[error("not logged in")]
    Unauthorized,
    /// No such mediation — or one the caller takes no part in: the two look the same.
    #[error("not found")]
    NotFound,
    /// This account may not take this action (a party recording the outcome, a clerk signing).
    #[error("not allowed for this account")]
    Forbidden,
    #[error("the input needs correcting")]
    Invalid(FieldErrors),
    /// Not allowed in the current state, or someone acted first.
    #[error("not allowed in the current state")]
    Conflict,
    /// The slot was taken (by a booking made a moment earlier): the next free ones, RFC 3339.
    #[error("the slot is taken")]
    SlotTaken { next: Vec<domain::slots::Slot> },
    /// Moving or cancelling within the notice period: ask the mediator.
    #[error("within the notice period")]
    TooLate { hours: i64 },
    /// The invitation link is not valid (altered, for another mediation, or its time is over).
    #[error("the invitation link is not valid")]
    LinkInvalid,
    /// The 30 days to apply for judicial confirmation are over (民事诉讼法 第二百零五条).
    #[error("the time to apply ended on {deadline}")]
    ConfirmationTooLate { deadline: String },
    /// The time held for completing the booking ran out (or it was completed already): choose a time again.
    #[error("the hold has ended")]
    HoldExpired,
    /// Too many bookings from this account, or invitations to this mobile number, in a day.
    #[error("too many bookings")]
    TooMany,
    /// The period may be extended once.
    #[error("already extended")]
    ExtendedOnce,
    /// The meeting room does not let this person in (its page says why and what to do).
    #[error("not let into the meeting: {}", .0.code())]
    Refused(domain::meeting::Refusal),
    /// The meeting room refuses an action (only the leading mediator admits, …).
    #[error("refused in the meeting: {}", .0.code())]
    Room(domain::meeting::RoomRefusal),
    #[error("internal: {0}")]
    Internal(String),
}

impl MediationError {
    pub fn internal(cause: impl std::fmt::Display) -> MediationError {
        MediationError::Internal(cause.to_string())
    }

    pub fn field(field: &str, error: domain::FieldError) -> MediationError {
        let mut errors = FieldErrors::default();
        errors.push(field, error);
        MediationError::Invalid(errors)
    }
}

impl From<db::DbError> for MediationError {
    fn from(e: db::DbError) -> Self {
        MediationError::internal(e)
    }
}

impl From<db::mediation::MediationError> for MediationError {
    fn from(e: db::mediation::MediationError) -> Self {
        match e {
            db::mediation::MediationError::NotFound => MediationError::NotFound,
            db::mediation::MediationError::Conflict => MediationError::Conflict,
            db::mediation::MediationError::SlotTaken => {
                MediationError::SlotTaken { next: Vec::new() }
            }
            db::mediation::MediationError::Db(e) => MediationError::internal(e),
        }
    }
}

impl From<crate::filing::error::FilingError> for MediationError {
    fn from(e: crate::filing::error::FilingError) -> Self {
        use crate::filing::error::FilingError as F;
        match e {
            F::Unauthorized => MediationError::Unauthorized,
            F::NotFound => MediationError::NotFound,
            F::StaffCannotFile => MediationError::Forbidden,
            F::Invalid(f) => MediationError::Invalid(f),
            F::Internal(c) => MediationError::Internal(c),
            _ => MediationError::Conflict,
        }
    }
}

impl ServiceError for MediationError {
    fn kind(&self) -> ErrorKind {
        match self {
            MediationError::Unauthorized => ErrorKind::Unauthorized,
            MediationError::NotFound | MediationError::LinkInvalid => ErrorKind::NotFound,
            MediationError::Forbidden => ErrorKind::Forbidden,
            MediationError::Invalid(_) => ErrorKind::Invalid,
            MediationError::Conflict
            | MediationError::SlotTaken { .. }
            | MediationError::TooLate { .. }
            | MediationError::ConfirmationTooLate { .. }
            | MediationError::ExtendedOnce
            | MediationError::HoldExpired => ErrorKind::Conflict,
            MediationError::TooMany => ErrorKind::TooManyRequests,
            MediationError::Refused(domain::meeting::Refusal::Invalid) => ErrorKind::NotFound,
            MediationError::Refused(domain::meeting::Refusal::OtherPerson)
            | MediationError::Refused(domain::meeting::Refusal::Removed) => ErrorKind::Forbidden,
            MediationError::Refused(_) => ErrorKind::Conflict,
            MediationError::Room(domain::meeting::RoomRefusal::NotHost) => ErrorKind::Forbidden,
            MediationError::Room(_) => ErrorKind::Conflict,
            MediationError::Internal(_) => ErrorKind::Internal,
        }
    }

    fn code(&self) -> &'static str {
        match self {
            MediationError::Unauthorized => "unauthorized",
            MediationError::NotFound => "not_found",
            MediationError::Forbidden => "forbidden",
            MediationError::Invalid(_) => "validation",
            MediationError::Conflict => "conflict",
            MediationError::SlotTaken { .. } => "slot_taken",
            MediationError::TooLate { .. } => "within_notice",
            MediationError::LinkInvalid => "link_invalid",
            MediationError::ConfirmationTooLate { .. } => "confirmation_too_late",
            MediationError::ExtendedOnce => "extended_once",
            MediationError::TooMany => "rate_limited",
            MediationError::HoldExpired => "hold_expired",
            MediationError::Refused(r) => r.code(),
            MediationError::Room(r) => r.code(),
            MediationError::Internal(_) => "internal",
        }
    }

    fn message(&self, l: Lang) -> String {
        match self {
            MediationError::SlotTaken { .. } => tr!(l, mediation_slot_taken).into(),
            MediationError::TooLate { hours } => {
                tr!(l, mediation_within_notice).replace("{hours}", &hours.to_string())
            }
            MediationError::LinkInvalid => tr!(l, mediation_link_invalid).into(),
            MediationError::ConfirmationTooLate { deadline } => {
                tr!(l, mediation_confirmation_too_late).replace("{date}", deadline)
            }
            MediationError::ExtendedOnce => tr!(l, mediation_extended_once).into(),
            MediationError::TooMany => tr!(l, mediation_too_many).into(),
            MediationError::HoldExpired => tr!(l, mediation_hold_expired).into(),
            MediationError::Refused(r) => super::meeting_texts::refusal(r, l),
            MediationError::Room(r) => super::meeting_texts::room_refusal(*r, l).into(),
            MediationError::Invalid(errors) if errors.0.len() == 1 => {
                errors.0[0].1.message(l).into()
            }
            other => kind_message(other.kind(), l).into(),
        }
    }

    fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            MediationError::Invalid(errors) => Some(errors),
            _ => None,
        }
    }

    fn internal_cause(&self) -> Option<&str> {
        match self {
            MediationError::Internal(cause) => Some(cause),
            _ => None,
        }
    }
}
