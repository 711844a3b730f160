//! Mediation's storage: the roster (organisations, mediators, their absences), bookings with their parties and
//! events, and judicial-confirmation applications.
//!
//! Two rules are the database's, not the caller's: a mediator's start time holds at most one active booking (the
//! partial unique index `mediations_one_per_slot`: a lost race is [`MediationError::SlotTaken`], on SQLite and
//! PostgreSQL alike), and every status change is conditional on the status read (`WHERE status = $from`), so two
//! people acting at once cannot both succeed; the loser gets [`MediationError::Conflict`].

use crate::crypto::Keys;
use crate::{Db, DbError};
use domain::catalogue::{CaseNumber, CaseType};
use domain::mediation::{
    ConfirmationStatus, MediationAction, MediationMode, MediationRole, MediationStatus, Term,
};
use domain::slots::{Absence, WeeklyWindow};
use sqlx::Row;

#[derive(Debug, thiserror::Error)]
pub enum MediationError {
    #[error("not found")]
    NotFound,
    /// Someone acted first, or the action is not allowed in the current state.
    #[error("conflict")]
    Conflict,
    /// The mediator's slot already has an active booking.
    #[error("slot taken")]
    SlotTaken,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for MediationError {
    fn from(e: sqlx::Error) -> Self {
        MediationError::Db(DbError::Sqlx(e))
    }
}

fn is_slot_violation(e: &sqlx::Error) -> bool {
    e.as_database_error().is_some_and(|d| {
        d.is_unique_violation()
            && format!("{} {}", d.message(), d.constraint().unwrap_or("")).contains("start_ms")
            || d.constraint() == Some("mediations_one_per_slot")
    })
}

// ---------------------------------------------------------------------------------------------------------------
// The roster

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub code: String,
    pub name: String,
    pub name_ko: Option<String>,
    pub kind: String,
    pub court_code: String,
    pub address: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mediator {
    pub id: String,
    pub account_id: Option<String>,
    pub org_code: String,
    pub name: String,
    pub court_code: String,
    pub courts: Vec<String>,
    pub specialties: Vec<String>,
    pub languages: Vec<String>,
    pub place: String,
    pub title: String,
    pub windows: Vec<WeeklyWindow>,
    pub capacity: u32,
    pub rating_tenths: Option<u8>,
    pub active: bool,
}

pub async fn upsert_org(db: &Db, o: &Organisation, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO mediation_orgs (code, name, name_ko, kind, court_code, address, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7) ON CONFLICT (code) DO UPDATE SET name = excluded.name, \
         name_ko = excluded.name_ko, kind = excluded.kind, court_code = excluded.court_code, \
         address = excluded.address, updated_at = excluded.updated_at",
    )
    .bind(&o.code)
    .bind(&o.name)
    .bind(&o.name_ko)
    .bind(&o.kind)
    .bind(&o.court_code)
    .bind(&o.address)
    .bind(now)
    .execute(db.writer())
    .await?;
    Ok(())
}

fn json<T: serde::Serialize + ?Sized>(v: &T) -> Result<String, DbError> {
    serde_json::to_string(v).map_err(|e| DbError::Other(e.to_string()))
}

pub async fn upsert_mediator(db: &Db, m: &Mediator, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO mediators (id, account_id, org_code, name, court_code, courts, specialties, languages, place, \
         title, windows, capacity, rating_tenths, active, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) \
         ON CONFLICT (id) DO UPDATE SET account_id = excluded.account_id, org_code = excluded.org_code, \
         name = excluded.name, court_code = excluded.court_code, courts = excluded.courts, \
         specialties = excluded.specialties, languages = excluded.languages, place = excluded.place, \
         title = excluded.title, windows = excluded.windows, capacity = excluded.capacity, \
         rating_tenths = excluded.rating_tenths, active = excluded.active, updated_at = excluded.updated_at",
    )
    .bind(&m.id)
    .bind(&m.account_id)
    .bind(&m.org_code)
    .bind(&m.name)
    .bind(&m.court_code)
    .bind(json(&m.courts)?)
    .bind(json(&m.specialties)?)
    .bind(json(&m.languages)?)
    .bind(&m.place)
    .bind(&m.title)
    .bind(json(&m.windows)?)
    .bind(i64::from(m.capacity))
    .bind(m.rating_tenths.map(i64::from))
    .bind(i64::from(m.active))
    .bind(now)
    .execute(db.writer())
    .await?;
    Ok(())
}

/// Replaces a mediator's absences (the demo loader and the administrator's roster edit).
pub async fn set_absences(
    db: &Db,
    mediator_id: &str,
    absences: &[Absence],
    now: i64,
) -> Result<(), DbError> {
    let mut tx = db.writer().begin().await?;
    sqlx::query("DELETE FROM mediator_absences WHERE mediator_id = $1")
        .bind(mediator_id)
        .execute(&mut *tx)
        .await?;
    for a in absences {
        sqlx::query(
            "INSERT INTO mediator_absences (id, mediator_id, from_date, to_date, reason, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(crate::new_id())
        .bind(mediator_id)
        .bind(a.from.to_string())
        .bind(a.to.to_string())
        .bind(&a.reason)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

pub async fn organisations(db: &Db) -> Result<Vec<Organisation>, DbError> {
    let rows = sqlx::query(
        "SELECT code, name, name_ko, kind, court_code, address FROM mediation_orgs ORDER BY court_code, code",
    )
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Organisation {
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                name_ko: r.try_get("name_ko")?,
                kind: r.try_get("kind")?,
                court_code: r.try_get("court_code")?,
                address: r.try_get("address")?,
            })
        })
        .collect()
}

