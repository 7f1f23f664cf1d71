//! The live channel: events pushed to open pages over Server-Sent Events (`GET /api/live`).
//! A shared building block: every domain publishes to it, and it knows none of them.
//!
//! An act commits, then publishes one small event; every node delivers it to the streams it
//! holds. On SQLite (one node) delivery is in-process; on PostgreSQL the event travels by
//! `NOTIFY` so a page connected to node B hears what happened on node A. Events carry ids,
//! never content: a page that hears one re-reads what it may see through its server functions —
//! except the room, which is read once per change and pushed whole (as JSON the room domain
//! wrote), cut down for guests by their stream.
#[cfg(feature = "hydrate")]
pub mod browser;
pub mod event;
#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "hydrate")]
pub mod subscription;

/// Bumped when a meeting the page shows changed: its resources re-read.
#[derive(Clone, Copy)]
pub struct LiveVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when positions on a meeting changed.
#[derive(Clone, Copy)]
pub struct PositionsVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when comments on a meeting changed.
#[derive(Clone, Copy)]
pub struct CommentsVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when a document's text status changed in a meeting the page shows: only the status
/// badges re-read, so forms being filled in are left alone.
#[derive(Clone, Copy)]
pub struct TextVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when a ballot changed.
#[derive(Clone, Copy)]
pub struct BallotsVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when a task the viewer may see changed.
#[derive(Clone, Copy)]
pub struct TasksVersion(pub leptos::prelude::RwSignal<u64>);

/// The last room pushed on the channel, as the JSON the server sent, with when it arrived
/// ([`page_clock_ms`]). The room domain reads it.
#[derive(Clone)]
pub struct RoomFeed(pub leptos::prelude::ArcRwSignal<Option<(String, f64)>>);

/// Milliseconds on the page's monotonic clock (`performance.now()`); 0 on the server. Pushed
/// rooms are stamped with it, and the room's clocks count on with it.
pub fn page_clock_ms() -> f64 {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window()
            .and_then(|w| w.performance())
            .map_or(0.0, |p| p.now())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        0.0
    }
}
