//! A member's position on an agenda item before the meeting (no objection, wishes to speak,
//! objects with a reason), and the summary the secretariat and the chair read.
pub mod api;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
