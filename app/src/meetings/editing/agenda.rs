//! Preparing a meeting's agenda (the secretariat): its items, their order, and the documents
//! on them. Each act is one transaction with its audit record, under the rules of
//! [`crate::meetings::editing`] (what may change in which state; changes after publication
//! recorded and announced).
use chrono::Utc;
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::Tx;
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::ids::new_id;
use crate::meetings::editing::meeting::{editable, finish, note_change, problem, state_of};
use crate::meetings::model::{ChangeKind, ItemForm, MeetingState};
use crate::meetings::problem::MeetingProblem;
use crate::state::AppState;
use crate::with_tx;

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

/// The meeting of an item that may still lose items and documents (a draft's), or why not.
async fn draft_meeting_of(tx: &mut Tx, item: Uuid) -> Result<Uuid, AppError> {
    let meeting = item_meeting(tx, item).await?;
    if state_of(tx, meeting).await? != MeetingState::Draft {
        return Err(AppError::BadRequest(BadInput::MeetingState));
    }
    Ok(meeting)
}

/// Record an agenda change by `actor`, commit, and tell the meeting's tablets.
async fn agenda_changed(
    state: &AppState,
    mut tx: Tx,
    actor: &CurrentUser,
    meeting: Uuid,
) -> Result<(), AppError> {
    audit::append(
        &mut tx,
        Some(actor.id),
        AuditEvent::AgendaChanged,
        Some(meeting),
    )
    .await?;
    finish(state, tx, meeting).await
}

/// The meeting of an item, or `NotFound`.
pub(super) async fn item_meeting(tx: &mut Tx, item: Uuid) -> Result<Uuid, AppError> {
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
    note_change(&mut tx, meeting, current, ChangeKind::ItemAdded, Some(id)).await?;
    agenda_changed(state, tx, actor, meeting).await?;
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
    note_change(
        &mut tx,
        meeting,
        current,
        ChangeKind::ItemChanged,
        Some(item),
    )
    .await?;
    agenda_changed(state, tx, actor, meeting).await
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
    note_change(&mut tx, meeting, current, ChangeKind::ItemsReordered, None).await?;
    agenda_changed(state, tx, actor, meeting).await
}

/// Remove an item (and its documents) — only before publication.
pub async fn remove_item(
    state: &AppState,
    actor: &CurrentUser,
    item: Uuid,
) -> Result<(), AppError> {
    let mut tx = state.db.begin().await?;
    let meeting = draft_meeting_of(&mut tx, item).await?;
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
    agenda_changed(state, tx, actor, meeting).await
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
    let meeting = draft_meeting_of(&mut tx, item).await?;
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
    document_changed(state, tx, actor, row).await
}

/// Give a meeting's document a title of its own (it starts as its file name, cleaned).
pub async fn retitle_document(
    state: &AppState,
    actor: &CurrentUser,
    document: Uuid,
    title: &str,
) -> Result<(), AppError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(problem(MeetingProblem::TitleMissing));
    }
    let title: String = title.chars().take(500).collect();
    let mut tx = state.db.begin().await?;
    let row: Option<(Option<Uuid>,)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "update document set title = $1, title_terms = $2 where id = $3
             returning agenda_item_id",
        )
        .bind(&title)
        .bind(crate::terms::name_terms(&title))
        .bind(document)
        .fetch_optional(&mut *conn)
        .await?
    });
    document_changed(state, tx, actor, row).await
}

/// After a change to a document (`row`: its item, from `returning agenda_item_id`): `NotFound`
/// for no such document of a meeting, else the meeting's agenda changed.
async fn document_changed(
    state: &AppState,
    mut tx: Tx,
    actor: &CurrentUser,
    row: Option<(Option<Uuid>,)>,
) -> Result<(), AppError> {
    let item = row.and_then(|(i,)| i).ok_or(AppError::NotFound)?;
    let meeting = item_meeting(&mut tx, item).await?;
    agenda_changed(state, tx, actor, meeting).await
}
