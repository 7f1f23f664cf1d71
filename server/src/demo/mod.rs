//! Demo mode: a realistic but fictional Vietnamese cabinet, loaded once into an empty
//! database (idempotent: a second start, or a second node, finds it and does nothing).
pub mod cabinet;
pub mod history;
pub mod officers;
pub mod plan;
pub mod sign_in;
pub mod tasks;
pub mod texts;

use std::collections::HashMap;

use chrono::{DateTime, Days, NaiveDate, TimeZone, Utc};
use chrono_tz::Asia::Ho_Chi_Minh;
use uuid::Uuid;

use app::db::{Db, Tx};
use app::documents::pdf_writer::{render, RenderedPdf};
use app::documents::store::{add_document, NewDocument};
use app::identity::model::Role;
use app::ids::new_id;
use app::with_tx;

use self::cabinet::{MINISTRIES, PEOPLE};
use self::officers::OFFICERS;
use self::plan::{PlannedMeeting, OPEN_BALLOT, REGULAR_SESSION, THEMATIC_SESSION};

/// The day the demo appointments begin.
const TERM_START: (i32, u32, u32) = (2026, 4, 8);
const DEMO_MARKER: &str = "demo_data_loaded_at";

#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Loaded {
        people: usize,
        meetings: usize,
        documents: usize,
        /// Paper-era meetings and past e-Cabinet meetings, with `--demo-history`.
        history: (usize, usize),
    },
    AlreadyPresent,
}

/// A demo document rendered to PDF.
pub struct DemoPdf {
    pub title: String,
    pub pdf: RenderedPdf,
}

/// Render every demo document (the same writer as minutes export).
pub fn render_documents() -> anyhow::Result<HashMap<&'static str, DemoPdf>> {
    let mut out = HashMap::new();
    for (file, source) in texts::DOCUMENTS {
        let doc = texts::parse(source).map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
        let pdf = render(&doc)?;
        out.insert(
            *file,
            DemoPdf {
                title: doc.title,
                pdf,
            },
        );
    }
    Ok(out)
}

/// Load the demo data unless it is already there. Everything goes in one transaction.
pub async fn seed(db: &Db, with_history: bool) -> anyhow::Result<SeedOutcome> {
    let pdfs = tokio::task::spawn_blocking(render_documents).await??;
    let now = Utc::now();
    let mut tx = db.begin().await?;
    // Claim the seeding first: a concurrent node blocks here, then finds the marker.
    let claimed = with_tx!(&mut tx, |conn| {
        sqlx::query(
            "insert into setting (key, value, updated_at) values ($1, $2, $3)
             on conflict (key) do nothing",
        )
        .bind(DEMO_MARKER)
        .bind(now.to_rfc3339())
        .bind(now)
        .execute(&mut *conn)
        .await?
        .rows_affected()
    });
    if claimed == 0 {
        return Ok(SeedOutcome::AlreadyPresent);
    }
    let ministries = insert_ministries(&mut tx, now).await?;
    let people = insert_people(&mut tx, &ministries, now).await?;
    let mut documents = 0;
    for meeting in [&REGULAR_SESSION, &THEMATIC_SESSION] {
        documents += insert_meeting(&mut tx, meeting, &ministries, &people, &pdfs, now).await?;
    }
    documents += insert_ballot(&mut tx, &people, &pdfs, now).await?;
    let history = if with_history {
        let history = history::insert(&mut tx, &people, &pdfs, now).await?;
        tasks::insert(&mut tx, &ministries, &people, now).await?;
        history
    } else {
        (0, 0)
    };
    tx.commit().await?;
    Ok(SeedOutcome::Loaded {
        people: people.len(),
        meetings: 2,
        documents,
        history,
    })
}

/// Demo mode: a fresh enrolment link for every active account, logged and written to
/// `demo-enrolment-links.txt` in the data directory, so a real passkey can be tried too.
pub async fn enrolment_links(db: &Db, config: &crate::config::Config) -> anyhow::Result<()> {
    let people: Vec<(Uuid, String)> = app::with_db!(db, |pool| {
        sqlx::query_as("select id, full_name from user_account where active order by full_name")
            .fetch_all(pool)
            .await
    })?;
    let origin = config.public_origin.trim_end_matches('/');
    let mut lines = String::new();
    for (id, name) in people {
        let token = app::identity::passkeys::create_enrolment(db, id, None)
            .await
            .map_err(|e| anyhow::anyhow!("enrolment link: {e}"))?;
        lines.push_str(&format!("{name}\t{origin}/enrol/{token}\n"));
    }
    std::fs::create_dir_all(&config.data_dir)?;
    let path = config.data_dir.join("demo-enrolment-links.txt");
    std::fs::write(&path, &lines)?;
    tracing::info!(file = %path.display(), "demo enrolment links (valid 72 h):\n{lines}");
    Ok(())
}

