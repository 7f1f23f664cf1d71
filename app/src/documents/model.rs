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
    /// Members may download it (else they read it in the app only).
    pub downloadable: bool,
    /// The text-extraction job: "queued", "extracting", "indexed" or "failed".
    pub text_status: String,
    /// When the latest version was uploaded (a version after the first shows as "updated").
    pub updated_at: chrono::DateTime<chrono::Utc>,
}
