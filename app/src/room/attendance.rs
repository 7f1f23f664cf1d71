//! Taking attendance (the chair or the secretariat): present, remote, absent with a reason,
//! or represented by a deputy. Recorded from publication until the meeting closes.
use chrono::Utc;
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append;
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::meetings::model::MeetingState;
use crate::room::chairing::{meeting_in, problem};
use crate::room::model::Presence;
use crate::room::problem::RoomProblem;
use crate::with_tx;

/// Record how `member` attends `meeting` (replacing what was recorded before).
pub async fn record(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
    member: Uuid,
    presence: Presence,
    reason: &str,
    deputy: &str,
) -> Result<(), AppError> {
    let (reason, deputy) = (reason.trim(), deputy.trim());
    let (reason, deputy) = match presence {
        Presence::Absent if reason.is_empty() => {
            return Err(problem(RoomProblem::AttendanceInvalid))
        }
        Presence::Deputy if deputy.is_empty() => {
            return Err(problem(RoomProblem::AttendanceInvalid))
        }
        _ if reason.chars().count() > 500 || deputy.chars().count() > 200 => {
            return Err(problem(RoomProblem::AttendanceInvalid))
        }
        Presence::Absent => (Some(reason), None),
        Presence::Deputy => (None, Some(deputy)),
        Presence::Present | Presence::Remote => (None, None),
    };
    let mut tx = db.begin().await?;
    let (state, _) = meeting_in(&mut tx, meeting).await?;
    if !matches!(
        state,
        MeetingState::Published | MeetingState::Postponed | MeetingState::InProgress
    ) {
        return Err(problem(RoomProblem::NotRunning));
    }
    let (invited,): (i64,) = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select count(*) from invitation where meeting_id = $1 and user_id = $2")
            .bind(meeting)
            .bind(member)
            .fetch_one(&mut *conn)
            .await?
    });
    if invited == 0 {
        return Err(problem(RoomProblem::AttendanceInvalid));
    }
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into attendance (meeting_id, user_id, status, reason, deputy_name,
                                     recorded_by, recorded_at)
             values ($1, $2, $3, $4, $5, $6, $7)
             on conflict (meeting_id, user_id) do update
             set status = excluded.status, reason = excluded.reason,
                 deputy_name = excluded.deputy_name, recorded_by = excluded.recorded_by,
                 recorded_at = excluded.recorded_at",
        )
        .bind(meeting)
        .bind(member)
        .bind(presence.as_str())
        .bind(reason)
        .bind(deputy)
        .bind(user.id)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    append(
        &mut tx,
        Some(user.id),
        AuditEvent::AttendanceRecorded,
        Some(meeting),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
