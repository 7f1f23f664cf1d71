//! Preparing meetings (the secretariat): details, state, agenda items and their order,
//! invitations, copying a past meeting. Each act is one transaction with its audit record;
//! after publication, changes are also recorded for members to see, and invitees are told.
use chrono::{DateTime, NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::Tx;
use crate::error::{AppError, BadInput, MeetingProblem};
use crate::identity::model::CurrentUser;
use crate::ids::new_id;
use crate::live::event::LiveEvent;
use crate::meetings::model::{ItemForm, MeetingForm, MeetingKind, MeetingState, StateAction};
use crate::state::AppState;
use crate::with_tx;

fn problem(p: MeetingProblem) -> AppError {
    AppError::BadRequest(BadInput::Meeting(p))
}

/// A checked meeting form.
struct ValidMeeting {
    kind: MeetingKind,
    title: String,
    starts_at: DateTime<Utc>,
    place: Option<String>,
    online: bool,
    planned_minutes: i64,
    chair: Option<Uuid>,
}

fn validate_meeting(form: &MeetingForm) -> Result<ValidMeeting, AppError> {
    let title = form.title.trim();
    if title.is_empty() {
        return Err(problem(MeetingProblem::TitleMissing));
    }
    let kind = MeetingKind::try_from(form.kind.clone())
        .map_err(|_| problem(MeetingProblem::KindUnknown))?;
    let local = NaiveDateTime::parse_from_str(form.starts_local.trim(), "%Y-%m-%dT%H:%M")
        .map_err(|_| problem(MeetingProblem::StartInvalid))?;
    let starts_at = chrono_tz::Asia::Ho_Chi_Minh
        .from_local_datetime(&local)
        .single()
        .ok_or(problem(MeetingProblem::StartInvalid))?
        .with_timezone(&Utc);
    if !(1..=1440).contains(&form.planned_minutes) {
        return Err(problem(MeetingProblem::DurationInvalid));
    }
    let chair = match form.chair_id.trim() {
        "" => None,
        id => Some(
            crate::ids::parse_id(id, BadInput::UserId)
                .map_err(|_| problem(MeetingProblem::ChairUnknown))?,
        ),
    };
    let place = form.place.trim();
    Ok(ValidMeeting {
        kind,
        title: title.chars().take(300).collect(),
        starts_at,
        place: (!place.is_empty()).then(|| place.chars().take(200).collect()),
        online: form.online,
        planned_minutes: form.planned_minutes,
        chair,
    })
}

/// The chair must be an active member.
async fn check_chair(tx: &mut Tx, chair: Option<Uuid>) -> Result<(), AppError> {
    let Some(chair) = chair else { return Ok(()) };
    let found: Option<(Uuid,)> = with_tx!(tx, |conn| {
        sqlx::query_as("select id from user_account where id = $1 and role = 'member' and active")
            .bind(chair)
            .fetch_optional(&mut *conn)
            .await?
    });
    found
        .map(|_| ())
        .ok_or(problem(MeetingProblem::ChairUnknown))
}

/// The state of a meeting, or `NotFound`.
async fn state_of(tx: &mut Tx, meeting: Uuid) -> Result<MeetingState, AppError> {
    let row: Option<(String,)> = with_tx!(tx, |conn| {
        sqlx::query_as("select state from meeting where id = $1")
            .bind(meeting)
            .fetch_optional(&mut *conn)
            .await?
    });
    let (state,) = row.ok_or(AppError::NotFound)?;
    MeetingState::try_from(state).map_err(|_| AppError::Internal)
}

/// Whether members already have the meeting (changes are then shown to them).
fn distributed(state: MeetingState) -> bool {
    matches!(
        state,
        MeetingState::Published | MeetingState::InProgress | MeetingState::Postponed
    )
}

fn editable(state: MeetingState) -> Result<(), AppError> {
    match state {
        MeetingState::Draft | MeetingState::Published | MeetingState::Postponed => Ok(()),
        _ => Err(AppError::BadRequest(BadInput::MeetingState)),
    }
}

/// Record a change members will see, when the meeting is already theirs.
pub async fn note_change(
    tx: &mut Tx,
    meeting: Uuid,
    state: MeetingState,
    kind: &str,
    subject: Option<Uuid>,
) -> Result<(), sqlx::Error> {
    if !distributed(state) {
        return Ok(());
    }
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into meeting_change (id, meeting_id, at, kind, subject_id)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(new_id())
        .bind(meeting)
        .bind(Utc::now())
        .bind(kind)
        .bind(subject)
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// Commit, then tell open pages the meeting changed.
async fn finish(state: &AppState, tx: Tx, meeting: Uuid) -> Result<(), AppError> {
    tx.commit().await?;
    state
        .live
        .publish(
            &state.db,
            LiveEvent::MeetingChanged {
                meeting_id: meeting,
            },
        )
        .await;
    Ok(())
}

/// Create a draft meeting.
pub async fn create(
    state: &AppState,
    actor: &CurrentUser,
    form: &MeetingForm,
) -> Result<Uuid, AppError> {
    let valid = validate_meeting(form)?;
    let mut tx = state.db.begin().await?;
    check_chair(&mut tx, valid.chair).await?;
    let id = new_id();
    let now = Utc::now();
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into meeting (id, kind, title, starts_at, planned_minutes, place, online,
                                  state, chair_id, created_by, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $10, $10)",
        )
        .bind(id)
        .bind(valid.kind.as_str())
        .bind(&valid.title)
        .bind(valid.starts_at)
        .bind(valid.planned_minutes)
        .bind(&valid.place)
        .bind(valid.online)
        .bind(valid.chair)
        .bind(actor.id)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::MeetingCreated,
        Some(id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// Change a meeting's details.
pub async fn update(
    state: &AppState,
    actor: &CurrentUser,
    meeting: Uuid,
    form: &MeetingForm,
) -> Result<(), AppError> {
    let valid = validate_meeting(form)?;
    let mut tx = state.db.begin().await?;
    let current = state_of(&mut tx, meeting).await?;
    editable(current)?;
    check_chair(&mut tx, valid.chair).await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update meeting set kind = $1, title = $2, starts_at = $3, planned_minutes = $4,
                    place = $5, online = $6, chair_id = $7, updated_at = $8
             where id = $9",
        )
        .bind(valid.kind.as_str())
        .bind(&valid.title)
        .bind(valid.starts_at)
        .bind(valid.planned_minutes)
        .bind(&valid.place)
        .bind(valid.online)
        .bind(valid.chair)
        .bind(Utc::now())
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    });
    note_change(&mut tx, meeting, current, "details", None).await?;
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::MeetingChanged,
        Some(meeting),
    )
    .await?;
    finish(state, tx, meeting).await
}