const MEDIATOR_COLUMNS: &str =
    "id, account_id, org_code, name, court_code, courts, specialties, languages, place, \
    title, windows, capacity, rating_tenths, active";

fn read_mediator(r: &sqlx::any::AnyRow) -> Result<Mediator, DbError> {
    let id: String = r.try_get("id")?;
    let corrupt = |detail: String| DbError::Corrupt {
        table: "mediators",
        id: id.clone(),
        detail,
    };
    let list = |col: &str| -> Result<Vec<String>, DbError> {
        let s: String = r.try_get(col)?;
        serde_json::from_str(&s).map_err(|e| corrupt(format!("{col}: {e}")))
    };
    let windows: String = r.try_get("windows")?;
    let capacity: i64 = r.try_get("capacity")?;
    let rating: Option<i64> = r.try_get("rating_tenths")?;
    let active: i64 = r.try_get("active")?;
    Ok(Mediator {
        account_id: r.try_get("account_id")?,
        org_code: r.try_get("org_code")?,
        name: r.try_get("name")?,
        court_code: r.try_get("court_code")?,
        courts: list("courts")?,
        specialties: list("specialties")?,
        languages: list("languages")?,
        place: r.try_get("place")?,
        title: r.try_get("title")?,
        windows: serde_json::from_str(&windows).map_err(|e| corrupt(format!("windows: {e}")))?,
        capacity: u32::try_from(capacity).map_err(|_| corrupt("capacity".into()))?,
        rating_tenths: rating.and_then(|r| u8::try_from(r).ok()),
        active: active != 0,
        id,
    })
}

/// Every active mediator (the roster is a few hundred rows per province: filtering happens in the service).
pub async fn mediators(db: &Db) -> Result<Vec<Mediator>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {MEDIATOR_COLUMNS} FROM mediators WHERE active = 1 ORDER BY court_code, id"
    ))
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(read_mediator).collect()
}

pub async fn mediator(db: &Db, id: &str) -> Result<Option<Mediator>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {MEDIATOR_COLUMNS} FROM mediators WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(read_mediator).transpose()
}

pub async fn mediator_of_account(db: &Db, account_id: &str) -> Result<Option<Mediator>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {MEDIATOR_COLUMNS} FROM mediators WHERE account_id = $1"
    ))
    .bind(account_id)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(read_mediator).transpose()
}

/// Absences overlapping `[from, to]` (dates, both included).
pub async fn absences(
    db: &Db,
    mediator_id: &str,
    from: domain::Date,
    to: domain::Date,
) -> Result<Vec<Absence>, DbError> {
    let rows = sqlx::query(
        "SELECT from_date, to_date, reason FROM mediator_absences WHERE mediator_id = $1 \
         AND from_date <= $3 AND to_date >= $2 ORDER BY from_date",
    )
    .bind(mediator_id)
    .bind(from.to_string())
    .bind(to.to_string())
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| {
            let f: String = r.try_get("from_date")?;
            let t: String = r.try_get("to_date")?;
            let corrupt = || DbError::Corrupt {
                table: "mediator_absences",
                id: mediator_id.to_string(),
                detail: format!("dates {f}..{t}"),
            };
            Ok(Absence {
                from: domain::Date::parse_iso(&f).ok_or_else(corrupt)?,
                to: domain::Date::parse_iso(&t).ok_or_else(corrupt)?,
                reason: r.try_get("reason")?,
            })
        })
        .collect()
}

/// Start times of the mediator's active bookings in `[from_ms, to_ms)`.
pub async fn taken(
    db: &Db,
    mediator_id: &str,
    from_ms: i64,
    to_ms: i64,
) -> Result<Vec<i64>, DbError> {
    Ok(sqlx::query_scalar(
        "SELECT start_ms FROM mediations WHERE mediator_id = $1 AND status IN ('held', 'invited', 'scheduled') \
         AND start_ms >= $2 AND start_ms < $3 ORDER BY start_ms",
    )
    .bind(mediator_id)
    .bind(from_ms)
    .bind(to_ms)
    .fetch_all(db.reader())
    .await?)
}

/// Active bookings per mediator (their current load).
pub async fn loads(db: &Db) -> Result<Vec<(String, i64)>, DbError> {
    let rows = sqlx::query(
        "SELECT mediator_id, COUNT(*) AS n FROM mediations WHERE status IN ('held', 'invited', 'scheduled') \
         GROUP BY mediator_id",
    )
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| Ok((r.try_get("mediator_id")?, r.try_get("n")?)))
        .collect()
}

// ---------------------------------------------------------------------------------------------------------------
// Bookings

