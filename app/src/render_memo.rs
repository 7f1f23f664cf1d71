//! What one page render asks many times, answered once. Rendering the meeting page runs a
//! dozen server functions, each of which looked up the session (two queries) and whether the
//! viewer may see the meeting (one more, again for every agenda item): about sixty queries a
//! page. The memo lives in the render's context only (the `App` shell provides it on the
//! server). A server function called over HTTP has no memo and looks everything up itself,
//! so a request that changes the session or a meeting never reads a stale answer.
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use leptos::prelude::use_context;
use tokio::sync::OnceCell;
use uuid::Uuid;

use crate::error::AppError;
use crate::identity::session::Lookup;

#[derive(Clone, Default)]
pub struct RenderMemo {
    session: Arc<OnceCell<Lookup>>,
    /// (viewer, meeting) → whether the viewer may see the meeting.
    visible: Arc<Mutex<HashMap<(Uuid, Uuid), bool>>>,
}

impl RenderMemo {
    /// The render's session: `look_up` runs at most once per render.
    pub async fn session<F>(look_up: F) -> Result<Lookup, AppError>
    where
        F: AsyncFnOnce() -> Result<Lookup, AppError>,
    {
        match use_context::<RenderMemo>() {
            Some(memo) => memo.session.get_or_try_init(|| look_up()).await.cloned(),
            None => look_up().await,
        }
    }

    /// Whether `viewer` may see `meeting`: `decide` runs at most once per render and pair.
    pub async fn visible<F>(viewer: Uuid, meeting: Uuid, decide: F) -> Result<bool, AppError>
    where
        F: AsyncFnOnce() -> Result<bool, AppError>,
    {
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
