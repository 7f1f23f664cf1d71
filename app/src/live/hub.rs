//! Fan-out on one node, the bridge between nodes, and the stored events a reconnecting page
//! resumes from.
use std::time::Duration;

use chrono::Utc;
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, watch};

use crate::db::Db;
use crate::live::event::LiveEvent;

/// An event with its id in the `live_event` table (the SSE `id:` a page resumes from).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamped {
    pub id: i64,
    pub event: LiveEvent,
}

/// What a `NOTIFY` carries: the event, or only its id when it is too large.
#[derive(Deserialize)]
struct Note {
    id: i64,
    event: Option<LiveEvent>,
}

/// How long events are kept for reconnecting pages.
const KEEP: chrono::TimeDelta = chrono::TimeDelta::hours(24);
/// At most this many events are replayed to a reconnecting page; one away longer re-reads.
const REPLAY_LIMIT: i64 = 1000;

/// The PostgreSQL `NOTIFY` channel every node listens on.
pub const CHANNEL: &str = "ecabinet_live";

/// Events for the streams of this node. Cloning shares the same channel.
#[derive(Clone, Debug)]
pub struct Hub {
    sender: broadcast::Sender<Stamped>,
    /// Set once the node is stopping: every stream ends, so that its connection can close
    /// and the page reconnects (to this node restarted, or another one).
    closing: watch::Sender<bool>,
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
        let (closing, _) = watch::channel(false);
        Hub { sender, closing }
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Stamped> {
        self.sender.subscribe()
    }

    /// Tell every stream of this node, and every one opened later, to end.
    pub fn close(&self) {
        self.closing.send_replace(true);
    }

    /// Whether the node is stopping, to wait on: `wait_for(|closing| *closing)` resolves once
    /// [`Hub::close`] was called (at once if it already was).
    pub fn closing(&self) -> watch::Receiver<bool> {
        self.closing.subscribe()
    }

    /// Hand an event to this node's streams.
    pub fn deliver(&self, event: Stamped) {
        // No stream open is not an error.
        let _ = self.sender.send(event);
    }

    /// Publish an event after the act's transaction committed: store it (for pages that
    /// reconnect), then deliver it. On PostgreSQL every node, this one included, receives it
    /// through its listener ([`Hub::listen`]), in the same statement that stores it.
    pub async fn publish(&self, db: &Db, event: LiveEvent) {
        let payload = match serde_json::to_string(&event) {
            Ok(p) => p,
            Err(err) => return tracing::error!(%err, "live event not serialisable"),
        };
        let stored = match db {
            Db::Sqlite(pool) => {
                sqlx::query_scalar::<_, i64>(
                    "insert into live_event (at, payload) values ($1, $2) returning id",
                )
                .bind(Utc::now())
                .bind(&payload)
                .fetch_one(pool)
                .await
            }
            Db::Postgres(pool) => {
                sqlx::query_scalar::<_, i64>(
                    "with stored as (
                         insert into live_event (at, payload) values ($1, $2)
                         returning id, payload
                     )
                     select id from stored,
                         lateral (select pg_notify($3, case
                             -- NOTIFY carries at most 8,000 bytes: a larger event travels
                             -- by its id, and each node reads it once.
                             when length(stored.payload) > 7900
                                 then json_build_object('id', stored.id)::text
                             else json_build_object(
                                 'id', stored.id, 'event', stored.payload::json)::text
                             end)) as sent",
                )
                .bind(Utc::now())
                .bind(&payload)
                .bind(CHANNEL)
                .fetch_one(pool)
                .await
            }
        };
        match stored {
            Ok(id) => {
                if matches!(db, Db::Sqlite(_)) {
                    self.deliver(Stamped { id, event });
                }
            }
            Err(err) => {
                // Not stored: this node's pages still hear it now (without an id to resume
                // from); others re-check periodically.
                tracing::error!(%err, "live event not stored");
                self.deliver(Stamped { id: 0, event });
            }
        }
    }

    /// The events after `after` (a page's Last-Event-ID), oldest first.
    pub async fn since(db: &Db, after: i64) -> Result<Vec<Stamped>, sqlx::Error> {
        let rows: Vec<(i64, String)> = crate::with_db!(db, |pool| {
            sqlx::query_as("select id, payload from live_event where id > $1 order by id limit $2")
                .bind(after)
                .bind(REPLAY_LIMIT)
                .fetch_all(pool)
                .await?
        });
        Ok(rows
            .into_iter()
            .filter_map(|(id, payload)| {
                let event = serde_json::from_str(&payload).ok()?;
                Some(Stamped { id, event })
            })
            .collect())
    }

    /// Deliver stored event `id` (one too large for a `NOTIFY`), read once for this node.
    async fn deliver_stored(&self, pool: &sqlx::PgPool, id: i64) {
        let payload: Result<(String,), _> =
            sqlx::query_as("select payload from live_event where id = $1")
                .bind(id)
                .fetch_one(pool)
                .await;
        match payload.map(|(p,)| serde_json::from_str(&p)) {
            Ok(Ok(event)) => self.deliver(Stamped { id, event }),
            Ok(Err(err)) => tracing::warn!(%err, "unreadable live event"),
            Err(err) => tracing::warn!(%err, "live event not read"),
        }
    }

    /// Forget events older than a day.
    pub async fn prune(db: &Db) -> Result<u64, sqlx::Error> {
        let cutoff = Utc::now() - KEEP;
        Ok(crate::with_db!(db, |pool| {
            sqlx::query("delete from live_event where at < $1")
                .bind(cutoff)
                .execute(pool)
                .await?
                .rows_affected()
        }))
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
                                    Ok(Note {
                                        id,
                                        event: Some(event),
                                    }) => hub.deliver(Stamped { id, event }),
                                    Ok(Note { id, event: None }) => {
                                        hub.deliver_stored(&pool, id).await;
                                    }
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
