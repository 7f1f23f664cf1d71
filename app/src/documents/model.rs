//! Document types shared by the server and the browser.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A document as listed under an agenda item: its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub id: Uuid,
    pub title: String,
    pub version_no: i64,
    pub page_count: Option<i64>,
}
