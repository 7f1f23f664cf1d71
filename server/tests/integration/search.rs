//! Search, on both engines. Over the demo's real PDFs, once read: unaccented queries with
//! "đ", exact accented matches first, snippets with page numbers, and access rules. Over many
//! pages: a phrase whose words are each on every page is found on exactly the pages that hold
//! it, however many pages hold its words apart, and a word on every page still returns a full
//! first page of hits.

use std::time::Duration;

use crate::common::documents::wait_for_jobs;
use crate::common::fixtures;
use crate::common::meetings::agenda_items;
use crate::common::*;
use chrono::Utc;
use reqwest::header::{COOKIE, ORIGIN};
use serde_json::Value;
use uuid::Uuid;

on_both_engines!(
    search_is_accent_insensitive_and_follows_access,
    a_phrase_is_found_among_thousands_of_pages_holding_its_words,
);

/// Pages in the document; the phrase is on the first three (the oldest rows).
const PAGES: i64 = 2_500;
const PHRASE_PAGES: [i64; 3] = [1, 2, 3];
const TITLE: &str = "Báo cáo giao thông";

/// Page `n`: the four words of "đường sắt đô thị" apart, and the phrase itself on
/// `PHRASE_PAGES`.
fn page_text(n: i64) -> String {
    let apart =
        format!("Trang {n}. Đường bộ nối cảng biển; sắt thép nhập khẩu; đô la và thị trường vốn.");
    if PHRASE_PAGES.contains(&n) {
        format!("{apart} Dự án đường sắt đô thị Hà Nội.")
    } else {
        apart
    }
}

/// One document of `item` with `PAGES` pages, already read, written straight in.
async fn add_document(db: &app::db::Db, item: Uuid) {
    let now = Utc::now();
    let sha = "2".repeat(64);
    let mut tx = db.begin().await.unwrap();
    fixtures::blob(&mut tx, &sha, now).await.unwrap();
    let version = fixtures::document(&mut tx, item, (TITLE, 100), (&sha, PAGES), now)
        .await
        .unwrap();
    for n in 1..=PAGES {
        let text = page_text(n);
        fixtures::page(&mut tx, version, n, &text).await.unwrap();
    }
    tx.commit().await.unwrap();
}

async fn a_phrase_is_found_among_thousands_of_pages_holding_its_words(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let item = agenda_items(db, meeting_id(db, REGULAR).await).await[0];
    add_document(db, item).await;
    let minister = current_user(db, FINANCE_MINISTER).await;

    // All four words are on each of the 2,500 pages; together, on pages 1, 2 and 3 only.
    let hits = app::search::store::search(db, &minister, "duong sat do thi")
        .await
        .unwrap();
    let mut pages: Vec<i64> = hits
        .iter()
        .filter(|h| h.title == TITLE)
        .map(|h| h.page.unwrap())
        .collect();
    pages.sort();
    assert_eq!(pages, PHRASE_PAGES);
    assert!(hits
        .iter()
        .filter(|h| h.title == TITLE)
        .all(|h| h.snippet.contains("đường sắt đô thị") && !h.exact));

    // A word on every page: a full first page of hits (50), each holding the word.
    let hits = app::search::store::search(db, &minister, "cảng biển")
        .await
        .unwrap();
    assert_eq!(hits.len(), 50);
    assert!(hits
        .iter()
        .all(|h| h.snippet.contains("cảng biển") && h.exact));

    // A member not invited to the meeting finds none of it.
    let outsider = user_id(db, "Lò Văn Tiến").await;
    app::with_db!(db, |pool| {
        sqlx::query("delete from invitation where user_id = $1")
            .bind(outsider)
            .execute(pool)
            .await
            .unwrap();
    });
    let uninvited = current_user(db, "Lò Văn Tiến").await;
    let hits = app::search::store::search(db, &uninvited, "duong sat do thi")
        .await
        .unwrap();
    assert!(hits.is_empty(), "{hits:?}");
}

