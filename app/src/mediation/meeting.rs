//! The video mediation room's operations (在线视频调解), each written once: who may enter (a personal signed link,
//! or a signed-in participant), the lobby and admission, the leading mediator's powers, chat, shared documents,
//! calendar invitations, and the join links sent to everyone.
//!
//! The room's state is in the database and every message goes through the relay (`db::relay`): people connected to
//! different server instances are in the same room. The WebSocket door (server) only carries messages to and from
//! one browser and calls these functions.

use super::error::MediationError;
use crate::ssr::{RequestInfo as Caller, ServerCtx};
use db::mediation::{self as store, Mediation};
use db::meeting::{self as room, Presence};
use domain::mediation::MediationStatus;
use domain::meeting::{
    self as rules, JoinClaim, MeetingRole, PresenceState, Refusal, RoomAction, RoomRefusal,
};
use domain::registration::AccountKind;
use serde::Deserialize;
use serde_json::{json, Value};

pub type Result<T> = std::result::Result<T, MediationError>;

const LINK_PURPOSE: &str = "meeting";
const DOC_PURPOSE: &str = "meeting-doc";
/// Chat lines replayed to someone (re)joining.
const HISTORY: i64 = 50;
/// The booked mediator's participant id (colleagues taking over get `m…`).
pub const MEDIATOR: &str = "mediator";

/// Where browsers find each other (`PORTAL_STUN_URLS`, `PORTAL_TURN_URLS`, `PORTAL_TURN_SECRET`,
/// `PORTAL_ICE_TRANSPORT_POLICY`). TURN passwords are made per participant from the shared secret and expire with
/// their link (the TURN REST API scheme coturn implements); no static password ever reaches a page.
#[derive(Clone, Default)]
pub struct MeetingConfig {
    pub stun: Vec<String>,
    pub turn: Vec<String>,
    pub turn_secret: Option<Vec<u8>>,
    /// Only relayed media (`iceTransportPolicy: "relay"`): hides the parties' addresses from each other.
    pub relay_only: bool,
    /// The portal's address as people reach it (`PORTAL_PUBLIC_URL`, `https://portal.court.example`), put before
    /// the links in messages and calendar invitations; empty: links are sent relative, as the other messages' are.
    pub public_url: String,
}

impl std::fmt::Debug for MeetingConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MeetingConfig")
            .field("stun", &self.stun)
            .field("turn", &self.turn)
            .field("relay_only", &self.relay_only)
            .finish_non_exhaustive()
    }
}

impl MeetingConfig {
    /// From the settings' raw values; a setting that cannot work stops start-up with what to change.
    pub fn parse(
        stun: &str,
        turn: &str,
        secret: Option<&str>,
        policy: Option<&str>,
        public_url: Option<&str>,
    ) -> std::result::Result<MeetingConfig, String> {
        let public_url = public_url
            .map(str::trim)
            .unwrap_or("")
            .trim_end_matches('/')
            .to_string();
        let web = |u: &str| u.starts_with("https://") || u.starts_with("http://");
        if !public_url.is_empty() && !web(&public_url) {
            return Err(format!(
                "PORTAL_PUBLIC_URL={public_url}: an http(s):// address"
            ));
        }
        let list = |s: &str, schemes: &[&str], name: &str| {
            s.split(',')
                .map(str::trim)
                .filter(|u| !u.is_empty())
                .map(|u| {
                    if schemes.iter().any(|p| u.starts_with(p)) && u.len() < 300 {
                        Ok(u.to_string())
                    } else {
                        Err(format!("{name}: {u} is not a {} URL", schemes.join(" or ")))
                    }
                })
                .collect::<std::result::Result<Vec<_>, _>>()
        };
        let stun = list(stun, &["stun:", "stuns:"], "PORTAL_STUN_URLS")?;
        let turn = list(turn, &["turn:", "turns:"], "PORTAL_TURN_URLS")?;
        let turn_secret = secret
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| s.as_bytes().to_vec());
        if !turn.is_empty() && turn_secret.is_none() {
            return Err(
                "PORTAL_TURN_URLS is set: set PORTAL_TURN_SECRET to coturn's static-auth-secret too".into(),
            );
        }
        let relay_only = match policy.map(str::trim) {
            None | Some("") | Some("all") => false,
            Some("relay") => true,
            Some(other) => {
                return Err(format!(
                    "PORTAL_ICE_TRANSPORT_POLICY={other}: use all or relay"
                ))
            }
        };
        if relay_only && turn.is_empty() {
            return Err("PORTAL_ICE_TRANSPORT_POLICY=relay needs PORTAL_TURN_URLS".into());
        }
        Ok(MeetingConfig {
            stun,
            turn,
            turn_secret,
            relay_only,
            public_url,
        })
    }

    /// The `RTCConfiguration` for one participant, TURN credentials valid until `expires_ms`.
    pub fn ice_for(&self, participant: &str, expires_ms: i64) -> Value {
        let mut servers = Vec::new();
        if !self.stun.is_empty() {
            servers.push(json!({"urls": self.stun}));
        }
        if let (false, Some(secret)) = (self.turn.is_empty(), &self.turn_secret) {
            let username = rules::turn_username(expires_ms, participant);
            let credential = db::crypto::turn_password(secret, &username);
            servers
                .push(json!({"urls": self.turn, "username": username, "credential": credential}));
        }
        json!({
            "iceServers": servers,
            "iceTransportPolicy": if self.relay_only { "relay" } else { "all" },
        })
    }
}

