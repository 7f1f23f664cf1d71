//! Reading meetings as a given user may see them.
use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, Person, Role, Title};
use crate::meetings::access::{can_view, Connection};
use crate::meetings::model::{
    AgendaItem, MeetingDetail, MeetingKind, MeetingState, MeetingSummary,
};
use crate::meetings::model::{ChangeKind, DocumentRef, TextStatus};
use crate::with_db;

/// A meeting with how the viewer (`$1`) is connected to it.
const MEETINGS_FOR_VIEWER: &str = "
    select m.id, m.kind, m.title, m.starts_at, m.time_zone, m.state, m.planned_minutes,
           m.place, m.online, m.chair_id,
           (select count(*) from agenda_item ai where ai.meeting_id = m.id) as item_count,
           exists (select 1 from invitation i where i.meeting_id = m.id and i.user_id = $1)
               as invited,
           (select count(*) from item_guest g join agenda_item ai on ai.id = g.agenda_item_id
             where ai.meeting_id = m.id and g.user_id = $1) as guest_items
    from meeting m";

#[derive(sqlx::FromRow)]
struct MeetingRow {
    id: Uuid,
    #[sqlx(try_from = "String")]
    kind: MeetingKind,
    title: String,
    starts_at: DateTime<Utc>,
    time_zone: String,
    #[sqlx(try_from = "String")]
    state: MeetingState,
    planned_minutes: i64,
    place: Option<String>,
    online: bool,
    chair_id: Option<Uuid>,
    item_count: i64,
    invited: bool,
    guest_items: i64,
}

impl MeetingRow {
    fn visible_to(&self, user: &CurrentUser) -> bool {
        let connection = Connection {
            invited: self.invited,
            guest_items: usize::try_from(self.guest_items).unwrap_or(0),
        };
        can_view(user.role, self.state, connection)
    }

    fn tz(&self) -> Tz {
        self.time_zone
            .parse()
            .unwrap_or(chrono_tz::Asia::Ho_Chi_Minh)
    }

    fn local_date(&self) -> NaiveDate {
        self.starts_at.with_timezone(&self.tz()).date_naive()
    }

    fn summary(&self, role: Role) -> MeetingSummary {
        MeetingSummary {
            id: self.id,
            kind: self.kind,
            title: self.title.clone(),
            starts_local: self.starts_at.with_timezone(&self.tz()).naive_local(),
            time_zone: self.time_zone.clone(),
            state: self.state,
            planned_minutes: self.planned_minutes,
            // A guest's agenda is only the items they are invited to.
            item_count: if role == Role::Guest {
                self.guest_items
            } else {
                self.item_count
            },
        }
    }
}

/// The meetings `user` may see, latest first.
pub async fn list_for(db: &Db, user: &CurrentUser) -> Result<Vec<MeetingSummary>, AppError> {
    if user.role == Role::Admin {
        return Ok(Vec::new());
    }
    let sql = format!("{MEETINGS_FOR_VIEWER} order by m.starts_at desc");
    let rows: Vec<MeetingRow> = with_db!(db, |pool| sqlx::query_as(&sql)
        .bind(user.id)
        .fetch_all(pool)
        .await)?;
    Ok(rows
        .iter()
        .filter(|row| row.visible_to(user))
        .map(|row| row.summary(user.role))
        .collect())
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    id: Uuid,
    position: i64,
    title: String,
    planned_minutes: i64,
    presenter_vi: Option<String>,
    presenter_en: Option<String>,
}

#[derive(sqlx::FromRow)]
struct DocumentRow {
    id: Uuid,
    agenda_item_id: Uuid,
    title: String,
    version_no: i64,
    page_count: Option<i64>,
    downloadable: bool,
    text_status: String,
    created_at: DateTime<Utc>,
    previous_page_count: Option<i64>,
    pages_without_text: i64,
}

#[derive(sqlx::FromRow)]
struct PersonRow {
    /// The agenda item for guests; the meeting for invitees.
    scope_id: Uuid,
    id: Uuid,
    full_name: String,
    title_vi: Option<String>,
    title_en: Option<String>,
}

impl PersonRow {
    fn person(self) -> Person {
        Person {
            id: self.id,
            full_name: self.full_name,
            title: Title::from_columns(self.title_vi, self.title_en),
        }
    }
}

