//! Running the meeting (the chair or the secretariat): open, pause and resume, adopt the
//! consent block, take up and end items, give the floor, record conclusions, close. Each act
//! is one transaction with its audit record; times are the server's clock.
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store::append_rows;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput, OrInternal};
use crate::identity::model::{CurrentUser, Role};
use crate::meetings::model::MeetingState;
use crate::room::model::RoomAct;
use crate::room::problem::RoomProblem;
use crate::with_tx;

/// The longest conclusion, in characters.
pub const MAX_CONCLUSION_CHARS: usize = 5000;

pub fn problem(p: RoomProblem) -> AppError {
    AppError::BadRequest(BadInput::Room(p))
}

/// Only the secretariat and the meeting's chair run it; others who see the meeting are
/// refused, others still do not learn it exists.
pub async fn require_chair(db: &Db, user: &CurrentUser, meeting: Uuid) -> Result<(), AppError> {
    if !crate::meetings::store::visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    if user.role == Role::Secretariat {
        return Ok(());
    }
    let chair: Option<(Option<Uuid>,)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select chair_id from meeting where id = $1")
            .bind(meeting)
            .fetch_optional(pool)
            .await
    })?;
    match chair {
        Some((Some(chair),)) if chair == user.id && user.role == Role::Member => Ok(()),
        _ => Err(AppError::Forbidden),
    }
}

/// The meeting's state and the item under discussion, locked for the rest of the
/// transaction on PostgreSQL (SQLite's write transactions are already exclusive).
pub async fn meeting_in(
    tx: &mut Tx,
    meeting: Uuid,
) -> Result<(MeetingState, Option<Uuid>), AppError> {
    let sql = match tx {
        Tx::Postgres(_) => "select state, current_item_id from meeting where id = $1 for update",
        Tx::Sqlite(_) => "select state, current_item_id from meeting where id = $1",
    };
    let row: Option<(String, Option<Uuid>)> = with_tx!(tx, |conn| {
        sqlx::query_as(sql)
            .bind(meeting)
            .fetch_optional(&mut *conn)
            .await?
    });
    let (state, current) = row.ok_or(AppError::NotFound)?;
    Ok((MeetingState::try_from(state).or_internal()?, current))
}

fn running(state: MeetingState) -> Result<(), AppError> {
    if state == MeetingState::InProgress {
        Ok(())
    } else {
        Err(problem(RoomProblem::NotRunning))
    }
}

