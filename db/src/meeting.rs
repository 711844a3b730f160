//! Video mediation rooms: the guests invited besides the parties and the mediator, each person's place in the
//! room, who leads it, the chat, and the relay table for large signalling messages between server instances.

use crate::crypto::Keys;
use crate::{Db, DbError};
use domain::mediation::MediationStatus;
use domain::meeting::{MeetingRole, PresenceState};
use sqlx::Row;

/// An agent, interpreter or observing clerk added to a mediation's meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guest {
    pub id: String,
    pub mediation_id: String,
    pub role: MeetingRole,
    pub name: String,
    pub name_masked: String,
    pub mobile: Option<String>,
    pub mobile_masked: Option<String>,
    pub account_id: Option<String>,
    pub language: String,
}

pub struct NewGuest<'a> {
    pub mediation_id: &'a str,
    pub role: MeetingRole,
    pub name: &'a str,
    pub mobile: Option<&'a str>,
    pub account_id: Option<&'a str>,
    pub language: &'a str,
    pub added_by: &'a str,
}

fn corrupt(table: &'static str, id: &str, detail: String) -> DbError {
    DbError::Corrupt {
        table,
        id: id.to_string(),
        detail,
    }
}

pub async fn add_guest(db: &Db, g: &NewGuest<'_>, now: i64) -> Result<Guest, DbError> {
    let keys = db.keys();
    let id = format!("g{}", &crate::new_id()[..15]);
    sqlx::query(
        "INSERT INTO meeting_guests (id, mediation_id, role, name_enc, name_masked, mobile_enc, mobile_masked, \
         account_id, language, added_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
    )
    .bind(&id)
    .bind(g.mediation_id)
    .bind(g.role.code())
    .bind(keys.encrypt(g.name))
    .bind(domain::mask::name(g.name))
    .bind(g.mobile.map(|m| keys.encrypt(m)))
    .bind(g.mobile.map(domain::mask::mobile))
    .bind(g.account_id)
    .bind(g.language)
    .bind(g.added_by)
    .bind(now)
    .execute(db.writer())
    .await?;
    guest(db, g.mediation_id, &id)
        .await?
        .ok_or(DbError::Corrupt {
            table: "meeting_guests",
            id,
            detail: "not read back".into(),
        })
}

fn read_guest(keys: &Keys, r: &sqlx::any::AnyRow) -> Result<Guest, DbError> {
    let id: String = r.try_get("id")?;
    let role: String = r.try_get("role")?;
    let name: String = r.try_get("name_enc")?;
    let mobile: Option<String> = r.try_get("mobile_enc")?;
    Ok(Guest {
        role: MeetingRole::parse(&role)
            .filter(|r| r.is_guest())
            .ok_or_else(|| corrupt("meeting_guests", &id, format!("role {role:?}")))?,
        name: keys
            .decrypt(&name)
            .ok_or_else(|| corrupt("meeting_guests", &id, "name does not decrypt".into()))?,
        name_masked: r.try_get("name_masked")?,
        mobile: match mobile {
            None => None,
            Some(m) => {
                Some(keys.decrypt(&m).ok_or_else(|| {
                    corrupt("meeting_guests", &id, "mobile does not decrypt".into())
                })?)
            }
        },
        mobile_masked: r.try_get("mobile_masked")?,
        account_id: r.try_get("account_id")?,
        language: r.try_get("language")?,
        mediation_id: r.try_get("mediation_id")?,
        id,
    })
}

const GUEST_COLUMNS: &str =
    "id, mediation_id, role, name_enc, name_masked, mobile_enc, mobile_masked, account_id, language";

pub async fn guests(db: &Db, mediation_id: &str) -> Result<Vec<Guest>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {GUEST_COLUMNS} FROM meeting_guests WHERE mediation_id = $1 ORDER BY created_at, id"
    ))
    .bind(mediation_id)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read_guest(db.keys(), r)).collect()
}