/// Everyone a meeting concerns: invitees and the guests of its items.
async fn audience(tx: &mut Tx, meeting: Uuid) -> Result<Vec<Uuid>, sqlx::Error> {
    let rows: Vec<(Uuid,)> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "select user_id from invitation where meeting_id = $1
             union
             select g.user_id from item_guest g join agenda_item ai on ai.id = g.agenda_item_id
             where ai.meeting_id = $1",
        )
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?
    });
    Ok(rows.into_iter().map(|(id,)| id).collect())
}

/// Publish, postpone or cancel. Invitees (and guests) are notified in the app.
pub async fn change_state(
    state: &AppState,
    actor: &CurrentUser,
    meeting: Uuid,
    action: StateAction,
) -> Result<(), AppError> {
    use MeetingState::*;
    let mut tx = state.db.begin().await?;
    let current = state_of(&mut tx, meeting).await?;
    let (next, event, notice) = match (action, current) {
        (StateAction::Publish, Draft | Postponed) => {
            (Published, AuditEvent::MeetingPublished, "meeting_published")
        }
        (StateAction::Postpone, Published) => {
            (Postponed, AuditEvent::MeetingPostponed, "meeting_postponed")
        }
        (StateAction::Cancel, Draft | Published | Postponed) => {
            (Cancelled, AuditEvent::MeetingCancelled, "meeting_cancelled")
        }
        _ => return Err(AppError::BadRequest(BadInput::MeetingState)),
    };
    let now = Utc::now();
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update meeting set state = $1, updated_at = $2,
                    published_at = case when $1 = 'published' then coalesce(published_at, $2)
                                        else published_at end
             where id = $3",
        )
        .bind(next.as_str())
        .bind(now)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    });
    // A cancelled draft concerns nobody yet.
    if current != Draft {
        note_change(&mut tx, meeting, current, "state", None).await?;
    }
    if current != Draft || next == Published {
        for person in audience(&mut tx, meeting).await? {
            crate::identity::notifications::add_about_in(&mut tx, person, notice, meeting).await?;
        }
    }
    audit::append(&mut tx, Some(actor.id), event, Some(meeting)).await?;
    finish(state, tx, meeting).await
}