/// Someone who may be in a mediation's meeting.
#[derive(Clone, Debug)]
pub struct Person {
    pub participant: String,
    pub role: MeetingRole,
    pub name: String,
    pub name_masked: String,
    pub account_id: Option<String>,
    pub mobile: Option<String>,
}

impl Person {
    /// The name the room shows everyone: officials in full, parties and agents masked (张*).
    pub fn shown(&self) -> String {
        if self.role.is_official() {
            self.name.clone()
        } else {
            self.name_masked.clone()
        }
    }
}

/// The parties, the booked mediator and the guests.
pub async fn people(ctx: &ServerCtx, m: &Mediation) -> Result<Vec<Person>> {
    let mut out = Vec::new();
    for p in store::parties(&ctx.db, &m.id).await? {
        let role = match p.role {
            domain::mediation::MediationRole::Requester => MeetingRole::Requester,
            domain::mediation::MediationRole::Respondent => MeetingRole::Respondent,
            _ => continue,
        };
        out.push(Person {
            participant: role.code().to_string(),
            role,
            name: p.name,
            name_masked: p.name_masked,
            account_id: p.account_id,
            mobile: p.mobile,
        });
    }
    if let Some(med) = store::mediator(&ctx.db, &m.mediator_id).await? {
        out.push(Person {
            participant: MEDIATOR.into(),
            role: MeetingRole::Mediator,
            name_masked: med.name.clone(),
            name: med.name,
            account_id: med.account_id,
            mobile: None,
        });
    }
    for g in room::guests(&ctx.db, &m.id).await? {
        out.push(Person {
            participant: g.id,
            role: g.role,
            name: g.name,
            name_masked: g.name_masked,
            account_id: g.account_id,
            mobile: g.mobile,
        });
    }
    Ok(out)
}

/// How many times the session moved: the links' and the invitations' sequence.
pub async fn sequence(ctx: &ServerCtx, m: &Mediation) -> Result<u32> {
    Ok(room::reschedules(&ctx.db, &m.id).await?)
}

/// A person's join link (relative to the site), valid in the meeting's window for its current time.
pub fn join_link(ctx: &ServerCtx, m: &Mediation, seq: u32, p: &Person) -> String {
    let (opens, closes) = rules::join_window(m.start_ms, m.end_ms);
    let claim = JoinClaim {
        participant: p.participant.clone(),
        role: p.role,
        seq,
        opens,
        closes,
    };
    format!(
        "/mediations/{}/meeting?t={}",
        m.id,
        sign_claim(&ctx.keys, &m.id, &claim)
    )
}

/// The token of a join link: the claim and the server's signature over it and the mediation.
pub fn sign_claim(keys: &db::crypto::Keys, mediation_id: &str, claim: &JoinClaim) -> String {
    let signature = keys.sign_link(LINK_PURPOSE, &claim.subject(mediation_id), claim.closes);
    claim.token(&signature)
}

/// A mediation whose meeting can take place: a video session that was agreed and not cancelled (it may already
/// have an outcome recorded: the meeting goes on to read and sign it).
fn happening(m: &Mediation) -> std::result::Result<(), Refusal> {
    match m.status {
        MediationStatus::Cancelled => Err(Refusal::Cancelled),
        MediationStatus::Held
        | MediationStatus::Invited
        | MediationStatus::Declined
        | MediationStatus::Expired => Err(Refusal::NotVideo),
        MediationStatus::Scheduled
        | MediationStatus::Settled
        | MediationStatus::PartlySettled
        | MediationStatus::Failed
        | MediationStatus::Filed => {
            if m.mode == domain::mediation::MediationMode::Video {
                Ok(())
            } else {
                Err(Refusal::NotVideo)
            }
        }
    }
}

/// Someone let through the door of a meeting (not yet connected).
#[derive(Clone, Debug)]
pub struct Seat {
    pub mediation: Mediation,
    pub person: Person,
    /// When their link (or the meeting's window) closes: their TURN credentials expire then.
    pub closes: i64,
}

fn refused(r: Refusal) -> MediationError {
    MediationError::Refused(r)
}

