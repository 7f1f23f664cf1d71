//! The live channel re-checks who may see a meeting (both engines): a member uninvited while
//! their tablet is connected is told once that the meeting changed, and nothing of it follows
//! — while an invited member keeps receiving the room.

use std::time::Duration;

use app::room::model::RoomAct;
use serde_json::json;

use crate::common::meetings::room_act;
use crate::common::*;

on_both_engines!(an_uninvited_member_stops_receiving_the_meeting);

async fn an_uninvited_member_stops_receiving_the_meeting(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let pm = demo_cookie(&server, PRIME_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let mut finance_tablet = open_live(&server, &finance, None).await;
    let mut pm_tablet = open_live(&server, &pm, None).await;

    // Everyone invited stays, but the Minister of Finance.
    let finance_id = user_id(&db, FINANCE_MINISTER).await;
    let (others,): (String,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select count(*) || '' from invitation where meeting_id = $1")
            .bind(regular)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert!(others.parse::<i64>().unwrap() > 2);
    let keep: Vec<(uuid::Uuid,)> = app::with_db!(&db, |pool| {
        sqlx::query_as("select user_id from invitation where meeting_id = $1 and user_id <> $2")
            .bind(regular)
            .bind(finance_id)
            .fetch_all(pool)
            .await
    })
    .unwrap();
    let keep: Vec<String> = keep.into_iter().map(|(id,)| id.to_string()).collect();
    let (status, body) = call_json(
        &server,
        &secretary,
        "invitees_set",
        json!({"meeting_id": regular, "all": false, "members": keep}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // Told once, so the page re-reads (and finds the meeting gone).
    let told = finance_tablet.next(Duration::from_secs(10)).await.unwrap();
    assert_eq!(told.name, "meeting");
    assert_eq!(
        call_form(
            &server,
            &finance,
            "meeting",
            &[("id", &regular.to_string())]
        )
        .await
        .0,
        404
    );

    // The meeting opens: the Prime Minister's tablet follows, the uninvited one hears nothing.
    let (status, body) = room_act(&server, &pm, regular, RoomAct::Open).await;
    assert_eq!(status, 200, "{body}");
    let mut heard = Vec::new();
    while let Some(event) = pm_tablet.next(Duration::from_secs(5)).await {
        heard.push(event.name.clone());
        if event.name == "room" {
            break;
        }
    }
    assert!(heard.contains(&"room".to_owned()), "{heard:?}");
    assert_eq!(finance_tablet.next(Duration::from_secs(3)).await, None);
}
