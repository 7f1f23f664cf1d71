//! An in-meeting vote on an item, on the ballot engine: the chair (or the secretariat) asks a
//! question with a short deadline; the members present or connected remotely (not deputies)
//! answer on their tablets with signed answers, counted by the Government's rules. Allowed
//! only while at least two thirds of all Government members are present.
use chrono::{Duration, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append;
use crate::ballots::editing::MARK_PRIME_MINISTER;
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::identity::notifications::add_about_in;
use crate::meetings::model::MeetingState;
use crate::room::chairing::{meeting_in, problem};
use crate::room::model::Quorum;
use crate::room::problem::RoomProblem;
use crate::with_tx;

/// Start a vote on `item` of `meeting` open for `minutes`; returns the ballot.
pub async fn start(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
    item: Uuid,
    question: &str,
    minutes: i64,
) -> Result<Uuid, AppError> {
    let question = question.trim();
    if question.is_empty() || question.chars().count() > 2000 || !(1..=120).contains(&minutes) {
        return Err(problem(RoomProblem::VoteInvalid));
    }
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let (state, _) = meeting_in(&mut tx, meeting).await?;
    if state != MeetingState::InProgress {
        return Err(problem(RoomProblem::NotRunning));
    }
    let (title, present, members): (Option<String>, i64, i64) = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "select (select title from agenda_item where id = $2 and meeting_id = $1),
                    (select count(*) from attendance t
                     join invitation i on i.meeting_id = t.meeting_id and i.user_id = t.user_id
                     join user_account u on u.id = t.user_id
                     where t.meeting_id = $1 and t.status in ('present', 'remote')
                       and u.role = 'member' and u.active),
                    (select count(*) from user_account where role = 'member' and active)",
        )
        .bind(meeting)
        .bind(item)
        .fetch_one(&mut *conn)
        .await?
    });
    let title = title.ok_or(AppError::NotFound)?;
    let quorum = Quorum::of(
        u32::try_from(present).unwrap_or(0),
        u32::try_from(members).unwrap_or(0),
    );
    if !quorum.reached() {
        return Err(problem(RoomProblem::NoQuorum {
            present: quorum.present,
            needed: quorum.needed,
        }));
    }
    let ballot = crate::ids::new_id();
    let today = now.date_naive();
    let eligible: Vec<(Uuid,)> = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into ballot (id, title, question, state, deadline_at, meeting_id,
                                 agenda_item_id, created_by, sent_at, reminder_hours,
                                 results_to_members, created_at, updated_at)
             values ($1, $2, $3, 'open', $4, $5, $6, $7, $8, '', true, $8, $8)",
        )
        .bind(ballot)
        .bind(&title)
        .bind(question)
        .bind(now + Duration::minutes(minutes))
        .bind(meeting)
        .bind(item)
        .bind(user.id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "insert into ballot_eligible (ballot_id, user_id)
             select $1, t.user_id from attendance t
             join invitation i on i.meeting_id = t.meeting_id and i.user_id = t.user_id
             join user_account u on u.id = t.user_id
             where t.meeting_id = $2 and t.status in ('present', 'remote')
               and u.role = 'member' and u.active",
        )
        .bind(ballot)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
        sqlx::query(MARK_PRIME_MINISTER)
            .bind(ballot)
            .bind(today)
            .execute(&mut *conn)
            .await?;
        sqlx::query_as("select user_id from ballot_eligible where ballot_id = $1")
            .bind(ballot)
            .fetch_all(&mut *conn)
            .await?
    });
    for (member,) in &eligible {
        add_about_in(
            &mut tx,
            *member,
            crate::identity::model::NoticeKind::BallotSent,
            ballot,
        )
        .await?;
    }
    append(
        &mut tx,
        Some(user.id),
        AuditEvent::VoteStarted,
        Some(ballot),
    )
    .await?;
    tx.commit().await?;
    Ok(ballot)
}
