//! Scale out on PostgreSQL: two server processes on one database, a tablet on each. What the
//! chair does through node A reaches the tablet connected to node B (and node A's own), with
//! the room pushed whole; a guest on node B hears the room without the items not theirs.
use std::time::Duration;

use app::room::model::RoomAct;
use reqwest::header::{COOKIE, ORIGIN};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::common::meetings::*;
use crate::common::processes::*;
use crate::common::*;

/// A demo sign-in on `node` as `name`: the session cookie.
async fn sign_in(node: &Node, db: &app::db::Db, name: &str) -> String {
    let id = user_id(db, name).await;
    let response = client()
        .post(format!("{}/demo/sign-in", node.base))
        .header(ORIGIN, &node.origin)
        .form(&[("user_id", id.to_string())])
        .send()
        .await
        .unwrap();
    response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned()
}

async fn act(node: &Node, cookie: &str, meeting: Uuid, act: RoomAct) {
    let response = client()
        .post(format!("{}/api/room_act", node.base))
        .header(ORIGIN, &node.origin)
        .header(COOKIE, cookie)
        .json(&json!({"meeting_id": meeting, "act": act}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
}

/// The next `room` event on `live` (others skipped), as JSON.
async fn next_room(live: &mut Live) -> Value {
    loop {
        let event = live
            .next(Duration::from_secs(10))
            .await
            .expect("a room event");
        if event.name == "room" {
            return serde_json::from_str(&event.data).unwrap();
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_two_server_processes_serve_the_same_meeting() {
    let fresh = fresh_database(Engine::Postgres).await;
    let (data_a, data_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let node_a = Node::start(&fresh.url, data_a.path());
    let node_b = Node::start(&fresh.url, data_b.path());
    let db = app::db::Db::connect(&fresh.url, 2).await.unwrap();
    let regular = meeting_id(&db, REGULAR).await;
    let items = agenda_items(&db, regular).await;
    let (item_1, item_2) = (items[0], items[1]);

    let chair = sign_in(&node_a, &db, PRIME_MINISTER).await;
    let member_on_b = sign_in(&node_b, &db, FINANCE_MINISTER).await;
    let member_on_a = sign_in(&node_a, &db, "Lò Văn Tiến").await;
    let guest_on_b = sign_in(&node_b, &db, GUEST).await;
    let mut tablet_b = open_live_at(&node_b.base, &member_on_b, None).await;
    let mut tablet_a = open_live_at(&node_a.base, &member_on_a, None).await;
    let mut guest_b = open_live_at(&node_b.base, &guest_on_b, None).await;

    act(&node_a, &chair, regular, RoomAct::Open).await;
    for tablet in [&mut tablet_b, &mut tablet_a] {
        let room = next_room(tablet).await;
        assert_eq!(room["state"], "InProgress");
    }
    act(&node_a, &chair, regular, RoomAct::StartItem(item_1)).await;
    let room = next_room(&mut tablet_b).await;
    assert_eq!(room["current_item"], json!(item_1));
    assert_eq!(room["items"].as_array().unwrap().len(), 8);

    // The guest (of item 2) on node B: the room without item 1, then item 2 when it starts.
    let first = next_room(&mut guest_b).await;
    assert_eq!(first["state"], "InProgress");
    let second = next_room(&mut guest_b).await;
    assert!(second["current_item"].is_null());
    assert_eq!(second["items"].as_array().unwrap().len(), 1);
    act(&node_a, &chair, regular, RoomAct::StartItem(item_2)).await;
    let third = next_room(&mut guest_b).await;
    assert_eq!(third["current_item"], json!(item_2));

    // A member on node B asks to speak; the chair's tablet on node A hears it.
    let mut chair_a = open_live_at(&node_a.base, &chair, None).await;
    let response = client()
        .post(format!("{}/api/speak_request", node_b.base))
        .header(ORIGIN, &node_b.origin)
        .header(COOKIE, &member_on_b)
        .form(&[("item_id", item_2.to_string())])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let room = next_room(&mut chair_a).await;
    assert_eq!(room["queue"][0]["full_name"], FINANCE_MINISTER);
}
