//! The parts of every page: header, navigation, error pages, formatting.
pub mod error_pages;
pub mod format;
pub mod layout;
pub mod nav;
pub mod pages;
