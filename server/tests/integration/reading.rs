//! Reading on both engines, over HTTP as the reader page does it: opening a document (audited,
//! resuming at the last page), reading progress, the secretariat's readiness view, private
//! notes that stay on their version, and a live channel that resumes with Last-Event-ID.

use std::time::Duration;

use crate::common::*;
use serde_json::Value;
use uuid::Uuid;

on_both_engines!(
    a_member_reads_and_the_secretariat_sees_who_is_ready,
    notes_are_private_and_stay_on_their_version,
    a_page_that_reconnects_receives_what_it_missed,
);

/// The regular session's first document (of item 1), its version and its page count.
async fn first_document(db: &app::db::Db) -> (String, String, i64) {
    let regular = meeting_id(db, REGULAR).await;
    let (document, version, pages): (Uuid, Uuid, Option<i64>) = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select d.id, v.id, v.page_count from document d
             join agenda_item ai on ai.id = d.agenda_item_id
             join document_version v on v.document_id = d.id
             where ai.meeting_id = $1 order by ai.position, d.position limit 1",
        )
        .bind(regular)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    (document.to_string(), version.to_string(), pages.unwrap())
}

fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|_| panic!("not JSON: {body}"))
}

async fn page_view(server: &TestServer, cookie: &str, doc: &str, version: &str, page: &str) -> u16 {
    let form = [
        ("document_id", doc),
        ("version_id", version),
        ("page", page),
    ];
    call_form(server, cookie, "record_page_view", &form).await.0
}

