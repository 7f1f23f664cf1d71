//! The search server function.
use leptos::prelude::*;

use crate::error::AppError;
use crate::search::model::SearchHit;

/// Search what the signed-in user may see. At most 50 hits, best first.
#[server(prefix = "/api", endpoint = "search")]
pub async fn search(query: String) -> Result<Vec<SearchHit>, AppError> {
    crate::error::respond(async {
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::search::store::search(&state.db, &user, &query).await
    })
    .await
}