/// A new draft copied from `meeting`: its details (a week later), items and invitations —
/// not its documents.
pub async fn copy(state: &AppState, actor: &CurrentUser, meeting: Uuid) -> Result<Uuid, AppError> {
    let mut tx = state.db.begin().await?;
    state_of(&mut tx, meeting).await?;
    let id = new_id();
    let now = Utc::now();
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into meeting (id, kind, title, starts_at, planned_minutes, place, online,
                                  time_zone, state, chair_id, created_by, created_at, updated_at)
             select $1, kind, title, starts_at, planned_minutes, place, online, time_zone,
                    'draft', chair_id, $2, $3, $3
             from meeting where id = $4",
        )
        .bind(id)
        .bind(actor.id)
        .bind(now)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
        // A week later: the usual rhythm of regular sessions.
        let (starts,): (DateTime<Utc>,) =
            sqlx::query_as("select starts_at from meeting where id = $1")
                .bind(id)
                .fetch_one(&mut *conn)
                .await?;
        sqlx::query("update meeting set starts_at = $1 where id = $2")
            .bind(starts + chrono::Duration::days(7))
            .bind(id)
            .execute(&mut *conn)
            .await?;
        let items: Vec<(Uuid, i64, String, Option<Uuid>, i64)> = sqlx::query_as(
            "select id, position, title, presenter_ministry_id, planned_minutes
             from agenda_item where meeting_id = $1 order by position",
        )
        .bind(meeting)
        .fetch_all(&mut *conn)
        .await?;
        for (_, position, title, presenter, minutes) in items {
            sqlx::query(
                "insert into agenda_item (id, meeting_id, position, title, presenter_ministry_id,
                                          planned_minutes, created_at, updated_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $7)",
            )
            .bind(new_id())
            .bind(id)
            .bind(position)
            .bind(&title)
            .bind(presenter)
            .bind(minutes)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
        sqlx::query(
            "insert into invitation (meeting_id, user_id, created_at)
             select $1, user_id, $2 from invitation where meeting_id = $3",
        )
        .bind(id)
        .bind(now)
        .bind(meeting)
        .execute(&mut *conn)
        .await?;
    });
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::MeetingCreated,
        Some(id),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

struct ValidItem {
    title: String,
    presenter: Option<Uuid>,
    planned_minutes: i64,
}

async fn validate_item(tx: &mut Tx, form: &ItemForm) -> Result<ValidItem, AppError> {
    let title = form.title.trim();
    if title.is_empty() {
        return Err(problem(MeetingProblem::TitleMissing));
    }
    if !(0..=1440).contains(&form.planned_minutes) {
        return Err(problem(MeetingProblem::DurationInvalid));
    }
    let presenter = match form.presenter.trim() {
        "" => None,
        code => {
            let found: Option<(Uuid,)> = with_tx!(tx, |conn| {
                sqlx::query_as("select id from ministry where code = $1")
                    .bind(code.to_uppercase())
                    .fetch_optional(&mut *conn)
                    .await?
            });
            Some(found.ok_or(problem(MeetingProblem::MinistryUnknown))?.0)
        }
    };
    Ok(ValidItem {
        title: title.chars().take(500).collect(),
        presenter,
        planned_minutes: form.planned_minutes,
    })
}

/// The meeting of an item, or `NotFound`.
async fn item_meeting(tx: &mut Tx, item: Uuid) -> Result<Uuid, AppError> {
    let row: Option<(Uuid,)> = with_tx!(tx, |conn| {
        sqlx::query_as("select meeting_id from agenda_item where id = $1")
            .bind(item)
            .fetch_optional(&mut *conn)
            .await?
    });
    row.map(|(m,)| m).ok_or(AppError::NotFound)
}

/// Add an item at the end of the agenda.
pub async fn add_item(
    state: &AppState,
    actor: &CurrentUser,
    meeting: Uuid,
    form: &ItemForm,
) -> Result<Uuid, AppError> {
    let mut tx = state.db.begin().await?;
    let current = state_of(&mut tx, meeting).await?;
    editable(current)?;
    let valid = validate_item(&mut tx, form).await?;
    let id = new_id();
    let now = Utc::now();
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into agenda_item (id, meeting_id, position, title, presenter_ministry_id,
                                      planned_minutes, created_at, updated_at)
             values ($1, $2, (select coalesce(max(position), 0) + 1 from agenda_item
                              where meeting_id = $2), $3, $4, $5, $6, $6)",
        )
        .bind(id)
        .bind(meeting)
        .bind(&valid.title)
        .bind(valid.presenter)
        .bind(valid.planned_minutes)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    note_change(&mut tx, meeting, current, "item_added", Some(id)).await?;
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::AgendaChanged,
        Some(meeting),
    )
    .await?;
    finish(state, tx, meeting).await?;
    Ok(id)
}

