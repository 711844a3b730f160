//! Service requests (诉讼服务请求): the 12368 hotline's functions online. A person sends one to a court; that
//! court's staff answer it, transfer it to another court or department, or close it, within the time promised for
//! its kind; the person may reply once and rates the answer.
//!
//! The state machine is here, exhaustive, with a test per transition (refused ones too); the promised times are
//! configuration ([`PromisedHours`]).

use serde::{Deserialize, Serialize};

/// The six kinds of request, as 12368 offers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RequestKind {
    /// 咨询 — a question about law or procedure.
    Consultation,
    /// 查询 — where a case stands.
    Enquiry,
    /// 联系 — reaching the judge or clerk of a case.
    Contact,
    /// 预约 — an appointment (to read the file, to hand in material, to see the judge).
    Appointment,
    /// 转办 — a matter for another department or court.
    Transfer,
    /// 投诉建议 — a complaint or suggestion, including 办不成事反映 (could not get it done).
    Complaint,
}

impl RequestKind {
    pub const ALL: [RequestKind; 6] = [
        RequestKind::Consultation,
        RequestKind::Enquiry,
        RequestKind::Contact,
        RequestKind::Appointment,
        RequestKind::Transfer,
        RequestKind::Complaint,
    ];

    pub fn code(self) -> &'static str {
        match self {
            RequestKind::Consultation => "consultation",
            RequestKind::Enquiry => "enquiry",
            RequestKind::Contact => "contact",
            RequestKind::Appointment => "appointment",
            RequestKind::Transfer => "transfer",
            RequestKind::Complaint => "complaint",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether the request is about a case, so its number is asked for.
    pub fn needs_case(self) -> bool {
        matches!(self, RequestKind::Enquiry | RequestKind::Contact)
    }
}

/// The hours within which each kind is answered (configuration: `PORTAL_SERVICE_HOURS`, e.g.
/// `consultation=72,enquiry=24`). The defaults follow the common 12368 promises: an enquiry within a working day,
/// contact and appointments within two, consultation and transfers within three, complaints within five.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromisedHours {
    pub consultation: u32,
    pub enquiry: u32,
    pub contact: u32,
    pub appointment: u32,
    pub transfer: u32,
    pub complaint: u32,
}

impl Default for PromisedHours {
    fn default() -> Self {
        PromisedHours {
            consultation: 72,
            enquiry: 24,
            contact: 48,
            appointment: 48,
            transfer: 72,
            complaint: 120,
        }
    }
}

impl PromisedHours {
    pub fn of(&self, kind: RequestKind) -> u32 {
        match kind {
            RequestKind::Consultation => self.consultation,
            RequestKind::Enquiry => self.enquiry,
            RequestKind::Contact => self.contact,
            RequestKind::Appointment => self.appointment,
            RequestKind::Transfer => self.transfer,
            RequestKind::Complaint => self.complaint,
        }
    }

    /// Reads `kind=hours` pairs separated by commas; kinds not named keep their default. Hours from 1 to 720.
    pub fn parse(s: &str) -> Result<PromisedHours, String> {
        let mut h = PromisedHours::default();
        for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = pair
                .split_once('=')
                .ok_or_else(|| format!("{pair}: use kind=hours"))?;
            let kind = RequestKind::from_code(k.trim())
                .ok_or_else(|| format!("{k}: not a kind of request"))?;
            let hours: u32 = v
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=720).contains(n))
                .ok_or_else(|| format!("{pair}: hours from 1 to 720"))?;
            match kind {
                RequestKind::Consultation => h.consultation = hours,
                RequestKind::Enquiry => h.enquiry = hours,
                RequestKind::Contact => h.contact = hours,
                RequestKind::Appointment => h.appointment = hours,
                RequestKind::Transfer => h.transfer = hours,
                RequestKind::Complaint => h.complaint = hours,
            }
        }
        Ok(h)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum RequestStatus {
    /// Waiting for the court's answer (new, transferred, or replied to).
    Open,
    /// Answered; the person may reply once and rate it.
    Answered,
    /// Closed by the court (with a note); the person may rate it.
    Closed,
}

impl RequestStatus {
    pub fn code(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Answered => "answered",
            RequestStatus::Closed => "closed",
        }
    }

    pub fn from_code(code: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Open,
            RequestStatus::Answered,
            RequestStatus::Closed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// What can happen to a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestAction {
    /// The court's staff answer.
    Answer,
    /// The court's staff send it to another court or department (its clock starts again there).
    Transfer,
    /// The court's staff close it.
    Close,
    /// The person replies to the answer: once.
    Reply,
    /// The person rates the answer or the closing: once.
    Rate,
}

impl RequestAction {
    pub fn code(self) -> &'static str {
        match self {
            RequestAction::Answer => "answer",
            RequestAction::Transfer => "transfer",
            RequestAction::Close => "close",
            RequestAction::Reply => "reply",
            RequestAction::Rate => "rate",
        }
    }

    /// Whether court staff take this action (the others are the person's).
    pub fn by_staff(self) -> bool {
        match self {
            RequestAction::Answer | RequestAction::Transfer | RequestAction::Close => true,
            RequestAction::Reply | RequestAction::Rate => false,
        }
    }
}

/// The facts a transition depends on besides the status.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct RequestFacts {
    pub replied: bool,
    pub rated: bool,
}

/// Why an action is refused in the request's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Staff act only on an open request.
    NotOpen,
    /// A reply follows an answer.
    NotAnswered,
    /// The one reply was used.
    AlreadyReplied,
    /// Rating follows an answer or a closing, once.
    NotRatable,
    AlreadyRated,
}

