//! The secretariat's review of whether a closed meeting counts in the savings: excluded with
//! a reason (a test, a meeting cut short), or counted after the review a meeting far shorter
//! than planned waits for. Cancelled meetings never close, so they never count.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::analytics::model::SavingsReview;
use crate::audit::event::AuditEvent;
use crate::db::Db;
use crate::error::{AppError, BadInput};
use crate::identity::model::{require_secretariat, CurrentUser};
use crate::{with_db, with_tx};

/// The longest reason kept.
const REASON_CHARS: usize = 500;

/// Every decision, by meeting.
pub async fn all(db: &Db) -> Result<HashMap<Uuid, SavingsReview>, AppError> {
    let rows: Vec<(Uuid, bool, String, String, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select r.meeting_id, r.counts, r.reason, u.full_name, r.decided_at
             from savings_review r join user_account u on u.id = r.decided_by",
        )
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(meeting, counts, reason, decided_by, decided_at)| {
            let review = SavingsReview {
                counts,
                reason,
                decided_by,
                decided_at,
            };
            (meeting, review)
        })
        .collect())
}

/// Decide whether closed meeting `meeting` counts, and why (the secretariat). Replaces an
/// earlier decision; the audit chain keeps each, with the hash of what was decided.
pub async fn decide(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
    counts: bool,
    reason: &str,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > REASON_CHARS {
        return Err(AppError::BadRequest(BadInput::SavingsReview));
    }
    let mut tx = db.begin().await?;
    let closed: Option<(String,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select state from meeting where id = $1")
            .bind(meeting)
            .fetch_optional(&mut *conn)
            .await?
    });
    match closed {
        None => return Err(AppError::NotFound),
        Some((state,)) if state != "closed" => {
            return Err(AppError::BadRequest(BadInput::SavingsReview))
        }
        Some(_) => {}
    }
    let now = Utc::now();
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into savings_review (meeting_id, counts, reason, decided_by, decided_at)
             values ($1, $2, $3, $4, $5)
             on conflict (meeting_id) do update
             set counts = excluded.counts, reason = excluded.reason,
                 decided_by = excluded.decided_by, decided_at = excluded.decided_at",
        )
        .bind(meeting)
        .bind(counts)
        .bind(reason)
        .bind(user.id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    let decided = format!("counts={counts}\nreason={reason}");
    crate::audit::store::append_detailed(
        &mut tx,
        Some(user.id),
        AuditEvent::SavingsReviewed,
        Some(meeting),
        format!("sha256={}", hex::encode(Sha256::digest(decided.as_bytes()))),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
