//! Server-side sessions. The browser holds a random token in an HttpOnly cookie; the database holds its SHA-256,
//! the account, and two clocks: an idle time-out that each request pushes forward and an absolute time-out that
//! nothing extends. A login always creates a new session (a new id), so a token planted before login is useless.

use crate::crypto::{new_token, token_hash};
use crate::{accounts, audit, Db, DbError};
use sqlx::Row;

pub const IDLE_TIMEOUT_MS: i64 = 30 * 60 * 1000;
pub const ABSOLUTE_TIMEOUT_MS: i64 = 12 * 60 * 60 * 1000;
/// Touching the row on every request would make every page view a write; a minute's precision is plenty.
const TOUCH_EVERY_MS: i64 = 60 * 1000;

/// Starts a session for an account that just proved who it is; returns the cookie token.
pub async fn create(
    db: &Db,
    account_id: &str,
    ip: &str,
    user_agent: &str,
    now: i64,
) -> Result<String, DbError> {
    let token = new_token();
    let mut tx = db.writer().begin().await?;
    sqlx::query(
        "INSERT INTO sessions (id_hash, account_id, ip, user_agent, created_at, last_seen_at, expires_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $5, $6, $5)",
    )
    .bind(token_hash(&token))
    .bind(account_id)
    .bind(ip)
    .bind(user_agent.chars().take(200).collect::<String>())
    .bind(now)
    .bind(now + ABSOLUTE_TIMEOUT_MS)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        Some(account_id),
        ip,
        "session.login",
        &format!("account:{account_id}"),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

/// The account behind a cookie token, if the session is alive; a dead session is deleted on sight.
pub async fn lookup(db: &Db, token: &str, now: i64) -> Result<Option<accounts::Account>, DbError> {
    let hash = token_hash(token);
    let row =
        sqlx::query("SELECT account_id, last_seen_at, expires_at FROM sessions WHERE id_hash = $1")
            .bind(&hash)
            .fetch_optional(db.reader())
            .await?;
    let Some(row) = row else { return Ok(None) };
    let last_seen: i64 = row.try_get("last_seen_at")?;
    let expires: i64 = row.try_get("expires_at")?;
    if now >= expires || now - last_seen >= IDLE_TIMEOUT_MS {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(&hash)
            .execute(db.writer())
            .await?;
        return Ok(None);
    }
    if now - last_seen >= TOUCH_EVERY_MS {
        sqlx::query("UPDATE sessions SET last_seen_at = $1, updated_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(&hash)
            .execute(db.writer())
            .await?;
    }
    let account_id: String = row.try_get("account_id")?;
    accounts::get(db, &account_id).await
}

/// Ends a session (logout). Returns the account it belonged to, for the audit row.
pub async fn delete(db: &Db, token: &str, ip: &str, now: i64) -> Result<Option<String>, DbError> {
    let hash = token_hash(token);
    let mut tx = db.writer().begin().await?;
    let account: Option<String> =
        sqlx::query_scalar("SELECT account_id FROM sessions WHERE id_hash = $1")
            .bind(&hash)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(account_id) = &account {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(&hash)
            .execute(&mut *tx)
            .await?;
        audit::record(
            &mut tx,
            Some(account_id),
            ip,
            "session.logout",
            &format!("account:{account_id}"),
            "",
            now,
        )
        .await?;
    }
    tx.commit().await?;
    Ok(account)
}

/// Housekeeping: removes sessions past either time-out.
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(now)
        .bind(now - IDLE_TIMEOUT_MS)
        .execute(db.writer())
        .await?;
    Ok(done.rows_affected())
}