/// Who is at the door: the holder of a personal link (`token`), or a signed-in participant without one — a party,
/// the mediator, a guest with an account, court staff of the court (observing as clerk), or a mediator of the same
/// organisation (to take over). Everyone else is told the mediation does not exist.
pub async fn enter(
    caller: &Caller,
    id: &str,
    token: Option<&str>,
    ctx: &ServerCtx,
) -> Result<Seat> {
    let id: String = id.chars().take(64).collect();
    let now = caller.now_ms;
    let token = token.filter(|t| !t.is_empty());
    let Some(m) = store::get(&ctx.db, &id).await? else {
        return Err(match token {
            Some(_) => refused(Refusal::Invalid),
            None => MediationError::NotFound,
        });
    };
    let everyone = people(ctx, &m).await?;
    let (person, closes) = match token {
        Some(t) => {
            let (claim, signature) = JoinClaim::parse(t).ok_or(refused(Refusal::Invalid))?;
            if !ctx
                .keys
                .verify_link(LINK_PURPOSE, &claim.subject(&m.id), signature, i64::MIN)
            {
                return Err(refused(Refusal::Invalid));
            }
            let person = everyone
                .into_iter()
                .find(|p| p.participant == claim.participant && p.role == claim.role)
                .ok_or(refused(Refusal::Invalid))?;
            if let (Some(user), Some(owner)) = (&caller.user, &person.account_id) {
                if &user.id != owner {
                    return Err(refused(Refusal::OtherPerson));
                }
            }
            happening(&m).map_err(refused)?;
            if claim.seq != sequence(ctx, &m).await? {
                return Err(refused(Refusal::Moved { start: m.start_ms }));
            }
            claim.check_time(now).map_err(refused)?;
            (person, claim.closes)
        }
        None => {
            let user = caller.user.as_ref().ok_or(MediationError::Unauthorized)?;
            let own = everyone
                .into_iter()
                .find(|p| p.account_id.as_deref() == Some(user.id.as_str()));
            let person = match own {
                Some(p) => p,
                None => outsider_seat(ctx, user, &m).await?,
            };
            happening(&m).map_err(refused)?;
            let (opens, closes) = rules::join_window(m.start_ms, m.end_ms);
            let window = JoinClaim {
                participant: person.participant.clone(),
                role: person.role,
                seq: 0,
                opens,
                closes,
            };
            window.check_time(now).map_err(refused)?;
            (person, closes)
        }
    };
    if room::meeting(&ctx.db, &m.id)
        .await?
        .is_some_and(|mt| mt.ended_at.is_some())
    {
        return Err(refused(Refusal::Ended));
    }
    if room::presence_of(&ctx.db, &m.id, &person.participant)
        .await?
        .is_some_and(|p| p.state == PresenceState::Removed)
    {
        return Err(refused(Refusal::Removed));
    }
    Ok(Seat {
        mediation: m,
        person,
        closes,
    })
}

/// A signed-in person who is not named in the mediation but may come in: court staff of its court (as an observing
/// clerk) or a mediator of the same organisation (to take over).
async fn outsider_seat(
    ctx: &ServerCtx,
    user: &db::accounts::Account,
    m: &Mediation,
) -> Result<Person> {
    let short: String = user
        .id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .take(20)
        .collect();
    if matches!(
        user.kind,
        AccountKind::Clerk | AccountKind::Judge | AccountKind::CourtAdmin
    ) && user.court_code.as_deref() == Some(m.court_code.as_str())
    {
        return Ok(Person {
            participant: format!("c{short}"),
            role: MeetingRole::Clerk,
            name: user.display_name.clone(),
            name_masked: user.display_name.clone(),
            account_id: Some(user.id.clone()),
            mobile: None,
        });
    }
    if user.kind == AccountKind::Mediator {
        if let (Some(me), Some(booked)) = (
            store::mediator_of_account(&ctx.db, &user.id).await?,
            store::mediator(&ctx.db, &m.mediator_id).await?,
        ) {
            if me.org_code == booked.org_code {
                return Ok(Person {
                    participant: format!("m{short}"),
                    role: MeetingRole::Mediator,
                    name_masked: me.name.clone(),
                    name: me.name,
                    account_id: Some(user.id.clone()),
                    mobile: None,
                });
            }
        }
    }
    Err(MediationError::NotFound)
}

// ---------------------------------------------------------------------------------------------------------------
// In the room

/// A message to the browsers of a room, as the relay carries it to every instance: `to` limits it to some people,
/// `close` tells instances to close sockets (`who`: one person or everyone; `except_conn`: keep that connection).
pub fn envelope(
    room_id: &str,
    to: Option<Vec<String>>,
    msg: Option<Value>,
    close: Option<Value>,
) -> String {
    json!({"room": room_id, "to": to, "msg": msg, "close": close}).to_string()
}

async fn publish(ctx: &ServerCtx, body: String, now: i64) -> Result<()> {
    ctx.relay.publish(&body, now).await?;
    Ok(())
}

/// Tells the instances to close sockets of this room: one person's (`who`) or everyone's, except one connection.
async fn close(
    ctx: &ServerCtx,
    room_id: &str,
    who: Option<&str>,
    reason: &str,
    except_conn: Option<i64>,
    now: i64,
) -> Result<()> {
    let close = json!({"who": who, "reason": reason, "except_conn": except_conn});
    publish(ctx, envelope(room_id, None, None, Some(close)), now).await
}

/// Records what the seated person did in the room as an event of the mediation (`about`: whom, or themselves).
async fn note(seat: &Seat, ctx: &ServerCtx, action: &str, about: &str, now: i64) -> Result<()> {
    let m = &seat.mediation;
    room::record(
        &ctx.db,
        &m.id,
        m.status,
        seat.person.account_id.as_deref(),
        seat.person.role,
        action,
        about,
        now,
    )
    .await?;
    Ok(())
}

/// The room as everyone in it sees it (names as [`Person::shown`]).
pub async fn roster(ctx: &ServerCtx, mediation_id: &str, now: i64) -> Result<Value> {
    let meeting = room::meeting(&ctx.db, mediation_id).await?;
    let host = meeting.and_then(|m| m.host);
    let people = room::presence(&ctx.db, mediation_id).await?;
    let host_present = people
        .iter()
        .any(|p| Some(&p.participant) == host.as_ref() && p.is_here(now));
    let list: Vec<Value> = people
        .iter()
        .map(|p| {
            let state = match p.state {
                PresenceState::Removed => "removed",
                _ if !p.is_here(now) => "left",
                s => s.code(),
            };
            json!({"id": p.participant, "name": p.name, "role": p.role.code(), "state": state,
                   "connected": p.is_here(now), "conn": p.conn, "muted": p.muted})
        })
        .collect();
    Ok(json!({"t": "roster", "host": host, "host_present": host_present, "people": list}))
}

