//! Analytics: what e-Cabinet saves — meeting time against a paper-era baseline, paper, and
//! the time moved to written ballots — and a live usage panel for leaders.
pub mod api;
#[cfg(feature = "ssr")]
pub mod history;
pub mod model;
#[cfg(feature = "ssr")]
pub mod review;
pub mod review_views;
pub mod savings;
pub mod settings_views;
#[cfg(feature = "ssr")]
pub mod store;
pub mod texts;
pub mod usage_views;
pub mod views;
