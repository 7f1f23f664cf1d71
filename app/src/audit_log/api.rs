//! The audit log for people: the secretariat browses every record, administrators the
//! security events. Nobody else.
use leptos::prelude::*;

use crate::audit::model::{AuditFilter, AuditPage};
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "audit")]
pub async fn get_audit_log(filter: AuditFilter) -> Result<AuditPage, AppError> {
    crate::error::respond(async {
        use crate::identity::model::Role;
        let user = crate::identity::session::require_user().await?;
        let security_only = match user.role {
            Role::Secretariat => false,
            Role::Admin => true,
            Role::Member | Role::Guest | Role::Officer => return Err(AppError::Forbidden),
        };
        let state = crate::state::AppState::from_context()?;
        crate::audit::store::browse(&state.db, &filter, security_only).await
    })
    .await
}
