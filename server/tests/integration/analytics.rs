//! The savings of a scripted meeting, on both engines, against figures worked out by hand:
//! a paper-era baseline imported from CSV, the regular session run with known times (written
//! into the database after each act, so the clock is ours), known page counts and readers,
//! and one written ballot answered at known delays.
use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use uuid::Uuid;

use crate::common::meetings::*;
use crate::common::*;
use app::analytics::model::SavingsSettings;
use app::ballots::model::Choice;
use app::room::model::RoomAct;

on_both_engines!(
    savings_of_a_scripted_meeting_match_the_hand_computed_figures,
    the_demo_history_shows_meetings_getting_shorter,
    leaders_see_only_the_meetings_and_ballots_they_are_part_of
);

const OTHER_MEMBER: &str = "Lò Văn Tiến";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

async fn act(server: &TestServer, cookie: &str, meeting: Uuid, act: RoomAct) {
    let (status, body) = room_act(server, cookie, meeting, act).await;
    assert_eq!(status, 200, "{body}");
}

async fn savings_of_a_scripted_meeting_match_the_hand_computed_figures(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let chair = demo_cookie(&server, PRIME_MINISTER).await;
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let guest = demo_cookie(&server, GUEST).await;
    let admin = demo_cookie(&server, ADMIN).await;

    // The baseline: two paper-era regular sessions, (480 + 420) min ÷ (12 + 10) items.
    let csv = "ngày,loại,thời_lượng_phút,số_nội_dung\n10/01/2024,thường kỳ,480,12\n2024-02-10,regular,420,10\n";
    let (status, body) = call_form(&server, &finance, "history_import", &[("csv", csv)]).await;
    assert_eq!(status, 403, "{body}");
    let bad = "ngày,loại,thời_lượng_phút,số_nội_dung\n2024-01-10,thường kỳ,480,12\n2024-02-30,thường kỳ,420,10\n";
    let (status, body) = call_form(&server, &secretary, "history_import", &[("csv", bad)]).await;
    assert_eq!(status, 400);
    let error: app::error::AppError = serde_json::from_str(&body).unwrap();
    assert!(error.message(app::i18n::Lang::Vi).starts_with("Dòng 3:"));
    let (status, body) = call_form(&server, &secretary, "history_import", &[("csv", csv)]).await;
    assert_eq!((status, body.as_str()), (200, "2"));
    let settings = json!({"settings": SavingsSettings {
        cost_per_page: 600,
        regular: String::new(),
        thematic: String::new(),
        extraordinary: String::new(),
    }});
    assert_eq!(
        call_json(&server, &secretary, "savings_settings", settings)
            .await
            .0,
        200
    );
    let wrong = json!({"settings": SavingsSettings {
        cost_per_page: -5,
        regular: String::new(),
        thematic: String::new(),
        extraordinary: String::new(),
    }});
    assert_eq!(
        call_json(&server, &secretary, "savings_settings", wrong)
            .await
            .0,
        400
    );

    // The meeting: the finance minister wishes to speak on item 1, items 2 to 8 are adopted
    // in the consent block; item 1 is discussed; a pause; closed.
    let items = agenda_items(&db, regular).await;
    assert_eq!(
        set_position(&server, &finance, items[0], "Speak", "").await,
        200
    );
    act(&server, &chair, regular, RoomAct::Open).await;
    act(&server, &chair, regular, RoomAct::AdoptConsent).await;
    act(&server, &chair, regular, RoomAct::StartItem(items[0])).await;
    let (speech,): (Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id from speech where agenda_item_id = $1")
            .bind(items[0])
            .fetch_one(pool)
            .await
    })
    .unwrap();
    act(&server, &chair, regular, RoomAct::GiveFloor(speech)).await;
    act(&server, &chair, regular, RoomAct::EndFloor).await;
    act(&server, &chair, regular, RoomAct::EndItem).await;
    act(&server, &chair, regular, RoomAct::Pause).await;
    act(&server, &chair, regular, RoomAct::Resume).await;
    act(&server, &chair, regular, RoomAct::Close).await;

    // The clock, by hand (UTC; 08:00 in Hà Nội is 01:00): the meeting 01:00–04:20 with a
    // pause 02:00–02:15 (185 min net); consent items at 01:02; item 1 01:05–02:30 (85 min,
    // less the pause: 70); the minister speaks 01:10–01:25 (15 min).
    app::with_db!(&db, |pool| {
        for (sql, a, b) in [
            ("update meeting set actual_start_at = $2, actual_end_at = $3 where id = $1", "2026-11-26T01:00:00Z", "2026-11-26T04:20:00Z"),
            ("update agenda_item set started_at = $2, ended_at = $3 where meeting_id = $1 and consent", "2026-11-26T01:02:00Z", "2026-11-26T01:02:00Z"),
            ("update agenda_item set started_at = $2, ended_at = $3 where meeting_id = $1 and not consent", "2026-11-26T01:05:00Z", "2026-11-26T02:30:00Z"),
            ("update meeting_pause set started_at = $2, ended_at = $3 where meeting_id = $1", "2026-11-26T02:00:00Z", "2026-11-26T02:15:00Z"),
        ] {
            sqlx::query(sql).bind(regular).bind(t(a)).bind(t(b)).execute(pool).await.unwrap();
        }
        sqlx::query("update speech set started_at = $2, ended_at = $3 where id = $1")
            .bind(speech)
            .bind(t("2026-11-26T01:10:00Z"))
            .bind(t("2026-11-26T01:25:00Z"))
            .execute(pool)
            .await
            .unwrap();
        // Every document has 10 pages.
        sqlx::query(
            "update document_version set page_count = 10 where document_id in (
                 select d.id from document d join agenda_item ai on ai.id = d.agenda_item_id
                 where ai.meeting_id = $1)",
        )
        .bind(regular)
        .execute(pool)
        .await
        .unwrap();
    });
    // Read on a tablet: item 1's document by three members, item 2's by its guest.
    let readers = [FINANCE_MINISTER, PRIME_MINISTER, OTHER_MEMBER, GUEST];
    for (n, name) in readers.iter().enumerate() {
        let member = user_id(&db, name).await;
        let item = if *name == GUEST { items[1] } else { items[0] };
        app::with_db!(&db, |pool| {
            sqlx::query(
                "insert into reading (user_id, version_id, last_page, opened_at, updated_at)
                 select $1, v.id, 1, $3, $3 from document_version v
                 join document d on d.id = v.document_id where d.agenda_item_id = $2",
            )
            .bind(member)
            .bind(item)
            .bind(Utc::now() - Duration::minutes(n as i64))
            .execute(pool)
            .await
            .unwrap();
        });
    }

    // A written ballot, answered 2, 5 and 30 hours after it was sent, then closed.
    let office = current_user(&db, SECRETARY).await;
    let mut asked = Vec::new();
    for name in [FINANCE_MINISTER, PRIME_MINISTER, OTHER_MEMBER] {
        asked.push(user_id(&db, name).await);
    }
    let ballot = app::ballots::editing::create(
        &db,
        &office,
        &app::ballots::model::BallotDraft {
            title: "Phiếu thử".into(),
            question: "Đồng ý?".into(),
            deadline: "2030-12-31T17:00".into(),
            eligible: asked.clone(),
            reminder_hours: vec![24],
            results_to_members: true,
        },
    )
    .await
    .unwrap();
    app::ballots::editing::send(&db, &office, ballot)
        .await
        .unwrap();
    for member in &asked {
        let answer = app::ballots::answers::paper(
            &office,
            ballot,
            *member,
            Choice::Agree,
            "",
            "",
            Uuid::now_v7(),
        )
        .unwrap();
        server.state.answers.submit(answer).await.unwrap();
    }
    app::with_db!(&db, |pool| {
        sqlx::query("update ballot set sent_at = $2 where id = $1")
            .bind(ballot)
            .bind(t("2026-11-01T00:00:00Z"))
            .execute(pool)
            .await
            .unwrap();
        for (member, at) in asked.iter().zip([
            "2026-11-01T02:00:00Z",
            "2026-11-01T05:00:00Z",
            "2026-11-02T06:00:00Z",
        ]) {
            sqlx::query(
                "update ballot_answer set answered_at = $3 where ballot_id = $1 and user_id = $2",
            )
            .bind(ballot)
            .bind(member)
            .bind(t(at))
            .execute(pool)
            .await
            .unwrap();
        }
    });
    app::ballots::editing::close(&db, &office, ballot)
        .await
        .unwrap();

    // Who may read the savings: the secretariat and the Prime Minister (a leader).
    for (cookie, expected) in [(&finance, 403), (&guest, 403), (&admin, 403), (&chair, 200)] {
        let (status, body) = call_form(&server, cookie, "savings", &[]).await;
        assert_eq!(status, expected, "{body}");
    }
    let (status, body) = call_form(&server, &secretary, "savings", &[]).await;
    assert_eq!(status, 200, "{body}");
    let d: Value = serde_json::from_str(&body).unwrap();
    let m = &d["meetings"][0];
    assert_eq!(d["meetings"].as_array().unwrap().len(), 1);
    assert_eq!(m["meeting_id"], json!(regular));
    assert_eq!(m["held_on"], "2026-11-26");
    assert_eq!(
        (m["items"].clone(), m["consent_items"].clone()),
        (json!(8), json!(7))
    );
    assert_eq!(m["planned_minutes"], 240);
    assert_eq!(m["actual_minutes"], 185);
    // 900 ÷ 22 = 40.909 min per item × 8 items = 327.3 → 327; (327 − 185) ÷ 327 = 43.4 %.
    assert_eq!(m["baseline_minutes"], 327);
    assert_eq!(m["reduction_percent"], 43.4);
    assert_eq!(m["speaking_minutes"], 15);
    // 10 pages × (7 documents × 24 members + 1 document × (24 members + 1 guest)) = 1,930
    // pages; × 600 đ = 1,158,000 đ.
    assert_eq!(m["pages_saved"], 1930);
    assert_eq!(m["cost_saved"], 1_158_000);
    assert_eq!(
        (m["read_pairs"].clone(), m["distributed_pairs"].clone()),
        (json!(4), json!(193))
    );
    assert_eq!(m["item_minutes"][0], json!([1, 45, 70]));
    assert_eq!(m["item_minutes"][1], json!([2, 30, 0]));

    let totals = &d["totals"];
    assert_eq!(totals["reduction_percent"], 43.4);
    // One written ballot moves one item out of meetings: 40.909 → 41 min, not saved.
    assert_eq!(totals["ballots_closed"], 1);
    assert_eq!(totals["moved_to_ballots_minutes"], 41);
    // (327 − 185) − 41 = 101.
    assert_eq!(totals["net_saved_minutes"], 101);
    // 4 of 193 read on a device = 2.07 % → 2.1.
    assert_eq!(totals["read_percent"], 2.1);
    // Median of 2, 5 and 30 hours.
    assert_eq!(totals["ballot_response_hours"], 5.0);
    let rate = d["rates"][0]["historical"].as_f64().unwrap();
    assert!((rate - 900.0 / 22.0).abs() < 1e-9);

    // The same in the CSV, for spreadsheets.
    let response = client()
        .get(format!("{}/analytics/savings.csv", server.base))
        .header(reqwest::header::COOKIE, &secretary)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(
        text.contains(&format!(
            "2026-11-26,{REGULAR},regular,8,7,240,185,327,43.4,15,1930,1158000,2.1"
        )),
        "{text}"
    );
    let response = client()
        .get(format!("{}/analytics/savings.csv", server.base))
        .header(reqwest::header::COOKIE, &finance)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 403);

    // The live usage panel: everyone signed in above was seen in the last minutes; the
    // demo's open ballot waits for answers.
    let (status, body) = call_form(&server, &chair, "live_usage", &[]).await;
    assert_eq!(status, 200);
    let usage: Value = serde_json::from_str(&body).unwrap();
    let online: Vec<&str> = usage["online"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for name in [SECRETARY, PRIME_MINISTER, FINANCE_MINISTER] {
        assert!(online.contains(&name), "{name} online: {online:?}");
    }
    assert_eq!(usage["pending"].as_array().unwrap().len(), 1);
    assert_eq!(call_form(&server, &finance, "live_usage", &[]).await.0, 403);
}

