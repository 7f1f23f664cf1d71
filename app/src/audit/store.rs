//! Appending to and reading the audit chain.
use chrono::Utc;
use uuid::Uuid;

use crate::audit::chain::{normalise_time, record_hash, AuditRecord, GENESIS};
use crate::audit::event::AuditEvent;
use crate::audit::model::{AuditFilter, AuditPage, AuditRow};
use crate::db::params::Params;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput};
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
    append_rows(tx, &[(actor_id, event, subject_id, None)]).await
}

/// [`append`] with a detail: what the record vouches for beyond actor and subject (see
/// [`crate::audit::chain::record_hash`]), e.g. `sha256=…` of the content concerned.
pub async fn append_detailed(
    tx: &mut Tx,
    actor_id: Option<Uuid>,
    event: AuditEvent,
    subject_id: Option<Uuid>,
    detail: String,
) -> Result<i64, sqlx::Error> {
    append_rows(tx, &[(actor_id, event, subject_id, Some(detail))]).await
}

/// One record to append: actor, event, subject, detail.
pub type Entry = (Option<Uuid>, AuditEvent, Option<Uuid>, Option<String>);

/// Append records (actor, event, subject, detail) in this order in the caller's transaction,
/// with one read of the chain's head and one insert however many they are. Returns the
/// sequence number of the last (that of the head when there are none).
pub async fn append_rows(tx: &mut Tx, records: &[Entry]) -> Result<i64, sqlx::Error> {
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
    let (mut seq, mut prev_hash) = last.unwrap_or_else(|| (0, GENESIS.to_owned()));
    if records.is_empty() {
        return Ok(seq);
    }
    let mut rows = Vec::with_capacity(records.len());
    for (actor_id, event, subject_id, detail) in records {
        seq += 1;
        let hash = record_hash(
            &prev_hash,
            seq,
            at,
            *actor_id,
            event.as_str(),
            *subject_id,
            detail.as_deref(),
        );
        rows.push((
            seq,
            *actor_id,
            *event,
            *subject_id,
            prev_hash,
            hash.clone(),
            detail,
        ));
        prev_hash = hash;
    }
    let sql = format!(
        "insert into audit_event (seq, at, actor_id, event, subject_id, prev_hash, hash, detail)
         values {}",
        Params::of(tx).rows(1, rows.len(), 8)
    );
    with_tx!(tx, |conn| {
        let mut insert = sqlx::query(&sql);
        for (seq, actor_id, event, subject_id, prev_hash, hash, detail) in &rows {
            insert = insert
                .bind(*seq)
                .bind(at)
                .bind(*actor_id)
                .bind(event.as_str())
                .bind(*subject_id)
                .bind(prev_hash)
                .bind(hash)
                .bind(detail.as_deref());
        }
        insert.execute(&mut *conn).await?;
    });
    Ok(seq)
}

/// [`append_rows`] for records without a detail.
pub async fn append_all(
    tx: &mut Tx,
    records: &[(Option<Uuid>, AuditEvent, Option<Uuid>)],
) -> Result<i64, sqlx::Error> {
    let rows: Vec<Entry> = records
        .iter()
        .map(|&(actor, event, subject)| (actor, event, subject, None))
        .collect();
    append_rows(tx, &rows).await
}

/// Record an event that is not part of a write (e.g. access denied) in a transaction of its own.
pub async fn record(
    db: &Db,
    actor_id: Option<Uuid>,
    event: AuditEvent,
    subject_id: Option<Uuid>,
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    append(&mut tx, actor_id, event, subject_id).await?;
    tx.commit().await?;
    Ok(())
}

/// Records with `seq` greater than `after`, in order, at most `limit` of them.
pub async fn page(db: &Db, after: i64, limit: i64) -> Result<Vec<AuditRecord>, sqlx::Error> {
    crate::with_db!(db, |pool| {
        sqlx::query_as(
            "select seq, at, actor_id, event, subject_id, prev_hash, hash, detail from audit_event
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
            "select seq, at, actor_id, event, subject_id, prev_hash, hash, detail from audit_event
             order by seq desc limit 1",
        )
        .fetch_optional(pool)
        .await
    })
}

