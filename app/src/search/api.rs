//! The search server function.
use leptos::prelude::*;

use crate::error::AppError;
use crate::search::model::{SearchQuery, SearchResults};

/// Search what the signed-in user may see: the first answer, or more document pages after a
/// cursor an earlier answer gave.
#[server(prefix = "/api", endpoint = "search")]
pub async fn search(query: SearchQuery) -> Result<SearchResults, AppError> {
    crate::error::respond(async {
        let user = crate::identity::session::require_user().await?;
        let state = crate::state::AppState::from_context()?;
        crate::search::store::search(&state.db, &user, &query).await
    })
    .await
}
