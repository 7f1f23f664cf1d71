//! The second pair of eyes on enrolment links, through the server functions.
use serde_json::Value;

use super::calls::call_form;
use super::meetings::json_of;
use super::TestServer;

/// The open enrolment request for `full_name` that `cookie` sees, if any.
pub async fn pending_for(server: &TestServer, cookie: &str, full_name: &str) -> Option<Value> {
    let (status, body) = call_form(server, cookie, "enrolments_pending", &[]).await;
    assert_eq!(status, 200, "{body}");
    json_of(&body)
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["full_name"] == full_name)
        .cloned()
}

/// Approve the open request for `full_name` as `cookie`; the token of the link it made.
pub async fn approve_for(server: &TestServer, cookie: &str, full_name: &str) -> String {
    let request = pending_for(server, cookie, full_name)
        .await
        .unwrap_or_else(|| panic!("an open request for {full_name}"));
    let (status, body) = call_form(
        server,
        cookie,
        "enrolment_approve",
        &[("id", request["id"].as_str().unwrap())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let link = json_of(&body)["link"].as_str().unwrap().to_owned();
    assert!(
        link.starts_with(&format!("{}/enrol/", server.base)),
        "{link}"
    );
    link.rsplit('/').next().unwrap().to_owned()
}
