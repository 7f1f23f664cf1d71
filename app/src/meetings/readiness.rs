//! Readiness: per invited member and document (latest version), opened or not and how many
//! pages were viewed; per member, the items whose every document they opened.
use std::collections::HashMap;

use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::meetings::model::{DocumentReading, MemberReadiness, Readiness, ReadinessDocument};
use crate::with_db;

/// The latest version of each document of the meeting's items, in agenda order.
const DOCUMENTS: &str = "select d.id, d.title, ai.id, ai.title, v.id, v.page_count
     from document d
     join agenda_item ai on ai.id = d.agenda_item_id
     join document_version v on v.document_id = d.id
     where ai.meeting_id = $1
       and v.version_no = (select max(version_no) from document_version where document_id = d.id)
     order by ai.position, d.position, d.created_at";

/// Every (reader, version) of the meeting's documents, with the pages viewed.
const READINGS: &str = "select r.user_id, r.version_id,
        (select count(*) from page_view pv
         where pv.user_id = r.user_id and pv.version_id = r.version_id)
     from reading r
     join document_version v on v.id = r.version_id
     join document d on d.id = v.document_id
     join agenda_item ai on ai.id = d.agenda_item_id
     where ai.meeting_id = $1";

type DocumentRow = (Uuid, String, Uuid, String, Uuid, Option<i64>);
/// (reader, version, pages viewed)
type ReadingRow = (Uuid, Uuid, i64);

pub async fn of_meeting(db: &Db, meeting_id: Uuid) -> Result<Readiness, AppError> {
    let title: Option<(String,)> = with_db!(db, |pool| {
        sqlx::query_as("select title from meeting where id = $1")
            .bind(meeting_id)
            .fetch_optional(pool)
            .await
    })?;
    let Some((meeting_title,)) = title else {
        return Err(AppError::NotFound);
    };
    type Rows = (Vec<DocumentRow>, Vec<(Uuid, String)>, Vec<ReadingRow>);
    let (documents, members, readings): Rows = with_db!(db, |pool| {
        (
            sqlx::query_as(DOCUMENTS)
                .bind(meeting_id)
                .fetch_all(pool)
                .await?,
            sqlx::query_as(
                "select u.id, u.full_name from invitation i
                 join user_account u on u.id = i.user_id
                 where i.meeting_id = $1 order by u.full_name",
            )
            .bind(meeting_id)
            .fetch_all(pool)
            .await?,
            sqlx::query_as(READINGS)
                .bind(meeting_id)
                .fetch_all(pool)
                .await?,
        )
    });
    let read: HashMap<(Uuid, Uuid), i64> = readings
        .into_iter()
        .map(|(user, version, pages)| ((user, version), pages))
        .collect();
    let mut items: Vec<Uuid> = documents.iter().map(|d| d.2).collect();
    items.dedup();
    let members = members
        .into_iter()
        .map(|(user_id, full_name)| {
            let cells: Vec<DocumentReading> = documents
                .iter()
                .map(|d| match read.get(&(user_id, d.4)) {
                    Some(&pages_viewed) => DocumentReading {
                        opened: true,
                        pages_viewed,
                    },
                    None => DocumentReading::default(),
                })
                .collect();
            let items_reviewed = items
                .iter()
                .filter(|item| {
                    documents
                        .iter()
                        .zip(&cells)
                        .filter(|(d, _)| d.2 == **item)
                        .all(|(_, cell)| cell.opened)
                })
                .count();
            MemberReadiness {
                user_id,
                full_name,
                documents: cells,
                items_reviewed,
            }
        })
        .collect();
    Ok(Readiness {
        meeting_title,
        items_with_documents: items.len(),
        documents: documents
            .into_iter()
            .map(
                |(id, title, _, item_title, _, page_count)| ReadinessDocument {
                    id,
                    title,
                    item_title,
                    page_count,
                },
            )
            .collect(),
        members,
    })
}
