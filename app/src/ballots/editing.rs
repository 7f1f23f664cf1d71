//! The secretariat's acts on a ballot: create and edit a draft, send it (the eligible
//! members are fixed then, the Prime Minister marked), extend the deadline with a reason,
//! and close it (the result is computed and stored). Each act is one transaction with its
//! audit record.
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append;
use crate::ballots::model::{BallotDraft, BallotState};
use crate::ballots::problem::BallotProblem;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput};
use crate::identity::model::{require_secretariat, CurrentUser, NoticeKind};
use crate::identity::notifications::add_about_in;
use crate::ids::new_id;
use crate::{with_db, with_tx};

pub(crate) fn problem(p: BallotProblem) -> AppError {
    AppError::BadRequest(BadInput::Ballot(p))
}

/// `YYYY-MM-DDTHH:MM`, Vietnam's wall clock, to a moment.
pub(crate) fn parse_deadline(local: &str) -> Result<DateTime<Utc>, AppError> {
    let local = NaiveDateTime::parse_from_str(local.trim(), "%Y-%m-%dT%H:%M")
        .map_err(|_| problem(BallotProblem::DeadlineInvalid))?;
    Ok(chrono_tz::Asia::Ho_Chi_Minh
        .from_local_datetime(&local)
        .single()
        .ok_or(problem(BallotProblem::DeadlineInvalid))?
        .with_timezone(&Utc))
}

struct ValidDraft {
    title: String,
    question: String,
    deadline: DateTime<Utc>,
    eligible: Vec<Uuid>,
    reminder_hours: String,
    results_to_members: bool,
}

async fn validate(db: &Db, draft: &BallotDraft) -> Result<ValidDraft, AppError> {
    let title = draft.title.trim();
    if title.is_empty() {
        return Err(problem(BallotProblem::TitleMissing));
    }
    let question = draft.question.trim();
    if question.is_empty() {
        return Err(problem(BallotProblem::QuestionMissing));
    }
    let deadline = parse_deadline(&draft.deadline)?;
    if deadline <= Utc::now() {
        return Err(problem(BallotProblem::DeadlineInvalid));
    }
    if draft.reminder_hours.len() > 10
        || draft.reminder_hours.iter().any(|h| !(1..=720).contains(h))
    {
        return Err(problem(BallotProblem::RemindersInvalid));
    }
    let mut hours = draft.reminder_hours.clone();
    hours.sort_unstable_by(|a, b| b.cmp(a));
    hours.dedup();
    let mut eligible = draft.eligible.clone();
    eligible.sort();
    eligible.dedup();
    let members = government_members(db).await?;
    if eligible.iter().any(|id| !members.contains(id)) {
        return Err(problem(BallotProblem::EligibleInvalid));
    }
    Ok(ValidDraft {
        title: title.chars().take(300).collect(),
        question: question.chars().take(20_000).collect(),
        deadline,
        eligible,
        reminder_hours: hours
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(","),
        results_to_members: draft.results_to_members,
    })
}

/// Active Government members.
async fn government_members(db: &Db) -> Result<Vec<Uuid>, AppError> {
    let rows: Vec<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as("select id from user_account where role = 'member' and active")
            .fetch_all(pool)
            .await
    })?;
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Replace a draft's eligible list (empty: decided at sending — all members).
async fn set_eligible(tx: &mut Tx, ballot: Uuid, eligible: &[Uuid]) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query("delete from ballot_eligible where ballot_id = $1")
            .bind(ballot)
            .execute(&mut *conn)
            .await?;
        for user in eligible {
            sqlx::query("insert into ballot_eligible (ballot_id, user_id) values ($1, $2)")
                .bind(ballot)
                .bind(user)
                .execute(&mut *conn)
                .await?;
        }
    });
    Ok(())
}

