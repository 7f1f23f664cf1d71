//! Ministries' submissions (tờ trình): the way in. A ministry's officers prepare a proposal for
//! a meeting's agenda or for a written ballot with its documents, by a checklist per kind that
//! the secretariat keeps as data; the minister signs and sends it; the Government Office
//! checks it, returns it or accepts it into a meeting or a ballot.
#[cfg(feature = "ssr")]
pub mod access;
pub mod api;
#[cfg(feature = "ssr")]
pub mod canonical;
#[cfg(feature = "ssr")]
pub mod checklist;
#[cfg(feature = "ssr")]
pub mod editing;
pub mod model;
pub mod problem;
#[cfg(feature = "ssr")]
pub mod sending;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
#[cfg(feature = "ssr")]
pub mod verify;
pub mod views;
