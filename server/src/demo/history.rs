//! The demo's history (with `--demo-history`): two years of paper-era meetings (the baseline
//! of the savings), five months of e-Cabinet meetings held and closed in the system — with
//! attendance, the consent block, item and speaking times, conclusions, documents read on
//! tablets — and two written ballots answered, so the savings dashboard shows a real trend on
//! first run. Deterministic: the same numbers on every machine.
use std::collections::HashMap;

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use sha2::{Digest, Sha256};
use uuid::Uuid;

use app::audit::event::AuditEvent;
use app::ballots::canonical::AnswerText;
use app::ballots::model::Choice;
use app::db::Tx;
use app::documents::store::{add_document, NewDocument};
use app::identity::model::Role;
use app::ids::new_id;
use app::with_tx;

use super::{by_role, pdf_for, pdf_name, DemoPdf};

/// (date, kind, minutes, items) of the paper-era meetings: a regular session each month of
/// 2024 and 2025, a thematic (law-making) session each quarter.
pub fn paper_era() -> Vec<(NaiveDate, &'static str, i64, i64)> {
    let mut out = Vec::new();
    for (n, (year, month)) in (2024..=2025)
        .flat_map(|y| (1..=12).map(move |m| (y, m)))
        .enumerate()
    {
        let n = n as i64;
        if let Some(day) = NaiveDate::from_ymd_opt(year, month, 5) {
            out.push((day, "regular", 440 + (n * 37) % 90, 11 + n % 3));
        }
        if month % 3 == 0 {
            if let Some(day) = NaiveDate::from_ymd_opt(year, month, 20) {
                out.push((day, "thematic", 300 + (n * 29) % 80, 4 + n % 3));
            }
        }
    }
    out
}

/// A past e-Cabinet meeting: (kind, title, date, net minutes it lasted, items adopted in
/// the consent block, agenda (title, planned minutes)).
struct Past {
    kind: &'static str,
    title: String,
    on: NaiveDate,
    actual: i64,
    consent: usize,
    items: Vec<(&'static str, i64)>,
}

const REGULAR_ITEMS: &[(&str, i64)] = &[
    (
        "Tình hình kinh tế - xã hội tháng trước; nhiệm vụ, giải pháp trọng tâm tháng tới",
        45,
    ),
    ("Tình hình giải ngân vốn đầu tư công", 30),
    ("Tình hình thu, chi ngân sách nhà nước", 25),
    ("Công tác phòng, chống thiên tai", 20),
    ("Kết quả cải cách thủ tục hành chính", 20),
    ("Tình hình triển khai Chính phủ điện tử, Chính phủ số", 25),
    ("Công tác xây dựng, hoàn thiện thể chế", 30),
    ("Tình hình xuất nhập khẩu và thị trường hàng hóa", 25),
    ("Các vấn đề khác", 20),
];

const THEMATIC_ITEMS: &[(&str, i64)] = &[
    (
        "Dự án Luật sửa đổi, bổ sung một số điều của Luật Đầu tư công",
        60,
    ),
    ("Đề nghị xây dựng Luật Dữ liệu cá nhân", 50),
    (
        "Dự thảo Nghị định quy định chi tiết Luật Giao dịch điện tử",
        50,
    ),
    ("Dự án Luật Thuế thu nhập cá nhân (sửa đổi)", 60),
    ("Các vấn đề khác", 20),
];

const MONTHS_VI: [&str; 12] = [
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12",
];

fn past_meetings() -> Vec<Past> {
    // Regular sessions, June to October 2026: shorter each month as the consent block and
    // reading beforehand take hold.
    let mut out: Vec<Past> = [
        (6, 292, 2),
        (7, 268, 3),
        (8, 250, 3),
        (9, 236, 4),
        (10, 224, 4),
    ]
    .into_iter()
    .filter_map(|(month, actual, consent)| {
        Some(Past {
            kind: "regular",
            title: format!(
                "Phiên họp Chính phủ thường kỳ tháng {} năm 2026",
                MONTHS_VI[month - 1]
            ),
            on: NaiveDate::from_ymd_opt(2026, month as u32, 3)?,
            actual,
            consent,
            items: REGULAR_ITEMS.to_vec(),
        })
    })
    .collect();
    if let Some(on) = NaiveDate::from_ymd_opt(2026, 9, 19) {
        out.push(Past {
            kind: "thematic",
            title: "Phiên họp Chính phủ chuyên đề về xây dựng pháp luật tháng 9 năm 2026"
                .to_owned(),
            on,
            actual: 228,
            consent: 1,
            items: THEMATIC_ITEMS.to_vec(),
        });
    }
    out.sort_by_key(|p| p.on);
    out
}

fn at(on: NaiveDate, hour: u32, minute: u32) -> anyhow::Result<DateTime<Utc>> {
    let local = on
        .and_hms_opt(hour, minute, 0)
        .ok_or_else(|| anyhow::anyhow!("bad time"))?;
    Ho_Chi_Minh
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| anyhow::anyhow!("ambiguous local time"))
}

