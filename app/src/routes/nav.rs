//! Which sections each role sees in the navigation.
use crate::i18n::Messages;
use crate::identity::model::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Meetings,
    Ballots,
    /// Follow-up tasks: the secretariat, members (their ministry's; the leaders all) and
    /// ministry officers.
    Tasks,
    /// Ministries' submissions: the secretariat (all), ministers and ministry officers
    /// (their ministry's); not the Prime Minister and the Deputies, who have none.
    Submissions,
    Search,
    /// Account administration: the secretariat (members, guests) and administrators.
    Accounts,
    Audit,
    /// What e-Cabinet saves: the secretariat and the Government's leaders.
    Analytics,
}

impl Section {
    pub fn href(self) -> &'static str {
        match self {
            Section::Meetings => "/",
            Section::Ballots => "/ballots",
            Section::Tasks => "/tasks",
            Section::Submissions => "/submissions",
            Section::Search => "/search",
            Section::Accounts => "/admin",
            Section::Audit => "/audit",
            Section::Analytics => "/analytics",
        }
    }

    pub fn label(self, t: &Messages) -> &'static str {
        match self {
            Section::Meetings => t.nav_meetings,
            Section::Ballots => t.nav_ballots,
            Section::Tasks => t.nav_tasks,
            Section::Submissions => t.nav_submissions,
            Section::Search => t.nav_search,
            Section::Accounts => t.nav_accounts,
            Section::Audit => t.nav_audit,
            Section::Analytics => t.nav_analytics,
        }
    }
}

/// The sections of the navigation for `role` (a `leader` is a member who leads the
/// Government: they also see the savings); administrators never get meeting content.
pub fn sections_for(role: Role, leader: bool) -> Vec<Section> {
    match role {
        Role::Member if leader => vec![
            Section::Meetings,
            Section::Ballots,
            Section::Tasks,
            Section::Search,
            Section::Analytics,
        ],
        Role::Member => vec![
            Section::Meetings,
            Section::Ballots,
            Section::Tasks,
            Section::Submissions,
            Section::Search,
        ],
        Role::Guest => vec![Section::Meetings, Section::Search],
        Role::Secretariat => vec![
            Section::Meetings,
            Section::Ballots,
            Section::Tasks,
            Section::Submissions,
            Section::Search,
            Section::Analytics,
            Section::Accounts,
            Section::Audit,
        ],
        Role::Admin => vec![Section::Accounts, Section::Audit],
        Role::Officer => vec![Section::Tasks, Section::Submissions],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn administrators_get_no_meeting_section() {
        assert_eq!(
            sections_for(Role::Admin, false),
            [Section::Accounts, Section::Audit]
        );
        assert_eq!(
            sections_for(Role::Secretariat, false),
            [
                Section::Meetings,
                Section::Ballots,
                Section::Tasks,
                Section::Submissions,
                Section::Search,
                Section::Analytics,
                Section::Accounts,
                Section::Audit
            ]
        );
        assert_eq!(
            sections_for(Role::Member, false),
            [
                Section::Meetings,
                Section::Ballots,
                Section::Tasks,
                Section::Submissions,
                Section::Search
            ]
        );
        // The Prime Minister and the Deputies see the savings.
        assert_eq!(
            sections_for(Role::Member, true),
            [
                Section::Meetings,
                Section::Ballots,
                Section::Tasks,
                Section::Search,
                Section::Analytics
            ]
        );
        // Guests are never asked on ballots.
        assert_eq!(
            sections_for(Role::Guest, false),
            [Section::Meetings, Section::Search]
        );
        // A ministry officer: the ministry's tasks, nothing of meetings.
        assert_eq!(
            sections_for(Role::Officer, false),
            [Section::Tasks, Section::Submissions]
        );
    }
}
