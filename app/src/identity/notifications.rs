//! In-app notices to one person (e.g. "your passkeys were revoked and a new enrolment link
//! was issued"). Later features (publication, ballots) add kinds.
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::db::{Db, Tx};
use crate::error::AppError;
use crate::identity::model::NotificationView;
use crate::ids::new_id;
use crate::{with_db, with_tx};

/// Add a notice for `user_id` in the caller's transaction.
pub async fn add_in(tx: &mut Tx, user_id: Uuid, kind: &str) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into notification (id, user_id, kind, created_at) values ($1, $2, $3, $4)",
        )
        .bind(new_id())
        .bind(user_id)
        .bind(kind)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// Add a notice about `subject` (e.g. a meeting) for `user_id` in the caller's transaction.
pub async fn add_about_in(
    tx: &mut Tx,
    user_id: Uuid,
    kind: &str,
    subject: Uuid,
) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into notification (id, user_id, kind, created_at, subject_id)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(user_id)
        .bind(kind)
        .bind(Utc::now())
        .bind(subject)
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// The latest notices of `user_id`, newest first.
pub async fn latest(db: &Db, user_id: Uuid) -> Result<Vec<NotificationView>, AppError> {
    let rows: Vec<(String, DateTime<Utc>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select kind, created_at from notification where user_id = $1
             order by created_at desc limit 20",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(kind, created_at)| NotificationView { kind, created_at })
        .collect())
}
