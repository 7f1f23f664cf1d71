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
        use crate::identity::rate_limit::{self, ENROL_PER_CLIENT, ENROL_PER_LINK};
        let state = crate::state::AppState::from_context()?;
        let client = rate_limit::current_client(&state.trusted_proxies);
        rate_limit::hit(&state.db, ENROL_PER_CLIENT, &client).await?;
        // The link's hash, never the link itself, names the bucket.
        let link = crate::identity::passkeys::token_fingerprint(&token);
        rate_limit::hit(&state.db, ENROL_PER_LINK, &link).await?;
        let (ceremony, options) =
            crate::identity::passkeys::start_enrolment(&state.db, &state.webauthn, &token).await?;
        Ok(EnrolmentStart { ceremony, options })
    })
    .await
}

/// Finish enrolment; on success the new passkey's owner is signed in on this device.
/// Returns the account's id.
#[server(prefix = "/api", endpoint = "enrol_finish", input = Json)]
pub async fn finish_enrolment(
    token: String,
    ceremony: Uuid,
    credential: RegisterPublicKeyCredential,
    name: String,
) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        use crate::identity::rate_limit::{self, ENROL_FINISH_PER_CLIENT};
        let state = crate::state::AppState::from_context()?;
        let client = rate_limit::current_client(&state.trusted_proxies);
        rate_limit::hit(&state.db, ENROL_FINISH_PER_CLIENT, &client).await?;
        let (user_id, passkey) = crate::identity::passkeys::finish_enrolment(
            &state.db,
            &state.webauthn,
            &token,
            ceremony,
            &credential,
            &name,
        )
        .await?;
        crate::identity::session::start_for_response(&state, user_id, passkey).await?;
        Ok(user_id)
    })
    .await
}

#[server(prefix = "/api", endpoint = "sign_in_start")]
pub async fn start_passkey_sign_in() -> Result<SignInStart, AppError> {
    crate::error::respond(async {
        use crate::identity::rate_limit::{self, SIGN_IN_PER_CLIENT};
        let state = crate::state::AppState::from_context()?;
        let client = rate_limit::current_client(&state.trusted_proxies);
        rate_limit::hit(&state.db, SIGN_IN_PER_CLIENT, &client).await?;
        let (ceremony, options) =
            crate::identity::passkeys::start_sign_in(&state.db, &state.webauthn).await?;
        Ok(SignInStart { ceremony, options })
    })
    .await
}

/// The username-first fallback: sign in with the passkeys of the account with this e-mail
/// address (for devices that cannot offer discoverable credentials).
#[server(prefix = "/api", endpoint = "sign_in_named_start")]
pub async fn start_named_sign_in(email: String) -> Result<SignInStart, AppError> {
    crate::error::respond(async {
        use crate::identity::rate_limit::{self, SIGN_IN_PER_ACCOUNT, SIGN_IN_PER_CLIENT};
        let state = crate::state::AppState::from_context()?;
        let client = rate_limit::current_client(&state.trusted_proxies);
        rate_limit::hit(&state.db, SIGN_IN_PER_CLIENT, &client).await?;
        let account = email.trim().to_lowercase();
        // Per address asked for and per client: others cannot use up this person's tries.
        rate_limit::hit(
            &state.db,
            SIGN_IN_PER_ACCOUNT,
            &format!("{account}:{client}"),
        )
        .await?;
        let (ceremony, options) =
            crate::identity::passkeys::start_sign_in_for(&state.db, &state.webauthn, &account)
                .await?;
        Ok(SignInStart { ceremony, options })
    })
    .await
}

#[server(prefix = "/api", endpoint = "sign_in_finish", input = Json)]
pub async fn finish_passkey_sign_in(
    ceremony: Uuid,
    credential: PublicKeyCredential,
) -> Result<Uuid, AppError> {
    crate::error::respond(async {
        use crate::identity::rate_limit::{self, SIGN_IN_FINISH_PER_CLIENT};
        let state = crate::state::AppState::from_context()?;
        let client = rate_limit::current_client(&state.trusted_proxies);
        rate_limit::hit(&state.db, SIGN_IN_FINISH_PER_CLIENT, &client).await?;
        // The per-account limit is counted inside, once the ceremony and the credential's
        // owner are known (never on what the client claims).
        let (user_id, passkey) = crate::identity::passkeys::finish_sign_in(
            &state.db,
            &state.webauthn,
            ceremony,
            &credential,
            &client,
        )
        .await?;
        crate::identity::session::start_for_response(&state, user_id, passkey).await?;
        Ok(user_id)
    })
    .await
}
