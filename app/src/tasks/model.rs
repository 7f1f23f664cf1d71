//! Follow-up tasks (nhiệm vụ), shared by the server and the browser: where a task came from,
//! where it stands, and what happened to it.
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::labelled_enum! {
    /// Where a task came from.
    pub enum TaskSource {
        Conclusion => "conclusion", "Kết luận phiên họp", "A meeting's conclusion";
        Ballot => "ballot", "Kết quả phiếu lấy ý kiến", "A ballot's result";
        Resolution => "resolution", "Nghị quyết", "A resolution";
        Manual => "manual", "Giao trực tiếp", "Assigned directly";
    }
}

crate::labelled_enum! {
    /// The stored state: what the secretariat and the lead ministry have done.
    pub enum TaskState {
        Assigned => "assigned", "Đang thực hiện", "In progress";
        CompletionReported => "completion_reported",
            "Đã báo cáo hoàn thành, chờ Văn phòng Chính phủ",
            "Completion reported, awaiting the Government Office";
        Done => "done", "Hoàn thành", "Done";
    }
}

crate::labelled_enum! {
    /// Where a task stands on a given day (`tasks::status`): what the dashboard counts.
    pub enum TaskStatus {
        DoneOnTime => "done_on_time", "Hoàn thành đúng hạn", "Done on time";
        DoneLate => "done_late", "Hoàn thành quá hạn", "Done late";
        InProgress => "in_progress", "Đang thực hiện", "In progress";
        Overdue => "overdue", "Quá hạn", "Overdue";
    }
}

crate::labelled_enum! {
    /// How often a regular task (nhiệm vụ thường xuyên) is reported on.
    pub enum Cycle {
        Monthly => "monthly", "Hằng tháng", "Monthly";
        Quarterly => "quarterly", "Hằng quý", "Quarterly";
        Yearly => "yearly", "Hằng năm", "Yearly";
    }
}

crate::labelled_enum! {
    /// One entry of a task's history.
    pub enum EventKind {
        Assigned => "assigned", "Giao nhiệm vụ", "Assigned";
        Progress => "progress", "Báo cáo tiến độ", "Progress report";
        Contribution => "contribution", "Ý kiến của cơ quan phối hợp", "Coordinating agency's contribution";
        Completion => "completion", "Báo cáo hoàn thành", "Completion reported";
        Accepted => "accepted", "Văn phòng Chính phủ xác nhận hoàn thành", "Accepted by the Government Office";
        Returned => "returned", "Văn phòng Chính phủ trả lại", "Returned by the Government Office";
        ExtensionAsked => "extension_asked", "Đề nghị gia hạn", "Extension asked";
        ExtensionGranted => "extension_granted", "Đồng ý gia hạn", "Extension granted";
        ExtensionRefused => "extension_refused", "Không đồng ý gia hạn", "Extension refused";
        Imported => "imported", "Nhập từ danh sách giấy", "Imported from the paper records";
    }
}

/// A ministry, as a task names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinistryRef {
    pub id: Uuid,
    pub code: String,
    pub name_vi: String,
    pub name_en: String,
}

/// A task as lists show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskSummary {
    pub id: Uuid,
    pub text: String,
    pub source: TaskSource,
    /// What the source is called: "meeting — item", a ballot's title, a resolution's number.
    pub source_title: String,
    pub lead: MinistryRef,
    pub coordinators: Vec<MinistryRef>,
    /// The deadline in force, and as first assigned (`None`: a regular task).
    pub deadline: Option<NaiveDate>,
    pub first_deadline: Option<NaiveDate>,
    pub cycle: Option<Cycle>,
    pub state: TaskState,
    pub status: TaskStatus,
    pub done_on: Option<NaiveDate>,
    /// The day it was assigned (Government time zone).
    pub assigned_on: NaiveDate,
    /// The Government member answerable for it, if one was named.
    pub responsible: Option<String>,
    /// What the burn-down groups it under: a resolution's number, or the meeting whose
    /// conclusion assigned it (for those who see sources).
    pub resolution: Option<String>,
}

