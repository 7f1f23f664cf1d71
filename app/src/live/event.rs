//! What travels on the live channel.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// An event, as published between nodes (JSON in a `NOTIFY`) and filtered per stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum LiveEvent {
    /// Some or all sessions of this user ended (deactivation, "sign out other devices"):
    /// each of the user's streams re-checks its own session and closes if it is gone.
    SessionsEnded { user_id: Uuid },
    /// Something of a meeting changed (agenda, documents, state): pages showing it re-read
    /// what they may see.
    MeetingChanged { meeting_id: Uuid },
    /// A position on an item of a meeting changed: only the positions summary re-reads.
    PositionsChanged { meeting_id: Uuid },
    /// A comment on an item of a meeting was written or edited: only discussions re-read.
    CommentsChanged { meeting_id: Uuid },
    /// A document of a meeting was taken up or read by the background text job: pages
    /// showing its status re-read. Apart from `MeetingChanged` so that it never re-checks
    /// access, and tests can tell it from people's acts.
    TextRead { meeting_id: Uuid },
    /// A ballot changed (sent, answered, extended, closed): its pages re-read.
    BallotChanged { ballot_id: Uuid },
    /// A task changed (assigned, reported on, decided): the pages of those who may see it
    /// re-read (the dashboard, the list, the task).
    TaskChanged { task_id: Uuid },
    /// Something happened in a meeting's room (the chair's acts, attendance, requests to
    /// speak, votes): the room as read once after the change, pushed whole to every tablet
    /// (a guest's cut down to their items by their stream). Shared, not copied, by the
    /// streams of a node. The room travels as the JSON the room domain wrote: the channel
    /// carries it without knowing its shape.
    RoomChanged {
        meeting_id: Uuid,
        room: std::sync::Arc<str>,
    },
}

impl LiveEvent {
    /// The meeting an event is about, and what the page hears.
    pub fn meeting(&self) -> Option<(Uuid, StreamMessage)> {
        match self {
            LiveEvent::SessionsEnded { .. }
            | LiveEvent::BallotChanged { .. }
            | LiveEvent::TaskChanged { .. } => None,
            LiveEvent::RoomChanged { meeting_id, .. } => Some((*meeting_id, StreamMessage::Room)),
            LiveEvent::MeetingChanged { meeting_id } => Some((*meeting_id, StreamMessage::Meeting)),
            LiveEvent::TextRead { meeting_id } => Some((*meeting_id, StreamMessage::Text)),
            LiveEvent::PositionsChanged { meeting_id } => {
                Some((*meeting_id, StreamMessage::Positions))
            }
            LiveEvent::CommentsChanged { meeting_id } => {
                Some((*meeting_id, StreamMessage::Comments))
            }
        }
    }
}

/// What a page receives: the SSE `event:` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StreamMessage {
    /// The stream is open for this session.
    Ready,
    /// This session has ended: the page must drop what it shows (remote wipe).
    Ended,
    /// A meeting the viewer may see changed; data: `{"meeting_id": …}`.
    Meeting,
    /// Positions on a meeting the viewer may see changed; data: `{"meeting_id": …}`.
    Positions,
    /// Comments on a meeting the viewer may see changed; data: `{"meeting_id": …}`.
    Comments,
    /// A document's text status changed in a meeting the viewer may see; data:
    /// `{"meeting_id": …}`.
    Text,
    /// A ballot the viewer may see changed; data: `{"ballot_id": …}`.
    Ballot,
    /// A task the viewer may see changed; data: `{"task_id": …}`.
    Task,
    /// The room of a meeting the viewer may see; data: the room, as the room domain wrote it.
    Room,
}

impl StreamMessage {
    pub fn name(self) -> &'static str {
        match self {
            StreamMessage::Ready => "ready",
            StreamMessage::Ended => "ended",
            StreamMessage::Meeting => "meeting",
            StreamMessage::Positions => "positions",
            StreamMessage::Comments => "comments",
            StreamMessage::Text => "text",
            StreamMessage::Ballot => "ballot",
            StreamMessage::Task => "task",
            StreamMessage::Room => "room",
        }
    }
}
