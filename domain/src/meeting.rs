//! Video mediation (在线视频调解): who may be in the room, when a personal join link opens and closes, and the lobby
//! rules — nobody meets before the mediator is there, the mediator admits each person, an admitted person who
//! drops out comes back without a new admission, a removed person stays out.
//!
//! Pure rules: the link's signature is made and checked by the server's keys, the clock is an argument.

use serde::{Deserialize, Serialize};

/// A join link opens this long before the planned start …
pub const OPENS_BEFORE_MS: i64 = 30 * 60_000;
/// … and closes this long after the planned end (sessions overrun; a dropped party must get back in).
pub const CLOSES_AFTER_MS: i64 = 2 * 3_600_000;
/// At most this many people in one room: a mesh of peer connections carries 2–8 comfortably; more needs an SFU.
pub const MAX_PEOPLE: usize = 12;
/// Guests (agents, interpreters, an observing clerk) one mediation may have besides the parties and the mediator.
pub const MAX_GUESTS: usize = 8;
/// A chat line's length, in characters.
pub const MAX_CHAT_CHARS: usize = 500;
/// A connection that has not been heard from for this long is taken as gone (a crashed instance, a lost phone).
pub const STALE_AFTER_MS: i64 = 60_000;

/// Who someone is in the meeting room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MeetingRole {
    /// 调解员: leads the meeting, admits, mutes, removes, ends.
    Mediator,
    /// 申请人
    Requester,
    /// 被申请人
    Respondent,
    /// A party's agent or lawyer (代理人).
    Agent,
    /// 翻译 (Korean, Mongolian …).
    Interpreter,
    /// An observing clerk of the court (书记员).
    Clerk,
}

impl MeetingRole {
    pub const ALL: [MeetingRole; 6] = [
        MeetingRole::Mediator,
        MeetingRole::Requester,
        MeetingRole::Respondent,
        MeetingRole::Agent,
        MeetingRole::Interpreter,
        MeetingRole::Clerk,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MeetingRole::Mediator => "mediator",
            MeetingRole::Requester => "requester",
            MeetingRole::Respondent => "respondent",
            MeetingRole::Agent => "agent",
            MeetingRole::Interpreter => "interpreter",
            MeetingRole::Clerk => "clerk",
        }
    }

    pub fn parse(s: &str) -> Option<MeetingRole> {
        MeetingRole::ALL.into_iter().find(|r| r.code() == s)
    }

    /// The roles a mediator or the court may add to a meeting (the parties and the mediator come with it).
    pub fn is_guest(self) -> bool {
        match self {
            MeetingRole::Agent | MeetingRole::Interpreter | MeetingRole::Clerk => true,
            MeetingRole::Mediator | MeetingRole::Requester | MeetingRole::Respondent => false,
        }
    }

    /// Officials are named in full in the room; parties and their agents by their masked name (张*).
    pub fn is_official(self) -> bool {
        match self {
            MeetingRole::Mediator | MeetingRole::Interpreter | MeetingRole::Clerk => true,
            MeetingRole::Requester | MeetingRole::Respondent | MeetingRole::Agent => false,
        }
    }
}

/// When a personal link is valid: from 30 minutes before the start to two hours after the planned end.
pub fn join_window(start_ms: i64, end_ms: i64) -> (i64, i64) {
    (start_ms - OPENS_BEFORE_MS, end_ms + CLOSES_AFTER_MS)
}

/// What a personal join link names (the signature over it is the server's). `seq` counts the reschedules: a link
/// made before the session moved names an older `seq` and is told where the meeting went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JoinClaim {
    pub participant: String,
    pub role: MeetingRole,
    pub seq: u32,
    pub opens: i64,
    pub closes: i64,
}