async fn the_demo_history_shows_meetings_getting_shorter(engine: Engine) {
    let test = migrated(engine).await;
    let outcome = server::demo::seed(&test.db, true).await.unwrap();
    // 24 monthly regular sessions and 8 quarterly thematic ones on paper (2024–2025); five
    // regular sessions (June to October 2026) and one thematic session in e-Cabinet.
    assert_eq!(
        outcome,
        server::demo::SeedOutcome::Loaded {
            people: 45,
            meetings: 2,
            documents: 10,
            history: (32, 6)
        }
    );
    let secretary = current_user(&test.db, SECRETARY).await;
    // The history's follow-up tells a story: every ministry leads tasks, and each kind of
    // outcome is there (done on time and late, extended, open or overdue).
    let tasks = app::tasks::dashboard::dashboard(&test.db, &secretary, app::tasks::store::today())
        .await
        .unwrap();
    assert_eq!(tasks.by_ministry.len(), 17, "{:?}", tasks.by_ministry);
    let t = tasks.total;
    assert!(
        t.done_on_time > 0 && t.done_late > 0 && t.overdue + t.in_progress > 0,
        "{t:?}"
    );
    let (extended,): (i64,) = app::with_db!(&test.db, |pool| {
        sqlx::query_as("select count(*) from task where deadline <> first_deadline")
            .fetch_one(pool)
            .await
            .unwrap()
    });
    assert!(extended > 0);
    let d = app::analytics::store::dashboard(&test.db, &secretary)
        .await
        .unwrap();
    assert_eq!(d.meetings.len(), 6);
    let regular: Vec<f64> = d
        .meetings
        .iter()
        .filter(|m| m.kind == app::meetings::model::MeetingKind::Regular)
        .map(|m| m.reduction_percent.unwrap())
        .collect();
    assert_eq!(regular.len(), 5);
    assert!(
        regular.windows(2).all(|w| w[0] < w[1]),
        "each month shorter: {regular:?}"
    );
    // The first month falls short of the −30 % goal, the last meets it.
    assert!(regular[0] < 30.0 && regular[4] > 30.0, "{regular:?}");
    // Planned 240 min each; actual as planned in the demo: 292, 268, 250, 236, 224.
    let actual: Vec<i64> = d
        .meetings
        .iter()
        .filter(|m| m.kind == app::meetings::model::MeetingKind::Regular)
        .map(|m| m.actual_minutes)
        .collect();
    assert_eq!(actual, [292, 268, 250, 236, 224]);
    assert_eq!(d.totals.ballots_closed, 2);
    assert!(d.totals.read_percent.unwrap() > 80.0);
    assert!(d.totals.pages_saved > 0);
}