/// A PDF a report carried (read in the document reader).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub document_id: Uuid,
    pub file_name: String,
    pub page_count: Option<i64>,
}

/// One entry of a task's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskEventView {
    pub kind: EventKind,
    pub at: DateTime<Utc>,
    pub actor: Option<String>,
    pub ministry: Option<String>,
    pub body: String,
    pub percent: Option<i64>,
    pub deadline: Option<NaiveDate>,
    pub attachments: Vec<Attachment>,
}

/// A task's page: the task, its history, and what the viewer may do on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskView {
    pub task: TaskSummary,
    pub events: Vec<TaskEventView>,
    /// The viewer reports for the lead ministry (progress, completion, extension).
    pub may_report: bool,
    /// The viewer reports for a coordinating ministry (contributions).
    pub may_contribute: bool,
    /// The viewer is of the secretariat (accepts, returns, decides extensions).
    pub may_decide: bool,
    /// The day asked for by an extension not yet decided.
    pub extension_asked: Option<NaiveDate>,
}

/// What the secretariat fills in to assign a task. Ministries by code; coordinators comma-
/// separated; `deadline` a day (`YYYY-MM-DD`) or empty with a `cycle` for a regular task.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TaskForm {
    pub text: String,
    pub source: String,
    #[serde(default)]
    pub item_id: String,
    #[serde(default)]
    pub ballot_id: String,
    #[serde(default)]
    pub resolution_no: String,
    pub lead: String,
    #[serde(default)]
    pub coordinators: String,
    #[serde(default)]
    pub deadline: String,
    #[serde(default)]
    pub cycle: String,
    /// The responsible Government member's id, or empty.
    #[serde(default)]
    pub responsible: String,
}

/// What a task may be assigned from, as (id, label): concluded items, closed ballots.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sources {
    pub items: Vec<(Uuid, String)>,
    pub ballots: Vec<(Uuid, String)>,
    /// The active Government members, who may be named responsible.
    pub members: Vec<(Uuid, String)>,
}

/// The counts of one row of the dashboard.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figures {
    pub assigned: i64,
    pub done_on_time: i64,
    pub done_late: i64,
    pub in_progress: i64,
    pub overdue: i64,
}

impl Figures {
    pub fn done(&self) -> i64 {
        self.done_on_time + self.done_late
    }

    /// Done of assigned, in percent (`None` when nothing is assigned).
    pub fn completion_percent(&self) -> Option<f64> {
        (self.assigned > 0).then(|| 100.0 * self.done() as f64 / self.assigned as f64)
    }

    /// Done on time of done, in percent (`None` when nothing is done).
    pub fn on_time_percent(&self) -> Option<f64> {
        (self.done() > 0).then(|| 100.0 * self.done_on_time as f64 / self.done() as f64)
    }
}

/// How many of a resolution's tasks were still open at the end of each month ("YYYY-MM"),
/// from the month the first was assigned to this one (today for this month).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BurnDown {
    pub resolution: String,
    pub tasks: i64,
    pub open: Vec<(String, i64)>,
}

/// The dashboard: the figures in all, by lead ministry and by source, the on-time share by
/// month of completion, and the overdue tasks, the oldest deadline first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub today: Option<NaiveDate>,
    pub total: Figures,
    pub by_ministry: Vec<(MinistryRef, Figures)>,
    pub by_source: Vec<(TaskSource, Figures)>,
    /// ("YYYY-MM", done on time, done) by the month tasks were done.
    pub on_time_by_month: Vec<(String, i64, i64)>,
    /// Median days from a conclusion to its task's completion.
    pub median_days_to_done: Option<f64>,
    /// The open tasks of each resolution at each month's end, the largest resolutions first.
    pub burn_downs: Vec<BurnDown>,
    pub oldest_overdue: Vec<TaskSummary>,
}
