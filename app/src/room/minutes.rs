//! The minutes (biên bản), drafted from what was recorded in the meeting (the conclusions
//! notice from the same facts: [`super::conclusions`]). Pure: the facts are read elsewhere ([`super::minutes_store`]);
//! the text is the official record, so it is in Vietnamese.
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::documents::pdf_writer::{Block, TextDocument};
use crate::room::model::Presence;

/// Where the minutes are in their life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MinutesState {
    /// Drafted (from the records, or edited by the secretariat).
    Draft,
    /// Approved by the chair.
    Approved,
    /// Finalised: locked, in the audit chain.
    Final,
}

impl MinutesState {
    pub fn as_str(self) -> &'static str {
        match self {
            MinutesState::Draft => "draft",
            MinutesState::Approved => "approved",
            MinutesState::Final => "final",
        }
    }

    pub fn parse(s: &str) -> Option<MinutesState> {
        match s {
            "draft" => Some(MinutesState::Draft),
            "approved" => Some(MinutesState::Approved),
            "final" => Some(MinutesState::Final),
            _ => None,
        }
    }
}

/// The minutes as a page shows them, with what the viewer may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MinutesView {
    pub meeting_id: uuid::Uuid,
    pub meeting_title: String,
    pub state: MinutesState,
    pub body: String,
    /// Not stored yet: drafted now from the records.
    pub fresh: bool,
    pub approved_by: Option<String>,
    pub finalised_at: Option<chrono::DateTime<chrono::Utc>>,
    pub body_sha256: Option<String>,
    pub may_edit: bool,
    pub may_approve: bool,
    pub may_finalise: bool,
}

/// One vote taken on an item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VoteFacts {
    pub question: String,
    pub eligible: i64,
    pub agree: i64,
    pub disagree: i64,
    pub other: i64,
    /// The outcome in words, or `None` while the vote is still open.
    pub outcome: Option<String>,
}

/// One agenda item as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFacts {
    pub number: i64,
    pub title: String,
    pub planned_minutes: i64,
    pub consent: bool,
    /// Local start and end (the meeting's time zone); `None` if never taken up.
    pub started: Option<NaiveDateTime>,
    pub ended: Option<NaiveDateTime>,
    /// Seconds discussed, pauses left out.
    pub seconds: i64,
    /// Members who asked before the meeting to speak, and who objected (name, reason).
    pub wished_to_speak: i64,
    pub objections: Vec<(String, String)>,
    /// (name, deputy speaking for them, seconds spoken), in the order they spoke.
    pub speakers: Vec<(String, Option<String>, i64)>,
    pub votes: Vec<VoteFacts>,
    pub conclusion: Option<String>,
    /// The tasks assigned from this item's conclusion, as the notice words them.
    pub tasks: Vec<crate::room::conclusions::TaskFact>,
}

/// An invited member: (name, how they attended, reason, deputy).
pub type AttendanceFact = (String, Option<Presence>, Option<String>, Option<String>);

/// Everything the minutes are drafted from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinutesFacts {
    pub title: String,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub planned_minutes: i64,
    pub started: Option<NaiveDateTime>,
    pub ended: Option<NaiveDateTime>,
    /// Seconds the meeting ran, pauses left out.
    pub seconds: i64,
    pub attendance: Vec<AttendanceFact>,
    pub items: Vec<ItemFacts>,
}

fn hm(at: NaiveDateTime) -> String {
    at.format("%H:%M").to_string()
}

pub(crate) fn date(at: NaiveDateTime) -> String {
    at.format("%d/%m/%Y").to_string()
}

/// "1 giờ 40 phút", "25 phút" — whole minutes, rounded to the nearest.
fn minutes_text(seconds: i64) -> String {
    crate::ui::format::duration((seconds + 30) / 60, crate::i18n::Lang::Vi)
}

