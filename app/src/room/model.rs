//! The meeting room: what everyone following a meeting sees of it while it runs — its clock,
//! the current item, the speaker queue, attendance and the votes. Read once per change on the
//! server and pushed whole on the live channel (one read per change, not one per tablet).
use std::collections::HashSet;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::i18n::Lang;
use crate::identity::model::Title;
use crate::meetings::model::MeetingState;

/// Where an agenda item is in the meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemStage {
    /// Not taken up yet.
    Pending,
    /// Being discussed now.
    Running,
    /// Discussed and ended.
    Done,
    /// Adopted without discussion in the consent block.
    Consent,
}

/// One agenda item in the room.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemRun {
    pub id: Uuid,
    pub number: i64,
    pub title: String,
    pub planned_minutes: i64,
    pub stage: ItemStage,
    pub started_at: Option<DateTime<Utc>>,
    pub ended_at: Option<DateTime<Utc>>,
    /// Seconds discussed (pauses left out), at [`Room::read_at`].
    pub seconds: i64,
    pub conclusion: Option<String>,
    /// Documents of the item, for the "one tap away" link: (id, title).
    pub documents: Vec<(Uuid, String)>,
    /// Not taken up, and nobody asked to speak on it or objected: the consent block will
    /// adopt it.
    pub in_consent_block: bool,
}

/// A request to speak, waiting, speaking or done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    pub speech_id: Uuid,
    pub user_id: Uuid,
    pub full_name: String,
    pub title: Option<Title>,
    /// Set when a deputy speaks for the member.
    pub deputy: Option<String>,
    pub requested_at: DateTime<Utc>,
    /// Seconds spoken (pauses left out), at [`Room::read_at`].
    pub seconds: i64,
}

/// How a member attends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Presence {
    Present,
    Remote,
    /// Absent, with a reason.
    Absent,
    /// Represented by a deputy, who may speak but does not vote nor count for the quorum.
    Deputy,
}

impl Presence {
    pub fn as_str(self) -> &'static str {
        match self {
            Presence::Present => "present",
            Presence::Remote => "remote",
            Presence::Absent => "absent",
            Presence::Deputy => "deputy",
        }
    }

    pub fn parse(s: &str) -> Option<Presence> {
        match s {
            "present" => Some(Presence::Present),
            "remote" => Some(Presence::Remote),
            "absent" => Some(Presence::Absent),
            "deputy" => Some(Presence::Deputy),
            _ => None,
        }
    }

    /// Counts towards the quorum and may vote.
    pub fn votes(self) -> bool {
        matches!(self, Presence::Present | Presence::Remote)
    }
}

/// An invited member and how they attend (`None`: not recorded yet).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttendanceLine {
    pub user_id: Uuid,
    pub full_name: String,
    pub title: Option<Title>,
    pub presence: Option<Presence>,
    pub reason: Option<String>,
    pub deputy: Option<String>,
}

/// A vote taken in the meeting with the ballot engine.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoomVote {
    pub ballot_id: Uuid,
    pub item_id: Option<Uuid>,
    pub title: String,
    pub open: bool,
    pub deadline_at: DateTime<Utc>,
    pub eligible: i64,
    pub answered: i64,
    /// The stored outcome's key once closed (see [`crate::ballots::model::outcome_key`]).
    pub outcome: Option<String>,
    /// The count stored at closing; not shown to guests.
    pub tally: Option<VoteTally>,
}

/// How a closed vote went: agree, disagree, other opinions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteTally {
    pub agree: i64,
    pub disagree: i64,
    pub other: i64,
}

/// The quorum for an in-meeting vote: at least two thirds of all Government members present.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quorum {
    /// Members present in person or remotely (deputies not counted).
    pub present: u32,
    /// Active Government members.
    pub members: u32,
    /// The least number present for a vote.
    pub needed: u32,
}