#[derive(Clone, Debug, PartialEq)]
pub struct Mediation {
    pub id: String,
    pub status: MediationStatus,
    pub cause: String,
    pub court_code: String,
    pub mediator_id: String,
    pub start_ms: i64,
    pub end_ms: i64,
    pub mode: MediationMode,
    pub place: String,
    pub summary: String,
    pub requester_id: String,
    pub filing_id: Option<String>,
    pub result_filing_id: Option<String>,
    pub priority: bool,
    pub invite_expires_at: Option<i64>,
    pub period_from: domain::Date,
    pub extension_days: i64,
    pub extension_reason: Option<String>,
    pub terms: Vec<Term>,
    pub unsettled: Option<String>,
    pub outcome_note: Option<String>,
    pub effective_on: Option<domain::Date>,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Mediation {
    /// An agreement exists: recorded terms of a settlement, whole or partial — also after the unsettled part of a
    /// partial one went to court (the agreement stands, to be signed and confirmed).
    pub fn has_agreement(&self) -> bool {
        !self.terms.is_empty()
            && matches!(
                self.status,
                MediationStatus::Settled | MediationStatus::PartlySettled | MediationStatus::Filed
            )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Party {
    pub role: MediationRole,
    pub account_id: Option<String>,
    pub name: String,
    pub name_masked: String,
    pub mobile: Option<String>,
    pub mobile_masked: Option<String>,
    pub answered_at: Option<i64>,
    pub answer_reason: Option<String>,
    pub signed_at: Option<i64>,
    pub applied_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MediationEvent {
    pub at: i64,
    pub actor_id: Option<String>,
    pub role: String,
    pub action: String,
    pub from_status: Option<String>,
    pub to_status: String,
    pub note: String,
}

const COLUMNS: &str = "id, status, cause, court_code, mediator_id, start_ms, end_ms, mode, place, summary_enc, \
    requester_id, filing_id, result_filing_id, priority, invite_expires_at, period_from, extension_days, \
    extension_reason, terms_json, unsettled, outcome_note, effective_on, created_at, updated_at";

fn read(keys: &Keys, r: &sqlx::any::AnyRow) -> Result<Mediation, DbError> {
    let id: String = r.try_get("id")?;
    let corrupt = |detail: String| DbError::Corrupt {
        table: "mediations",
        id: id.clone(),
        detail,
    };
    let status: String = r.try_get("status")?;
    let mode: String = r.try_get("mode")?;
    let summary: String = r.try_get("summary_enc")?;
    let period_from: String = r.try_get("period_from")?;
    let terms: Option<String> = r.try_get("terms_json")?;
    let effective_on: Option<String> = r.try_get("effective_on")?;
    let priority: i64 = r.try_get("priority")?;
    Ok(Mediation {
        status: MediationStatus::from_code(&status)
            .ok_or_else(|| corrupt(format!("status {status:?}")))?,
        cause: r.try_get("cause")?,
        court_code: r.try_get("court_code")?,
        mediator_id: r.try_get("mediator_id")?,
        start_ms: r.try_get("start_ms")?,
        end_ms: r.try_get("end_ms")?,
        mode: MediationMode::from_code(&mode).ok_or_else(|| corrupt(format!("mode {mode:?}")))?,
        place: r.try_get("place")?,
        summary: keys
            .decrypt(&summary)
            .ok_or_else(|| corrupt("summary does not decrypt with this deployment's key".into()))?,
        requester_id: r.try_get("requester_id")?,
        filing_id: r.try_get("filing_id")?,
        result_filing_id: r.try_get("result_filing_id")?,
        priority: priority != 0,
        invite_expires_at: r.try_get("invite_expires_at")?,
        period_from: domain::Date::parse_iso(&period_from)
            .ok_or_else(|| corrupt(format!("period_from {period_from:?}")))?,
        extension_days: r.try_get("extension_days")?,
        extension_reason: r.try_get("extension_reason")?,
        terms: match terms {
            None => Vec::new(),
            Some(t) => serde_json::from_str(&t).map_err(|e| corrupt(format!("terms: {e}")))?,
        },
        unsettled: r.try_get("unsettled")?,
        outcome_note: r.try_get("outcome_note")?,
        effective_on: match effective_on {
            None => None,
            Some(d) => Some(
                domain::Date::parse_iso(&d)
                    .ok_or_else(|| corrupt(format!("effective_on {d:?}")))?,
            ),
        },
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        id,
    })
}

/// A party as the booking names them; the name and mobile are encrypted at rest, kept masked for lists.
pub struct NewParty<'a> {
    pub role: MediationRole,
    pub account_id: Option<&'a str>,
    pub name: &'a str,
    pub mobile: Option<&'a str>,
}

pub struct NewMediation<'a> {
    pub cause: &'a str,
    pub court_code: &'a str,
    pub mediator_id: &'a str,
    pub start_ms: i64,
    pub end_ms: i64,
    pub mode: MediationMode,
    pub place: &'a str,
    pub summary: &'a str,
    pub requester_id: &'a str,
    pub filing_id: Option<&'a str>,
    pub priority: bool,
    pub invite_expires_at: i64,
    pub period_from: domain::Date,
    /// `Held` (a time chosen, details to come: the requester only) or `Invited` (both parties).
    pub status: MediationStatus,
    pub parties: Vec<NewParty<'a>>,
}

/// The keyed hash by which a respondent's mobile finds their account when they log in later.
pub fn mobile_hash(keys: &Keys, mobile: &str) -> String {
    keys.lookup_hash(&format!("mediation-party-mobile:{}", mobile.trim()))
}

/// Books a slot: one transaction inserts the booking (the unique index decides a race), both parties and the first
/// event. Invitations of this slot whose answer time has passed are expired first, so their slot can be taken.
pub async fn create(db: &Db, m: &NewMediation<'_>, now: i64) -> Result<Mediation, MediationError> {
    let keys = db.keys();
    let id = crate::new_id();
    let mut tx = db.writer().begin().await?;
    // Holds and invitations of this slot whose time has passed are expired first (the unique index frees it).
    for from in [MediationStatus::Held, MediationStatus::Invited] {
        let stale: Vec<String> = sqlx::query_scalar(
            "UPDATE mediations SET status = 'expired', updated_at = $3 WHERE mediator_id = $1 AND start_ms = $2 \
             AND status = $4 AND invite_expires_at < $3 RETURNING id",
        )
        .bind(m.mediator_id)
        .bind(m.start_ms)
        .bind(now)
        .bind(from.code())
        .fetch_all(&mut *tx)
        .await?;
        for s in &stale {
            event(
                &mut tx,
                s,
                None,
                MediationRole::System,
                MediationAction::Expire.code(),
                Some(from),
                MediationStatus::Expired,
                "",
                now,
            )
            .await?;
        }
    }
    let inserted = sqlx::query(
        "INSERT INTO mediations (id, status, cause, court_code, mediator_id, start_ms, end_ms, mode, place, \
         summary_enc, requester_id, filing_id, priority, invite_expires_at, period_from, created_at, updated_at) \
         VALUES ($1, $16, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15)",
    )
    .bind(&id)
    .bind(m.cause)
    .bind(m.court_code)
    .bind(m.mediator_id)
    .bind(m.start_ms)
    .bind(m.end_ms)
    .bind(m.mode.code())
    .bind(m.place)
    .bind(keys.encrypt(m.summary))
    .bind(m.requester_id)
    .bind(m.filing_id)
    .bind(i64::from(m.priority))
    .bind(m.invite_expires_at)
    .bind(m.period_from.to_string())
    .bind(now)
    .bind(m.status.code())
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if is_slot_violation(&e) => return Err(MediationError::SlotTaken),
        Err(e) => return Err(e.into()),
    }
    for p in &m.parties {
        insert_party(&mut tx, keys, &id, p, now).await?;
    }
    event(
        &mut tx,
        &id,
        Some(m.requester_id),
        MediationRole::Requester,
        if m.status == MediationStatus::Held {
            "hold"
        } else {
            "book"
        },
        None,
        m.status,
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, &id).await?.ok_or(MediationError::NotFound)
}

async fn insert_party(
    conn: &mut sqlx::AnyConnection,
    keys: &Keys,
    id: &str,
    p: &NewParty<'_>,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO mediation_parties (mediation_id, role, account_id, name_enc, name_masked, mobile_enc, \
         mobile_masked, mobile_hash, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
    )
    .bind(id)
    .bind(p.role.code())
    .bind(p.account_id)
    .bind(keys.encrypt(p.name))
    .bind(domain::mask::name(p.name))
    .bind(p.mobile.map(|x| keys.encrypt(x)))
    .bind(p.mobile.map(domain::mask::mobile))
    .bind(p.mobile.map(|x| mobile_hash(keys, x)))
    .bind(now)
    .execute(conn)
    .await?;
    Ok(())
}