/// The status after `action`, or why it is refused.
pub fn next(
    status: RequestStatus,
    facts: RequestFacts,
    action: RequestAction,
) -> Result<RequestStatus, Refused> {
    use RequestAction as A;
    use RequestStatus as S;
    match (status, action) {
        (S::Open, A::Answer) => Ok(S::Answered),
        (S::Open, A::Transfer) => Ok(S::Open),
        (S::Open, A::Close) => Ok(S::Closed),
        (S::Answered | S::Closed, A::Answer | A::Transfer | A::Close) => Err(Refused::NotOpen),
        (S::Answered, A::Reply) if facts.replied => Err(Refused::AlreadyReplied),
        (S::Answered, A::Reply) if facts.rated => Err(Refused::AlreadyRated),
        (S::Answered, A::Reply) => Ok(S::Open),
        (S::Open | S::Closed, A::Reply) => Err(Refused::NotAnswered),
        (S::Answered | S::Closed, A::Rate) if facts.rated => Err(Refused::AlreadyRated),
        (S::Answered, A::Rate) => Ok(S::Answered),
        (S::Closed, A::Rate) => Ok(S::Closed),
        (S::Open, A::Rate) => Err(Refused::NotRatable),
    }
}

/// A rating: 1–5 stars; below 3 a reason is required (what went wrong is what the court needs to know).
pub fn check_rating(score: u8, reason: &str) -> Result<(), crate::FieldError> {
    if !(1..=5).contains(&score) {
        return Err(crate::FieldError::UnknownChoice);
    }
    if score < 3 && reason.trim().is_empty() {
        return Err(crate::FieldError::Required);
    }
    Ok(())
}

/// Bounds on what a person types.
pub const MAX_SUBJECT_CHARS: usize = 100;
pub const MAX_BODY_CHARS: usize = 2_000;
pub const MAX_CASE_REF_CHARS: usize = 40;

#[cfg(test)]
mod tests {
    use super::RequestAction as A;
    use super::RequestStatus as S;
    use super::*;

    const NONE: RequestFacts = RequestFacts {
        replied: false,
        rated: false,
    };

    #[test]
    fn staff_answer_transfer_or_close_an_open_request_only() {
        assert_eq!(next(S::Open, NONE, A::Answer), Ok(S::Answered));
        assert_eq!(next(S::Open, NONE, A::Transfer), Ok(S::Open));
        assert_eq!(next(S::Open, NONE, A::Close), Ok(S::Closed));
        for s in [S::Answered, S::Closed] {
            for a in [A::Answer, A::Transfer, A::Close] {
                assert_eq!(next(s, NONE, a), Err(Refused::NotOpen), "{s:?} {a:?}");
            }
        }
    }

    #[test]
    fn the_person_replies_once_to_an_answer() {
        assert_eq!(next(S::Answered, NONE, A::Reply), Ok(S::Open));
        let replied = RequestFacts {
            replied: true,
            rated: false,
        };
        assert_eq!(
            next(S::Answered, replied, A::Reply),
            Err(Refused::AlreadyReplied)
        );
        assert_eq!(next(S::Open, NONE, A::Reply), Err(Refused::NotAnswered));
        assert_eq!(next(S::Closed, NONE, A::Reply), Err(Refused::NotAnswered));
        // After rating, the matter is settled: no reply.
        let rated = RequestFacts {
            replied: false,
            rated: true,
        };
        assert_eq!(
            next(S::Answered, rated, A::Reply),
            Err(Refused::AlreadyRated)
        );
    }

    #[test]
    fn rating_follows_an_answer_or_a_closing_once() {
        assert_eq!(next(S::Answered, NONE, A::Rate), Ok(S::Answered));
        assert_eq!(next(S::Closed, NONE, A::Rate), Ok(S::Closed));
        assert_eq!(next(S::Open, NONE, A::Rate), Err(Refused::NotRatable));
        let rated = RequestFacts {
            replied: false,
            rated: true,
        };
        assert_eq!(
            next(S::Answered, rated, A::Rate),
            Err(Refused::AlreadyRated)
        );
        assert_eq!(next(S::Closed, rated, A::Rate), Err(Refused::AlreadyRated));
    }

    #[test]
    fn a_low_rating_needs_a_reason() {
        assert!(check_rating(5, "").is_ok());
        assert!(check_rating(3, "").is_ok());
        assert_eq!(check_rating(2, " "), Err(crate::FieldError::Required));
        assert!(check_rating(1, "没人回电话").is_ok());
        assert_eq!(check_rating(0, "x"), Err(crate::FieldError::UnknownChoice));
        assert_eq!(check_rating(6, "x"), Err(crate::FieldError::UnknownChoice));
    }

    #[test]
    fn promised_hours_are_configured_per_kind() {
        let h = PromisedHours::parse("enquiry=8, complaint=240").unwrap();
        assert_eq!(h.of(RequestKind::Enquiry), 8);
        assert_eq!(h.of(RequestKind::Complaint), 240);
        assert_eq!(h.of(RequestKind::Consultation), 72);
        assert!(PromisedHours::parse("enquiry=0").is_err());
        assert!(PromisedHours::parse("gossip=5").is_err());
        assert!(PromisedHours::parse("enquiry").is_err());
        for k in RequestKind::ALL {
            assert_eq!(RequestKind::from_code(k.code()), Some(k));
        }
    }
}
