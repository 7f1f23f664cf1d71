//! The live meeting: the meeting room (the chair runs the meeting, tablets follow it) and the
//! live channel that carries it — events pushed to open pages over Server-Sent Events
//! (`GET /api/live`).
//!
//! An act commits, then publishes one small event; every node delivers it to the streams it
//! holds. On SQLite (one node) delivery is in-process; on PostgreSQL the event travels by
//! `NOTIFY` so a page connected to node B hears what happened on node A. Events carry ids,
//! never content: a page that hears one re-reads what it may see through its server functions —
//! except the room, which is read once per change and pushed whole ([`room`]), cut down for
//! guests by their stream.
#[cfg(feature = "ssr")]
pub mod attendance;
#[cfg(feature = "hydrate")]
pub mod browser;
#[cfg(feature = "ssr")]
pub mod chairing;
pub mod clock;
pub mod event;
#[cfg(feature = "ssr")]
pub mod hub;
pub mod problem;
pub mod room;
pub mod room_api;
#[cfg(feature = "ssr")]
pub mod room_store;
pub mod room_texts;
pub mod room_views;
#[cfg(feature = "ssr")]
pub mod speakers;
#[cfg(feature = "ssr")]
pub mod vote;

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

/// The latest room pushed on the live channel (any meeting the viewer follows): the room
/// page shows it without asking the server again.
#[derive(Clone)]
pub struct RoomFeed(pub leptos::prelude::ArcRwSignal<Option<(room::Room, f64)>>);
