//! Reading accounts and the titles they hold.
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use crate::db::Db;
use crate::error::AppError;
use crate::identity::model::{CurrentUser, DemoUser, Role, Title};
use crate::with_db;

#[derive(sqlx::FromRow)]
struct UserRow {
    id: Uuid,
    full_name: String,
    #[sqlx(try_from = "String")]
    role: Role,
    title_vi: Option<String>,
    title_en: Option<String>,
}

impl UserRow {
    fn title(&self) -> Option<Title> {
        Title::from_columns(self.title_vi.clone(), self.title_en.clone())
    }

    fn into_current(self) -> CurrentUser {
        CurrentUser {
            title: self.title(),
            id: self.id,
            full_name: self.full_name,
            role: self.role,
        }
    }
}

/// Users with the appointment they hold on `on`, in protocol order. `$1` is the date.
const USERS_WITH_TITLES: &str = "
    select u.id, u.full_name, u.role, a.title_vi, a.title_en
    from user_account u
    left join appointment a
      on a.user_id = u.id and a.starts_on <= $1 and (a.ends_on is null or a.ends_on >= $1)
    where u.active";

/// The session whose token hashes to `token_sha256`, if it has not expired and its account
/// is active: its id, when it was last seen, and its member with their title, in one
/// statement (every request asks this).
pub async fn session_user(
    db: &Db,
    token_sha256: &str,
    now: DateTime<Utc>,
) -> Result<Option<(Uuid, DateTime<Utc>, CurrentUser)>, AppError> {
    #[derive(sqlx::FromRow)]
    struct SessionRow {
        session_id: Uuid,
        last_seen_at: DateTime<Utc>,
        #[sqlx(flatten)]
        user: UserRow,
    }
    // The users-with-titles query, joined to the session (both engines fold it into one plan:
    // session by token, account by id, appointment by account).
    static SQL: LazyLock<String> = LazyLock::new(|| {
        format!(
            "select s.id as session_id, s.last_seen_at,
                    t.id, t.full_name, t.role, t.title_vi, t.title_en
             from session s join ({USERS_WITH_TITLES}) t on t.id = s.user_id
             where s.token_sha256 = $2 and s.expires_at > $3"
        )
    });
    let row: Option<SessionRow> = with_db!(db, |pool| {
        sqlx::query_as(SQL.as_str())
            .bind(now.date_naive())
            .bind(token_sha256)
            .bind(now)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(|r| (r.session_id, r.last_seen_at, r.user.into_current())))
}

pub async fn current_user(db: &Db, id: Uuid) -> Result<Option<CurrentUser>, AppError> {
    let sql = format!("{USERS_WITH_TITLES} and u.id = $2");
    let today: NaiveDate = Utc::now().date_naive();
    let row: Option<UserRow> = with_db!(db, |pool| {
        sqlx::query_as(&sql)
            .bind(today)
            .bind(id)
            .fetch_optional(pool)
            .await
    })?;
    Ok(row.map(UserRow::into_current))
}

/// The ministry `user` serves today, by their appointment (a minister's, an officer's).
pub async fn ministry_of(db: &Db, user: Uuid) -> Result<Option<Uuid>, AppError> {
    let today = Utc::now()
        .with_timezone(&chrono_tz::Asia::Ho_Chi_Minh)
        .date_naive();
    let row: Option<(Option<Uuid>,)> = with_db!(db, |pool| {
        sqlx::query_as(
            "select ministry_id from appointment
             where user_id = $1 and ministry_id is not null and starts_on <= $2
               and (ends_on is null or ends_on >= $2)
             order by starts_on desc limit 1",
        )
        .bind(user)
        .bind(today)
        .fetch_optional(pool)
        .await
    })?;
    Ok(row.and_then(|(m,)| m))
}

/// Whether `user` holds the office of Prime Minister or Deputy Prime Minister today (protocol
/// rank below the ministers'): the leaders who read the analytics.
pub async fn is_leader(db: &Db, user: Uuid) -> Result<bool, AppError> {
    let (offices,): (i64,) = with_db!(db, |pool| {
        sqlx::query_as(
            "select count(*) from appointment
             where user_id = $1 and protocol_rank < 1000 and starts_on <= $2
               and (ends_on is null or ends_on >= $2)",
        )
        .bind(user)
        .bind(Utc::now().date_naive())
        .fetch_one(pool)
        .await
    })?;
    Ok(offices > 0)
}

/// Every active account in protocol order, for the demo sign-in page.
pub async fn demo_users(db: &Db) -> Result<Vec<DemoUser>, AppError> {
    let sql = format!(
        "{USERS_WITH_TITLES}
         order by case u.role when 'member' then 0 when 'guest' then 1
                              when 'secretariat' then 2 else 3 end,
                  coalesce(a.protocol_rank, 100000), u.full_name"
    );
    let today: NaiveDate = Utc::now().date_naive();
    let rows: Vec<UserRow> = with_db!(db, |pool| sqlx::query_as(&sql)
        .bind(today)
        .fetch_all(pool)
        .await)?;
    Ok(rows
        .into_iter()
        .map(|r| DemoUser {
            title: r.title(),
            id: r.id,
            full_name: r.full_name,
            role: r.role,
        })
        .collect())
}
