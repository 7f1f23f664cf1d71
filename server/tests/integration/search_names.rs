//! A document is found by its title and its current file's name through the terms each keeps
//! (migration 0017): kept in step when the secretariat renames a document or uploads a new
//! version, filled in at start for rows stored before, and within what the person may see.

use app::search::model::{SearchQuery, SearchResults};
use uuid::Uuid;

use crate::common::meetings::agenda_items;
use crate::common::*;

on_both_engines!(titles_and_file_names_are_found_as_they_are_now);

/// The named groups of `q` for `user`: (document, version shown).
async fn named(
    db: &app::db::Db,
    user: &app::identity::model::CurrentUser,
    q: &str,
) -> Vec<(Uuid, i64)> {
    let asked = SearchQuery {
        q: q.to_owned(),
        ..SearchQuery::default()
    };
    let found: SearchResults = app::search::store::search(db, user, &asked).await.unwrap();
    found
        .documents
        .iter()
        .filter(|g| g.named)
        .map(|g| (g.document_id, g.version_no))
        .collect()
}

async fn titles_and_file_names_are_found_as_they_are_now(engine: Engine) {
    let server = start_server(engine, true).await;
    let db = &server.state.db;
    let item = agenda_items(db, meeting_id(db, REGULAR).await).await[0];
    let secretary = current_user(db, SECRETARY).await;
    let minister = current_user(db, FINANCE_MINISTER).await;
    let (document,): (Uuid,) = app::with_db!(db, |pool| {
        sqlx::query_as("select id from document where agenda_item_id = $1 order by position")
            .bind(item)
            .fetch_one(pool)
            .await
            .unwrap()
    });

    // Renamed: the new title's words find it (a document number however it is typed), with
    // its version 1; no demo title holds them.
    app::meetings::editing::agenda::retitle_document(
        &server.state,
        &secretary,
        document,
        "Tờ trình số 07/TTr-BTC về Công ước Ramsar",
    )
    .await
    .unwrap();
    assert_eq!(named(db, &minister, "07 ttr btc").await, [(document, 1)]);
    assert_eq!(
        named(db, &minister, "cong uoc ramsar").await,
        [(document, 1)]
    );
    // Terms are whole and in order: "07 btc" is not a run of them, nor "ramsa".
    assert!(named(db, &minister, "07 btc").await.is_empty());
    assert!(named(db, &minister, "ramsa").await.is_empty());

    // A new version with another name: its name finds the document, shown at version 2; the
    // old file's name ("ho so" is not in it) no longer does for this document.
    let mut tx = db.begin().await.unwrap();
    let old_name: (String,) = app::with_tx!(&mut tx, |conn| {
        sqlx::query_as("select file_name from document_version where document_id = $1")
            .bind(document)
            .fetch_one(&mut *conn)
            .await
            .unwrap()
    });
    app::documents::store::add_version(
        &mut tx,
        document,
        "phu-luc-dat-ngap-nuoc.pdf",
        b"%PDF-1.4 not read here",
        Some(1),
        None,
    )
    .await
    .unwrap();
    tx.commit().await.unwrap();
    assert_eq!(
        named(db, &minister, "phụ lục đất ngập nước").await,
        [(document, 2)]
    );
    let stem = old_name.0.trim_end_matches(".pdf").to_owned();
    assert!(
        !named(db, &minister, &stem).await.contains(&(document, 2)),
        "{stem}"
    );

    // Stored before the names kept terms: found again once the server fills them in (the
    // title and both versions' names: three).
    app::with_db!(db, |pool| {
        sqlx::query("update document set title_terms = null where id = $1")
            .bind(document)
            .execute(pool)
            .await
            .unwrap();
        sqlx::query("update document_version set file_terms = null where document_id = $1")
            .bind(document)
            .execute(pool)
            .await
            .unwrap();
    });
    assert!(named(db, &minister, "07 ttr btc").await.is_empty());
    let filled = app::search::reindex::fill_missing_name_terms(db)
        .await
        .unwrap();
    assert_eq!(filled, 3);
    assert_eq!(named(db, &minister, "07 ttr btc").await, [(document, 2)]);
    assert_eq!(
        app::search::reindex::fill_missing_name_terms(db)
            .await
            .unwrap(),
        0
    );

    // Only those who may see the document: not the administrator, not a member uninvited.
    let admin = current_user(db, ADMIN).await;
    assert!(named(db, &admin, "07 ttr btc").await.is_empty());
    uninvite(db, "Lò Văn Tiến").await;
    let uninvited = current_user(db, "Lò Văn Tiến").await;
    assert!(named(db, &uninvited, "07 ttr btc").await.is_empty());
}