async fn publish_roster(ctx: &ServerCtx, mediation_id: &str, now: i64) -> Result<()> {
    let r = roster(ctx, mediation_id, now).await?;
    publish(ctx, envelope(mediation_id, None, Some(r), None), now).await
}

/// What a connection gets first: who they are, how to reach the others, and the recent chat.
pub struct Joined {
    pub conn: i64,
    pub welcome: Value,
    pub history: Vec<Value>,
}

/// A connection opened: the person takes their place (the lobby, or back in if they had been admitted) and the first
/// mediator to arrive leads. The door registers the connection, then [`announce`]s it.
pub async fn arrive(seat: &Seat, ctx: &ServerCtx, now: i64) -> Result<Joined> {
    let m = &seat.mediation;
    let p = &seat.person;
    let meeting = room::open(&ctx.db, &m.id, now).await?;
    if meeting.ended_at.is_some() {
        return Err(refused(Refusal::Ended));
    }
    let before = room::presence_of(&ctx.db, &m.id, &p.participant).await?;
    if before.is_none() && room::presence(&ctx.db, &m.id).await?.len() >= rules::MAX_PEOPLE {
        return Err(MediationError::Room(RoomRefusal::Full));
    }
    let first_state = rules::next_state(before.as_ref().map(|b| b.state), RoomAction::Join, p.role)
        .map_err(MediationError::Room)?;
    let shown = p.shown();
    let here = room::arrive(
        &ctx.db,
        &room::Arrival {
            mediation_id: &m.id,
            participant: &p.participant,
            role: p.role,
            name: &shown,
            account_id: p.account_id.as_deref(),
            first_state,
        },
        now,
    )
    .await?;
    if p.role == MeetingRole::Mediator && meeting.host.is_none() {
        room::set_host(
            &ctx.db,
            &m.id,
            None,
            &p.participant,
            p.account_id.as_deref().unwrap_or_default(),
            now,
        )
        .await?;
    }
    let action = if before.is_some() {
        "meeting_rejoin"
    } else {
        "meeting_join"
    };
    note(seat, ctx, action, &shown, now).await?;
    let history = room::recent_chat(&ctx.db, &m.id, HISTORY)
        .await?
        .into_iter()
        .map(|c| json!({"t": "chat", "from": c.participant, "name": c.name, "text": c.text, "at": c.at}))
        .collect();
    Ok(Joined {
        conn: here.conn,
        welcome: json!({
            "t": "welcome", "me": p.participant, "role": p.role.code(), "name": shown, "conn": here.conn,
            "ice": ctx.meeting.ice_for(&p.participant, seat.closes),
        }),
        history,
    })
}

/// Tells the room about a connection the door has registered (so that it hears the answer too): the person's older
/// connection goes (a reload or a second device), and everyone gets the new roster.
pub async fn announce(seat: &Seat, conn: i64, ctx: &ServerCtx, now: i64) -> Result<()> {
    let m = &seat.mediation;
    close(
        ctx,
        &m.id,
        Some(&seat.person.participant),
        "replaced",
        Some(conn),
        now,
    )
    .await?;
    publish_roster(ctx, &m.id, now).await
}

/// The connection `conn` closed (the person left, or their network dropped: they come back in without a new
/// admission).
pub async fn depart(seat: &Seat, conn: i64, ctx: &ServerCtx, now: i64) -> Result<()> {
    let m = &seat.mediation;
    if room::depart(&ctx.db, &m.id, &seat.person.participant, conn, now).await? {
        note(seat, ctx, "meeting_leave", &seat.person.shown(), now).await?;
        publish_roster(ctx, &m.id, now).await?;
    }
    Ok(())
}

/// The connection is alive (every ~20 s): a connection not heard from for a minute counts as gone.
pub async fn heartbeat(seat: &Seat, conn: i64, ctx: &ServerCtx, now: i64) -> Result<()> {
    room::heartbeat(
        &ctx.db,
        &seat.mediation.id,
        &seat.person.participant,
        conn,
        now,
    )
    .await?;
    Ok(())
}

/// What a browser in the room may send.
#[derive(Debug, Deserialize)]
#[serde(tag = "t", rename_all = "snake_case")]
pub enum ClientMessage {
    /// WebRTC offer/answer/ICE candidate for one other person, relayed as it is.
    Signal {
        to: String,
        data: Value,
    },
    Chat {
        text: String,
    },
    Admit {
        who: String,
    },
    Mute {
        who: String,
    },
    Remove {
        who: String,
    },
    End,
    Takeover,
    Share {
        doc: String,
    },
    /// The person turned their own microphone back on (after the mediator muted them).
    Unmuted,
    Ping,
}

fn room_error(r: RoomRefusal) -> MediationError {
    MediationError::Room(r)
}

/// The person's current place, if this connection is still theirs (an old socket after a reload is not).
async fn me(seat: &Seat, conn: i64, ctx: &ServerCtx) -> Result<(Vec<Presence>, Presence)> {
    let all = room::presence(&ctx.db, &seat.mediation.id).await?;
    let mine = all
        .iter()
        .find(|p| p.participant == seat.person.participant && p.conn == conn)
        .cloned()
        .ok_or(room_error(RoomRefusal::NotWaiting))?;
    if mine.state == PresenceState::Removed {
        return Err(room_error(RoomRefusal::Removed));
    }
    Ok((all, mine))
}

