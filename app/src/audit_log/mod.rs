//! The audit log page: the secretariat and administrators browse the audit chain
//! ([`crate::audit`]), security events apart.
pub mod api;
pub mod texts;
pub mod views;
