//! Ballots on the server side: the summary export route.
pub mod summary_route;
