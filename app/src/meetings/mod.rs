//! Meetings: sessions of the Government, their agenda items and who is invited.
pub mod access;
pub mod api;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
pub mod views;
