//! Meeting types shared by the server and the browser.
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::Lang;
use crate::identity::model::{Person, Title};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingKind {
    /// Phiên họp thường kỳ
    Regular,
    /// Phiên họp chuyên đề
    Thematic,
    Extraordinary,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Regular => "regular",
            MeetingKind::Thematic => "thematic",
            MeetingKind::Extraordinary => "extraordinary",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = crate::meetings::texts::texts(lang);
        match self {
            MeetingKind::Regular => t.meeting_kind_regular,
            MeetingKind::Thematic => t.meeting_kind_thematic,
            MeetingKind::Extraordinary => t.meeting_kind_extraordinary,
        }
    }
}

impl TryFrom<String> for MeetingKind {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        match value.as_str() {
            "regular" => Ok(MeetingKind::Regular),
            "thematic" => Ok(MeetingKind::Thematic),
            "extraordinary" => Ok(MeetingKind::Extraordinary),
            other => Err(format!("unknown meeting kind {other:?}")),
        }
    }
}

/// draft → published → in progress → closed, or postponed / cancelled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeetingState {
    Draft,
    Published,
    InProgress,
    Closed,
    Postponed,
    Cancelled,
}

impl MeetingState {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingState::Draft => "draft",
            MeetingState::Published => "published",
            MeetingState::InProgress => "in_progress",
            MeetingState::Closed => "closed",
            MeetingState::Postponed => "postponed",
            MeetingState::Cancelled => "cancelled",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        let t = crate::meetings::texts::texts(lang);
        match self {
            MeetingState::Draft => t.state_draft,
            MeetingState::Published => t.state_published,
            MeetingState::InProgress => t.state_in_progress,
            MeetingState::Closed => t.state_closed,
            MeetingState::Postponed => t.state_postponed,
            MeetingState::Cancelled => t.state_cancelled,
        }
    }
}

impl TryFrom<String> for MeetingState {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        match value.as_str() {
            "draft" => Ok(MeetingState::Draft),
            "published" => Ok(MeetingState::Published),
            "in_progress" => Ok(MeetingState::InProgress),
            "closed" => Ok(MeetingState::Closed),
            "postponed" => Ok(MeetingState::Postponed),
            "cancelled" => Ok(MeetingState::Cancelled),
            other => Err(format!("unknown meeting state {other:?}")),
        }
    }
}

/// A line of the meetings list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: Uuid,
    pub kind: MeetingKind,
    pub title: String,
    /// Start, in the meeting's own time zone.
    pub starts_local: NaiveDateTime,
    pub time_zone: String,
    pub state: MeetingState,
    pub planned_minutes: i64,
    pub item_count: i64,
}

/// The meeting page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingDetail {
    pub summary: MeetingSummary,
    pub place: Option<String>,
    pub online: bool,
    pub chair: Option<Person>,
    pub items: Vec<AgendaItem>,
    /// Members invited to the whole meeting, in protocol order, with the titles they held on
    /// the meeting's date.
    pub invitees: Vec<Person>,
    /// Changes made after publication, newest first.
    pub changes: Vec<MeetingChange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaItem {
    pub id: Uuid,
    /// Its number in the agenda (1, 2, 3…); a guest sees the real number of their item.
    pub number: i64,
    pub title: String,
    pub presenter: Option<Title>,
    pub planned_minutes: i64,
    pub documents: Vec<DocumentRef>,
    pub guests: Vec<Person>,
}

/// The fields of a meeting the secretariat edits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct MeetingForm {
    /// "regular", "thematic" or "extraordinary".
    pub kind: String,
    pub title: String,
    /// Local start in the meeting's time zone, `YYYY-MM-DDTHH:MM` (an `<input type=datetime-local>`).
    pub starts_local: String,
    pub place: String,
    pub online: bool,
    pub planned_minutes: i64,
    /// The chair's account id, empty for none yet.
    pub chair_id: String,
}

