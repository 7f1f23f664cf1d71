//! Meetings: sessions of the Government, their agenda items and who is invited.
pub mod access;
pub mod api;
pub mod edit_api;
pub mod edit_views;
#[cfg(feature = "ssr")]
pub mod editing;
pub mod model;
#[cfg(feature = "ssr")]
pub mod positions;
pub mod positions_api;
pub mod positions_views;
#[cfg(feature = "ssr")]
pub mod readiness;
pub mod readiness_views;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
