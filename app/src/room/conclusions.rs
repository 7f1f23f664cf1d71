//! The conclusions notice (thông báo kết luận): each item's conclusion in agenda order, and
//! under it the tasks the secretariat assigned from it (lead agency, coordinating agencies,
//! deadline). Pure, from the minutes' facts; the official record, so in Vietnamese.
use chrono::NaiveDate;

use crate::room::minutes::{date, MinutesFacts};

/// A task assigned from an item's conclusion, as the notice names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskFact {
    pub text: String,
    pub lead: String,
    pub coordinators: Vec<String>,
    /// The deadline in force; `None` for a regular task, reported on every `cycle`.
    pub deadline: Option<NaiveDate>,
    /// The reporting cycle in words ("Hằng tháng").
    pub cycle: Option<String>,
}

/// "– Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng: Trình Nghị định B. Thời hạn: 31/12/2026."
fn task_line(t: &TaskFact) -> String {
    let mut who = format!("{} chủ trì", t.lead);
    if !t.coordinators.is_empty() {
        who.push_str(&format!(", phối hợp với {}", t.coordinators.join(", ")));
    }
    let text = t.text.trim_end_matches('.');
    let due = match (t.deadline, &t.cycle) {
        (Some(d), _) => format!("Thời hạn: {}.", d.format("%d/%m/%Y")),
        (None, Some(cycle)) => format!("Thường xuyên, báo cáo {}.", cycle.to_lowercase()),
        (None, None) => "Thường xuyên.".to_owned(),
    };
    format!("– {who}: {text}. {due}")
}

/// The conclusions notice of the meeting `f` describes.
pub fn conclusions_notice(f: &MinutesFacts) -> String {
    let mut out = vec![
        "THÔNG BÁO KẾT LUẬN".to_owned(),
        format!("của Chủ tọa tại {}", f.title),
        String::new(),
    ];
    let opening = match (&f.chair, f.started) {
        (Some(chair), Some(s)) => format!(
            "Ngày {}, {chair} chủ trì {}. Sau khi nghe báo cáo và ý kiến của các thành viên Chính phủ, Chủ tọa kết luận như sau:",
            date(s),
            f.title
        ),
        _ => "Chủ tọa kết luận như sau:".to_owned(),
    };
    out.push(opening);
    for item in &f.items {
        let text = match (&item.conclusion, item.consent) {
            (Some(c), _) => c.clone(),
            (None, true) => "Thông qua, không thảo luận.".to_owned(),
            (None, false) if item.started.is_none() => "Chưa thảo luận tại phiên họp.".to_owned(),
            (None, false) => "Chưa có kết luận.".to_owned(),
        };
        out.push(format!("{}. {}: {text}", item.number, item.title));
        if !item.tasks.is_empty() {
            out.push("Giao nhiệm vụ:".to_owned());
            out.extend(item.tasks.iter().map(task_line));
        }
    }
    out.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::room::minutes::ItemFacts;

    fn item(number: i64, title: &str, consent: bool, conclusion: Option<&str>) -> ItemFacts {
        ItemFacts {
            number,
            title: title.into(),
            planned_minutes: 20,
            consent,
            started: None,
            ended: None,
            seconds: 0,
            wished_to_speak: 0,
            objections: vec![],
            speakers: vec![],
            votes: vec![],
            conclusion: conclusion.map(Into::into),
            tasks: vec![],
        }
    }

    #[test]
    fn the_notice_lists_every_item_and_the_tasks_assigned() {
        let at = NaiveDate::from_ymd_opt(2026, 12, 20)
            .unwrap()
            .and_hms_opt(8, 2, 0)
            .unwrap();
        let mut first = item(1, "Báo cáo", false, Some("Thống nhất."));
        first.started = Some(at);
        first.tasks = vec![
            TaskFact {
                text: "Trình Nghị định B.".into(),
                lead: "Bộ Tài chính".into(),
                coordinators: vec!["Bộ Xây dựng".into(), "Bộ Ngoại giao".into()],
                deadline: NaiveDate::from_ymd_opt(2026, 12, 31),
                cycle: None,
            },
            TaskFact {
                text: "Theo dõi giải ngân".into(),
                lead: "Bộ Xây dựng".into(),
                coordinators: vec![],
                deadline: None,
                cycle: Some("Hằng quý".into()),
            },
        ];
        let facts = MinutesFacts {
            title: "Phiên họp Chính phủ bất thường".into(),
            place: None,
            chair: Some("Trịnh Minh Quân".into()),
            planned_minutes: 90,
            started: Some(at),
            ended: None,
            seconds: 0,
            attendance: vec![],
            items: vec![
                first,
                item(2, "Hỗ trợ", true, None),
                item(3, "Vốn", false, None),
            ],
        };
        let expected = "\
THÔNG BÁO KẾT LUẬN
của Chủ tọa tại Phiên họp Chính phủ bất thường

Ngày 20/12/2026, Trịnh Minh Quân chủ trì Phiên họp Chính phủ bất thường. Sau khi nghe báo cáo và ý kiến của các thành viên Chính phủ, Chủ tọa kết luận như sau:
1. Báo cáo: Thống nhất.
Giao nhiệm vụ:
– Bộ Tài chính chủ trì, phối hợp với Bộ Xây dựng, Bộ Ngoại giao: Trình Nghị định B. Thời hạn: 31/12/2026.
– Bộ Xây dựng chủ trì: Theo dõi giải ngân. Thường xuyên, báo cáo hằng quý.
2. Hỗ trợ: Thông qua, không thảo luận.
3. Vốn: Chưa thảo luận tại phiên họp.";
        assert_eq!(conclusions_notice(&facts), expected);
    }
}
