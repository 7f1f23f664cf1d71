//! Ballot types shared by the server and the browser.
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// A member's answer to a ballot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Choice {
    /// Đồng ý
    Agree,
    /// Không đồng ý
    Disagree,
    /// Ý kiến khác — comes with a text.
    Other,
}

impl Choice {
    pub fn as_str(self) -> &'static str {
        match self {
            Choice::Agree => "agree",
            Choice::Disagree => "disagree",
            Choice::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BallotState {
    Draft,
    Open,
    Closed,
}

impl BallotState {
    pub fn as_str(self) -> &'static str {
        match self {
            BallotState::Draft => "draft",
            BallotState::Open => "open",
            BallotState::Closed => "closed",
        }
    }
}

impl Choice {
    pub fn parse(text: &str) -> Option<Choice> {
        match text {
            "agree" => Some(Choice::Agree),
            "disagree" => Some(Choice::Disagree),
            "other" => Some(Choice::Other),
            _ => None,
        }
    }
}

impl BallotState {
    pub fn parse(text: &str) -> Option<BallotState> {
        match text {
            "draft" => Some(BallotState::Draft),
            "open" => Some(BallotState::Open),
            "closed" => Some(BallotState::Closed),
            _ => None,
        }
    }
}

/// One ballot in a list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotSummaryRow {
    pub id: uuid::Uuid,
    pub title: String,
    pub state: BallotState,
    pub deadline_at: chrono::DateTime<chrono::Utc>,
    /// Members who answered, of those eligible (0 of 0 for a draft).
    pub answered: u32,
    pub eligible: u32,
    /// The caller's own current answer (members).
    pub mine: Option<Choice>,
}

/// What the secretariat fills in to create or edit a draft ballot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotDraft {
    pub title: String,
    pub question: String,
    /// Local time in Vietnam, `YYYY-MM-DDTHH:MM` (the form's `datetime-local`).
    pub deadline: String,
    /// Eligible members; empty means all Government members.
    pub eligible: Vec<uuid::Uuid>,
    /// Hours before the deadline at which members who have not answered are reminded.
    pub reminder_hours: Vec<u32>,
    /// Whether members see the result once the ballot is closed.
    pub results_to_members: bool,
}

/// A member's answer as shown back.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerView {
    pub choice: Choice,
    pub text: String,
    pub comment: String,
    pub answered_at: chrono::DateTime<chrono::Utc>,
    /// Entered by the secretariat from a paper answer: not signed.
    pub on_paper: bool,
}

/// A draft document of a ballot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotDocument {
    pub id: uuid::Uuid,
    pub title: String,
    pub page_count: Option<i64>,
}

/// A deadline extension and its reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExtensionView {
    pub old_deadline_at: chrono::DateTime<chrono::Utc>,
    pub new_deadline_at: chrono::DateTime<chrono::Utc>,
    pub reason: String,
    pub at: chrono::DateTime<chrono::Utc>,
}

/// One eligible member, for the secretariat's progress list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EligibleView {
    pub user_id: uuid::Uuid,
    pub full_name: String,
    pub title: Option<String>,
    pub answer: Option<AnswerView>,
}

/// An "other opinion" and who gave it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OtherOpinion {
    pub full_name: String,
    pub text: String,
}

/// The result of a closed ballot: the tally, the outcome and the summary (tổng hợp ý kiến).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotResult {
    pub tally: crate::ballots::outcome::Tally,
    pub outcome: crate::ballots::outcome::Outcome,
    pub others: Vec<OtherOpinion>,
    /// Comments given with an answer (any choice), with their authors.
    pub comments: Vec<OtherOpinion>,
    pub not_answered: Vec<String>,
}

/// Everything the ballot page shows; parts the caller may not see are empty.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BallotView {
    pub id: uuid::Uuid,
    /// Set for a vote taken in a meeting (from the room).
    pub meeting_id: Option<uuid::Uuid>,
    pub title: String,
    pub question: String,
    pub state: BallotState,
    pub deadline_at: chrono::DateTime<chrono::Utc>,
    pub sent_at: Option<chrono::DateTime<chrono::Utc>>,
    pub closed_at: Option<chrono::DateTime<chrono::Utc>>,
    pub reminder_hours: Vec<u32>,
    pub results_to_members: bool,
    /// The draft documents the members are asked about (read in the reader).
    pub documents: Vec<BallotDocument>,
    pub extensions: Vec<ExtensionView>,
    /// The caller may manage it (the secretariat).
    pub manage: bool,
    /// The caller may answer it now (eligible member, open, before the deadline).
    pub may_answer: bool,
    /// The caller's current answer, if any.
    pub mine: Option<AnswerView>,
    /// The eligible members and their answers (the secretariat only).
    pub eligible: Vec<EligibleView>,
    /// Once closed, for the secretariat, and for members when the ballot says so.
    pub result: Option<BallotResult>,
}

/// What the browser needs to have the member's passkey sign an answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SignRequest {
    /// The server's one-use nonce (hex), sent back with the signed answer.
    pub nonce: String,
    pub options: webauthn_rs_proto::RequestChallengeResponse,
}

/// A stable name for an outcome (CSV, `data-outcome`, the stored column).
pub fn outcome_key(outcome: crate::ballots::outcome::Outcome) -> &'static str {
    use crate::ballots::outcome::Outcome;
    match outcome {
        Outcome::Adopted => "adopted",
        Outcome::Rejected => "rejected",
        Outcome::NoDecision => "no_decision",
    }
}

impl Choice {
    /// As people read it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Choice::Agree, Lang::Vi) => "Đồng ý",
            (Choice::Agree, Lang::En) => "Agree",
            (Choice::Disagree, Lang::Vi) => "Không đồng ý",
            (Choice::Disagree, Lang::En) => "Disagree",
            (Choice::Other, Lang::Vi) => "Ý kiến khác",
            (Choice::Other, Lang::En) => "Other opinion",
        }
    }
}

impl BallotState {
    /// As people read it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (BallotState::Draft, Lang::Vi) => "Bản nháp",
            (BallotState::Draft, Lang::En) => "Draft",
            (BallotState::Open, Lang::Vi) => "Đang lấy ý kiến",
            (BallotState::Open, Lang::En) => "Open",
            (BallotState::Closed, Lang::Vi) => "Đã kết thúc",
            (BallotState::Closed, Lang::En) => "Closed",
        }
    }
}