/// The fields of an agenda item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct ItemForm {
    pub title: String,
    /// Ministry code of the presenter (e.g. "BTC"), empty for none.
    pub presenter: String,
    pub planned_minutes: i64,
}

/// What the secretariat can do to a meeting's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StateAction {
    Publish,
    Postpone,
    Cancel,
}

/// A change made after publication, as members see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingChange {
    pub at: chrono::DateTime<chrono::Utc>,
    pub kind: ChangeKind,
}

/// Someone who can be invited (or chair), with the title they hold today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitable {
    pub person: Person,
    pub role: crate::identity::model::Role,
}

/// A ministry, for the presenter of an item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinistryOption {
    pub code: String,
    pub name: Title,
}

/// Everything the meeting editor needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingEditor {
    pub detail: MeetingDetail,
    pub form: MeetingForm,
    /// Members invited to the whole meeting.
    pub invited: Vec<Uuid>,
    /// Per item: its form values and guests.
    pub items: Vec<EditorItem>,
    /// Members and guests one can invite (active accounts).
    pub people: Vec<Invitable>,
    pub ministries: Vec<MinistryOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorItem {
    pub id: Uuid,
    pub form: ItemForm,
    pub guests: Vec<Uuid>,
}

/// Who is ready for a meeting: every invited member × every document, for the secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Readiness {
    pub meeting_title: String,
    /// The documents' latest versions, in agenda order (the columns).
    pub documents: Vec<ReadinessDocument>,
    /// Agenda items that have documents (what "items reviewed" counts against).
    pub items_with_documents: usize,
    /// The invited members (the rows), by name.
    pub members: Vec<MemberReadiness>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReadinessDocument {
    pub id: Uuid,
    pub title: String,
    pub item_title: String,
    pub page_count: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberReadiness {
    pub user_id: Uuid,
    pub full_name: String,
    /// One per document, in the order of [`Readiness::documents`].
    pub documents: Vec<DocumentReading>,
    /// Items whose every document this member has opened.
    pub items_reviewed: usize,
}

/// One member's reading of one document's latest version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct DocumentReading {
    pub opened: bool,
    pub pages_viewed: i64,
}

impl DocumentReading {
    /// Pages viewed ÷ pages, in whole percent (0 while the page count is unknown).
    pub fn percent(self, page_count: Option<i64>) -> i64 {
        match page_count {
            Some(count) if count > 0 => (self.pages_viewed.min(count) * 100) / count,
            _ => 0,
        }
    }
}

/// A document as listed under an agenda item: its latest version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRef {
    pub id: Uuid,
    pub title: String,
    pub version_no: i64,
    pub page_count: Option<i64>,
    /// Members may download it (else they read it in the app only).
    pub downloadable: bool,
    /// The text-extraction job's state.
    pub text_status: TextStatus,
    /// When the latest version was uploaded (a version after the first shows as "updated").
    pub updated_at: chrono::DateTime<chrono::Utc>,
    /// The page count of the version before the latest (members see "12 → 14 pages").
    pub previous_page_count: Option<i64>,
    /// Pages read as pictures without text (a scan): flagged, as search cannot find them.
    pub pages_without_text: i64,
}

/// Where a document's text stands, as its badges show it: re-read alone when the text job moves
/// on, so the page around it (and any form being filled in) is left alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentText {
    pub id: Uuid,
    pub text_status: TextStatus,
    pub page_count: Option<i64>,
    pub pages_without_text: i64,
}

impl From<&DocumentRef> for DocumentText {
    fn from(d: &DocumentRef) -> DocumentText {
        DocumentText {
            id: d.id,
            text_status: d.text_status,
            page_count: d.page_count,
            pages_without_text: d.pages_without_text,
        }
    }
}

crate::labelled_enum! {
    /// What became of a document's text (the extraction job's state): people see whether it
    /// can be searched yet.
    pub enum TextStatus {
        Queued => "queued", "Chờ trích xuất văn bản", "Text: waiting";
        Extracting => "extracting", "Đang trích xuất văn bản", "Text: extracting";
        Indexed => "indexed", "Đã lập chỉ mục", "Text indexed";
        Failed => "failed", "Không có văn bản để tìm kiếm", "Text not available";
    }
}

