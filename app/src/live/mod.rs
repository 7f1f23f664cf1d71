//! The live channel: events pushed to open pages over Server-Sent Events (`GET /api/live`).
//!
//! An act commits, then publishes one small event; every node delivers it to the streams it
//! holds. On SQLite (one node) delivery is in-process; on PostgreSQL the event travels by
//! `NOTIFY` so a page connected to node B hears what happened on node A. Events carry ids,
//! never content: a page that hears one re-reads what it may see through its server functions.
#[cfg(feature = "hydrate")]
pub mod browser;
pub mod event;
#[cfg(feature = "ssr")]
pub mod hub;

/// Bumped whenever the live channel says a meeting the viewer may see changed: resources
/// that show meetings read it, so they re-load without a page reload.
#[derive(Clone, Copy)]
pub struct LiveVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when positions on a meeting the viewer may see changed: only the positions summary
/// reads it (members' pages do not re-read the meeting for every position taken).
#[derive(Clone, Copy)]
pub struct PositionsVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when comments on a meeting the viewer may see changed: only discussions read it.
#[derive(Clone, Copy)]
pub struct CommentsVersion(pub leptos::prelude::RwSignal<u64>);

/// Bumped when a ballot the viewer may see changed: ballot pages re-read.
#[derive(Clone, Copy)]
pub struct BallotsVersion(pub leptos::prelude::RwSignal<u64>);
