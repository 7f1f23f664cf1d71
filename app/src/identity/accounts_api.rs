//! Server functions of account administration (secretariat and administrators).
use leptos::prelude::*;

use crate::error::AppError;
use crate::identity::model::{AccountRow, IssuedLink, NewAccount};

/// The signed-in user, if they manage accounts at all (secretariat, administrator).
#[cfg(feature = "ssr")]
async fn account_manager() -> Result<crate::identity::model::CurrentUser, AppError> {
    use crate::identity::model::Role;
    let user = crate::identity::session::require_user().await?;
    match user.role {
        Role::Admin | Role::Secretariat => Ok(user),
        Role::Member | Role::Guest => {
            let state = crate::state::AppState::from_context()?;
            crate::audit::store::record(
                &state.db,
                Some(user.id),
                crate::audit::event::AuditEvent::AccessDenied,
                None,
            )
            .await?;
            Err(AppError::Forbidden)
        }
    }
}

#[server(prefix = "/api", endpoint = "accounts")]
pub async fn list_accounts() -> Result<Vec<AccountRow>, AppError> {
    crate::error::respond(async {
        account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::accounts::list(&state.db).await
    })
    .await
}

/// Create an account; returns its one-time enrolment link (valid 72 h).
#[server(prefix = "/api", endpoint = "account_create")]
pub async fn create_account(account: NewAccount) -> Result<IssuedLink, AppError> {
    crate::error::respond(async {
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::accounts::create(&state, &user, &account).await
    })
    .await
}

/// Create every account of a CSV file (or none, naming the first bad line).
#[server(prefix = "/api", endpoint = "accounts_import")]
pub async fn import_accounts(csv: String) -> Result<Vec<IssuedLink>, AppError> {
    crate::error::respond(async {
        let user = account_manager().await?;
        if csv.len() > 1_000_000 {
            return Err(AppError::BadRequest(crate::error::BadInput::Malformed));
        }
        let state = crate::state::AppState::from_context()?;
        crate::identity::accounts::import_csv(&state, &user, &csv).await
    })
    .await
}

/// A fresh enrolment link (e.g. for a lost tablet); optionally revoke all other passkeys.
#[server(prefix = "/api", endpoint = "account_reissue")]
pub async fn reissue_enrolment(
    user_id: String,
    revoke_others: bool,
) -> Result<IssuedLink, AppError> {
    crate::error::respond(async {
        let target = crate::ids::parse_id(&user_id, crate::error::BadInput::UserId)?;
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::accounts::reissue_link(&state, &user, target, revoke_others).await
    })
    .await
}

/// Deactivate an account (administrators only): sessions end, open pages are wiped.
#[server(prefix = "/api", endpoint = "account_deactivate")]
pub async fn deactivate_account(user_id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let target = crate::ids::parse_id(&user_id, crate::error::BadInput::UserId)?;
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::accounts::deactivate(&state, &user, target).await
    })
    .await
}