/// A participant id: letters, digits, `-` and `_`, at most 40 (it is part of the link and of the room's messages).
pub fn is_participant_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 40
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl JoinClaim {
    /// What the server signs, with the mediation it is for: `{mediation}.{participant}.{role}.{seq}.{opens}` (the
    /// closing time is the signature's expiry).
    pub fn subject(&self, mediation_id: &str) -> String {
        format!(
            "{mediation_id}.{}.{}.{}.{}",
            self.participant,
            self.role.code(),
            self.seq,
            self.opens
        )
    }

    /// The link's token: the claim in the clear, then the signature `{closes}.{mac}` made over [`JoinClaim::subject`].
    pub fn token(&self, signature: &str) -> String {
        format!(
            "{}.{}.{}.{}.{signature}",
            self.participant,
            self.role.code(),
            self.seq,
            self.opens
        )
    }

    /// Reads a token back into its claim and the signature part; anything malformed (of any length) is `None`.
    pub fn parse(token: &str) -> Option<(JoinClaim, &str)> {
        if token.len() > 160 {
            return None;
        }
        let mut parts = token.splitn(5, '.');
        let participant = parts.next()?;
        let role = MeetingRole::parse(parts.next()?)?;
        let seq = parts.next()?.parse::<u32>().ok()?;
        let opens_text = parts.next()?;
        let signature = parts.next()?;
        if !is_participant_id(participant) || opens_text.len() > 16 {
            return None;
        }
        let opens = opens_text.parse::<i64>().ok()?;
        let closes = signature.split_once('.')?.0;
        if closes.len() > 16 {
            return None;
        }
        let closes = closes.parse::<i64>().ok()?;
        Some((
            JoinClaim {
                participant: participant.to_string(),
                role,
                seq,
                opens,
                closes,
            },
            signature,
        ))
    }

    /// Whether the link may be used at `now` (its signature already checked).
    pub fn check_time(&self, now: i64) -> Result<(), Refusal> {
        if now < self.opens {
            Err(Refusal::NotYet { opens: self.opens })
        } else if now > self.closes {
            Err(Refusal::Over)
        } else {
            Ok(())
        }
    }
}

/// Why a join link (or a signed-in person) is not let into the room. Each has its own page saying what to do.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "code", rename_all = "snake_case")]
pub enum Refusal {
    /// Not a link the portal made (altered, cut short, for another meeting).
    Invalid,
    /// The link is someone else's: the person signed in is not the one it names.
    OtherPerson,
    /// Too early: the room opens at `opens`.
    NotYet { opens: i64 },
    /// The meeting's time is over.
    Over,
    /// The session was moved: this link is for the old time; the new one starts at `start`.
    Moved { start: i64 },
    /// The session was cancelled.
    Cancelled,
    /// The mediator removed this person from the meeting.
    Removed,
    /// The mediator ended the meeting.
    Ended,
    /// The mediation is not (or no longer) a video session that is taking place.
    NotVideo,
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Invalid => "invalid",
            Refusal::OtherPerson => "other_person",
            Refusal::NotYet { .. } => "not_yet",
            Refusal::Over => "over",
            Refusal::Moved { .. } => "moved",
            Refusal::Cancelled => "cancelled",
            Refusal::Removed => "removed",
            Refusal::Ended => "ended",
            Refusal::NotVideo => "not_video",
        }
    }
}

/// Where a person stands in the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PresenceState {
    /// 等候室: waiting to be admitted.
    Lobby,
    /// In the meeting (also while reconnecting).
    Admitted,
    /// Removed by the mediator: stays out of this meeting.
    Removed,
}

impl PresenceState {
    pub fn code(self) -> &'static str {
        match self {
            PresenceState::Lobby => "lobby",
            PresenceState::Admitted => "admitted",
            PresenceState::Removed => "removed",
        }
    }

    pub fn parse(s: &str) -> Option<PresenceState> {
        [
            PresenceState::Lobby,
            PresenceState::Admitted,
            PresenceState::Removed,
        ]
        .into_iter()
        .find(|p| p.code() == s)
    }
}

/// What happens in the room that changes someone's place in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomAction {
    /// The person opens the room (first time or again).
    Join,
    /// The leading mediator lets a waiting person in.
    Admit,
    /// The leading mediator removes a person.
    Remove,
}

/// Why the room refuses an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoomRefusal {
    /// Only the mediator leading the meeting may do this.
    NotHost,
    /// The leading mediator is not in the room (nobody is admitted before they are).
    HostAbsent,
    /// The person is not waiting in the lobby (already in, or removed).
    NotWaiting,
    /// The person was removed and cannot come back.
    Removed,
    /// The mediator cannot be removed (they end the meeting instead).
    NotRemovable,
    /// There is already a mediator leading who is connected.
    HostPresent,
    /// The mediator taking over must be of the organisation the mediation is with.
    OtherOrganisation,
    /// The room holds [`MAX_PEOPLE`].
    Full,
}

