//! Evidence files: one row per uploaded file, written in the same transaction as the draft entry that lists it.

use crate::{audit, Db, DbError};
use domain::filing::FilingDraft;
use serde::{Deserialize, Serialize};
use sqlx::Row;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceFile {
    pub id: String,
    pub filing_id: String,
    pub owner_id: String,
    pub label: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
    pub created_at: i64,
}

pub struct NewFile<'a> {
    pub id: &'a str,
    pub filing_id: &'a str,
    pub owner_id: &'a str,
    pub label: &'a str,
    pub content_type: &'a str,
    pub size_bytes: i64,
    pub sha256: &'a str,
}

/// Records an uploaded file and saves the draft that now lists it, together.
pub async fn add(
    db: &Db,
    file: &NewFile<'_>,
    draft: &FilingDraft,
    ip: &str,
    now: i64,
) -> Result<(), DbError> {
    let mut tx = db.writer().begin().await?;
    sqlx::query(
        "INSERT INTO evidence_files (id, filing_id, owner_id, label, content_type, size_bytes, sha256, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(file.id)
    .bind(file.filing_id)
    .bind(file.owner_id)
    .bind(file.label)
    .bind(file.content_type)
    .bind(file.size_bytes)
    .bind(file.sha256)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    let done = sqlx::query(
        "UPDATE filings SET draft_json = $1, updated_at = $2 WHERE id = $3 AND filer_id = $4 \
         AND status IN ('draft', 'correction_requested')",
    )
    .bind(crate::filings::draft_json(db.keys(), draft)?)
    .bind(now)
    .bind(file.filing_id)
    .bind(file.owner_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() == 0 {
        return Err(DbError::Other("filing not editable".into()));
    }
    audit::record(
        &mut tx,
        Some(file.owner_id),
        ip,
        "evidence.upload",
        &format!("filing:{}", file.filing_id),
        &format!("file:{} {} bytes", file.id, file.size_bytes),
        now,
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

pub async fn get(db: &Db, id: &str) -> Result<Option<EvidenceFile>, DbError> {
    let row = sqlx::query(
        "SELECT id, filing_id, owner_id, label, content_type, size_bytes, sha256, created_at FROM evidence_files WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(db.reader())
    .await?;
    row.map(|r| {
        Ok(EvidenceFile {
            id: r.try_get("id")?,
            filing_id: r.try_get("filing_id")?,
            owner_id: r.try_get("owner_id")?,
            label: r.try_get("label")?,
            content_type: r.try_get("content_type")?,
            size_bytes: r.try_get("size_bytes")?,
            sha256: r.try_get("sha256")?,
            created_at: r.try_get("created_at")?,
        })
    })
    .transpose()
}

/// A filing's evidence files, oldest first (what a video mediation of a diverted filing can show).
pub async fn of_filing(db: &Db, filing_id: &str) -> Result<Vec<EvidenceFile>, DbError> {
    let ids: Vec<String> = sqlx::query_scalar(
        "SELECT id FROM evidence_files WHERE filing_id = $1 ORDER BY created_at, id LIMIT 200",
    )
    .bind(filing_id)
    .fetch_all(db.reader())
    .await?;
    let mut files = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(f) = get(db, &id).await? {
            files.push(f);
        }
    }
    Ok(files)
}

/// The bytes a filing's evidence files take together (the per-filing quota).
pub async fn total_bytes(db: &Db, filing_id: &str) -> Result<i64, DbError> {
    // SUM of a BIGINT is NUMERIC on PostgreSQL: cast back, so both databases answer an integer.
    Ok(sqlx::query_scalar(
        "SELECT CAST(COALESCE(SUM(size_bytes), 0) AS BIGINT) FROM evidence_files WHERE filing_id = $1",
    )
    .bind(filing_id)
    .fetch_one(db.reader())
    .await?)
}

/// Forgets the files of a filing that its draft no longer lists (the filer removed the row): their rows go, and
/// their ids are returned so the caller deletes the bytes.
pub async fn remove_unlisted(
    db: &Db,
    filing_id: &str,
    listed: &[String],
) -> Result<Vec<String>, DbError> {
    let ids: Vec<String> = sqlx::query_scalar("SELECT id FROM evidence_files WHERE filing_id = $1")
        .bind(filing_id)
        .fetch_all(db.reader())
        .await?;
    let gone: Vec<String> = ids.into_iter().filter(|id| !listed.contains(id)).collect();
    for id in &gone {
        sqlx::query("DELETE FROM evidence_files WHERE id = $1 AND filing_id = $2")
            .bind(id)
            .bind(filing_id)
            .execute(db.writer())
            .await?;
    }
    Ok(gone)
}