/// Checks that the caller leads the meeting now.
async fn leading(seat: &Seat, ctx: &ServerCtx) -> Result<room::Meeting> {
    let meeting = room::meeting(&ctx.db, &seat.mediation.id)
        .await?
        .ok_or(room_error(RoomRefusal::NotHost))?;
    rules::may_lead(&seat.person.participant, meeting.host.as_deref()).map_err(room_error)?;
    Ok(meeting)
}

fn target<'a>(all: &'a [Presence], who: &str) -> Result<&'a Presence> {
    all.iter()
        .find(|p| p.participant == who)
        .ok_or(room_error(RoomRefusal::NotWaiting))
}

/// One message from a browser in the room. Refusals go back to that browser only.
pub async fn act(
    seat: &Seat,
    conn: i64,
    msg: ClientMessage,
    ctx: &ServerCtx,
    now: i64,
) -> Result<()> {
    let m = &seat.mediation;
    let (all, mine) = me(seat, conn, ctx).await?;
    match msg {
        ClientMessage::Ping => heartbeat(seat, conn, ctx, now).await,
        ClientMessage::Unmuted => {
            if mine.muted {
                room::set_muted(&ctx.db, &m.id, &mine.participant, false, now).await?;
                publish_roster(ctx, &m.id, now).await?;
            }
            Ok(())
        }
        ClientMessage::Signal { to, data } => {
            // Only between people who are both in the meeting: nobody meets from the lobby.
            if mine.state != PresenceState::Admitted {
                return Err(room_error(RoomRefusal::NotWaiting));
            }
            let other = target(&all, &to)?;
            if other.state != PresenceState::Admitted || !rules::is_participant_id(&to) {
                return Err(room_error(RoomRefusal::NotWaiting));
            }
            publish(
                ctx,
                envelope(
                    &m.id,
                    Some(vec![to]),
                    Some(json!({"t": "signal", "from": mine.participant, "data": data})),
                    None,
                ),
                now,
            )
            .await
        }
        ClientMessage::Chat { text } => {
            if mine.state != PresenceState::Admitted {
                return Err(room_error(RoomRefusal::NotWaiting));
            }
            let text: String = text.trim().chars().take(rules::MAX_CHAT_CHARS).collect();
            if text.is_empty() {
                return Ok(());
            }
            let line = room::ChatLine {
                participant: mine.participant.clone(),
                name: mine.name.clone(),
                text,
                at: now,
            };
            room::add_chat(&ctx.db, &m.id, &line).await?;
            let admitted: Vec<String> = all
                .iter()
                .filter(|p| p.state == PresenceState::Admitted)
                .map(|p| p.participant.clone())
                .collect();
            publish(
                ctx,
                envelope(
                    &m.id,
                    Some(admitted),
                    Some(
                        json!({"t": "chat", "from": line.participant, "name": line.name,
                                "text": line.text, "at": line.at}),
                    ),
                    None,
                ),
                now,
            )
            .await
        }
        ClientMessage::Admit { who } => {
            leading(seat, ctx).await?;
            let t = target(&all, &who)?;
            rules::may_admit(
                &mine.participant,
                Some(&mine.participant),
                mine.is_here(now),
                Some(t.state),
                t.role,
            )
            .map_err(room_error)?;
            if room::set_state(
                &ctx.db,
                &m.id,
                &who,
                PresenceState::Lobby,
                PresenceState::Admitted,
                now,
            )
            .await?
            {
                note(seat, ctx, "meeting_admit", &t.name, now).await?;
            }
            publish_roster(ctx, &m.id, now).await
        }
        ClientMessage::Mute { who } => {
            leading(seat, ctx).await?;
            let t = target(&all, &who)?;
            if t.state != PresenceState::Admitted {
                return Err(room_error(RoomRefusal::NotWaiting));
            }
            room::set_muted(&ctx.db, &m.id, &who, true, now).await?;
            publish(
                ctx,
                envelope(&m.id, Some(vec![who]), Some(json!({"t": "muted"})), None),
                now,
            )
            .await?;
            publish_roster(ctx, &m.id, now).await
        }
        ClientMessage::Remove { who } => {
            leading(seat, ctx).await?;
            let t = target(&all, &who)?;
            let to =
                rules::next_state(Some(t.state), RoomAction::Remove, t.role).map_err(room_error)?;
            if room::set_state(&ctx.db, &m.id, &who, t.state, to, now).await? {
                note(seat, ctx, "meeting_remove", &t.name, now).await?;
            }
            close(ctx, &m.id, Some(&who), "removed", None, now).await?;
            publish_roster(ctx, &m.id, now).await
        }
        ClientMessage::End => {
            leading(seat, ctx).await?;
            if room::end(&ctx.db, &m.id, now).await? {
                note(seat, ctx, "meeting_end", &mine.name, now).await?;
            }
            close(ctx, &m.id, None, "ended", None, now).await
        }
        ClientMessage::Takeover => take_over(seat, &all, ctx, now).await,
        ClientMessage::Share { doc } => {
            leading(seat, ctx).await?;
            let file = shareable(ctx, m)
                .await?
                .into_iter()
                .find(|f| f.id == doc)
                .ok_or(MediationError::NotFound)?;
            let url = document_url(ctx, m, &file.id, seat.closes);
            // Shown to the people in the meeting, not to those still waiting in the lobby.
            let admitted: Vec<String> = all
                .iter()
                .filter(|p| p.state == PresenceState::Admitted)
                .map(|p| p.participant.clone())
                .collect();
            publish(
                ctx,
                envelope(
                    &m.id,
                    Some(admitted),
                    Some(json!({"t": "share", "by": mine.participant, "name": mine.name,
                                "doc": {"id": file.id, "name": file.label, "url": url, "type": file.content_type}})),
                    None,
                ),
                now,
            )
            .await
        }
    }
}

