//! Answers posted to a wizard step after the session had expired. They are kept, encrypted (they may hold ID
//! numbers), under the SHA-256 of a random token the browser holds in a cookie, until the filer logs in again;
//! then they are applied to the draft — if, and only if, the draft is the logged-in account's own. Nothing typed is
//! lost to an expired session, and nobody else can claim it.

use crate::crypto::{new_token, token_hash, Keys};
use crate::{Db, DbError};
use sqlx::Row;

/// How long a pending save waits for its filer to log in again.
pub const KEEP_MS: i64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PendingSave {
    pub filing_id: String,
    pub step: String,
    pub pairs: Vec<(String, String)>,
}

/// Keeps a posted step; returns the token for the browser's cookie.
pub async fn put(db: &Db, keys: &Keys, save: &PendingSave, now: i64) -> Result<String, DbError> {
    let token = new_token();
    let body = serde_json::to_string(&save.pairs).map_err(|e| DbError::Other(e.to_string()))?;
    sqlx::query(
        "INSERT INTO pending_saves (id_hash, filing_id, step, body_enc, expires_at, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $6)",
    )
    .bind(token_hash(&token))
    .bind(&save.filing_id)
    .bind(&save.step)
    .bind(keys.encrypt(&body))
    .bind(now + KEEP_MS)
    .bind(now)
    .execute(db.writer())
    .await?;
    Ok(token)
}

/// Takes a pending save out (it can be taken once); `None` if unknown, expired or unreadable.
pub async fn take(
    db: &Db,
    keys: &Keys,
    token: &str,
    now: i64,
) -> Result<Option<PendingSave>, DbError> {
    let hash = token_hash(token);
    let mut tx = db.writer().begin().await?;
    let row = sqlx::query(
        "SELECT filing_id, step, body_enc, expires_at FROM pending_saves WHERE id_hash = $1",
    )
    .bind(&hash)
    .fetch_optional(&mut *tx)
    .await?;
    sqlx::query("DELETE FROM pending_saves WHERE id_hash = $1")
        .bind(&hash)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    let Some(row) = row else { return Ok(None) };
    if row.try_get::<i64, _>("expires_at")? <= now {
        return Ok(None);
    }
    // Unreadable (another key, a damaged row): nothing to apply, as if it had expired.
    let pairs = keys
        .decrypt(&row.try_get::<String, _>("body_enc")?)
        .and_then(|body| serde_json::from_str(&body).ok());
    let Some(pairs) = pairs else { return Ok(None) };
    Ok(Some(PendingSave {
        filing_id: row.try_get("filing_id")?,
        step: row.try_get("step")?,
        pairs,
    }))
}

pub async fn purge_expired(db: &Db, now: i64) -> Result<u64, DbError> {
    let done = sqlx::query("DELETE FROM pending_saves WHERE expires_at <= $1")
        .bind(now)
        .execute(db.writer())
        .await?;
    Ok(done.rows_affected())
}
