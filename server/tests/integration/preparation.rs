//! Preparing a meeting over HTTP, on both engines: the secretariat creates it, builds and
//! reorders the agenda, uploads PDFs (refusing what is not one), invites members and a guest
//! for one item, publishes; invitees are told and an open page hears of it at once; changes
//! after publication are shown; the state machine holds. And on PostgreSQL, an event raised
//! on one node reaches a page connected to another.

use std::time::Duration;

use crate::common::*;
use app::meetings::model::{ItemForm, MeetingForm};
use serde_json::{json, Value};
use uuid::Uuid;

on_both_engines!(
    the_secretariat_prepares_and_publishes_a_meeting,
    a_guests_stream_hears_only_of_meetings_they_may_see,
);

/// The new meeting's form.
fn meeting_form() -> MeetingForm {
    MeetingForm {
        kind: "thematic".to_owned(),
        title: "Phiên họp chuyên đề về chuyển đổi số".to_owned(),
        starts_local: "2027-02-03T08:30".to_owned(),
        place: "Phòng họp số 1".to_owned(),
        online: false,
        planned_minutes: 120,
        chair_id: String::new(),
    }
}

/// An agenda item's form.
fn item_form(title: &str, presenter: &str, planned_minutes: i64) -> ItemForm {
    ItemForm {
        title: title.to_owned(),
        presenter: presenter.to_owned(),
        planned_minutes,
    }
}

