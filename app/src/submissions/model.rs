//! Submissions, shared by the server and the browser.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::labelled_enum! {
    /// What a submission asks for.
    pub enum SubmissionKind {
        Item => "item", "Đề nghị đưa vào chương trình phiên họp", "A proposal for a meeting's agenda";
        Ballot => "ballot", "Đề nghị lấy ý kiến thành viên Chính phủ bằng phiếu", "A proposal for a written ballot";
    }
}

crate::labelled_enum! {
    /// Where a submission stands.
    pub enum SubmissionState {
        Draft => "draft", "Đang chuẩn bị", "Being prepared";
        Sent => "sent", "Đã gửi, chờ Văn phòng Chính phủ", "Sent, awaiting the Government Office";
        Returned => "returned", "Văn phòng Chính phủ trả lại", "Returned by the Government Office";
        Accepted => "accepted", "Đã tiếp nhận", "Accepted";
        Scheduled => "scheduled", "Đã tiếp nhận, xếp lịch phiên sau", "Accepted for a later session";
        Withdrawn => "withdrawn", "Đã rút", "Withdrawn";
    }
}

/// One entry of a kind's checklist: a document a submission must (or may) carry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Requirement {
    pub code: String,
    pub label_vi: String,
    pub label_en: String,
    pub required: bool,
}

/// A submission as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionSummary {
    pub id: Uuid,
    pub ministry_code: String,
    pub ministry_vi: String,
    pub kind: SubmissionKind,
    pub title: String,
    pub urgent: bool,
    /// The session asked for ("2026-12"), for a meeting's item.
    pub session_month: Option<String>,
    pub state: SubmissionState,
    pub late: bool,
    pub updated_at: DateTime<Utc>,
    /// Bumped by every change: what a minister signs is the revision they saw.
    pub revision: i64,
}

/// A document of a submission: its current version, and the checklist entry it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionDocument {
    pub document_id: Uuid,
    pub title: String,
    pub file_name: String,
    pub version_no: i64,
    pub sha256: String,
    pub requirement: Option<String>,
}

/// One entry of a submission's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionEvent {
    pub kind: String,
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub body: String,
}

/// A submission's page: what it is, its documents against its checklist, its history, and
/// what the viewer may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionView {
    pub submission: SubmissionSummary,
    pub summary: String,
    pub presenter: String,
    pub documents: Vec<SubmissionDocument>,
    /// Each checklist entry, and whether a document answers it.
    pub checklist: Vec<(Requirement, bool)>,
    pub events: Vec<SubmissionEvent>,
    /// The viewer prepares it (an officer of its ministry, while a draft or returned).
    pub may_edit: bool,
    /// The viewer may sign and send it (a Government member of its ministry, the file
    /// complete, while a draft or returned).
    pub may_send: bool,
}

/// What an officer fills in. `session_month`: "YYYY-MM" for a meeting's item, else empty;
/// `presenter_id`: a member's id, or empty with `presenter_name` (a deputy named in words).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SubmissionForm {
    pub kind: String,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub urgent: bool,
    #[serde(default)]
    pub session_month: String,
    #[serde(default)]
    pub presenter_id: String,
    #[serde(default)]
    pub presenter_name: String,
}

/// Whether every required entry of a ticked checklist is answered.
pub fn complete(ticked: &[(Requirement, bool)]) -> bool {
    ticked.iter().all(|(r, present)| !r.required || *present)
}