/// How many records one page of the audit log shows.
pub const BROWSE_PAGE: i64 = 50;

/// The start of day `text` (YYYY-MM-DD) in Vietnam, in UTC; `None` when empty, an error when
/// not a date.
fn day_start(text: &str, plus_days: i64) -> Result<Option<chrono::DateTime<Utc>>, AppError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| AppError::BadRequest(BadInput::Malformed))?;
    let local = (day + chrono::Duration::days(plus_days))
        .and_hms_opt(0, 0, 0)
        .ok_or(AppError::BadRequest(BadInput::Malformed))?;
    use chrono::TimeZone;
    Ok(chrono_tz::Asia::Ho_Chi_Minh
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc)))
}

/// One page of the log, newest first, filtered.
pub async fn browse(
    db: &Db,
    filter: &AuditFilter,
    security_only: bool,
) -> Result<AuditPage, AppError> {
    let event = match filter.event.trim() {
        "" => None,
        name => {
            let event = AuditEvent::parse(name).ok_or(AppError::BadRequest(BadInput::Malformed))?;
            if security_only && !event.is_security() {
                return Err(AppError::Forbidden);
            }
            Some(event.as_str())
        }
    };
    let from = day_start(&filter.from, 0)?;
    let to = day_start(&filter.to, 1)?;
    let actor = filter.actor.trim();
    let actor = (!actor.is_empty()).then(|| format!("%{actor}%"));
    // The allowed events are our own constants, never user input.
    let allowed = if security_only {
        let names: Vec<String> = AuditEvent::ALL
            .iter()
            .filter(|e| e.is_security())
            .map(|e| format!("'{}'", e.as_str()))
            .collect();
        format!("and a.event in ({})", names.join(", "))
    } else {
        String::new()
    };
    // Subjects by their names: a person's for everyone; for the secretariat, who sees every
    // meeting, also a meeting's, an item's, a document's or a ballot's title.
    let (subject_name, subject_joins) = if security_only {
        ("subject.full_name", "")
    } else {
        (
            "coalesce(subject.full_name, sm.title, si.title, sd.title, sb.title)",
            "left join meeting sm on sm.id = a.subject_id
             left join agenda_item si on si.id = a.subject_id
             left join document sd on sd.id = a.subject_id
             left join ballot sb on sb.id = a.subject_id",
        )
    };
    let sql = format!(
        "select a.seq, a.at, actor.full_name, a.event, {subject_name}, a.subject_id
         from audit_event a
         left join user_account actor on actor.id = a.actor_id
         left join user_account subject on subject.id = a.subject_id
         {subject_joins}
         where ($1 is null or a.seq < $1) and ($2 is null or a.event = $2)
           and ($3 is null or a.at >= $3) and ($4 is null or a.at < $4)
           and ($5 is null or actor.full_name like $5) {allowed}
         order by a.seq desc limit $6"
    );
    type Row = (
        i64,
        chrono::DateTime<Utc>,
        Option<String>,
        String,
        Option<String>,
        Option<Uuid>,
    );
    let rows: Vec<Row> = crate::with_db!(db, |pool| {
        sqlx::query_as(&sql)
            .bind(filter.before)
            .bind(event)
            .bind(from)
            .bind(to)
            .bind(&actor)
            .bind(BROWSE_PAGE + 1)
            .fetch_all(pool)
            .await
    })?;
    let more = rows.len() as i64 > BROWSE_PAGE;
    let rows: Vec<AuditRow> = rows
        .into_iter()
        .take(BROWSE_PAGE as usize)
        .map(
            |(seq, at, actor, event, subject_name, subject_id)| AuditRow {
                seq,
                at,
                actor,
                event,
                subject: subject_name.or_else(|| subject_id.map(|id| id.to_string())),
            },
        )
        .collect();
    Ok(AuditPage {
        next_before: if more {
            rows.last().map(|r| r.seq)
        } else {
            None
        },
        rows,
        security_only,
    })
}
