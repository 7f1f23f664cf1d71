//! The idle lock is real (both engines): only the person's own actions — opening a page, the
//! page's `session_touch` when they touch it — keep a session open; what the page asks by
//! itself does not. A locked session gets 401 from every server function and no content in
//! any page, and its live channel stops.

use std::time::Duration as Wait;

use app::room::model::RoomAct;
use chrono::{DateTime, Duration, Utc};

use crate::common::meetings::room_act;
use crate::common::*;

on_both_engines!(
    only_the_persons_actions_keep_a_session_open,
    the_live_channel_stops_when_its_session_locks
);

async fn set_last_seen(db: &app::db::Db, at: DateTime<Utc>) {
    app::with_db!(db, |pool| {
        sqlx::query("update session set last_seen_at = $1")
            .bind(at)
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
}

async fn last_seen(db: &app::db::Db) -> DateTime<Utc> {
    let (at,): (DateTime<Utc>,) = app::with_db!(db, |pool| {
        sqlx::query_as("select max(last_seen_at) from session")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    at
}

async fn only_the_persons_actions_keep_a_session_open(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let id = regular.to_string();
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;

    // 29 minutes since the person last did anything; the page keeps reading by itself.
    let then = Utc::now() - Duration::minutes(29);
    set_last_seen(&db, then).await;
    for (endpoint, form) in [
        ("meeting", vec![("id", id.as_str())]),
        ("meetings", vec![]),
        ("meeting_comments", vec![("meeting_id", id.as_str())]),
        ("session", vec![]),
    ] {
        assert_eq!(call_form(&server, &finance, endpoint, &form).await.0, 200);
    }
    let seen = last_seen(&db).await;
    assert!((seen - then).num_seconds().abs() <= 1, "moved to {seen}");
    // The person touches the page: the clock moves.
    assert_eq!(
        call_form(&server, &finance, "session_touch", &[]).await.0,
        200
    );
    assert!(Utc::now() - last_seen(&db).await < Duration::seconds(5));

    // 31 minutes without the person: locked, for everything.
    set_last_seen(&db, Utc::now() - Duration::minutes(31)).await;
    assert_eq!(
        call_form(&server, &finance, "meeting", &[("id", &id)])
            .await
            .0,
        401
    );
    assert_eq!(
        call_form(&server, &finance, "session_touch", &[]).await.0,
        401
    );
    let page = client()
        .get(format!("{}/meetings/{regular}", server.base))
        .header(reqwest::header::COOKIE, &finance)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let items = crate::common::meetings::agenda_items(&db, regular).await;
    let (first_item,): (String,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select title from agenda_item where id = $1")
            .bind(items[0])
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert!(
        !page.contains(&first_item),
        "a locked session's page shows the agenda"
    );
    // Still locked: reading did not reopen it.
    assert_eq!(
        call_form(&server, &finance, "session_touch", &[]).await.0,
        401
    );
}

/// With a one-minute lock: the member's tablet is left alone with its live channel open; the
/// meeting opens after the minute, and nothing of it reaches the tablet: the stream ends (at
/// its periodic check once the minute is over, or at the first event after it), without
/// `ended` — the page keeps its lock screen, not a wiped page.
async fn the_live_channel_stops_when_its_session_locks(engine: Engine) {
    let server = start_server_with(engine, true, &["--session-idle-minutes", "1"]).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let mut tablet = open_live(&server, &finance, None).await;
    tokio::time::sleep(Wait::from_secs(62)).await;
    // The chair, signed in now, is not idle.
    let chair = demo_cookie(&server, PRIME_MINISTER).await;
    let (status, body) = room_act(&server, &chair, regular, RoomAct::Open).await;
    assert_eq!(status, 200, "{body}");
    let rest = tablet
        .rest(Wait::from_secs(10))
        .await
        .expect("the stream ended");
    assert!(!rest.contains("event: room"), "{rest}");
    assert!(!rest.contains("event: ended"), "{rest}");
}