impl RoomRefusal {
    pub fn code(self) -> &'static str {
        match self {
            RoomRefusal::NotHost => "not_host",
            RoomRefusal::HostAbsent => "host_absent",
            RoomRefusal::NotWaiting => "not_waiting",
            RoomRefusal::Removed => "removed",
            RoomRefusal::NotRemovable => "not_removable",
            RoomRefusal::HostPresent => "host_present",
            RoomRefusal::OtherOrganisation => "other_organisation",
            RoomRefusal::Full => "room_full",
        }
    }
}

/// The state a person is in after `action`, given where they were (`None`: never in this room). Exhaustive: every
/// pair is decided here. A mediator joining is admitted at once (they open the meeting); anyone else who joins for
/// the first time waits; someone already admitted who joins again (a dropped network) is admitted again without
/// asking; a removed person stays out.
pub fn next_state(
    from: Option<PresenceState>,
    action: RoomAction,
    role: MeetingRole,
) -> Result<PresenceState, RoomRefusal> {
    use PresenceState::*;
    match (from, action) {
        (Some(Removed), _) => Err(RoomRefusal::Removed),
        (None, RoomAction::Join) | (Some(Lobby), RoomAction::Join) => {
            Ok(if role == MeetingRole::Mediator {
                Admitted
            } else {
                Lobby
            })
        }
        (Some(Admitted), RoomAction::Join) => Ok(Admitted),
        (Some(Lobby), RoomAction::Admit) => Ok(Admitted),
        (None, RoomAction::Admit) | (Some(Admitted), RoomAction::Admit) => {
            Err(RoomRefusal::NotWaiting)
        }
        (Some(Lobby), RoomAction::Remove) | (Some(Admitted), RoomAction::Remove) => {
            if role == MeetingRole::Mediator {
                Err(RoomRefusal::NotRemovable)
            } else {
                Ok(Removed)
            }
        }
        (None, RoomAction::Remove) => Err(RoomRefusal::NotWaiting),
    }
}

/// Whether the caller may lead an action on others (admit, mute, remove, share, end): they must be the mediator
/// leading the meeting, and connected.
pub fn may_lead(caller: &str, host: Option<&str>) -> Result<(), RoomRefusal> {
    if host == Some(caller) {
        Ok(())
    } else {
        Err(RoomRefusal::NotHost)
    }
}

/// Admitting needs the leading mediator in the room: nobody meets before the mediator is there.
pub fn may_admit(
    caller: &str,
    host: Option<&str>,
    host_connected: bool,
    target: Option<PresenceState>,
    target_role: MeetingRole,
) -> Result<PresenceState, RoomRefusal> {
    may_lead(caller, host)?;
    if !host_connected {
        return Err(RoomRefusal::HostAbsent);
    }
    next_state(target, RoomAction::Admit, target_role)
}

/// A second mediator of the same organisation may take the meeting over when the leading one has dropped out.
pub fn may_take_over(
    same_organisation: bool,
    host_connected: bool,
    is_host_already: bool,
) -> Result<(), RoomRefusal> {
    if is_host_already {
        return Err(RoomRefusal::HostPresent);
    }
    if !same_organisation {
        return Err(RoomRefusal::OtherOrganisation);
    }
    if host_connected {
        return Err(RoomRefusal::HostPresent);
    }
    Ok(())
}

