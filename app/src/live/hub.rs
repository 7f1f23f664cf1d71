//! Fan-out on one node, and the bridge between nodes.
use std::time::Duration;

use tokio::sync::broadcast;

use crate::db::Db;
use crate::live::event::LiveEvent;

/// The PostgreSQL `NOTIFY` channel every node listens on.
pub const CHANNEL: &str = "ecabinet_live";

/// Events for the streams of this node. Cloning shares the same channel.
#[derive(Clone, Debug)]
pub struct Hub {
    sender: broadcast::Sender<LiveEvent>,
}

impl Default for Hub {
    fn default() -> Self {
        Self::new()
    }
}

impl Hub {
    pub fn new() -> Hub {
        // A stream that falls this far behind skips ahead (it re-checks its state): a slow
        // client never holds up the others.
        let (sender, _) = broadcast::channel(1024);
        Hub { sender }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<LiveEvent> {
        self.sender.subscribe()
    }

    /// Hand an event to this node's streams.
    pub fn deliver(&self, event: LiveEvent) {
        // No stream open is not an error.
        let _ = self.sender.send(event);
    }

    /// Publish an event after the act's transaction committed. On PostgreSQL every node,
    /// this one included, receives it through its listener ([`Hub::listen`]).
    pub async fn publish(&self, db: &Db, event: LiveEvent) {
        match db {
            Db::Sqlite(_) => self.deliver(event),
            Db::Postgres(pool) => {
                let payload = match serde_json::to_string(&event) {
                    Ok(p) => p,
                    Err(err) => return tracing::error!(%err, "live event not serialisable"),
                };
                let sent = sqlx::query("select pg_notify($1, $2)")
                    .bind(CHANNEL)
                    .bind(&payload)
                    .execute(pool)
                    .await;
                if let Err(err) = sent {
                    // Other nodes miss it (their streams re-check periodically); ours do not.
                    tracing::error!(%err, "live event not sent to other nodes");
                    self.deliver(event);
                }
            }
        }
    }

    /// On PostgreSQL, forward every node's events to this node's streams, reconnecting after
    /// a lost connection. Nothing to do on SQLite.
    pub fn listen(&self, db: &Db) {
        let Db::Postgres(pool) = db else { return };
        let pool = pool.clone();
        let hub = self.clone();
        tokio::spawn(async move {
            loop {
                match sqlx::postgres::PgListener::connect_with(&pool).await {
                    Ok(mut listener) => match listener.listen(CHANNEL).await {
                        Ok(()) => loop {
                            match listener.recv().await {
                                Ok(note) => match serde_json::from_str(note.payload()) {
                                    Ok(event) => hub.deliver(event),
                                    Err(err) => tracing::warn!(%err, "unreadable live event"),
                                },
                                Err(err) => {
                                    tracing::warn!(%err, "live listener lost its connection");
                                    break;
                                }
                            }
                        },
                        Err(err) => tracing::warn!(%err, "cannot LISTEN for live events"),
                    },
                    Err(err) => tracing::warn!(%err, "live listener cannot connect"),
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }
}