pub async fn guest(db: &Db, mediation_id: &str, id: &str) -> Result<Option<Guest>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {GUEST_COLUMNS} FROM meeting_guests WHERE mediation_id = $1 AND id = $2"
    ))
    .bind(mediation_id)
    .bind(id)
    .fetch_optional(db.writer())
    .await?;
    row.map(|r| read_guest(db.keys(), &r)).transpose()
}

/// Who leads a meeting and whether it has ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meeting {
    pub mediation_id: String,
    pub host: Option<String>,
    pub host_account: Option<String>,
    pub ended_at: Option<i64>,
}

pub async fn meeting(db: &Db, mediation_id: &str) -> Result<Option<Meeting>, DbError> {
    let row = sqlx::query(
        "SELECT mediation_id, host, host_account, ended_at FROM meetings WHERE mediation_id = $1",
    )
    .bind(mediation_id)
    .fetch_optional(db.writer())
    .await?;
    Ok(match row {
        None => None,
        Some(r) => Some(Meeting {
            mediation_id: r.try_get("mediation_id")?,
            host: r.try_get("host")?,
            host_account: r.try_get("host_account")?,
            ended_at: r.try_get("ended_at")?,
        }),
    })
}

/// Opens the meeting's row if it has none yet (several instances may race: the first insert wins, the rest read it).
pub async fn open(db: &Db, mediation_id: &str, now: i64) -> Result<Meeting, DbError> {
    sqlx::query(
        "INSERT INTO meetings (mediation_id, host, host_account, ended_at, created_at, updated_at) \
         VALUES ($1, NULL, NULL, NULL, $2, $2) ON CONFLICT (mediation_id) DO NOTHING",
    )
    .bind(mediation_id)
    .bind(now)
    .execute(db.writer())
    .await?;
    meeting(db, mediation_id)
        .await?
        .ok_or_else(|| corrupt("meetings", mediation_id, "not read back".into()))
}

/// Makes `host` the leading mediator if the leader is still `expected` (compare and set: of two mediators taking
/// over at once, one wins). Returns whether it did.
pub async fn set_host(
    db: &Db,
    mediation_id: &str,
    expected: Option<&str>,
    host: &str,
    account: &str,
    now: i64,
) -> Result<bool, DbError> {
    let done = match expected {
        Some(e) => {
            sqlx::query(
                "UPDATE meetings SET host = $1, host_account = $2, updated_at = $3 \
             WHERE mediation_id = $4 AND host = $5 AND ended_at IS NULL",
            )
            .bind(host)
            .bind(account)
            .bind(now)
            .bind(mediation_id)
            .bind(e)
            .execute(db.writer())
            .await?
        }
        None => {
            sqlx::query(
                "UPDATE meetings SET host = $1, host_account = $2, updated_at = $3 \
             WHERE mediation_id = $4 AND host IS NULL AND ended_at IS NULL",
            )
            .bind(host)
            .bind(account)
            .bind(now)
            .bind(mediation_id)
            .execute(db.writer())
            .await?
        }
    };
    Ok(done.rows_affected() == 1)
}

pub async fn end(db: &Db, mediation_id: &str, now: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE meetings SET ended_at = $1, updated_at = $1 WHERE mediation_id = $2 AND ended_at IS NULL",
    )
    .bind(now)
    .bind(mediation_id)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// One person's place in the room.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Presence {
    pub participant: String,
    pub role: MeetingRole,
    pub name: String,
    pub account_id: Option<String>,
    pub state: PresenceState,
    pub conn: i64,
    pub connected: bool,
    pub muted: bool,
    pub seen_at: i64,
}

impl Presence {
    /// Connected and heard from lately (a crashed instance leaves `connected` set; the heartbeat tells).
    pub fn is_here(&self, now: i64) -> bool {
        self.connected && now - self.seen_at <= domain::meeting::STALE_AFTER_MS
    }
}

