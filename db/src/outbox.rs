//! The outbox: short messages to people (a password-reset code, a re-issued query code), kept until an operator's
//! SMS gateway (or the mail server) has them. The recipient is stored masked for display and encrypted for
//! delivery; the body only encrypted, so a leaked table holds no code and no mobile number in clear.

use crate::{new_id, Db, DbError};
use sqlx::Row;

/// How a message reaches its person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutboxChannel {
    Sms,
    Email,
}

impl OutboxChannel {
    pub fn code(self) -> &'static str {
        match self {
            OutboxChannel::Sms => "sms",
            OutboxChannel::Email => "email",
        }
    }

    pub fn from_code(code: &str) -> Option<OutboxChannel> {
        match code {
            "sms" => Some(OutboxChannel::Sms),
            "email" => Some(OutboxChannel::Email),
            _ => None,
        }
    }
}

/// A message to store. `Debug` never prints the recipient or the body.
pub struct NewMessage<'a> {
    pub account_id: Option<&'a str>,
    pub channel: OutboxChannel,
    /// `password_reset`, `query_code`.
    pub purpose: &'a str,
    pub recipient: &'a str,
    pub recipient_masked: &'a str,
    pub body: &'a str,
}

impl std::fmt::Debug for NewMessage<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NewMessage")
            .field("channel", &self.channel)
            .field("purpose", &self.purpose)
            .field("recipient", &self.recipient_masked)
            .finish_non_exhaustive()
    }
}

/// A stored message, opened for whoever delivers it (the gateway command) or looks at it (tests, the operator).
#[derive(Clone)]
pub struct OutboxMessage {
    pub id: String,
    pub account_id: Option<String>,
    pub channel: OutboxChannel,
    pub purpose: String,
    pub recipient: String,
    pub recipient_masked: String,
    pub body: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub sent_via: Option<String>,
}

impl std::fmt::Debug for OutboxMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("OutboxMessage")
            .field("id", &self.id)
            .field("channel", &self.channel)
            .field("purpose", &self.purpose)
            .field("recipient", &self.recipient_masked)
            .field("sent_at", &self.sent_at)
            .finish_non_exhaustive()
    }
}

/// Puts a message in the outbox, not yet sent; its id.
pub async fn enqueue(db: &Db, m: &NewMessage<'_>, now: i64) -> Result<String, DbError> {
    insert(db, m, now, None).await
}

/// Records a message another channel already delivered (`via`: `smtp`), so what was sent to whom stays on record.
pub async fn record_sent(
    db: &Db,
    m: &NewMessage<'_>,
    via: &str,
    now: i64,
) -> Result<String, DbError> {
    insert(db, m, now, Some(via)).await
}

async fn insert(
    db: &Db,
    m: &NewMessage<'_>,
    now: i64,
    sent_via: Option<&str>,
) -> Result<String, DbError> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO notifications (id, account_id, channel, purpose, recipient_masked, recipient_enc, body_enc, \
         created_at, sent_at, sent_via, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $8)",
    )
    .bind(&id)
    .bind(m.account_id)
    .bind(m.channel.code())
    .bind(m.purpose)
    .bind(m.recipient_masked)
    .bind(db.keys().encrypt(m.recipient))
    .bind(db.keys().encrypt(m.body))
    .bind(now)
    .bind(sent_via.map(|_| now))
    .bind(sent_via)
    .execute(db.writer())
    .await?;
    Ok(id)
}

/// Records that a message was handed over (`via`: `gateway`, `smtp`). False when it already was.
pub async fn mark_sent(db: &Db, id: &str, via: &str, now: i64) -> Result<bool, DbError> {
    let done = sqlx::query(
        "UPDATE notifications SET sent_at = $1, sent_via = $2, updated_at = $1 WHERE id = $3 AND sent_at IS NULL",
    )
    .bind(now)
    .bind(via)
    .bind(id)
    .execute(db.writer())
    .await?;
    Ok(done.rows_affected() == 1)
}

const COLUMNS: &str =
    "id, account_id, channel, purpose, recipient_masked, recipient_enc, body_enc, created_at, \
                       sent_at, sent_via";

fn read(db: &Db, r: &sqlx::any::AnyRow) -> Result<OutboxMessage, DbError> {
    let id: String = r.try_get("id")?;
    let corrupt = |detail: &str| DbError::Corrupt {
        table: "notifications",
        id: id.clone(),
        detail: detail.to_string(),
    };
    let channel: String = r.try_get("channel")?;
    let open = |column: &str| -> Result<String, DbError> {
        let sealed: String = r.try_get(column)?;
        db.keys()
            .decrypt(&sealed)
            .ok_or_else(|| corrupt(&format!("{column} does not open with this key")))
    };
    Ok(OutboxMessage {
        channel: OutboxChannel::from_code(&channel)
            .ok_or_else(|| corrupt(&format!("unknown channel {channel:?}")))?,
        account_id: r.try_get("account_id")?,
        purpose: r.try_get("purpose")?,
        recipient: open("recipient_enc")?,
        recipient_masked: r.try_get("recipient_masked")?,
        body: open("body_enc")?,
        created_at: r.try_get("created_at")?,
        sent_at: r.try_get("sent_at")?,
        sent_via: r.try_get("sent_via")?,
        id,
    })
}

/// The messages not yet sent, oldest first (what the gateway delivers next).
pub async fn pending(db: &Db, limit: i64) -> Result<Vec<OutboxMessage>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM notifications WHERE sent_at IS NULL ORDER BY created_at, id LIMIT $1"
    ))
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db, r)).collect()
}

/// The messages to one account, newest first, sent or not.
pub async fn for_account(
    db: &Db,
    account_id: &str,
    limit: i64,
) -> Result<Vec<OutboxMessage>, DbError> {
    let rows = sqlx::query(&format!(
        "SELECT {COLUMNS} FROM notifications WHERE account_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
    ))
    .bind(account_id)
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter().map(|r| read(db, r)).collect()
}
