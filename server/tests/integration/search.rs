//! Search over many pages, on both engines: a phrase whose words are each on every page is
//! found on exactly the pages that hold it, however many pages hold its words apart, and a
//! word on every page still returns a full first page of hits.
//! (Accents, snippets and access rules: `documents.rs`, over the demo's real PDFs.)

use crate::common::fixtures;
use crate::common::meetings::agenda_items;
use crate::common::*;
use chrono::Utc;
use uuid::Uuid;

on_both_engines!(a_phrase_is_found_among_thousands_of_pages_holding_its_words,);

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
