//! Members ask to speak on an item and withdraw, while the meeting runs. The chair gives the
//! floor ([`crate::room::chairing`]).
use chrono::Utc;
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};
use crate::meetings::model::MeetingState;
use crate::room::chairing::{meeting_in, problem};
use crate::room::problem::RoomProblem;
use crate::with_tx;

/// Ask to speak on `item` (its meeting returned). Asking again while waiting or speaking
/// changes nothing.
pub async fn request(db: &Db, user: &CurrentUser, item: Uuid) -> Result<Uuid, AppError> {
    let meeting = crate::meetings::store::visible_item(db, user, item).await?;
    if user.role != Role::Member {
        return Err(AppError::Forbidden);
    }
    let mut tx = db.begin().await?;
    let (state, _) = meeting_in(&mut tx, meeting).await?;
    if state != MeetingState::InProgress {
        return Err(problem(RoomProblem::NotRunning));
    }
    let (invited, absent, over, asking): (bool, bool, bool, bool) = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "select exists(select 1 from invitation where meeting_id = $2 and user_id = $3),
                    exists(select 1 from attendance where meeting_id = $2 and user_id = $3
                           and status = 'absent'),
                    (select consent or ended_at is not null from agenda_item where id = $1),
                    exists(select 1 from speech where agenda_item_id = $1 and user_id = $3
                           and withdrawn_at is null and ended_at is null)",
        )
        .bind(item)
        .bind(meeting)
        .bind(user.id)
        .fetch_one(&mut *conn)
        .await?
    });
    if !invited {
        return Err(AppError::Forbidden);
    }
    if absent || over {
        return Err(problem(RoomProblem::CannotRequest));
    }
    if !asking {
        with_tx!(&mut tx, |conn| {
            sqlx::query(
                "insert into speech (id, agenda_item_id, user_id, requested_at)
                 values ($1, $2, $3, $4)",
            )
            .bind(crate::ids::new_id())
            .bind(item)
            .bind(user.id)
            .bind(Utc::now())
            .execute(&mut *conn)
            .await?;
        });
    }
    tx.commit().await?;
    Ok(meeting)
}

/// Withdraw a waiting request to speak on `item` (its meeting returned); none waiting is
/// not an error.
pub async fn withdraw(db: &Db, user: &CurrentUser, item: Uuid) -> Result<Uuid, AppError> {
    let meeting = crate::meetings::store::visible_item(db, user, item).await?;
    if user.role != Role::Member {
        return Err(AppError::Forbidden);
    }
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update speech set withdrawn_at = $3
             where agenda_item_id = $1 and user_id = $2 and started_at is null
               and withdrawn_at is null",
        )
        .bind(item)
        .bind(user.id)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    tx.commit().await?;
    Ok(meeting)
}
