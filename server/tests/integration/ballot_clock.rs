//! Ballots and the clock, on both engines: an extension (with a reason, to a later
//! deadline, members told), the reminder hours before the deadline (to those who have not
//! answered, once), and the deadline closing the ballot by itself with its result.
use app::ballots::model::BallotDraft;
use serde_json::{json, Value};
use uuid::Uuid;

use crate::ballots::{paper_agree, THIRD_MEMBER};
use crate::common::meetings::*;
use crate::common::*;

on_both_engines!(reminders_deadline_and_extension_follow_the_clock,);

async fn reminders_deadline_and_extension_follow_the_clock(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let secretary = demo_cookie(&server, SECRETARY).await;
    let finance = user_id(&db, FINANCE_MINISTER).await;
    let third = user_id(&db, THIRD_MEMBER).await;
    let draft = BallotDraft {
        title: "Phiếu nhắc việc".to_owned(),
        question: "Cho ý kiến?".to_owned(),
        deadline: "2030-12-31T17:00".to_owned(),
        eligible: vec![finance, third],
        reminder_hours: vec![2],
        results_to_members: false,
    };
    let (_, body) = call_json(
        &server,
        &secretary,
        "ballot_create",
        json!({"draft": draft}),
    )
    .await;
    let ballot: Uuid = serde_json::from_str(&body).unwrap();
    let id = ballot.to_string();
    call_form(&server, &secretary, "ballot_send", &[("id", &id)]).await;
    let notices = |member: Uuid, kind: &'static str| {
        let db = db.clone();
        async move {
            let (n,): (i64,) = app::with_db!(&db, |pool| sqlx::query_as(
                "select count(*) from notification where user_id = $1 and kind = $2 and subject_id = $3"
            )
            .bind(member)
            .bind(kind)
            .bind(ballot)
            .fetch_one(pool)
            .await)
            .unwrap();
            n
        }
    };
    assert_eq!(notices(finance, "ballot_sent").await, 1);

    // An extension needs a reason and a later deadline; members are told.
    let (status, body) = call_form(
        &server,
        &secretary,
        "ballot_extend",
        &[
            ("id", &id),
            ("deadline", "2031-01-15T17:00"),
            ("reason", " "),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert!(vi(&body).contains("lý do"), "{body}");
    let (status, body) = call_form(
        &server,
        &secretary,
        "ballot_extend",
        &[
            ("id", &id),
            ("deadline", "2031-01-15T17:00"),
            ("reason", "Chờ ý kiến thẩm định của Bộ Tư pháp"),
        ],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(notices(finance, "ballot_extended").await, 1);
    let seen = ballot_as(&server, FINANCE_MINISTER, &id).await;
    assert_eq!(
        seen["extensions"][0]["reason"],
        "Chờ ý kiến thẩm định của Bộ Tư pháp"
    );

    // The finance minister answers (on paper); sent three hours ago, due in one hour: the
    // 2-hour reminder goes to the third member only, once.
    let (status, body) = paper_agree(&server, &secretary, &id, finance).await;
    assert_eq!(status, 200, "{body}");
    let now = chrono::Utc::now();
    app::with_db!(&db, |pool| sqlx::query(
        "update ballot set sent_at = $1, deadline_at = $2 where id = $3"
    )
    .bind(now - chrono::Duration::hours(3))
    .bind(now + chrono::Duration::hours(1))
    .bind(ballot)
    .execute(pool)
    .await
    .map(|_| ()))
    .unwrap();
    let (tick, _) = app::ballots::schedule::tick(&db).await.unwrap();
    assert_eq!(
        tick,
        app::ballots::schedule::Tick {
            closed: 0,
            reminded: 1
        }
    );
    let (tick, _) = app::ballots::schedule::tick(&db).await.unwrap();
    assert_eq!(tick.reminded, 0, "a reminder goes once");
    assert_eq!(notices(third, "ballot_reminder").await, 1);
    assert_eq!(notices(finance, "ballot_reminder").await, 0);

    // Past the deadline: an answer is refused at once, and the next tick closes the ballot.
    app::with_db!(&db, |pool| sqlx::query(
        "update ballot set deadline_at = $1 where id = $2"
    )
    .bind(now - chrono::Duration::seconds(1))
    .bind(ballot)
    .execute(pool)
    .await
    .map(|_| ()))
    .unwrap();
    let (status, body) = paper_agree(&server, &secretary, &id, third).await;
    assert_eq!(status, 400);
    assert!(vi(&body).contains("quá thời hạn"), "{body}");
    let (tick, changed) = app::ballots::schedule::tick(&db).await.unwrap();
    assert_eq!((tick.closed, changed), (1, vec![ballot]));
    assert_eq!(notices(third, "ballot_overdue").await, 1);
    assert_eq!(notices(finance, "ballot_closed").await, 1);
    // By hand: N = 2, agree 1 — not more than half: no decision. Members are not shown it
    // (this ballot says so); the secretariat is.
    let seen = ballot_as(&server, FINANCE_MINISTER, &id).await;
    assert_eq!(seen["state"], "Closed");
    assert_eq!(seen["result"], Value::Null);
    let seen = json_of(
        &call_form(&server, &secretary, "ballot", &[("id", &id)])
            .await
            .1,
    );
    assert_eq!(seen["result"]["outcome"], "NoDecision");
    assert_eq!(seen["result"]["not_answered"], json!([THIRD_MEMBER]));
}

/// The ballot `id` as `name` sees it.
async fn ballot_as(server: &TestServer, name: &str, id: &str) -> serde_json::Value {
    let cookie = demo_cookie(server, name).await;
    json_of(&call_form(server, &cookie, "ballot", &[("id", id)]).await.1)
}
