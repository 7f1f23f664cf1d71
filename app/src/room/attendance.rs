//! Taking attendance (the chair or the secretariat): present, remote, absent with a reason,
//! or represented by a deputy. Recorded from publication until the meeting closes.
use chrono::Utc;
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append;
use crate::db::{Db, Tx};
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
    write(db, user, meeting, &[(member, presence, reason, deputy)]).await
}

/// Record `members` present in one act: the "everyone present" start, from which the chair
/// marks the few exceptions. What was recorded for them before is replaced.
pub async fn record_present(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
    members: &[Uuid],
) -> Result<(), AppError> {
    let mut members = members.to_vec();
    members.sort();
    members.dedup();
    if members.is_empty() || members.len() > MAX_AT_ONCE {
        return Err(problem(RoomProblem::AttendanceInvalid));
    }
    let lines: Vec<Line> = members
        .into_iter()
        .map(|m| (m, Presence::Present, None, None))
        .collect();
    write(db, user, meeting, &lines).await
}

/// (member, presence, reason for an absence, deputy's name)
type Line<'a> = (Uuid, Presence, Option<&'a str>, Option<&'a str>);

/// Replace what was recorded for each line's member, in one transaction with one audit
/// record.
async fn write(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
    lines: &[Line<'_>],
) -> Result<(), AppError> {
    let mut tx = db.begin().await?;
    let members: Vec<Uuid> = lines.iter().map(|l| l.0).collect();
    open_for_attendance(&mut tx, meeting, &members).await?;
    for &(member, presence, reason, deputy) in lines {
        upsert(&mut tx, user, meeting, member, presence, reason, deputy).await?;
    }
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

/// More members than any Government has: a request beyond it is refused, not looped over.
const MAX_AT_ONCE: usize = 200;

/// Attendance is taken from publication until the meeting closes, for invited members only.
async fn open_for_attendance(tx: &mut Tx, meeting: Uuid, members: &[Uuid]) -> Result<(), AppError> {
    let (state, _) = meeting_in(tx, meeting).await?;
    if !matches!(
        state,
        MeetingState::Published | MeetingState::Postponed | MeetingState::InProgress
    ) {
        return Err(problem(RoomProblem::NotRunning));
    }
    for member in members {
        let (invited,): (i64,) = with_tx!(tx, |conn| {
            sqlx::query_as("select count(*) from invitation where meeting_id = $1 and user_id = $2")
                .bind(meeting)
                .bind(*member)
                .fetch_one(&mut *conn)
                .await?
        });
        if invited == 0 {
            return Err(problem(RoomProblem::AttendanceInvalid));
        }
    }
    Ok(())
}

async fn upsert(
    tx: &mut Tx,
    user: &CurrentUser,
    meeting: Uuid,
    member: Uuid,
    presence: Presence,
    reason: Option<&str>,
    deputy: Option<&str>,
) -> Result<(), AppError> {
    with_tx!(tx, |conn| {
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
    Ok(())
}
