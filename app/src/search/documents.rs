//! Document hits grouped by file: the pages of one window (`search::pages`) and, on a first
//! answer, the documents whose title or file name holds the words. The same file attached in
//! several places (a document carried over to another meeting) is one group listing them; a
//! file since replaced by a newer version is marked superseded.
use std::collections::HashMap;

use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::search::model::{DocumentGroup, PageHit, Place};
use crate::search::pages::{hex_array, PageRow};
use crate::search::records::{marked_or_plain, RADIUS};
use crate::search::scope::Scope;
use crate::terms::{find_all, phrase_pattern};

/// Pages of each group shown with a snippet, and at most this many snippets per answer.
const SNIPPETS_PER_GROUP: usize = 3;
const SNIPPETS: usize = 60;

/// A document in an answer: its title, where it is attached, its current version's number.
pub struct Current {
    title: String,
    item: Option<Uuid>,
    ballot: Option<Uuid>,
    version_no: i64,
}

/// A document whose title or current file name holds the phrase, with that version.
pub struct Named {
    id: Uuid,
    doc: Current,
    file_name: String,
    sha256: String,
}

type NamedRow = (
    Uuid,
    String,
    Option<Uuid>,
    Option<Uuid>,
    i64,
    String,
    String,
);

/// The documents attached to `items` or `ballots` whose title or current file name holds
/// the phrase `terms`, through the terms each keeps (`crate::terms::name_terms`): a `like`
/// over short rows, the current version looked up only for those that hold it.
pub async fn named(
    db: &Db,
    terms: &[String],
    (items, ballots): (&[Uuid], &[Uuid]),
) -> Result<Vec<Named>, AppError> {
    if terms.is_empty() || (items.is_empty() && ballots.is_empty()) {
        return Ok(Vec::new());
    }
    // The few documents whose names hold the phrase first, then their current versions: as
    // one condition over the join, PostgreSQL looked up the current version of every
    // visible document before the names (14 ms for 2,000; 1 ms this way).
    const PICK: &str = "select d.id, d.title, d.agenda_item_id, d.ballot_id, v.version_no,
                               v.file_name, v.blob_sha256
                        from document d join document_version v on v.document_id = d.id
                        where d.id in (select id from document where title_terms like $1
                                       union
                                       select f.document_id from document_version f
                                       where f.file_terms like $1
                                         and f.version_no = (select max(w.version_no)
                                                             from document_version w
                                                             where w.document_id = f.document_id))
                          and v.version_no = (select max(w.version_no) from document_version w
                                              where w.document_id = d.id)";
    let pattern = phrase_pattern(terms);
    let rows: Vec<NamedRow> = match db {
        Db::Sqlite(pool) => {
            sqlx::query_as(&format!(
                "{PICK} and (d.agenda_item_id in (select unhex(value) from json_each($2))
                             or d.ballot_id in (select unhex(value) from json_each($3)))"
            ))
            .bind(pattern)
            .bind(hex_array(items))
            .bind(hex_array(ballots))
            .fetch_all(pool)
            .await?
        }
        Db::Postgres(pool) => {
            sqlx::query_as(&format!(
                "{PICK} and (d.agenda_item_id = any($2) or d.ballot_id = any($3))"
            ))
            .bind(pattern)
            .bind(items)
            .bind(ballots)
            .fetch_all(pool)
            .await?
        }
    };
    Ok(rows
        .into_iter()
        .map(
            |(id, title, item, ballot, version_no, file_name, sha256)| Named {
                id,
                doc: Current {
                    title,
                    item,
                    ballot,
                    version_no,
                },
                file_name,
                sha256,
            },
        )
        .collect())
}

fn place(scope: &Scope, doc: &Current) -> Option<Place> {
    if let Some(item) = doc.item.and_then(|i| scope.items.get(&i)) {
        return Some(Place::Item {
            meeting_id: item.meeting_id,
            meeting_title: scope.meeting_title(item.meeting_id),
            item_title: item.title.clone(),
            cancelled: scope.cancelled(item.meeting_id),
        });
    }
    let ballot = doc.ballot?;
    Some(Place::Ballot {
        ballot_id: ballot,
        ballot_title: scope.ballots.get(&ballot)?.title.clone(),
    })
}

/// A group being built: its pages (page number → a version holding it) and whether each of
/// its documents still has it as their current version.
struct Building {
    group: DocumentGroup,
    pages: std::collections::BTreeMap<i64, Uuid>,
    current_somewhere: bool,
}

