//! Threaded comments on agenda items and their documents. Whoever may see the item may read
//! and write them (a guest only on their own items); a comment marked "secretariat only" is
//! seen by the secretariat and its author alone, and so are the answers to it. Edits keep
//! the earlier text. "@Full Name" of someone who may read the comment notifies them.
use chrono::Utc;
use uuid::Uuid;

use crate::db::Db;
use crate::error::{AppError, BadInput};
use crate::identity::model::{CurrentUser, Role};
use crate::ids::new_id;
use crate::meetings::model::{CommentForm, CommentView};
use crate::{with_db, with_tx};

/// The longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 5000;

fn bad() -> AppError {
    AppError::BadRequest(BadInput::Comment)
}

/// Whether the viewer may read comment `c`: $2 = the viewer is the secretariat, $3 = false,
/// $4 = the viewer. A comment for the secretariat only is read by the secretariat, its
/// author, and — when the secretariat wrote it — the author of the comment it answers (a
/// member sees the Office's reply). Another member's private reply stays between that member
/// and the secretariat, whoever wrote the comment it answers.
const MAY_READ: &str = "$2 or c.secretariat_only = $3 or c.author_id = $4
    or exists(select 1 from comment p join user_account w on w.id = c.author_id
              where p.id = c.parent_id and p.author_id = $4 and w.role = 'secretariat')";

type Row = (
    Uuid,
    Uuid,
    Option<Uuid>,
    Option<Uuid>,
    Option<String>,
    String,
    String,
    bool,
    chrono::DateTime<Utc>,
    Uuid,
    bool,
);

/// The comments `user` may read where `scope` ($1) holds, oldest first: $5 = the viewer sees
/// every item (else only the items they are a guest of).
async fn fetch(
    db: &Db,
    user: &CurrentUser,
    scope: &str,
    id: Uuid,
) -> Result<Vec<CommentView>, AppError> {
    let rows: Vec<Row> = with_db!(db, |pool| {
        sqlx::query_as(&format!(
            "select c.id, c.agenda_item_id, c.parent_id, d.id, d.title, u.full_name, c.body,
                    c.secretariat_only, c.created_at, c.author_id,
                    exists(select 1 from comment_revision r where r.comment_id = c.id)
             from comment c
             join agenda_item i on i.id = c.agenda_item_id
             join user_account u on u.id = c.author_id
             left join document d on d.id = c.document_id
             where {scope}
               and ($5 or exists(select 1 from item_guest g
                                 where g.agenda_item_id = c.agenda_item_id and g.user_id = $4))
               and ({MAY_READ})
             order by c.created_at, c.id"
        ))
        .bind(id)
        .bind(user.role == Role::Secretariat)
        .bind(false)
        .bind(user.id)
        .bind(user.role != Role::Guest)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                item_id,
                parent_id,
                doc,
                doc_title,
                author,
                body,
                secret,
                at,
                author_id,
                edited,
            )| {
                CommentView {
                    id,
                    item_id,
                    parent_id,
                    document: doc.zip(doc_title),
                    author,
                    body,
                    secretariat_only: secret,
                    created_at: at,
                    edited,
                    mine: author_id == user.id,
                }
            },
        )
        .collect())
}

/// The comments on `item` that `user` may read, oldest first.
async fn list(db: &Db, user: &CurrentUser, item: Uuid) -> Result<Vec<CommentView>, AppError> {
    crate::meetings::store::visible_item(db, user, item).await?;
    fetch(db, user, "c.agenda_item_id = $1", item).await
}

/// The comments on every item of `meeting` that `user` may read (a guest: on their own
/// items), oldest first: the meeting page reads them all at once instead of item by item.
pub async fn list_for_meeting(
    db: &Db,
    user: &CurrentUser,
    meeting: Uuid,
) -> Result<Vec<CommentView>, AppError> {
    if !crate::meetings::store::visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    fetch(db, user, "i.meeting_id = $1", meeting).await
}

/// Every comment `user` may read, on any item (search keeps those on items the user may
/// see). `$1` is unused: `fetch` binds an id.
pub async fn readable_all(db: &Db, user: &CurrentUser) -> Result<Vec<CommentView>, AppError> {
    fetch(db, user, "c.id <> $1", Uuid::nil()).await
}

fn checked_body(body: &str) -> Result<String, AppError> {
    let body = body.trim();
    if body.is_empty() || body.chars().count() > MAX_COMMENT_CHARS {
        return Err(bad());
    }
    Ok(body.to_owned())
}

fn optional_id(raw: &str) -> Result<Option<Uuid>, AppError> {
    if raw.trim().is_empty() {
        return Ok(None);
    }
    Uuid::parse_str(raw.trim()).map(Some).map_err(|_| bad())
}

