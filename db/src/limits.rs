//! Attempt limits shared by every server instance (they live in the database): logins, tracking look-ups, codes
//! and registrations are counted per client, per account or per receipt.
//!
//! An attempt is counted *before* the work it limits (a password check, a code comparison), in one atomic
//! statement that returns the new count, so a burst of concurrent attempts cannot all pass a limit that each read
//! before any wrote. What is counted is stored only as a keyed hash: no address or login name in clear.

use crate::{Db, DbError};
use sqlx::Row;

/// One kind of limit: at most `max` attempts per `window_ms`; with `backoff`, every attempt over the limit doubles
/// the wait (up to 64 windows), so a guesser who keeps trying waits longer and longer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limit {
    pub scope: &'static str,
    pub max: i64,
    pub window_ms: i64,
    pub backoff: bool,
}

const MINUTE: i64 = 60 * 1000;

/// Wrong passwords for one login name from one client: the owner's other clients are not locked out.
pub const LOGIN_ACCOUNT_CLIENT: Limit = Limit {
    scope: "login.account_client",
    max: 5,
    window_ms: 15 * MINUTE,
    backoff: true,
};
/// Every login attempt of one client, whatever the account (one address trying many accounts).
pub const LOGIN_CLIENT: Limit = Limit {
    scope: "login.client",
    max: 30,
    window_ms: 15 * MINUTE,
    backoff: true,
};
/// Wrong passwords for one login name from clients the account has never logged in from, all together: a
/// distributed guess at one account. The owner's known device is not counted here, so it is never locked out.
pub const LOGIN_ACCOUNT_UNKNOWN_CLIENTS: Limit = Limit {
    scope: "login.account_unknown",
    max: 50,
    window_ms: 60 * MINUTE,
    backoff: false,
};
/// Failed tracking look-ups of one client.
pub const TRACK_CLIENT: Limit = Limit {
    scope: "track.client",
    max: 20,
    window_ms: 15 * MINUTE,
    backoff: true,
};
/// Failed tracking look-ups of one receipt number, from anywhere (counted whether or not the receipt exists, so
/// the answer does not tell).
pub const TRACK_RECEIPT: Limit = Limit {
    scope: "track.receipt",
    max: 10,
    window_ms: 60 * MINUTE,
    backoff: true,
};
/// Party link codes tried by one account.
pub const LINK_ACCOUNT: Limit = Limit {
    scope: "link.account",
    max: 10,
    window_ms: 60 * MINUTE,
    backoff: true,
};
/// Registrations from one client.
pub const REGISTER_CLIENT: Limit = Limit {
    scope: "register.client",
    max: 10,
    window_ms: 60 * MINUTE,
    backoff: false,
};
/// Wizard answers kept for an expired session, per client.
pub const PENDING_CLIENT: Limit = Limit {
    scope: "pending.client",
    max: 30,
    window_ms: 60 * MINUTE,
    backoff: false,
};

/// Password-reset codes asked for one login name (whether or not it has an account, so the limit tells nothing):
/// nobody's phone is flooded with codes.
pub const RESET_REQUEST_ACCOUNT: Limit = Limit {
    scope: "reset.request_account",
    max: 3,
    window_ms: 60 * MINUTE,
    backoff: false,
};
/// Password-reset codes asked for from one client, whatever the login name.
pub const RESET_REQUEST_CLIENT: Limit = Limit {
    scope: "reset.request_client",
    max: 10,
    window_ms: 60 * MINUTE,
    backoff: false,
};
/// Wrong reset codes for one login name, from anywhere (each code also dies after [`RESET_CODE_TRIES`] wrong tries).
pub const RESET_CONFIRM_ACCOUNT: Limit = Limit {
    scope: "reset.confirm_account",
    max: 10,
    window_ms: 60 * MINUTE,
    backoff: true,
};
/// Wrong reset codes from one client, whatever the login name.
pub const RESET_CONFIRM_CLIENT: Limit = Limit {
    scope: "reset.confirm_client",
    max: 20,
    window_ms: 15 * MINUTE,
    backoff: true,
};
/// How many wrong tries one password-reset code survives before it is void.
pub const RESET_CODE_TRIES: i64 = 5;
/// Query codes a filer re-issues (each one is a message to their own mobile).
pub const QUERY_CODE_REISSUE: Limit = Limit {
    scope: "query_code.reissue",
    max: 5,
    window_ms: 60 * MINUTE,
    backoff: false,
};

/// The longest any row can matter: the purge keeps nothing older.
const MAX_BACKOFF_WINDOWS: i64 = 64;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    /// Refused until this instant (UTC ms).
    Refused {
        until: i64,
    },
}

impl Verdict {
    pub fn is_allowed(self) -> bool {
        self == Verdict::Allowed
    }
}

fn subject_hash(db: &Db, limit: &Limit, subject: &str) -> String {
    db.keys()
        .lookup_hash(&format!("limit:{}:{subject}", limit.scope))
}