/// A mediator of the same organisation takes the meeting over when the leading one has dropped out.
async fn take_over(seat: &Seat, all: &[Presence], ctx: &ServerCtx, now: i64) -> Result<()> {
    let m = &seat.mediation;
    if seat.person.role != MeetingRole::Mediator {
        return Err(room_error(RoomRefusal::NotHost));
    }
    let meeting = room::meeting(&ctx.db, &m.id)
        .await?
        .ok_or(room_error(RoomRefusal::NotHost))?;
    let host_here = all
        .iter()
        .any(|p| Some(&p.participant) == meeting.host.as_ref() && p.is_here(now));
    // Only mediators of the organisation get a mediator's seat (`enter`), so the organisation matches here.
    rules::may_take_over(
        true,
        host_here,
        meeting.host.as_deref() == Some(seat.person.participant.as_str()),
    )
    .map_err(room_error)?;
    if !room::set_host(
        &ctx.db,
        &m.id,
        meeting.host.as_deref(),
        &seat.person.participant,
        seat.person.account_id.as_deref().unwrap_or_default(),
        now,
    )
    .await?
    {
        return Err(room_error(RoomRefusal::HostPresent));
    }
    note(seat, ctx, "meeting_takeover", &seat.person.shown(), now).await?;
    publish_roster(ctx, &m.id, now).await
}

