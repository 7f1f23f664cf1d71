//! The minutes' life: read the facts of a closed meeting and draft them, save the
//! secretariat's edits, the chair's approval, and the secretariat's finalisation (locked, its
//! SHA-256 kept, entered in the audit chain). Who may read: the secretariat and the chair at
//! any time; invited members once final.
use chrono::{DateTime, NaiveDateTime, Utc};
use chrono_tz::Tz;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput, OrInternal};
use crate::identity::model::{require_secretariat, CurrentUser, Role};
use crate::meetings::model::MeetingState;
use crate::room::minutes::{draft, ItemFacts, MinutesFacts, MinutesState, MinutesView, VoteFacts};
use crate::room::model::ItemStage;
use crate::{with_db, with_tx};

/// The longest minutes, in characters.
pub const MAX_MINUTES_CHARS: usize = 200_000;

/// (item, speaker, deputy speaking for them, start, end)
type SpeechRow = (
    Uuid,
    String,
    Option<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);
/// (ballot, item, question, state, members asked, stored outcome)
type VoteRow = (Uuid, Option<Uuid>, String, String, i64, Option<String>);

/// Everything recorded about `meeting`, for its minutes and its conclusions notice.
pub async fn facts(db: &Db, meeting: Uuid) -> Result<MinutesFacts, AppError> {
    let room = crate::room::store::read(db, meeting).await?;
    let tz: Tz = room
        .time_zone
        .parse()
        .unwrap_or(chrono_tz::Asia::Ho_Chi_Minh);
    let local = |at: Option<DateTime<Utc>>| -> Option<NaiveDateTime> {
        at.map(|a| a.with_timezone(&tz).naive_local())
    };
    let (place, chair, positions, speeches, votes) = with_db!(db, |pool| {
        let (place, chair): (Option<String>, Option<String>) = sqlx::query_as(
            "select m.place, u.full_name from meeting m
             left join user_account u on u.id = m.chair_id where m.id = $1",
        )
        .bind(meeting)
        .fetch_one(pool)
        .await?;
        let positions: Vec<(Uuid, String, String, Option<String>)> = sqlx::query_as(
            "select p.agenda_item_id, u.full_name, p.stance, p.reason from item_position p
             join agenda_item ai on ai.id = p.agenda_item_id
             join invitation i on i.meeting_id = ai.meeting_id and i.user_id = p.user_id
             join user_account u on u.id = p.user_id
             where ai.meeting_id = $1 and p.stance in ('speak', 'object')
             order by u.full_name",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let speeches: Vec<SpeechRow> = sqlx::query_as(
            "select s.agenda_item_id, u.full_name,
                        case when t.status = 'deputy' then t.deputy_name end,
                        s.started_at, s.ended_at
                 from speech s join agenda_item ai on ai.id = s.agenda_item_id
                 join user_account u on u.id = s.user_id
                 left join attendance t on t.meeting_id = ai.meeting_id and t.user_id = s.user_id
                 where ai.meeting_id = $1 and s.started_at is not null
                 order by s.started_at",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let votes: Vec<VoteRow> = sqlx::query_as(
            "select b.id, b.agenda_item_id, b.question, b.state,
                    (select count(*) from ballot_eligible e where e.ballot_id = b.id),
                    b.outcome
             from ballot b where b.meeting_id = $1 and b.state <> 'draft' order by b.sent_at",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        Ok::<_, sqlx::Error>((place, chair, positions, speeches, votes))
    })?;
    let pauses: Vec<crate::room::clock::Pause> = with_db!(db, |pool| {
        sqlx::query_as("select started_at, ended_at from meeting_pause where meeting_id = $1")
            .bind(meeting)
            .fetch_all(pool)
            .await
    })?;
    let now = Utc::now();
    let mut vote_facts = Vec::new();
    for (ballot, item, question, state, eligible, outcome) in votes {
        // The tally as the ballot engine counts it (the latest answer of each member).
        let counted = crate::ballots::results::counted(db, ballot).await?;
        let tally = crate::ballots::results::tally_of(&counted);
        vote_facts.push((
            item,
            VoteFacts {
                question,
                eligible,
                agree: i64::from(tally.agree),
                disagree: i64::from(tally.disagree),
                other: i64::from(tally.other),
                outcome: (state == "closed").then(|| {
                    crate::ballots::outcome::Outcome::from_key(outcome.as_deref().unwrap_or(""))
                        .label(crate::i18n::Lang::Vi)
                        .to_owned()
                }),
            },
        ));
    }
    let tasks =
        crate::tasks::store::from_meeting(db, meeting, crate::tasks::store::today()).await?;
    let items = room
        .items
        .iter()
        .map(|i| ItemFacts {
            number: i.number,
            title: i.title.clone(),
            planned_minutes: i.planned_minutes,
            consent: i.stage == ItemStage::Consent,
            started: local(i.started_at),
            ended: local(i.ended_at),
            seconds: i.seconds,
            wished_to_speak: positions
                .iter()
                .filter(|(item, _, stance, _)| *item == i.id && stance == "speak")
                .count() as i64,
            objections: positions
                .iter()
                .filter(|(item, _, stance, _)| *item == i.id && stance == "object")
                .map(|(_, name, _, reason)| (name.clone(), reason.clone().unwrap_or_default()))
                .collect(),
            speakers: speeches
                .iter()
                .filter(|(item, ..)| *item == i.id)
                .map(|(_, name, deputy, start, end)| {
                    let seconds = crate::room::clock::net_seconds(*start, *end, &pauses, now);
                    (name.clone(), deputy.clone(), seconds)
                })
                .collect(),
            votes: vote_facts
                .iter()
                .filter(|(item, _)| *item == Some(i.id))
                .map(|(_, v)| v.clone())
                .collect(),
            conclusion: i.conclusion.clone(),
            tasks: tasks
                .iter()
                .filter(|(item, _)| *item == i.id)
                .map(|(_, t)| task_fact(t))
                .collect(),
        })
        .collect();
    Ok(MinutesFacts {
        title: room.title,
        place,
        chair,
        planned_minutes: room.planned_minutes,
        started: local(room.actual_start),
        ended: local(room.actual_end),
        seconds: room.seconds,
        attendance: room
            .attendance
            .into_iter()
            .map(|a| (a.full_name, a.presence, a.reason, a.deputy))
            .collect(),
        items,
    })
}

/// What decides who may do what with a meeting's minutes.
struct Standing {
    title: String,
    state: MeetingState,
    chair: Option<Uuid>,
    invited: bool,
}

async fn standing(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<Standing, AppError> {
    if !crate::meetings::store::visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    let (title, state, chair, invited): (String, String, Option<Uuid>, bool) =
        with_db!(db, |pool| {
            sqlx::query_as(
                "select m.title, m.state, m.chair_id,
                        exists(select 1 from invitation i
                               where i.meeting_id = m.id and i.user_id = $2)
                 from meeting m where m.id = $1",
            )
            .bind(meeting)
            .bind(user.id)
            .fetch_one(pool)
            .await
        })?;
    Ok(Standing {
        title,
        state: MeetingState::try_from(state).or_internal()?,
        chair,
        invited,
    })
}

type StoredRow = (
    String,
    String,
    Option<String>,
    Option<DateTime<Utc>>,
    Option<String>,
);

async fn stored(db: &Db, meeting: Uuid) -> Result<Option<StoredRow>, AppError> {
    Ok(with_db!(db, |pool| {
        sqlx::query_as(
            "select n.body, n.state, u.full_name, n.finalised_at, n.body_sha256
             from minutes n left join user_account u on u.id = n.approved_by
             where n.meeting_id = $1",
        )
        .bind(meeting)
        .fetch_optional(pool)
        .await
    })?)
}

/// The minutes as `user` may see them; drafted from the records when none are stored.
pub async fn view(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<MinutesView, AppError> {
    let s = standing(db, user, meeting).await?;
    let secretariat = user.role == Role::Secretariat;
    let chair = s.chair == Some(user.id) && user.role == Role::Member;
    let row = stored(db, meeting).await?;
    let state = row
        .as_ref()
        .and_then(|r| MinutesState::parse(&r.1))
        .unwrap_or(MinutesState::Draft);
    // Members (and guests) read the minutes once final; drafts are the secretariat's and
    // the chair's.
    if !secretariat && !chair {
        if user.role == Role::Member && s.invited && state == MinutesState::Final {
            // readable
        } else {
            return Err(AppError::Forbidden);
        }
    }
    if s.state != MeetingState::Closed {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    let (body, fresh, approved_by, finalised_at, body_sha256) = match row {
        Some((body, _, approved_by, finalised_at, sha)) => {
            (body, false, approved_by, finalised_at, sha)
        }
        None => (draft(&facts(db, meeting).await?), true, None, None, None),
    };
    Ok(MinutesView {
        meeting_id: meeting,
        meeting_title: s.title,
        state,
        body,
        fresh,
        approved_by,
        finalised_at,
        body_sha256,
        may_edit: secretariat && state != MinutesState::Final,
        may_approve: chair && state == MinutesState::Draft,
        may_finalise: secretariat && state == MinutesState::Approved,
    })
}

/// The meeting's minutes state inside a transaction (`None`: not stored yet), after checking
/// the meeting is closed.
async fn state_in(tx: &mut Tx, meeting: Uuid) -> Result<Option<MinutesState>, AppError> {
    let row: Option<(String, Option<String>)> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "select m.state, n.state from meeting m
             left join minutes n on n.meeting_id = m.id where m.id = $1",
        )
        .bind(meeting)
        .fetch_optional(&mut *conn)
        .await?
    });
    let (meeting_state, minutes_state) = row.ok_or(AppError::NotFound)?;
    if meeting_state != "closed" {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    Ok(minutes_state.as_deref().and_then(MinutesState::parse))
}

async fn write(
    tx: &mut Tx,
    meeting: Uuid,
    body: &str,
    state: MinutesState,
    user: Uuid,
) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into minutes (meeting_id, body, state, updated_by, updated_at)
             values ($1, $2, $3, $4, $5)
             on conflict (meeting_id) do update
             set body = excluded.body, state = excluded.state,
                 updated_by = excluded.updated_by, updated_at = excluded.updated_at,
                 approved_by = null, approved_at = null",
        )
        .bind(meeting)
        .bind(body)
        .bind(state.as_str())
        .bind(user)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// The secretariat saves its edit (`None`: draft again from the records). An approved draft
/// goes back to the chair.
pub async fn save(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
    body: Option<&str>,
) -> Result<(), AppError> {
    require_secretariat(user)?;
    standing(db, user, meeting).await?;
    let body = match body {
        Some(b) if b.trim().is_empty() || b.chars().count() > MAX_MINUTES_CHARS => {
            return Err(AppError::BadRequest(BadInput::Malformed))
        }
        Some(b) => b.to_owned(),
        None => draft(&facts(db, meeting).await?),
    };
    let mut tx = db.begin().await?;
    if state_in(&mut tx, meeting).await? == Some(MinutesState::Final) {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    write(&mut tx, meeting, &body, MinutesState::Draft, user.id).await?;
    append(
        &mut tx,
        Some(user.id),
        AuditEvent::MinutesSaved,
        Some(meeting),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The chair approves the draft as it stands (drafted from the records if never saved).
pub async fn approve(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<(), AppError> {
    // Chairs are Government members.
    if user.role != Role::Member {
        return Err(AppError::Forbidden);
    }
    let s = standing(db, user, meeting).await?;
    if s.chair != Some(user.id) {
        return Err(AppError::Forbidden);
    }
    let fresh = draft(&facts(db, meeting).await?);
    let mut tx = db.begin().await?;
    match state_in(&mut tx, meeting).await? {
        Some(MinutesState::Draft) => {}
        None => write(&mut tx, meeting, &fresh, MinutesState::Draft, user.id).await?,
        Some(_) => return Err(AppError::BadRequest(BadInput::MeetingState)),
    }
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update minutes set state = 'approved', approved_by = $2, approved_at = $3
             where meeting_id = $1",
        )
        .bind(meeting)
        .bind(user.id)
        .bind(Utc::now())
        .execute(&mut *conn)
        .await?;
    });
    append(
        &mut tx,
        Some(user.id),
        AuditEvent::MinutesApproved,
        Some(meeting),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The secretariat finalises approved minutes: locked, their SHA-256 kept and audited.
pub async fn finalise(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<(), AppError> {
    require_secretariat(user)?;
    standing(db, user, meeting).await?;
    let mut tx = db.begin().await?;
    if state_in(&mut tx, meeting).await? != Some(MinutesState::Approved) {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    let (body,): (String,) = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select body from minutes where meeting_id = $1")
            .bind(meeting)
            .fetch_one(&mut *conn)
            .await?
    });
    let sha = hex::encode(Sha256::digest(body.as_bytes()));
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update minutes set state = 'final', finalised_by = $2, finalised_at = $3,
                    body_sha256 = $4
             where meeting_id = $1",
        )
        .bind(meeting)
        .bind(user.id)
        .bind(Utc::now())
        .bind(&sha)
        .execute(&mut *conn)
        .await?;
    });
    crate::audit::store::append_detailed(
        &mut tx,
        Some(user.id),
        AuditEvent::MinutesFinalised,
        Some(meeting),
        format!("sha256={sha}"),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Whether the minutes of `meeting` are final (conclusions can no longer change).
pub async fn is_final_in(tx: &mut Tx, meeting: Uuid) -> Result<bool, sqlx::Error> {
    let (n,): (i64,) = with_tx!(tx, |conn| {
        sqlx::query_as("select count(*) from minutes where meeting_id = $1 and state = 'final'")
            .bind(meeting)
            .fetch_one(&mut *conn)
            .await?
    });
    Ok(n > 0)
}

/// The conclusions notice of a closed meeting, for whoever may read its minutes.
pub async fn notice(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<String, AppError> {
    view(db, user, meeting).await?;
    Ok(crate::room::conclusions::conclusions_notice(
        &facts(db, meeting).await?,
    ))
}

/// A task as the conclusions notice names it.
fn task_fact(t: &crate::tasks::model::TaskSummary) -> crate::room::conclusions::TaskFact {
    crate::room::conclusions::TaskFact {
        text: t.text.clone(),
        lead: t.lead.name_vi.clone(),
        coordinators: t.coordinators.iter().map(|m| m.name_vi.clone()).collect(),
        deadline: t.deadline,
        cycle: t.cycle.map(|c| c.label(crate::i18n::Lang::Vi).to_owned()),
    }
}
