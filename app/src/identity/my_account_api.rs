//! Server functions of "my account": one's passkeys and sessions.
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use uuid::Uuid;
use webauthn_rs_proto::RegisterPublicKeyCredential;

use crate::error::AppError;
use crate::identity::model::MyAccount;
use crate::identity::passkey_api::EnrolmentStart;

/// The signed-in user's passkeys, sessions and notices.
#[server(prefix = "/api", endpoint = "my_account")]
pub async fn get_my_account() -> Result<MyAccount, AppError> {
    crate::error::respond(async {
        let (user, session) = crate::identity::session::require_session().await?;
        let state = crate::state::AppState::from_context()?;
        Ok(MyAccount {
            passkeys: crate::identity::passkey_store::list(&state.db, user.id).await?,
            sessions: crate::identity::session::list(&state.db, user.id, session).await?,
            notifications: crate::identity::notifications::latest(&state.db, user.id).await?,
        })
    })
    .await
}

#[server(prefix = "/api", endpoint = "passkey_rename")]
pub async fn rename_passkey(id: String, name: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let passkey = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::passkey_store::rename(&state.db, user.id, passkey, &name).await
    })
    .await
}

/// Remove one of one's passkeys (never the last); the sessions it started on other devices
/// end, and their open pages are told.
#[server(prefix = "/api", endpoint = "passkey_remove")]
pub async fn remove_passkey(id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let passkey = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let (user, session) = crate::identity::session::require_session().await?;
        let state = crate::state::AppState::from_context()?;
        let ended =
            crate::identity::passkey_store::remove(&state.db, user.id, passkey, session).await?;
        if ended > 0 {
            state
                .live
                .publish(
                    &state.db,
                    crate::live::event::LiveEvent::SessionsEnded { user_id: user.id },
                )
                .await;
        }
        Ok(())
    })
    .await
}

/// Step 1 of adding a passkey on this device (signed in already, within the last five
/// minutes: the page asks for a passkey sign-in first otherwise).
#[server(prefix = "/api", endpoint = "passkey_add_start")]
pub async fn start_adding_passkey() -> Result<EnrolmentStart, AppError> {
    crate::error::respond(async {
        let (user, session) = crate::identity::session::require_session().await?;
        let state = crate::state::AppState::from_context()?;
        if !crate::identity::session::is_fresh(&state.db, session).await? {
            return Err(AppError::BadRequest(
                crate::error::BadInput::RecentSignInNeeded,
            ));
        }
        let (ceremony, options) =
            crate::identity::passkeys::start_adding(&state.db, &state.webauthn, &user).await?;
        Ok(EnrolmentStart { ceremony, options })
    })
    .await
}

#[server(prefix = "/api", endpoint = "passkey_add_finish", input = Json)]
pub async fn finish_adding_passkey(
    ceremony: Uuid,
    credential: RegisterPublicKeyCredential,
    name: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::passkeys::finish_adding(
            &state.db,
            &state.webauthn,
            user.id,
            ceremony,
            &credential,
            &name,
        )
        .await
    })
    .await
}

/// End every session of the signed-in user except this device's. Returns how many ended.
#[server(prefix = "/api", endpoint = "sessions_end_others")]
pub async fn sign_out_other_devices() -> Result<u64, AppError> {
    crate::error::respond(async {
        use crate::audit::event::AuditEvent;
        let (user, session) = crate::identity::session::require_session().await?;
        let state = crate::state::AppState::from_context()?;
        let mut tx = state.db.begin().await?;
        let ended = crate::identity::session::end_all_in(&mut tx, user.id, Some(session)).await?;
        crate::audit::store::append(
            &mut tx,
            Some(user.id),
            AuditEvent::OtherSessionsEnded,
            Some(user.id),
        )
        .await?;
        tx.commit().await?;
        state
            .live
            .publish(
                &state.db,
                crate::live::event::LiveEvent::SessionsEnded { user_id: user.id },
            )
            .await;
        Ok(ended)
    })
    .await
}
