//! Meetings: sessions of the Government, their agenda items and who is invited; how the
//! secretariat prepares them (`editing`), what members say before (`positions`, `comments`),
//! and who is ready (`readiness`).
pub mod access;
pub mod api;
pub mod comments;
pub mod editing;
pub mod model;
pub mod positions;
pub mod problem;
#[cfg(feature = "ssr")]
pub mod readiness;
pub mod readiness_views;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text_badges;
pub mod texts;
pub mod views;
