//! The signed-in user's own passkeys: list, rename, remove (never the last). The ceremonies
//! that add them and sign in with them are in `passkeys.rs`.
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::Db;
use crate::error::{AppError, BadInput};
use crate::identity::model::PasskeyView;
use crate::{with_db, with_tx};

/// The signed-in user's passkeys in use.
pub async fn list(db: &Db, user_id: Uuid) -> Result<Vec<PasskeyView>, AppError> {
    type Row = (Uuid, String, DateTime<Utc>, Option<DateTime<Utc>>);
    let rows: Vec<Row> = with_db!(db, |pool| {
        sqlx::query_as(
            "select id, name, created_at, last_used_at from passkey
             where user_id = $1 and revoked_at is null order by created_at",
        )
        .bind(user_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|(id, name, created_at, last_used_at)| PasskeyView {
            id,
            name,
            created_at,
            last_used_at,
        })
        .collect())
}

/// Rename one of the user's passkeys.
pub async fn rename(db: &Db, user_id: Uuid, passkey: Uuid, name: &str) -> Result<(), AppError> {
    let name: String = name.trim().chars().take(80).collect();
    if name.is_empty() {
        return Err(AppError::BadRequest(BadInput::Malformed));
    }
    let mut tx = db.begin().await?;
    let changed = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update passkey set name = $1 where id = $2 and user_id = $3 and revoked_at is null",
        )
        .bind(&name)
        .bind(passkey)
        .bind(user_id)
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if changed != 1 {
        return Err(AppError::NotFound);
    }
    audit::append(
        &mut tx,
        Some(user_id),
        AuditEvent::PasskeyRenamed,
        Some(passkey),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Remove (revoke) one of the user's passkeys — never the last one. The row stays, so
/// signatures made with it remain verifiable.
pub async fn remove(
    db: &Db,
    user_id: Uuid,
    passkey: Uuid,
    current_session: Uuid,
) -> Result<u64, AppError> {
    let mut tx = db.begin().await?;
    let (mine, in_use): (i64, i64) = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "select
               (select count(*) from passkey where id = $1 and user_id = $2 and revoked_at is null),
               (select count(*) from passkey where user_id = $2 and revoked_at is null)",
        )
        .bind(passkey)
        .bind(user_id)
        .fetch_one(&mut *conn)
        .await?
    });
    if mine != 1 {
        return Err(AppError::NotFound);
    }
    if in_use <= 1 {
        return Err(AppError::BadRequest(BadInput::LastPasskey));
    }
    // The sessions it started end with it (not this one: its person is here, choosing).
    let ended = with_tx!(&mut tx, |conn| {
        sqlx::query("update passkey set revoked_at = $1 where id = $2")
            .bind(Utc::now())
            .bind(passkey)
            .execute(&mut *conn)
            .await?;
        sqlx::query("delete from session where passkey_id = $1 and id <> $2")
            .bind(passkey)
            .bind(current_session)
            .execute(&mut *conn)
            .await?
            .rows_affected()
    });
    audit::append(
        &mut tx,
        Some(user_id),
        AuditEvent::PasskeyRemoved,
        Some(passkey),
    )
    .await?;
    tx.commit().await?;
    Ok(ended)
}
