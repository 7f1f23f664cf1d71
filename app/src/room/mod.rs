//! The meeting room: the chair runs the live meeting (items, speakers, votes, attendance,
//! pauses), tablets follow it, and the minutes and conclusions are written from what was
//! recorded there. Pushed to pages over the live channel ([`crate::live`]).
pub mod api;
#[cfg(feature = "ssr")]
pub mod attendance;
#[cfg(feature = "ssr")]
pub mod chairing;
pub mod clock;
pub mod conclusions;
pub mod minutes;
pub mod minutes_api;
#[cfg(feature = "ssr")]
pub mod minutes_store;
pub mod minutes_views;
pub mod model;
pub mod problem;
#[cfg(feature = "ssr")]
pub mod speakers;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
pub mod views;
#[cfg(feature = "ssr")]
pub mod vote;