pub async fn update_item(
    state: &AppState,
    actor: &CurrentUser,
    item: Uuid,
    form: &ItemForm,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let meeting = item_meeting(&mut tx, item).await?;
    let current = state_of(&mut tx, meeting).await?;
    editable(current)?;
    let valid = validate_item(&mut tx, form).await?;
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "update agenda_item set title = $1, presenter_ministry_id = $2, planned_minutes = $3,
                    updated_at = $4 where id = $5",
        )
        .bind(&valid.title)
        .bind(valid.presenter)
        .bind(valid.planned_minutes)
        .bind(Utc::now())
        .bind(item)
        .execute(&mut *conn)
        .await?;
    });
    note_change(&mut tx, meeting, current, "item_changed", Some(item)).await?;
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::AgendaChanged,
        Some(meeting),
    )
    .await?;
    finish(state, tx, meeting).await
}

/// Put the meeting's items in this order (drag and drop, or the up/down buttons).
pub async fn reorder(
    state: &AppState,
    actor: &CurrentUser,
    meeting: Uuid,
    order: &[Uuid],
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let current = state_of(&mut tx, meeting).await?;
    editable(current)?;
    let existing: Vec<(Uuid,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select id from agenda_item where meeting_id = $1")
            .bind(meeting)
            .fetch_all(&mut *conn)
            .await?
    });
    let mut have: Vec<Uuid> = existing.into_iter().map(|(id,)| id).collect();
    let mut want = order.to_vec();
    have.sort();
    want.sort();
    if have != want {
        return Err(problem(MeetingProblem::OrderInvalid));
    }
    with_tx!(&mut tx, |conn| {
        // Out of the way first: positions need not be unique in between.
        for (index, id) in order.iter().enumerate() {
            sqlx::query("update agenda_item set position = $1, updated_at = $2 where id = $3")
                .bind(i64::try_from(index + 1).unwrap_or(i64::MAX))
                .bind(Utc::now())
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    });
    note_change(&mut tx, meeting, current, "items_reordered", None).await?;
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::AgendaChanged,
        Some(meeting),
    )
    .await?;
    finish(state, tx, meeting).await
}

/// Remove an item (and its documents) — only before publication.
pub async fn remove_item(
    state: &AppState,
    actor: &CurrentUser,
    item: Uuid,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let meeting = item_meeting(&mut tx, item).await?;
    if state_of(&mut tx, meeting).await? != MeetingState::Draft {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    with_tx!(&mut tx, |conn| {
        sqlx::query("delete from agenda_item where id = $1")
            .bind(item)
            .execute(&mut *conn)
            .await?;
        // Close the gap.
        let rest: Vec<(Uuid,)> =
            sqlx::query_as("select id from agenda_item where meeting_id = $1 order by position")
                .bind(meeting)
                .fetch_all(&mut *conn)
                .await?;
        for (index, (id,)) in rest.iter().enumerate() {
            sqlx::query("update agenda_item set position = $1 where id = $2")
                .bind(i64::try_from(index + 1).unwrap_or(i64::MAX))
                .bind(id)
                .execute(&mut *conn)
                .await?;
        }
    });
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::AgendaChanged,
        Some(meeting),
    )
    .await?;
    finish(state, tx, meeting).await
}

/// Remove a document — only before publication.
pub async fn remove_document(
    state: &AppState,
    actor: &CurrentUser,
    document: Uuid,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let row: Option<(Option<Uuid>, Option<Uuid>)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as("select agenda_item_id, ballot_id from document where id = $1")
            .bind(document)
            .fetch_optional(&mut *conn)
            .await?
    });
    let item = match row {
        Some((Some(item), _)) => item,
        // A ballot's draft document: the ballot's rules.
        Some((None, Some(ballot))) => {
            crate::ballots::editing::remove_document_in(&mut tx, actor, ballot, document).await?;
            tx.commit().await?;
            state
                .live
                .publish(
                    &state.db,
                    crate::live::event::LiveEvent::BallotChanged { ballot_id: ballot },
                )
                .await;
            return Ok(());
        }
        _ => return Err(AppError::NotFound),
    };
    let meeting = item_meeting(&mut tx, item).await?;
    if state_of(&mut tx, meeting).await? != MeetingState::Draft {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    with_tx!(&mut tx, |conn| {
        sqlx::query("delete from document where id = $1")
            .bind(document)
            .execute(&mut *conn)
            .await?;
    });
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::DocumentRemoved,
        Some(document),
    )
    .await?;
    finish(state, tx, meeting).await
}

