//! Search over official numbering, on both engines: our own terms go to FTS5 and to the
//! tsvector alike, so a table of queries worked out by hand gives the same pages on each.
//! (PostgreSQL's parser used to read "01/NQ-CP" as one file-path token.)

use app::search::model::SearchQuery;
use chrono::Utc;

use crate::common::fixtures;
use crate::common::meetings::agenda_items;
use crate::common::*;

on_both_engines!(
    numbers_dates_and_compounds_give_the_hand_worked_pages,
    pages_stored_before_terms_get_them_at_start,
);

const TITLE: &str = "Tập hợp văn bản số hiệu";

/// Page n is `PAGES[n - 1]`.
const PAGES: [&str; 6] = [
    "Nghị quyết số 01/NQ-CP ngày 05/01/2024 của Chính phủ về nhiệm vụ, giải pháp chủ yếu.",
    "Thực hiện Nghị định 45/2019/NĐ-CP, UBND tỉnh báo cáo tổng vốn 1.234,5 tỷ đồng.",
    "Theo Nghị quyết 01 NQ CP, kinh tế-xã hội tăng trưởng; dân số 1.234.567 người.",
    "Ngày 12/3/2024, Ủy ban nhân dân (UBND) thành phố Đà Nẵng ban hành Quyết định số 123/QĐ-UBND.",
    "Văn bản số 1234/BKHĐT-TH ngày 3/12/2024 về kinh tế - xã hội; COVID-19 và covid19.",
    "Nghị quyết 101/NQ-CP ngày 1/12/2024 về đề án 2019-2025.",
];

/// (query, the pages that hold it), by hand: a query is its terms as a phrase; a number's
/// leading zeros do not count; thousands dots join a number; letters and digits part.
const TABLE: &[(&str, &[i64])] = &[
    // "01/NQ-CP" on page 1, "01 NQ CP" on page 3; "101/NQ-CP" (page 6) is another number.
    ("01/NQ-CP", &[1, 3]),
    ("01 NQ CP", &[1, 3]),
    ("01/nq-cp", &[1, 3]),
    ("01NQ-CP", &[1, 3]),
    // Page 1 has "số" between the words and the number.
    ("nghị quyết 01/NQ-CP", &[3]),
    ("nghi quyet so 01/nq-cp", &[1]),
    ("NQ-CP", &[1, 3, 6]),
    ("101/NQ-CP", &[6]),
    ("45/2019/NĐ-CP", &[2]),
    ("45/2019/nd-cp", &[2]),
    ("NĐ-CP", &[2]),
    ("2019", &[2, 6]),
    // Dates, by their parts in order: 12/3 is not 3/12.
    ("12/3/2024", &[4]),
    ("03/12/2024", &[5]),
    ("3-12-2024", &[5]),
    ("1/12/2024", &[6]),
    ("05/01/2024", &[1]),
    ("2024", &[1, 4, 5, 6]),
    // Thousands dots join; the decimal comma parts.
    ("1.234,5", &[2]),
    ("1234,5", &[2]),
    ("1234", &[2, 5]),
    ("1.234.567", &[3]),
    ("1234567", &[3]),
    ("234", &[]),
    // Abbreviations and compounds.
    ("UBND", &[2, 4]),
    ("ubnd tinh", &[2]),
    ("QĐ-UBND", &[4]),
    ("quyết định số 123/QĐ-UBND", &[4]),
    ("kinh tế - xã hội", &[3, 5]),
    ("kinh te xa hoi", &[3, 5]),
    ("COVID-19", &[5]),
    ("covid19", &[5]),
    ("BKHĐT-TH", &[5]),
    ("1234/BKHĐT", &[5]),
    ("da nang", &[4]),
    ("đà nẵng 123", &[]),
];

async fn numbers_dates_and_compounds_give_the_hand_worked_pages(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let item = agenda_items(db, meeting_id(db, REGULAR).await).await[0];
    let now = Utc::now();
    let sha = "3".repeat(64);
    let mut tx = db.begin().await.unwrap();
    fixtures::blob(&mut tx, &sha, now).await.unwrap();
    let version = fixtures::document(&mut tx, item, (TITLE, 100), (&sha, 6), now)
        .await
        .unwrap();
    for (n, text) in PAGES.iter().enumerate() {
        fixtures::page(&mut tx, version, n as i64 + 1, text)
            .await
            .unwrap();
    }
    tx.commit().await.unwrap();
    let minister = current_user(db, FINANCE_MINISTER).await;

    let mut wrong = Vec::new();
    for (query, want) in TABLE {
        let asked = SearchQuery {
            q: (*query).to_owned(),
            ..SearchQuery::default()
        };
        let found = app::search::store::search(db, &minister, &asked)
            .await
            .unwrap();
        let mut pages: Vec<i64> = found
            .documents
            .iter()
            .filter(|g| g.key == sha)
            .flat_map(|g| g.pages.iter().map(|p| p.page))
            .collect();
        pages.sort();
        if pages != *want {
            wrong.push(format!("{query:?}: found {pages:?}, want {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

async fn pages_stored_before_terms_get_them_at_start(engine: Engine) {
    let test = with_demo(engine).await;
    let db = &test.db;
    let item = agenda_items(db, meeting_id(db, REGULAR).await).await[0];
    let now = Utc::now();
    let sha = "4".repeat(64);
    let mut tx = db.begin().await.unwrap();
    fixtures::blob(&mut tx, &sha, now).await.unwrap();
    let version = fixtures::document(&mut tx, item, (TITLE, 100), (&sha, 1), now)
        .await
        .unwrap();
    fixtures::page(&mut tx, version, 1, PAGES[1]).await.unwrap();
    tx.commit().await.unwrap();
    // As a page stored before migration 0016 looks: text, no terms.
    app::with_db!(db, |pool| {
        sqlx::query("update document_page set terms = null where version_id = $1")
            .bind(version)
            .execute(pool)
            .await
            .unwrap();
    });
    let minister = current_user(db, FINANCE_MINISTER).await;
    let asked = SearchQuery {
        q: "45/2019/NĐ-CP".to_owned(),
        ..SearchQuery::default()
    };
    let found = app::search::store::search(db, &minister, &asked)
        .await
        .unwrap();
    assert!(found.documents.iter().all(|g| g.key != sha), "{found:?}");
    let filled = app::search::reindex::fill_missing_terms(db).await.unwrap();
    assert_eq!(filled, 1);
    let found = app::search::store::search(db, &minister, &asked)
        .await
        .unwrap();
    let group = found.documents.iter().find(|g| g.key == sha).unwrap();
    assert_eq!(group.pages.len(), 1);
    assert_eq!(
        app::search::reindex::fill_missing_terms(db).await.unwrap(),
        0
    );
}
