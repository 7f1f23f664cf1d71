//! Pages follow a document's text status live, on both engines: when the background job
//! takes a document up and when it has read it, the pages of its meeting hear `text`; people
//! who may not see the meeting hear nothing.

use std::time::Duration;

use crate::common::documents::wait_for_jobs;
use crate::common::*;

on_both_engines!(the_meeting_hears_when_a_documents_text_is_read);

async fn the_meeting_hears_when_a_documents_text_is_read(engine: Engine) {
    let server = start_server(engine, true).await;
    // The demo's own documents first, so what follows is about this one.
    wait_for_jobs(&server, Duration::from_secs(90)).await;
    let regular = meeting_id(&server.state.db, REGULAR).await;
    let member = demo_cookie(&server, FINANCE_MINISTER).await;
    let admin = demo_cookie(&server, ADMIN).await;
    let mut member_page = open_live(&server, &member, None).await.hearing_text();
    let mut admin_page = open_live(&server, &admin, None).await.hearing_text();

    let (pdf, _) = demo_pdf("bao-cao-chinh-phu-so.txt");
    let document = crate::documents::add(&server, "Tờ trình bổ sung", &pdf).await;
    let expected = format!("{{\"meeting_id\":\"{regular}\"}}");
    // Taken up, then read: two events, each naming the meeting.
    for step in ["taken up", "read"] {
        let heard = member_page
            .next(Duration::from_secs(15))
            .await
            .unwrap_or_else(|| panic!("the member's page hears the document {step}"));
        assert_eq!(
            (heard.name.as_str(), heard.data.as_str()),
            ("text", expected.as_str())
        );
    }
    let (status,): (String,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select v.text_status from document_version v where v.document_id = $1")
            .bind(document)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(status, "indexed");
    assert_eq!(admin_page.next(Duration::from_millis(500)).await, None);

    // What the badges then re-read: the member sees it indexed; the guest (invited to item 2
    // only) gets the statuses of their item's documents, not of this one on item 1.
    let regular = regular.to_string();
    let (code, body) = call_form(&server, &member, "meeting_texts", &[("id", &regular)]).await;
    assert_eq!(code, 200, "{body}");
    let texts: Vec<serde_json::Value> = serde_json::from_str(&body).unwrap();
    let this = texts
        .iter()
        .find(|t| t["id"] == document.to_string())
        .unwrap();
    assert_eq!(this["text_status"], "indexed");
    assert_eq!(this["pages_without_text"], 0);
    let guest = demo_cookie(&server, GUEST).await;
    let (code, body) = call_form(&server, &guest, "meeting_texts", &[("id", &regular)]).await;
    assert_eq!(code, 200, "{body}");
    assert!(!body.contains(&document.to_string()), "{body}");
    // The administrator does not see the meeting: answered as if it did not exist.
    let (code, _) = call_form(&server, &admin, "meeting_texts", &[("id", &regular)]).await;
    assert_eq!(code, 404);
}
