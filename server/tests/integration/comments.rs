//! Comments on agenda items, on both engines: threads, "secretariat only", edits that keep
//! the earlier text, mentions that notify only those who may read them, and the item rules
//! (a guest only on their own item).

use crate::common::meetings::*;
use crate::common::*;
use app::meetings::model::CommentForm;
use serde_json::{json, Value};
use uuid::Uuid;

on_both_engines!(
    members_discuss_an_item_in_threads,
    the_meeting_page_reads_every_discussion_at_once,
    a_members_private_reply_is_not_read_by_the_author_it_answers,
    an_author_who_lost_the_item_cannot_edit_their_comment,
);

const OTHER_MEMBER: &str = "Lò Văn Tiến";

async fn add(
    server: &TestServer,
    cookie: &str,
    item: Uuid,
    parent: &str,
    body: &str,
    private: bool,
) -> (u16, String) {
    call_json(
        server,
        cookie,
        "comment_add",
        json!({"form": CommentForm {
            item_id: item.to_string(),
            document_id: String::new(),
            parent_id: parent.to_owned(),
            body: body.to_owned(),
            secretariat_only: private,
        }}),
    )
    .await
}

async fn listed(server: &TestServer, cookie: &str, item: Uuid) -> Vec<Value> {
    // What the meeting page reads: every item's discussion, here cut to `item`'s.
    let (meeting,): (Uuid,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select meeting_id from agenda_item where id = $1")
            .bind(item)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let (status, body) = call_form(
        server,
        cookie,
        "meeting_comments",
        &[("meeting_id", &meeting.to_string())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    json_of(&body)
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["item_id"] == item.to_string())
        .cloned()
        .collect()
}

async fn mentions(db: &app::db::Db, name: &str) -> i64 {
    let user = user_id(db, name).await;
    let (n,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select count(*) from notification where user_id = $1 and kind = 'comment_mention'",
        )
        .bind(user)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    n
}

async fn members_discuss_an_item_in_threads(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let items = agenda_items(&db, regular).await;
    let item = items[0];
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let pm = demo_cookie(&server, PRIME_MINISTER).await;
    let other = demo_cookie(&server, OTHER_MEMBER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let guest = demo_cookie(&server, GUEST).await;

    // A comment that mentions the Prime Minister, who is told; an answer to it.
    let first_text = format!("Đề nghị @{PRIME_MINISTER} cho ý kiến về số liệu thu ngân sách");
    let (status, body) = add(&server, &finance, item, "", &first_text, false).await;
    assert_eq!(status, 200, "{body}");
    let first: String = serde_json::from_str(&body).unwrap();
    assert_eq!(mentions(&db, PRIME_MINISTER).await, 1);
    let (status, _) = add(
        &server,
        &pm,
        item,
        &first,
        "Đồng ý, cần bổ sung phụ lục",
        false,
    )
    .await;
    assert_eq!(status, 200);

    // For the secretariat only: another member neither sees it nor may answer it, and a
    // member mentioned in it is not told.
    let private_text = format!("Gửi riêng Văn phòng Chính phủ, @{OTHER_MEMBER} chưa cần xem");
    let (status, body) = add(&server, &finance, item, "", &private_text, true).await;
    assert_eq!(status, 200);
    let private: String = serde_json::from_str(&body).unwrap();
    assert_eq!(mentions(&db, OTHER_MEMBER).await, 0);
    assert_eq!(listed(&server, &other, item).await.len(), 2);
    assert_eq!(listed(&server, &finance, item).await.len(), 3);
    assert_eq!(listed(&server, &secretary, item).await.len(), 3);
    let (status, _) = add(&server, &other, item, &private, "Tôi cũng muốn biết", false).await;
    assert_eq!(status, 400);
    // The secretariat's answer to it stays private, even unmarked.
    let (status, _) = add(&server, &secretary, item, &private, "Đã nhận", false).await;
    assert_eq!(status, 200);
    assert_eq!(listed(&server, &other, item).await.len(), 2);
    let seen = listed(&server, &finance, item).await;
    assert_eq!(seen.len(), 4);
    assert_eq!(seen[1]["parent_id"], first.as_str());
    assert_eq!(seen[3]["secretariat_only"], true);

    // Edits keep the earlier text; only the author edits.
    let (status, _) = call_form(
        &server,
        &pm,
        "comment_edit",
        &[("id", &first), ("body", "Sửa hộ")],
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call_form(
        &server,
        &finance,
        "comment_edit",
        &[("id", &first), ("body", "Đề nghị bổ sung số liệu")],
    )
    .await;
    assert_eq!(status, 200);
    let seen = listed(&server, &other, item).await;
    assert_eq!(seen[0]["body"], "Đề nghị bổ sung số liệu");
    assert_eq!(seen[0]["edited"], true);
    let (status, body) = call_form(&server, &other, "comment_history", &[("id", &first)]).await;
    assert_eq!(status, 200);
    assert_eq!(json_of(&body), json!([first_text]));
    let (status, _) = call_form(&server, &other, "comment_history", &[("id", &private)]).await;
    assert_eq!(status, 404);

    // Bad input: no text, a document of another item.
    let (status, _) = add(&server, &finance, item, "", "  ", false).await;
    assert_eq!(status, 400);
    let (other_document,): (Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select id from document where agenda_item_id = $1 limit 1")
            .bind(items[1])
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let (status, _) = call_json(
        &server,
        &finance,
        "comment_add",
        json!({"form": CommentForm {
            item_id: item.to_string(),
            document_id: other_document.to_string(),
            parent_id: String::new(),
            body: "x".to_owned(),
            secretariat_only: false,
        }}),
    )
    .await;
    assert_eq!(status, 400);

    // Item 1 is not the guest's: nothing to read, nothing to write.
    assert_eq!(listed(&server, &guest, item).await, Vec::<Value>::new());
    let (status, _) = add(&server, &guest, item, "", "x", false).await;
    assert_eq!(status, 404);
}

/// The comments of the meeting's items that `cookie` may read, as (item, body) in order.
async fn listed_for_meeting(
    server: &TestServer,
    cookie: &str,
    meeting: Uuid,
) -> (u16, Vec<(String, String)>) {
    let (status, body) = call_form(
        server,
        cookie,
        "meeting_comments",
        &[("meeting_id", &meeting.to_string())],
    )
    .await;
    if status != 200 {
        return (status, Vec::new());
    }
    let list = json_of(&body)
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["item_id"].as_str().unwrap().to_owned(),
                c["body"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (status, list)
}

/// The meeting page reads the discussions of all its items in one call, under the same rules
/// as item by item: the secretariat-only comment for the secretariat and its author, a guest
/// only their own item's.
async fn the_meeting_page_reads_every_discussion_at_once(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let items = agenda_items(&db, regular).await;
    let guest_id = user_id(&db, GUEST).await;
    let (guest_item,): (Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select g.agenda_item_id from item_guest g
             join agenda_item i on i.id = g.agenda_item_id
             where g.user_id = $1 and i.meeting_id = $2",
        )
        .bind(guest_id)
        .bind(regular)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    let first = items[0];
    assert_ne!(first, guest_item);
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let other = demo_cookie(&server, OTHER_MEMBER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let guest = demo_cookie(&server, GUEST).await;
    for (cookie, item, body, private) in [
        (&finance, first, "Ý kiến về mục 1", false),
        (&finance, first, "Riêng Văn phòng", true),
        (&finance, guest_item, "Câu hỏi cho khách mời", false),
        (&guest, guest_item, "Khách mời trả lời", false),
    ] {
        let (status, answer) = add(&server, cookie, item, "", body, private).await;
        assert_eq!(status, 200, "{answer}");
    }
    let (first, guest_item) = (first.to_string(), guest_item.to_string());
    let on = |item: &String, body: &str| (item.clone(), body.to_owned());

    assert_eq!(
        listed_for_meeting(&server, &other, regular).await,
        (
            200,
            vec![
                on(&first, "Ý kiến về mục 1"),
                on(&guest_item, "Câu hỏi cho khách mời"),
                on(&guest_item, "Khách mời trả lời"),
            ]
        )
    );
    for cookie in [&finance, &secretary] {
        assert_eq!(
            listed_for_meeting(&server, cookie, regular).await,
            (
                200,
                vec![
                    on(&first, "Ý kiến về mục 1"),
                    on(&first, "Riêng Văn phòng"),
                    on(&guest_item, "Câu hỏi cho khách mời"),
                    on(&guest_item, "Khách mời trả lời"),
                ]
            )
        );
    }
    assert_eq!(
        listed_for_meeting(&server, &guest, regular).await,
        (
            200,
            vec![
                on(&guest_item, "Câu hỏi cho khách mời"),
                on(&guest_item, "Khách mời trả lời"),
            ]
        )
    );
    // A meeting that does not exist, and a malformed id.
    let unknown = uuid::Uuid::now_v7();
    assert_eq!(listed_for_meeting(&server, &finance, unknown).await.0, 404);
    let (status, _) = call_form(
        &server,
        &finance,
        "meeting_comments",
        &[("meeting_id", "x")],
    )
    .await;
    assert_eq!(status, 400);
}

/// A member's "secretariat only" reply to another member's comment is read by the
/// secretariat and its writer, not by the author of the comment it answers (the exception
/// for the answered author holds for the Office's replies only).
async fn a_members_private_reply_is_not_read_by_the_author_it_answers(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let regular = meeting_id(&db, REGULAR).await;
    let item = agenda_items(&db, regular).await[0];
    let finance = demo_cookie(&server, FINANCE_MINISTER).await;
    let other = demo_cookie(&server, OTHER_MEMBER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;

    let (status, body) = add(&server, &finance, item, "", "Số liệu quý III", false).await;
    assert_eq!(status, 200, "{body}");
    let first: String = serde_json::from_str(&body).unwrap();
    let (status, _) = add(
        &server,
        &other,
        item,
        &first,
        "Riêng Văn phòng: số liệu này chưa khớp",
        true,
    )
    .await;
    assert_eq!(status, 200);
    // Finance sees its own comment only; the writer and the secretariat see both.
    let bodies = |list: Vec<Value>| -> Vec<String> {
        list.iter()
            .map(|c| c["body"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(
        bodies(listed(&server, &finance, item).await),
        vec!["Số liệu quý III"]
    );
    assert_eq!(listed(&server, &other, item).await.len(), 2);
    assert_eq!(listed(&server, &secretary, item).await.len(), 2);
    // The secretariat's own private answer to Finance is read by Finance, as before.
    let (status, _) = add(&server, &secretary, item, &first, "Văn phòng đã nhận", true).await;
    assert_eq!(status, 200);
    assert_eq!(
        bodies(listed(&server, &finance, item).await),
        vec!["Số liệu quý III", "Văn phòng đã nhận"]
    );
}

/// Editing checks the author's access again: a guest whose item was taken away may no longer
/// change what they wrote on it.
async fn an_author_who_lost_the_item_cannot_edit_their_comment(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let guest_id = user_id(&db, GUEST).await;
    let (item,): (Uuid,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select agenda_item_id from item_guest where user_id = $1 limit 1")
            .bind(guest_id)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    let guest = demo_cookie(&server, GUEST).await;
    let (status, body) = add(&server, &guest, item, "", "Ý kiến của khách mời", false).await;
    assert_eq!(status, 200, "{body}");
    let comment: String = serde_json::from_str(&body).unwrap();
    app::with_db!(&db, |pool| {
        sqlx::query("delete from item_guest where user_id = $1 and agenda_item_id = $2")
            .bind(guest_id)
            .bind(item)
            .execute(pool)
            .await
            .map(|_| ())
    })
    .unwrap();
    let (status, _) = call_form(
        &server,
        &guest,
        "comment_edit",
        &[
            ("id", &comment),
            ("body", "Sửa sau khi bị rút khỏi nội dung"),
        ],
    )
    .await;
    assert_eq!(status, 404);
    let (stored,): (String,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select body from comment where id = $1")
            .bind(Uuid::parse_str(&comment).unwrap())
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(stored, "Ý kiến của khách mời");
}