/// "3 phút 20 giây", "45 giây".
fn speech_text(seconds: i64) -> String {
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} giây"),
        (m, 0) => format!("{m} phút"),
        (m, s) => format!("{m} phút {s:02} giây"),
    }
}

fn list(names: &[String]) -> String {
    names.join("; ")
}

/// The draft minutes, as plain text: a title line, the meeting's title, then numbered
/// sections (`I.`, `II.` …) of lines.
pub fn draft(f: &MinutesFacts) -> String {
    let mut out = vec![
        "BIÊN BẢN PHIÊN HỌP".to_owned(),
        f.title.clone(),
        String::new(),
    ];
    let when = match (f.started, f.ended) {
        (Some(s), Some(e)) => format!(
            "Thời gian: từ {} đến {} ngày {} (họp {}, dự kiến {}).",
            hm(s),
            hm(e),
            date(s),
            minutes_text(f.seconds),
            crate::ui::format::duration(f.planned_minutes, crate::i18n::Lang::Vi)
        ),
        (Some(s), None) => format!("Thời gian: bắt đầu {} ngày {}.", hm(s), date(s)),
        _ => "Thời gian: phiên họp chưa diễn ra.".to_owned(),
    };
    out.push(when);
    if let Some(place) = &f.place {
        out.push(format!("Địa điểm: {place}."));
    }
    if let Some(chair) = &f.chair {
        out.push(format!("Chủ tọa: {chair}."));
    }

    out.push(String::new());
    out.push("I. THÀNH PHẦN THAM DỰ".to_owned());
    let group = |want: Option<Presence>| -> Vec<String> {
        f.attendance
            .iter()
            .filter(|(_, p, _, _)| *p == want)
            .map(|(name, _, reason, deputy)| match (want, reason, deputy) {
                (Some(Presence::Absent), Some(r), _) => format!("{name} ({r})"),
                (Some(Presence::Deputy), _, Some(d)) => format!("{name} — {d} dự thay"),
                _ => name.clone(),
            })
            .collect()
    };
    for (label, want) in [
        ("Có mặt", Some(Presence::Present)),
        ("Dự trực tuyến", Some(Presence::Remote)),
        ("Cử người dự thay", Some(Presence::Deputy)),
        ("Vắng mặt", Some(Presence::Absent)),
        ("Chưa điểm danh", None),
    ] {
        let names = group(want);
        if !names.is_empty() {
            out.push(format!("{label} ({}): {}.", names.len(), list(&names)));
        }
    }

    let consent: Vec<&ItemFacts> = f.items.iter().filter(|i| i.consent).collect();
    let discussed: Vec<&ItemFacts> = f
        .items
        .iter()
        .filter(|i| !i.consent && i.started.is_some())
        .collect();
    let left: Vec<&ItemFacts> = f
        .items
        .iter()
        .filter(|i| !i.consent && i.started.is_none())
        .collect();

    out.push(String::new());
    out.push("II. CÁC NỘI DUNG THÔNG QUA KHÔNG THẢO LUẬN".to_owned());
    if consent.is_empty() {
        out.push("Không có.".to_owned());
    }
    for item in &consent {
        out.push(format!("{}. {}", item.number, item.title));
    }

    out.push(String::new());
    out.push("III. CÁC NỘI DUNG THẢO LUẬN".to_owned());
    if discussed.is_empty() {
        out.push("Không có.".to_owned());
    }
    for item in &discussed {
        out.push(format!("{}. {}", item.number, item.title));
        let span = match (item.started, item.ended) {
            (Some(s), Some(e)) => format!("{}–{}", hm(s), hm(e)),
            (Some(s), None) => format!("từ {}", hm(s)),
            _ => String::new(),
        };
        out.push(format!(
            "Thời gian: {span} ({}; dự kiến {}).",
            minutes_text(item.seconds),
            crate::ui::format::duration(item.planned_minutes, crate::i18n::Lang::Vi)
        ));
        out.push(format!(
            "Ý kiến trước phiên họp: {} thành viên xin phát biểu, {} thành viên không tán thành.",
            item.wished_to_speak,
            item.objections.len()
        ));
        for (name, reason) in &item.objections {
            out.push(format!("Không tán thành: {name} — {reason}."));
        }
        if item.speakers.is_empty() {
            out.push("Phát biểu: không có.".to_owned());
        } else {
            let spoken: Vec<String> = item
                .speakers
                .iter()
                .map(|(name, deputy, seconds)| match deputy {
                    Some(d) => format!("{d}, dự thay {name} ({})", speech_text(*seconds)),
                    None => format!("{name} ({})", speech_text(*seconds)),
                })
                .collect();
            out.push(format!("Phát biểu: {}.", list(&spoken)));
        }
        for vote in &item.votes {
            out.push(format!(
                "Biểu quyết \u{201c}{}\u{201d}: đồng ý {}, không đồng ý {}, ý kiến khác {}, trên tổng số {} thành viên được biểu quyết — {}.",
                vote.question,
                vote.agree,
                vote.disagree,
                vote.other,
                vote.eligible,
                vote.outcome.as_deref().unwrap_or("đang biểu quyết")
            ));
        }
        out.push(format!(
            "Kết luận: {}",
            item.conclusion.as_deref().unwrap_or("chưa ghi.")
        ));
    }
    if !left.is_empty() {
        out.push(String::new());
        out.push("IV. CÁC NỘI DUNG CHƯA THẢO LUẬN".to_owned());
        for item in &left {
            out.push(format!("{}. {}", item.number, item.title));
        }
    }
    out.join("\n")
}

