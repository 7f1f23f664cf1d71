//! Server functions of the reader: opening a document, reading progress, private notes.
//! Each one checks that the caller may read the document (the meeting's rules; a guest only
//! their items' documents); notes are further scoped to their author.
use leptos::prelude::*;
use uuid::Uuid;

use crate::documents::model::{Note, ReaderView};
use crate::error::AppError;

#[cfg(feature = "ssr")]
async fn readable(
    document_id: &str,
) -> Result<
    (
        crate::identity::model::CurrentUser,
        crate::state::AppState,
        crate::documents::access::ReadableDocument,
    ),
    AppError,
> {
    let id = crate::ids::parse_id(document_id, crate::error::BadInput::Id)?;
    let user = crate::identity::session::require_user().await?;
    let state = crate::state::AppState::from_context()?;
    let doc = crate::documents::access::readable(&state.db, &user, id).await?;
    Ok((user, state, doc))
}

/// Open a document in the reader (audited); where to start and what to show around it.
#[server(prefix = "/api", endpoint = "reader_open")]
pub async fn open_reader(document_id: String) -> Result<ReaderView, AppError> {
    crate::error::respond(async {
        let (user, state, doc) = readable(&document_id).await?;
        crate::documents::reading::open(&state.db, &user, &doc).await
    })
    .await
}

/// A page of a version was on the reader's screen (sent by the reader script).
#[server(prefix = "/api", endpoint = "record_page_view")]
pub async fn record_page_view(
    document_id: String,
    version_id: String,
    page: i64,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let version = crate::ids::parse_id(&version_id, crate::error::BadInput::Id)?;
        let (user, state, doc) = readable(&document_id).await?;
        crate::documents::reading::record_page(&state.db, &user, &doc, version, page).await
    })
    .await
}

/// The caller's notes on one document (every version).
#[server(prefix = "/api", endpoint = "notes_of_document")]
pub async fn get_document_notes(document_id: String) -> Result<Vec<Note>, AppError> {
    crate::error::respond(async {
        let (user, state, doc) = readable(&document_id).await?;
        crate::documents::notes::of_document(&state.db, &user, doc.document_id).await
    })
    .await
}

/// The caller's notes on the documents of one meeting.
#[server(prefix = "/api", endpoint = "notes_of_meeting")]
pub async fn get_meeting_notes(meeting_id: String) -> Result<Vec<Note>, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        if !crate::meetings::store::visible(&state.db, &user, meeting).await? {
            return Err(AppError::NotFound);
        }
        crate::documents::notes::of_meeting(&state.db, &user, meeting).await
    })
    .await
}

/// Write a note on a page of the document's latest version; returns its id.
#[server(prefix = "/api", endpoint = "note_add")]
pub async fn add_note(document_id: String, page: i64, body: String) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        let (user, state, doc) = readable(&document_id).await?;
        crate::documents::notes::add(&state.db, &user, &doc, page, &body).await
    })
    .await
}

/// Delete one of the caller's notes.
#[server(prefix = "/api", endpoint = "note_delete")]
pub async fn delete_note(id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let id = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::documents::notes::remove(&state.db, &user, id).await
    })
    .await
}
