//! What many tests of meetings do: read answers, list the agenda, take positions, act in the
//! meeting room.
use app::room::model::RoomAct;
use serde_json::{json, Value};
use uuid::Uuid;

use super::{call_form, call_json, TestServer};

/// A JSON answer of the server (panics with the body when it is not JSON).
pub fn json_of(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"))
}

/// The message the page shows (in Vietnamese) for an error the server answered with.
pub fn vi(body: &str) -> String {
    let error: app::error::AppError =
        serde_json::from_str(body).unwrap_or_else(|_| panic!("not an error: {body}"));
    error.message(app::i18n::Lang::Vi)
}

/// The agenda items of `meeting`, in order.
pub async fn agenda_items(db: &app::db::Db, meeting: Uuid) -> Vec<Uuid> {
    let rows: Vec<(Uuid,)> = app::with_db!(db, |pool| {
        sqlx::query_as("select id from agenda_item where meeting_id = $1 order by position")
            .bind(meeting)
            .fetch_all(pool)
            .await
    })
    .expect("agenda items");
    rows.into_iter().map(|(id,)| id).collect()
}

/// Take a position on `item` (`stance`: "NoObjection", "Speak" or "Object"); the status.
pub async fn set_position(
    server: &TestServer,
    cookie: &str,
    item: Uuid,
    stance: &str,
    reason: &str,
) -> u16 {
    let item = item.to_string();
    let form = [
        ("item_id", item.as_str()),
        ("stance", stance),
        ("reason", reason),
    ];
    call_form(server, cookie, "position_set", &form).await.0
}

/// An act of the chair in the meeting room; (status, body).
pub async fn room_act(
    server: &TestServer,
    cookie: &str,
    meeting: Uuid,
    act: RoomAct,
) -> (u16, String) {
    call_json(
        server,
        cookie,
        "room_act",
        json!({"meeting_id": meeting, "act": act}),
    )
    .await
}
