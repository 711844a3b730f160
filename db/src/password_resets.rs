//! Password-reset codes: one live code per account, stored as a keyed hash bound to the account, valid for a short
//! time, used once, and void after a few wrong tries. Using it sets the new password, ends every session of the
//! account and writes the audit row, all in one transaction.

use crate::{audit, Db, DbError};

/// Stores the keyed hash of a fresh code for an account (replacing any earlier one, whose tries start again).
pub async fn issue(
    db: &Db,
    account_id: &str,
    code_hash: &str,
    expires_at: i64,
    ip: &str,
    now: i64,
) -> Result<(), DbError> {
    let mut tx = db.writer().begin().await?;
    sqlx::query(
        "INSERT INTO password_resets (account_id, code_hash, expires_at, attempts, created_at, updated_at) \
         VALUES ($1, $2, $3, 0, $4, $4) \
         ON CONFLICT (account_id) DO UPDATE SET code_hash = $2, expires_at = $3, attempts = 0, updated_at = $4",
    )
    .bind(account_id)
    .bind(code_hash)
    .bind(expires_at)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        None,
        ip,
        "account.password_reset_requested",
        &format!("account:{account_id}"),
        "",
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// What became of a code offered with a new password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Redeemed {
    /// The password is set; this many sessions were ended.
    Done { sessions_ended: u64 },
    /// No live code matches (wrong, used, past its time, or out of tries); a wrong try was counted.
    Refused,
}

/// Uses the code: if a live code of the account has this hash, deletes it (so it works once, even against a
/// concurrent try), stores the new password hash, deletes every session of the account and records the change —
/// one transaction. Otherwise counts a wrong try against the live code.
pub async fn redeem(
    db: &Db,
    account_id: &str,
    code_hash: &str,
    password_hash: &str,
    ip: &str,
    now: i64,
) -> Result<Redeemed, DbError> {
    let mut tx = db.writer().begin().await?;
    let used = sqlx::query(
        "DELETE FROM password_resets WHERE account_id = $1 AND code_hash = $2 AND expires_at > $3 AND attempts < $4",
    )
    .bind(account_id)
    .bind(code_hash)
    .bind(now)
    .bind(crate::limits::RESET_CODE_TRIES)
    .execute(&mut *tx)
    .await?;
    if used.rows_affected() != 1 {
        tx.rollback().await?;
        sqlx::query(
            "UPDATE password_resets SET attempts = attempts + 1, updated_at = $2 WHERE account_id = $1",
        )
        .bind(account_id)
        .bind(now)
        .execute(db.writer())
        .await?;
        return Ok(Redeemed::Refused);
    }
    sqlx::query("UPDATE accounts SET password_hash = $1, updated_at = $2 WHERE id = $3")
        .bind(password_hash)
        .bind(now)
        .bind(account_id)
        .execute(&mut *tx)
        .await?;
    let ended = sqlx::query("DELETE FROM sessions WHERE account_id = $1")
        .bind(account_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    audit::record(
        &mut tx,
        Some(account_id),
        ip,
        "account.password_reset",
        &format!("account:{account_id}"),
        &format!("sessions_ended={ended}"),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(Redeemed::Done {
        sessions_ended: ended,
    })
}

/// Removes codes past their time; run periodically.
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64, DbError> {
    Ok(
        sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1")
            .bind(now)
            .execute(db.writer())
            .await?
            .rows_affected(),
    )
}
