//! Ballot types shared by the server and the browser.
use serde::{Deserialize, Serialize};

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