#[cfg(feature = "ssr")]
/// A text drafted above as a PDF document: the first line is the title, the second the
/// subtitle; numbered section lines (`I.`, `II.` …) are headings; other lines paragraphs.
pub fn as_document(text: &str) -> TextDocument {
    let mut lines = text.lines();
    let title = lines.next().unwrap_or_default().trim().to_owned();
    let subtitle = lines
        .next()
        .map(|l| l.trim().to_owned())
        .filter(|l| !l.is_empty());
    let blocks = lines
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let numeral = l.split_once(". ").map(|(n, _)| n).unwrap_or("");
            if !numeral.is_empty() && numeral.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
                Block::Heading(l.to_owned())
            } else {
                Block::Paragraph(l.to_owned())
            }
        })
        .collect();
    TextDocument {
        title,
        subtitle,
        blocks,
        language: "vi".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn at(h: u32, m: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(2026, 12, 20)
            .unwrap()
            .and_hms_opt(h, m, 0)
            .unwrap()
    }

    fn facts() -> MinutesFacts {
        MinutesFacts {
            title: "Phiên họp Chính phủ bất thường".into(),
            place: Some("Phòng họp Chính phủ".into()),
            chair: Some("Trịnh Minh Quân".into()),
            planned_minutes: 90,
            started: Some(at(8, 2)),
            ended: Some(at(9, 47)),
            // 8:02 → 9:47 is 105 minutes, less a 5-minute pause.
            seconds: 100 * 60,
            attendance: vec![
                ("A".into(), Some(Presence::Present), None, None),
                ("B".into(), Some(Presence::Remote), None, None),
                (
                    "C".into(),
                    Some(Presence::Absent),
                    Some("Công tác".into()),
                    None,
                ),
                (
                    "D".into(),
                    Some(Presence::Deputy),
                    None,
                    Some("Thứ trưởng E".into()),
                ),
                ("F".into(), None, None, None),
            ],
            items: vec![
                ItemFacts {
                    number: 1,
                    title: "Báo cáo".into(),
                    planned_minutes: 20,
                    consent: false,
                    started: Some(at(8, 10)),
                    ended: Some(at(8, 35)),
                    seconds: 25 * 60,
                    wished_to_speak: 1,
                    objections: vec![("B".into(), "Chưa đủ số liệu".into())],
                    speakers: vec![
                        ("A".into(), None, 200),
                        ("D".into(), Some("Thứ trưởng E".into()), 45),
                    ],
                    votes: vec![VoteFacts {
                        question: "Thông qua?".into(),
                        eligible: 16,
                        agree: 2,
                        disagree: 0,
                        other: 0,
                        outcome: Some("Không đủ điều kiện quyết định".into()),
                    }],
                    conclusion: Some("Thống nhất.".into()),
                    tasks: vec![],
                },
                ItemFacts {
                    number: 2,
                    title: "Hỗ trợ".into(),
                    planned_minutes: 10,
                    consent: true,
                    started: Some(at(8, 5)),
                    ended: Some(at(8, 5)),
                    seconds: 0,
                    wished_to_speak: 0,
                    objections: vec![],
                    speakers: vec![],
                    votes: vec![],
                    conclusion: None,
                    tasks: vec![],
                },
                ItemFacts {
                    number: 3,
                    title: "Vốn".into(),
                    planned_minutes: 10,
                    consent: false,
                    started: None,
                    ended: None,
                    seconds: 0,
                    wished_to_speak: 0,
                    objections: vec![],
                    speakers: vec![],
                    votes: vec![],
                    conclusion: None,
                    tasks: vec![],
                },
            ],
        }
    }

    #[test]
    fn the_draft_reads_as_written_by_hand() {
        let expected = "\
BIÊN BẢN PHIÊN HỌP
Phiên họp Chính phủ bất thường

Thời gian: từ 08:02 đến 09:47 ngày 20/12/2026 (họp 1 giờ 40 phút, dự kiến 1 giờ 30 phút).
Địa điểm: Phòng họp Chính phủ.
Chủ tọa: Trịnh Minh Quân.

I. THÀNH PHẦN THAM DỰ
Có mặt (1): A.
Dự trực tuyến (1): B.
Cử người dự thay (1): D — Thứ trưởng E dự thay.
Vắng mặt (1): C (Công tác).
Chưa điểm danh (1): F.

II. CÁC NỘI DUNG THÔNG QUA KHÔNG THẢO LUẬN
2. Hỗ trợ

III. CÁC NỘI DUNG THẢO LUẬN
1. Báo cáo
Thời gian: 08:10–08:35 (25 phút; dự kiến 20 phút).
Ý kiến trước phiên họp: 1 thành viên xin phát biểu, 1 thành viên không tán thành.
Không tán thành: B — Chưa đủ số liệu.
Phát biểu: A (3 phút 20 giây); Thứ trưởng E, dự thay D (45 giây).
Biểu quyết \u{201c}Thông qua?\u{201d}: đồng ý 2, không đồng ý 0, ý kiến khác 0, trên tổng số 16 thành viên được biểu quyết — Không đủ điều kiện quyết định.
Kết luận: Thống nhất.

IV. CÁC NỘI DUNG CHƯA THẢO LUẬN
3. Vốn";
        assert_eq!(draft(&facts()), expected);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn sections_become_headings() {
        let doc = as_document(&draft(&facts()));
        assert_eq!(doc.title, "BIÊN BẢN PHIÊN HỌP");
        assert_eq!(
            doc.subtitle.as_deref(),
            Some("Phiên họp Chính phủ bất thường")
        );
        let headings: Vec<&str> = doc
            .blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some(h.as_str()),
                Block::Paragraph(_) => None,
            })
            .collect();
        assert_eq!(
            headings,
            [
                "I. THÀNH PHẦN THAM DỰ",
                "II. CÁC NỘI DUNG THÔNG QUA KHÔNG THẢO LUẬN",
                "III. CÁC NỘI DUNG THẢO LUẬN",
                "IV. CÁC NỘI DUNG CHƯA THẢO LUẬN",
            ]
        );
    }
}
