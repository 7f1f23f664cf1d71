//! Server functions of meeting preparation. The secretariat only: everyone else is refused
//! (403), whatever the meeting.
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;

use crate::error::AppError;
use crate::meetings::model::{ItemForm, MeetingEditor, MeetingForm, StateAction};

#[cfg(feature = "ssr")]
async fn secretariat(
) -> Result<(crate::identity::model::CurrentUser, crate::state::AppState), AppError> {
    let user = crate::identity::session::require_user().await?;
    if user.role != crate::identity::model::Role::Secretariat {
        return Err(AppError::Forbidden);
    }
    Ok((user, crate::state::AppState::from_context()?))
}

#[cfg(feature = "ssr")]
fn id(raw: &str) -> Result<Uuid, AppError> {
    crate::ids::parse_id(raw, crate::error::BadInput::Id)
}

#[server(prefix = "/api", endpoint = "meeting_editor")]
pub async fn get_meeting_editor(id: String) -> Result<MeetingEditor, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&id, crate::error::BadInput::MeetingId)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::store::editor(&state.db, &user, meeting).await
    })
    .await
}

/// Create a draft meeting; returns its id.
#[server(prefix = "/api", endpoint = "meeting_create", input = Json)]
pub async fn create_meeting(form: MeetingForm) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        let (user, state) = secretariat().await?;
        crate::meetings::editing::meeting::create(&state, &user, &form).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "meeting_update", input = Json)]
pub async fn update_meeting(id: String, form: MeetingForm) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&id, crate::error::BadInput::MeetingId)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::meeting::update(&state, &user, meeting, &form).await
    })
    .await
}

/// Publish, postpone or cancel.
#[server(prefix = "/api", endpoint = "meeting_state", input = Json)]
pub async fn change_meeting_state(id: String, action: StateAction) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&id, crate::error::BadInput::MeetingId)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::meeting::change_state(&state, &user, meeting, action).await
    })
    .await
}

/// A new draft from a past meeting; returns its id.
#[server(prefix = "/api", endpoint = "meeting_copy")]
pub async fn copy_meeting(id: String) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&id, crate::error::BadInput::MeetingId)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::meeting::copy(&state, &user, meeting).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "item_add", input = Json)]
pub async fn add_agenda_item(meeting_id: String, form: ItemForm) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::agenda::add_item(&state, &user, meeting, &form).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "item_update", input = Json)]
pub async fn update_agenda_item(id: String, form: ItemForm) -> Result<(), AppError> {
    crate::error::respond(async {
        let item = self::id(&id)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::agenda::update_item(&state, &user, item, &form).await
    })
    .await
}

/// The meeting's items in a new order (every item once).
#[server(prefix = "/api", endpoint = "items_reorder", input = Json)]
pub async fn reorder_agenda(meeting_id: String, order: Vec<String>) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let order = order.iter().map(|i| id(i)).collect::<Result<Vec<_>, _>>()?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::agenda::reorder(&state, &user, meeting, &order).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "item_remove")]
pub async fn remove_agenda_item(id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let item = self::id(&id)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::agenda::remove_item(&state, &user, item).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "document_remove")]
pub async fn remove_document(id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let document = self::id(&id)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::agenda::remove_document(&state, &user, document).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "document_downloadable")]
pub async fn set_document_downloadable(id: String, downloadable: bool) -> Result<(), AppError> {
    crate::error::respond(async {
        let document = self::id(&id)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::agenda::set_downloadable(&state, &user, document, downloadable)
            .await
    })
    .await
}

/// Give a document a title of its own.
#[server(prefix = "/api", endpoint = "document_title")]
pub async fn set_document_title(id: String, title: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let document = self::id(&id)?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::agenda::retitle_document(&state, &user, document, &title).await
    })
    .await
}

/// Invite exactly `members` to the whole meeting, or every Government member when `all`.
#[server(prefix = "/api", endpoint = "invitees_set", input = Json)]
pub async fn set_invitees(
    meeting_id: String,
    all: bool,
    members: Vec<String>,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let members = members
            .iter()
            .map(|m| id(m))
            .collect::<Result<Vec<_>, _>>()?;
        let (user, state) = secretariat().await?;
        let chosen = (!all).then_some(members.as_slice());
        crate::meetings::editing::invitations::set_invitees(&state, &user, meeting, chosen).await
    })
    .await
}

/// Invite exactly `guests` to one agenda item.
#[server(prefix = "/api", endpoint = "item_guests_set", input = Json)]
pub async fn set_item_guests(item_id: String, guests: Vec<String>) -> Result<(), AppError> {
    crate::error::respond(async {
        let item = id(&item_id)?;
        let guests = guests
            .iter()
            .map(|g| id(g))
            .collect::<Result<Vec<_>, _>>()?;
        let (user, state) = secretariat().await?;
        crate::meetings::editing::invitations::set_item_guests(&state, &user, item, &guests).await
    })
    .await
}

/// Who has opened and read what, for one meeting.
#[server(prefix = "/api", endpoint = "readiness")]
pub async fn get_readiness(
    meeting_id: String,
) -> Result<crate::meetings::model::Readiness, AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let (_, state) = secretariat().await?;
        crate::meetings::readiness::of_meeting(&state.db, meeting).await
    })
    .await
}
