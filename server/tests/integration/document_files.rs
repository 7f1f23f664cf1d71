//! Documents served to those who may read them, on both engines: the file in byte ranges
//! (what the reader asks for), and the first page's picture. (Reading the PDFs themselves:
//! `documents.rs`.)

use std::time::Duration;

use crate::common::documents::wait_for_jobs;
use crate::common::meetings::json_of;
use crate::common::*;
use crate::documents::add;
use reqwest::header::COOKIE;
use serde_json::Value;
use uuid::Uuid;

on_both_engines!(
    documents_are_served_in_ranges_to_those_who_may_read_them,
    the_first_page_is_pictured_for_those_who_may_read_it,
);

async fn get_file(
    server: &TestServer,
    cookie: &str,
    document: Uuid,
    query: &str,
    range: Option<&str>,
) -> reqwest::Response {
    let mut request = client()
        .get(format!("{}/documents/{document}/file{query}", server.base))
        .header(COOKIE, cookie);
    if let Some(range) = range {
        request = request.header("range", range);
    }
    request.send().await.unwrap()
}

async fn documents_are_served_in_ranges_to_those_who_may_read_them(engine: Engine) {
    let server = start_server(engine, true).await;
    // 600 KiB in three chunks (256 + 256 + 88 KiB); every byte known here.
    let bytes: Vec<u8> = b"%PDF-1.7\n"
        .iter()
        .copied()
        .chain((0..600 * 1024u32 - 9).map(|i| (i % 253) as u8))
        .collect();
    let document = add(&server, "Tài liệu lớn", &bytes).await;
    let member = demo_cookie(&server, FINANCE_MINISTER).await;

    let whole = get_file(&server, &member, document, "", None).await;
    assert_eq!(whole.status(), 200);
    assert_eq!(whole.headers()["cache-control"], "private, no-store");
    assert_eq!(whole.headers()["content-type"], "application/pdf");
    assert_eq!(whole.headers()["x-content-type-options"], "nosniff");
    assert!(whole.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("inline"));
    assert_eq!(whole.bytes().await.unwrap(), bytes);

    // Across the first chunk boundary (262 144).
    let part = get_file(&server, &member, document, "", Some("bytes=262140-262150")).await;
    assert_eq!(part.status(), 206);
    assert_eq!(
        part.headers()["content-range"],
        "bytes 262140-262150/614400"
    );
    assert_eq!(part.bytes().await.unwrap(), bytes[262_140..=262_150]);
    let tail = get_file(&server, &member, document, "", Some("bytes=-5")).await;
    assert_eq!(tail.bytes().await.unwrap(), bytes[614_395..]);
    let beyond = get_file(&server, &member, document, "", Some("bytes=700000-")).await;
    assert_eq!(beyond.status(), 416);
    assert_eq!(beyond.headers()["content-range"], "bytes */614400");

    // Not downloadable: the member may read but not download; the secretariat may.
    let refused = get_file(&server, &member, document, "?download=1", None).await;
    assert_eq!(refused.status(), 403);
    let secretary = demo_cookie(&server, SECRETARY).await;
    let download = get_file(&server, &secretary, document, "?download=1", None).await;
    assert_eq!(download.status(), 200);
    assert!(download.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment"));
    let audited: (i64,) = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as(
            "select count(*) from audit_event where event = 'document.downloaded' and subject_id = $1",
        )
        .bind(document)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    assert_eq!(audited.0, 1);

    // The guest's item is item 2: this document (item 1) does not exist for them.
    let guest = demo_cookie(&server, GUEST).await;
    assert_eq!(
        get_file(&server, &guest, document, "", None).await.status(),
        404
    );
    let missing = get_file(&server, &member, Uuid::now_v7(), "", None).await;
    assert_eq!(missing.status(), 404);
    assert_eq!(
        get_file(&server, "", document, "", None).await.status(),
        401
    );
}

async fn get_picture(server: &TestServer, cookie: &str, document: Uuid) -> reqwest::Response {
    client()
        .get(format!("{}/documents/{document}/first-page", server.base))
        .header(COOKIE, cookie)
        .send()
        .await
        .unwrap()
}

async fn the_first_page_is_pictured_for_those_who_may_read_it(engine: Engine) {
    let server = start_server(engine, true).await;
    wait_for_jobs(&server, Duration::from_secs(120)).await;
    let db = &server.state.db;
    // The first document of the regular session's first item (not the guest's item).
    let (document, sha256): (Uuid, String) = app::with_db!(db, |pool| {
        sqlx::query_as(
            "select d.id, v.blob_sha256 from document d
             join document_version v on v.document_id = d.id
             join agenda_item ai on ai.id = d.agenda_item_id
             where ai.meeting_id = $1 order by ai.position, d.position limit 1",
        )
        .bind(meeting_id(db, REGULAR).await)
        .fetch_one(pool)
        .await
    })
    .unwrap();
    let member = demo_cookie(&server, FINANCE_MINISTER).await;

    let response = get_picture(&server, &member, document).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "image/jpeg");
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let jpeg = response.bytes().await.unwrap();
    assert_eq!(&jpeg[..3], b"\xFF\xD8\xFF", "a JPEG");
    // Worked out by hand: the writer's A4 page is 595 x 842 points; 1024 pixels wide makes it
    // 1024 x 842 / 595 = 1449.08, rounded up by pdftoppm: 1450 pixels high.
    let size = imagesize::blob_size(&jpeg).unwrap();
    assert_eq!((size.width, size.height), (1024, 1450));
    // The reader page is told its size, to lay the picture out before it arrives.
    let (status, body) = call_form(
        &server,
        &member,
        "reader_open",
        &[("document_id", &document.to_string())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        json_of(&body)["first_page_picture"],
        serde_json::json!([1024, 1450])
    );

    // The same file attached again shares the picture; it is not drawn twice.
    let bytes = app::documents::store::read_blob(db, &sha256).await.unwrap();
    let again = add(&server, "Bản sao", &bytes).await;
    wait_for_jobs(&server, Duration::from_secs(60)).await;
    let copy = get_picture(&server, &member, again).await;
    assert_eq!(copy.status(), 200);
    assert_eq!(copy.bytes().await.unwrap(), jpeg);
    let (pictures,): (i64,) = app::with_db!(db, |pool| {
        sqlx::query_as("select count(*) from blob_picture where sha256 = $1")
            .bind(&sha256)
            .fetch_one(pool)
            .await
    })
    .unwrap();
    assert_eq!(pictures, 1);

    // A file that cannot be drawn has none; the reader is told so.
    let broken = add(&server, "Hỏng", b"%PDF-1.7\n not really").await;
    wait_for_jobs(&server, Duration::from_secs(60)).await;
    let secretary = demo_cookie(&server, SECRETARY).await;
    assert_eq!(get_picture(&server, &secretary, broken).await.status(), 404);
    let (status, body) = call_form(
        &server,
        &secretary,
        "reader_open",
        &[("document_id", &broken.to_string())],
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(json_of(&body)["first_page_picture"], Value::Null);

    // Only those who may read the document: not the guest (another item), not a stranger.
    let guest = demo_cookie(&server, GUEST).await;
    assert_eq!(get_picture(&server, &guest, document).await.status(), 404);
    let anonymous = client()
        .get(format!("{}/documents/{document}/first-page", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status(), 401);
    assert_eq!(
        get_picture(&server, &member, Uuid::nil()).await.status(),
        404
    );
    let malformed = client()
        .get(format!("{}/documents/not-an-id/first-page", server.base))
        .header(COOKIE, &member)
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status(), 400);
}
