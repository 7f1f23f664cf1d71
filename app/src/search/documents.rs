//! Document hits grouped by file: the pages of one window (`search::pages`) and, on a first
//! answer, the documents whose title or file name holds the words. The same file attached in
//! several places (a document carried over to another meeting) is one group listing them; a
//! file since replaced by a newer version is marked superseded.
use std::collections::HashMap;

use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::search::model::{DocumentGroup, PageHit, Place};
use crate::search::pages::PageRow;
use crate::search::records::{marked_or_plain, RADIUS};
use crate::search::scope::Scope;
use crate::search::terms::find_all;
use crate::with_db;

/// Pages of each group shown with a snippet, and at most this many snippets per answer.
const SNIPPETS_PER_GROUP: usize = 3;
const SNIPPETS: usize = 60;

/// A document the user may see, with its current version.
pub struct Current {
    title: String,
    item: Option<Uuid>,
    ballot: Option<Uuid>,
    version_no: i64,
    file_name: String,
    sha256: String,
}

type CurrentRow = (
    Uuid,
    String,
    Option<Uuid>,
    Option<Uuid>,
    i64,
    String,
    String,
);

/// The documents in `scope`, each with its current version.
pub async fn current(db: &Db, scope: &Scope) -> Result<HashMap<Uuid, Current>, AppError> {
    let rows: Vec<CurrentRow> = with_db!(db, |pool| {
        sqlx::query_as(
            // The latest version of each by a grouped join: a subquery per document took
            // 9 ms for 2,000 documents on PostgreSQL.
            "select d.id, d.title, d.agenda_item_id, d.ballot_id, v.version_no, v.file_name,
                    v.blob_sha256
             from document d
             join (select document_id, max(version_no) as latest from document_version
                   group by document_id) l on l.document_id = d.id
             join document_version v on v.document_id = d.id and v.version_no = l.latest",
        )
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .filter(|(_, _, item, ballot, ..)| {
            item.is_some_and(|i| scope.items.contains_key(&i))
                || ballot.is_some_and(|b| scope.ballots.contains_key(&b))
        })
        .map(|(id, title, item, ballot, version_no, file_name, sha256)| {
            let doc = Current {
                title,
                item,
                ballot,
                version_no,
                file_name,
                sha256,
            };
            (id, doc)
        })
        .collect())
}

/// Whether a title holds the phrase. Most titles do not hold its longest word at all: that
/// is checked first, on the folded title, before cutting it into terms.
fn named(title: &str, terms: &[String]) -> bool {
    let folded = crate::search::fold::fold(&crate::search::fold::normalise(title));
    // Terms of letters appear as they are in folded text (numbers may not: "1.234" is 1234).
    let longest = terms
        .iter()
        .filter(|t| !t.chars().any(|c| c.is_ascii_digit()))
        .max_by_key(|t| t.len());
    if longest.is_some_and(|t| !folded.contains(t.as_str())) {
        return false;
    }
    !find_all(&folded, terms).is_empty()
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

/// The groups of one answer, in order: named documents first (on a first answer), then by
/// where each file's first page came in the window (newest first). Pages in page order.
pub async fn groups(
    db: &Db,
    scope: &Scope,
    terms: &[String],
    rows: &[PageRow],
    docs: &HashMap<Uuid, Current>,
    first_answer: bool,
) -> Result<Vec<DocumentGroup>, AppError> {
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
    if first_answer {
        let mut named: Vec<(&Uuid, &Current)> = docs
            .iter()
            .filter(|(_, d)| named(&d.title, terms) || named(&d.file_name, terms))
            .collect();
        named.sort_by_key(|(id, d)| (d.title.clone(), **id));
        for (id, d) in named {
            add(&d.sha256, *id, d.version_no, &d.file_name, true);
        }
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