async fn the_secretariat_prepares_and_publishes_a_meeting(engine: Engine) {
    let server = start_server_with(engine, true, &["--max-upload-mb", "1"]).await;
    let db = server.state.db.clone();
    let secretary = demo_cookie(&server, SECRETARY).await;
    let form = meeting_form();

    let (status, body) =
        call_json(&server, &secretary, "meeting_create", json!({"form": form})).await;
    assert_eq!(status, 200, "{body}");
    let meeting: String = serde_json::from_str(&body).unwrap();
    // No chair given: the Prime Minister chairs.
    let (chair,): (Option<Uuid>,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select chair_id from meeting where id = $1")
            .bind(Uuid::parse_str(&meeting).unwrap())
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(chair, Some(user_id(&db, PRIME_MINISTER).await));
    let mut items = Vec::new();
    for (title, presenter, minutes) in [
        ("Đề án chuyển đổi số quốc gia", "BKHCN", 50),
        ("Dự thảo Nghị định về định danh điện tử", "BCA", 40),
        ("Các vấn đề khác", "", 20),
    ] {
        let (status, body) = call_json(
            &server,
            &secretary,
            "item_add",
            json!({"meeting_id": meeting, "form": item_form(title, presenter, minutes)}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        items.push(serde_json::from_str::<String>(&body).unwrap());
    }
    // A presenter that does not exist is refused, with the reason.
    let (status, body) = call_json(
        &server,
        &secretary,
        "item_add",
        json!({"meeting_id": meeting, "form": item_form("X", "XYZ", 5)}),
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("MinistryUnknown"), "{body}");

    // Reorder: the third item first. An order that leaves an item out is refused.
    let (status, _) = call_json(
        &server,
        &secretary,
        "items_reorder",
        json!({"meeting_id": meeting, "order": [items[2], items[0], items[1]]}),
    )
    .await;
    assert_eq!(status, 200);
    let (status, _) = call_json(
        &server,
        &secretary,
        "items_reorder",
        json!({"meeting_id": meeting, "order": [items[0], items[1]]}),
    )
    .await;
    assert_eq!(status, 400);

    // Three members, and the guest for the identity-decree item.
    let mut members = Vec::new();
    for name in [PRIME_MINISTER, FINANCE_MINISTER, "Giang Hữu Phúc"] {
        members.push(user_id(&db, name).await.to_string());
    }
    let (status, body) = call_json(
        &server,
        &secretary,
        "invitees_set",
        json!({"meeting_id": meeting, "all": false, "members": members}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let guest = user_id(&db, GUEST).await.to_string();
    let (status, _) = call_json(
        &server,
        &secretary,
        "item_guests_set",
        json!({"item_id": items[1], "guests": [guest]}),
    )
    .await;
    assert_eq!(status, 200);
    // A member is not a guest, a guest is not a member invitee.
    let (status, _) = call_json(
        &server,
        &secretary,
        "item_guests_set",
        json!({"item_id": items[1], "guests": [members[0]]}),
    )
    .await;
    assert_eq!(status, 400);

    // Two PDFs on the first item (now "Đề án chuyển đổi số quốc gia").
    let (pdf_a, pages_a) = demo_pdf("de-an-ha-tang-du-lieu-quoc-gia.txt");
    let (pdf_b, pages_b) = demo_pdf("bao-cao-chinh-phu-so.txt");
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("item={}&name=De_an.pdf", items[0]),
        pdf_a,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let uploaded: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(uploaded["page_count"], pages_a);
    let document_a = uploaded["document_id"].as_str().unwrap().to_owned();
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("item={}&name=Bao_cao.pdf", items[0]),
        pdf_b.clone(),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["page_count"],
        pages_b
    );
    // Not a PDF though named one; too large; not the secretariat.
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("item={}&name=x.pdf", items[0]),
        b"PK\x03\x04zip".to_vec(),
    )
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("không phải là PDF"), "{body}");
    // A well-formed PDF without a single page: nothing to read.
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("item={}&name=empty.pdf", items[0]),
        no_pages(),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("không phải là PDF"), "{body}");
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("item={}&name=big.pdf", items[0]),
        vec![b'%'; 1_100_000],
    )
    .await;
    assert_eq!(status, 413, "{body}");
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let (status, _) = upload(
        &server,
        &member,
        &format!("item={}&name=y.pdf", items[0]),
        pdf_b.clone(),
    )
    .await;
    assert_eq!(status, 403);
    // The document is titled by its file name, cleaned; the secretariat gives it its own.
    let title_of = |id: String| {
        let db = db.clone();
        async move {
            let (title,): (String,) = app::with_db!(&db, |pool| {
                sqlx::query_as("select title from document where id = $1")
                    .bind(Uuid::parse_str(&id).unwrap())
                    .fetch_one(pool)
                    .await
            })
            .unwrap();
            title
        }
    };
    assert_eq!(title_of(document_a.clone()).await, "De an");
    let titled = [
        ("id", document_a.as_str()),
        ("title", "  Đề án chuyển đổi số quốc gia  "),
    ];
    let (status, _) = call_form(&server, &member, "document_title", &titled).await;
    assert_eq!(status, 403);
    let blank = [("id", document_a.as_str()), ("title", " ")];
    let (status, body) = call_form(&server, &secretary, "document_title", &blank).await;
    assert_eq!(
        (status, crate::common::meetings::vi(&body).as_str()),
        (400, "Chưa nhập tên.")
    );
    let (status, body) = call_form(&server, &secretary, "document_title", &titled).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        title_of(document_a.clone()).await,
        "Đề án chuyển đổi số quốc gia"
    );

    // Before publication the member does not see it; their open page hears of it at once.
    let (status, _) = call_form(&server, &member, "meeting", &[("id", &meeting)]).await;
    assert_eq!(status, 404);
    let mut stream = open_live(&server, &member, None).await;
    let (status, body) = call_json(
        &server,
        &secretary,
        "meeting_state",
        json!({"id": meeting, "action": "Publish"}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        stream.next_name(Duration::from_secs(5)).await.as_deref(),
        Some("meeting")
    );
    let (status, body) = call_form(&server, &member, "meeting", &[("id", &meeting)]).await;
    assert_eq!(status, 200, "{body}");
    let detail: Value = serde_json::from_str(&body).unwrap();
    let titles: Vec<&str> = detail["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Các vấn đề khác",
            "Đề án chuyển đổi số quốc gia",
            "Dự thảo Nghị định về định danh điện tử"
        ]
    );
    assert_eq!(detail["items"][1]["documents"].as_array().unwrap().len(), 2);
    // Three members and the guest are told.
    let told: (i64,) = app::with_db!(&db, |pool| {
        sqlx::query_as("select count(*) from notification where kind = 'meeting_published'")
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(told.0, 4);
    // The guest sees their item only; a member not invited sees nothing.
    let guest_cookie = demo_cookie(&server, GUEST).await;
    let (status, body) = call_form(&server, &guest_cookie, "meeting", &[("id", &meeting)]).await;
    assert_eq!(status, 200);
    let detail: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(detail["items"].as_array().unwrap().len(), 1);
    assert_eq!(detail["items"][0]["number"], 3);
    let outsider = demo_cookie(&server, "Lò Văn Tiến").await;
    assert_eq!(
        call_form(&server, &outsider, "meeting", &[("id", &meeting)])
            .await
            .0,
        404
    );

    // After publication: a new version is a change members see; removing is no longer allowed.
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("document={document_a}&name=De_an_v2.pdf"),
        pdf_b,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        serde_json::from_str::<Value>(&body).unwrap()["version_no"],
        2
    );
    let (_, body) = call_form(&server, &member, "meeting", &[("id", &meeting)]).await;
    let detail: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(detail["changes"][0]["kind"], "document_version");
    let (status, _) = call_form(
        &server,
        &secretary,
        "document_remove",
        &[("id", &document_a)],
    )
    .await;
    assert_eq!(status, 400);
    let (status, _) = call_form(&server, &secretary, "item_remove", &[("id", &items[2])]).await;
    assert_eq!(status, 400);

    // Postpone, publish again, cancel; a cancelled meeting is not edited.
    for (action, expected) in [
        ("Postpone", 200),
        ("Postpone", 400),
        ("Publish", 200),
        ("Cancel", 200),
        ("Publish", 400),
    ] {
        let (status, body) = call_json(
            &server,
            &secretary,
            "meeting_state",
            json!({"id": meeting, "action": action}),
        )
        .await;
        assert_eq!(status, expected, "{action}: {body}");
    }
    let (status, _) = call_json(
        &server,
        &secretary,
        "meeting_update",
        json!({"id": meeting, "form": form}),
    )
    .await;
    assert_eq!(status, 400);

    // Copied as a template: a draft with the same agenda and invitations, no documents.
    let (status, body) = call_form(&server, &secretary, "meeting_copy", &[("id", &meeting)]).await;
    assert_eq!(status, 200, "{body}");
    let copy: String = serde_json::from_str(&body).unwrap();
    let (status, body) = call_form(&server, &secretary, "meeting_editor", &[("id", &copy)]).await;
    assert_eq!(status, 200, "{body}");
    let editor: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(editor["detail"]["summary"]["state"], "Draft");
    assert_eq!(editor["items"].as_array().unwrap().len(), 3);
    assert_eq!(editor["invited"].as_array().unwrap().len(), 3);
    assert_eq!(
        editor["form"]["starts_local"], "2027-02-10T08:30",
        "a week later"
    );
    assert!(editor["detail"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["documents"].as_array().unwrap().is_empty()));
}

