//! Document types shared by the server and the browser.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What the reader page shows around the document (the PDF itself comes from the file route).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReaderView {
    pub document_id: Uuid,
    pub version_id: Uuid,
    pub version_no: i64,
    pub title: String,
    pub page_count: Option<i64>,
    pub downloadable: bool,
    /// The page the document belongs to (its meeting, or its ballot) and that page's title.
    pub back_href: String,
    pub back_title: String,
    /// The agenda item's title ("" for a ballot's document).
    pub item_title: String,
    /// Where the reader stopped last time in this version (1 the first time).
    pub last_page: i64,
    /// The watermark's name.
    pub viewer: String,
    /// The size (width, height in pixels) of the picture of the file's first page, when one
    /// was made (`/documents/{id}/first-page`): shown while pdf.js loads.
    pub first_page_picture: Option<(i64, i64)>,
    /// How many pages were read as pictures without text (a scan): flagged in the reader.
    pub pages_without_text: i64,
}

/// A private note on a page, as its author sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub id: Uuid,
    pub document_id: Uuid,
    pub document_title: String,
    pub version_no: i64,
    /// Written on the document's latest version (else on an older one, shown as such).
    pub on_latest: bool,
    pub page_no: i64,
    pub body: String,
    pub updated_at: chrono::DateTime<chrono::Utc>,
}
