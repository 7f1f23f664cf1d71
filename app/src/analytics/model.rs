//! What the savings dashboard shows, shared by the server and the browser.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::meetings::model::MeetingKind;

/// One closed e-Cabinet meeting and what it saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingSavings {
    pub meeting_id: Uuid,
    pub title: String,
    pub kind: MeetingKind,
    pub held_on: NaiveDate,
    pub items: i64,
    pub consent_items: i64,
    pub planned_minutes: i64,
    pub actual_minutes: i64,
    /// What the meeting would have taken on paper (`None`: no baseline for its kind).
    pub baseline_minutes: Option<i64>,
    /// (baseline − actual) ÷ baseline, in percent, one decimal; negative when longer.
    pub reduction_percent: Option<f64>,
    pub speaking_minutes: i64,
    /// Pages that would have been printed: each document's pages × the copies for everyone
    /// it went to.
    pub pages_saved: i64,
    pub cost_saved: i64,
    /// (document, recipient) pairs opened in the reader, of all pairs distributed.
    pub read_pairs: i64,
    pub distributed_pairs: i64,
    /// Each item in agenda order: (number, planned minutes, actual minutes).
    pub item_minutes: Vec<(i64, i64, i64)>,
    /// Under half the planned time: held back from the totals until the secretariat
    /// reviews it.
    pub far_shorter: bool,
    /// The secretariat's decision on whether it counts, if any.
    pub review: Option<SavingsReview>,
    /// Whether it counts in the totals (see [`crate::analytics::savings::counts`]).
    pub counts: bool,
}

/// Whether a closed meeting counts in the savings, as the secretariat decided, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavingsReview {
    pub counts: bool,
    pub reason: String,
    pub decided_by: String,
    pub decided_at: chrono::DateTime<chrono::Utc>,
}

/// The baseline of one kind of meeting: minutes per agenda item on paper.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BaselineRate {
    pub kind: MeetingKind,
    /// From the historical meetings (`None`: none imported).
    pub historical: Option<f64>,
    pub historical_meetings: i64,
    /// Set by the secretariat; wins over the historical rate.
    pub configured: Option<f64>,
}

impl BaselineRate {
    pub fn effective(&self) -> Option<f64> {
        self.configured.or(self.historical)
    }
}

/// Everything over all closed meetings, with the honest correction for ballots.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Totals {
    pub meetings: i64,
    pub baseline_minutes: i64,
    pub actual_minutes: i64,
    pub reduction_percent: Option<f64>,
    /// Items decided by written ballot instead of in a meeting, and the meeting minutes they
    /// would have taken (at the regular baseline rate): not a saving, time moved.
    pub ballots_closed: i64,
    pub moved_to_ballots_minutes: i64,
    /// (baseline − actual) − moved to ballots.
    pub net_saved_minutes: i64,
    pub consent_items: i64,
    pub items: i64,
    pub speaking_minutes: i64,
    pub pages_saved: i64,
    pub cost_saved: i64,
    pub read_percent: Option<f64>,
    /// Median hours from a ballot's sending to each member's answer, over closed ballots.
    pub ballot_response_hours: Option<f64>,
}

/// A paper-era meeting imported from CSV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoricalMeeting {
    pub held_on: NaiveDate,
    pub kind: MeetingKind,
    pub duration_minutes: i64,
    pub item_count: i64,
}

/// The settings of the savings computation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct SavingsSettings {
    /// Cost of one printed page (printing, copying, delivery), in đồng.
    pub cost_per_page: i64,
    /// Minutes per item per kind set by the secretariat; empty text = from history.
    pub regular: String,
    pub thematic: String,
    pub extraordinary: String,
}

/// The dashboard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub meetings: Vec<MeetingSavings>,
    pub totals: Totals,
    pub rates: Vec<BaselineRate>,
    /// Paper-era meetings, oldest first, for the trend of minutes per item.
    pub history: Vec<HistoricalMeeting>,
    pub settings: SavingsSettings,
    pub may_configure: bool,
    /// Median days from a conclusion to its task's completion (`tasks::dashboard`).
    pub task_days_to_done: Option<f64>,
}

/// Who is online now and what is waiting, for leaders and the secretariat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveUsage {
    /// People with a session active in the last five minutes, by name.
    pub online: Vec<String>,
    /// Documents opened in the reader today (Vietnam time), and by how many people.
    pub documents_opened_today: i64,
    pub readers_today: i64,
    /// Open ballots with the number of members who have not answered yet.
    pub pending: Vec<(Uuid, String, i64)>,
}
