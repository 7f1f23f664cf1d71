//! Passkey server functions: enrolment through a one-time link, and username-less sign-in.
//! Each ceremony is two calls (start → the browser's authenticator → finish).
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
use uuid::Uuid;
use webauthn_rs_proto::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

use crate::error::AppError;
use crate::identity::model::Title;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrolmentInfo {
    pub full_name: String,
    pub title: Option<Title>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EnrolmentStart {
    pub ceremony: Uuid,
    pub options: CreationChallengeResponse,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignInStart {
    pub ceremony: Uuid,
    pub options: RequestChallengeResponse,
}

/// Whom an enrolment link is for. Reading it does not use it up (link previews are safe).
#[server(prefix = "/api", endpoint = "enrolment_info")]
pub async fn get_enrolment_info(token: String) -> Result<EnrolmentInfo, AppError> {
    crate::error::respond(async {
        let state = crate::state::AppState::from_context()?;
        let user_id = crate::identity::passkeys::enrolment_user(&state.db, &token).await?;
        let user = crate::identity::store::current_user(&state.db, user_id)
            .await?
            .ok_or(AppError::BadRequest(crate::error::BadInput::EnrolmentLink))?;
        Ok(EnrolmentInfo {
            full_name: user.full_name,
            title: user.title,
        })
    })
    .await
}

#[server(prefix = "/api", endpoint = "enrol_start")]
pub async fn start_enrolment(token: String) -> Result<EnrolmentStart, AppError> {
    crate::error::respond(async {
        let state = crate::state::AppState::from_context()?;
        let (ceremony, options) =
            crate::identity::passkeys::start_enrolment(&state.db, &state.webauthn, &token).await?;
        Ok(EnrolmentStart { ceremony, options })
    })
    .await
}

/// Finish enrolment; on success the new passkey's owner is signed in on this device.
#[server(prefix = "/api", endpoint = "enrol_finish", input = Json)]
pub async fn finish_enrolment(
    token: String,
    ceremony: Uuid,
    credential: RegisterPublicKeyCredential,
    name: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let state = crate::state::AppState::from_context()?;
        let user_id = crate::identity::passkeys::finish_enrolment(
            &state.db,
            &state.webauthn,
            &token,
            ceremony,
            &credential,
            &name,
        )
        .await?;
        crate::identity::session::start_for_response(&state, user_id).await
    })
    .await
}

#[server(prefix = "/api", endpoint = "sign_in_start")]
pub async fn start_passkey_sign_in() -> Result<SignInStart, AppError> {
    crate::error::respond(async {
        let state = crate::state::AppState::from_context()?;
        let (ceremony, options) =
            crate::identity::passkeys::start_sign_in(&state.db, &state.webauthn).await?;
        Ok(SignInStart { ceremony, options })
    })
    .await
}

#[server(prefix = "/api", endpoint = "sign_in_finish", input = Json)]
pub async fn finish_passkey_sign_in(
    ceremony: Uuid,
    credential: PublicKeyCredential,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let state = crate::state::AppState::from_context()?;
        let user_id = crate::identity::passkeys::finish_sign_in(
            &state.db,
            &state.webauthn,
            ceremony,
            &credential,
        )
        .await?;
        crate::identity::session::start_for_response(&state, user_id).await
    })
    .await
}