/// Completes a held booking: its details written, the other party added and invited, in one transaction that
/// moves it from `held` only while the hold lasts (one that ran out meanwhile is a conflict).
pub async fn submit_hold(
    db: &Db,
    held: &Mediation,
    m: &NewMediation<'_>,
    now: i64,
) -> Result<Mediation, MediationError> {
    let keys = db.keys();
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE mediations SET status = 'invited', cause = $1, court_code = $2, mode = $3, place = $4, \
         summary_enc = $5, filing_id = $6, priority = $7, invite_expires_at = $8, period_from = $9, updated_at = $10 \
         WHERE id = $11 AND status = 'held' AND invite_expires_at >= $12",
    )
    .bind(m.cause)
    .bind(m.court_code)
    .bind(m.mode.code())
    .bind(m.place)
    .bind(keys.encrypt(m.summary))
    .bind(m.filing_id)
    .bind(i64::from(m.priority))
    .bind(m.invite_expires_at)
    .bind(m.period_from.to_string())
    .bind(now.max(held.updated_at + 1))
    .bind(&held.id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(MediationError::Conflict);
    }
    for p in m
        .parties
        .iter()
        .filter(|p| p.role != MediationRole::Requester)
    {
        insert_party(&mut tx, keys, &held.id, p, now).await?;
    }
    event(
        &mut tx,
        &held.id,
        Some(m.requester_id),
        MediationRole::Requester,
        MediationAction::Submit.code(),
        Some(MediationStatus::Held),
        MediationStatus::Invited,
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, &held.id).await?.ok_or(MediationError::NotFound)
}