/// Load the history in the seeding transaction. Returns (paper-era meetings, past meetings).
pub async fn insert(
    tx: &mut Tx,
    people: &HashMap<&'static str, (Uuid, Role)>,
    pdfs: &HashMap<&'static str, DemoPdf>,
    now: DateTime<Utc>,
) -> anyhow::Result<(usize, usize)> {
    let secretary = people.get("tt.hanh").map(|(id, _)| *id);
    let paper = paper_era();
    for (held_on, kind, minutes, items) in &paper {
        with_tx!(&mut *tx, |conn| {
            sqlx::query(
                "insert into historical_meeting
                     (id, held_on, kind, duration_minutes, item_count, imported_by, imported_at)
                 values ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(new_id())
            .bind(held_on)
            .bind(kind)
            .bind(minutes)
            .bind(items)
            .bind(secretary)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        });
    }
    let mut members = by_role(people, Role::Member);
    members.sort();
    let chair = people.get("vd.khiem").map(|(id, _)| *id);
    let files: Vec<&str> = super::texts::DOCUMENTS.iter().map(|(f, _)| *f).collect();
    let past = past_meetings();
    for (n, meeting) in past.iter().enumerate() {
        insert_past(tx, meeting, n, &members, chair, secretary, pdfs, &files).await?;
    }
    for (n, on) in [(0_usize, (2026, 8, 12)), (1, (2026, 10, 14))] {
        let on =
            NaiveDate::from_ymd_opt(on.0, on.1, on.2).ok_or_else(|| anyhow::anyhow!("bad date"))?;
        insert_closed_ballot(tx, n, on, &members, chair, secretary).await?;
    }
    Ok((paper.len(), past.len()))
}

#[allow(clippy::too_many_arguments)]
async fn insert_past(
    tx: &mut Tx,
    m: &Past,
    n: usize,
    members: &[Uuid],
    chair: Option<Uuid>,
    secretary: Option<Uuid>,
    pdfs: &HashMap<&'static str, DemoPdf>,
    files: &[&'static str],
) -> anyhow::Result<()> {
    let id = new_id();
    let start = at(m.on, 8, 0)?;
    let planned: i64 = m.items.iter().map(|(_, p)| p).sum();
    // Opening and the consent block take 5 minutes; each discussed item an equal share of
    // the rest (±3 minutes), the last one taking what is left.
    let discussed = (m.items.len() - m.consent) as i64;
    let share = (m.actual - 5) / discussed.max(1);
    let mut clock = start + Duration::minutes(5);
    let mut item_rows = Vec::new();
    let mut used = 5;
    for (i, (title, item_planned)) in m.items.iter().enumerate() {
        let consent = i >= m.items.len() - 1 - m.consent && i < m.items.len() - 1;
        let minutes = if consent {
            0
        } else if item_rows
            .iter()
            .filter(|r: &&(_, _, _, _, bool, _)| !r.4)
            .count() as i64
            == discussed - 1
        {
            m.actual - used
        } else {
            share + (i as i64 % 3 - 1) * 3
        };
        let (begin, end) = if consent {
            (start + Duration::minutes(4), start + Duration::minutes(4))
        } else {
            let b = clock;
            clock += Duration::minutes(minutes);
            used += minutes;
            (b, clock)
        };
        item_rows.push((new_id(), *title, *item_planned, (begin, end), consent, i));
    }
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "insert into meeting (id, kind, title, starts_at, planned_minutes, place, online,
                                  time_zone, state, chair_id, created_by, published_at,
                                  actual_start_at, actual_end_at, created_at, updated_at)
             values ($1, $2, $3, $4, $5, 'Phòng họp Chính phủ, Trụ sở Chính phủ, Hà Nội', false,
                     'Asia/Ho_Chi_Minh', 'closed', $6, $7, $8, $4, $9, $8, $9)",
        )
        .bind(id)
        .bind(m.kind)
        .bind(&m.title)
        .bind(start)
        .bind(planned)
        .bind(chair)
        .bind(secretary)
        .bind(start - Duration::days(7))
        .bind(clock)
        .execute(&mut *conn)
        .await?;
        for (k, member) in members.iter().enumerate() {
            sqlx::query(
                "insert into invitation (meeting_id, user_id, created_at) values ($1, $2, $3)",
            )
            .bind(id)
            .bind(member)
            .bind(start - Duration::days(7))
            .execute(&mut *conn)
            .await?;
            // Two away on mission, one represented by a deputy, the others present.
            let (status, reason, deputy) = match (k + n) % 12 {
                5 => ("absent", Some("Công tác nước ngoài"), None),
                9 if k % 2 == 0 => ("deputy", None, Some("Thứ trưởng dự thay")),
                11 => ("remote", None, None),
                _ => ("present", None, None),
            };
            sqlx::query(
                "insert into attendance (meeting_id, user_id, status, reason, deputy_name,
                                         recorded_by, recorded_at)
                 values ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(member)
            .bind(status)
            .bind(reason)
            .bind(deputy)
            .bind(secretary)
            .bind(start)
            .execute(&mut *conn)
            .await?;
        }
    });
    for (item_id, title, item_planned, (begin, end), consent, i) in &item_rows {
        with_tx!(&mut *tx, |conn| {
            sqlx::query(
                "insert into agenda_item (id, meeting_id, position, title, planned_minutes,
                                          started_at, ended_at, consent, conclusion, concluded_at,
                                          created_at, updated_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $7, $10, $10)",
            )
            .bind(item_id)
            .bind(id)
            .bind(*i as i64 + 1)
            .bind(title)
            .bind(item_planned)
            .bind(begin)
            .bind(end)
            .bind(consent)
            .bind((!consent).then_some(
                "Chính phủ thống nhất thông qua; giao cơ quan chủ trì tiếp thu ý kiến thành viên Chính phủ, hoàn thiện và tổ chức thực hiện.",
            ))
            .bind(start - Duration::days(7))
            .execute(&mut *conn)
            .await?;
            if !consent {
                // Two members speak on each discussed item.
                let mut speech_start = *begin + Duration::minutes(3);
                for s in 0..2 {
                    let speaker = members[(i * 3 + s * 7 + n) % members.len()];
                    let length = Duration::minutes(4 + ((i + s) % 4) as i64);
                    sqlx::query(
                        "insert into speech (id, agenda_item_id, user_id, requested_at,
                                             started_at, ended_at)
                         values ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(new_id())
                    .bind(item_id)
                    .bind(speaker)
                    .bind(*begin)
                    .bind(speech_start)
                    .bind(speech_start + length)
                    .execute(&mut *conn)
                    .await?;
                    speech_start += length + Duration::minutes(1);
                }
            }
        });
        // One document per item, read beforehand on tablets by most members.
        let file = files[(i + n) % files.len()];
        let demo = pdf_for(pdfs, file)?;
        let file_name = pdf_name(file);
        let document = add_document(
            tx,
            NewDocument {
                agenda_item_id: Some(*item_id),
                ballot_id: None,
                task_id: None,
                submission_id: None,
                title: &demo.title,
                position: 0,
                file_name: &file_name,
                bytes: &demo.pdf.bytes,
                page_count: Some(i64::from(demo.pdf.page_count)),
                uploaded_by: secretary,
            },
        )
        .await?;
        with_tx!(&mut *tx, |conn| {
            let (version,): (Uuid,) =
                sqlx::query_as("select id from document_version where document_id = $1")
                    .bind(document)
                    .fetch_one(&mut *conn)
                    .await?;
            for (k, member) in members.iter().enumerate() {
                if (k + i + n) % 7 == 3 {
                    continue;
                }
                sqlx::query(
                    "insert into reading (user_id, version_id, last_page, opened_at, updated_at)
                     values ($1, $2, $3, $4, $4)",
                )
                .bind(member)
                .bind(version)
                .bind(i64::from(demo.pdf.page_count))
                .bind(start - Duration::days(2))
                .execute(&mut *conn)
                .await?;
            }
        });
    }
    Ok(())
}

