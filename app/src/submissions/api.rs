//! Server functions of submissions. Every one decides on the server who may do what
//! (`submissions::access`: a ministry's officers prepare; its minister and the Government
//! Office read).
use leptos::prelude::*;

use crate::error::AppError;
use crate::submissions::model::{SubmissionForm, SubmissionSummary, SubmissionView};

#[cfg(feature = "ssr")]
use crate::identity::session::caller;

/// The submissions the caller may see, the latest change first.
#[server(prefix = "/api", endpoint = "submissions")]
pub async fn list_submissions() -> Result<Vec<SubmissionSummary>, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::submissions::store::list_for(&state.db, &user).await
    })
    .await
}

/// One submission: its facts, documents against its checklist, its history.
#[server(prefix = "/api", endpoint = "submission")]
pub async fn get_submission(id: String) -> Result<SubmissionView, AppError> {
    crate::error::respond(async {
        let id = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let (user, state) = caller().await?;
        crate::submissions::store::view(&state.db, &user, id).await
    })
    .await
}

/// Save a submission's facts (a ministry's officer): a new one when `id` is empty; its id.
#[server(prefix = "/api", endpoint = "submission_save")]
pub async fn save_submission(id: String, form: SubmissionForm) -> Result<String, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        let id = match id.trim() {
            "" => None,
            raw => Some(crate::ids::parse_id(raw, crate::error::BadInput::Id)?),
        };
        let today = crate::submissions::store::today();
        crate::submissions::editing::save(&state.db, &user, id, &form, today)
            .await
            .map(|id| id.to_string())
    })
    .await
}

/// The Government members of the caller's ministry (an officer's): who may present.
#[server(prefix = "/api", endpoint = "submission_presenters")]
pub async fn submission_presenters() -> Result<Vec<(uuid::Uuid, String)>, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        let ministry = crate::submissions::access::preparer_ministry(&state.db, &user).await?;
        crate::submissions::store::members_of(&state.db, ministry).await
    })
    .await
}

/// Begin signing and sending (the ministry's Government member): a nonce and the passkey
/// request whose challenge is SHA-256(canonical submission ‖ nonce).
/// `revision`: the revision the minister reviewed (the page's).
#[server(prefix = "/api", endpoint = "submission_send_start")]
pub async fn start_sending(
    id: String,
    revision: i64,
) -> Result<crate::ballots::model::SignRequest, AppError> {
    crate::error::respond(async {
        let id = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let (user, state) = caller().await?;
        let (_, rp_id) = crate::ballots::api::relying_party(&state)?;
        crate::submissions::sending::start_send(&state.db, &user, &rp_id, id, revision).await
    })
    .await
}

/// Send, signed: the nonce from `submission_send_start` and the passkey's assertion.
#[server(prefix = "/api", endpoint = "submission_send", input = leptos::server_fn::codec::Json)]
pub async fn send_signed(
    id: String,
    nonce: String,
    credential: webauthn_rs_proto::PublicKeyCredential,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let id = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let (user, state) = caller().await?;
        let (origin, rp_id) = crate::ballots::api::relying_party(&state)?;
        let party = crate::ballots::answers::RelyingParty {
            origin: &origin,
            rp_id: &rp_id,
        };
        crate::submissions::sending::finish_send(&state.db, &user, &party, id, &nonce, &credential)
            .await
    })
    .await
}