#[allow(clippy::too_many_arguments)]
async fn event(
    conn: &mut sqlx::AnyConnection,
    mediation_id: &str,
    actor: Option<&str>,
    role: MediationRole,
    action: &str,
    from: Option<MediationStatus>,
    to: MediationStatus,
    note: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO mediation_events (mediation_id, at, actor_id, role, action, from_status, to_status, note, \
         created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $2, $2)",
    )
    .bind(mediation_id)
    .bind(now)
    .bind(actor)
    .bind(role.code())
    .bind(action)
    .bind(from.map(|s| s.code()))
    .bind(to.code())
    .bind(note)
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn get(db: &Db, id: &str) -> Result<Option<Mediation>, DbError> {
    let row = sqlx::query(&format!("SELECT {COLUMNS} FROM mediations WHERE id = $1"))
        .bind(id)
        .fetch_optional(db.reader())
        .await?;
    row.as_ref().map(|r| read(db.keys(), r)).transpose()
}

pub async fn parties(db: &Db, id: &str) -> Result<Vec<Party>, DbError> {
    let rows = sqlx::query(
        "SELECT role, account_id, name_enc, name_masked, mobile_enc, mobile_masked, answered_at, answer_reason, \
         signed_at, applied_at FROM mediation_parties WHERE mediation_id = $1 ORDER BY role",
    )
    .bind(id)
    .fetch_all(db.reader())
    .await?;
    let keys = db.keys();
    rows.iter()
        .map(|r| {
            let corrupt = |detail: &str| DbError::Corrupt {
                table: "mediation_parties",
                id: id.to_string(),
                detail: detail.to_string(),
            };
            let role: String = r.try_get("role")?;
            let name: String = r.try_get("name_enc")?;
            let mobile: Option<String> = r.try_get("mobile_enc")?;
            Ok(Party {
                role: MediationRole::from_code(&role).ok_or_else(|| corrupt("role"))?,
                account_id: r.try_get("account_id")?,
                name: keys.decrypt(&name).ok_or_else(|| corrupt("name"))?,
                name_masked: r.try_get("name_masked")?,
                mobile: match mobile {
                    None => None,
                    Some(m) => Some(keys.decrypt(&m).ok_or_else(|| corrupt("mobile"))?),
                },
                mobile_masked: r.try_get("mobile_masked")?,
                answered_at: r.try_get("answered_at")?,
                answer_reason: r.try_get("answer_reason")?,
                signed_at: r.try_get("signed_at")?,
                applied_at: r.try_get("applied_at")?,
            })
        })
        .collect()
}

pub async fn events(db: &Db, id: &str) -> Result<Vec<MediationEvent>, DbError> {
    let rows = sqlx::query(
        "SELECT at, actor_id, role, action, from_status, to_status, note FROM mediation_events \
         WHERE mediation_id = $1 ORDER BY id",
    )
    .bind(id)
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(MediationEvent {
                at: r.try_get("at")?,
                actor_id: r.try_get("actor_id")?,
                role: r.try_get("role")?,
                action: r.try_get("action")?,
                from_status: r.try_get("from_status")?,
                to_status: r.try_get("to_status")?,
                note: r.try_get("note")?,
            })
        })
        .collect()
}

/// Binds the respondent's account (found by mobile or credit code, or the person who opened the signed link and
/// logged in). Only while unbound: a party once bound stays with that account.
pub async fn bind_party(
    db: &Db,
    id: &str,
    role: MediationRole,
    account_id: &str,
    now: i64,
) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE mediation_parties SET account_id = $3, updated_at = $4 WHERE mediation_id = $1 AND role = $2 \
         AND account_id IS NULL",
    )
    .bind(id)
    .bind(role.code())
    .bind(account_id)
    .bind(now)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The mediations an account takes part in (as requester or bound party), newest first, at most `limit`.
pub async fn for_account(db: &Db, account_id: &str, limit: i64) -> Result<Vec<Mediation>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM mediations WHERE requester_id = $1 OR id IN \
         (SELECT mediation_id FROM mediation_parties WHERE account_id = $1) ORDER BY created_at DESC, id LIMIT $2"
    ))
    .bind(account_id)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db.keys(), r)).collect()
}

/// A mediator's bookings from `from_ms` on (and every one still open), by start time.
pub async fn for_mediator(
    db: &Db,
    mediator_id: &str,
    from_ms: i64,
    limit: i64,
) -> Result<Vec<Mediation>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM mediations WHERE mediator_id = $1 AND status <> 'held' AND (start_ms >= $2 OR \
         status IN ('invited', 'scheduled', 'settled', 'partly_settled')) ORDER BY start_ms, id LIMIT $3"
    ))
    .bind(mediator_id)
    .bind(from_ms)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db.keys(), r)).collect()
}

