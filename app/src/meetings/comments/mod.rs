//! Discussion of an agenda item before the meeting: threads of comments, answers, mentions,
//! edits with their history, and replies only the secretariat reads.
pub mod api;
pub mod entry;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
