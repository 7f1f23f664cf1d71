//! Rows needed in bulk (thousands of pages), written straight into the database in the
//! caller's transaction: a stored file and already-read documents of an agenda item. Shared
//! with the benchmark (`bench/`, which includes this file by path).
use app::db::Tx;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A stored file (`sha256`, no bytes: these documents are never opened).
pub async fn blob(tx: &mut Tx, sha256: &str, now: DateTime<Utc>) -> anyhow::Result<()> {
    app::with_tx!(tx, |conn| {
        sqlx::query(
            "insert into blob (sha256, byte_size, chunk_size, created_at) values ($1, 0, 262144, $2)",
        )
        .bind(sha256)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}

/// A document of item `item` whose one version (`pages` pages of file `sha256`) is already
/// indexed; the version's id.
pub async fn document(
    tx: &mut Tx,
    item: Uuid,
    (title, position): (&str, i64),
    (sha256, pages): (&str, i64),
    now: DateTime<Utc>,
) -> anyhow::Result<Uuid> {
    let (document, version) = (Uuid::now_v7(), Uuid::now_v7());
    app::with_tx!(tx, |conn| {
        sqlx::query(
            "insert into document
                 (id, agenda_item_id, title, title_terms, position, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $6)",
        )
        .bind(document)
        .bind(item)
        .bind(title)
        .bind(app::terms::name_terms(title))
        .bind(position)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "insert into document_version (id, document_id, version_no, blob_sha256, file_name,
                                           file_terms, page_count, text_status, created_at)
             values ($1, $2, 1, $3, 'ho-so.pdf', ' ho so pdf ', $4, 'indexed', $5)",
        )
        .bind(version)
        .bind(document)
        .bind(sha256)
        .bind(pages)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    Ok(version)
}

/// Page `page_no` of `version`, with its text as the reader would have stored it (and its
/// folded form, which the search index reads).
pub async fn page(tx: &mut Tx, version: Uuid, page_no: i64, text: &str) -> anyhow::Result<()> {
    let folded = app::fold::fold(&app::fold::normalise(text));
    app::with_tx!(tx, |conn| {
        sqlx::query(
            "insert into document_page (version_id, page_no, text, folded, terms)
             values ($1, $2, $3, $4, $5)",
        )
        .bind(version)
        .bind(page_no)
        .bind(text)
        .bind(&folded)
        .bind(app::terms::index_terms(&folded))
        .execute(&mut *conn)
        .await?;
    });
    Ok(())
}
