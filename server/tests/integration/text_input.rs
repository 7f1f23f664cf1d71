//! Free text is checked once, the same on both engines, before any server function runs: a
//! NUL (stored by SQLite, a 500 on PostgreSQL before), a broken percent-encoding (stored as
//! "�" before) and a name of 100,000 characters each get a 400 that names the field, and
//! nothing is stored.

use crate::common::meetings::{agenda_items, json_of};
use crate::common::*;
use serde_json::json;

on_both_engines!(bad_text_is_refused_the_same_on_both_engines);

async fn count(db: &app::db::Db, sql: &str) -> i64 {
    let (n,): (i64,) = app::with_db!(db, |pool| sqlx::query_as(sql).fetch_one(pool).await).unwrap();
    n
}

async fn bad_text_is_refused_the_same_on_both_engines(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let secretary = demo_cookie(&server, SECRETARY).await;
    let meetings = count(&db, "select count(*) from meeting").await;

    // A NUL in a meeting's title (JSON).
    // Deliberately a literal, not the Rust type: this test is about the raw text on the wire.
    let form = json!({"kind": "thematic", "title": "Phiên họp\u{0}chuyên đề",
        "starts_local": "2027-02-03T08:30", "place": "", "online": true,
        "planned_minutes": 60, "chair_id": ""});
    let (status, body) =
        call_json(&server, &secretary, "meeting_create", json!({"form": form})).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        json_of(&body),
        json!({"BadRequest": {"Text": {"field": "Title", "problem": "ControlCharacter"}}})
    );
    assert_eq!(count(&db, "select count(*) from meeting").await, meetings);

    // A broken percent-encoding in a comment's new text (a form).
    let regular = meeting_id(&db, REGULAR).await;
    let item = agenda_items(&db, regular).await[0];
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let (status, body) = call_json(
        &server,
        &finance,
        "comment_add",
        json!({"form": app::meetings::model::CommentForm {
            item_id: item.to_string(),
            document_id: String::new(),
            parent_id: String::new(),
            body: "Số liệu".to_owned(),
            secretariat_only: false,
        }}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let comment: String = serde_json::from_str(&body).unwrap();
    let response = client()
        .post(format!("{}/api/comment_edit", server.base))
        .header(reqwest::header::ORIGIN, &server.base)
        .header(reqwest::header::COOKIE, &finance)
        .header(
            reqwest::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .body(format!("id={comment}&body=S%E1%BB%91+li%FFu"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 400);
    let body = response.text().await.unwrap();
    assert_eq!(
        json_of(&body),
        json!({"BadRequest": {"Text": {"field": "Text", "problem": "NotUtf8"}}})
    );
    assert_eq!(
        count(&db, "select count(*) from comment where body = 'Số liệu'").await,
        1
    );

    // A name of 100,000 characters.
    let name = "A".repeat(100_000);
    // Deliberately literal fields, not the Rust type: this test is about the raw text on the wire.
    let (status, body) = call_form(
        &server,
        &secretary,
        "account_create",
        &[
            ("account[full_name]", &name),
            ("account[title]", ""),
            ("account[ministry]", ""),
            ("account[role]", "guest"),
            ("account[email]", "dai@example.vn"),
            ("account[phone]", ""),
        ],
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        json_of(&body),
        json!({"BadRequest": {"Text": {"field": "Name", "problem": {"TooLong": {"max": 500}}}}})
    );
    assert_eq!(
        count(
            &db,
            "select count(*) from user_account where email = 'dai@example.vn'"
        )
        .await,
        0
    );
    // The user reads it in their language.
    let error: app::error::AppError = serde_json::from_str(&body).unwrap();
    assert_eq!(
        error.message(app::i18n::Lang::Vi),
        "«Họ tên, tên»: dài quá 500 ký tự."
    );
}
