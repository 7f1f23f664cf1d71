//! Search requests and results as the browser sends and shows them.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The longest search accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 500;

/// What a person asks: the words, optional filters, and where to go on from (a cursor the
/// previous answer gave, to see more document pages).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchQuery {
    pub q: String,
    /// Only this meeting (its documents, items, comments, conclusions, minutes, ballots).
    pub meeting: Option<Uuid>,
    /// Only meetings starting (and ballots closing) on or after this day, in their own time.
    pub from: Option<NaiveDate>,
    /// … and on or before this day.
    pub to: Option<NaiveDate>,
    /// More document pages, after the ones already shown (from [`SearchResults::more`]).
    pub after: Option<i64>,
}

/// Text with the query's words marked: (text, is a match).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Snippet(pub Vec<(String, bool)>);

/// Where a document is attached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    Item {
        meeting_id: Uuid,
        meeting_title: String,
        item_title: String,
        /// The meeting was cancelled.
        cancelled: bool,
    },
    Ballot {
        ballot_id: Uuid,
        ballot_title: String,
    },
}

/// One page of a document where the words stand; the first pages of a group carry a snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageHit {
    pub page: i64,
    pub snippet: Option<Snippet>,
}

/// The hits in one file: the same file attached in several places is one group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentGroup {
    /// The file's SHA-256: what later answers' groups are merged by.
    pub key: String,
    /// The document to open (its reader shows the current version).
    pub document_id: Uuid,
    pub title: Snippet,
    pub file_name: Snippet,
    pub version_no: i64,
    /// This file has been replaced by a newer version everywhere it was attached.
    pub superseded: bool,
    pub places: Vec<Place>,
    /// The title or the file name holds the words.
    pub named: bool,
    /// The pages where the words stand, in page order.
    pub pages: Vec<PageHit>,
}

/// What kind of record a text hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextKind {
    Meeting,
    AgendaItem,
    Comment,
    Conclusion,
    Minutes,
}

impl TextKind {
    pub const ALL: [TextKind; 5] = [
        TextKind::Meeting,
        TextKind::AgendaItem,
        TextKind::Comment,
        TextKind::Conclusion,
        TextKind::Minutes,
    ];
}

/// A meeting or item title, a comment, a conclusion or finalised minutes holding the words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextHit {
    pub kind: TextKind,
    pub meeting_id: Uuid,
    pub meeting_title: String,
    /// The item's title (for an item, a comment or a conclusion).
    pub item_title: Option<String>,
    pub cancelled: bool,
    /// Where to read it.
    pub href: String,
    pub snippet: Snippet,
}

/// The hits of one kind of text: how many in all, and the first [`TextGroup::SHOWN`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextGroup {
    pub kind: TextKind,
    pub count: usize,
    pub hits: Vec<TextHit>,
}

impl TextGroup {
    pub const SHOWN: usize = 100;
}

/// One answer. The first answer holds the texts and the documents named by the words; every
/// answer holds the next window of document pages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResults {
    pub documents: Vec<DocumentGroup>,
    /// Pages found in this answer's window (a file attached twice counts once).
    pub pages: usize,
    /// More document pages may follow: ask again with `after` set to this.
    pub more: Option<i64>,
    pub texts: Vec<TextGroup>,
}
