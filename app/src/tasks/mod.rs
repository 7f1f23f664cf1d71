//! Follow-up: what the Government decides becomes tasks (nhiệm vụ) for its ministries,
//! tracked to completion. The secretariat assigns them (from a conclusion, a ballot's result,
//! a resolution or by hand) and accepts or returns what the lead ministry reports; the
//! ministries' officers report; the leaders and each minister see the figures.
#[cfg(feature = "ssr")]
pub mod access;
pub mod api;
#[cfg(feature = "ssr")]
pub mod dashboard;
#[cfg(feature = "ssr")]
pub mod digest;
#[cfg(feature = "ssr")]
pub mod editing;
#[cfg(feature = "ssr")]
pub mod evidence;
#[cfg(feature = "ssr")]
pub mod export;
#[cfg(feature = "ssr")]
pub mod history;
#[cfg(feature = "ssr")]
pub mod import;
pub mod model;
pub mod problem;
#[cfg(feature = "ssr")]
pub mod reports;
#[cfg(feature = "ssr")]
pub mod schedule;
pub mod status;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
pub mod views;