crate::labelled_enum! {
    /// A change made to a meeting after publication, as members see it listed.
    pub enum ChangeKind {
        Details => "details", "Thông tin cuộc họp thay đổi", "Meeting details changed";
        ItemAdded => "item_added", "Thêm nội dung họp", "Item added";
        ItemChanged => "item_changed", "Nội dung họp được sửa", "Item changed";
        ItemsReordered => "items_reordered", "Thứ tự nội dung thay đổi", "Items reordered";
        DocumentAdded => "document_added", "Thêm tài liệu", "Document added";
        DocumentVersion => "document_version", "Tài liệu được cập nhật", "Document updated";
        State => "state", "Trạng thái cuộc họp thay đổi", "Meeting state changed";
    }
}

#[cfg(test)]
mod tests {
    use super::DocumentReading;

    #[test]
    fn reading_progress_is_pages_viewed_over_pages_in_whole_percent() {
        let read = |pages_viewed| DocumentReading {
            opened: true,
            pages_viewed,
        };
        assert_eq!(read(12).percent(Some(40)), 30);
        // 3 of 7 is 42.86 %: shown as 42, never rounded up to look further along.
        assert_eq!(read(3).percent(Some(7)), 42);
        assert_eq!(read(7).percent(Some(7)), 100);
        // Unknown or empty page counts show no progress rather than dividing by zero.
        assert_eq!(read(3).percent(None), 0);
        assert_eq!(read(3).percent(Some(0)), 0);
    }
}

/// A member's position on an agenda item before the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Stance {
    /// Không có ý kiến (the default).
    #[default]
    NoObjection,
    /// Xin phát biểu.
    Speak,
    /// Không tán thành — with a reason.
    Object,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::NoObjection => "no_objection",
            Stance::Speak => "speak",
            Stance::Object => "object",
        }
    }

    pub fn parse(text: &str) -> Option<Stance> {
        [Stance::NoObjection, Stance::Speak, Stance::Object]
            .into_iter()
            .find(|s| s.as_str() == text)
    }
}

/// The viewer's own position on one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyPosition {
    pub item_id: Uuid,
    pub stance: Stance,
    pub reason: Option<String>,
}

/// One member who asked to speak or objects, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionHolder {
    pub full_name: String,
    pub reason: Option<String>,
}

/// Positions on one item, for the chair and the secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemPositions {
    pub item_id: Uuid,
    pub number: i64,
    pub title: String,
    /// Invited members who did not ask to speak nor object.
    pub no_objection: usize,
    pub speak: Vec<PositionHolder>,
    pub object: Vec<PositionHolder>,
}

impl ItemPositions {
    /// Nobody wishes to speak and nobody objects: proposed for adoption without discussion.
    pub fn in_consent_block(&self) -> bool {
        self.speak.is_empty() && self.object.is_empty()
    }
}

/// Positions on every item of a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PositionSummary {
    pub invited_members: usize,
    pub items: Vec<ItemPositions>,
}

/// A comment on an agenda item (or one of its documents), as its reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommentView {
    pub id: Uuid,
    /// The agenda item it is on.
    pub item_id: Uuid,
    /// The comment it answers (threads are one level deep or more, in order).
    pub parent_id: Option<Uuid>,
    /// On one of the item's documents: its id and title.
    pub document: Option<(Uuid, String)>,
    pub author: String,
    pub body: String,
    /// Seen only by the secretariat (and its author).
    pub secretariat_only: bool,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// Changed after it was written (the earlier texts are kept).
    pub edited: bool,
    /// Written by the viewer (who may edit it).
    pub mine: bool,
}

/// A new comment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct CommentForm {
    pub item_id: String,
    /// Empty: on the item itself.
    pub document_id: String,
    /// Empty: a new thread.
    pub parent_id: String,
    pub body: String,
    pub secretariat_only: bool,
}