/// Write a comment; returns (its id, the meeting).
pub async fn add(
    db: &Db,
    user: &CurrentUser,
    form: &CommentForm,
) -> Result<(Uuid, Uuid), AppError> {
    let item = crate::ids::parse_id(&form.item_id, BadInput::Id)?;
    let body = checked_body(&form.body)?;
    let document = optional_id(&form.document_id)?;
    let parent = optional_id(&form.parent_id)?;
    let meeting = crate::meetings::store::visible_item(db, user, item).await?;
    if let Some(document) = document {
        let on_item: Option<(Uuid,)> = with_db!(db, |pool| {
            sqlx::query_as("select id from document where id = $1 and agenda_item_id = $2")
                .bind(document)
                .bind(item)
                .fetch_optional(pool)
                .await
        })?;
        on_item.ok_or_else(bad)?;
    }
    let mut secretariat_only = form.secretariat_only;
    if let Some(parent) = parent {
        // An answer stays on its item, to a comment its writer may read, and as private.
        let of_parent: Option<(bool,)> = with_db!(db, |pool| {
            sqlx::query_as(&format!(
                "select c.secretariat_only from comment c
                 where c.id = $1 and c.agenda_item_id = $5 and ({MAY_READ})"
            ))
            .bind(parent)
            .bind(user.role == Role::Secretariat)
            .bind(false)
            .bind(user.id)
            .bind(item)
            .fetch_optional(pool)
            .await
        })?;
        let (private,) = of_parent.ok_or_else(bad)?;
        secretariat_only |= private;
    }
    let id = new_id();
    let now = Utc::now();
    let mut tx = db.begin().await?;
    let readers: Vec<(Uuid, String, String)> = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into comment (id, agenda_item_id, document_id, parent_id, author_id,
                                  secretariat_only, body, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
        )
        .bind(id)
        .bind(item)
        .bind(document)
        .bind(parent)
        .bind(user.id)
        .bind(secretariat_only)
        .bind(&body)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        // Who may be mentioned: the meeting's invitees, the item's guests, the secretariat.
        sqlx::query_as(
            "select u.id, u.full_name, u.role from user_account u
             where u.active = $3 and (
                   u.role = 'secretariat'
                or exists(select 1 from invitation i where i.meeting_id = $1 and i.user_id = u.id)
                or exists(select 1 from item_guest g where g.agenda_item_id = $2
                                                      and g.user_id = u.id))",
        )
        .bind(meeting)
        .bind(item)
        .bind(true)
        .fetch_all(&mut *conn)
        .await?
    });
    for (reader, full_name, role) in readers {
        let may_read = !secretariat_only || role == Role::Secretariat.as_str();
        if reader != user.id && may_read && body.contains(&format!("@{full_name}")) {
            crate::identity::notifications::add_about_in(
                &mut tx,
                reader,
                crate::identity::model::NoticeKind::CommentMention,
                meeting,
            )
            .await?;
        }
    }
    tx.commit().await?;
    Ok((id, meeting))
}

/// Change one of the author's comments, keeping the earlier text; returns the meeting.
pub async fn edit(db: &Db, user: &CurrentUser, id: Uuid, body: &str) -> Result<Uuid, AppError> {
    let body = checked_body(body)?;
    // The author may have lost the item since (uninvited, a guest's item taken away): the
    // same access as writing a new comment, checked again.
    let item: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as("select agenda_item_id from comment where id = $1 and author_id = $2")
            .bind(id)
            .bind(user.id)
            .fetch_optional(pool)
            .await
    })?;
    let (item,) = item.ok_or(AppError::NotFound)?;
    crate::meetings::store::visible_item(db, user, item).await?;
    let mut tx = db.begin().await?;
    let found: Option<(String, Uuid)> = with_tx!(&mut tx, |conn| {
        sqlx::query_as(
            "select c.body, ai.meeting_id from comment c
             join agenda_item ai on ai.id = c.agenda_item_id
             where c.id = $1 and c.author_id = $2",
        )
        .bind(id)
        .bind(user.id)
        .fetch_optional(&mut *conn)
        .await?
    });
    let Some((old, meeting)) = found else {
        tx.rollback().await?;
        return Err(AppError::NotFound);
    };
    let now = Utc::now();
    with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into comment_revision (comment_id, body, replaced_at) values ($1, $2, $3)",
        )
        .bind(id)
        .bind(&old)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        sqlx::query("update comment set body = $1, updated_at = $2 where id = $3")
            .bind(&body)
            .bind(now)
            .bind(id)
            .execute(&mut *conn)
            .await?;
    });
    tx.commit().await?;
    Ok(meeting)
}

/// The earlier texts of a comment the viewer may read, oldest first.
pub async fn history(db: &Db, user: &CurrentUser, id: Uuid) -> Result<Vec<String>, AppError> {
    let item: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as("select agenda_item_id from comment where id = $1")
            .bind(id)
            .fetch_optional(pool)
            .await
    })?;
    let (item,) = item.ok_or(AppError::NotFound)?;
    if !list(db, user, item).await?.iter().any(|c| c.id == id) {
        return Err(AppError::NotFound);
    }
    let rows: Vec<(String,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select body from comment_revision where comment_id = $1 order by replaced_at",
        )
        .bind(id)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows.into_iter().map(|(b,)| b).collect())
}