/// Whether members may download a document (else they read it in the app only).
pub async fn set_downloadable(
    state: &AppState,
    actor: &CurrentUser,
    document: Uuid,
    downloadable: bool,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let row: Option<(Option<Uuid>,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "update document set downloadable = $1 where id = $2 returning agenda_item_id",
        )
        .bind(downloadable)
        .bind(document)
        .fetch_optional(&mut *conn)
        .await?
    });
    let item = row.and_then(|(i,)| i).ok_or(AppError::NotFound)?;
    let meeting = item_meeting(&mut tx, item).await?;
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::AgendaChanged,
        Some(meeting),
    )
    .await?;
    finish(state, tx, meeting).await
}

/// Active accounts of one of `roles` among `people`, or the invitee problem.
async fn check_people(tx: &mut Tx, people: &[Uuid], role: &str) -> Result<(), AppError> {
    for person in people {
        let found: Option<(Uuid,)> = with_tx!(&mut *tx, |conn| {
            sqlx::query_as("select id from user_account where id = $1 and role = $2 and active")
                .bind(person)
                .bind(role)
                .fetch_optional(&mut *conn)
                .await?
        });
        if found.is_none() {
            return Err(problem(MeetingProblem::PersonUnknown));
        }
    }
    Ok(())
}

/// Where people are invited: to a whole meeting, or as guests of one item.
#[derive(Clone, Copy)]
enum Invited {
    Meeting(Uuid),
    Item(Uuid),
}

/// Replace the people invited to `to` with `people` (in the caller's transaction), and audit
/// it against `meeting`.
async fn replace_people(
    tx: &mut Tx,
    actor: &CurrentUser,
    meeting: Uuid,
    to: Invited,
    people: &[Uuid],
) -> Result<(), AppError> {
    let (table, key, scope) = match to {
        Invited::Meeting(id) => ("invitation", "meeting_id", id),
        Invited::Item(id) => ("item_guest", "agenda_item_id", id),
    };
    let now = Utc::now();
    with_tx!(tx, |conn| {
        sqlx::query(&format!("delete from {table} where {key} = $1"))
            .bind(scope)
            .execute(&mut *conn)
            .await?;
        for person in people {
            sqlx::query(&format!(
                "insert into {table} ({key}, user_id, created_at) values ($1, $2, $3)"
            ))
            .bind(scope)
            .bind(person)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    });
    audit::append(
        tx,
        Some(actor.id),
        AuditEvent::InvitationsChanged,
        Some(meeting),
    )
    .await?;
    Ok(())
}

/// Invite exactly these members to the whole meeting (`None`: every active member).
pub async fn set_invitees(
    state: &AppState,
    actor: &CurrentUser,
    meeting: Uuid,
    members: Option<&[Uuid]>,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let current = state_of(&mut tx, meeting).await?;
    editable(current)?;
    let members: Vec<Uuid> = match members {
        Some(list) => {
            check_people(&mut tx, list, "member").await?;
            list.to_vec()
        }
        None => {
            let all: Vec<(Uuid,)> = with_tx!(&mut tx, |conn| {
                sqlx::query_as("select id from user_account where role = 'member' and active")
                    .fetch_all(&mut *conn)
                    .await?
            });
            all.into_iter().map(|(id,)| id).collect()
        }
    };
    replace_people(&mut tx, actor, meeting, Invited::Meeting(meeting), &members).await?;
    finish(state, tx, meeting).await
}

/// Invite exactly these guests to one item.
pub async fn set_item_guests(
    state: &AppState,
    actor: &CurrentUser,
    item: Uuid,
    guests: &[Uuid],
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let meeting = item_meeting(&mut tx, item).await?;
    editable(state_of(&mut tx, meeting).await?)?;
    check_people(&mut tx, guests, "guest").await?;
    replace_people(&mut tx, actor, meeting, Invited::Item(item), guests).await?;
    finish(state, tx, meeting).await
}
