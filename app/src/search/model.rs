//! Search results as the browser shows them.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HitKind {
    Meeting,
    AgendaItem,
    /// A page of a document.
    Document,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchHit {
    pub kind: HitKind,
    /// What was found (meeting title, item title, document title).
    pub title: String,
    pub meeting_id: Uuid,
    pub meeting_title: String,
    pub document_id: Option<Uuid>,
    /// 1-based page of the hit in the document.
    pub page: Option<i64>,
    /// The original (accented) text around the match.
    pub snippet: String,
    /// The query as typed appears exactly (accents and all): ranked first.
    pub exact: bool,
}
