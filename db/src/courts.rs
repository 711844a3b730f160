//! Courts: reference data every filing, queue and figure hangs on.

use crate::{Db, DbError};
use serde::{Deserialize, Serialize};
use sqlx::Row;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Court {
    /// 法院代字 as used in case numbers, e.g. 吉0202.
    pub code: String,
    pub name: String,
    pub name_ko: Option<String>,
    pub level: String,
    pub parent_code: Option<String>,
    pub region: String,
    /// The places the court serves, as addresses name them (`昌邑区`); empty for courts without a territorial area
    /// of first instance.
    pub places: Vec<String>,
}

impl Court {
    /// The court's name in the reader's language where one is recorded (Korean for the Yanbian courts).
    pub fn display_name(&self, lang: domain::Lang) -> &str {
        match (lang, &self.name_ko) {
            (domain::Lang::Ko, Some(ko)) => ko,
            _ => &self.name,
        }
    }
}

pub async fn list(db: &Db) -> Result<Vec<Court>, DbError> {
    let rows = sqlx::query(
        "SELECT code, name, name_ko, level, parent_code, region, places FROM courts \
         ORDER BY region, COALESCE(parent_code, code), parent_code IS NOT NULL, code",
    )
    .fetch_all(db.reader())
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Court {
                code: r.try_get("code")?,
                name: r.try_get("name")?,
                name_ko: r.try_get("name_ko")?,
                level: r.try_get("level")?,
                parent_code: r.try_get("parent_code")?,
                region: r.try_get("region")?,
                places: r
                    .try_get::<String, _>("places")?
                    .split(',')
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .map(str::to_string)
                    .collect(),
            })
        })
        .collect()
}

/// Every court with an area, for the competent-court suggestion.
pub async fn areas(db: &Db) -> Result<Vec<domain::jurisdiction::CourtArea>, DbError> {
    Ok(list(db)
        .await?
        .into_iter()
        .filter(|c| !c.places.is_empty())
        .map(|c| domain::jurisdiction::CourtArea {
            code: c.code,
            name: c.name,
            places: c.places,
        })
        .collect())
}

/// Inserts a court or refreshes its names; used by the demo reference data so a second run keeps everything.
pub async fn upsert(db: &Db, court: &Court, now: i64) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO courts (code, name, name_ko, level, parent_code, region, places, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $8, $7, $7) \
         ON CONFLICT (code) DO UPDATE SET name = excluded.name, name_ko = excluded.name_ko, \
         level = excluded.level, parent_code = excluded.parent_code, region = excluded.region, \
         places = excluded.places, updated_at = excluded.updated_at",
    )
    .bind(&court.code)
    .bind(&court.name)
    .bind(&court.name_ko)
    .bind(&court.level)
    .bind(&court.parent_code)
    .bind(&court.region)
    .bind(now)
    .bind(court.places.join(","))
    .execute(db.writer())
    .await?;
    Ok(())
}

pub async fn exists(db: &Db, code: &str) -> Result<bool, DbError> {
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM courts WHERE code = $1")
        .bind(code)
        .fetch_one(db.reader())
        .await?;
    Ok(n > 0)
}
