//! What every request handler and server function can reach: passed in axum state and
//! provided to Leptos as context (no globals).
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;

use crate::db::Db;
use crate::error::AppError;

#[derive(Clone, Debug)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// Demo mode: fictional data and the demo sign-in shortcut. Never on in production.
    pub demo: bool,
    /// How long a session lasts from sign-in (absolute timeout).
    pub session_lifetime: chrono::Duration,
    /// How long a session may go without a request before it locks (inactivity timeout).
    pub session_idle: chrono::Duration,
    /// The origin users reach the site at; enrolment links start with it.
    pub public_origin: String,
    /// Proxies whose `X-Forwarded-For` names the client (rate limits count per client).
    pub trusted_proxies: std::sync::Arc<Vec<std::net::IpAddr>>,
    /// The live channel of this node.
    pub live: crate::live::hub::Hub,
    /// How PDFs are read (a child process with limits).
    pub extractor: std::sync::Arc<crate::documents::extract::Extractor>,
    /// Wakes this node's text-extraction worker (after an upload).
    pub text_jobs: std::sync::Arc<tokio::sync::Notify>,
    /// The largest upload accepted, in bytes.
    pub max_upload_bytes: usize,
    /// The passkey relying party (built from the public origin).
    pub webauthn: std::sync::Arc<webauthn_rs::prelude::Webauthn>,
    /// This node's group-commit writer of ballot answers.
    pub answers: crate::ballots::writer::AnswerWriter,
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl AppState {
    /// The state of the server serving the current request (inside a server function or page).
    pub fn from_context() -> Result<AppState, AppError> {
        leptos::prelude::use_context::<AppState>()
            .ok_or_else(|| AppError::internal("AppState missing from the Leptos context"))
    }
}