fn read_presence(mediation_id: &str, r: &sqlx::any::AnyRow) -> Result<Presence, DbError> {
    let role: String = r.try_get("role")?;
    let state: String = r.try_get("state")?;
    let connected: i64 = r.try_get("connected")?;
    let muted: i64 = r.try_get("muted")?;
    Ok(Presence {
        participant: r.try_get("participant")?,
        role: MeetingRole::parse(&role)
            .ok_or_else(|| corrupt("meeting_presence", mediation_id, format!("role {role:?}")))?,
        name: r.try_get("name")?,
        account_id: r.try_get("account_id")?,
        state: PresenceState::parse(&state)
            .ok_or_else(|| corrupt("meeting_presence", mediation_id, format!("state {state:?}")))?,
        conn: r.try_get("conn")?,
        connected: connected != 0,
        muted: muted != 0,
        seen_at: r.try_get("seen_at")?,
    })
}

const PRESENCE_COLUMNS: &str =
    "participant, role, name, account_id, state, conn, connected, muted, seen_at";

pub async fn presence(db: &Db, mediation_id: &str) -> Result<Vec<Presence>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {PRESENCE_COLUMNS} FROM meeting_presence WHERE mediation_id = $1 ORDER BY created_at, participant"
    ))
    .bind(mediation_id)
    .fetch_all(db.writer())
    .await?;
    rows.iter()
        .map(|r| read_presence(mediation_id, r))
        .collect()
}

pub async fn presence_of(
    db: &Db,
    mediation_id: &str,
    participant: &str,
) -> Result<Option<Presence>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {PRESENCE_COLUMNS} FROM meeting_presence WHERE mediation_id = $1 AND participant = $2"
    ))
    .bind(mediation_id)
    .bind(participant)
    .fetch_optional(db.writer())
    .await?;
    row.map(|r| read_presence(mediation_id, &r)).transpose()
}

pub struct Arrival<'a> {
    pub mediation_id: &'a str,
    pub participant: &'a str,
    pub role: MeetingRole,
    pub name: &'a str,
    pub account_id: Option<&'a str>,
    /// The state to take if the person was never here (the lobby, or admitted for the mediator).
    pub first_state: PresenceState,
}

/// A new connection of a person: their row is made (first visit) or marked connected with the next connection
/// number (a reload, a reconnect); their state stays what it was — admitted people come back in. Returns the row.
pub async fn arrive(db: &Db, a: &Arrival<'_>, now: i64) -> Result<Presence, DbError> {
    sqlx::query(
        "INSERT INTO meeting_presence (mediation_id, participant, role, name, account_id, state, conn, connected, \
         muted, seen_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, 1, 1, 0, $7, $7, $7) \
         ON CONFLICT (mediation_id, participant) DO UPDATE SET conn = meeting_presence.conn + 1, connected = 1, \
         seen_at = $7, updated_at = $7, name = $4, account_id = $5",
    )
    .bind(a.mediation_id)
    .bind(a.participant)
    .bind(a.role.code())
    .bind(a.name)
    .bind(a.account_id)
    .bind(a.first_state.code())
    .bind(now)
    .execute(db.writer())
    .await?;
    presence_of(db, a.mediation_id, a.participant)
        .await?
        .ok_or_else(|| corrupt("meeting_presence", a.mediation_id, "not read back".into()))
}

/// The connection `conn` closed. Only the person's latest connection marks them gone (an old socket closing after
/// a reload must not). Returns whether it did.
pub async fn depart(
    db: &Db,
    mediation_id: &str,
    participant: &str,
    conn: i64,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE meeting_presence SET connected = 0, updated_at = $1 \
         WHERE mediation_id = $2 AND participant = $3 AND conn = $4 AND connected = 1",
    )
    .bind(now)
    .bind(mediation_id)
    .bind(participant)
    .bind(conn)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn heartbeat(
    db: &Db,
    mediation_id: &str,
    participant: &str,
    conn: i64,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE meeting_presence SET seen_at = $1 WHERE mediation_id = $2 AND participant = $3 AND conn = $4",
    )
    .bind(now)
    .bind(mediation_id)
    .bind(participant)
    .bind(conn)
    .execute(db.writer())
    .await?;
    Ok(())
}