/// Video sessions of these mediators whose time lies between `from_ms` and `to_ms` (a colleague's meeting that a
/// mediator of the same organisation may take over).
pub async fn video_sessions_of(
    db: &Db,
    mediator_ids: &[String],
    from_ms: i64,
    to_ms: i64,
) -> Result<Vec<Mediation>, DbError> {
    if mediator_ids.is_empty() {
        return Ok(Vec::new());
    }
    let marks: Vec<String> = (0..mediator_ids.len())
        .map(|i| format!("${}", i + 3))
        .collect();
    let sql = format!(
        "SELECT {COLUMNS} FROM mediations WHERE mode = 'video' AND status = 'scheduled' AND end_ms >= $1 \
         AND start_ms <= $2 AND mediator_id IN ({}) ORDER BY start_ms, id LIMIT 50",
        marks.join(", ")
    );
    let mut q = sqlx::query(&sql).bind(from_ms).bind(to_ms);
    for id in mediator_ids {
        q = q.bind(id);
    }
    let rows = q.fetch_all(db.reader()).await?;
    rows.iter().map(|r| read(db.keys(), r)).collect()
}

/// A court's mediations, open ones first by start.
pub async fn for_court(db: &Db, court: &str, limit: i64) -> Result<Vec<Mediation>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM mediations WHERE court_code = $1 AND status <> 'held' ORDER BY \
         CASE WHEN status IN ('held', 'invited', 'scheduled') THEN 0 ELSE 1 END, start_ms, id LIMIT $2"
    ))
    .bind(court)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db.keys(), r)).collect()
}

/// The mediation a diverted filing went to, if any (the newest).
pub async fn of_filing(db: &Db, filing_id: &str) -> Result<Option<Mediation>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM mediations WHERE filing_id = $1 ORDER BY created_at DESC LIMIT 1"
    ))
    .bind(filing_id)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(|r| read(db.keys(), r)).transpose()
}

/// What a transition also changes besides the status.
#[derive(Default)]
pub struct Changes<'a> {
    pub start_ms: Option<(i64, i64)>,
    pub invite_expires_at: Option<i64>,
    pub extension: Option<(i64, &'a str)>,
    pub terms: Option<&'a [Term]>,
    pub unsettled: Option<&'a str>,
    pub outcome_note: Option<&'a str>,
    pub result_filing_id: Option<&'a str>,
    /// The party that answered the invitation, with the reason (a decline's).
    pub answer: Option<(MediationRole, &'a str)>,
}

/// One transition, all or nothing: the status moves only from the status read (someone acting first makes it a
/// [`MediationError::Conflict`]), a new start time only into a free slot ([`MediationError::SlotTaken`]), and
/// the event row is written in the same transaction.
#[allow(clippy::too_many_arguments)]
pub async fn transition(
    db: &Db,
    m: &Mediation,
    action: MediationAction,
    role: MediationRole,
    actor: Option<&str>,
    changes: Changes<'_>,
    note: &str,
    now: i64,
) -> Result<Mediation, MediationError> {
    let to = m.status.next(action).ok_or(MediationError::Conflict)?;
    let mut tx = db.writer().begin().await?;
    let terms = changes.terms.map(json).transpose()?;
    let (start, end) = changes.start_ms.unwrap_or((m.start_ms, m.end_ms));
    let (ext_days, ext_reason) = changes
        .extension
        .map(|(d, r)| (m.extension_days + d, Some(r)))
        .unwrap_or((m.extension_days, None));
    let done = sqlx::query(
        "UPDATE mediations SET status = $1, start_ms = $2, end_ms = $3, \
         invite_expires_at = COALESCE($4, invite_expires_at), extension_days = $5, \
         extension_reason = COALESCE($6, extension_reason), terms_json = COALESCE($7, terms_json), \
         unsettled = COALESCE($8, unsettled), outcome_note = COALESCE($9, outcome_note), \
         result_filing_id = COALESCE($10, result_filing_id), updated_at = $11 \
         WHERE id = $12 AND status = $13 AND updated_at = $14",
    )
    .bind(to.code())
    .bind(start)
    .bind(end)
    .bind(changes.invite_expires_at)
    .bind(ext_days)
    .bind(ext_reason)
    .bind(terms)
    .bind(changes.unsettled)
    .bind(changes.outcome_note)
    .bind(changes.result_filing_id)
    .bind(now.max(m.updated_at + 1))
    .bind(&m.id)
    .bind(m.status.code())
    .bind(m.updated_at)
    .execute(&mut *tx)
    .await;
    match done {
        Ok(d) if d.rows_affected() == 1 => {}
        Ok(_) => return Err(MediationError::Conflict),
        Err(e) if is_slot_violation(&e) => return Err(MediationError::SlotTaken),
        Err(e) => return Err(e.into()),
    }
    if let Some((who, reason)) = changes.answer {
        sqlx::query(
            "UPDATE mediation_parties SET answered_at = $3, answer_reason = $4, updated_at = $3 \
             WHERE mediation_id = $1 AND role = $2",
        )
        .bind(&m.id)
        .bind(who.code())
        .bind(now)
        .bind(reason)
        .execute(&mut *tx)
        .await?;
    }
    event(
        &mut tx,
        &m.id,
        actor,
        role,
        action.code(),
        Some(m.status),
        to,
        note,
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, &m.id).await?.ok_or(MediationError::NotFound)
}

/// A party signs the agreement. When every party has signed, the agreement takes effect that day (`today`).
/// Signing twice is a conflict; an event row records the signature.
pub async fn sign(
    db: &Db,
    m: &Mediation,
    role: MediationRole,
    actor: &str,
    today: domain::Date,
    now: i64,
) -> Result<Mediation, MediationError> {
    if !m.has_agreement() {
        return Err(MediationError::Conflict);
    }
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE mediation_parties SET signed_at = $3, updated_at = $3 WHERE mediation_id = $1 AND role = $2 \
         AND signed_at IS NULL",
    )
    .bind(&m.id)
    .bind(role.code())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(MediationError::Conflict);
    }
    let unsigned: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediation_parties WHERE mediation_id = $1 AND signed_at IS NULL",
    )
    .bind(&m.id)
    .fetch_one(&mut *tx)
    .await?;
    if unsigned == 0 {
        sqlx::query("UPDATE mediations SET effective_on = $2, updated_at = $3 WHERE id = $1")
            .bind(&m.id)
            .bind(today.to_string())
            .bind(now.max(m.updated_at + 1))
            .execute(&mut *tx)
            .await?;
    }
    event(
        &mut tx,
        &m.id,
        Some(actor),
        role,
        "sign",
        Some(m.status),
        m.status,
        if unsigned == 0 { "effective" } else { "" },
        now,
    )
    .await?;
    tx.commit().await?;
    get(db, &m.id).await?.ok_or(MediationError::NotFound)
}

