//! The tasks the viewer may see as CSV (UTF-8 with a byte-order mark, for spreadsheets):
//! one row a task, free text made safe from formulas (`spreadsheet::text_cell`).
use chrono::NaiveDate;

use crate::db::Db;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::identity::model::CurrentUser;

const HEADER: [&str; 10] = [
    "nội dung nhiệm vụ",
    "nguồn",
    "căn cứ",
    "cơ quan chủ trì",
    "cơ quan phối hợp",
    "thời hạn ban đầu",
    "thời hạn",
    "chu kỳ",
    "tình trạng",
    "ngày hoàn thành",
];

fn day(d: Option<NaiveDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

pub async fn csv(db: &Db, user: &CurrentUser, today: NaiveDate) -> Result<Vec<u8>, AppError> {
    let tasks = crate::tasks::store::list_for(db, user, today).await?;
    let mut writer = csv::Writer::from_writer(vec![0xEF, 0xBB, 0xBF]);
    let io = |e: csv::Error| AppError::internal(e);
    writer.write_record(HEADER).map_err(io)?;
    let cell = |s: &str| crate::spreadsheet::text_cell(s).into_owned();
    for t in &tasks {
        let coordinators: Vec<&str> = t.coordinators.iter().map(|m| m.code.as_str()).collect();
        writer
            .write_record([
                cell(&t.text),
                t.source.label(Lang::Vi).to_owned(),
                cell(&t.source_title),
                t.lead.code.clone(),
                coordinators.join(", "),
                day(t.first_deadline),
                day(t.deadline),
                t.cycle
                    .map(|c| c.label(Lang::Vi))
                    .unwrap_or_default()
                    .to_owned(),
                t.status.label(Lang::Vi).to_owned(),
                day(t.done_on),
            ])
            .map_err(io)?;
    }
    writer
        .into_inner()
        .map_err(|e| AppError::internal(e.to_string()))
}
