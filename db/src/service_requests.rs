//! Service requests (诉讼服务请求) and their messages. Texts are encrypted at rest; every change is one transaction
//! that checks the row's version (two staff answering at once: the second is told someone acted first) and adds
//! the message that records it.

use crate::{Db, DbError};
use domain::service_request::{RequestKind, RequestStatus};
use sqlx::Row;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServiceRequest {
    pub id: String,
    pub requester_id: String,
    pub kind: RequestKind,
    pub court_code: String,
    pub department: String,
    pub subject: String,
    pub case_ref: String,
    pub cannot_get_done: bool,
    pub status: RequestStatus,
    pub due_at: i64,
    pub replied: bool,
    pub rating: Option<u8>,
    pub rating_reason: Option<String>,
    pub unread: bool,
    pub version: i64,
    pub created_at: i64,
    pub updated_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub seq: i64,
    /// submit | answer | reply | transfer | close | rate
    pub action: String,
    pub author_id: String,
    pub body: String,
    pub from_court: String,
    pub to_court: String,
    pub at: i64,
}

pub struct NewRequest<'a> {
    pub requester_id: &'a str,
    pub kind: RequestKind,
    pub court_code: &'a str,
    pub subject: &'a str,
    pub body: &'a str,
    pub case_ref: &'a str,
    pub cannot_get_done: bool,
    pub due_at: i64,
}

/// A change to a request, made only if nobody changed it since `version` was read.
pub struct Change<'a> {
    pub version: i64,
    pub status: RequestStatus,
    pub court_code: &'a str,
    pub department: &'a str,
    pub due_at: i64,
    pub replied: bool,
    pub rating: Option<(u8, &'a str)>,
    pub unread: bool,
    pub action: &'a str,
    pub author_id: &'a str,
    pub body: &'a str,
    pub from_court: &'a str,
    pub to_court: &'a str,
}

#[derive(Debug, thiserror::Error)]
pub enum ChangeError {
    /// Someone changed the request first.
    #[error("changed by someone else")]
    Conflict,
    #[error(transparent)]
    Db(#[from] DbError),
}

impl From<sqlx::Error> for ChangeError {
    fn from(e: sqlx::Error) -> Self {
        ChangeError::Db(e.into())
    }
}

const COLUMNS: &str = "id, requester_id, kind, court_code, department, subject_enc, case_ref, cannot_get_done, status, \
                       due_at, replied, rating, rating_reason_enc, unread, version, created_at, updated_at";

fn read(db: &Db, r: &sqlx::any::AnyRow) -> Result<ServiceRequest, DbError> {
    let id: String = r.try_get("id")?;
    let corrupt = |detail: String| DbError::Corrupt {
        table: "service_requests",
        id: id.clone(),
        detail,
    };
    let kind: String = r.try_get("kind")?;
    let status: String = r.try_get("status")?;
    let subject: String = r.try_get("subject_enc")?;
    let reason: Option<String> = r.try_get("rating_reason_enc")?;
    let rating: Option<i64> = r.try_get("rating")?;
    Ok(ServiceRequest {
        requester_id: r.try_get("requester_id")?,
        kind: RequestKind::from_code(&kind).ok_or_else(|| corrupt(format!("kind {kind:?}")))?,
        court_code: r.try_get("court_code")?,
        department: r.try_get("department")?,
        subject: db
            .keys()
            .decrypt(&subject)
            .ok_or_else(|| corrupt("subject does not decrypt".into()))?,
        case_ref: r.try_get("case_ref")?,
        cannot_get_done: r.try_get::<i64, _>("cannot_get_done")? != 0,
        status: RequestStatus::from_code(&status)
            .ok_or_else(|| corrupt(format!("status {status:?}")))?,
        due_at: r.try_get("due_at")?,
        replied: r.try_get::<i64, _>("replied")? != 0,
        rating: rating
            .map(|n| u8::try_from(n).map_err(|_| corrupt(format!("rating {n}"))))
            .transpose()?,
        rating_reason: match reason {
            Some(s) => Some(
                db.keys()
                    .decrypt(&s)
                    .ok_or_else(|| corrupt("reason does not decrypt".into()))?,
            ),
            None => None,
        },
        unread: r.try_get::<i64, _>("unread")? != 0,
        version: r.try_get("version")?,
        created_at: r.try_get("created_at")?,
        updated_at: r.try_get("updated_at")?,
        id,
    })
}

pub async fn create(db: &Db, n: &NewRequest<'_>, now: i64) -> Result<ServiceRequest, DbError> {
    let id = format!("sr{}", &crate::new_id()[..16]);
    let keys = db.keys();
    let mut tx = db.writer().begin().await?;
    sqlx::query(
        "INSERT INTO service_requests (id, requester_id, kind, court_code, department, subject_enc, case_ref, \
         cannot_get_done, status, due_at, replied, unread, version, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, '', $5, $6, $7, 'open', $8, 0, 0, 0, $9, $9)",
    )
    .bind(&id)
    .bind(n.requester_id)
    .bind(n.kind.code())
    .bind(n.court_code)
    .bind(keys.encrypt(n.subject))
    .bind(n.case_ref)
    .bind(i64::from(n.cannot_get_done))
    .bind(n.due_at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO service_request_messages (request_id, seq, action, author_id, body_enc, from_court, to_court, at) \
         VALUES ($1, 1, 'submit', $2, $3, '', $4, $5)",
    )
    .bind(&id)
    .bind(n.requester_id)
    .bind(keys.encrypt(n.body))
    .bind(n.court_code)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    get(db, &id).await?.ok_or(DbError::Corrupt {
        table: "service_requests",
        id,
        detail: "not read back".into(),
    })
}

pub async fn get(db: &Db, id: &str) -> Result<Option<ServiceRequest>, DbError> {
    let row = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM service_requests WHERE id = $1"
    ))
    .bind(id)
    .fetch_optional(db.reader())
    .await?;
    row.map(|r| read(db, &r)).transpose()
}

