//! Who may see a meeting. Decided on the server for every request; kept as a pure function
//! so the rule can be read and tested in one place.
use crate::identity::model::Role;
use crate::meetings::model::MeetingState;

/// How the viewer is connected to one meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Connection {
    /// Invited to the whole meeting (Government members).
    pub invited: bool,
    /// Number of the meeting's agenda items the viewer is a guest of.
    pub guest_items: usize,
}

/// Whether a viewer with `role` and `connection` may see a meeting in `state` at all.
///
/// - the secretariat prepares meetings: it sees all of them, drafts included;
/// - administrators manage accounts and never see meeting content;
/// - members see the meetings they are invited to, once published;
/// - guests see published meetings that have an item they are invited to (and, in the
///   store, only those items);
/// - ministry officers see no meeting: they report on tasks (no picker offers them for an
///   invitation).
pub fn can_view(role: Role, state: MeetingState, connection: Connection) -> bool {
    let distributed = state != MeetingState::Draft;
    match role {
        Role::Secretariat => true,
        Role::Admin => false,
        Role::Member => distributed && connection.invited,
        Role::Guest => distributed && connection.guest_items > 0,
        Role::Officer => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MeetingState::*;

    const INVITED: Connection = Connection {
        invited: true,
        guest_items: 0,
    };
    const GUEST_OF_ONE: Connection = Connection {
        invited: false,
        guest_items: 1,
    };
    const STRANGER: Connection = Connection {
        invited: false,
        guest_items: 0,
    };

    #[test]
    fn the_rule_written_out() {
        // (role, state, connection, expected) — each line worked out from MISSION.md.
        let cases = [
            (Role::Secretariat, Draft, STRANGER, true),
            (Role::Secretariat, Closed, STRANGER, true),
            (Role::Admin, Published, INVITED, false),
            (Role::Admin, Draft, STRANGER, false),
            (Role::Member, Draft, INVITED, false),
            (Role::Member, Published, INVITED, true),
            (Role::Member, InProgress, INVITED, true),
            (Role::Member, Closed, INVITED, true),
            (Role::Member, Postponed, INVITED, true),
            (Role::Member, Published, STRANGER, false),
            (Role::Member, Published, GUEST_OF_ONE, false),
            (Role::Guest, Published, GUEST_OF_ONE, true),
            (Role::Guest, Draft, GUEST_OF_ONE, false),
            (Role::Guest, Published, STRANGER, false),
            (Role::Guest, Published, INVITED, false),
            (Role::Officer, Published, INVITED, false),
            (Role::Officer, Closed, GUEST_OF_ONE, false),
        ];
        for (role, state, connection, expected) in cases {
            assert_eq!(
                can_view(role, state, connection),
                expected,
                "{role:?} {state:?} {connection:?}"
            );
        }
    }
}