impl Quorum {
    /// Two thirds of `members`, rounded up.
    pub fn of(present: u32, members: u32) -> Quorum {
        Quorum {
            present,
            members,
            needed: (2 * members).div_ceil(3),
        }
    }

    pub fn reached(self) -> bool {
        self.members > 0 && self.present >= self.needed
    }
}

/// Everything the room shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Room {
    pub meeting_id: Uuid,
    pub title: String,
    pub state: MeetingState,
    pub time_zone: String,
    pub chair_id: Option<Uuid>,
    pub planned_minutes: i64,
    pub actual_start: Option<DateTime<Utc>>,
    pub actual_end: Option<DateTime<Utc>>,
    pub paused_since: Option<DateTime<Utc>>,
    /// The server's clock when this was read: the clocks below are as of then.
    pub read_at: DateTime<Utc>,
    /// Seconds the meeting has run (pauses left out).
    pub seconds: i64,
    pub current_item: Option<Uuid>,
    pub items: Vec<ItemRun>,
    /// Who has the floor on the current item.
    pub speaking: Option<Speaker>,
    /// Waiting to speak on the current item, in order of request.
    pub queue: Vec<Speaker>,
    /// Who spoke on the current item.
    pub spoken: Vec<Speaker>,
    pub attendance: Vec<AttendanceLine>,
    pub quorum: Quorum,
    pub votes: Vec<RoomVote>,
}

impl Room {
    /// Whether the clocks run (the meeting is on and not paused).
    pub fn running(&self) -> bool {
        self.state == MeetingState::InProgress && self.paused_since.is_none()
    }

    pub fn item(&self, id: Uuid) -> Option<&ItemRun> {
        self.items.iter().find(|i| i.id == id)
    }

    /// What a guest invited to `items` may see: only those items; the speaker queue and the
    /// votes only when one of them is being discussed; not the attendance.
    pub fn for_guest(&self, items: &HashSet<Uuid>) -> Room {
        let on_theirs = self.current_item.is_some_and(|c| items.contains(&c));
        Room {
            current_item: self.current_item.filter(|_| on_theirs),
            items: self
                .items
                .iter()
                .filter(|i| items.contains(&i.id))
                .cloned()
                .collect(),
            speaking: self.speaking.clone().filter(|_| on_theirs),
            queue: if on_theirs {
                self.queue.clone()
            } else {
                Vec::new()
            },
            spoken: if on_theirs {
                self.spoken.clone()
            } else {
                Vec::new()
            },
            attendance: Vec::new(),
            votes: self
                .votes
                .iter()
                .filter(|v| v.item_id.is_some_and(|i| items.contains(&i)))
                .map(|v| RoomVote {
                    tally: None,
                    ..v.clone()
                })
                .collect(),
            ..self.clone()
        }
    }
}

/// What the chair (or the secretariat) does to run the meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RoomAct {
    /// Start the meeting: the actual start is recorded, positions freeze.
    Open,
    Pause,
    Resume,
    /// Adopt every item proposed for the consent block (nobody asked to speak nor objected)
    /// that has not been taken up, in one act.
    AdoptConsent,
    /// Take up an item (ending the one under discussion, if any).
    StartItem(Uuid),
    /// End the item under discussion.
    EndItem,
    /// Give the floor to a waiting speaker (ending the current speaker's time).
    GiveFloor(Uuid),
    /// End the current speaker's time.
    EndFloor,
    /// Record an item's conclusion.
    Conclude {
        item: Uuid,
        text: String,
    },
    /// End an in-meeting vote before its deadline (the result is counted then).
    EndVote(Uuid),
    /// End the meeting: the actual end is recorded.
    Close,
}

impl ItemStage {
    /// As people read it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ItemStage::Pending, Lang::Vi) => "Chưa thảo luận",
            (ItemStage::Pending, Lang::En) => "Not yet taken up",
            (ItemStage::Running, Lang::Vi) => "Đang thảo luận",
            (ItemStage::Running, Lang::En) => "Under discussion",
            (ItemStage::Done, Lang::Vi) => "Đã thảo luận",
            (ItemStage::Done, Lang::En) => "Discussed",
            (ItemStage::Consent, Lang::Vi) => "Thông qua không thảo luận",
            (ItemStage::Consent, Lang::En) => "Adopted without discussion",
        }
    }
}