/// Create a draft ballot; returns its id.
pub async fn create(db: &Db, user: &CurrentUser, draft: &BallotDraft) -> Result<Uuid, AppError> {
    require_secretariat(user)?;
    let valid = validate(db, draft).await?;
    let id = new_id();
    let now = Utc::now();
    let mut tx = db.begin().await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into ballot (id, title, question, state, deadline_at, created_by,
                                 reminder_hours, results_to_members, created_at, updated_at)
             values ($1, $2, $3, 'draft', $4, $5, $6, $7, $8, $8)",
        )
        .bind(id)
        .bind(&valid.title)
        .bind(&valid.question)
        .bind(valid.deadline)
        .bind(user.id)
        .bind(&valid.reminder_hours)
        .bind(valid.results_to_members)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    set_eligible(&mut tx, id, &valid.eligible).await?;
    append(&mut tx, Some(user.id), AuditEvent::BallotCreated, Some(id)).await?;
    tx.commit().await?;
    Ok(id)
}

/// Marks the current Prime Minister among ballot `$1`'s eligible members on date `$2` (whose
/// side decides a tie).
pub const MARK_PRIME_MINISTER: &str = "
    update ballot_eligible set prime_minister = exists(
        select 1 from appointment a where a.user_id = ballot_eligible.user_id
          and a.protocol_rank = 0 and a.starts_on <= $2
          and (a.ends_on is null or a.ends_on >= $2))
    where ballot_id = $1";

/// The ballot's state, locked for the rest of the transaction on PostgreSQL.
async fn state_in(tx: &mut Tx, ballot: Uuid) -> Result<(BallotState, DateTime<Utc>), AppError> {
    let sql = match tx {
        Tx::Postgres(_) => "select state, deadline_at from ballot where id = $1 for update",
        Tx::Sqlite(_) => "select state, deadline_at from ballot where id = $1",
    };
    let row: Option<(String, DateTime<Utc>)> = with_tx!(tx, |conn| {
        sqlx::query_as(sql)
            .bind(ballot)
            .fetch_optional(&mut *conn)
            .await?
    });
    let (state, deadline) = row.ok_or(AppError::NotFound)?;
    Ok((
        BallotState::parse(&state)
            .ok_or_else(|| AppError::internal("a stored value that does not parse"))?,
        deadline,
    ))
}

