//! Ballots as the secretariat makes them, through the server functions.
use app::ballots::model::BallotDraft;
use serde_json::json;
use uuid::Uuid;

use super::calls::{call_form, call_json};
use super::TestServer;

/// Create a draft ballot titled `title` for `eligible` (deadline 2030, no reminders); its id.
pub async fn draft_ballot(
    server: &TestServer,
    secretary: &str,
    title: &str,
    eligible: &[Uuid],
) -> Uuid {
    let draft = BallotDraft {
        title: title.to_owned(),
        question: "Đề nghị cho ý kiến.".to_owned(),
        deadline: "2030-12-31T17:00".to_owned(),
        eligible: eligible.to_vec(),
        reminder_hours: vec![],
        results_to_members: true,
    };
    let (status, body) =
        call_json(server, secretary, "ballot_create", json!({"draft": draft})).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

/// Send draft `ballot` to the members.
pub async fn send_ballot(server: &TestServer, secretary: &str, ballot: Uuid) {
    let (status, body) = call_form(
        server,
        secretary,
        "ballot_send",
        &[("id", &ballot.to_string())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
}

/// Create a ballot titled `title` for `eligible` (deadline 2030, no reminders) and send it;
/// its id.
pub async fn open_ballot(
    server: &TestServer,
    secretary: &str,
    title: &str,
    eligible: &[Uuid],
) -> Uuid {
    let ballot = draft_ballot(server, secretary, title, eligible).await;
    send_ballot(server, secretary, ballot).await;
    ballot
}
