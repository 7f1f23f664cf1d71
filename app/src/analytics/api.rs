//! Server functions of the savings dashboard and the live usage panel: the secretariat and
//! the Government's leaders read them; the secretariat sets the baseline and imports history.
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

use crate::analytics::model::{Dashboard, LiveUsage, SavingsSettings};
use crate::error::AppError;

#[cfg(feature = "ssr")]
use crate::identity::session::caller;

/// What e-Cabinet saved, meeting by meeting and in total.
#[server(prefix = "/api", endpoint = "savings")]
pub async fn get_savings() -> Result<Dashboard, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::analytics::store::dashboard(&state.db, &user).await
    })
    .await
}

/// Set the cost per page and the baseline overrides (the secretariat).
#[server(prefix = "/api", endpoint = "savings_settings", input = Json)]
pub async fn save_savings_settings(settings: SavingsSettings) -> Result<(), AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::analytics::store::save_settings(&state.db, &user, &settings).await
    })
    .await
}

/// Import paper-era meetings from CSV (the secretariat); returns how many.
#[server(prefix = "/api", endpoint = "history_import")]
pub async fn import_history(csv: String) -> Result<usize, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::analytics::history::import(&state.db, &user, &csv).await
    })
    .await
}

/// Decide whether a closed meeting counts in the savings, with a reason (the secretariat).
#[server(prefix = "/api", endpoint = "savings_review")]
pub async fn review_savings(
    meeting_id: String,
    counts: bool,
    reason: String,
) -> Result<(), AppError> {
    crate::error::respond(async {
        let meeting = crate::ids::parse_id(&meeting_id, crate::error::BadInput::MeetingId)?;
        let (user, state) = caller().await?;
        crate::analytics::review::decide(&state.db, &user, meeting, counts, &reason).await
    })
    .await
}

/// Who is online, documents opened today, answers pending.
#[server(prefix = "/api", endpoint = "live_usage")]
pub async fn get_live_usage() -> Result<LiveUsage, AppError> {
    crate::error::respond(async {
        let (user, state) = caller().await?;
        crate::analytics::store::live_usage(&state.db, &user).await
    })
    .await
}
