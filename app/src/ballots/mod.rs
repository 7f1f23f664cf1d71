//! Written-opinion ballots (phiếu lấy ý kiến thành viên Chính phủ).
#[cfg(feature = "ssr")]
pub mod assertion;
#[cfg(feature = "ssr")]
pub mod canonical;
pub mod model;
pub mod outcome;
