//! The secretariat prepares a meeting: its details and state, the agenda and its documents,
//! who is invited.
#[cfg(feature = "ssr")]
pub mod agenda;
pub mod agenda_views;
pub mod api;
pub mod invitation_views;
#[cfg(feature = "ssr")]
pub mod invitations;
#[cfg(feature = "ssr")]
pub mod meeting;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
