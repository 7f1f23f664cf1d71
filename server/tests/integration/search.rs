//! Search, on both engines. Over the demo's real PDFs, once read: unaccented queries with
//! "đ", marked words in snippets with page numbers, documents grouped, and access rules. Over
//! many pages: a phrase whose words are each on every page is found on exactly the pages that
//! hold it, however many pages hold its words apart, and a word on every page is found on
//! every page, a window at a time, with nothing left out.

use std::time::Duration;

use crate::common::documents::wait_for_jobs;
use crate::common::fixtures;
use crate::common::meetings::agenda_items;
use crate::common::*;
use app::search::model::{SearchQuery, SearchResults};
use chrono::Utc;
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

fn asked(q: &str) -> SearchQuery {
    SearchQuery {
        q: q.to_owned(),
        ..SearchQuery::default()
    }
}

/// The pages of the groups titled `title`.
fn pages_of(results: &SearchResults, title: &str) -> Vec<i64> {
    let mut pages: Vec<i64> = results
        .documents
        .iter()
        .filter(|g| {
            g.title
                .0
                .iter()
                .map(|(t, _)| t.as_str())
                .collect::<String>()
                == title
        })
        .flat_map(|g| g.pages.iter().map(|p| p.page))
        .collect();
    pages.sort();
    pages
}

/// The marked words of a snippet, joined.
fn marked(snippet: &app::search::model::Snippet) -> Vec<String> {
    snippet
        .0
        .iter()
        .filter(|(_, hit)| *hit)
        .map(|(t, _)| t.clone())
        .collect()
}

async fn a_phrase_is_found_among_thousands_of_pages_holding_its_words(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let item = agenda_items(db, meeting_id(db, REGULAR).await).await[0];
    add_document(db, item).await;
    let minister = current_user(db, FINANCE_MINISTER).await;

    // All four words are on each of the 2,500 pages; together, on pages 1, 2 and 3 only.
    let found = app::search::store::search(db, &minister, &asked("duong sat do thi"))
        .await
        .unwrap();
    assert_eq!(pages_of(&found, TITLE), PHRASE_PAGES);
    assert_eq!(found.more, None);
    let group = found
        .documents
        .iter()
        .find(|g| !g.pages.is_empty())
        .unwrap();
    for page in &group.pages {
        let snippet = page
            .snippet
            .as_ref()
            .expect("the first three pages have snippets");
        assert_eq!(marked(snippet), ["đường sắt đô thị"]);
    }

    // A word on every page: 200 pages an answer (the newest first), then more on request,
    // until all 2,500 are found, each once: 12 full answers and one of 100.
    let mut query = asked("cảng biển");
    let mut seen = Vec::new();
    let mut sizes = Vec::new();
    loop {
        let found = app::search::store::search(db, &minister, &query)
            .await
            .unwrap();
        sizes.push(found.pages);
        seen.extend(pages_of(&found, TITLE));
        match found.more {
            Some(after) => query.after = Some(after),
            None => break,
        }
        assert!(sizes.len() < 20);
    }
    let mut want = vec![200; 12];
    want.push(100);
    assert_eq!(sizes, want);
    seen.sort();
    assert_eq!(seen, (1..=PAGES).collect::<Vec<_>>());

    // A member not invited to the meeting finds none of it.
    uninvite(db, "Lò Văn Tiến").await;
    let uninvited = current_user(db, "Lò Văn Tiến").await;
    let found = app::search::store::search(db, &uninvited, &asked("duong sat do thi"))
        .await
        .unwrap();
    assert!(found.documents.is_empty(), "{found:?}");
}

async fn search(server: &TestServer, cookie: &str, query: &str) -> Value {
    let (status, body) = search_status(server, cookie, &[("query[q]", query)]).await;
    assert_eq!(status, 200, "{body}");
    serde_json::from_str(&body).unwrap()
}

async fn search_status(server: &TestServer, cookie: &str, form: &[(&str, &str)]) -> (u16, String) {
    crate::common::calls::call_form(server, cookie, "search", form).await
}

fn text_of(snippet: &Value) -> String {
    snippet
        .as_array()
        .unwrap()
        .iter()
        .map(|part| part[0].as_str().unwrap())
        .collect()
}

fn marked_of(snippet: &Value) -> Vec<String> {
    snippet
        .as_array()
        .unwrap()
        .iter()
        .filter(|part| part[1] == true)
        .map(|part| part[0].as_str().unwrap().to_owned())
        .collect()
}

