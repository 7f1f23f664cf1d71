//! What the meeting editor shows (the secretariat's view): the meeting's fields as a form,
//! its items with their documents and guests, the people one may invite, the ministries.
//! Reading only; the acts that change a meeting are in `editing.rs`.
use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::CurrentUser;
use crate::meetings::model::{ItemForm, MeetingForm};

/// Everything the editor shows for `meeting` (the secretariat's view).
pub async fn editor(
    db: &Db,
    actor: &CurrentUser,
    meeting: Uuid,
) -> Result<crate::meetings::model::MeetingEditor, AppError> {
    use crate::identity::model::{Person, Role, Title};
    use crate::meetings::model::{EditorItem, Invitable, MeetingEditor, MinistryOption};
    let detail = crate::meetings::store::detail_for(db, actor, meeting).await?;
    type MeetingRow = (
        String,
        String,
        DateTime<Utc>,
        Option<String>,
        bool,
        i64,
        Option<Uuid>,
    );
    type ItemRow = (Uuid, String, Option<String>, i64);
    type PersonRow = (Uuid, String, String, Option<String>, Option<String>);
    let today = Utc::now().date_naive();
    let (row, invited, items, guests, people, ministries) = crate::with_db!(db, |pool| {
        let row: MeetingRow = sqlx::query_as(
            "select kind, title, starts_at, place, online, planned_minutes, chair_id
             from meeting where id = $1",
        )
        .bind(meeting)
        .fetch_one(pool)
        .await?;
        let invited: Vec<(Uuid,)> =
            sqlx::query_as("select user_id from invitation where meeting_id = $1")
                .bind(meeting)
                .fetch_all(pool)
                .await?;
        let items: Vec<ItemRow> = sqlx::query_as(
            "select ai.id, ai.title, mi.code, ai.planned_minutes from agenda_item ai
             left join ministry mi on mi.id = ai.presenter_ministry_id
             where ai.meeting_id = $1 order by ai.position",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let guests: Vec<(Uuid, Uuid)> = sqlx::query_as(
            "select g.agenda_item_id, g.user_id from item_guest g
             join agenda_item ai on ai.id = g.agenda_item_id where ai.meeting_id = $1",
        )
        .bind(meeting)
        .fetch_all(pool)
        .await?;
        let people: Vec<PersonRow> = sqlx::query_as(
            "select u.id, u.full_name, u.role, a.title_vi, a.title_en from user_account u
             left join appointment a on a.user_id = u.id and a.starts_on <= $1
                                    and (a.ends_on is null or a.ends_on >= $1)
             where u.active and u.role in ('member', 'guest')
             order by u.role desc, coalesce(a.protocol_rank, 100000), u.full_name",
        )
        .bind(today)
        .fetch_all(pool)
        .await?;
        let ministries: Vec<(String, String, String)> =
            sqlx::query_as("select code, name_vi, name_en from ministry order by protocol_order")
                .fetch_all(pool)
                .await?;
        Ok::<_, sqlx::Error>((row, invited, items, guests, people, ministries))
    })?;
    let (kind, title, starts_at, place, online, planned_minutes, chair) = row;
    let local = starts_at.with_timezone(&chrono_tz::Asia::Ho_Chi_Minh);
    Ok(MeetingEditor {
        detail,
        form: MeetingForm {
            kind,
            title,
            starts_local: local.format("%Y-%m-%dT%H:%M").to_string(),
            place: place.unwrap_or_default(),
            online,
            planned_minutes,
            chair_id: chair.map(|c| c.to_string()).unwrap_or_default(),
        },
        invited: invited.into_iter().map(|(id,)| id).collect(),
        items: items
            .into_iter()
            .map(|(id, title, presenter, planned_minutes)| EditorItem {
                id,
                form: ItemForm {
                    title,
                    presenter: presenter.unwrap_or_default(),
                    planned_minutes,
                },
                guests: guests
                    .iter()
                    .filter(|(item, _)| *item == id)
                    .map(|(_, user)| *user)
                    .collect(),
            })
            .collect(),
        people: people
            .into_iter()
            .filter_map(|(id, full_name, role, vi, en)| {
                Some(Invitable {
                    role: Role::try_from(role).ok()?,
                    person: Person {
                        id,
                        full_name,
                        title: Title::from_columns(vi, en),
                    },
                })
            })
            .collect(),
        ministries: ministries
            .into_iter()
            .map(|(code, vi, en)| MinistryOption {
                code,
                name: Title { vi, en },
            })
            .collect(),
    })
}
