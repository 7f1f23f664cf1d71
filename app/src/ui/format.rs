//! Numbers, dates, times and durations as people read them in each language. Vietnamese
//! groups thousands with a point and writes decimals with a comma, with a space before
//! "%" ("3.050", "37,6 %", "1.830.000 đ"); English the other way ("3,050", "37.6%").
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

/// The minus sign people read (not the hyphen).
const MINUS: char = '\u{2212}';

/// A whole number with its thousands grouped: 1234567 → "1.234.567" / "1,234,567".
pub fn integer(n: i64, lang: Lang) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    };
    let mut out = String::new();
    if n < 0 {
        out.push(MINUS);
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// `value` with `places` decimals (rounded half away from zero), thousands grouped:
/// 1234.56 → "1.234,6" / "1,234.6" with one place.
pub fn decimal(value: f64, places: u32, lang: Lang) -> String {
    let scale = 10_i64.pow(places);
    let scaled = (value * scale as f64).round() as i64;
    let whole = integer(scaled / scale, lang);
    let whole = if scaled < 0 && scaled / scale == 0 {
        format!("{MINUS}{whole}")
    } else {
        whole
    };
    if places == 0 {
        return whole;
    }
    let point = match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    };
    let fraction = (scaled % scale).unsigned_abs();
    format!("{whole}{point}{fraction:0width$}", width = places as usize)
}

/// A whole value without decimals, anything else with one: for chart axes and tips.
pub fn short(value: f64, lang: Lang) -> String {
    if value.fract().abs() < 1e-9 {
        decimal(value, 0, lang)
    } else {
        decimal(value, 1, lang)
    }
}

/// A percentage with one decimal: "37,6 %" / "37.6%".
pub fn percent(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} %", decimal(value, 1, lang)),
        Lang::En => format!("{}%", decimal(value, 1, lang)),
    }
}

/// An amount in đồng: "1.830.000 đ" / "VND 1,830,000".
pub fn money(dong: i64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} đ", integer(dong, lang)),
        Lang::En => format!("VND {}", integer(dong, lang)),
    }
}

/// Hours with one decimal: "11,8 giờ" / "11.8 h".
pub fn hours(value: f64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{} giờ", decimal(value, 1, lang)),
        Lang::En => format!("{} h", decimal(value, 1, lang)),
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
    fn whole_numbers_group_thousands_by_language() {
        assert_eq!(integer(3050, Lang::Vi), "3.050");
        assert_eq!(integer(3050, Lang::En), "3,050");
        assert_eq!(integer(1_830_000, Lang::Vi), "1.830.000");
        assert_eq!(integer(999, Lang::Vi), "999");
        assert_eq!(integer(0, Lang::En), "0");
        assert_eq!(integer(-45_000, Lang::Vi), "\u{2212}45.000");
    }

    #[test]
    fn decimals_use_the_language_s_comma_or_point() {
        assert_eq!(decimal(37.6, 1, Lang::Vi), "37,6");
        assert_eq!(decimal(37.6, 1, Lang::En), "37.6");
        assert_eq!(decimal(28.46, 1, Lang::Vi), "28,5");
        assert_eq!(decimal(1234.56, 1, Lang::Vi), "1.234,6");
        assert_eq!(decimal(1234.56, 1, Lang::En), "1,234.6");
        assert_eq!(decimal(0.05, 1, Lang::En), "0.1");
        assert_eq!(decimal(-0.4, 1, Lang::Vi), "\u{2212}0,4");
        assert_eq!(decimal(-12.25, 1, Lang::En), "\u{2212}12.3");
        assert_eq!(decimal(7.0, 2, Lang::Vi), "7,00");
        assert_eq!(decimal(2.6, 0, Lang::Vi), "3");
    }

    #[test]
    fn percentages_money_and_hours() {
        assert_eq!(percent(37.6, Lang::Vi), "37,6 %");
        assert_eq!(percent(37.6, Lang::En), "37.6%");
        assert_eq!(percent(-5.0, Lang::Vi), "\u{2212}5,0 %");
        assert_eq!(money(1_830_000, Lang::Vi), "1.830.000 đ");
        assert_eq!(money(1_830_000, Lang::En), "VND 1,830,000");
        assert_eq!(hours(11.8, Lang::Vi), "11,8 giờ");
        assert_eq!(hours(11.8, Lang::En), "11.8 h");
        assert_eq!(short(40.0, Lang::Vi), "40");
        assert_eq!(short(12.5, Lang::Vi), "12,5");
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
