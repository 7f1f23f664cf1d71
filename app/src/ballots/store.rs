//! Reading ballots. The secretariat sees every ballot; a member sees the ballots they were
//! asked on (once sent); guests and administrators see none. A member sees the result of a
//! closed ballot when the ballot says so; answers of others, never before closing.
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::ballots::model::{
    AnswerView, BallotDocument, BallotState, BallotSummaryRow, BallotView, Choice, EligibleView,
    ExtensionView,
};
use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};
use crate::with_db;

/// Whether `user` may see `ballot` at all.
pub async fn visible(db: &Db, user: &CurrentUser, ballot: Uuid) -> Result<bool, AppError> {
    let row: Option<(String, bool)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select b.state, exists(select 1 from ballot_eligible e
                                    where e.ballot_id = b.id and e.user_id = $2)
             from ballot b where b.id = $1",
        )
        .bind(ballot)
        .bind(user.id)
        .fetch_optional(pool)
        .await
    })?;
    Ok(match (row, user.role) {
        (Some(_), Role::Secretariat) => true,
        (Some((state, eligible)), Role::Member) => eligible && state != "draft",
        _ => false,
    })
}

/// (id, title, state, deadline, answered, eligible, caller's latest choice)
type ListRow = (
    Uuid,
    String,
    String,
    DateTime<Utc>,
    i64,
    i64,
    Option<String>,
);

/// The ballots `user` may see: open first, then drafts, then closed; by deadline.
pub async fn list_for(db: &Db, user: &CurrentUser) -> Result<Vec<BallotSummaryRow>, AppError> {
    let filter = match user.role {
        Role::Secretariat => "",
        Role::Member => {
            "where b.state <> 'draft' and exists(select 1 from ballot_eligible e
                 where e.ballot_id = b.id and e.user_id = $1)"
        }
        Role::Guest | Role::Admin | Role::Officer => return Ok(Vec::new()),
    };
    let sql = format!(
        "select b.id, b.title, b.state, b.deadline_at,
                (select count(distinct a.user_id) from ballot_answer a
                 join ballot_eligible e on e.ballot_id = a.ballot_id and e.user_id = a.user_id
                 where a.ballot_id = b.id),
                (select count(*) from ballot_eligible e where e.ballot_id = b.id),
                (select a.choice from ballot_answer a where a.ballot_id = b.id and a.user_id = $1
                 order by a.answered_at desc, a.id desc limit 1)
         from ballot b {filter}
         order by case b.state when 'open' then 0 when 'draft' then 1 else 2 end,
                  b.deadline_at desc"
    );
    let rows: Vec<ListRow> = with_db!(db, |pool| sqlx::query_as(&sql)
        .bind(user.id)
        .fetch_all(pool)
        .await)?;
    Ok(rows
        .into_iter()
        .filter_map(
            |(id, title, state, deadline_at, answered, eligible, mine)| {
                Some(BallotSummaryRow {
                    id,
                    title,
                    state: BallotState::parse(&state)?,
                    deadline_at,
                    answered: u32::try_from(answered).unwrap_or(0),
                    eligible: u32::try_from(eligible).unwrap_or(0),
                    mine: mine.as_deref().and_then(Choice::parse),
                })
            },
        )
        .collect())
}

/// (id, title, question, state, deadline, sent, closed, reminder hours, results to members,
/// the meeting it is a vote in)
type BallotRow = (
    Uuid,
    String,
    String,
    String,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    String,
    bool,
    Option<Uuid>,
);

/// (old deadline, new deadline, reason, when)
type ExtensionRow = (DateTime<Utc>, DateTime<Utc>, String, DateTime<Utc>);

/// (member, choice, text, comment, answered at, entered by)
type AnswerRow = (
    Uuid,
    String,
    Option<String>,
    Option<String>,
    DateTime<Utc>,
    Option<Uuid>,
);

fn answer_view(row: &AnswerRow) -> Option<AnswerView> {
    Some(AnswerView {
        choice: Choice::parse(&row.1)?,
        text: row.2.clone().unwrap_or_default(),
        comment: row.3.clone().unwrap_or_default(),
        answered_at: row.4,
        on_paper: row.5.is_some(),
    })
}

