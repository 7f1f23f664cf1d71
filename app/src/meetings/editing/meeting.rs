//! Preparing meetings (the secretariat): details, state, copying a past meeting, and the rules
//! every preparing act follows (what may change in which state; after publication, changes are
//! also recorded for members to see, and invitees are told). The agenda's items are edited in
//! [`crate::meetings::editing::agenda`], invitations in [`crate::meetings::editing::invitations`].
//! Each act is one transaction with its audit record.
use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::Tx;
use crate::error::{AppError, BadInput, OrInternal};
use crate::identity::model::{CurrentUser, NoticeKind};
use crate::identity::protocol::Office;
use crate::ids::new_id;
use crate::live::event::LiveEvent;
use crate::meetings::model::{ChangeKind, MeetingForm, MeetingKind, MeetingState, StateAction};
use crate::meetings::problem::MeetingProblem;
use crate::state::AppState;
use crate::with_tx;

pub(super) fn problem(p: MeetingProblem) -> AppError {
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

/// The active Prime Minister on `day` (the office ranked first in protocol order), if any.
async fn prime_minister_on(tx: &mut Tx, day: NaiveDate) -> Result<Option<Uuid>, AppError> {
    let found: Option<(Uuid,)> = with_tx!(tx, |conn| {
        sqlx::query_as(
            "select u.id from user_account u
             join appointment a on a.user_id = u.id
             where u.role = 'member' and u.active and a.protocol_rank = $1
               and a.starts_on <= $2 and (a.ends_on is null or a.ends_on >= $2)
             limit 1",
        )
        .bind(Office::PrimeMinister.protocol_rank())
        .bind(day)
        .fetch_optional(&mut *conn)
        .await?
    });
    Ok(found.map(|(id,)| id))
}

/// The state of a meeting, or `NotFound`.
pub(super) async fn state_of(tx: &mut Tx, meeting: Uuid) -> Result<MeetingState, AppError> {
    let row: Option<(String,)> = with_tx!(tx, |conn| {
        sqlx::query_as("select state from meeting where id = $1")
            .bind(meeting)
            .fetch_optional(&mut *conn)
            .await?
    });
    let (state,) = row.ok_or(AppError::NotFound)?;
    MeetingState::try_from(state).or_internal()
}

/// Whether members already have the meeting (changes are then shown to them).
pub(super) fn distributed(state: MeetingState) -> bool {
    matches!(
        state,
        MeetingState::Published | MeetingState::InProgress | MeetingState::Postponed
    )
}

pub(super) fn editable(state: MeetingState) -> Result<(), AppError> {
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
    kind: ChangeKind,
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
        .bind(kind.as_str())
        .bind(subject)
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// Commit, then tell open pages the meeting changed.
pub(super) async fn finish(state: &AppState, tx: Tx, meeting: Uuid) -> Result<(), AppError> {
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
    // Government meetings are chaired by the Prime Minister unless the form says otherwise.
    let chair = match valid.chair {
        Some(chair) => Some(chair),
        None => prime_minister_on(&mut tx, Utc::now().date_naive()).await?,
    };
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
        .bind(chair)
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
    note_change(&mut tx, meeting, current, ChangeKind::Details, None).await?;
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
        (StateAction::Publish, Draft | Postponed) => (
            Published,
            AuditEvent::MeetingPublished,
            NoticeKind::MeetingPublished,
        ),
        (StateAction::Postpone, Published) => (
            Postponed,
            AuditEvent::MeetingPostponed,
            NoticeKind::MeetingPostponed,
        ),
        (StateAction::Cancel, Draft | Published | Postponed) => (
            Cancelled,
            AuditEvent::MeetingCancelled,
            NoticeKind::MeetingCancelled,
        ),
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
        note_change(&mut tx, meeting, current, ChangeKind::State, None).await?;
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
