//! Written-opinion ballots (phiếu lấy ý kiến thành viên Chính phủ): the secretariat creates
//! and sends them, eligible members answer with a passkey signature, results follow the
//! Government's rules. The engine is reused by in-meeting votes.
#[cfg(feature = "ssr")]
pub mod answers;
pub mod api;
#[cfg(feature = "ssr")]
pub mod assertion;
#[cfg(feature = "ssr")]
pub mod batch;
#[cfg(feature = "ssr")]
pub mod canonical;
#[cfg(feature = "ssr")]
pub mod editing;
pub mod model;
pub mod outcome;
pub mod problem;
#[cfg(feature = "ssr")]
pub mod results;
#[cfg(feature = "ssr")]
pub mod schedule;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod summary;
pub mod texts;
#[cfg(feature = "ssr")]
pub mod verify;
pub mod views;
#[cfg(feature = "ssr")]
pub mod writer;
