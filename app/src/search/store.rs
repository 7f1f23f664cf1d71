//! Running a search: the scope the user may see (`scope`), the next window of document
//! pages through the engine's index (`pages`), grouped by file (`documents`), and on a first
//! answer the short texts of meetings (`records`).
use crate::db::Db;
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::search::model::{SearchQuery, SearchResults, MAX_QUERY_CHARS};
use crate::terms::query_terms;

/// Document pages read per answer: a word on every page costs this many index entries, and
/// "more" reads the next window.
pub const WINDOW: i64 = 200;

/// Search everything `user` may see for `query`.
pub async fn search(
    db: &Db,
    user: &CurrentUser,
    query: &SearchQuery,
) -> Result<SearchResults, AppError> {
    let dates_inverted = matches!((query.from, query.to), (Some(from), Some(to)) if from > to);
    if query.q.chars().count() > MAX_QUERY_CHARS || dates_inverted {
        return Err(AppError::BadRequest(BadInput::Search));
    }
    let terms = query_terms(&query.q);
    if terms.is_empty() {
        return Ok(SearchResults::default());
    }
    let scope = crate::search::scope::scope(db, user, query).await?;
    let items: Vec<uuid::Uuid> = scope.items.keys().copied().collect();
    let ballots: Vec<uuid::Uuid> = scope.ballots.keys().copied().collect();
    // The pages, the documents named by the words, and the short texts do not depend on
    // each other: asked at once, on connections of their own.
    let first_answer = query.after.is_none();
    let ids = (items.as_slice(), ballots.as_slice());
    let texts = async {
        if first_answer {
            crate::search::records::search(db, user, &scope, &terms).await
        } else {
            Ok(Vec::new())
        }
    };
    // One more page than the window: whether there is more to ask for.
    let named = async {
        if first_answer {
            crate::search::documents::named(db, &terms, ids).await
        } else {
            Ok(Vec::new())
        }
    };
    let (mut rows, named, texts) = tokio::try_join!(
        crate::search::pages::matching(db, &terms, ids, query.after, WINDOW + 1),
        named,
        texts,
    )?;
    let more = if rows.len() as i64 > WINDOW {
        rows.truncate(WINDOW as usize);
        rows.last().map(|r| r.seq)
    } else {
        None
    };
    let documents = crate::search::documents::groups(db, &scope, &terms, &rows, named).await?;
    Ok(SearchResults {
        pages: documents.iter().map(|g| g.pages.len()).sum(),
        documents,
        more,
        texts,
    })
}
