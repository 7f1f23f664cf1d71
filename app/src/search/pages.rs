//! Document pages holding a phrase, through each engine's index over our terms
//! (`crate::terms`): SQLite FTS5 with its `ascii` tokenizer, PostgreSQL a `tsvector` built
//! by position. Both read the terms as they are, so both find the same pages.
//!
//! Pages come newest first (SQLite's rowid, PostgreSQL's `seq`: both the order pages were
//! stored in), at most `limit` of them, from before `after`; the last one's place is the
//! cursor for more. No ranking: the window is the same on both engines, and a query for a
//! word on every page reads `limit` index entries, not every page.
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;

/// A page holding the phrase.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PageRow {
    /// Its place in the newest-first order (what `after` continues from).
    pub seq: i64,
    pub document_id: Uuid,
    pub version_id: Uuid,
    pub version_no: i64,
    pub sha256: String,
    pub file_name: String,
    pub page_no: i64,
    /// The document's title, where it is attached, and its current version's number.
    pub title: String,
    pub item_id: Option<Uuid>,
    pub ballot_id: Option<Uuid>,
    pub current_no: i64,
}

/// A page's document read with it: one lookup by key per page of the window, where reading
/// every visible document's current version cost 4-6 ms for 2,000 of them.
const PICK: &str = "d.id as document_id, v.id as version_id, v.version_no,
                    v.blob_sha256 as sha256, v.file_name, p.page_no, d.title,
                    d.agenda_item_id as item_id, d.ballot_id,
                    (select max(w.version_no) from document_version w
                     where w.document_id = d.id) as current_no";
const JOIN: &str = "join document_version v on v.id = p.version_id
                    join document d on d.id = v.document_id";

/// A JSON array of ids in hex, unpacked in SQLite by `json_each` (nothing to escape).
pub fn hex_array(ids: &[Uuid]) -> String {
    let hex: Vec<String> = ids
        .iter()
        .map(|id| format!("\"{}\"", id.simple()))
        .collect();
    format!("[{}]", hex.join(","))
}

/// Pages of documents attached to `items` or `ballots` that hold the phrase `terms` (our
/// terms, letters and digits only: nothing for either engine's query syntax to read).
pub async fn matching(
    db: &Db,
    terms: &[String],
    (items, ballots): (&[Uuid], &[Uuid]),
    after: Option<i64>,
    limit: i64,
) -> Result<Vec<PageRow>, AppError> {
    if terms.is_empty() || (items.is_empty() && ballots.is_empty()) {
        return Ok(Vec::new());
    }
    let after = after.unwrap_or(i64::MAX);
    let rows = match db {
        Db::Sqlite(pool) => {
            // `cross join` keeps the index as the outer loop (SQLite never reorders it): the
            // newest matches come first and the scan stops at `limit`.
            sqlx::query_as(&format!(
                "select f.rowid as seq, {PICK}
                 from document_page_terms f
                 cross join document_page p on p.rowid = f.rowid {JOIN}
                 where document_page_terms match $1 and f.rowid < $2
                   and (d.agenda_item_id in (select unhex(value) from json_each($3))
                        or d.ballot_id in (select unhex(value) from json_each($4)))
                 order by f.rowid desc limit $5"
            ))
            .bind(format!("\"{}\"", terms.join(" ")))
            .bind(after)
            .bind(hex_array(items))
            .bind(hex_array(ballots))
            .bind(limit)
            .fetch_all(pool)
            .await?
        }
        Db::Postgres(pool) => {
            let phrase: Vec<String> = terms.iter().map(|t| format!("'{t}'")).collect();
            sqlx::query_as(&format!(
                "select p.seq, {PICK}
                 from document_page p {JOIN}
                 where p.tsv @@ $1::tsquery and p.seq < $2
                   and (d.agenda_item_id = any($3) or d.ballot_id = any($4))
                 order by p.seq desc limit $5"
            ))
            .bind(phrase.join(" <-> "))
            .bind(after)
            .bind(items)
            .bind(ballots)
            .bind(limit)
            // Planned for these words each time: a plan kept for any words (PostgreSQL's
            // generic plan after five runs) walks the newest pages first, right for a common
            // word and a scan of every page for a rare one (140 ms at 100,000 pages).
            .persistent(false)
            .fetch_all(pool)
            .await?
        }
    };
    Ok(rows)
}

/// The text of pages, by (version, page number): one primary-key lookup each, the list
/// of pairs as the outer loop (joined the other way, either planner could scan every page).
pub async fn texts(
    db: &Db,
    pages: &[(Uuid, i64)],
) -> Result<Vec<(Uuid, i64, String, String)>, AppError> {
    if pages.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<(Uuid, i64, String, String)> = match db {
        Db::Sqlite(pool) => {
            let pairs: Vec<String> = pages
                .iter()
                .map(|(v, n)| format!("[\"{}\",{n}]", v.simple()))
                .collect();
            sqlx::query_as(
                "select p.version_id, p.page_no, p.text, p.folded
                 from json_each($1) j
                 cross join document_page p on p.version_id = unhex(j.value ->> 0)
                                           and p.page_no = j.value ->> 1",
            )
            .bind(format!("[{}]", pairs.join(",")))
            .fetch_all(pool)
            .await?
        }
        Db::Postgres(pool) => {
            let versions: Vec<Uuid> = pages.iter().map(|(v, _)| *v).collect();
            let numbers: Vec<i64> = pages.iter().map(|(_, n)| *n).collect();
            sqlx::query_as(
                "select k.version_id, k.page_no, x.text, x.folded
                 from unnest($1::uuid[], $2::bigint[]) as k(version_id, page_no)
                 cross join lateral (select p.text, p.folded from document_page p
                                     where p.version_id = k.version_id
                                       and p.page_no = k.page_no) x",
            )
            .bind(versions)
            .bind(numbers)
            .fetch_all(pool)
            .await?
        }
    };
    Ok(rows)
}
