//! Positions before the meeting, on both engines: invited members mark items (wish to speak,
//! object with a reason, or back to no objection) until the meeting starts; the chair and the
//! secretariat see counts, names and the proposed consent block, live.

use std::time::Duration;

use crate::common::meetings::*;
use crate::common::*;

on_both_engines!(positions_are_taken_until_the_meeting_starts_and_summed_for_the_chair);

const OTHER_MEMBER: &str = "Lò Văn Tiến";

async fn positions_are_taken_until_the_meeting_starts_and_summed_for_the_chair(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let items = agenda_items(&db, regular).await;
    let (item_1, item_2) = (items[0], items[1]);
    let invited: (i64,) = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select count(*) from invitation i join user_account u on u.id = i.user_id
             where i.meeting_id = $1 and u.role = 'member'",
        )
        .bind(regular)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let other = demo_cookie(&server, OTHER_MEMBER).await;
    let chair = demo_cookie(&server, PRIME_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let guest = demo_cookie(&server, GUEST).await;
    let mut chair_page = open_live(&server, &chair, None).await;

    // Wishing to speak needs no reason; objecting does.
    assert_eq!(
        set_position(&server, &finance, item_1, "Speak", "").await,
        200
    );
    assert_eq!(
        chair_page
            .next_name(Duration::from_secs(5))
            .await
            .as_deref(),
        Some("positions"),
        "the chair's page hears of it"
    );
    assert_eq!(
        set_position(&server, &other, item_1, "Object", "  ").await,
        400
    );
    let reason = "Đề nghị làm rõ nguồn vốn trước khi thông qua";
    assert_eq!(
        set_position(&server, &other, item_1, "Object", reason).await,
        200
    );
    // A position changes freely: an objection withdrawn is no objection again.
    assert_eq!(
        set_position(&server, &finance, item_2, "Object", "Chưa đủ số liệu").await,
        200
    );
    assert_eq!(
        set_position(&server, &finance, item_2, "NoObjection", "").await,
        200
    );
    assert_eq!(
        set_position(&server, &finance, item_1, "Dance", "").await,
        400
    );
    // Only invited members take positions.
    assert_eq!(
        set_position(&server, &secretary, item_1, "Speak", "").await,
        403
    );
    assert_eq!(
        set_position(&server, &guest, item_1, "Speak", "").await,
        403
    );

    let (status, body) = call_form(
        &server,
        &finance,
        "positions_mine",
        &[("meeting_id", &regular.to_string())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let mut mine: Vec<(String, String)> = json_of(&body)
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["item_id"].as_str().unwrap().to_owned(),
                p["stance"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    mine.sort();
    let mut expected = vec![
        (item_1.to_string(), "Speak".to_owned()),
        (item_2.to_string(), "NoObjection".to_owned()),
    ];
    expected.sort();
    assert_eq!(mine, expected);

    // The chair sees, per item: item 1 — one to speak, one objecting (with the reason), the
    // rest no objection; every other item — nobody, so all 7 of them form the consent block.
    let (status, body) = call_form(
        &server,
        &chair,
        "positions_summary",
        &[("meeting_id", &regular.to_string())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let summary = json_of(&body);
    let n = invited.0;
    assert_eq!(summary["invited_members"], n);
    let first = &summary["items"][0];
    assert_eq!(first["speak"][0]["full_name"], FINANCE_MINISTER);
    assert_eq!(first["object"][0]["full_name"], OTHER_MEMBER);
    assert_eq!(first["object"][0]["reason"], reason);
    assert_eq!(first["no_objection"], n - 2);
    let rest = &summary["items"].as_array().unwrap()[1..];
    assert_eq!(rest.len(), 7);
    for item in rest {
        assert_eq!(item["speak"].as_array().unwrap().len(), 0);
        assert_eq!(item["object"].as_array().unwrap().len(), 0);
        assert_eq!(item["no_objection"], n);
    }
    // A member sees only their own.
    let (status, _) = call_form(
        &server,
        &finance,
        "positions_summary",
        &[("meeting_id", &regular.to_string())],
    )
    .await;
    assert_eq!(status, 403);

    // Once the meeting has started, positions are frozen (and still shown).
    app::with_db!(&db, |pool| {
        sqlx::query("update meeting set state = 'in_progress' where id = $1")
            .bind(regular)
            .execute(pool)
            .await
            .unwrap();
    });
    assert_eq!(
        set_position(&server, &finance, item_1, "NoObjection", "").await,
        400
    );
    let (status, body) = call_form(
        &server,
        &secretary,
        "positions_summary",
        &[("meeting_id", &regular.to_string())],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        json_of(&body)["items"][0]["speak"][0]["full_name"],
        FINANCE_MINISTER
    );
}