/// The groups of one answer, in order: named documents first (`named`, asked on a first
/// answer only), then by
/// where each file's first page came in the window (newest first). Pages in page order.
pub async fn groups(
    db: &Db,
    scope: &Scope,
    terms: &[String],
    rows: &[PageRow],
    mut named: Vec<Named>,
) -> Result<Vec<DocumentGroup>, AppError> {
    named.sort_by(|a, b| (&a.doc.title, a.id).cmp(&(&b.doc.title, b.id)));
    let mut docs: HashMap<Uuid, Current> = HashMap::new();
    let mut named_files: Vec<(Uuid, String, i64, String)> = Vec::new();
    for n in named {
        named_files.push((n.id, n.sha256, n.doc.version_no, n.file_name));
        docs.insert(n.id, n.doc);
    }
    for row in rows {
        docs.entry(row.document_id).or_insert_with(|| Current {
            title: row.title.clone(),
            item: row.item_id,
            ballot: row.ballot_id,
            version_no: row.current_no,
        });
    }
    let mut order: Vec<String> = Vec::new();
    let mut building: HashMap<String, Building> = HashMap::new();
    let mut add = |key: &str, doc_id: Uuid, version_no: i64, file_name: &str, named: bool| {
        let doc = docs.get(&doc_id)?;
        let is_current = doc.version_no == version_no;
        let b = building.entry(key.to_owned()).or_insert_with(|| {
            order.push(key.to_owned());
            Building {
                group: DocumentGroup {
                    key: key.to_owned(),
                    document_id: doc_id,
                    title: marked_or_plain(&doc.title, terms),
                    file_name: marked_or_plain(file_name, terms),
                    version_no,
                    superseded: true,
                    places: Vec::new(),
                    named,
                    pages: Vec::new(),
                },
                pages: Default::default(),
                current_somewhere: false,
            }
        });
        if is_current && !b.current_somewhere {
            b.current_somewhere = true;
            b.group.document_id = doc_id;
        }
        if let Some(p) = place(scope, doc) {
            if !b.group.places.contains(&p) {
                b.group.places.push(p);
            }
        }
        Some(key.to_owned())
    };
    for (id, sha256, version_no, file_name) in &named_files {
        add(sha256, *id, *version_no, file_name, true);
    }
    let mut page_of: Vec<(String, i64, Uuid)> = Vec::new();
    for row in rows {
        if let Some(key) = add(
            &row.sha256,
            row.document_id,
            row.version_no,
            &row.file_name,
            false,
        ) {
            page_of.push((key, row.page_no, row.version_id));
        }
    }
    for (key, page, version) in page_of {
        if let Some(b) = building.get_mut(&key) {
            b.pages.entry(page).or_insert(version);
        }
    }
    let mut groups: Vec<Building> = order
        .iter()
        .filter_map(|key| building.remove(key))
        .collect();
    for b in &mut groups {
        b.group.superseded = !b.current_somewhere;
        b.group.pages = b
            .pages
            .keys()
            .map(|&page| PageHit {
                page,
                snippet: None,
            })
            .collect();
    }
    snippets(db, &mut groups, terms).await?;
    Ok(groups.into_iter().map(|b| b.group).collect())
}

/// Snippets for the first pages of the groups, in order, within the answer's budget.
async fn snippets(db: &Db, groups: &mut [Building], terms: &[String]) -> Result<(), AppError> {
    let mut wanted: Vec<(Uuid, i64)> = Vec::new();
    for b in groups.iter() {
        for (&page, &version) in b.pages.iter().take(SNIPPETS_PER_GROUP) {
            if wanted.len() < SNIPPETS {
                wanted.push((version, page));
            }
        }
    }
    let texts: HashMap<(Uuid, i64), (String, String)> = crate::search::pages::texts(db, &wanted)
        .await?
        .into_iter()
        .map(|(v, n, text, folded)| ((v, n), (text, folded)))
        .collect();
    for b in groups.iter_mut() {
        for hit in &mut b.group.pages {
            let Some(version) = b.pages.get(&hit.page) else {
                continue;
            };
            if let Some((text, folded)) = texts.get(&(*version, hit.page)) {
                let spans = find_all(folded, terms);
                hit.snippet = Some(crate::search::highlight::snippet(text, &spans, RADIUS));
            }
        }
    }
    Ok(())
}
