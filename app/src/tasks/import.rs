//! The tasks of the paper era, imported from CSV so the dashboard has history. Columns (any
//! order, Vietnamese or English names): `nội_dung`/`text`, `chủ_trì`/`lead` (a ministry's
//! code), `phối_hợp`/`coordinators` (codes separated by `;`), `nghị_quyết`/`resolution`
//! (optional: the source), `ngày_giao`/`assigned_on`, `thời_hạn`/`deadline` and
//! `ngày_hoàn_thành`/`done_on` (optional: done that day). Days as YYYY-MM-DD or DD/MM/YYYY.
//! All lines or none: the first bad line is named (1 is the header).
use std::collections::HashMap;

use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use crate::db::Db;
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::tasks::history::Entry;
use crate::tasks::model::{EventKind, TaskState};
use crate::with_tx;

/// The most lines one import takes.
const MAX_LINES: usize = 5_000;

/// One task of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaperTask {
    pub text: String,
    pub lead: String,
    pub coordinators: Vec<String>,
    pub resolution_no: Option<String>,
    pub assigned_on: NaiveDate,
    pub deadline: NaiveDate,
    pub done_on: Option<NaiveDate>,
}

/// Parse the file against the ministries' codes (upper case).
pub fn parse(text: &str, codes: &[String]) -> Result<Vec<PaperTask>, BadInput> {
    let unreadable = BadInput::TaskLine { line: 1 };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|_| unreadable)?.clone();
    let (Some(text_at), Some(lead_at), Some(assigned_at), Some(deadline_at)) = (
        crate::spreadsheet::column(&headers, &["nội_dung", "noi_dung", "text"]),
        crate::spreadsheet::column(&headers, &["chủ_trì", "chu_tri", "lead"]),
        crate::spreadsheet::column(&headers, &["ngày_giao", "ngay_giao", "assigned_on"]),
        crate::spreadsheet::column(&headers, &["thời_hạn", "thoi_han", "deadline"]),
    ) else {
        return Err(unreadable);
    };
    let coordinators_at =
        crate::spreadsheet::column(&headers, &["phối_hợp", "phoi_hop", "coordinators"]);
    let resolution_at =
        crate::spreadsheet::column(&headers, &["nghị_quyết", "nghi_quyet", "resolution"]);
    let done_at =
        crate::spreadsheet::column(&headers, &["ngày_hoàn_thành", "ngay_hoan_thanh", "done_on"]);
    let known = |code: &str| codes.iter().any(|c| c == code);
    let mut out = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = u32::try_from(index + 2).unwrap_or(u32::MAX);
        let bad = BadInput::TaskLine { line };
        if index >= MAX_LINES {
            return Err(bad);
        }
        let record = record.map_err(|_| bad)?;
        let field = |i: Option<usize>| i.and_then(|i| record.get(i)).unwrap_or("").trim();
        let text = field(Some(text_at));
        let lead = field(Some(lead_at)).to_uppercase();
        let coordinators: Vec<String> = field(coordinators_at)
            .split(';')
            .map(|c| c.trim().to_uppercase())
            .filter(|c| !c.is_empty())
            .collect();
        let assigned_on = crate::spreadsheet::day(field(Some(assigned_at))).ok_or(bad)?;
        let deadline = crate::spreadsheet::day(field(Some(deadline_at))).ok_or(bad)?;
        let done_on = match field(done_at) {
            "" => None,
            d => Some(crate::spreadsheet::day(d).ok_or(bad)?),
        };
        let valid = !text.is_empty()
            && text.chars().count() <= crate::tasks::editing::MAX_TEXT_CHARS
            && known(&lead)
            && coordinators.iter().all(|c| known(c) && *c != lead)
            && deadline >= assigned_on
            && done_on.is_none_or(|d| d >= assigned_on);
        if !valid {
            return Err(bad);
        }
        let resolution = field(resolution_at);
        out.push(PaperTask {
            text: text.to_owned(),
            lead,
            coordinators,
            resolution_no: (!resolution.is_empty()).then(|| resolution.to_owned()),
            assigned_on,
            deadline,
            done_on,
        });
    }
    if out.is_empty() {
        return Err(BadInput::TaskLine { line: 2 });
    }
    Ok(out)
}