async fn a_guests_stream_hears_only_of_meetings_they_may_see(engine: Engine) {
    let server = start_server(engine, true).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let guest = demo_cookie(&server, GUEST).await;
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let mut guest_stream = open_live(&server, &guest, None).await;
    let mut member_stream = open_live(&server, &member, None).await;

    // A new meeting for every member, none of whose items is the guest's.
    let (_, body) = call_json(
        &server,
        &secretary,
        "meeting_create",
        json!({"form": meeting_form()}),
    )
    .await;
    let meeting: String = serde_json::from_str(&body).unwrap();
    call_json(
        &server,
        &secretary,
        "item_add",
        json!({"meeting_id": meeting, "form": item_form("Nội dung mật", "", 30)}),
    )
    .await;
    call_json(
        &server,
        &secretary,
        "invitees_set",
        json!({"meeting_id": meeting, "all": true, "members": []}),
    )
    .await;
    let (status, _) = call_json(
        &server,
        &secretary,
        "meeting_state",
        json!({"id": meeting, "action": "Publish"}),
    )
    .await;
    assert_eq!(status, 200);
    let heard = member_stream.next(Duration::from_secs(5)).await.unwrap();
    assert_eq!(heard.name, "meeting");
    assert!(!heard.data.contains("Nội dung mật"));
    assert_eq!(
        guest_stream.next_name(Duration::from_secs(2)).await,
        None,
        "the guest hears nothing of a meeting without their item"
    );
    // A change in the regular session (the guest's item is there): they hear of it, and only
    // its id travels.
    let regular = meeting_id(&server.state.db, REGULAR).await.to_string();
    let (status, _) = call_json(
        &server,
        &secretary,
        "item_add",
        json!({"meeting_id": regular, "form": item_form("Nội dung bổ sung", "", 10)}),
    )
    .await;
    assert_eq!(status, 200);
    let heard = guest_stream.next(Duration::from_secs(5)).await.unwrap();
    assert_eq!(heard.name, "meeting");
    assert_eq!(heard.data, format!("{{\"meeting_id\":\"{regular}\"}}"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres_an_event_on_one_node_reaches_a_page_on_another() {
    let node_a = start_server(Engine::Postgres, true).await;
    let node_b = second_node(&node_a).await;
    let member = demo_cookie(&node_b, FINANCE_MINISTER).await;
    let mut stream = open_live(&node_b, &member, None).await;
    // The secretariat works on node A.
    let secretary = demo_cookie(&node_a, SECRETARY).await;
    let regular = meeting_id(&node_a.state.db, REGULAR).await.to_string();
    let (status, _) = call_json(
        &node_a,
        &secretary,
        "item_add",
        json!({"meeting_id": regular, "form": item_form("Nội dung bổ sung", "", 10)}),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        stream.next_name(Duration::from_secs(5)).await.as_deref(),
        Some("meeting")
    );
}

/// A PDF whose page tree is empty.
fn no_pages() -> Vec<u8> {
    use lopdf::dictionary;
    let mut doc = lopdf::Document::with_version("1.5");
    let pages = doc.add_object(dictionary! {
        "Type" => "Pages", "Kids" => Vec::<lopdf::Object>::new(), "Count" => 0,
    });
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}
