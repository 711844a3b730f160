//! Carries the meeting rooms' messages to every server instance. On PostgreSQL every instance LISTENs on one
//! channel and a message is a NOTIFY (or, when it is larger than a notification may be, a row whose id the
//! notification names), so two people connected to different instances meet; the publishing instance hears its
//! own messages the same way, so there is one path. On SQLite there is one instance and the channel is in memory.

use crate::{Backend, Db, DbError};
use std::sync::Arc;
use tokio::sync::broadcast;

const CHANNEL: &str = "portal_meeting";
/// PostgreSQL refuses notification payloads of 8000 bytes or more; larger messages go through `meeting_relay`.
const MAX_INLINE: usize = 7900;
/// Messages held for an instance's dispatcher that is momentarily behind.
const BUFFER: usize = 8192;

#[derive(Clone)]
pub struct Relay {
    db: Db,
    tx: broadcast::Sender<Arc<str>>,
}

impl std::fmt::Debug for Relay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Relay")
            .field("backend", &self.db.backend())
            .finish()
    }
}

impl Relay {
    /// Starts listening (PostgreSQL: before this returns, so nothing published afterwards is missed).
    pub async fn start(db: &Db, database_url: &str) -> Result<Relay, DbError> {
        let (tx, _) = broadcast::channel(BUFFER);
        if db.backend() == Backend::Postgres {
            let mut listener = sqlx::postgres::PgListener::connect(database_url).await?;
            listener.listen(CHANNEL).await?;
            let (db2, tx2) = (db.clone(), tx.clone());
            tokio::spawn(async move {
                loop {
                    match listener.recv().await {
                        Ok(n) => {
                            let payload = n.payload();
                            let body = match payload.strip_prefix('#') {
                                None => Some(payload.to_string()),
                                Some(id) => match id.parse::<i64>() {
                                    Ok(id) => crate::meeting::relay_get(&db2, id)
                                        .await
                                        .unwrap_or_else(|e| {
                                            tracing::warn!(error = %e, "relayed message not read");
                                            None
                                        }),
                                    Err(_) => None,
                                },
                            };
                            if let Some(body) = body {
                                let _ = tx2.send(Arc::from(body));
                            }
                        }
                        // The connection dropped: the next recv reconnects (messages in the gap are lost; the rooms
                        // send their whole state with every change, so they recover with the next one).
                        Err(e) => {
                            tracing::warn!(error = %e, "meeting relay: listener interrupted");
                            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
                        }
                    }
                }
            });
        }
        Ok(Relay { db: db.clone(), tx })
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Arc<str>> {
        self.tx.subscribe()
    }

    pub async fn publish(&self, message: &str, now: i64) -> Result<(), DbError> {
        match self.db.backend() {
            Backend::Sqlite => {
                // No receiver (no room open on this instance) is not an error.
                let _ = self.tx.send(Arc::from(message));
                Ok(())
            }
            Backend::Postgres => {
                let payload = if message.len() <= MAX_INLINE && !message.starts_with('#') {
                    message.to_string()
                } else {
                    format!(
                        "#{}",
                        crate::meeting::relay_put(&self.db, message, now).await?
                    )
                };
                // pg_notify returns `void`, which the Any driver cannot read back: select a plain 1 around it.
                sqlx::query("SELECT 1 FROM (SELECT pg_notify($1, $2)) AS n")
                    .bind(CHANNEL)
                    .bind(payload)
                    .execute(self.db.writer())
                    .await?;
                Ok(())
            }
        }
    }
}