impl Presence {
    /// As people read it, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Presence::Present, Lang::Vi) => "Có mặt",
            (Presence::Present, Lang::En) => "Present",
            (Presence::Remote, Lang::Vi) => "Trực tuyến",
            (Presence::Remote, Lang::En) => "Remote",
            (Presence::Absent, Lang::Vi) => "Vắng mặt",
            (Presence::Absent, Lang::En) => "Absent",
            (Presence::Deputy, Lang::Vi) => "Cử người dự thay",
            (Presence::Deputy, Lang::En) => "Represented by a deputy",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quorum_is_two_thirds_rounded_up() {
        // (present, members, needed, reached) worked out by hand.
        let cases = [
            (18, 27, 18, true),
            (17, 27, 18, false),
            (17, 26, 18, false), // 2 × 26 / 3 = 17.33 → 18
            (18, 26, 18, true),
            (20, 30, 20, true),
            (19, 30, 20, false),
            (2, 3, 2, true),
            (0, 0, 0, false), // nobody to count: no vote
        ];
        for (present, members, needed, reached) in cases {
            let q = Quorum::of(present, members);
            assert_eq!(q.needed, needed, "{present}/{members}");
            assert_eq!(q.reached(), reached, "{present}/{members}");
        }
    }

    fn item(id: Uuid, number: i64) -> ItemRun {
        ItemRun {
            id,
            number,
            title: format!("Item {number}"),
            planned_minutes: 10,
            stage: ItemStage::Pending,
            started_at: None,
            ended_at: None,
            seconds: 0,
            conclusion: None,
            documents: Vec::new(),
            in_consent_block: false,
        }
    }

    #[test]
    fn a_guest_sees_only_their_item() {
        let (one, two) = (Uuid::now_v7(), Uuid::now_v7());
        let speaker = Speaker {
            speech_id: Uuid::now_v7(),
            user_id: Uuid::now_v7(),
            full_name: "A".into(),
            title: None,
            deputy: None,
            requested_at: Utc::now(),
            seconds: 3,
        };
        let room = Room {
            meeting_id: Uuid::now_v7(),
            title: "T".into(),
            state: MeetingState::InProgress,
            time_zone: "Asia/Ho_Chi_Minh".into(),
            chair_id: None,
            planned_minutes: 60,
            actual_start: Some(Utc::now()),
            actual_end: None,
            paused_since: None,
            read_at: Utc::now(),
            seconds: 10,
            current_item: Some(one),
            items: vec![item(one, 1), item(two, 2)],
            speaking: Some(speaker.clone()),
            queue: vec![speaker.clone()],
            spoken: vec![speaker],
            attendance: vec![AttendanceLine {
                user_id: Uuid::now_v7(),
                full_name: "B".into(),
                title: None,
                presence: Some(Presence::Present),
                reason: None,
                deputy: None,
            }],
            quorum: Quorum::of(1, 1),
            votes: Vec::new(),
        };
        // A guest of item 2 while item 1 is discussed: nothing of item 1.
        let guest = room.for_guest(&HashSet::from([two]));
        assert_eq!(guest.current_item, None);
        assert_eq!(guest.items.len(), 1);
        assert_eq!(guest.items[0].id, two);
        assert!(guest.speaking.is_none() && guest.queue.is_empty() && guest.spoken.is_empty());
        assert!(guest.attendance.is_empty());
        // A guest of item 1 sees its discussion.
        let guest = room.for_guest(&HashSet::from([one]));
        assert_eq!(guest.current_item, Some(one));
        assert!(guest.speaking.is_some());
        assert_eq!(guest.queue.len(), 1);
    }
}
