//! Forgetting what identity keeps only for a while, on a schedule (any node; deleting twice is
//! harmless): ceremonies past their expiry, rate-limit windows long over, enrolment links used
//! or expired a day ago, sessions past their end. Without it a stream of requests would grow
//! these tables without bound. (The audit chain keeps the evidence of each act.)
use chrono::{DateTime, Duration, Utc};

use crate::db::Db;
use crate::error::AppError;
use crate::with_db;

/// The longest rate-limit window (`rate_limit`'s limits are 5 and 15 minutes): a bucket whose
/// window began longer ago than this counts nothing any more.
const LONGEST_WINDOW: Duration = Duration::hours(1);

/// How long a used or expired enrolment link is kept (for the accounts page's questions).
const LINK_KEPT: Duration = Duration::days(1);

/// Rows removed by one round, per table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pruned {
    pub ceremonies: u64,
    pub rate_limits: u64,
    pub links: u64,
    pub sessions: u64,
}

/// One round at `now`.
pub async fn prune(db: &Db, now: DateTime<Utc>) -> Result<Pruned, AppError> {
    let done = with_db!(db, |pool| {
        let ceremonies = sqlx::query("delete from webauthn_ceremony where expires_at <= $1")
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected();
        let rate_limits = sqlx::query("delete from rate_limit where window_start <= $1")
            .bind(now - LONGEST_WINDOW)
            .execute(pool)
            .await?
            .rows_affected();
        let links = sqlx::query(
            "delete from enrolment where (used_at is not null and used_at <= $1)
                                      or expires_at <= $1",
        )
        .bind(now - LINK_KEPT)
        .execute(pool)
        .await?
        .rows_affected();
        let sessions = sqlx::query("delete from session where expires_at <= $1")
            .bind(now)
            .execute(pool)
            .await?
            .rows_affected();
        Ok::<_, sqlx::Error>(Pruned {
            ceremonies,
            rate_limits,
            links,
            sessions,
        })
    })?;
    Ok(done)
}