/// The ballot page's data for `user`.
pub async fn view(db: &Db, user: &CurrentUser, ballot: Uuid) -> Result<BallotView, AppError> {
    if !visible(db, user, ballot).await? {
        return Err(AppError::NotFound);
    }
    let (row, extensions, latest): (Option<BallotRow>, Vec<ExtensionRow>, Vec<AnswerRow>) =
        with_db!(db, |pool| {
            (
            sqlx::query_as(
                "select id, title, question, state, deadline_at, sent_at, closed_at,
                        reminder_hours, results_to_members, meeting_id
                 from ballot where id = $1",
            )
            .bind(ballot)
            .fetch_optional(pool)
            .await?,
            sqlx::query_as(
                "select old_deadline_at, new_deadline_at, reason, created_at
                 from ballot_extension where ballot_id = $1 order by created_at",
            )
            .bind(ballot)
            .fetch_all(pool)
            .await?,
            // Each member's latest answer.
            sqlx::query_as(
                "select a.user_id, a.choice, a.other_text, a.comment, a.answered_at, a.entered_by
                 from ballot_answer a
                 where a.ballot_id = $1 and a.id = (
                     select b.id from ballot_answer b
                     where b.ballot_id = a.ballot_id and b.user_id = a.user_id
                     order by b.answered_at desc, b.id desc limit 1)",
            )
            .bind(ballot)
            .fetch_all(pool)
            .await?,
        )
        });
    let (
        id,
        title,
        question,
        state,
        deadline_at,
        sent_at,
        closed_at,
        hours,
        to_members,
        meeting_id,
    ) = row.ok_or(AppError::NotFound)?;
    let state = BallotState::parse(&state)
        .ok_or_else(|| AppError::internal("a stored value that does not parse"))?;
    let manage = user.role == Role::Secretariat;
    let mine = latest.iter().find(|a| a.0 == user.id).and_then(answer_view);
    let documents: Vec<(Uuid, String, Option<i64>)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select d.id, d.title, v.page_count from document d
             join document_version v on v.document_id = d.id
             where d.ballot_id = $1
               and v.version_no = (select max(version_no) from document_version
                                   where document_id = d.id)
             order by d.position",
        )
        .bind(ballot)
        .fetch_all(pool)
        .await
    })?;
    let may_answer =
        user.role == Role::Member && state == BallotState::Open && deadline_at > Utc::now();
    let counted = if state == BallotState::Closed || manage {
        crate::ballots::results::counted(db, ballot).await?
    } else {
        Vec::new()
    };
    let eligible = if manage {
        counted
            .iter()
            .map(|(member, name, _, _, _, _)| EligibleView {
                user_id: *member,
                full_name: name.clone(),
                title: None,
                answer: latest.iter().find(|a| a.0 == *member).and_then(answer_view),
            })
            .collect()
    } else {
        Vec::new()
    };
    let result = (state == BallotState::Closed && (manage || to_members))
        .then(|| crate::ballots::results::result_of(&counted));
    Ok(BallotView {
        id,
        meeting_id,
        title,
        question,
        state,
        deadline_at,
        sent_at,
        closed_at,
        reminder_hours: hours
            .split(',')
            .filter_map(|h| h.trim().parse().ok())
            .collect(),
        results_to_members: to_members,
        documents: documents
            .into_iter()
            .map(|(id, title, page_count)| BallotDocument {
                id,
                title,
                page_count,
            })
            .collect(),
        extensions: extensions
            .into_iter()
            .map(
                |(old_deadline_at, new_deadline_at, reason, at)| ExtensionView {
                    old_deadline_at,
                    new_deadline_at,
                    reason,
                    at,
                },
            )
            .collect(),
        manage,
        may_answer,
        mine,
        eligible,
        result,
    })
}

/// Active Government members in protocol order, for the secretariat's eligible picker.
pub async fn members(db: &Db, user: &CurrentUser) -> Result<Vec<(Uuid, String)>, AppError> {
    crate::identity::model::require_secretariat(user)?;
    Ok(with_db!(db, |pool| {
        sqlx::query_as(
            "select u.id, u.full_name from user_account u
             where u.role = 'member' and u.active
             order by coalesce((select min(ap.protocol_rank) from appointment ap
                                where ap.user_id = u.id and ap.ends_on is null), 100000),
                      u.full_name",
        )
        .fetch_all(pool)
        .await
    })?)
}
