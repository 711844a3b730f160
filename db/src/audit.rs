//! The audit log: one row for every state change — who, what, when, from where. Details are masked by the caller.

use crate::DbError;

pub async fn record(
    conn: &mut sqlx::AnyConnection,
    actor_id: Option<&str>,
    ip: &str,
    action: &str,
    subject: &str,
    detail: &str,
    now: i64,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO audit_log (at, actor_id, actor_ip, action, subject, detail, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $1, $1)",
    )
    .bind(now)
    .bind(actor_id)
    .bind(ip)
    .bind(action)
    .bind(subject)
    .bind(detail)
    .execute(conn)
    .await?;
    Ok(())
}

#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    pub actor_id: Option<String>,
    pub actor_ip: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

/// The newest entries about one subject (or by one actor), newest first.
pub async fn for_account(
    db: &crate::Db,
    account_id: &str,
    limit: i64,
) -> Result<Vec<AuditEntry>, DbError> {
    use sqlx::Row;
    let rows = sqlx::query(
        "SELECT at, actor_id, actor_ip, action, subject, detail FROM audit_log \
         WHERE actor_id = $1 OR subject = $2 ORDER BY id DESC LIMIT $3",
    )
    .bind(account_id)
    .bind(format!("account:{account_id}"))
    .bind(limit)
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(AuditEntry {
                at: r.try_get("at")?,
                actor_id: r.try_get("actor_id")?,
                actor_ip: r.try_get("actor_ip")?,
                action: r.try_get("action")?,
                subject: r.try_get("subject")?,
                detail: r.try_get("detail")?,
            })
        })
        .collect()
}