// ---------------------------------------------------------------------------------------------------------------
// Judicial confirmation

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Confirmation {
    pub id: String,
    pub mediation_id: String,
    pub court_code: String,
    pub status: ConfirmationStatus,
    pub deadline: domain::Date,
    pub case_number: Option<String>,
    pub judge_id: Option<String>,
    pub reasons: Option<String>,
    pub decided_at: Option<i64>,
    pub created_at: i64,
}

const CONF_COLUMNS: &str =
    "id, mediation_id, court_code, status, deadline, case_number, judge_id, reasons, \
    decided_at, created_at";

fn read_confirmation(r: &sqlx::any::AnyRow) -> Result<Confirmation, DbError> {
    let id: String = r.try_get("id")?;
    let corrupt = |detail: String| DbError::Corrupt {
        table: "confirmations",
        id: id.clone(),
        detail,
    };
    let status: String = r.try_get("status")?;
    let deadline: String = r.try_get("deadline")?;
    Ok(Confirmation {
        mediation_id: r.try_get("mediation_id")?,
        court_code: r.try_get("court_code")?,
        status: ConfirmationStatus::from_code(&status)
            .ok_or_else(|| corrupt(format!("status {status:?}")))?,
        deadline: domain::Date::parse_iso(&deadline)
            .ok_or_else(|| corrupt(format!("deadline {deadline:?}")))?,
        case_number: r.try_get("case_number")?,
        judge_id: r.try_get("judge_id")?,
        reasons: r.try_get("reasons")?,
        decided_at: r.try_get("decided_at")?,
        created_at: r.try_get("created_at")?,
        id,
    })
}

pub async fn confirmation(db: &Db, id: &str) -> Result<Option<Confirmation>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {CONF_COLUMNS} FROM confirmations WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(read_confirmation).transpose()
}

pub async fn confirmation_of(db: &Db, mediation_id: &str) -> Result<Option<Confirmation>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {CONF_COLUMNS} FROM confirmations WHERE mediation_id = $1"
    ))
    .bind(mediation_id)
    .fetch_optional(db.reader())
    .await?;
    row.as_ref().map(read_confirmation).transpose()
}

/// A court's applications, those waiting for a decision first.
pub async fn confirmations_for_court(
    db: &Db,
    court: &str,
    limit: i64,
) -> Result<Vec<Confirmation>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {CONF_COLUMNS} FROM confirmations WHERE court_code = $1 ORDER BY \
         CASE status WHEN 'pending' THEN 0 WHEN 'applying' THEN 1 ELSE 2 END, created_at, id LIMIT $2"
    ))
    .bind(court)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(read_confirmation).collect()
}

/// A party applies for confirmation. The first application opens the record at `court` with its `deadline`; the
/// last party's makes it `pending` before the judge. Applying twice is a conflict.
#[allow(clippy::too_many_arguments)]
pub async fn apply(
    db: &Db,
    m: &Mediation,
    role: MediationRole,
    actor: &str,
    court: &str,
    deadline: domain::Date,
    now: i64,
) -> Result<Confirmation, MediationError> {
    let mut tx = db.writer().begin().await?;
    let done = sqlx::query(
        "UPDATE mediation_parties SET applied_at = $3, updated_at = $3 WHERE mediation_id = $1 AND role = $2 \
         AND applied_at IS NULL",
    )
    .bind(&m.id)
    .bind(role.code())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(MediationError::Conflict);
    }
    let waiting: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediation_parties WHERE mediation_id = $1 AND applied_at IS NULL",
    )
    .bind(&m.id)
    .fetch_one(&mut *tx)
    .await?;
    let both = waiting == 0;
    let status = ConfirmationStatus::Applying
        .next(domain::mediation::ConfirmationAction::Apply { both })
        .ok_or(MediationError::Conflict)?;
    // One row per agreement: the first application inserts it, the next moves it on.
    sqlx::query(
        "INSERT INTO confirmations (id, mediation_id, court_code, status, deadline, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6) ON CONFLICT (mediation_id) DO UPDATE SET status = excluded.status, \
         updated_at = excluded.updated_at",
    )
    .bind(crate::new_id())
    .bind(&m.id)
    .bind(court)
    .bind(status.code())
    .bind(deadline.to_string())
    .bind(now)
    .execute(&mut *tx)
    .await?;
    event(
        &mut tx,
        &m.id,
        Some(actor),
        role,
        "apply_confirmation",
        Some(m.status),
        m.status,
        status.code(),
        now,
    )
    .await?;
    tx.commit().await?;
    confirmation_of(db, &m.id)
        .await?
        .ok_or(MediationError::NotFound)
}

