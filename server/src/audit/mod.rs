//! Anchoring and checking the audit chain (the chain itself is `app::audit`).
//!
//! The chain alone catches a changed, deleted, inserted or reordered record. Truncating its
//! tail, or rewriting the whole chain with fresh hashes, leaves a consistent chain; so the
//! server periodically writes a checkpoint — the last sequence number and hash, with an HMAC
//! under a key from configuration — to a file outside the database. `ecabinet verify-audit`
//! re-checks the chain and every checkpoint and names the first broken record, then the
//! content the records vouch for against today's rows (`content`).
pub mod checkpoint;
pub mod content;
pub mod verify;