fn documents_of(found: &Value) -> std::collections::BTreeSet<String> {
    found["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| !g["pages"].as_array().unwrap().is_empty())
        .map(|g| text_of(&g["title"]))
        .collect()
}

fn texts_of(found: &Value, kind: &str) -> Vec<Value> {
    found["texts"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| g["kind"] == kind)
        .flat_map(|g| g["hits"].as_array().unwrap().clone())
        .collect()
}

fn is_empty(found: &Value) -> bool {
    found["documents"].as_array().unwrap().is_empty()
        && found["texts"].as_array().unwrap().is_empty()
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
    let found = search(&server, &minister, "da nang").await;
    assert_eq!(documents_of(&found).len(), 6, "{found:#}");
    for group in found["documents"].as_array().unwrap() {
        for page in group["pages"].as_array().unwrap() {
            assert!(page["page"].as_i64().unwrap() >= 1);
            if !page["snippet"].is_null() {
                let words = marked_of(&page["snippet"]);
                assert!(!words.is_empty(), "{page}");
                assert!(words.iter().all(|w| w == "Đà Nẵng"), "{page}");
            }
        }
    }
    // Accented, the same documents.
    let accented = search(&server, &minister, "Đà Nẵng").await;
    assert_eq!(documents_of(&accented), documents_of(&found));

    // "chinh phu" finds "Chính phủ" in titles too: the meeting's own title, marked.
    let found = search(&server, &minister, "chinh phu").await;
    let meetings = texts_of(&found, "Meeting");
    let regular = meetings
        .iter()
        .find(|h| text_of(&h["snippet"]) == REGULAR)
        .expect("the meeting's title");
    assert_eq!(marked_of(&regular["snippet"]), ["Chính phủ"]);

    // A document's title finds it, though no page needs to hold the words.
    let found = search(&server, &minister, "giải ngân vốn đầu tư công").await;
    assert!(found["documents"]
        .as_array()
        .unwrap()
        .iter()
        .any(|g| g["named"] == true
            && text_of(&g["title"]) == "Báo cáo tình hình giải ngân vốn đầu tư công năm 2026"));

    // The guest sees only their item (item 2): one of the six documents.
    let guest = demo_cookie(&server, GUEST).await;
    let found = search(&server, &guest, "da nang").await;
    assert_eq!(documents_of(&found).len(), 1, "{found:#}");
    // A member not invited to the regular session finds nothing of it.
    uninvite(&server.state.db, "Lò Văn Tiến").await;
    let uninvited = demo_cookie(&server, "Lò Văn Tiến").await;
    let found = search(&server, &uninvited, "da nang").await;
    assert!(documents_of(&found).is_empty(), "{found:#}");
    let found = search(
        &server,
        &uninvited,
        "Phiên họp Chính phủ thường kỳ tháng 11",
    )
    .await;
    assert!(is_empty(&found), "{found:#}");
    // The administrator sees no meeting content; odd queries are harmless.
    let admin = demo_cookie(&server, ADMIN).await;
    assert!(is_empty(&search(&server, &admin, "da nang").await));
    search(&server, &minister, "\"* OR NEAR( ' <-> !").await;
    // Too long, or a range that ends before it starts: a clear 400 in Vietnamese.
    let long = "a ".repeat(300);
    let (status, body) = search_status(&server, &minister, &[("query[q]", &long)]).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        crate::common::meetings::vi(&body).contains("Từ khóa tìm kiếm dài quá 500 ký tự"),
        "{body}"
    );
    let (status, body) = search_status(
        &server,
        &minister,
        &[
            ("query[q]", "da nang"),
            ("query[from]", "2026-12-31"),
            ("query[to]", "2026-01-01"),
        ],
    )
    .await;
    assert_eq!(status, 400, "{body}");
    // Narrowed to a meeting the member sees, and to days: only what lies within.
    let regular = meeting_id(&server.state.db, REGULAR).await.to_string();
    let thematic = meeting_id(&server.state.db, THEMATIC).await.to_string();
    let within = |found: &Value, meeting: &str| {
        found["documents"].as_array().unwrap().iter().all(|g| {
            g["places"]
                .as_array()
                .unwrap()
                .iter()
                .all(|p| p["Item"]["meeting_id"] == meeting)
        })
    };
    let (_, body) = search_status(
        &server,
        &minister,
        &[("query[q]", "da nang"), ("query[meeting]", &thematic)],
    )
    .await;
    let found: Value = serde_json::from_str(&body).unwrap();
    assert!(within(&found, &thematic), "{found:#}");
    let (_, body) = search_status(
        &server,
        &minister,
        &[("query[q]", "da nang"), ("query[meeting]", &regular)],
    )
    .await;
    let found: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(documents_of(&found).len(), 6);
    assert!(within(&found, &regular));
    // The regular session is in 3 days (the demo's plan): from day 10 on, none of its
    // documents; up to day 5, all six.
    let day = |n: i64| {
        (Utc::now() + chrono::Duration::days(n))
            .format("%Y-%m-%d")
            .to_string()
    };
    let (_, body) = search_status(
        &server,
        &minister,
        &[
            ("query[q]", "da nang"),
            ("query[meeting]", &regular),
            ("query[from]", &day(10)),
        ],
    )
    .await;
    let found: Value = serde_json::from_str(&body).unwrap();
    assert!(documents_of(&found).is_empty(), "{found:#}");
    let (_, body) = search_status(
        &server,
        &minister,
        &[
            ("query[q]", "da nang"),
            ("query[from]", &day(-1)),
            ("query[to]", &day(5)),
        ],
    )
    .await;
    let found: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(documents_of(&found).len(), 6, "{found:#}");
}
