//! The authorization matrix's table, written out by hand: every endpoint the server has, and
//! the status each kind of user must get from it in each state of the meeting. Not derived
//! from the policy code; `authz_matrix` runs it. An endpoint without a row fails the test.

use crate::common::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Anonymous,
    UninvitedMember,
    InvitedMember,
    Guest,
    Chair,
    Secretariat,
    Admin,
    Deactivated,
    /// A ministry's officer (Finance): the ministry's tasks, nothing of meetings.
    Officer,
}

pub const EVERYONE: [Who; 9] = [
    Who::Anonymous,
    Who::UninvitedMember,
    Who::InvitedMember,
    Who::Guest,
    Who::Chair,
    Who::Secretariat,
    Who::Admin,
    Who::Deactivated,
    Who::Officer,
];

impl Who {
    pub fn account(self) -> Option<&'static str> {
        match self {
            Who::Anonymous => None,
            Who::UninvitedMember => Some("Lò Văn Tiến"),
            Who::InvitedMember => Some(FINANCE_MINISTER),
            Who::Guest => Some(GUEST),
            Who::Chair => Some(PRIME_MINISTER),
            Who::Secretariat => Some(SECRETARY),
            Who::Admin => Some(ADMIN),
            Who::Deactivated => Some("Quách Thị Mai"),
            Who::Officer => Some("Quách Văn Nam"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Draft,
    Published,
    Closed,
}

impl State {
    pub fn column(self) -> &'static str {
        match self {
            State::Draft => "draft",
            State::Published => "published",
            State::Closed => "closed",
        }
    }
}

/// Every endpoint the matrix knows. The test fails if the server has one not listed here.
pub const ENDPOINTS: &[&str] = &[
    "GET /",
    "GET /sign-in",
    "GET /meetings/{id}",
    "GET /admin",
    "GET /enrol/{token}",
    "POST /api/session",
    "POST /api/sign_in_options",
    "POST /api/meetings",
    "POST /api/meeting",
    "POST /api/meeting_texts",
    "POST /api/enrolment_info",
    "POST /api/enrol_start",
    "POST /api/enrol_finish",
    "POST /api/sign_in_start",
    "POST /api/sign_in_finish",
    "GET /healthz",
    "GET /readyz",
    "POST /sign-out",
    "POST /demo/sign-in",
    "GET /account",
    "GET /audit",
    "GET /api/live",
    "POST /api/my_account",
    "POST /api/passkey_rename",
    "POST /api/passkey_remove",
    "POST /api/passkey_add_start",
    "POST /api/passkey_add_finish",
    "POST /api/sessions_end_others",
    "POST /api/accounts",
    "POST /api/account_create",
    "POST /api/accounts_import",
    "POST /api/account_reissue",
    "POST /api/account_deactivate",
    "POST /api/enrolments_pending",
    "POST /api/session_touch",
    "POST /api/enrolment_approve",
    "POST /api/enrolment_refuse",
    "POST /api/audit",
    "POST /api/sign_in_named_start",
    "GET /search",
    "POST /api/search",
    "GET /documents/{id}/file",
    "GET /documents/{id}/first-page",
    "POST /documents/upload",
    "GET /meetings/new",
    "GET /meetings/{id}/edit",
    "POST /api/meeting_editor",
    "POST /api/meeting_create",
    "POST /api/meeting_update",
    "POST /api/meeting_state",
    "POST /api/meeting_copy",
    "POST /api/item_add",
    "POST /api/item_update",
    "POST /api/items_reorder",
    "POST /api/item_remove",
    "POST /api/document_remove",
    "POST /api/document_downloadable",
    "POST /api/document_title",
    "POST /api/invitees_set",
    "POST /api/item_guests_set",
    "GET /documents/{id}/read",
    "POST /api/reader_open",
    "POST /api/record_page_view",
    "POST /api/notes_of_document",
    "POST /api/notes_of_meeting",
    "POST /api/note_add",
    "POST /api/note_delete",
    "GET /meetings/{id}/readiness",
    "POST /api/readiness",
    "POST /api/position_set",
    "POST /api/positions_mine",
    "POST /api/positions_summary",
    "POST /api/meeting_comments",
    "POST /api/comment_add",
    "POST /api/comment_edit",
    "POST /api/comment_history",
    "GET /ballots",
    "GET /ballots/{id}",
    "GET /ballots/{id}/summary",
    "GET /ballots/{id}/summary.csv",
    "POST /api/ballots",
    "POST /api/ballot",
    "POST /api/ballot_members",
    "POST /api/ballot_create",
    "POST /api/ballot_update",
    "POST /api/ballot_send",
    "POST /api/ballot_extend",
    "POST /api/ballot_close",
    "POST /api/ballot_sign_start",
    "POST /api/ballot_answer",
    "POST /api/ballot_paper_answer",
    "GET /meetings/{id}/room",
    "POST /api/meeting_room",
    "POST /api/room_act",
    "POST /api/attendance_set",
    "POST /api/attendance_present",
    "POST /api/speak_request",
    "POST /api/speak_withdraw",
    "POST /api/room_vote",
    "GET /meetings/{id}/minutes",
    "GET /meetings/{id}/conclusions",
    "GET /meetings/{id}/minutes.pdf",
    "GET /meetings/{id}/conclusions.pdf",
    "POST /api/minutes",
    "POST /api/conclusions",
    "POST /api/minutes_save",
    "POST /api/minutes_redraft",
    "POST /api/minutes_approve",
    "POST /api/minutes_finalise",
    "GET /analytics",
    "GET /analytics/savings.csv",
    "POST /api/savings",
    "POST /api/live_usage",
    "POST /api/savings_settings",
    "POST /api/history_import",
    "POST /api/savings_review",
    "GET /tasks",
    "GET /tasks.csv",
    "GET /tasks/{id}",
    "POST /api/tasks",
    "POST /api/task_dashboard",
    "POST /api/task",
    "POST /api/task_assign",
    "POST /api/task_sources",
    "POST /api/tasks_import",
    "POST /api/task_report",
    "POST /api/task_decide",
    "POST /api/task_extension_ask",
    "POST /api/task_extension_decide",
    "GET /submissions",
    "GET /submissions/{id}",
    "POST /api/submissions",
    "POST /api/submission",
    "POST /api/submission_save",
    "POST /api/submission_presenters",
    "POST /api/submission_send_start",
    "POST /api/submission_send",
];

/// The member the administrator deactivates in the matrix (not one of the users acting).
pub const DEACTIVATION_TARGET: &str = "Giang Hữu Phúc";

/// The expected status, by hand. The meeting in question is the regular session in `state`.
pub fn expected(endpoint: &str, who: Who, state: State) -> u16 {
    use Who::*;
    match endpoint {
        "GET /healthz" | "GET /readyz" | "GET /sign-in" => 200,
        "POST /api/session" | "POST /api/sign_in_options" | "POST /api/sign_in_start" => 200,
        // An unknown enrolment link, a ceremony that was never started: refused for everyone.
        "GET /enrol/{token}" | "POST /api/enrolment_info" | "POST /api/enrol_start" => 400,
        "POST /api/enrol_finish" | "POST /api/sign_in_finish" => 400,
        // An address with no account.
        "POST /api/sign_in_named_start" => 400,
        // Everyone signed in may search; what they find is checked below (titles of what
        // they may not see never appear).
        "GET /search"
        | "POST /api/session_touch"
        | "POST /api/search"
        | "GET /account"
        | "GET /api/live"
        | "POST /api/my_account"
        | "POST /api/passkey_add_start"
        | "POST /api/sessions_end_others" => match who {
            Anonymous | Deactivated => 401,
            _ => 200,
        },
        // Someone else's passkey or note (a random id): not found for everyone signed in.
        "POST /api/passkey_rename"
        | "POST /api/passkey_remove"
        | "POST /api/note_delete"
        | "POST /api/comment_edit"
        | "POST /api/comment_history" => match who {
            Anonymous | Deactivated => 401,
            _ => 404,
        },
        // No ceremony was started.
        "POST /api/passkey_add_finish" => match who {
            Anonymous | Deactivated => 401,
            _ => 400,
        },
        // The accounts are members and guests: the secretariat may manage them.
        "GET /admin"
        | "POST /api/accounts"
        | "POST /api/account_create"
        | "POST /api/accounts_import"
        | "POST /api/account_reissue"
        | "GET /audit"
        | "POST /api/audit" => match who {
            Anonymous | Deactivated => 401,
            Admin | Secretariat => 200,
            _ => 403,
        },
        // Meeting preparation is the secretariat's alone. The calls go to a scratch draft
        // meeting (or the regular session for reading), with arguments that are harmless to
        // repeat; where the secretariat's call is refused on its merits, the status says so.
        "GET /meetings/new"
        | "GET /meetings/{id}/edit"
        | "POST /api/meeting_editor"
        | "POST /api/meeting_create"
        | "POST /api/meeting_update"
        | "POST /api/meeting_copy"
        | "POST /api/item_add"
        | "POST /api/item_update"
        | "POST /api/invitees_set"
        | "POST /api/item_guests_set" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 200,
            _ => 403,
        },
        // Postponing a draft is not a transition; an empty order leaves items out; the
        // upload is not a PDF; the ids name nothing.
        "POST /api/meeting_state" | "POST /api/items_reorder" | "POST /documents/upload" => {
            match who {
                Anonymous | Deactivated => 401,
                Secretariat => 400,
                _ => 403,
            }
        }
        "POST /api/item_remove"
        | "POST /api/document_remove"
        | "POST /api/document_downloadable"
        | "POST /api/document_title" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 404,
            _ => 403,
        },
        // Who has read what is for the secretariat, whatever the meeting's state.
        "GET /meetings/{id}/readiness" | "POST /api/readiness" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 200,
            _ => 403,
        },
        "POST /api/account_deactivate" => match who {
            Anonymous | Deactivated => 401,
            Admin => 200,
            _ => 403,
        },
        // The requests waiting for a second person: for those who manage accounts.
        "POST /api/enrolments_pending" => match who {
            Anonymous | Deactivated => 401,
            Admin | Secretariat => 200,
            _ => 403,
        },
        // Deciding on a request that does not exist (a random id).
        "POST /api/enrolment_approve" | "POST /api/enrolment_refuse" => match who {
            Anonymous | Deactivated => 401,
            Admin | Secretariat => 404,
            _ => 403,
        },
        "POST /sign-out" | "POST /demo/sign-in" => 303,
        "GET /" | "POST /api/meetings" => match who {
            Anonymous | Deactivated => 401,
            _ => 200,
        },
        // The document of item 1, which is not the guest's item: reading it, the picture of its
        // first page, its reader page, its reading progress and the reader's notes on it.
        "GET /documents/{id}/file"
        | "GET /documents/{id}/first-page"
        | "GET /documents/{id}/read"
        | "POST /api/reader_open"
        | "POST /api/record_page_view"
        | "POST /api/notes_of_document"
        | "POST /api/note_add"
        | "POST /api/comment_add" => {
            let [draft, published, closed] = match who {
                Anonymous | Deactivated => [401, 401, 401],
                UninvitedMember | Admin | Guest | Officer => [404, 404, 404],
                InvitedMember | Chair => [404, 200, 200],
                Secretariat => [200, 200, 200],
            };
            match state {
                State::Draft => draft,
                State::Published => published,
                State::Closed => closed,
            }
        }
        // A position on item 1: invited members, until the meeting starts (then 400); others
        // who see the meeting may not take one.
        "POST /api/position_set" => {
            let [draft, published, closed] = match who {
                Anonymous | Deactivated => [401, 401, 401],
                UninvitedMember | Admin | Officer => [404, 404, 404],
                InvitedMember | Chair => [404, 200, 400],
                Guest => [404, 403, 403],
                Secretariat => [403, 403, 403],
            };
            match state {
                State::Draft => draft,
                State::Published => published,
                State::Closed => closed,
            }
        }
        // Counts and names: the chair and the secretariat.
        "POST /api/positions_summary" => {
            let [draft, published, closed] = match who {
                Anonymous | Deactivated => [401, 401, 401],
                UninvitedMember | Admin | Officer => [404, 404, 404],
                InvitedMember | Guest => [404, 403, 403],
                Chair => [404, 200, 200],
                Secretariat => [200, 200, 200],
            };
            match state {
                State::Draft => draft,
                State::Published => published,
                State::Closed => closed,
            }
        }
        "GET /meetings/{id}"
        | "GET /meetings/{id}/room"
        | "POST /api/meeting_room"
        | "POST /api/meeting"
        | "POST /api/meeting_texts"
        | "POST /api/notes_of_meeting"
        | "POST /api/meeting_comments"
        | "POST /api/positions_mine" => {
            let [draft, published, closed] = match who {
                Anonymous | Deactivated => [401, 401, 401],
                UninvitedMember | Admin | Officer => [404, 404, 404],
                InvitedMember | Chair | Guest => [404, 200, 200],
                Secretariat => [200, 200, 200],
            };
            match state {
                State::Draft => draft,
                State::Published => published,
                State::Closed => closed,
            }
        }
        // Running the meeting: the chair (of a meeting they see) and the secretariat. The
        // requests are refused on their merits (resuming a meeting not in progress, an
        // absence without a reason, nobody to mark present, a vote without a question) so
        // nothing changes.
        "POST /api/room_act"
        | "POST /api/attendance_set"
        | "POST /api/attendance_present"
        | "POST /api/room_vote" => {
            let [draft, published, closed] = match who {
                Anonymous | Deactivated => [401, 401, 401],
                UninvitedMember | Admin | Officer => [404, 404, 404],
                InvitedMember | Guest => [404, 403, 403],
                Chair => [404, 400, 400],
                Secretariat => [400, 400, 400],
            };
            match state {
                State::Draft => draft,
                State::Published => published,
                State::Closed => closed,
            }
        }
        // Asking to speak on item 1: invited members, while the meeting runs (it never does
        // here: 400); withdrawing a request that does not exist changes nothing (200). The
        // guest is not invited to item 1; the secretariat does not speak.
        "POST /api/speak_request" | "POST /api/speak_withdraw" => {
            let running = if endpoint == "POST /api/speak_request" {
                400
            } else {
                200
            };
            let [draft, published, closed] = match who {
                Anonymous | Deactivated => [401, 401, 401],
                UninvitedMember | Admin | Guest | Officer => [404, 404, 404],
                InvitedMember | Chair => [404, running, running],
                Secretariat => [403, 403, 403],
            };
            match state {
                State::Draft => draft,
                State::Published => published,
                State::Closed => closed,
            }
        }
        // The minutes: drafts for the secretariat and the chair, once the meeting is closed
        // (400 before); members read them once final (not here: 403); guests never.
        "GET /meetings/{id}/minutes"
        | "GET /meetings/{id}/conclusions"
        | "GET /meetings/{id}/minutes.pdf"
        | "GET /meetings/{id}/conclusions.pdf"
        | "POST /api/minutes"
        | "POST /api/conclusions" => {
            let [draft, published, closed] = match who {
                Anonymous | Deactivated => [401, 401, 401],
                UninvitedMember | Admin | Officer => [404, 404, 404],
                InvitedMember | Guest => [404, 403, 403],
                Chair => [404, 400, 200],
                Secretariat => [400, 400, 200],
            };
            match state {
                State::Draft => draft,
                State::Published => published,
                State::Closed => closed,
            }
        }
        // Acts on the minutes name a meeting that does not exist: the role decides first.
        "POST /api/minutes_save" | "POST /api/minutes_redraft" | "POST /api/minutes_finalise" => {
            match who {
                Anonymous | Deactivated => 401,
                Secretariat => 404,
                _ => 403,
            }
        }
        "POST /api/minutes_approve" => match who {
            Anonymous | Deactivated => 401,
            UninvitedMember | InvitedMember | Chair => 404,
            Guest | Secretariat | Admin | Officer => 403,
        },
        // The savings and the live usage: the secretariat and the Government's leaders (the
        // chair here is the Prime Minister); not ministers, guests or administrators.
        "GET /analytics"
        | "GET /analytics/savings.csv"
        | "POST /api/savings"
        | "POST /api/live_usage" => match who {
            Anonymous | Deactivated => 401,
            Secretariat | Chair => 200,
            UninvitedMember | InvitedMember | Guest | Admin | Officer => 403,
        },
        // Settings, the history import and the review of a meeting are the secretariat's; the
        // requests are refused on their merits (a negative cost, an empty file, no reason) so
        // nothing changes.
        "POST /api/savings_settings" | "POST /api/history_import" | "POST /api/savings_review" => {
            match who {
                Anonymous | Deactivated => 401,
                Secretariat => 400,
                _ => 403,
            }
        }
        // Ballots do not depend on the meeting. The ballot in question is open and asks the
        // invited member and the chair (the Prime Minister); the summary's is closed.
        "GET /ballots" | "POST /api/ballots" => match who {
            Anonymous | Deactivated => 401,
            _ => 200,
        },
        "GET /ballots/{id}" | "POST /api/ballot" => match who {
            Anonymous | Deactivated => 401,
            InvitedMember | Chair | Secretariat => 200,
            UninvitedMember | Guest | Admin | Officer => 404,
        },
        // The printable summary: the secretariat's (a member asked sees the result on the
        // ballot's page, not the summary).
        "GET /ballots/{id}/summary" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 200,
            _ => 404,
        },
        "GET /ballots/{id}/summary.csv"
        | "POST /api/ballot_members"
        | "POST /api/ballot_create"
        | "POST /api/ballot_update"
        | "POST /api/ballot_paper_answer" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 200,
            _ => 403,
        },
        // A ballot id that names nothing.
        "POST /api/ballot_send" | "POST /api/ballot_extend" | "POST /api/ballot_close" => match who
        {
            Anonymous | Deactivated => 401,
            Secretariat => 404,
            _ => 403,
        },
        // Members asked may begin signing — but have no passkey in the demo (400); a signed
        // answer that belongs to no nonce is refused (400); the secretariat is not asked
        // (400); anyone else does not see the ballot.
        "POST /api/ballot_sign_start" | "POST /api/ballot_answer" => match who {
            Anonymous | Deactivated => 401,
            InvitedMember | Chair | Secretariat => 400,
            UninvitedMember | Guest | Admin | Officer => 404,
        },
        // Follow-up tasks: every member (their ministry's, the leaders all), the officers and
        // the secretariat read them; guests and administrators never. The task named is a
        // random id: not found for whoever may look.
        "GET /tasks" | "GET /tasks.csv" | "POST /api/tasks" | "POST /api/task_dashboard" => {
            match who {
                Anonymous | Deactivated => 401,
                Guest | Admin => 403,
                _ => 200,
            }
        }
        "GET /tasks/{id}"
        | "POST /api/task"
        | "POST /api/task_report"
        | "POST /api/task_extension_ask" => match who {
            Anonymous | Deactivated => 401,
            Guest | Admin => 403,
            _ => 404,
        },
        // Assigning is the secretariat's (the form is refused on its merits: no text);
        // deciding too (the task does not exist).
        "POST /api/task_sources" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 200,
            _ => 403,
        },
        // An empty file: refused on its merits for the secretariat.
        "POST /api/tasks_import" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 400,
            _ => 403,
        },
        "POST /api/task_assign" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 400,
            _ => 403,
        },
        "POST /api/task_decide" | "POST /api/task_extension_decide" => match who {
            Anonymous | Deactivated => 401,
            Secretariat => 404,
            _ => 403,
        },
        // Submissions: the Office all, a ministry (its minister, its officers) its own; the
        // Prime Minister has no ministry; guests and administrators none. The one named is a
        // random id: not found for whoever may look.
        "GET /submissions" | "POST /api/submissions" => match who {
            Anonymous | Deactivated => 401,
            Guest | Admin | Chair => 403,
            _ => 200,
        },
        "GET /submissions/{id}"
        | "POST /api/submission"
        | "POST /api/submission_send_start"
        | "POST /api/submission_send" => match who {
            Anonymous | Deactivated => 401,
            Guest | Admin | Chair => 403,
            _ => 404,
        },
        // Only a ministry's officer prepares (the form is refused on its merits: no title).
        "POST /api/submission_save" => match who {
            Anonymous | Deactivated => 401,
            Officer => 400,
            _ => 403,
        },
        "POST /api/submission_presenters" => match who {
            Anonymous | Deactivated => 401,
            Officer => 200,
            _ => 403,
        },
        other => panic!("the authorization matrix has no row for {other}: add one"),
    }
}

/// Whether `who` may learn anything of the regular session in `state` (its title).
pub fn may_see_regular(who: Who, state: State) -> bool {
    use Who::*;
    match who {
        Secretariat => true,
        InvitedMember | Chair | Guest => state != State::Draft,
        Anonymous | UninvitedMember | Admin | Deactivated | Officer => false,
    }
}