/// Counts one attempt and says whether it is within the limit.
pub async fn hit(db: &Db, limit: &Limit, subject: &str, now: i64) -> Result<Verdict, DbError> {
    let row = sqlx::query(
        "INSERT INTO attempt_limits (scope, subject, count, ends_at, created_at, updated_at) \
         VALUES ($1, $2, 1, $3, $4, $4) \
         ON CONFLICT (scope, subject) DO UPDATE SET \
           count = CASE WHEN attempt_limits.ends_at <= $4 THEN 1 ELSE attempt_limits.count + 1 END, \
           ends_at = CASE WHEN attempt_limits.ends_at <= $4 THEN $3 ELSE attempt_limits.ends_at END, \
           updated_at = $4 \
         RETURNING count, ends_at",
    )
    .bind(limit.scope)
    .bind(subject_hash(db, limit, subject))
    .bind(now + limit.window_ms)
    .bind(now)
    .fetch_one(db.writer())
    .await?;
    let count: i64 = row.try_get("count")?;
    let ends_at: i64 = row.try_get("ends_at")?;
    // At the limit, the next attempt is refused: this instance remembers it (see [`known_block`]).
    if count >= limit.max {
        remember_block(db, limit, subject, ends_at);
    }
    if count <= limit.max {
        return Ok(Verdict::Allowed);
    }
    if !limit.backoff {
        return Ok(Verdict::Refused { until: ends_at });
    }
    let windows = 1i64 << (count - limit.max).clamp(0, 6);
    let until = ends_at.max(now + limit.window_ms * windows.min(MAX_BACKOFF_WINDOWS));
    sqlx::query(
        "UPDATE attempt_limits SET ends_at = $1, updated_at = $2 WHERE scope = $3 AND subject = $4 AND ends_at < $1",
    )
    .bind(until)
    .bind(now)
    .bind(limit.scope)
    .bind(subject_hash(db, limit, subject))
    .execute(db.writer())
    .await?;
    remember_block(db, limit, subject, until);
    Ok(Verdict::Refused { until })
}

/// A block this instance learned from the database (the count a hit returned): refused here without asking again
/// until it ends. Another instance learns the same at its own next counted attempt, so past a limit each instance
/// lets through at most one more attempt.
fn remember_block(db: &Db, limit: &Limit, subject: &str, until: i64) {
    db.memory()
        .blocks
        .insert((limit.scope, subject_hash(db, limit, subject)), until);
}

/// Whether this instance knows one of `limits` (each with its subject) to be reached now; until when.
pub fn known_block(db: &Db, limits: &[(Limit, &str)], now: i64) -> Option<i64> {
    limits
        .iter()
        .filter_map(|(l, s)| db.memory().blocks.get(&(l.scope, subject_hash(db, l, s))))
        .filter(|until| *until > now)
        .max()
}

/// The SQL condition (for a look-up that must stay one read) that is true when any of `limits` is reached for its
/// subject; binds start at `$first`: (scope, subject hash) per limit, then `now`.
pub fn blocked_sql(limits: &[Limit], first: usize) -> String {
    let now = first + 2 * limits.len();
    let alternatives: Vec<String> = limits
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                "(scope = ${} AND subject = ${} AND count >= {})",
                first + 2 * i,
                first + 2 * i + 1,
                l.max
            )
        })
        .collect();
    format!(
        "(SELECT MAX(ends_at) FROM attempt_limits WHERE ends_at > ${now} AND ({}))",
        alternatives.join(" OR ")
    )
}

/// The bind values for [`blocked_sql`], in order (without `now`).
pub fn blocked_binds(db: &Db, limits: &[(Limit, &str)]) -> Vec<String> {
    limits
        .iter()
        .flat_map(|(l, s)| [l.scope.to_string(), subject_hash(db, l, s)])
        .collect()
}

/// Gives back one counted attempt that turned out well (a right password): limits that count every attempt up
/// front, to be race-free, end up counting the failures only.
pub async fn refund(db: &Db, limit: &Limit, subject: &str) -> Result<(), DbError> {
    sqlx::query(
        "UPDATE attempt_limits SET count = CASE WHEN count > 0 THEN count - 1 ELSE 0 END \
         WHERE scope = $1 AND subject = $2",
    )
    .bind(limit.scope)
    .bind(subject_hash(db, limit, subject))
    .execute(db.writer())
    .await?;
    Ok(())
}

/// Forgets the attempts of one subject (a successful login clears its own client's count).
pub async fn clear(db: &Db, limit: &Limit, subject: &str) -> Result<(), DbError> {
    db.memory()
        .blocks
        .remove(&(limit.scope, subject_hash(db, limit, subject)));
    sqlx::query("DELETE FROM attempt_limits WHERE scope = $1 AND subject = $2")
        .bind(limit.scope)
        .bind(subject_hash(db, limit, subject))
        .execute(db.writer())
        .await?;
    Ok(())
}

/// Removes rows whose window has passed; run periodically.
pub async fn purge_expired(db: &Db, now: i64) -> Result<u64, DbError> {
    db.memory().blocks.retain(|_, until| *until > now);
    Ok(
        sqlx::query("DELETE FROM attempt_limits WHERE ends_at <= $1")
            .bind(now)
            .execute(db.writer())
            .await?
            .rows_affected(),
    )
}

/// How many rows the limiter holds (tests and the admin view).
pub async fn rows(db: &Db) -> Result<i64, DbError> {
    Ok(sqlx::query_scalar("SELECT COUNT(*) FROM attempt_limits")
        .fetch_one(db.reader())
        .await?)
}
