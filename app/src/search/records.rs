//! Search in the short texts of a meeting: meeting and item titles, comments, conclusions
//! and finalised minutes. They are few beside document pages (tens of thousands at most), so
//! they are matched here, in Rust, with the same terms as the page index: the same answer on
//! both engines by construction.
use std::collections::HashMap;

use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::fold::{fold, normalise};
use crate::identity::model::{CurrentUser, Role};
use crate::meetings::model::MeetingState;
use crate::search::highlight::{snippet, whole};
use crate::search::model::{Snippet, TextGroup, TextHit, TextKind};
use crate::search::scope::Scope;
use crate::terms::find_all;
use crate::with_db;

/// Characters either side of a match in a long text's snippet.
pub const RADIUS: usize = 80;

/// `text` with the phrase marked, if it holds it: whole when short, else a snippet.
pub fn marked(text: &str, terms: &[String]) -> Option<Snippet> {
    let text = normalise(text);
    let spans = find_all(&fold(&text), terms);
    if spans.is_empty() {
        return None;
    }
    Some(if text.chars().count() <= 2 * RADIUS {
        whole(&text, &spans)
    } else {
        snippet(&text, &spans, RADIUS)
    })
}

/// `text` with the phrase marked where it stands, or as it is.
pub fn marked_or_plain(text: &str, terms: &[String]) -> Snippet {
    marked(text, terms).unwrap_or_else(|| Snippet(vec![(text.to_owned(), false)]))
}

/// Whether `user` reads the minutes (and so the conclusions) of `meeting` once final: the
/// secretariat, and the members invited to it, after it closed (`room::minutes_store::view`).
fn reads_minutes(user: &CurrentUser, scope: &Scope, meeting: Uuid) -> bool {
    let Some(m) = scope.meetings.get(&meeting) else {
        return false;
    };
    m.state == MeetingState::Closed
        && match user.role {
            Role::Secretariat => true,
            Role::Member => m.invited,
            Role::Guest | Role::Admin | Role::Officer => false,
        }
}

struct Found {
    kind: TextKind,
    meeting_id: Uuid,
    item: Option<Uuid>,
    href: String,
    snippet: Snippet,
}

/// The texts holding the phrase `terms`, by kind, in the order the kinds are listed.
pub async fn search(
    db: &Db,
    user: &CurrentUser,
    scope: &Scope,
    terms: &[String],
) -> Result<Vec<TextGroup>, AppError> {
    let mut found: Vec<Found> = Vec::new();
    for (id, meeting) in &scope.meetings {
        if let Some(snippet) = marked(&meeting.title, terms) {
            found.push(Found {
                kind: TextKind::Meeting,
                meeting_id: *id,
                item: None,
                href: format!("/meetings/{id}"),
                snippet,
            });
        }
    }
    for (id, item) in &scope.items {
        if let Some(snippet) = marked(&item.title, terms) {
            found.push(Found {
                kind: TextKind::AgendaItem,
                meeting_id: item.meeting_id,
                item: Some(*id),
                href: format!("/meetings/{}#item-{id}", item.meeting_id),
                snippet,
            });
        }
    }
    for comment in crate::meetings::comments::store::readable_all(db, user).await? {
        let Some(item) = scope.items.get(&comment.item_id) else {
            continue;
        };
        if let Some(snippet) = marked(&comment.body, terms) {
            found.push(Found {
                kind: TextKind::Comment,
                meeting_id: item.meeting_id,
                item: Some(comment.item_id),
                href: format!("/meetings/{}#item-{}", item.meeting_id, comment.item_id),
                snippet,
            });
        }
    }
    let conclusions: Vec<(Uuid, Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select ai.id, ai.meeting_id, ai.conclusion from agenda_item ai
             join minutes n on n.meeting_id = ai.meeting_id and n.state = 'final'
             where ai.conclusion is not null",
        )
        .fetch_all(pool)
        .await
    })?;
    for (item, meeting, text) in conclusions {
        if !reads_minutes(user, scope, meeting) || !scope.items.contains_key(&item) {
            continue;
        }
        if let Some(snippet) = marked(&text, terms) {
            found.push(Found {
                kind: TextKind::Conclusion,
                meeting_id: meeting,
                item: Some(item),
                href: format!("/meetings/{meeting}/conclusions"),
                snippet,
            });
        }
    }
    let minutes: Vec<(Uuid, String)> = with_db!(db, |pool| {
        sqlx::query_as("select meeting_id, body from minutes where state = 'final'")
            .fetch_all(pool)
            .await
    })?;
    for (meeting, body) in minutes {
        if !reads_minutes(user, scope, meeting) {
            continue;
        }
        if let Some(snippet) = marked(&body, terms) {
            found.push(Found {
                kind: TextKind::Minutes,
                meeting_id: meeting,
                item: None,
                href: format!("/meetings/{meeting}/minutes"),
                snippet,
            });
        }
    }
    Ok(grouped(scope, found))
}

/// Hits by kind, each kind newest meeting first, then by where in the meeting.
fn grouped(scope: &Scope, mut found: Vec<Found>) -> Vec<TextGroup> {
    found.sort_by(|a, b| {
        let key = |f: &Found| (scope.recency(f.meeting_id), f.meeting_id, f.href.clone());
        key(a)
            .cmp(&key(b))
            .then_with(|| a.snippet.0.cmp(&b.snippet.0))
    });
    let mut groups: HashMap<TextKind, TextGroup> = HashMap::new();
    for f in found {
        let group = groups.entry(f.kind).or_insert_with(|| TextGroup {
            kind: f.kind,
            count: 0,
            hits: Vec::new(),
        });
        group.count += 1;
        if group.hits.len() < TextGroup::SHOWN {
            group.hits.push(TextHit {
                kind: f.kind,
                meeting_id: f.meeting_id,
                meeting_title: scope.meeting_title(f.meeting_id),
                item_title: f
                    .item
                    .and_then(|i| scope.items.get(&i))
                    .map(|i| i.title.clone()),
                cancelled: scope.cancelled(f.meeting_id),
                href: f.href,
                snippet: f.snippet,
            });
        }
    }
    TextKind::ALL
        .iter()
        .filter_map(|kind| groups.remove(kind))
        .collect()
}