/// Everything the meeting page reads besides the meeting row.
struct MeetingRows {
    items: Vec<ItemRow>,
    documents: Vec<DocumentRow>,
    invitees: Vec<PersonRow>,
    guests: Vec<PersonRow>,
    chair: Option<PersonRow>,
}

/// People (`u`) joined with the appointment they held on date `$2`, in protocol order.
/// `scope` is what each row belongs to (an item or the meeting), `filter` is compared to `$1`.
fn people_sql(scope: &str, from: &str, filter: &str) -> String {
    format!(
        "select {scope} as scope_id, u.id, u.full_name, a.title_vi, a.title_en
         {from}
         left join appointment a on a.user_id = u.id and a.starts_on <= $2
                               and (a.ends_on is null or a.ends_on >= $2)
         where {filter} = $1
         order by coalesce(a.protocol_rank, 100000), u.full_name"
    )
}

/// Whether `user` may see meeting `meeting_id` at all (false when it does not exist).
pub async fn visible(db: &Db, user: &CurrentUser, meeting_id: Uuid) -> Result<bool, AppError> {
    crate::identity::render_memo::RenderMemo::visible(user.id, meeting_id, async || {
        let sql = format!("{MEETINGS_FOR_VIEWER} where m.id = $2");
        let meeting: Option<MeetingRow> = with_db!(db, |pool| {
            sqlx::query_as(&sql)
                .bind(user.id)
                .bind(meeting_id)
                .fetch_optional(pool)
                .await
        })?;
        Ok(meeting.is_some_and(|m| m.visible_to(user)))
    })
    .await
}

/// The meeting of agenda item `item` if `user` may see the item (the meeting's rules; a
/// guest only their own items); `NotFound` otherwise.
pub async fn visible_item(db: &Db, user: &CurrentUser, item: Uuid) -> Result<Uuid, AppError> {
    let meeting: Option<(Uuid,)> = with_db!(db, |pool| {
        sqlx::query_as("select meeting_id from agenda_item where id = $1")
            .bind(item)
            .fetch_optional(pool)
            .await
    })?;
    let (meeting,) = meeting.ok_or(AppError::NotFound)?;
    if !visible(db, user, meeting).await? {
        return Err(AppError::NotFound);
    }
    if user.role == Role::Guest {
        let own: Option<(Uuid,)> = with_db!(db, |pool| {
            sqlx::query_as(
                "select agenda_item_id from item_guest where agenda_item_id = $1 and user_id = $2",
            )
            .bind(item)
            .bind(user.id)
            .fetch_optional(pool)
            .await
        })?;
        if own.is_none() {
            return Err(AppError::NotFound);
        }
    }
    Ok(meeting)
}