/// For a mediator's workspace: the video meetings of colleagues of the same organisation that are open now — a
/// mediator who drops out can be taken over from here. (start, mediator's name, mediation id)
pub async fn colleagues_meetings(
    caller: &Caller,
    ctx: &ServerCtx,
) -> Result<Vec<(i64, String, String)>> {
    let user = caller.user.as_ref().ok_or(MediationError::Unauthorized)?;
    if user.kind != AccountKind::Mediator {
        return Err(MediationError::Forbidden);
    }
    let me = store::mediator_of_account(&ctx.db, &user.id)
        .await?
        .ok_or(MediationError::Forbidden)?;
    let colleagues: Vec<db::mediation::Mediator> = store::mediators(&ctx.db)
        .await?
        .into_iter()
        .filter(|m| m.org_code == me.org_code && m.id != me.id)
        .collect();
    let ids: Vec<String> = colleagues.iter().map(|m| m.id.clone()).collect();
    let now = caller.now_ms;
    // Open now: from 30 minutes before the start to two hours after the end.
    let list = store::video_sessions_of(
        &ctx.db,
        &ids,
        now - rules::CLOSES_AFTER_MS,
        now + rules::OPENS_BEFORE_MS,
    )
    .await?;
    Ok(list
        .into_iter()
        .map(|m| {
            let name = colleagues
                .iter()
                .find(|c| c.id == m.mediator_id)
                .map(|c| c.name.clone())
                .unwrap_or_default();
            (m.start_ms, name, m.id)
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------------------------
// Documents from the matter's file

/// The evidence of the filing the mediation came from (a diverted filing): what the mediator can show.
pub async fn shareable(ctx: &ServerCtx, m: &Mediation) -> Result<Vec<db::evidence::EvidenceFile>> {
    match &m.filing_id {
        None => Ok(Vec::new()),
        Some(f) => Ok(db::evidence::of_filing(&ctx.db, f).await?),
    }
}

fn document_url(ctx: &ServerCtx, m: &Mediation, file_id: &str, closes: i64) -> String {
    let k = ctx
        .keys
        .sign_link(DOC_PURPOSE, &format!("{}.{file_id}", m.id), closes);
    format!("/mediations/{}/meeting/docs/{file_id}?k={k}", m.id)
}

/// A shared document's bytes, for the holder of the link the room sent (valid until the meeting closes).
pub async fn document(
    ctx: &ServerCtx,
    mediation_id: &str,
    file_id: &str,
    k: &str,
    now: i64,
) -> Result<(db::evidence::EvidenceFile, Vec<u8>)> {
    let subject = format!(
        "{}.{}",
        mediation_id.chars().take(64).collect::<String>(),
        file_id.chars().take(64).collect::<String>()
    );
    if k.len() > 64 || !ctx.keys.verify_link(DOC_PURPOSE, &subject, k, now) {
        return Err(MediationError::NotFound);
    }
    let m = store::get(&ctx.db, mediation_id)
        .await?
        .ok_or(MediationError::NotFound)?;
    let file = shareable(ctx, &m)
        .await?
        .into_iter()
        .find(|f| f.id == file_id)
        .ok_or(MediationError::NotFound)?;
    let bytes = ctx
        .files
        .get(&file.id)
        .await
        .map_err(MediationError::internal)?;
    Ok((file, bytes))
}

// ---------------------------------------------------------------------------------------------------------------
// Links, invitations and guests, outside the room

/// What the mediation page shows a participant about the meeting.
#[derive(Clone, Debug)]
pub struct MeetingInfo {
    pub join_link: String,
    pub opens: i64,
    pub closes: i64,
    pub sequence: u32,
    pub role: MeetingRole,
    /// Everyone's link, for the mediator and court staff (to read out on the phone to someone who lost theirs).
    pub participants: Vec<(Person, String)>,
}

/// The caller's own join link and the meeting's window; the mediator and court staff also see everyone's.
pub async fn info(caller: &Caller, id: &str, ctx: &ServerCtx) -> Result<MeetingInfo> {
    let view = super::service::view(caller, id, ctx).await?;
    let m = &view.mediation;
    if m.mode != domain::mediation::MediationMode::Video {
        return Err(MediationError::NotFound);
    }
    happening(m).map_err(refused)?;
    let user = caller.user.as_ref().ok_or(MediationError::Unauthorized)?;
    let everyone = people(ctx, m).await?;
    let seq = sequence(ctx, m).await?;
    let own = match everyone
        .iter()
        .find(|p| p.account_id.as_deref() == Some(user.id.as_str()))
    {
        Some(p) => p.clone(),
        None => outsider_seat(ctx, user, m).await?,
    };
    let leads = matches!(
        view.role,
        domain::mediation::MediationRole::Mediator | domain::mediation::MediationRole::Staff
    );
    let participants = if leads {
        everyone
            .iter()
            .map(|p| (p.clone(), join_link(ctx, m, seq, p)))
            .collect()
    } else {
        Vec::new()
    };
    let (opens, closes) = rules::join_window(m.start_ms, m.end_ms);
    Ok(MeetingInfo {
        join_link: join_link(ctx, m, seq, &own),
        opens,
        closes,
        sequence: seq,
        role: own.role,
        participants,
    })
}

pub struct GuestInput {
    pub role: String,
    pub name: String,
    pub mobile: String,
    pub language: String,
}

/// The mediator (or court staff) adds an agent, an interpreter or an observing clerk; their link goes to them by
/// text message.
pub async fn add_guest(
    caller: &Caller,
    id: &str,
    input: &GuestInput,
    ctx: &ServerCtx,
) -> Result<Person> {
    let view = super::service::view(caller, id, ctx).await?;
    if !matches!(
        view.role,
        domain::mediation::MediationRole::Mediator | domain::mediation::MediationRole::Staff
    ) {
        return Err(MediationError::Forbidden);
    }
    let m = &view.mediation;
    if m.mode != domain::mediation::MediationMode::Video {
        return Err(MediationError::Conflict);
    }
    happening(m).map_err(|_| MediationError::Conflict)?;
    let mut errors = domain::FieldErrors::default();
    let role = MeetingRole::parse(input.role.trim()).filter(|r| r.is_guest());
    if role.is_none() {
        errors.push("role", domain::FieldError::UnknownChoice);
    }
    let name: String = input.name.trim().chars().take(41).collect();
    if name.is_empty() {
        errors.push("name", domain::FieldError::Required);
    } else if name.chars().count() > 40 {
        errors.push("name", domain::FieldError::TooLong);
    }
    let mobile = match input.mobile.trim() {
        "" => None,
        s => match domain::Mobile::parse(s) {
            Ok(mb) => Some(mb.as_str().to_string()),
            Err(e) => {
                errors.push("mobile", e);
                None
            }
        },
    };
    let language = match input.language.trim() {
        "" => "zh",
        l @ ("zh" | "ko" | "mn" | "en") => l,
        _ => {
            errors.push("language", domain::FieldError::UnknownChoice);
            "zh"
        }
    };
    if !errors.is_empty() {
        return Err(MediationError::Invalid(errors));
    }
    if room::guests(&ctx.db, &m.id).await?.len() >= rules::MAX_GUESTS {
        return Err(MediationError::TooMany);
    }
    let user = caller.user.as_ref().ok_or(MediationError::Unauthorized)?;
    let g = room::add_guest(
        &ctx.db,
        &room::NewGuest {
            mediation_id: &m.id,
            role: role.unwrap_or(MeetingRole::Agent),
            name: &name,
            mobile: mobile.as_deref(),
            account_id: None,
            language,
            added_by: &user.id,
        },
        caller.now_ms,
    )
    .await?;
    let person = Person {
        participant: g.id,
        role: g.role,
        name: g.name,
        name_masked: g.name_masked,
        account_id: None,
        mobile: g.mobile,
    };
    let seq = sequence(ctx, m).await?;
    send_link(ctx, m, seq, &person, caller.now_ms).await;
    Ok(person)
}

/// Sends a person their join link: by text message to their mobile (through the outbox), and by e-mail with the
/// calendar invitation attached when their account has an address (staff and mediators).
async fn send_link(ctx: &ServerCtx, m: &Mediation, seq: u32, p: &Person, now: i64) {
    use crate::notify::{Notification, Purpose, Recipient};
    let email = match &p.account_id {
        Some(a) => db::accounts::get(&ctx.db, a)
            .await
            .ok()
            .flatten()
            .and_then(|acc| acc.email)
            .filter(|e| !e.is_empty()),
        None => None,
    };
    let link = format!("{}{}", ctx.meeting.public_url, join_link(ctx, m, seq, p));
    let body = format!(
        "【人民法院调解平台】{}，您参加的视频调解定于{}（北京时间）举行，开始前30分钟可进入：{link}",
        p.name_masked,
        domain::slots::rfc3339_shanghai(m.start_ms)
            .replace('T', " ")
            .chars()
            .take(16)
            .collect::<String>(),
    );
    let mut messages = Vec::new();
    if let Some(mobile) = &p.mobile {
        messages.push((Recipient::Mobile(mobile.clone()), None));
    }
    if let Some(address) = email {
        let mediator = store::mediator(&ctx.db, &m.mediator_id)
            .await
            .ok()
            .flatten()
            .map(|x| x.name)
            .unwrap_or_default();
        let ics = super::ics::invitation(&super::ics::Invitation {
            uid: format!("{}-{}@mediation.court-portal", m.id, p.participant),
            sequence: seq,
            cancelled: m.status == MediationStatus::Cancelled,
            start_ms: m.start_ms,
            end_ms: m.end_ms,
            summary: format!("视频调解（调解员：{mediator}）"),
            url: link.clone(),
            stamp_ms: now,
        });
        messages.push((Recipient::Email(address), Some(ics)));
    }
    for (recipient, calendar) in messages {
        let message = Notification {
            account_id: p.account_id.clone(),
            purpose: Purpose::MediationNotice,
            recipient,
            subject: "人民法院调解平台：视频调解邀请".into(),
            body: body.clone(),
            calendar,
            at: now,
        };
        if let Err(e) = ctx.notifier.send(&message).await {
            tracing::warn!(error = %e, "meeting link not sent");
        }
    }
}

/// After a video session is agreed or moved: everyone with a mobile number gets their (new) link.
pub async fn send_links(ctx: &ServerCtx, m: &Mediation, now: i64) -> Result<()> {
    if m.mode != domain::mediation::MediationMode::Video || m.status != MediationStatus::Scheduled {
        return Ok(());
    }
    let seq = sequence(ctx, m).await?;
    for p in people(ctx, m).await? {
        send_link(ctx, m, seq, &p, now).await;
    }
    Ok(())
}

/// The calendar invitation (RFC 5545) of one participant: a stable UID per mediation and person, SEQUENCE the
/// number of moves, METHOD:REQUEST — or METHOD:CANCEL once the session is cancelled — times in Asia/Shanghai.
pub async fn invitation_ics(
    caller: &Caller,
    id: &str,
    token: Option<&str>,
    origin: &str,
    ctx: &ServerCtx,
) -> Result<String> {
    let m = {
        let id: String = id.chars().take(64).collect();
        store::get(&ctx.db, &id)
            .await?
            .ok_or(MediationError::NotFound)?
    };
    // A cancelled session's invitation is still downloadable (to remove it from a calendar): check who asks
    // without the room's time and state rules.
    let person = match token.filter(|t| !t.is_empty()) {
        Some(t) => {
            let (claim, signature) = JoinClaim::parse(t).ok_or(MediationError::NotFound)?;
            if !ctx
                .keys
                .verify_link(LINK_PURPOSE, &claim.subject(&m.id), signature, i64::MIN)
            {
                return Err(MediationError::NotFound);
            }
            people(ctx, &m)
                .await?
                .into_iter()
                .find(|p| p.participant == claim.participant && p.role == claim.role)
                .ok_or(MediationError::NotFound)?
        }
        None => {
            let user = caller.user.as_ref().ok_or(MediationError::Unauthorized)?;
            match people(ctx, &m)
                .await?
                .into_iter()
                .find(|p| p.account_id.as_deref() == Some(user.id.as_str()))
            {
                Some(p) => p,
                None => outsider_seat(ctx, user, &m).await?,
            }
        }
    };
    if m.mode != domain::mediation::MediationMode::Video {
        return Err(MediationError::NotFound);
    }
    let seq = sequence(ctx, &m).await?;
    let mediator = store::mediator(&ctx.db, &m.mediator_id)
        .await?
        .map(|x| x.name)
        .unwrap_or_default();
    Ok(super::ics::invitation(&super::ics::Invitation {
        uid: format!("{}-{}@mediation.court-portal", m.id, person.participant),
        sequence: seq,
        cancelled: m.status == MediationStatus::Cancelled,
        start_ms: m.start_ms,
        end_ms: m.end_ms,
        summary: format!("视频调解（调解员：{mediator}）"),
        url: format!("{origin}{}", join_link(ctx, &m, seq, &person)),
        stamp_ms: caller.now_ms,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ice_settings_are_checked_and_turn_credentials_are_per_person_and_expire() {
        assert!(MeetingConfig::parse("stun:s.example:3478", "", None, None, None).is_ok());
        assert!(MeetingConfig::parse("http://s.example", "", None, None, None).is_err());
        assert!(
            MeetingConfig::parse("", "turn:t.example:3478", None, None, None).is_err(),
            "TURN needs its secret"
        );
        assert!(
            MeetingConfig::parse("", "", None, Some("relay"), None).is_err(),
            "relay needs TURN"
        );
        assert!(MeetingConfig::parse("", "", None, Some("sometimes"), None).is_err());
        assert!(MeetingConfig::parse("", "", None, None, Some("portal.example")).is_err());
        let c = MeetingConfig::parse(
            "stun:s.example:3478",
            "turn:t.example:3478?transport=udp, turns:t.example:5349",
            Some("s3cret"),
            Some("relay"),
            Some("https://portal.example/"),
        )
        .unwrap();
        assert_eq!(c.public_url, "https://portal.example");
        let ice = c.ice_for("requester", 1_800_000_000_000);
        assert_eq!(ice["iceTransportPolicy"], "relay");
        assert_eq!(ice["iceServers"][0]["urls"][0], "stun:s.example:3478");
        let turn = &ice["iceServers"][1];
        assert_eq!(turn["urls"].as_array().unwrap().len(), 2);
        assert_eq!(turn["username"], "1800000000:requester");
        assert_eq!(
            turn["credential"],
            db::crypto::turn_password(b"s3cret", "1800000000:requester")
        );
        assert_ne!(
            c.ice_for("respondent", 1_800_000_000_000)["iceServers"][1]["credential"],
            turn["credential"]
        );
        // The secret is never printed.
        assert!(!format!("{c:?}").contains("s3cret"));
    }
}
