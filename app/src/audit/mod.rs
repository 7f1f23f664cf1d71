//! The audit trail: an append-only chain of records, each carrying the hash of the one before,
//! written in the same transaction as the act it records. Records hold ids and event types,
//! never meeting content. Verification and the signed checkpoints that anchor the chain
//! outside the database are in the server crate (`server/src/audit`).
//!
//! A shared building block: every domain writes to it, and it knows none of them. The page
//! that browses it is the `audit_log` domain.
#[cfg(feature = "ssr")]
pub mod chain;
#[cfg(feature = "ssr")]
pub mod content;
pub mod event;
pub mod model;
#[cfg(feature = "ssr")]
pub mod store;
