//! Pages stored before search cut its own terms (migration 0016), and titles and file names
//! stored before they kept theirs (0017), have none: they are filled in here, a batch per
//! transaction, when the server starts. Harmless to run on several nodes at once: each batch
//! writes what any node would.
use uuid::Uuid;

use crate::db::Db;
use crate::terms::{index_terms, name_terms};
use crate::{with_db, with_tx};

const BATCH: i64 = 500;

/// Give every page without terms its terms; how many pages were filled.
pub async fn fill_missing_terms(db: &Db) -> Result<u64, sqlx::Error> {
    let mut filled = 0;
    loop {
        let rows: Vec<(Uuid, i64, String)> = with_db!(db, |pool| {
            sqlx::query_as(
                "select version_id, page_no, folded from document_page
                 where terms is null limit $1",
            )
            .bind(BATCH)
            .fetch_all(pool)
            .await
        })?;
        if rows.is_empty() {
            return Ok(filled);
        }
        let mut tx = db.begin().await?;
        for (version, page, folded) in &rows {
            with_tx!(&mut tx, |conn| {
                sqlx::query(
                    "update document_page set terms = $1
                     where version_id = $2 and page_no = $3 and terms is null",
                )
                .bind(index_terms(folded))
                .bind(version)
                .bind(page)
                .execute(&mut *conn)
                .await
                .map(|_| ())
            })?;
        }
        tx.commit().await?;
        filled += rows.len() as u64;
    }
}

/// The names that keep terms: (table, name column, terms column).
const NAMES: [(&str, &str, &str); 2] = [
    ("document", "title", "title_terms"),
    ("document_version", "file_name", "file_terms"),
];

/// Give every document title and file name without terms its terms; how many were filled.
pub async fn fill_missing_name_terms(db: &Db) -> Result<u64, sqlx::Error> {
    let mut filled = 0;
    for (table, name, terms) in NAMES {
        loop {
            let rows: Vec<(Uuid, String)> = with_db!(db, |pool| {
                sqlx::query_as(&format!(
                    "select id, {name} from {table} where {terms} is null limit $1"
                ))
                .bind(BATCH)
                .fetch_all(pool)
                .await
            })?;
            if rows.is_empty() {
                break;
            }
            let mut tx = db.begin().await?;
            for (id, text) in &rows {
                with_tx!(&mut tx, |conn| {
                    sqlx::query(&format!(
                        "update {table} set {terms} = $1 where id = $2 and {terms} is null"
                    ))
                    .bind(name_terms(text))
                    .bind(id)
                    .execute(&mut *conn)
                    .await
                    .map(|_| ())
                })?;
            }
            tx.commit().await?;
            filled += rows.len() as u64;
        }
    }
    Ok(filled)
}
