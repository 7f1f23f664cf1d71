//! The authorization matrix, in a test binary of its own: it generates Leptos's route list,
//! which renders the app in a special mode; kept apart from the processes whose test servers
//! render pages (a shared process has failed there, rarely, with "no Arena is active").
#[macro_use]
#[path = "../integration/common/mod.rs"]
mod common;

mod authz_matrix;
mod authz_requests;
mod authz_table;