/// Hà Nội local time `in_days` from today at `hour`:00, as UTC.
fn local_time(now: DateTime<Utc>, in_days: i64, hour: u32) -> anyhow::Result<DateTime<Utc>> {
    let today = now.with_timezone(&Ho_Chi_Minh).date_naive();
    let day = today
        .checked_add_days(Days::new(u64::try_from(in_days)?))
        .ok_or_else(|| anyhow::anyhow!("date out of range"))?;
    let local = day
        .and_hms_opt(hour, 0, 0)
        .ok_or_else(|| anyhow::anyhow!("bad hour"))?;
    Ho_Chi_Minh
        .from_local_datetime(&local)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| anyhow::anyhow!("ambiguous local time"))
}

async fn insert_ministries(
    tx: &mut Tx,
    now: DateTime<Utc>,
) -> anyhow::Result<HashMap<&'static str, Uuid>> {
    let mut ids = HashMap::new();
    for (index, ministry) in MINISTRIES.iter().enumerate() {
        let id = new_id();
        with_tx!(&mut *tx, |conn| {
            sqlx::query(
                "insert into ministry (id, code, name_vi, name_en, protocol_order, created_at)
                 values ($1, $2, $3, $4, $5, $6)",
            )
            .bind(id)
            .bind(ministry.code)
            .bind(ministry.name_vi)
            .bind(ministry.name_en)
            .bind(i64::try_from(index)? + 1)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        });
        ids.insert(ministry.code, id);
    }
    Ok(ids)
}

/// Accounts and their appointments; returns ids by `email_local`.
async fn insert_people(
    tx: &mut Tx,
    ministries: &HashMap<&'static str, Uuid>,
    now: DateTime<Utc>,
) -> anyhow::Result<HashMap<&'static str, (Uuid, Role)>> {
    let term_start = NaiveDate::from_ymd_opt(TERM_START.0, TERM_START.1, TERM_START.2)
        .ok_or_else(|| anyhow::anyhow!("bad term start"))?;
    let mut ids = HashMap::new();
    for (index, person) in PEOPLE.iter().chain(OFFICERS).enumerate() {
        let id = new_id();
        let ministry_id = person
            .ministry
            .and_then(|code| ministries.get(code).copied());
        with_tx!(&mut *tx, |conn| {
            sqlx::query(
                "insert into user_account (id, full_name, email, phone, role, active, created_at, updated_at)
                 values ($1, $2, $3, $4, $5, true, $6, $6)",
            )
            .bind(id)
            .bind(person.full_name)
            .bind(format!("{}@chinhphu.example", person.email_local))
            .bind(format!("+84 24 3800 {:04}", 1000 + index))
            .bind(person.role.as_str())
            .bind(now)
            .execute(&mut *conn)
            .await?;
            sqlx::query(
                "insert into appointment
                     (id, user_id, title_vi, title_en, ministry_id, protocol_rank, starts_on, created_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(new_id())
            .bind(id)
            .bind(person.title_vi)
            .bind(person.title_en)
            .bind(ministry_id)
            .bind(person.office.protocol_rank())
            .bind(term_start)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        });
        ids.insert(person.email_local, (id, person.role));
    }
    Ok(ids)
}

fn by_role(people: &HashMap<&'static str, (Uuid, Role)>, role: Role) -> Vec<Uuid> {
    let mut ids: Vec<Uuid> = people
        .values()
        .filter(|(_, r)| *r == role)
        .map(|(id, _)| *id)
        .collect();
    ids.sort();
    ids
}

fn pdf_for<'a>(
    pdfs: &'a HashMap<&'static str, DemoPdf>,
    file: &str,
) -> anyhow::Result<&'a DemoPdf> {
    pdfs.get(file)
        .ok_or_else(|| anyhow::anyhow!("demo document {file} missing"))
}

fn pdf_name(file: &str) -> String {
    format!("{}.pdf", file.trim_end_matches(".txt"))
}