/// Moves a person from one state to another, if they are still in `from` (two mediators clicking at once: one
/// change). Returns whether it did.
pub async fn set_state(
    db: &Db,
    mediation_id: &str,
    participant: &str,
    from: PresenceState,
    to: PresenceState,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE meeting_presence SET state = $1, updated_at = $2 \
         WHERE mediation_id = $3 AND participant = $4 AND state = $5",
    )
    .bind(to.code())
    .bind(now)
    .bind(mediation_id)
    .bind(participant)
    .bind(from.code())
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn set_muted(
    db: &Db,
    mediation_id: &str,
    participant: &str,
    muted: bool,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE meeting_presence SET muted = $1, updated_at = $2 WHERE mediation_id = $3 AND participant = $4",
    )
    .bind(i64::from(muted))
    .bind(now)
    .bind(mediation_id)
    .bind(participant)
    .execute(db.writer())
    .await?;
    Ok(())
}

/// A line of the room's chat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChatLine {
    pub participant: String,
    pub name: String,
    pub text: String,
    pub at: i64,
}

pub async fn add_chat(db: &Db, mediation_id: &str, line: &ChatLine) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO meeting_chat (mediation_id, participant, name, text_enc, at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $5)",
    )
    .bind(mediation_id)
    .bind(&line.participant)
    .bind(&line.name)
    .bind(db.keys().encrypt(&line.text))
    .bind(line.at)
    .execute(db.writer())
    .await?;
    Ok(())
}

/// The last `limit` lines, oldest first.
pub async fn recent_chat(
    db: &Db,
    mediation_id: &str,
    limit: i64,
) -> Result<Vec<ChatLine>, DbError> {
    let rows = sqlx::query(
        "SELECT participant, name, text_enc, at FROM meeting_chat WHERE mediation_id = $1 ORDER BY id DESC LIMIT $2",
    )
    .bind(mediation_id)
    .bind(limit)
    .fetch_all(db.writer())
    .await?;
    let mut lines = rows
        .iter()
        .map(|r| {
            let text: String = r.try_get("text_enc")?;
            Ok(ChatLine {
                participant: r.try_get("participant")?,
                name: r.try_get("name")?,
                text: db.keys().decrypt(&text).ok_or_else(|| {
                    corrupt("meeting_chat", mediation_id, "does not decrypt".into())
                })?,
                at: r.try_get("at")?,
            })
        })
        .collect::<Result<Vec<_>, DbError>>()?;
    lines.reverse();
    Ok(lines)
}

/// Records something that happened in the room as an event of the mediation (who joined, was admitted, left …):
/// the mediation's status does not change.
#[allow(clippy::too_many_arguments)]
pub async fn record(
    db: &Db,
    mediation_id: &str,
    status: MediationStatus,
    actor: Option<&str>,
    role: MeetingRole,
    action: &str,
    note: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO mediation_events (mediation_id, at, actor_id, role, action, from_status, to_status, note, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $2, $2)",
    )
    .bind(mediation_id)
    .bind(now)
    .bind(actor)
    .bind(role.code())
    .bind(action)
    .bind(status.code())
    .bind(note)
    .execute(db.writer())
    .await?;
    Ok(())
}

/// How many times a mediation's session was moved: the `seq` of its join links and of its calendar invitation.
pub async fn reschedules(db: &Db, mediation_id: &str) -> Result<u32, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediation_events WHERE mediation_id = $1 AND action = 'reschedule'",
    )
    .bind(mediation_id)
    .fetch_one(db.reader())
    .await?;
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}

pub async fn relay_put(db: &Db, body: &str, now: i64) -> Result<i64, DbError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO meeting_relay (body, created_at, updated_at) VALUES ($1, $2, $2) RETURNING id",
    )
    .bind(body)
    .bind(now)
    .fetch_one(db.writer())
    .await?;
    Ok(id)
}

pub async fn relay_get(db: &Db, id: i64) -> Result<Option<String>, DbError> {
    Ok(
        sqlx::query_scalar("SELECT body FROM meeting_relay WHERE id = $1")
            .bind(id)
            .fetch_optional(db.writer())
            .await?,
    )
}

pub async fn relay_purge(db: &Db, before: i64) -> Result<(), DbError> {
    sqlx::query("DELETE FROM meeting_relay WHERE created_at < $1")
        .bind(before)
        .execute(db.writer())
        .await?;
    Ok(())
}
