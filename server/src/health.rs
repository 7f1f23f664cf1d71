//! Probes for load balancers and orchestrators.
use axum::extract::State;
use axum::http::StatusCode;

use app::state::AppState;

/// The process is up.
pub async fn live() -> &'static str {
    "ok"
}

/// The database answers and every migration is applied: this node can serve.
pub async fn ready(State(state): State<AppState>) -> (StatusCode, &'static str) {
    if state.db.is_ready().await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database not ready")
    }
}