/// Do `act` on `meeting` as `user` (already known to chair it). Returns whether the
/// meeting's state changed (its pages then re-read the meeting too).
pub async fn act(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
    act: &RoomAct,
) -> Result<bool, AppError> {
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let (state, current) = meeting_in(&mut tx, meeting).await?;
    // What the record vouches for beyond the act: a conclusion's text, by its hash.
    let mut detail = None;
    let (event, subject, state_changed) = match act {
        RoomAct::Open => {
            if !matches!(state, MeetingState::Published | MeetingState::Postponed) {
                return Err(problem(RoomProblem::CannotOpen));
            }
            with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update meeting set state = 'in_progress', actual_start_at = $2,
                            updated_at = $2 where id = $1",
                )
                .bind(meeting)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            });
            (AuditEvent::MeetingOpened, meeting, true)
        }
        RoomAct::Pause => {
            running(state)?;
            if paused(&mut tx, meeting).await? {
                return Err(problem(RoomProblem::AlreadyPaused));
            }
            with_tx!(&mut tx, |conn| {
                sqlx::query("insert into meeting_pause (meeting_id, started_at) values ($1, $2)")
                    .bind(meeting)
                    .bind(now)
                    .execute(&mut *conn)
                    .await?;
            });
            (AuditEvent::MeetingPaused, meeting, false)
        }
        RoomAct::Resume => {
            running(state)?;
            if !paused(&mut tx, meeting).await? {
                return Err(problem(RoomProblem::NotPaused));
            }
            end_pause(&mut tx, meeting, now).await?;
            (AuditEvent::MeetingResumed, meeting, false)
        }
        RoomAct::AdoptConsent => {
            running(state)?;
            let adopted = with_tx!(&mut tx, |conn| {
                // Items nobody invited asked to speak on nor objected to, not taken up yet.
                sqlx::query(&format!(
                    "update agenda_item set consent = true, started_at = $2, ended_at = $2,
                            updated_at = $2
                     where meeting_id = $1 and started_at is null and not consent
                       and {}",
                    crate::room::store::UNOPPOSED
                ))
                .bind(meeting)
                .bind(now)
                .execute(&mut *conn)
                .await?
                .rows_affected()
            });
            if adopted == 0 {
                return Err(problem(RoomProblem::NothingToAdopt));
            }
            (AuditEvent::ConsentAdopted, meeting, false)
        }
        RoomAct::StartItem(item) => {
            running(state)?;
            let pending: Option<(bool,)> = with_tx!(&mut tx, |conn| {
                sqlx::query_as(
                    "select started_at is null and not consent from agenda_item
                     where id = $1 and meeting_id = $2",
                )
                .bind(item)
                .bind(meeting)
                .fetch_optional(&mut *conn)
                .await?
            });
            match pending {
                None => return Err(AppError::NotFound),
                Some((false,)) => return Err(problem(RoomProblem::ItemNotPending)),
                Some((true,)) => {}
            }
            if let Some(current) = current {
                end_item(&mut tx, current, now).await?;
            }
            with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update agenda_item set started_at = $2, updated_at = $2 where id = $1",
                )
                .bind(item)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                sqlx::query(
                    "update meeting set current_item_id = $2, updated_at = $3 where id = $1",
                )
                .bind(meeting)
                .bind(item)
                .bind(now)
                .execute(&mut *conn)
                .await?;
                // Members who asked before the meeting to speak on it are queued, in the
                // order they asked.
                let wished: Vec<(Uuid, DateTime<Utc>)> = sqlx::query_as(
                    "select p.user_id, p.updated_at from item_position p
                     join invitation i on i.user_id = p.user_id and i.meeting_id = $2
                     where p.agenda_item_id = $1 and p.stance = 'speak'
                       and not exists (select 1 from attendance t where t.meeting_id = $2
                                       and t.user_id = p.user_id and t.status = 'absent')
                     order by p.updated_at",
                )
                .bind(item)
                .bind(meeting)
                .fetch_all(&mut *conn)
                .await?;
                for (member, asked_at) in wished {
                    sqlx::query(
                        "insert into speech (id, agenda_item_id, user_id, requested_at)
                         values ($1, $2, $3, $4)",
                    )
                    .bind(crate::ids::new_id())
                    .bind(item)
                    .bind(member)
                    .bind(asked_at)
                    .execute(&mut *conn)
                    .await?;
                }
            });
            (AuditEvent::ItemStarted, *item, false)
        }
        RoomAct::EndItem => {
            running(state)?;
            let current = current.ok_or(problem(RoomProblem::NoCurrentItem))?;
            end_item(&mut tx, current, now).await?;
            with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update meeting set current_item_id = null, updated_at = $2 where id = $1",
                )
                .bind(meeting)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            });
            (AuditEvent::ItemEnded, current, false)
        }
        RoomAct::GiveFloor(speech) => {
            running(state)?;
            let current = current.ok_or(problem(RoomProblem::NoCurrentItem))?;
            end_speech(&mut tx, current, now).await?;
            let given = with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update speech set started_at = $3 where id = $1 and agenda_item_id = $2
                       and started_at is null and withdrawn_at is null",
                )
                .bind(speech)
                .bind(current)
                .bind(now)
                .execute(&mut *conn)
                .await?
                .rows_affected()
            });
            if given == 0 {
                return Err(problem(RoomProblem::SpeakerNotWaiting));
            }
            (AuditEvent::FloorGiven, *speech, false)
        }
        RoomAct::EndFloor => {
            running(state)?;
            let current = current.ok_or(problem(RoomProblem::NoCurrentItem))?;
            if end_speech(&mut tx, current, now).await? == 0 {
                return Err(problem(RoomProblem::NobodySpeaking));
            }
            (AuditEvent::FloorGiven, current, false)
        }
        RoomAct::Conclude { item, text } => {
            if !matches!(state, MeetingState::InProgress | MeetingState::Closed) {
                return Err(problem(RoomProblem::NotRunning));
            }
            // Final minutes lock the conclusions they record.
            if crate::room::minutes_store::is_final_in(&mut tx, meeting).await? {
                return Err(AppError::BadRequest(BadInput::MeetingState));
            }
            let text = text.trim();
            if text.is_empty() || text.chars().count() > MAX_CONCLUSION_CHARS {
                return Err(problem(RoomProblem::ConclusionInvalid));
            }
            let found = with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update agenda_item set conclusion = $3, concluded_at = $4, updated_at = $4
                     where id = $1 and meeting_id = $2",
                )
                .bind(item)
                .bind(meeting)
                .bind(text)
                .bind(now)
                .execute(&mut *conn)
                .await?
                .rows_affected()
            });
            if found == 0 {
                return Err(AppError::NotFound);
            }
            detail = Some(crate::audit::content::sha256_detail(text.as_bytes()));
            (AuditEvent::ConclusionRecorded, *item, false)
        }
        RoomAct::EndVote(ballot) => {
            let open: Option<(String,)> = with_tx!(&mut tx, |conn| {
                sqlx::query_as("select state from ballot where id = $1 and meeting_id = $2")
                    .bind(ballot)
                    .bind(meeting)
                    .fetch_optional(&mut *conn)
                    .await?
            });
            match open {
                None => return Err(AppError::NotFound),
                Some((state,)) if state != "open" => {
                    return Err(AppError::BadRequest(BadInput::Ballot(
                        crate::ballots::problem::BallotProblem::NotOpen,
                    )))
                }
                Some(_) => {}
            }
            // Closing records itself in the audit chain.
            crate::ballots::results::close_in(&mut tx, *ballot, Some(user.id)).await?;
            tx.commit().await?;
            return Ok(false);
        }
        RoomAct::Close => {
            running(state)?;
            if let Some(current) = current {
                end_item(&mut tx, current, now).await?;
            }
            end_pause(&mut tx, meeting, now).await?;
            with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update meeting set state = 'closed', actual_end_at = $2,
                            current_item_id = null, updated_at = $2 where id = $1",
                )
                .bind(meeting)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            });
            (AuditEvent::MeetingClosed, meeting, true)
        }
    };
    append_rows(&mut tx, &[(Some(user.id), event, Some(subject), detail)]).await?;
    tx.commit().await?;
    Ok(state_changed)
}

