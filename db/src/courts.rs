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

/// Courts change rarely (an administrator's edit) and are read on every filing, quote and look-up: they are kept in
/// memory. A copy younger than [`FRESH_MS`] is served as it is; an older one is checked against the table's
/// fingerprint (row count and latest change, one indexed aggregate) and reloaded only if it changed — that is how
/// an edit made through another instance arrives here. An edit through this instance drops the copy at once.
pub const FRESH_MS: i64 = 30_000;

#[derive(Default)]
pub struct CourtCache {
    kept: std::sync::RwLock<Option<Kept>>,
}

struct Kept {
    courts: std::sync::Arc<Vec<Court>>,
    fingerprint: (i64, i64),
    checked_at: std::time::Instant,
}

impl std::fmt::Debug for CourtCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CourtCache")
    }
}

impl CourtCache {
    fn fresh(&self) -> Option<std::sync::Arc<Vec<Court>>> {
        let kept = self.kept.read().ok()?;
        let k = kept.as_ref()?;
        (k.checked_at.elapsed().as_millis() < FRESH_MS as u128).then(|| k.courts.clone())
    }

    pub fn invalidate(&self) {
        if let Ok(mut k) = self.kept.write() {
            *k = None;
        }
    }
}

async fn fingerprint(db: &Db) -> Result<(i64, i64), DbError> {
    let row =
        sqlx::query("SELECT COUNT(*) AS n, COALESCE(MAX(updated_at), 0) AS latest FROM courts")
            .fetch_one(db.reader())
            .await?;
    Ok((row.try_get("n")?, row.try_get("latest")?))
}

/// Every court, from memory (see [`CourtCache`]).
pub async fn shared(db: &Db) -> Result<std::sync::Arc<Vec<Court>>, DbError> {
    let cache = db.courts_cache();
    if let Some(courts) = cache.fresh() {
        return Ok(courts);
    }
    let print = fingerprint(db).await?;
    if let Ok(mut kept) = cache.kept.write() {
        if let Some(k) = kept.as_mut().filter(|k| k.fingerprint == print) {
            k.checked_at = std::time::Instant::now();
            return Ok(k.courts.clone());
        }
    }
    let courts = std::sync::Arc::new(load(db).await?);
    if let Ok(mut kept) = cache.kept.write() {
        *kept = Some(Kept {
            courts: courts.clone(),
            fingerprint: print,
            checked_at: std::time::Instant::now(),
        });
    }
    Ok(courts)
}

pub async fn list(db: &Db) -> Result<Vec<Court>, DbError> {
    Ok(shared(db).await?.as_ref().clone())
}

async fn load(db: &Db) -> Result<Vec<Court>, DbError> {
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
    Ok(shared(db)
        .await?
        .iter()
        .filter(|c| !c.places.is_empty())
        .map(|c| domain::jurisdiction::CourtArea {
            code: c.code.clone(),
            name: c.name.clone(),
            places: c.places.clone(),
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
    db.courts_cache().invalidate();
    Ok(())
}

pub async fn exists(db: &Db, code: &str) -> Result<bool, DbError> {
    Ok(shared(db).await?.iter().any(|c| c.code == code))
}
