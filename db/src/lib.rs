//! Persistence for the portal. One code path serves SQLite (the embedded default) and PostgreSQL (several
//! stateless server instances on one database): sqlx's `Any` driver with runtime queries, `$n` bind parameters that
//! both understand, and one set of migrations per database with the same versions.

pub mod accounts;
pub mod audit;
pub mod courts;
pub mod crypto;
pub mod demo;
pub mod demo_roster;
pub mod evidence;
pub mod files;
pub mod filings;
pub mod kb;
pub mod kb_index;
pub mod limits;
pub mod mediation;
pub mod meeting;
pub mod outbox;
pub mod password_resets;
pub mod pending;
pub mod relay;
pub mod service_requests;
pub mod sessions;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::str::FromStr;
use std::time::Duration;

pub use sqlx::Error as SqlxError;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("database error: {0}")]
    Sqlx(#[from] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("unsupported database URL (use sqlite:… or postgres://…)")]
    UnsupportedUrl,
    /// A stored row that does not read back (an unknown status code, a draft that is not JSON): never replaced by
    /// a default, always an error naming the row, so it is found and fixed.
    #[error("{table} row {id} does not read back: {detail}")]
    Corrupt {
        table: &'static str,
        id: String,
        detail: String,
    },
    #[error("{0}")]
    Other(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The database handle the server keeps in its state (never a global).
///
/// SQLite allows one writer at a time; two connections that both start a write transaction can meet
/// SQLITE_BUSY at commit however long the busy timeout. So on SQLite every write goes through `writer`, a pool of
/// exactly one connection: writes queue in the pool instead of failing, reads run in parallel under WAL. On
/// PostgreSQL `writer` is the same pool as `reader`.
#[derive(Clone, Debug)]
pub struct Db {
    reader: AnyPool,
    writer: AnyPool,
    backend: Backend,
    /// The data keys: drafts (which name parties by ID number, mobile and address) are encrypted with them on
    /// the way in and decrypted on the way out, so no repository can forget to.
    keys: std::sync::Arc<crate::crypto::Keys>,
    /// Reference data kept in memory (see [`courts::CourtCache`]).
    courts: std::sync::Arc<courts::CourtCache>,
    /// The public look-up's recent answers and the limiter's known blocks (see [`filings::track`]).
    memory: std::sync::Arc<Memory>,
}

/// What one instance keeps in memory besides reference data: bounded, and never the source of truth.
pub(crate) struct Memory {
    /// Receipt number → what tracking shows, for [`filings::TRACK_FRESH_MS`].
    pub(crate) tracked: quick_cache::sync::Cache<String, (i64, filings::TrackRow)>,
    /// (scope, subject hash) → blocked until, as this instance learned from the database.
    pub(crate) blocks: quick_cache::sync::Cache<(&'static str, String), i64>,
}

impl Default for Memory {
    fn default() -> Memory {
        Memory {
            tracked: quick_cache::sync::Cache::new(10_000),
            blocks: quick_cache::sync::Cache::new(100_000),
        }
    }
}

impl std::fmt::Debug for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memory")
    }
}

/// How SQLite makes a commit durable (`PRAGMA synchronous`). `Full` (the default) syncs the write-ahead log at
/// every commit, so an acknowledged receipt survives a power loss or an OS crash; `Normal` syncs only at
/// checkpoints: faster, but the last commits before a power loss can roll back (a process crash loses nothing
/// either way). PostgreSQL ignores it (its own `synchronous_commit` applies).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Durability {
    #[default]
    Full,
    Normal,
}

impl Db {
    pub async fn connect(url: &str, keys: crate::crypto::Keys) -> Result<Db, DbError> {
        Db::connect_with(url, keys, Durability::Full).await
    }

    pub async fn connect_with(
        url: &str,
        keys: crate::crypto::Keys,
        durability: Durability,
    ) -> Result<Db, DbError> {
        let keys = std::sync::Arc::new(keys);
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Backend::Postgres
        } else {
            return Err(DbError::UnsupportedUrl);
        };
        let options = AnyConnectOptions::from_str(url)?;
        match backend {
            Backend::Sqlite => {
                let sync = match durability {
                    Durability::Full => "FULL",
                    Durability::Normal => "NORMAL",
                };
                let pragmas = |max: u32| {
                    AnyPoolOptions::new()
                        .max_connections(max)
                        .acquire_timeout(Duration::from_secs(30))
                        .after_connect(move |conn, _meta| {
                            Box::pin(async move {
                                conn.execute(&*format!(
                                    "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; \
                                     PRAGMA busy_timeout = 5000; PRAGMA synchronous = {sync};"
                                ))
                                .await?;
                                Ok(())
                            })
                        })
                };
                // The writer connects first so that WAL mode is set before readers open the file.
                let writer = pragmas(1).connect_with(options.clone()).await?;
                let reader = pragmas(8).connect_with(options).await?;
                Ok(Db {
                    reader,
                    writer,
                    backend,
                    keys,
                    courts: Default::default(),
                    memory: Default::default(),
                })
            }
            Backend::Postgres => {
                let pool = AnyPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Ok(Db {
                    reader: pool.clone(),
                    writer: pool,
                    backend,
                    keys,
                    courts: Default::default(),
                    memory: Default::default(),
                })
            }
        }
    }

    /// Applies the migrations of this database kind; run at start-up.
    pub async fn migrate(&self) -> Result<(), DbError> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.writer)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.writer)
                    .await?
            }
        }
        // Data migrations that need the keys: drafts stored in clear before they were encrypted.
        filings::encrypt_clear_drafts(self).await?;
        Ok(())
    }

    pub fn keys(&self) -> &crate::crypto::Keys {
        &self.keys
    }

    pub fn courts_cache(&self) -> &courts::CourtCache {
        &self.courts
    }

    pub(crate) fn memory(&self) -> &Memory {
        &self.memory
    }

    /// Whether the database answers, for the health check.
    pub async fn ping(&self) -> bool {
        sqlx::query("SELECT 1").execute(&self.reader).await.is_ok()
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    pub fn reader(&self) -> &AnyPool {
        &self.reader
    }

    pub fn writer(&self) -> &AnyPool {
        &self.writer
    }

    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}

/// A new opaque identifier: 128 random bits, hex.
pub fn new_id() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Which unique constraint a failed insert hit, by column name: SQLite names `table.column` in its message,
/// PostgreSQL names the constraint `table_column_key`.
pub(crate) fn unique_violation_column(
    err: &sqlx::Error,
    columns: &[&'static str],
) -> Option<&'static str> {
    let db_err = err.as_database_error()?;
    if !db_err.is_unique_violation() {
        return None;
    }
    let haystack = format!("{} {}", db_err.message(), db_err.constraint().unwrap_or(""));
    columns.iter().copied().find(|c| haystack.contains(c))
}
