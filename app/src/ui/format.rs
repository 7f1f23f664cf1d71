//! Dates, times and durations as people read them in each language.
use chrono::{DateTime, Datelike, FixedOffset, NaiveDateTime, Timelike, Utc, Weekday};

use crate::i18n::Lang;

fn weekday_vi(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "Thứ Hai",
        Weekday::Tue => "Thứ Ba",
        Weekday::Wed => "Thứ Tư",
        Weekday::Thu => "Thứ Năm",
        Weekday::Fri => "Thứ Sáu",
        Weekday::Sat => "Thứ Bảy",
        Weekday::Sun => "Chủ Nhật",
    }
}

/// A number of pages: "12 trang" / "1 page", "12 pages".
pub fn pages(n: i64, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Vi, _) => format!("{n} trang"),
        (Lang::En, 1) => "1 page".to_owned(),
        (Lang::En, _) => format!("{n} pages"),
    }
}

/// "08:00, Thứ Bảy 28/11/2026" / "Saturday 28 November 2026, 08:00".
pub fn date_time(at: NaiveDateTime, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "{:02}:{:02}, {} {:02}/{:02}/{}",
            at.hour(),
            at.minute(),
            weekday_vi(at.weekday()),
            at.day(),
            at.month(),
            at.year()
        ),
        Lang::En => at.format("%A %-d %B %Y, %H:%M").to_string(),
    }
}

/// A moment as the wall-clock time in Vietnam (UTC+7 all year: no daylight saving), for
/// times that are not tied to a meeting's own time zone (sign-ins, audit records). Kept
/// free of a time-zone database so the browser bundle stays small.
pub fn vietnam_time(at: DateTime<Utc>) -> NaiveDateTime {
    match FixedOffset::east_opt(7 * 3600) {
        Some(offset) => at.with_timezone(&offset).naive_local(),
        None => at.naive_utc(),
    }
}

/// "3 giờ 30 phút" / "3 h 30 min"; under an hour only minutes.
pub fn duration(minutes: i64, lang: Lang) -> String {
    let (h, m) = (minutes / 60, minutes % 60);
    match (lang, h, m) {
        (Lang::Vi, 0, m) => format!("{m} phút"),
        (Lang::Vi, h, 0) => format!("{h} giờ"),
        (Lang::Vi, h, m) => format!("{h} giờ {m} phút"),
        (Lang::En, 0, m) => format!("{m} min"),
        (Lang::En, h, 0) => format!("{h} h"),
        (Lang::En, h, m) => format!("{h} h {m} min"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn dates_read_naturally_in_both_languages() {
        // 28 November 2026 is a Saturday.
        let at = NaiveDate::from_ymd_opt(2026, 11, 28)
            .unwrap()
            .and_hms_opt(8, 5, 0)
            .unwrap();
        assert_eq!(date_time(at, Lang::Vi), "08:05, Thứ Bảy 28/11/2026");
        assert_eq!(date_time(at, Lang::En), "Saturday 28 November 2026, 08:05");
    }

    #[test]
    fn vietnam_is_seven_hours_ahead_of_utc() {
        let at = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 11, 27, 23, 30, 0).unwrap();
        assert_eq!(
            date_time(vietnam_time(at), Lang::Vi),
            "06:30, Thứ Bảy 28/11/2026"
        );
    }

    #[test]
    fn durations() {
        assert_eq!(duration(45, Lang::Vi), "45 phút");
        assert_eq!(duration(120, Lang::Vi), "2 giờ");
        assert_eq!(duration(210, Lang::Vi), "3 giờ 30 phút");
        assert_eq!(duration(210, Lang::En), "3 h 30 min");
        assert_eq!(duration(0, Lang::En), "0 min");
    }

    #[test]
    fn pages_are_counted_as_each_language_says() {
        assert_eq!(pages(1, Lang::Vi), "1 trang");
        assert_eq!(pages(12, Lang::Vi), "12 trang");
        assert_eq!(pages(1, Lang::En), "1 page");
        assert_eq!(pages(0, Lang::En), "0 pages");
        assert_eq!(pages(12, Lang::En), "12 pages");
    }
}