/// The Prime Minister reads the dashboard as a leader, not as the secretariat: a closed
/// meeting he was not invited to and an open ballot he was not asked on do not appear (their
/// titles are what would leak); the secretariat still sees both.
async fn leaders_see_only_the_meetings_and_ballots_they_are_part_of(engine: Engine) {
    let test = migrated(engine).await;
    server::demo::seed(&test.db, true).await.unwrap();
    let db = &test.db;
    let pm = current_user(db, PRIME_MINISTER).await;
    let secretary = current_user(db, SECRETARY).await;
    let before = app::analytics::store::dashboard(db, &pm).await.unwrap();
    // Six closed meetings in the demo history, the Prime Minister invited to all.
    assert_eq!(before.meetings.len(), 6);
    let hidden = before.meetings[2].meeting_id;
    let (open_ballot,): (Uuid,) = app::with_db!(db, |pool| {
        sqlx::query_as("select id from ballot where state = 'open' limit 1")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    for (sql, id) in [
        (
            "delete from invitation where meeting_id = $1 and user_id = $2",
            hidden,
        ),
        (
            "delete from ballot_eligible where ballot_id = $1 and user_id = $2",
            open_ballot,
        ),
    ] {
        app::with_db!(db, |pool| {
            sqlx::query(sql)
                .bind(id)
                .bind(pm.id)
                .execute(pool)
                .await
                .map(|_| ())
        })
        .unwrap();
    }

    let seen = app::analytics::store::dashboard(db, &pm).await.unwrap();
    assert_eq!(seen.meetings.len(), 5);
    assert!(seen.meetings.iter().all(|m| m.meeting_id != hidden));
    let usage = app::analytics::store::live_usage(db, &pm).await.unwrap();
    assert!(usage.pending.iter().all(|(id, _, _)| *id != open_ballot));

    let all = app::analytics::store::dashboard(db, &secretary)
        .await
        .unwrap();
    assert_eq!(all.meetings.len(), 6);
    let usage = app::analytics::store::live_usage(db, &secretary)
        .await
        .unwrap();
    assert!(usage.pending.iter().any(|(id, _, _)| *id == open_ballot));
}
