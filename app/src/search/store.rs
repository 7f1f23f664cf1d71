//! Running a search: titles matched in Rust over what the user may see, document pages
//! through each engine's full-text index, then filtered by the same access rules.
use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Role};
use crate::search::fold::{contains_exactly, find_phrase, fold, normalise, query_words, snippet};
use crate::search::model::{HitKind, SearchHit};
use crate::with_db;

/// How many hits a search returns, how many index candidates it reads, and how many matching
/// pages it ranks at most.
const MAX_HITS: usize = 50;
const CANDIDATES: i64 = 100;
const RANKED: i64 = 1_000;
const SNIPPET_RADIUS: usize = 80;

/// An agenda item the user may see.
struct Item {
    meeting_id: Uuid,
    title: String,
}

/// The agenda items of the meetings `user` may see (for a guest: only their own items).
async fn visible_items(
    db: &Db,
    user: &CurrentUser,
    meetings: &HashSet<Uuid>,
) -> Result<HashMap<Uuid, Item>, AppError> {
    let rows: Vec<(Uuid, Uuid, String, bool)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select ai.id, ai.meeting_id, ai.title,
                    exists (select 1 from item_guest g
                            where g.agenda_item_id = ai.id and g.user_id = $1) as guest
             from agenda_item ai",
        )
        .bind(user.id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter(|(_, meeting, _, guest)| {
            meetings.contains(meeting) && (user.role != Role::Guest || *guest)
        })
        .map(|(id, meeting_id, title, _)| (id, Item { meeting_id, title }))
        .collect())
}

type PageRow = (Uuid, String, Option<Uuid>, i64, String, String);

/// Pages of the latest version of each document of `items` that hold the words as a phrase,
/// best first. The index matches the phrase itself (word positions), so every page that holds
/// it is a candidate. A phrase on more than `RANKED` pages (a word on nearly every page) ranks
/// the first `RANKED` the index yields (SQLite: the newest), not all of them: ranking 100,000
/// pages costs far more than a search may. Only the best `CANDIDATES` have their text read.
async fn matching_pages(
    db: &Db,
    words: &[String],
    items: &[Uuid],
) -> Result<Vec<PageRow>, AppError> {
    const PICK: &str = "select d.id, d.title, d.agenda_item_id, p.page_no, p.text, p.folded";
    const LATEST: &str = "v.version_no = (select max(v2.version_no) from document_version v2
                                           where v2.document_id = d.id)";
    const JOIN: &str = "join document_version v on v.id = p.version_id
                        join document d on d.id = v.document_id";
    if items.is_empty() {
        return Ok(Vec::new());
    }
    // The words only ever hold letters and digits (`query_words`): no query syntax.
    let phrase = words.join(" ");
    let rows = match db {
        Db::Sqlite(pool) => {
            // `cross join` keeps the index as the outer loop (SQLite never reorders it), so
            // the newest matches come first and the scan stops at `RANKED`.
            // A JSON array of the ids in hex (nothing to escape), unpacked by `json_each`.
            let hex: Vec<String> = items
                .iter()
                .map(|id| format!("\"{}\"", id.simple()))
                .collect();
            let items = format!("[{}]", hex.join(","));
            sqlx::query_as(&format!(
                "{PICK} from (
                     select page, score from (
                         select f.rowid as page, bm25(document_page_fts) as score
                         from document_page_fts f
                         cross join document_page p on p.rowid = f.rowid {JOIN}
                         where document_page_fts match $1 and {LATEST}
                           and d.agenda_item_id in (select unhex(value) from json_each($2))
                         order by f.rowid desc limit $3
                     ) order by score limit $4
                 ) m
                 join document_page p on p.rowid = m.page {JOIN}
                 order by m.score"
            ))
            .bind(format!("\"{phrase}\""))
            .bind(items)
            .bind(RANKED)
            .bind(CANDIDATES)
            .fetch_all(pool)
            .await?
        }
        Db::Postgres(pool) => {
            // `offset 0` plans the full-text match on its own: the GIN index for a rare
            // phrase, a scan that stops early for a common word. Joined with the visibility
            // rules, the planner misjudged how many versions are the latest and read every
            // page of every visible document instead (400 ms for a rare word at 100,000).
            sqlx::query_as(&format!(
                "{PICK} from (
                     select version_id, page_no, score from (
                         select p.version_id, p.page_no,
                                ts_rank(p.tsv, phraseto_tsquery('simple', $1)) as score
                         from (select version_id, page_no, tsv from document_page
                               where tsv @@ phraseto_tsquery('simple', $1) offset 0) p
                         {JOIN}
                         where {LATEST} and d.agenda_item_id = any($2)
                         limit $3
                     ) r order by score desc limit $4
                 ) m
                 join document_page p on p.version_id = m.version_id and p.page_no = m.page_no
                 {JOIN}
                 order by m.score desc"
            ))
            .bind(phrase)
            .bind(items)
            .bind(RANKED)
            .bind(CANDIDATES)
            .fetch_all(pool)
            .await?
        }
    };
    Ok(rows)
}

/// Search everything `user` may see for `query`.
pub async fn search(db: &Db, user: &CurrentUser, query: &str) -> Result<Vec<SearchHit>, AppError> {
    let words = query_words(query);
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let is_exact = |original: &str| contains_exactly(original, query);
    let meetings = crate::meetings::store::list_for(db, user).await?;
    let meeting_titles: HashMap<Uuid, String> =
        meetings.iter().map(|m| (m.id, m.title.clone())).collect();
    let visible: HashSet<Uuid> = meeting_titles.keys().copied().collect();
    let items = visible_items(db, user, &visible).await?;

    let mut hits = Vec::new();
    let title_hit = |kind: HitKind, title: &str, meeting_id: Uuid| {
        let folded = fold(&normalise(title));
        find_phrase(&folded, &words).map(|_| SearchHit {
            kind,
            title: title.to_owned(),
            meeting_id,
            meeting_title: meeting_titles.get(&meeting_id).cloned().unwrap_or_default(),
            document_id: None,
            page: None,
            snippet: title.to_owned(),
            exact: is_exact(title),
        })
    };
    for meeting in &meetings {
        hits.extend(title_hit(HitKind::Meeting, &meeting.title, meeting.id));
    }
    for item in items.values() {
        hits.extend(title_hit(HitKind::AgendaItem, &item.title, item.meeting_id));
    }
    let item_ids: Vec<Uuid> = items.keys().copied().collect();
    for (document_id, title, item_id, page, text, folded) in
        matching_pages(db, &words, &item_ids).await?
    {
        // The query asked for documents of these items only; checked again here.
        let Some(item) = item_id.and_then(|id| items.get(&id)) else {
            continue;
        };
        // The index's tokens and ours may differ at the edges (a hyphen, a digit): the words
        // must stand together in our own reading too.
        let Some(at) = find_phrase(&folded, &words) else {
            continue;
        };
        hits.push(SearchHit {
            kind: HitKind::Document,
            title,
            meeting_id: item.meeting_id,
            meeting_title: meeting_titles
                .get(&item.meeting_id)
                .cloned()
                .unwrap_or_default(),
            document_id: Some(document_id),
            page: Some(page),
            snippet: snippet(&text, at, SNIPPET_RADIUS),
            exact: is_exact(&text),
        });
    }
    // Exact (accented) matches first; otherwise titles, then pages in the index's order.
    hits.sort_by_key(|h| !h.exact);
    hits.truncate(MAX_HITS);
    Ok(hits)
}