pub async fn messages(db: &Db, id: &str) -> Result<Vec<Message>, DbError> {
    let rows = sqlx::query(
        "SELECT seq, action, author_id, body_enc, from_court, to_court, at FROM service_request_messages \
         WHERE request_id = $1 ORDER BY seq",
    )
    .bind(id)
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| {
            let body: String = r.try_get("body_enc")?;
            let seq: i64 = r.try_get("seq")?;
            Ok(Message {
                seq,
                action: r.try_get("action")?,
                author_id: r.try_get("author_id")?,
                body: db.keys().decrypt(&body).ok_or_else(|| DbError::Corrupt {
                    table: "service_request_messages",
                    id: format!("{id}#{seq}"),
                    detail: "does not decrypt".into(),
                })?,
                from_court: r.try_get("from_court")?,
                to_court: r.try_get("to_court")?,
                at: r.try_get("at")?,
            })
        })
        .collect()
}

/// A person's requests, newest first.
pub async fn of_requester(
    db: &Db,
    requester: &str,
    limit: i64,
) -> Result<Vec<ServiceRequest>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM service_requests WHERE requester_id = $1 ORDER BY created_at DESC LIMIT $2"
    ))
    .bind(requester)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db, r)).collect()
}

/// A court's queue: the open ones first, the longest overdue (earliest promised time) at the top; then the
/// answered and closed ones, most recently changed first.
pub async fn queue(db: &Db, court: &str, limit: i64) -> Result<Vec<ServiceRequest>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM service_requests WHERE court_code = $1 \
         ORDER BY CASE WHEN status = 'open' THEN 0 ELSE 1 END, \
                  CASE WHEN status = 'open' THEN due_at ELSE -updated_at END, id LIMIT $2"
    ))
    .bind(court)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db, r)).collect()
}

/// Applies a change and records its message, both or neither.
pub async fn apply(
    db: &Db,
    id: &str,
    c: &Change<'_>,
    now: i64,
) -> Result<ServiceRequest, ChangeError> {
    let keys = db.keys();
    let mut tx = db.writer().begin().await?;
    let (rating, reason) = match c.rating {
        Some((n, r)) => (Some(i64::from(n)), Some(keys.encrypt(r))),
        None => (None, None),
    };
    let done = sqlx::query(
        "UPDATE service_requests SET status = $1, court_code = $2, department = $3, due_at = $4, replied = $5, \
         rating = COALESCE($6, rating), rating_reason_enc = COALESCE($7, rating_reason_enc), unread = $8, \
         version = version + 1, updated_at = $9 WHERE id = $10 AND version = $11",
    )
    .bind(c.status.code())
    .bind(c.court_code)
    .bind(c.department)
    .bind(c.due_at)
    .bind(i64::from(c.replied))
    .bind(rating)
    .bind(reason)
    .bind(i64::from(c.unread))
    .bind(now)
    .bind(id)
    .bind(c.version)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(ChangeError::Conflict);
    }
    sqlx::query(
        "INSERT INTO service_request_messages (request_id, seq, action, author_id, body_enc, from_court, to_court, at) \
         VALUES ($1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM service_request_messages WHERE request_id = $1), \
         $2, $3, $4, $5, $6, $7)",
    )
    .bind(id)
    .bind(c.action)
    .bind(c.author_id)
    .bind(keys.encrypt(c.body))
    .bind(c.from_court)
    .bind(c.to_court)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(get(db, id).await?.ok_or(DbError::Corrupt {
        table: "service_requests",
        id: id.to_string(),
        detail: "not read back".into(),
    })?)
}

/// The person opened the answer.
pub async fn mark_read(db: &Db, id: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE service_requests SET unread = 0 WHERE id = $1 AND unread = 1")
        .bind(id)
        .execute(db.writer())
        .await?;
    Ok(())
}

/// How many answered requests of the person wait unread (the portal's notice).
pub async fn unread_count(db: &Db, requester: &str) -> Result<i64, DbError> {
    let row = sqlx::query(
        "SELECT COUNT(*) AS n FROM service_requests WHERE requester_id = $1 AND unread = 1",
    )
    .bind(requester)
    .fetch_one(db.reader())
    .await?;
    Ok(row.try_get("n")?)
}