/// The TURN REST API user name (coturn `use-auth-secret`): `{expiry in Unix seconds}:{who}`; the password is
/// base64(HMAC-SHA1(shared secret, user name)), made by the server.
pub fn turn_username(expires_ms: i64, participant: &str) -> String {
    format!("{}:{participant}", expires_ms.div_euclid(1000))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim() -> JoinClaim {
        JoinClaim {
            participant: "respondent".into(),
            role: MeetingRole::Respondent,
            seq: 2,
            opens: 1_000,
            closes: 9_000,
        }
    }

    #[test]
    fn the_window_opens_half_an_hour_before_and_closes_two_hours_after() {
        let start = 1_800_000_000_000;
        let (opens, closes) = join_window(start, start + 3_600_000);
        assert_eq!(start - opens, 30 * 60_000);
        assert_eq!(closes - (start + 3_600_000), 2 * 3_600_000);
        let c = JoinClaim {
            opens,
            closes,
            ..claim()
        };
        assert_eq!(c.check_time(opens - 1), Err(Refusal::NotYet { opens }));
        assert_eq!(c.check_time(opens), Ok(()));
        assert_eq!(c.check_time(closes), Ok(()));
        assert_eq!(c.check_time(closes + 1), Err(Refusal::Over));
    }

    #[test]
    fn tokens_read_back_and_nonsense_does_not() {
        let c = claim();
        let token = c.token("9000.00112233445566778899aabbccddeeff");
        assert_eq!(
            token,
            "respondent.respondent.2.1000.9000.00112233445566778899aabbccddeeff"
        );
        let (back, sig) = JoinClaim::parse(&token).unwrap();
        assert_eq!(back, c);
        assert_eq!(sig, "9000.00112233445566778899aabbccddeeff");
        assert_eq!(c.subject("m1"), "m1.respondent.respondent.2.1000");
        for bad in [
            "",
            "....",
            "a.mediatorx.1.2.3.x",
            "a.mediator.-1.2.3.x",
            "a b.mediator.1.2.3.x",
            "a.mediator.1.2.x",
            "a.mediator.1.99999999999999999.3.x",
            &"a".repeat(500),
            "ａ.mediator.1.2.3.x",
        ] {
            assert!(JoinClaim::parse(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn roles_read_back() {
        for r in MeetingRole::ALL {
            assert_eq!(MeetingRole::parse(r.code()), Some(r));
        }
        assert_eq!(MeetingRole::parse("judge"), None);
        assert!(MeetingRole::Interpreter.is_guest() && !MeetingRole::Respondent.is_guest());
    }

    #[test]
    fn every_lobby_transition_is_decided() {
        use PresenceState::*;
        use RoomAction::*;
        let party = MeetingRole::Requester;
        let med = MeetingRole::Mediator;
        // Joining: the mediator opens the meeting, everyone else waits; a dropped person comes back in.
        assert_eq!(next_state(None, Join, med), Ok(Admitted));
        assert_eq!(next_state(None, Join, party), Ok(Lobby));
        assert_eq!(next_state(Some(Lobby), Join, party), Ok(Lobby));
        assert_eq!(next_state(Some(Admitted), Join, party), Ok(Admitted));
        assert_eq!(
            next_state(Some(Removed), Join, party),
            Err(RoomRefusal::Removed)
        );
        // Admitting: only someone waiting.
        assert_eq!(next_state(Some(Lobby), Admit, party), Ok(Admitted));
        assert_eq!(
            next_state(Some(Admitted), Admit, party),
            Err(RoomRefusal::NotWaiting)
        );
        assert_eq!(next_state(None, Admit, party), Err(RoomRefusal::NotWaiting));
        assert_eq!(
            next_state(Some(Removed), Admit, party),
            Err(RoomRefusal::Removed)
        );
        // Removing: anyone in or waiting but the mediator.
        assert_eq!(next_state(Some(Lobby), Remove, party), Ok(Removed));
        assert_eq!(next_state(Some(Admitted), Remove, party), Ok(Removed));
        assert_eq!(
            next_state(Some(Admitted), Remove, med),
            Err(RoomRefusal::NotRemovable)
        );
        assert_eq!(
            next_state(None, Remove, party),
            Err(RoomRefusal::NotWaiting)
        );
        assert_eq!(
            next_state(Some(Removed), Remove, party),
            Err(RoomRefusal::Removed)
        );
    }

    #[test]
    fn only_the_present_leading_mediator_admits() {
        let party = MeetingRole::Requester;
        let lobby = Some(PresenceState::Lobby);
        assert_eq!(
            may_admit("mediator", Some("mediator"), true, lobby, party),
            Ok(PresenceState::Admitted)
        );
        assert_eq!(
            may_admit("requester", Some("mediator"), true, lobby, party),
            Err(RoomRefusal::NotHost)
        );
        assert_eq!(
            may_admit("mediator", None, false, lobby, party),
            Err(RoomRefusal::NotHost)
        );
        assert_eq!(
            may_admit("mediator", Some("mediator"), false, lobby, party),
            Err(RoomRefusal::HostAbsent)
        );
    }

    #[test]
    fn a_colleague_takes_over_only_when_the_mediator_dropped_out() {
        assert_eq!(may_take_over(true, false, false), Ok(()));
        assert_eq!(
            may_take_over(true, true, false),
            Err(RoomRefusal::HostPresent)
        );
        assert_eq!(
            may_take_over(false, false, false),
            Err(RoomRefusal::OtherOrganisation)
        );
        assert_eq!(
            may_take_over(true, false, true),
            Err(RoomRefusal::HostPresent)
        );
    }

    #[test]
    fn turn_user_names_carry_their_expiry_in_seconds() {
        assert_eq!(turn_username(1_800_000_000_999, "p1"), "1800000000:p1");
    }
}