/// A written ballot sent and closed in the past, answered on paper by 20 of the members
/// (entered by the Government Office), with its audit records and stored result.
async fn insert_closed_ballot(
    tx: &mut Tx,
    n: usize,
    on: NaiveDate,
    members: &[Uuid],
    chair: Option<Uuid>,
    secretary: Option<Uuid>,
) -> anyhow::Result<()> {
    let id = new_id();
    let sent = at(on, 9, 0)?;
    let deadline = sent + Duration::days(3);
    let (title, question) = [
        (
            "Dự thảo Nghị định sửa đổi Nghị định về quản lý phí, lệ phí",
            "Đề nghị các thành viên Chính phủ cho ý kiến về việc ban hành Nghị định.",
        ),
        (
            "Đề án sắp xếp đơn vị sự nghiệp công lập trực thuộc Bộ",
            "Đề nghị các thành viên Chính phủ cho ý kiến về Đề án.",
        ),
    ][n % 2];
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "insert into ballot (id, title, question, state, deadline_at, created_by, sent_at,
                                 reminder_hours, created_at, updated_at)
             values ($1, $2, $3, 'open', $4, $5, $6, '24', $6, $6)",
        )
        .bind(id)
        .bind(title)
        .bind(question)
        .bind(deadline)
        .bind(secretary)
        .bind(sent)
        .execute(&mut *conn)
        .await?;
        for member in members {
            sqlx::query("insert into ballot_eligible (ballot_id, user_id, prime_minister) values ($1, $2, $3)")
                .bind(id)
                .bind(member)
                .bind(Some(*member) == chair)
                .execute(&mut *conn)
                .await?;
        }
    });
    for (k, member) in members.iter().enumerate().take(20) {
        let (choice, text) = match k {
            3 => (Choice::Disagree, ""),
            11 => (Choice::Other, "Đề nghị bổ sung đánh giá tác động"),
            _ => (Choice::Agree, ""),
        };
        let answer = new_id();
        let hash = hex::encode(Sha256::digest(
            AnswerText {
                ballot: id,
                member: *member,
                choice,
                text,
                comment: "",
            }
            .canonical(),
        ));
        // Answers come in over two days, most within the first hours.
        let answered = sent + Duration::minutes(45 + (k as i64 * k as i64 * 17) % 2400);
        with_tx!(&mut *tx, |conn| {
            sqlx::query(
                "insert into ballot_answer (id, ballot_id, user_id, choice, other_text, comment,
                                            entered_by, answered_at, answer_sha256, request_key)
                 values ($1, $2, $3, $4, $5, null, $6, $7, $8, $9)",
            )
            .bind(answer)
            .bind(id)
            .bind(member)
            .bind(choice.as_str())
            .bind((!text.is_empty()).then_some(text))
            .bind(secretary)
            .bind(answered)
            .bind(&hash)
            .bind(format!("demo:{answer}"))
            .execute(&mut *conn)
            .await?;
        });
        app::audit::store::append_detailed(
            tx,
            secretary,
            AuditEvent::BallotPaperAnswer,
            Some(answer),
            format!("sha256={hash}"),
        )
        .await?;
    }
    app::ballots::results::close_in(tx, id, secretary)
        .await
        .map_err(|e| anyhow::anyhow!("closing the demo ballot: {e}"))?;
    with_tx!(&mut *tx, |conn| {
        sqlx::query("update ballot set closed_at = $2, updated_at = $2 where id = $1")
            .bind(id)
            .bind(deadline)
            .execute(&mut *conn)
            .await?;
    });
    Ok(())
}