/// Edit a draft.
pub async fn update(
    db: &Db,
    user: &CurrentUser,
    ballot: Uuid,
    draft: &BallotDraft,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    let valid = validate(db, draft).await?;
    let mut tx = db.begin().await?;
    if state_in(&mut tx, ballot).await?.0 != BallotState::Draft {
        return Err(problem(BallotProblem::NotDraft));
    }
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update ballot set title = $2, question = $3, deadline_at = $4, reminder_hours = $5,
                               results_to_members = $6, updated_at = $7
             where id = $1",
        )
        .bind(ballot)
        .bind(&valid.title)
        .bind(&valid.question)
        .bind(valid.deadline)
        .bind(&valid.reminder_hours)
        .bind(valid.results_to_members)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    set_eligible(&mut tx, ballot, &valid.eligible).await?;
    append(
        &mut tx,
        Some(user.id),
        AuditEvent::BallotChanged,
        Some(ballot),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Send a draft: the eligible members are fixed (all active Government members when none
/// were chosen), the current Prime Minister among them marked, and each is notified.
pub async fn send(db: &Db, user: &CurrentUser, ballot: Uuid) -> Result<(), AppError> {
    require_secretariat(user)?;
    let today: NaiveDate = Utc::now().date_naive();
    let mut tx = db.begin().await?;
    let (state, deadline) = state_in(&mut tx, ballot).await?;
    if state != BallotState::Draft {
        return Err(problem(BallotProblem::NotDraft));
    }
    if deadline <= Utc::now() {
        return Err(problem(BallotProblem::DeadlineInvalid));
    }
    let eligible: Vec<(Uuid, bool)> = with_tx!(&mut tx, |conn| {
        let chosen: (i64,) =
            sqlx::query_as("select count(*) from ballot_eligible where ballot_id = $1")
                .bind(ballot)
                .fetch_one(&mut *conn)
                .await?;
        if chosen.0 == 0 {
            sqlx::query(
                "insert into ballot_eligible (ballot_id, user_id)
                 select $1, id from user_account where role = 'member' and active",
            )
            .bind(ballot)
            .execute(&mut *conn)
            .await?;
        }
        // Someone deactivated since the draft was saved is not asked.
        sqlx::query(
            "delete from ballot_eligible where ballot_id = $1 and user_id not in
               (select id from user_account where role = 'member' and active)",
        )
        .bind(ballot)
        .execute(&mut *conn)
        .await?;
        sqlx::query(MARK_PRIME_MINISTER)
            .bind(ballot)
            .bind(today)
            .execute(&mut *conn)
            .await?;
        sqlx::query(
            "update ballot set state = 'open', sent_at = $2, updated_at = $2 where id = $1",
        )
        .bind(ballot)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
        sqlx::query_as("select user_id, prime_minister from ballot_eligible where ballot_id = $1")
            .bind(ballot)
            .fetch_all(&mut *conn)
            .await?
    });
    if eligible.is_empty() {
        return Err(problem(BallotProblem::EligibleInvalid));
    }
    for (member, _) in &eligible {
        add_about_in(&mut tx, *member, NoticeKind::BallotSent, ballot).await?;
    }
    append(&mut tx, Some(user.id), AuditEvent::BallotSent, Some(ballot)).await?;
    tx.commit().await?;
    Ok(())
}

/// Move an open ballot's deadline later, with a reason shown to members (who are told).
pub async fn extend(
    db: &Db,
    user: &CurrentUser,
    ballot: Uuid,
    new_deadline: &str,
    reason: &str,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    let reason = reason.trim();
    let new_deadline = parse_deadline(new_deadline)?;
    let mut tx = db.begin().await?;
    let (state, old_deadline) = state_in(&mut tx, ballot).await?;
    if state != BallotState::Open {
        return Err(problem(BallotProblem::NotOpen));
    }
    if reason.is_empty()
        || reason.chars().count() > 2000
        || new_deadline <= old_deadline
        || new_deadline <= Utc::now()
    {
        return Err(problem(BallotProblem::ExtensionInvalid));
    }
    let now = Utc::now();
    let members: Vec<(Uuid,)> = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into ballot_extension (id, ballot_id, old_deadline_at, new_deadline_at,
                                           reason, extended_by, created_at)
             values ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(new_id())
        .bind(ballot)
        .bind(old_deadline)
        .bind(new_deadline)
        .bind(reason)
        .bind(user.id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query("update ballot set deadline_at = $2, updated_at = $3 where id = $1")
            .bind(ballot)
            .bind(new_deadline)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        // Reminders count again from the new deadline.
        sqlx::query("delete from ballot_reminder where ballot_id = $1")
            .bind(ballot)
            .execute(&mut *conn)
            .await?;
        sqlx::query_as("select user_id from ballot_eligible where ballot_id = $1")
            .bind(ballot)
            .fetch_all(&mut *conn)
            .await?
    });
    for (member,) in members {
        add_about_in(&mut tx, member, NoticeKind::BallotExtended, ballot).await?;
    }
    append(
        &mut tx,
        Some(user.id),
        AuditEvent::BallotExtended,
        Some(ballot),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Close an open ballot now (the secretariat), computing and storing its result.
pub async fn close(db: &Db, user: &CurrentUser, ballot: Uuid) -> Result<(), AppError> {
    require_secretariat(user)?;
    let mut tx = db.begin().await?;
    if state_in(&mut tx, ballot).await?.0 != BallotState::Open {
        return Err(problem(BallotProblem::NotOpen));
    }
    crate::ballots::results::close_in(&mut tx, ballot, Some(user.id)).await?;
    tx.commit().await?;
    Ok(())
}

/// Remove a draft document from a draft ballot, in the caller's transaction.
pub async fn remove_document_in(
    tx: &mut Tx,
    user: &CurrentUser,
    ballot: Uuid,
    document: Uuid,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    if state_in(tx, ballot).await?.0 != BallotState::Draft {
        return Err(problem(BallotProblem::NotDraft));
    }
    with_tx!(tx, |conn| {
        sqlx::query("delete from document where id = $1 and ballot_id = $2")
            .bind(document)
            .bind(ballot)
            .execute(&mut *conn)
            .await?;
    });
    append(
        tx,
        Some(user.id),
        AuditEvent::DocumentRemoved,
        Some(document),
    )
    .await?;
    Ok(())
}