/// The readiness row of `name`, as the secretariat sees it.
async fn readiness_of(server: &TestServer, secretary: &str, name: &str) -> (Value, Value) {
    let regular = meeting_id(&server.state.db, REGULAR).await.to_string();
    let (status, body) =
        call_form(server, secretary, "readiness", &[("meeting_id", &regular)]).await;
    assert_eq!(status, 200, "{body}");
    let readiness = json(&body);
    let row = readiness["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["full_name"] == name)
        .unwrap_or_else(|| panic!("{name} is not in the readiness view"))
        .clone();
    (readiness, row)
}

async fn a_member_reads_and_the_secretariat_sees_who_is_ready(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let (doc, version, pages) = first_document(&db).await;
    assert!(pages >= 3, "the demo report has several pages");
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;

    let (_, row) = readiness_of(&server, &secretary, FINANCE_MINISTER).await;
    assert_eq!(row["documents"][0]["opened"], false);
    assert_eq!(row["items_reviewed"], 0);

    // Opening is audited and starts at page 1 the first time.
    let (status, body) = call_form(&server, &member, "reader_open", &[("document_id", &doc)]).await;
    assert_eq!(status, 200, "{body}");
    let opened = json(&body);
    assert_eq!(opened["last_page"], 1);
    assert_eq!(opened["viewer"], FINANCE_MINISTER);
    assert_eq!(opened["back_title"], REGULAR);
    assert_eq!(
        opened["back_href"],
        format!("/meetings/{}", meeting_id(&db, REGULAR).await)
    );
    assert_eq!(
        opened["item_title"],
        "Tình hình kinh tế - xã hội tháng 11 và 11 tháng năm 2026; nhiệm vụ, giải pháp \
         trọng tâm tháng 12 năm 2026"
    );
    assert_eq!(opened["version_id"], version.as_str());
    let member_id = user_id(&db, FINANCE_MINISTER).await;
    let audited: (i64,) = app::with_db!(&db, |pool| {
        sqlx::query_as(
            "select count(*) from audit_event where event = 'document.opened' and actor_id = $1",
        )
        .bind(member_id)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    assert_eq!(audited.0, 1);

    // Pages 1, 2, 2 again and 3: three different pages viewed; the reader stopped at 3.
    for page in ["1", "2", "2", "3"] {
        assert_eq!(page_view(&server, &member, &doc, &version, page).await, 200);
    }
    // Pages that do not exist, and a version of another document, are refused.
    let past_end = (pages + 1).to_string();
    for page in ["0", "-1", past_end.as_str()] {
        assert_eq!(
            page_view(&server, &member, &doc, &version, page).await,
            400,
            "page {page}"
        );
    }
    let other_version = Uuid::now_v7().to_string();
    assert_eq!(
        page_view(&server, &member, &doc, &other_version, "1").await,
        400
    );
    let (status, body) = call_form(&server, &member, "reader_open", &[("document_id", &doc)]).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json(&body)["last_page"], 3);

    // The secretariat sees it: opened, 3 pages viewed, item 1 (one document) reviewed; the
    // Prime Minister has opened nothing. Items 1–7 of the demo session have documents.
    let (readiness, row) = readiness_of(&server, &secretary, FINANCE_MINISTER).await;
    assert_eq!(readiness["items_with_documents"], 7);
    assert_eq!(readiness["documents"][0]["page_count"], pages);
    assert_eq!(row["documents"][0]["opened"], true);
    assert_eq!(row["documents"][0]["pages_viewed"], 3);
    assert_eq!(row["items_reviewed"], 1);
    let (_, pm) = readiness_of(&server, &secretary, PRIME_MINISTER).await;
    assert_eq!(pm["documents"][0]["opened"], false);
    assert_eq!(pm["items_reviewed"], 0);

    // Readiness is the secretariat's; item 1 is not the guest's.
    let regular = meeting_id(&db, REGULAR).await.to_string();
    let (status, _) = call_form(&server, &member, "readiness", &[("meeting_id", &regular)]).await;
    assert_eq!(status, 403);
    let guest = demo_cookie(&server, GUEST).await;
    let (status, _) = call_form(&server, &guest, "reader_open", &[("document_id", &doc)]).await;
    assert_eq!(status, 404);
    assert_eq!(page_view(&server, &guest, &doc, &version, "1").await, 404);
}

async fn notes_are_private_and_stay_on_their_version(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let (doc, _, pages_before) = first_document(&db).await;
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let other = demo_cookie(&server, PRIME_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let text = "Cần làm rõ số liệu tăng trưởng quý IV";

    let (status, body) = call_form(
        &server,
        &member,
        "note_add",
        &[("document_id", &doc), ("page", "2"), ("body", text)],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let note: String = serde_json::from_str(&body).unwrap();
    // Empty notes and pages that do not exist are refused, in the user's language.
    let (status, body) = call_form(
        &server,
        &member,
        "note_add",
        &[("document_id", &doc), ("page", "2"), ("body", "   ")],
    )
    .await;
    assert_eq!((status, body.as_str()), (400, r#"{"BadRequest":"Note"}"#));
    let shown = app::error::AppError::BadRequest(app::error::BadInput::Note);
    assert!(shown
        .message(app::i18n::Lang::Vi)
        .starts_with("Ghi chú phải có nội dung"));
    let (status, _) = call_form(
        &server,
        &member,
        "note_add",
        &[("document_id", &doc), ("page", "0"), ("body", "x")],
    )
    .await;
    assert_eq!(status, 400);

    // Nobody else reads, changes or deletes it — not even the secretariat.
    for cookie in [&other, &secretary] {
        let (status, body) = call_form(
            &server,
            cookie,
            "notes_of_document",
            &[("document_id", &doc)],
        )
        .await;
        assert_eq!((status, body.as_str()), (200, "[]"));
        let (status, _) = call_form(&server, cookie, "note_delete", &[("id", &note)]).await;
        assert_eq!(status, 404);
    }
    let (status, body) = call_form(
        &server,
        &member,
        "notes_of_document",
        &[("document_id", &doc)],
    )
    .await;
    assert_eq!(status, 200);
    let notes = json(&body);
    assert_eq!(notes.as_array().unwrap().len(), 1);
    assert_eq!(notes[0]["body"], text);
    assert_eq!(notes[0]["page_no"], 2);
    assert_eq!(notes[0]["version_no"], 1);
    assert_eq!(notes[0]["on_latest"], true);

    // A new version: the note stays on version 1 and is shown as such; progress starts again.
    for page in ["1", "2"] {
        let version: (Uuid,) = app::with_db!(&db, |pool| {
            sqlx::query_as("select id from document_version where document_id = $1")
                .bind(Uuid::parse_str(&doc).unwrap())
                .fetch_one(pool)
                .await
        })
        .unwrap();
        assert_eq!(
            page_view(&server, &member, &doc, &version.0.to_string(), page).await,
            200
        );
    }
    let (pdf, pages_after) = demo_pdf("bao-cao-chinh-phu-so.txt");
    assert_ne!(
        i64::from(pages_after),
        pages_before,
        "pick a report of another length"
    );
    let (status, body) = upload(
        &server,
        &secretary,
        &format!("document={doc}&name=v2.pdf"),
        pdf,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    // Members see the update with the change of length.
    let regular = meeting_id(&db, REGULAR).await.to_string();
    let (_, body) = call_form(&server, &member, "meeting", &[("id", &regular)]).await;
    let shown = &json(&body)["items"][0]["documents"][0];
    assert_eq!(shown["version_no"], 2);
    assert_eq!(shown["previous_page_count"], pages_before);
    assert_eq!(shown["page_count"], pages_after);
    let (_, body) = call_form(
        &server,
        &member,
        "notes_of_document",
        &[("document_id", &doc)],
    )
    .await;
    let notes = json(&body);
    assert_eq!(notes[0]["version_no"], 1);
    assert_eq!(notes[0]["on_latest"], false);
    let (_, row) = readiness_of(&server, &secretary, FINANCE_MINISTER).await;
    assert_eq!(row["documents"][0]["opened"], false);
    assert_eq!(row["documents"][0]["pages_viewed"], 0);
    let (status, body) = call_form(
        &server,
        &member,
        "notes_of_meeting",
        &[("meeting_id", &regular)],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(json(&body)[0]["body"], text);
    let (status, body) = call_form(
        &server,
        &other,
        "notes_of_meeting",
        &[("meeting_id", &regular)],
    )
    .await;
    assert_eq!((status, body.as_str()), (200, "[]"));

    // The author deletes it.
    let (status, _) = call_form(&server, &member, "note_delete", &[("id", &note)]).await;
    assert_eq!(status, 200);
    let (_, body) = call_form(
        &server,
        &member,
        "notes_of_document",
        &[("document_id", &doc)],
    )
    .await;
    assert_eq!(body, "[]");
}

async fn a_page_that_reconnects_receives_what_it_missed(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = server.state.db.clone();
    let (doc, _, _) = first_document(&db).await;
    let regular = meeting_id(&db, REGULAR).await.to_string();
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    let allow = |on: &'static str| {
        let (server, secretary, doc) = (&server, secretary.clone(), doc.clone());
        async move {
            let (status, body) = call_form(
                server,
                &secretary,
                "document_downloadable",
                &[("id", &doc), ("downloadable", on)],
            )
            .await;
            assert_eq!(status, 200, "{body}");
        }
    };

    let mut live = open_live(&server, &member, None).await;
    allow("true").await;
    let first = live.next(Duration::from_secs(5)).await.unwrap();
    assert_eq!(first.name, "meeting");
    assert!(first.data.contains(&regular), "{first:?}");
    let first_id: i64 = first.id.as_deref().unwrap().parse().unwrap();
    drop(live);

    // While the page is away, two more changes.
    allow("false").await;
    allow("true").await;
    let mut live = open_live(&server, &member, Some(&first_id.to_string())).await;
    let second = live.next(Duration::from_secs(5)).await.unwrap();
    let third = live.next(Duration::from_secs(5)).await.unwrap();
    assert_eq!(
        (second.name.as_str(), third.name.as_str()),
        ("meeting", "meeting")
    );
    let second_id: i64 = second.id.as_deref().unwrap().parse().unwrap();
    let third_id: i64 = third.id.as_deref().unwrap().parse().unwrap();
    assert!(first_id < second_id && second_id < third_id);
    // Nothing is sent twice: after the missed ones, only new events.
    assert_eq!(live.next(Duration::from_millis(500)).await, None);
    allow("false").await;
    let fourth = live.next(Duration::from_secs(5)).await.unwrap();
    assert!(fourth.id.as_deref().unwrap().parse::<i64>().unwrap() > third_id);

    // Resuming from the latest id replays nothing.
    let mut caught_up = open_live(&server, &member, fourth.id.as_deref()).await;
    assert_eq!(caught_up.next(Duration::from_millis(500)).await, None);

    // A member not invited to the session hears nothing of it, even when resuming.
    let regular_id = meeting_id(&db, REGULAR).await;
    let uninvited = user_id(&db, "Lò Văn Tiến").await;
    app::with_db!(&db, |pool| {
        sqlx::query("delete from invitation where meeting_id = $1 and user_id = $2")
            .bind(regular_id)
            .bind(uninvited)
            .execute(pool)
            .await
            .unwrap();
    });
    let outsider = demo_cookie(&server, "Lò Văn Tiến").await;
    let mut outside = open_live(&server, &outsider, Some(&first_id.to_string())).await;
    assert_eq!(outside.next(Duration::from_millis(500)).await, None);
}