/// Import the file (the secretariat): every task in one transaction, each with an `imported`
/// entry dated the day it was assigned, and one audit record with the file's hash.
pub async fn import(db: &Db, user: &CurrentUser, text: &str) -> Result<usize, AppError> {
    crate::identity::model::require_secretariat(user)?;
    let ministries: Vec<(Uuid, String)> = crate::with_db!(db, |pool| {
        sqlx::query_as("select id, code from ministry")
            .fetch_all(pool)
            .await
    })?;
    let codes: Vec<String> = ministries.iter().map(|(_, c)| c.to_uppercase()).collect();
    let id_of: HashMap<String, Uuid> = ministries
        .into_iter()
        .map(|(id, c)| (c.to_uppercase(), id))
        .collect();
    let tasks = parse(text, &codes).map_err(AppError::BadRequest)?;
    let now = Utc::now();
    let mut tx = db.begin().await?;
    for t in &tasks {
        let id = crate::ids::new_id();
        let state = if t.done_on.is_some() {
            TaskState::Done
        } else {
            TaskState::Assigned
        };
        let source = if t.resolution_no.is_some() {
            "resolution"
        } else {
            "manual"
        };
        // A paper task was created when it was assigned (the import is in its history).
        let assigned = chrono_tz::Asia::Ho_Chi_Minh
            .from_local_datetime(&t.assigned_on.and_hms_opt(9, 0, 0).unwrap_or_default())
            .single()
            .map_or(now, |at| at.with_timezone(&Utc));
        with_tx!(&mut tx, |conn| {
            sqlx::query(
                "insert into task (id, text, source, resolution_no, lead_ministry_id,
                                   first_deadline, deadline, state, done_on, assigned_by,
                                   created_at, updated_at)
                 values ($1, $2, $3, $4, $5, $6, $6, $7, $8, $9, $10, $10)",
            )
            .bind(id)
            .bind(&t.text)
            .bind(source)
            .bind(&t.resolution_no)
            .bind(id_of.get(&t.lead).copied())
            .bind(t.deadline)
            .bind(state.as_str())
            .bind(t.done_on)
            .bind(user.id)
            .bind(assigned)
            .execute(&mut *conn)
            .await?;
            for code in &t.coordinators {
                sqlx::query("insert into task_coordinator (task_id, ministry_id) values ($1, $2)")
                    .bind(id)
                    .bind(id_of.get(code).copied())
                    .execute(&mut *conn)
                    .await?;
            }
        });
        let entry = Entry {
            deadline: Some(t.deadline),
            at: assigned,
            ..Entry::now(id, EventKind::Imported, Some(user.id), &t.text)
        };
        crate::tasks::history::add(&mut tx, &entry).await?;
    }
    crate::audit::store::append_detailed(
        &mut tx,
        Some(user.id),
        crate::audit::event::AuditEvent::TasksImported,
        None,
        crate::audit::content::sha256_detail(text.as_bytes()),
    )
    .await?;
    tx.commit().await?;
    Ok(tasks.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Vec<String> {
        ["BTC", "BXD", "BTP"].map(str::to_owned).to_vec()
    }

    #[test]
    fn vietnamese_columns_and_the_first_bad_line() {
        let text = "nội_dung,chủ_trì,phối_hợp,nghị_quyết,ngày_giao,thời_hạn,ngày_hoàn_thành\n\
                    Trình Đề án A,btc,BXD; BTP,01/NQ-CP,2025-01-10,2025-03-31,2025-03-20\n\
                    Báo cáo B,BXD,,,10/01/2025,30/06/2025,\n";
        let parsed = parse(text, &codes()).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].lead, "BTC");
        assert_eq!(parsed[0].coordinators, ["BXD", "BTP"]);
        assert_eq!(parsed[0].resolution_no.as_deref(), Some("01/NQ-CP"));
        assert_eq!(parsed[0].done_on, NaiveDate::from_ymd_opt(2025, 3, 20));
        assert_eq!(
            parsed[1].deadline,
            NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
        );
        assert_eq!(parsed[1].done_on, None);
        // Line 3: an unknown ministry; line 2 fine. Line 2: a deadline before it was assigned.
        let unknown = "text,lead,assigned_on,deadline\nA,BTC,2025-01-10,2025-02-01\nB,XYZ,2025-01-10,2025-02-01\n";
        assert_eq!(
            parse(unknown, &codes()),
            Err(BadInput::TaskLine { line: 3 })
        );
        let backwards = "text,lead,assigned_on,deadline\nA,BTC,2025-02-10,2025-02-01\n";
        assert_eq!(
            parse(backwards, &codes()),
            Err(BadInput::TaskLine { line: 2 })
        );
        let no_header = "a,b\n1,2\n";
        assert_eq!(
            parse(no_header, &codes()),
            Err(BadInput::TaskLine { line: 1 })
        );
        assert_eq!(
            parse("text,lead,assigned_on,deadline\n", &codes()),
            Err(BadInput::TaskLine { line: 2 })
        );
    }
}
