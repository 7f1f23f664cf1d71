//! The audit log as the audit page shows it.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// What the viewer filters by; every field is optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct AuditFilter {
    /// An event name (`session.sign_in`, …); empty for all.
    pub event: String,
    /// Part of the actor's name, as written; empty for all.
    pub actor: String,
    /// First and last day (YYYY-MM-DD, Vietnam time), empty for open.
    pub from: String,
    pub to: String,
    /// Paging: only records before this sequence number.
    pub before: Option<i64>,
}

/// One record, with names resolved for people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRow {
    pub seq: i64,
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub event: String,
    /// The subject: a person's name, or (for the secretariat) a meeting's, item's,
    /// document's or ballot's title; else the id.
    pub subject: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    /// Pass as `before` to see older records; none when this is the end.
    pub next_before: Option<i64>,
    /// Whether the viewer sees only security events (administrators).
    pub security_only: bool,
}