async fn search(server: &TestServer, cookie: &str, query: &str) -> Vec<Value> {
    let response = client()
        .post(format!("{}/api/search", server.base))
        .header(ORIGIN, &server.base)
        .header(COOKIE, cookie)
        .form(&[("query", query)])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    serde_json::from_str(&response.text().await.unwrap()).unwrap()
}

fn documents_of(hits: &[Value]) -> std::collections::BTreeSet<String> {
    hits.iter()
        .filter(|h| h["kind"] == "Document")
        .map(|h| h["title"].as_str().unwrap().to_owned())
        .collect()
}

async fn search_is_accent_insensitive_and_follows_access(engine: Engine) {
    let server = start_server(engine, true).await;
    wait_for_jobs(&server, Duration::from_secs(120)).await;
    let statuses: Vec<(String,)> = app::with_db!(&server.state.db, |pool| {
        sqlx::query_as("select distinct text_status from document_version")
            .fetch_all(pool)
            .await
    })
    .unwrap();
    assert_eq!(
        statuses,
        [("indexed".to_owned(),)],
        "every demo PDF is indexed"
    );

    let minister = demo_cookie(&server, FINANCE_MINISTER).await;
    // "Đà Nẵng" is in six documents of the regular session (grep of the demo texts):
    // items 1, 2, 3 (the statement), 5, 6 and 7.
    let hits = search(&server, &minister, "da nang").await;
    assert_eq!(documents_of(&hits).len(), 6, "{hits:#?}");
    for hit in hits.iter().filter(|h| h["kind"] == "Document") {
        assert!(
            hit["snippet"].as_str().unwrap().contains("Đà Nẵng"),
            "{hit}"
        );
        assert!(hit["page"].as_i64().unwrap() >= 1);
        assert_eq!(hit["exact"], false, "the query was typed without accents");
    }
    // Accented, the same documents, every hit an exact match.
    let exact = search(&server, &minister, "Đà Nẵng").await;
    assert_eq!(documents_of(&exact), documents_of(&hits));
    assert!(exact.iter().all(|h| h["exact"] == true));

    // "chinh phu" finds "Chính phủ" (in titles too: the meeting's own title).
    let hits = search(&server, &minister, "chinh phu").await;
    assert!(hits
        .iter()
        .any(|h| h["kind"] == "Meeting" && h["title"] == REGULAR));
    assert!(hits
        .iter()
        .any(|h| h["snippet"].as_str().unwrap().contains("Chính phủ")));
    // "quyet dinh" finds "quyết định"; with accents, exact matches come first.
    let hits = search(&server, &minister, "quyết định").await;
    assert!(!hits.is_empty());
    let first_inexact = hits
        .iter()
        .position(|h| h["exact"] == false)
        .unwrap_or(hits.len());
    assert!(hits[..first_inexact].iter().all(|h| h["exact"] == true));
    assert!(hits[first_inexact..].iter().all(|h| h["exact"] == false));
    assert!(first_inexact > 0, "an exact match exists and ranks first");

    // The guest sees only their item (item 2): one of the six documents.
    let guest = demo_cookie(&server, GUEST).await;
    let hits = search(&server, &guest, "da nang").await;
    assert_eq!(documents_of(&hits).len(), 1, "{hits:#?}");
    // A member not invited to the regular session finds nothing of it.
    let outsider = user_id(&server.state.db, "Lò Văn Tiến").await;
    app::with_db!(&server.state.db, |pool| {
        sqlx::query("delete from invitation where user_id = $1")
            .bind(outsider)
            .execute(pool)
            .await
            .unwrap();
    });
    let uninvited = demo_cookie(&server, "Lò Văn Tiến").await;
    assert!(search(&server, &uninvited, "da nang").await.is_empty());
    assert!(search(&server, &uninvited, "chinh phu").await.is_empty());
    // The administrator sees no meeting content; odd queries are harmless.
    let admin = demo_cookie(&server, ADMIN).await;
    assert!(search(&server, &admin, "da nang").await.is_empty());
    assert!(search(&server, &minister, "\"* OR NEAR(").await.len() <= 50);
}