/// The meeting page as `user` may see it. A meeting that does not exist and one the user may
/// not see give the same `NotFound`.
pub async fn detail_for(
    db: &Db,
    user: &CurrentUser,
    meeting_id: Uuid,
) -> Result<MeetingDetail, AppError> {
    let sql = format!("{MEETINGS_FOR_VIEWER} where m.id = $2");
    let meeting: Option<MeetingRow> = with_db!(db, |pool| {
        sqlx::query_as(&sql)
            .bind(user.id)
            .bind(meeting_id)
            .fetch_optional(pool)
            .await
    })?;
    let meeting = match meeting {
        Some(m) if m.visible_to(user) => m,
        Some(_) => {
            // It exists, and this person may not see it: recorded (ids only), answered exactly
            // like a meeting that does not exist.
            crate::audit::store::record(
                db,
                Some(user.id),
                crate::audit::event::AuditEvent::AccessDenied,
                Some(meeting_id),
            )
            .await?;
            return Err(AppError::NotFound);
        }
        None => return Err(AppError::NotFound),
    };
    let on = meeting.local_date();
    let guest_only = user.role == Role::Guest;

    // A guest sees only the items they are invited to ($3 = false); everyone else all of them.
    let items_sql = "
        select ai.id, ai.position, ai.title, ai.planned_minutes,
               mi.name_vi as presenter_vi, mi.name_en as presenter_en
        from agenda_item ai left join ministry mi on mi.id = ai.presenter_ministry_id
        where ai.meeting_id = $1
          and ($3 or exists (select 1 from item_guest g
                             where g.agenda_item_id = ai.id and g.user_id = $2))
        order by ai.position";
    let documents_sql = "
        select d.id, d.agenda_item_id, d.title, v.version_no, v.page_count, d.downloadable,
               v.text_status, v.created_at,
               (select p.page_count from document_version p
                where p.document_id = d.id and p.version_no = v.version_no - 1)
                   as previous_page_count,
               (select count(*) from document_page pg where pg.version_id = v.id and pg.no_text)
                   as pages_without_text
        from document d
        join agenda_item ai on ai.id = d.agenda_item_id
        join document_version v on v.document_id = d.id
        where ai.meeting_id = $1
          and v.version_no = (select max(v2.version_no) from document_version v2
                              where v2.document_id = d.id)
        order by d.position, d.created_at";
    let invitees_sql = people_sql(
        "i.meeting_id",
        "from invitation i join user_account u on u.id = i.user_id",
        "i.meeting_id",
    );
    let guests_sql = people_sql(
        "g.agenda_item_id",
        "from item_guest g join user_account u on u.id = g.user_id
         join agenda_item ai on ai.id = g.agenda_item_id",
        "ai.meeting_id",
    );
    let chair_sql = people_sql("u.id", "from user_account u", "u.id");

    let MeetingRows {
        items,
        documents,
        invitees,
        guests,
        chair,
    } = with_db!(db, |pool| {
        let items = sqlx::query_as(items_sql)
            .bind(meeting_id)
            .bind(user.id)
            .bind(!guest_only)
            .fetch_all(pool)
            .await?;
        let documents = sqlx::query_as(documents_sql)
            .bind(meeting_id)
            .fetch_all(pool)
            .await?;
        let invitees = sqlx::query_as(&invitees_sql)
            .bind(meeting_id)
            .bind(on)
            .fetch_all(pool)
            .await?;
        let guests = sqlx::query_as(&guests_sql)
            .bind(meeting_id)
            .bind(on)
            .fetch_all(pool)
            .await?;
        let chair = match meeting.chair_id {
            Some(chair_id) => {
                sqlx::query_as(&chair_sql)
                    .bind(chair_id)
                    .bind(on)
                    .fetch_optional(pool)
                    .await?
            }
            None => None,
        };
        Ok::<_, sqlx::Error>(MeetingRows {
            items,
            documents,
            invitees,
            guests,
            chair,
        })
    })?;

    let mut guests = guests;
    let items = items
        .into_iter()
        .map(|item| {
            let item_documents = documents
                .iter()
                .filter(|d| d.agenda_item_id == item.id)
                .map(|d| DocumentRef {
                    id: d.id,
                    title: d.title.clone(),
                    version_no: d.version_no,
                    page_count: d.page_count,
                    downloadable: d.downloadable,
                    text_status: TextStatus::parse(&d.text_status).unwrap_or(TextStatus::Failed),
                    updated_at: d.created_at,
                    previous_page_count: d.previous_page_count,
                    pages_without_text: d.pages_without_text,
                })
                .collect();
            let item_guests = extract(&mut guests, |g| g.scope_id == item.id)
                .into_iter()
                .map(PersonRow::person)
                .collect();
            let presenter = Title::from_columns(item.presenter_vi, item.presenter_en);
            AgendaItem {
                id: item.id,
                number: item.position,
                title: item.title,
                presenter,
                planned_minutes: item.planned_minutes,
                documents: item_documents,
                guests: item_guests,
            }
        })
        .collect();

    let changes: Vec<(DateTime<Utc>, String)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select at, kind from meeting_change where meeting_id = $1 order by at desc limit 50",
        )
        .bind(meeting_id)
        .fetch_all(pool)
        .await
    })?;
    Ok(MeetingDetail {
        changes: changes
            .into_iter()
            .map(|(at, kind)| crate::meetings::model::MeetingChange {
                at,
                // A kind this version does not know: shown as a change of state.
                kind: ChangeKind::parse(&kind).unwrap_or(ChangeKind::State),
            })
            .collect(),
        summary: meeting.summary(user.role),
        place: meeting.place.clone(),
        online: meeting.online,
        chair: chair.map(PersonRow::person),
        items,
        invitees: invitees.into_iter().map(PersonRow::person).collect(),
    })
}

/// Remove and return the elements matching `pred`, keeping the order of both parts.
fn extract<T>(from: &mut Vec<T>, pred: impl Fn(&T) -> bool) -> Vec<T> {
    let (taken, kept): (Vec<T>, Vec<T>) = from.drain(..).partition(|x| pred(x));
    *from = kept;
    taken
}
