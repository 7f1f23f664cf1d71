//! Storing document files: content-addressed (SHA-256, one copy per distinct file) and cut
//! into fixed-size chunks, so serving a byte range later reads only the chunks it covers.
use chrono::Utc;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::db::Tx;
use crate::ids::new_id;
use crate::terms::name_terms;
use crate::with_tx;

/// 256 KiB: small enough that the first page of a linearized PDF costs one or two chunks.
pub const CHUNK_SIZE: usize = 256 * 1024;

/// Store `bytes` unless the same content is already stored; returns its SHA-256 (hex).
pub async fn store_blob(tx: &mut Tx, bytes: &[u8]) -> Result<String, sqlx::Error> {
    let sha = hex::encode(Sha256::digest(bytes));
    let now = Utc::now();
    let size = i64::try_from(bytes.len()).unwrap_or(i64::MAX);
    let chunk = i64::try_from(CHUNK_SIZE).unwrap_or(i64::MAX);
    with_tx!(tx, |conn| {
        let inserted = sqlx::query(
            "insert into blob (sha256, byte_size, chunk_size, created_at) values ($1, $2, $3, $4)
             on conflict (sha256) do nothing",
        )
        .bind(&sha)
        .bind(size)
        .bind(chunk)
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected();
        if inserted == 1 {
            for (index, part) in bytes.chunks(CHUNK_SIZE).enumerate() {
                sqlx::query(
                    "insert into blob_chunk (sha256, chunk_index, data) values ($1, $2, $3)",
                )
                .bind(&sha)
                .bind(i64::try_from(index).unwrap_or(i64::MAX))
                .bind(part)
                .execute(&mut *conn)
                .await?;
            }
        }
    });
    Ok(sha)
}

/// A new document under an agenda item or a ballot, with its first version.
pub struct NewDocument<'a> {
    pub agenda_item_id: Option<Uuid>,
    pub ballot_id: Option<Uuid>,
    pub task_id: Option<Uuid>,
    pub submission_id: Option<Uuid>,
    pub title: &'a str,
    pub position: i64,
    pub file_name: &'a str,
    pub bytes: &'a [u8],
    pub page_count: Option<i64>,
    pub uploaded_by: Option<Uuid>,
}

/// Insert a document and its version 1; returns the document id.
pub async fn add_document(tx: &mut Tx, doc: NewDocument<'_>) -> Result<Uuid, sqlx::Error> {
    let sha = store_blob(tx, doc.bytes).await?;
    let id = new_id();
    let now = Utc::now();
    with_tx!(tx, |conn| {
        sqlx::query(
            "insert into document
                 (id, agenda_item_id, ballot_id, task_id, submission_id, title, title_terms,
                  position, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9)",
        )
        .bind(id)
        .bind(doc.agenda_item_id)
        .bind(doc.ballot_id)
        .bind(doc.task_id)
        .bind(doc.submission_id)
        .bind(doc.title)
        .bind(name_terms(doc.title))
        .bind(doc.position)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query(
            "insert into document_version (id, document_id, version_no, blob_sha256, file_name,
                                           file_terms, page_count, uploaded_by, created_at)
             values ($1, $2, 1, $3, $4, $5, $6, $7, $8)",
        )
        .bind(new_id())
        .bind(id)
        .bind(&sha)
        .bind(doc.file_name)
        .bind(name_terms(doc.file_name))
        .bind(doc.page_count)
        .bind(doc.uploaded_by)
        .bind(now)
        .execute(&mut *conn)
        .await?;
    });
    Ok(id)
}

/// The whole content of a stored blob, chunks in order.
pub async fn read_blob(db: &crate::db::Db, sha256: &str) -> Result<Vec<u8>, sqlx::Error> {
    let chunks: Vec<(Vec<u8>,)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select data from blob_chunk where sha256 = $1 order by chunk_index")
            .bind(sha256)
            .fetch_all(pool)
            .await
    })?;
    Ok(chunks.into_iter().flat_map(|(c,)| c).collect())
}

/// How many document versions are waiting for their text to be read, or being read (the
/// background job's queue).
pub async fn unread_versions(db: &crate::db::Db) -> Result<i64, sqlx::Error> {
    let (count,): (i64,) = crate::with_db!(db, |pool| {
        sqlx::query_as(
            "select count(*) from document_version where text_status in ('queued', 'extracting')",
        )
        .fetch_one(pool)
        .await
    })?;
    Ok(count)
}

/// The picture of a stored file's first page (a JPEG), if one was made.
pub async fn first_page_picture(
    db: &crate::db::Db,
    sha256: &str,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let row: Option<(Vec<u8>,)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select jpeg from blob_picture where sha256 = $1")
            .bind(sha256)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|(jpeg,)| jpeg))
}

/// Chunk `index` of a stored blob (`None` past its end).
pub async fn read_chunk(
    db: &crate::db::Db,
    sha256: &str,
    index: u64,
) -> Result<Option<Vec<u8>>, sqlx::Error> {
    let row: Option<(Vec<u8>,)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select data from blob_chunk where sha256 = $1 and chunk_index = $2")
            .bind(sha256)
            .bind(i64::try_from(index).unwrap_or(i64::MAX))
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|(data,)| data))
}

/// Add a new version of `document_id` (numbered after the latest); returns its number.
pub async fn add_version(
    tx: &mut Tx,
    document_id: Uuid,
    file_name: &str,
    bytes: &[u8],
    page_count: Option<i64>,
    uploaded_by: Option<Uuid>,
) -> Result<i64, sqlx::Error> {
    let sha = store_blob(tx, bytes).await?;
    let now = Utc::now();
    let number = with_tx!(tx, |conn| {
        let (latest,): (i64,) = sqlx::query_as(
            "select coalesce(max(version_no), 0) from document_version where document_id = $1",
        )
        .bind(document_id)
        .fetch_one(&mut *conn)
        .await?;
        sqlx::query(
            "insert into document_version (id, document_id, version_no, blob_sha256, file_name,
                                           file_terms, page_count, uploaded_by, created_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(new_id())
        .bind(document_id)
        .bind(latest + 1)
        .bind(&sha)
        .bind(file_name)
        .bind(name_terms(file_name))
        .bind(page_count)
        .bind(uploaded_by)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query("update document set updated_at = $1 where id = $2")
            .bind(now)
            .bind(document_id)
            .execute(&mut *conn)
            .await?;
        latest + 1
    });
    Ok(number)
}
