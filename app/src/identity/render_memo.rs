//! What one page render asks many times, answered once. Rendering the meeting page runs a
//! dozen server functions, each of which looked up the session (two queries) and whether the
//! viewer may see the meeting (one more, again for every agenda item): about sixty queries a
//! page. The memo lives in the render's context only (the `App` shell provides it on the
//! server). A server function called over HTTP has no memo and looks everything up itself,
//! so a request that changes the session or a meeting never reads a stale answer.
//!
//! The memo's session answers only the request it was made for: the memo holds that request's
//! session token, and its session is ignored wherever the request in context carries another
//! (its answers on meetings are keyed by viewer, so they hold whoever asks). Contexts are found by
//! walking up Leptos's owner tree, and an owner made while another request's owner was
//! current on the thread hangs under that request (see `server::owner_isolation`); a memo
//! read there would hand one person's session to another's request.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::use_context;
use tokio::sync::OnceCell;
use uuid::Uuid;

use crate::error::AppError;
use crate::identity::session::Lookup;

#[derive(Clone, Default)]
pub struct RenderMemo {
    /// The session token of the request being rendered (`None`: signed out).
    token: Option<String>,
    session: Arc<OnceCell<Lookup>>,
    /// (viewer, meeting) → whether the viewer may see the meeting.
    visible: Arc<Mutex<HashMap<(Uuid, Uuid), bool>>>,
}

impl RenderMemo {
    /// A memo for the request whose session token is `token`.
    pub fn for_token(token: Option<String>) -> Self {
        RenderMemo {
            token,
            ..RenderMemo::default()
        }
    }

    /// The memo in context, if it was made for the request carrying `token`.
    fn for_request(token: &str) -> Option<RenderMemo> {
        use_context::<RenderMemo>().filter(|memo| memo.token.as_deref() == Some(token))
    }

    /// The session of the request carrying `token`: `look_up` runs at most once per render.
    pub async fn session<F>(token: &str, look_up: F) -> Result<Lookup, AppError>
    where
        F: AsyncFnOnce() -> Result<Lookup, AppError>,
    {
        match RenderMemo::for_request(token) {
            Some(memo) => memo.session.get_or_try_init(|| look_up()).await.cloned(),
            None => look_up().await,
        }
    }

    /// Whether `viewer` may see `meeting`: `decide` runs at most once per render and pair.
    pub async fn visible<F>(viewer: Uuid, meeting: Uuid, decide: F) -> Result<bool, AppError>
    where
        F: AsyncFnOnce() -> Result<bool, AppError>,
    {
        // Keyed by viewer, whose session came through the token check above: the answer is
        // the same whichever request asks, so no second look at the request's cookie here.
        let memo = use_context::<RenderMemo>();
        let known = memo.as_ref().and_then(|m| {
            m.visible
                .lock()
                .ok()
                .and_then(|seen| seen.get(&(viewer, meeting)).copied())
        });
        if let Some(known) = known {
            return Ok(known);
        }
        let answer = decide().await?;
        if let Some(Ok(mut seen)) = memo.as_ref().map(|m| m.visible.lock()) {
            seen.insert((viewer, meeting), answer);
        }
        Ok(answer)
    }
}
