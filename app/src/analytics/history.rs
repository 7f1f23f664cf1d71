//! Paper-era meetings imported from CSV — the baseline. Columns (any order, Vietnamese or
//! English names): `ngày`/`date` (YYYY-MM-DD or DD/MM/YYYY), `loại`/`kind` (thường kỳ,
//! chuyên đề, bất thường — or regular, thematic, extraordinary), `thời_lượng_phút`/
//! `duration_minutes`, `số_nội_dung`/`items`. All lines or none: the first bad line is named.
use chrono::Utc;

use crate::analytics::model::HistoricalMeeting;
use crate::db::Db;
use crate::error::{AppError, BadInput};
use crate::identity::model::CurrentUser;
use crate::meetings::model::MeetingKind;
use crate::with_tx;

/// The most lines one import takes.
const MAX_LINES: usize = 10_000;

fn kind_of(text: &str) -> Option<MeetingKind> {
    match text.trim().to_lowercase().as_str() {
        "regular" | "thường kỳ" | "thuong ky" => Some(MeetingKind::Regular),
        "thematic" | "chuyên đề" | "chuyen de" => Some(MeetingKind::Thematic),
        "extraordinary" | "bất thường" | "bat thuong" => Some(MeetingKind::Extraordinary),
        _ => None,
    }
}

/// Parse the CSV; the first line is the header. An error names the line (1 is the header).
pub fn parse(text: &str) -> Result<Vec<HistoricalMeeting>, BadInput> {
    let unreadable = BadInput::HistoryLine { line: 1 };
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().map_err(|_| unreadable)?.clone();
    let (Some(date), Some(kind), Some(duration), Some(items)) = (
        crate::spreadsheet::column(&headers, &["ngày", "ngay", "date"]),
        crate::spreadsheet::column(&headers, &["loại", "loai", "kind"]),
        crate::spreadsheet::column(
            &headers,
            &["thời_lượng_phút", "thoi_luong_phut", "duration_minutes"],
        ),
        crate::spreadsheet::column(&headers, &["số_nội_dung", "so_noi_dung", "items"]),
    ) else {
        return Err(unreadable);
    };
    let mut out = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = u32::try_from(index + 2).unwrap_or(u32::MAX);
        let bad = BadInput::HistoryLine { line };
        if index >= MAX_LINES {
            return Err(bad);
        }
        let record = record.map_err(|_| bad)?;
        let field = |i: usize| record.get(i).unwrap_or("");
        let meeting = HistoricalMeeting {
            held_on: crate::spreadsheet::day(field(date)).ok_or(bad)?,
            kind: kind_of(field(kind)).ok_or(bad)?,
            duration_minutes: field(duration)
                .trim()
                .parse()
                .ok()
                .filter(|m| (1..=1440).contains(m))
                .ok_or(bad)?,
            item_count: field(items)
                .trim()
                .parse()
                .ok()
                .filter(|n| (1..=200).contains(n))
                .ok_or(bad)?,
        };
        out.push(meeting);
    }
    if out.is_empty() {
        return Err(BadInput::HistoryLine { line: 2 });
    }
    Ok(out)
}

/// Import the CSV (the secretariat): all lines in one transaction; returns how many.
pub async fn import(db: &Db, user: &CurrentUser, text: &str) -> Result<usize, AppError> {
    crate::identity::model::require_secretariat(user)?;
    let meetings = parse(text).map_err(AppError::BadRequest)?;
    let now = Utc::now();
    let mut tx = db.begin().await?;
    for m in &meetings {
        with_tx!(&mut tx, |conn| {
            sqlx::query(
                "insert into historical_meeting
                     (id, held_on, kind, duration_minutes, item_count, imported_by, imported_at)
                 values ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(crate::ids::new_id())
            .bind(m.held_on)
            .bind(m.kind.as_str())
            .bind(m.duration_minutes)
            .bind(m.item_count)
            .bind(user.id)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        });
    }
    tx.commit().await?;
    Ok(meetings.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_and_english_columns_any_order() {
        let vi = "ngày,loại,thời_lượng_phút,số_nội_dung\n2024-01-10,thường kỳ,480,12\n15/02/2024,Chuyên đề,300,5\n";
        let parsed = parse(vi).unwrap();
        assert_eq!(parsed.len(), 2);
        assert_eq!(parsed[0].kind, MeetingKind::Regular);
        assert_eq!(
            parsed[1].held_on,
            chrono::NaiveDate::from_ymd_opt(2024, 2, 15).unwrap()
        );
        assert_eq!((parsed[1].duration_minutes, parsed[1].item_count), (300, 5));
        let en = "items,kind,date,duration_minutes\n9,extraordinary,2023-07-01,150\n";
        assert_eq!(parse(en).unwrap()[0].kind, MeetingKind::Extraordinary);
    }

    #[test]
    fn the_first_bad_line_is_named() {
        let text = "date,kind,duration_minutes,items\n2024-01-10,regular,480,12\n2024-13-01,regular,480,12\n";
        assert_eq!(parse(text), Err(BadInput::HistoryLine { line: 3 }));
        let zero = "date,kind,duration_minutes,items\n2024-01-10,regular,0,12\n";
        assert_eq!(parse(zero), Err(BadInput::HistoryLine { line: 2 }));
        assert_eq!(
            parse("a,b\n1,2\n"),
            Err(BadInput::HistoryLine { line: 1 }),
            "columns missing"
        );
        assert_eq!(
            parse("date,kind,duration_minutes,items\n"),
            Err(BadInput::HistoryLine { line: 2 })
        );
    }
}
