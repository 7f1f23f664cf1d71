//! Server functions of account administration (secretariat and administrators).
use leptos::prelude::*;

use crate::error::AppError;
use crate::identity::model::{
    AccountRow, IssuedLink, NewAccount, PendingEnrolment, RequestedEnrolment,
};

/// The signed-in user, if they manage accounts at all (secretariat, administrator).
#[cfg(feature = "ssr")]
async fn account_manager() -> Result<crate::identity::model::CurrentUser, AppError> {
    use crate::identity::model::Role;
    let user = crate::identity::session::require_user().await?;
    match user.role {
        Role::Admin | Role::Secretariat => Ok(user),
        Role::Member | Role::Guest | Role::Officer => {
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
        crate::identity::account_admin::list(&state.db).await
    })
    .await
}

/// Create an account and ask for its enrolment link (a second person approves it).
#[server(prefix = "/api", endpoint = "account_create")]
pub async fn create_account(account: NewAccount) -> Result<RequestedEnrolment, AppError> {
    crate::error::respond(async {
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::account_admin::create(&state, &user, &account).await
    })
    .await
}

/// Create every account of a CSV file (or none, naming the first bad line).
#[server(prefix = "/api", endpoint = "accounts_import")]
pub async fn import_accounts(csv: String) -> Result<Vec<RequestedEnrolment>, AppError> {
    crate::error::respond(async {
        let user = account_manager().await?;
        if csv.len() > 1_000_000 {
            return Err(AppError::BadRequest(crate::error::BadInput::Malformed));
        }
        let state = crate::state::AppState::from_context()?;
        crate::identity::account_admin::import_csv(&state, &user, &csv).await
    })
    .await
}

/// Ask for a fresh enrolment link (e.g. for a lost tablet); with `revoke_others`, a reset.
#[server(prefix = "/api", endpoint = "account_reissue")]
pub async fn reissue_enrolment(
    user_id: String,
    revoke_others: bool,
) -> Result<RequestedEnrolment, AppError> {
    crate::error::respond(async {
        let target = crate::ids::parse_id(&user_id, crate::error::BadInput::UserId)?;
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::account_admin::reissue_link(&state, &user, target, revoke_others).await
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
        crate::identity::account_admin::deactivate(&state, &user, target).await
    })
    .await
}

/// The enrolment requests waiting for a second person, that the viewer may decide on.
#[server(prefix = "/api", endpoint = "enrolments_pending")]
pub async fn pending_enrolments() -> Result<Vec<PendingEnrolment>, AppError> {
    crate::error::respond(async {
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::enrolment_approval::pending(&state.db, &user).await
    })
    .await
}

/// Approve another person's request: the link is made and returned to the approver alone.
#[server(prefix = "/api", endpoint = "enrolment_approve")]
pub async fn approve_enrolment(id: String) -> Result<IssuedLink, AppError> {
    crate::error::respond(async {
        let request = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::enrolment_approval::approve(&state, &user, request).await
    })
    .await
}

/// Refuse another person's request, or withdraw one's own.
#[server(prefix = "/api", endpoint = "enrolment_refuse")]
pub async fn refuse_enrolment(id: String) -> Result<(), AppError> {
    crate::error::respond(async {
        let request = crate::ids::parse_id(&id, crate::error::BadInput::Id)?;
        let user = account_manager().await?;
        let state = crate::state::AppState::from_context()?;
        crate::identity::enrolment_approval::refuse(&state.db, &user, request).await
    })
    .await
}
