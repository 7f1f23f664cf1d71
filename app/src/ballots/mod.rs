//! Written-opinion ballots (phiếu lấy ý kiến thành viên Chính phủ).
pub mod model;
pub mod outcome;