/// The judge's ruling. Confirming takes the next 民特 number of the court's sequence in the same transaction (the
/// race-free sequence filings use), so a lost race rolls it back.
#[allow(clippy::too_many_arguments)]
pub async fn decide(
    db: &Db,
    c: &Confirmation,
    confirm: bool,
    judge_id: &str,
    reasons: &str,
    year: i32,
    now: i64,
) -> Result<Confirmation, MediationError> {
    let action = if confirm {
        domain::mediation::ConfirmationAction::Confirm
    } else {
        domain::mediation::ConfirmationAction::Refuse
    };
    let to = c.status.next(action).ok_or(MediationError::Conflict)?;
    let mut tx = db.writer().begin().await?;
    let number = if confirm {
        let seq =
            crate::filings::next_seq(&mut tx, &c.court_code, CaseType::MinTe, year, now).await?;
        Some(
            CaseNumber {
                year,
                court_code: c.court_code.clone(),
                case_type: CaseType::MinTe,
                seq,
            }
            .to_string(),
        )
    } else {
        None
    };
    let done = sqlx::query(
        "UPDATE confirmations SET status = $1, case_number = $2, judge_id = $3, reasons = $4, decided_at = $5, \
         updated_at = $5 WHERE id = $6 AND status = $7",
    )
    .bind(to.code())
    .bind(&number)
    .bind(judge_id)
    .bind(reasons)
    .bind(now)
    .bind(&c.id)
    .bind(c.status.code())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(MediationError::Conflict);
    }
    let status: String = sqlx::query_scalar("SELECT status FROM mediations WHERE id = $1")
        .bind(&c.mediation_id)
        .fetch_one(&mut *tx)
        .await?;
    let status = MediationStatus::from_code(&status).ok_or(MediationError::Conflict)?;
    event(
        &mut tx,
        &c.mediation_id,
        Some(judge_id),
        MediationRole::Staff,
        if confirm {
            "confirmation_granted"
        } else {
            "confirmation_refused"
        },
        Some(status),
        status,
        number.as_deref().unwrap_or(reasons),
        now,
    )
    .await?;
    tx.commit().await?;
    confirmation(db, &c.id)
        .await?
        .ok_or(MediationError::NotFound)
}

/// Binds every unbound party named with this account's mobile number (someone invited before they had an
/// account, who registered or logged in since). Returns how many were bound.
pub async fn bind_by_mobile(
    db: &Db,
    account_id: &str,
    mobile: &str,
    now: i64,
) -> Result<u64, DbError> {
    let done = sqlx::query(
        "UPDATE mediation_parties SET account_id = $1, updated_at = $3 WHERE mobile_hash = $2 \
         AND account_id IS NULL AND role = 'respondent'",
    )
    .bind(account_id)
    .bind(mobile_hash(db.keys(), mobile))
    .bind(now)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected())
}

/// Whether the account is the mediator of a mediation of this (diverted) filing.
pub async fn mediates_filing(db: &Db, account_id: &str, filing_id: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediations m JOIN mediators d ON d.id = m.mediator_id \
         WHERE m.filing_id = $1 AND d.account_id = $2",
    )
    .bind(filing_id)
    .bind(account_id)
    .fetch_one(db.reader())
    .await?;
    Ok(n > 0)
}

/// Bookings an account made since `since` (UTC ms), and invitations sent to a mobile number since then: the
/// bounds on how many invitations (text messages to other people) one account can cause.
pub async fn recent_bookings(
    db: &Db,
    requester_id: &str,
    mobile: Option<&str>,
    since: i64,
) -> Result<(i64, i64), DbError> {
    let by_requester: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM mediations WHERE requester_id = $1 AND created_at >= $2",
    )
    .bind(requester_id)
    .bind(since)
    .fetch_one(db.reader())
    .await?;
    let to_mobile: i64 = match mobile {
        None => 0,
        Some(m) => {
            sqlx::query_scalar(
                "SELECT COUNT(*) FROM mediation_parties WHERE mobile_hash = $1 AND role = 'respondent' \
                 AND created_at >= $2",
            )
            .bind(mobile_hash(db.keys(), m))
            .bind(since)
            .fetch_one(db.reader())
            .await?
        }
    };
    Ok((by_requester, to_mobile))
}
