//! Appending to and reading the audit chain.
use chrono::Utc;
use uuid::Uuid;

use crate::audit::chain::{normalise_time, record_hash, AuditRecord, GENESIS};
use crate::audit::event::AuditEvent;
use crate::db::{Db, Tx};
use crate::with_tx;

/// Serialises appends on PostgreSQL (an advisory lock held until the transaction ends).
/// SQLite transactions already begin `IMMEDIATE`, one writer at a time.
const APPEND_LOCK: i64 = 0x00ec_ab17_a0d1;

/// Append a record in the caller's transaction, so the record exists if and only if the act
/// it records is committed. Returns the record's sequence number.
pub async fn append(
    tx: &mut Tx,
    actor_id: Option<Uuid>,
    event: AuditEvent,
    subject_id: Option<Uuid>,
) -> Result<i64, sqlx::Error> {
    let at = normalise_time(Utc::now());
    if let Tx::Postgres(pg) = tx {
        sqlx::query("select pg_advisory_xact_lock($1)")
            .bind(APPEND_LOCK)
            .execute(&mut **pg)
            .await?;
    }
    let last: Option<(i64, String)> = with_tx!(tx, |conn| {
        sqlx::query_as("select seq, hash from audit_event order by seq desc limit 1")
            .fetch_optional(&mut *conn)
            .await?
    });
    let (seq, prev_hash) = match last {
        Some((seq, hash)) => (seq + 1, hash),
        None => (1, GENESIS.to_owned()),
    };
    let hash = record_hash(&prev_hash, seq, at, actor_id, event.as_str(), subject_id);
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into audit_event (seq, at, actor_id, event, subject_id, prev_hash, hash)
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(seq)
        .bind(at)
        .bind(actor_id)
        .bind(event.as_str())
        .bind(subject_id)
        .bind(&prev_hash)
        .bind(&hash)
        .execute(&mut *conn)
        .await?;
    });
    Ok(seq)
}

/// Records with `seq` greater than `after`, in order, at most `limit` of them.
pub async fn page(db: &Db, after: i64, limit: i64) -> Result<Vec<AuditRecord>, sqlx::Error> {
    crate::with_db!(db, |pool| {
        sqlx::query_as(
            "select seq, at, actor_id, event, subject_id, prev_hash, hash from audit_event
             where seq > $1 order by seq limit $2",
        )
        .bind(after)
        .bind(limit)
        .fetch_all(pool)
        .await
    })
}

/// The last record, if any.
pub async fn last(db: &Db) -> Result<Option<AuditRecord>, sqlx::Error> {
    crate::with_db!(db, |pool| {
        sqlx::query_as(
            "select seq, at, actor_id, event, subject_id, prev_hash, hash from audit_event
             order by seq desc limit 1",
        )
        .fetch_optional(pool)
        .await
    })
}