async fn paused(tx: &mut Tx, meeting: Uuid) -> Result<bool, sqlx::Error> {
    let (open,): (i64,) = with_tx!(tx, |conn| {
        sqlx::query_as(
            "select count(*) from meeting_pause where meeting_id = $1 and ended_at is null",
        )
        .bind(meeting)
        .fetch_one(&mut *conn)
        .await?
    });
    Ok(open > 0)
}

async fn end_pause(tx: &mut Tx, meeting: Uuid, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    with_tx!(tx, |conn| {
        sqlx::query(
            "update meeting_pause set ended_at = $2 where meeting_id = $1 and ended_at is null",
        )
        .bind(meeting)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// End the current speaker's time on `item`; how many were speaking (0 or 1).
async fn end_speech(tx: &mut Tx, item: Uuid, now: DateTime<Utc>) -> Result<u64, sqlx::Error> {
    Ok(with_tx!(tx, |conn| {
        sqlx::query(
            "update speech set ended_at = $2
             where agenda_item_id = $1 and started_at is not null and ended_at is null",
        )
        .bind(item)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected()
    }))
}

/// End `item` (and its speaker's time); requests still waiting lapse.
async fn end_item(tx: &mut Tx, item: Uuid, now: DateTime<Utc>) -> Result<(), sqlx::Error> {
    end_speech(tx, item, now).await?;
    with_tx!(tx, |conn| {
        sqlx::query("update agenda_item set ended_at = $2, updated_at = $2 where id = $1")
            .bind(item)
            .bind(now)
            .execute(&mut *conn)
            .await?;
    });
    Ok(())
}