/// A meeting with its items, documents, invitations and guests; returns the documents added.
async fn insert_meeting(
    tx: &mut Tx,
    plan: &PlannedMeeting,
    ministries: &HashMap<&'static str, Uuid>,
    people: &HashMap<&'static str, (Uuid, Role)>,
    pdfs: &HashMap<&'static str, DemoPdf>,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let id = new_id();
    let starts_at = local_time(now, plan.in_days, plan.start_hour)?;
    let chair = people.get("vd.khiem").map(|(id, _)| *id);
    let secretary = people.get("tt.hanh").map(|(id, _)| *id);
    let state = if plan.published { "published" } else { "draft" };
    let published_at = plan.published.then_some(now);
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "insert into meeting (id, kind, title, starts_at, planned_minutes, place, online,
                                  time_zone, state, chair_id, created_by, published_at,
                                  created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, false, 'Asia/Ho_Chi_Minh', $7, $8, $9, $10, $11, $11)",
        )
        .bind(id)
        .bind(plan.kind.as_str())
        .bind(plan.title)
        .bind(starts_at)
        .bind(plan.planned_minutes)
        .bind(plan.place)
        .bind(state)
        .bind(chair)
        .bind(secretary)
        .bind(published_at)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        for member in by_role(people, Role::Member) {
            sqlx::query(
                "insert into invitation (meeting_id, user_id, created_at) values ($1, $2, $3)",
            )
            .bind(id)
            .bind(member)
            .bind(now)
            .execute(&mut *conn)
            .await?;
        }
    });
    let mut documents = 0;
    for (position, item) in plan.items.iter().enumerate() {
        let item_id = new_id();
        let presenter = item
            .presenter
            .and_then(|code| ministries.get(code).copied());
        with_tx!(&mut *tx, |conn| {
            sqlx::query(
                "insert into agenda_item (id, meeting_id, position, title, presenter_ministry_id,
                                          planned_minutes, created_at, updated_at)
                 values ($1, $2, $3, $4, $5, $6, $7, $7)",
            )
            .bind(item_id)
            .bind(id)
            .bind(i64::try_from(position)? + 1)
            .bind(item.title)
            .bind(presenter)
            .bind(item.minutes)
            .bind(now)
            .execute(&mut *conn)
            .await?;
            for guest in item.guests {
                let (guest_id, _) = people
                    .get(guest)
                    .ok_or_else(|| anyhow::anyhow!("unknown guest {guest}"))?;
                sqlx::query(
                    "insert into item_guest (agenda_item_id, user_id, created_at) values ($1, $2, $3)",
                )
                .bind(item_id)
                .bind(*guest_id)
                .bind(now)
                .execute(&mut *conn)
                .await?;
            }
        });
        for (doc_position, file) in item.documents.iter().enumerate() {
            let demo = pdf_for(pdfs, file)?;
            let file_name = pdf_name(file);
            add_document(
                tx,
                NewDocument {
                    agenda_item_id: Some(item_id),
                    ballot_id: None,
                    task_id: None,
                    submission_id: None,
                    title: &demo.title,
                    position: i64::try_from(doc_position)?,
                    file_name: &file_name,
                    bytes: &demo.pdf.bytes,
                    page_count: Some(i64::from(demo.pdf.page_count)),
                    uploaded_by: secretary,
                },
            )
            .await?;
            documents += 1;
        }
    }
    Ok(documents)
}

/// The open written-opinion ballot, sent to every Government member.
async fn insert_ballot(
    tx: &mut Tx,
    people: &HashMap<&'static str, (Uuid, Role)>,
    pdfs: &HashMap<&'static str, DemoPdf>,
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let plan = &OPEN_BALLOT;
    let id = new_id();
    let deadline = local_time(now, plan.deadline_in_days, plan.deadline_hour)?;
    let secretary = people.get("tt.hanh").map(|(id, _)| *id);
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "insert into ballot (id, title, question, state, deadline_at, created_by, sent_at,
                                 created_at, updated_at)
             values ($1, $2, $3, 'open', $4, $5, $6, $6, $6)",
        )
        .bind(id)
        .bind(plan.title)
        .bind(plan.question)
        .bind(deadline)
        .bind(secretary)
        .bind(now)
        .execute(&mut *conn)
        .await?;
        for member in by_role(people, Role::Member) {
            sqlx::query("insert into ballot_eligible (ballot_id, user_id) values ($1, $2)")
                .bind(id)
                .bind(member)
                .execute(&mut *conn)
                .await?;
        }
        // The Prime Minister's answer decides a tie (as `ballots::editing::send` marks it).
        sqlx::query(
            "update ballot_eligible set prime_minister = exists(
                 select 1 from appointment a where a.user_id = ballot_eligible.user_id
                   and a.protocol_rank = 0 and a.ends_on is null)
             where ballot_id = $1",
        )
        .bind(id)
        .execute(&mut *conn)
        .await?;
    });
    for (position, file) in plan.documents.iter().enumerate() {
        let demo = pdf_for(pdfs, file)?;
        let file_name = pdf_name(file);
        add_document(
            tx,
            NewDocument {
                agenda_item_id: None,
                ballot_id: Some(id),
                task_id: None,
                submission_id: None,
                title: &demo.title,
                position: i64::try_from(position)?,
                file_name: &file_name,
                bytes: &demo.pdf.bytes,
                page_count: Some(i64::from(demo.pdf.page_count)),
                uploaded_by: secretary,
            },
        )
        .await?;
    }
    Ok(plan.documents.len())
}
