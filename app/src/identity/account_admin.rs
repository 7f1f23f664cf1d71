//! Managing accounts: create one (or many from CSV) and ask for its one-time enrolment link,
//! ask for a fresh link for a lost device (a reset, revoking the passkeys), deactivate. The
//! links themselves are made only on a second person's approval
//! ([`crate::identity::enrolment_approval`]).
//!
//! The secretariat manages members and guests; administrators manage every account
//! ([`Role::may_manage`]). Every act is one transaction with its audit records.
use chrono::Utc;
use uuid::Uuid;

use crate::audit::event::AuditEvent;
use crate::audit::store as audit;
use crate::db::{Db, Tx};
use crate::error::{AppError, BadInput, OrInternal};
use crate::identity::enrolment_approval::request_in;
use crate::identity::model::{
    AccountRow, CurrentUser, NewAccount, RequestedEnrolment, Role, Title,
};
use crate::identity::problem::AccountProblem;
use crate::identity::protocol::Office;
use crate::ids::new_id;
use crate::live::event::LiveEvent;
use crate::state::AppState;
use crate::{with_db, with_tx};

#[derive(sqlx::FromRow)]
struct Row {
    id: Uuid,
    full_name: String,
    email: String,
    phone: Option<String>,
    #[sqlx(try_from = "String")]
    role: Role,
    title_vi: Option<String>,
    title_en: Option<String>,
    active: bool,
    passkeys: i64,
}

/// Every account, active ones first, in role and protocol order.
pub async fn list(db: &Db) -> Result<Vec<AccountRow>, AppError> {
    let today = Utc::now().date_naive();
    let rows: Vec<Row> = with_db!(db, |pool| {
        sqlx::query_as(
            "select u.id, u.full_name, u.email, u.phone, u.role, a.title_vi, a.title_en,
                    u.active,
                    (select count(*) from passkey p
                      where p.user_id = u.id and p.revoked_at is null) as passkeys
             from user_account u
             left join appointment a
               on a.user_id = u.id and a.starts_on <= $1 and (a.ends_on is null or a.ends_on >= $1)
             order by u.active desc,
                      case u.role when 'member' then 0 when 'guest' then 1
                                  when 'secretariat' then 2 else 3 end,
                      coalesce(a.protocol_rank, 100000), u.full_name",
        )
        .bind(today)
        .fetch_all(pool)
        .await
    })?;
    Ok(rows
        .into_iter()
        .map(|r| AccountRow {
            title: Title::from_columns(r.title_vi, r.title_en),
            id: r.id,
            full_name: r.full_name,
            email: r.email,
            phone: r.phone,
            role: r.role,
            active: r.active,
            passkeys: r.passkeys,
        })
        .collect())
}

/// A syntactically plausible e-mail address, lower-cased.
fn normalise_email(text: &str) -> Option<String> {
    let email = text.trim().to_lowercase();
    let (local, domain) = email.split_once('@')?;
    let plausible = !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains('@')
        && !email.chars().any(char::is_whitespace)
        && email.len() <= 254;
    plausible.then_some(email)
}

/// The checked form of a [`NewAccount`].
struct Valid {
    full_name: String,
    title: Option<String>,
    ministry: Option<String>,
    role: Role,
    email: String,
    phone: Option<String>,
}

fn validate(account: &NewAccount) -> Result<Valid, AccountProblem> {
    let full_name = account.full_name.trim();
    if full_name.is_empty() {
        return Err(AccountProblem::NameMissing);
    }
    let role = Role::parse(&account.role).ok_or(AccountProblem::RoleUnknown)?;
    let email = normalise_email(&account.email).ok_or(AccountProblem::EmailInvalid)?;
    let optional = |text: &str| {
        let text = text.trim();
        (!text.is_empty()).then(|| text.chars().take(200).collect::<String>())
    };
    Ok(Valid {
        full_name: full_name.chars().take(200).collect(),
        title: optional(&account.title),
        ministry: optional(&account.ministry).map(|m| m.to_uppercase()),
        role,
        email,
        phone: optional(&account.phone),
    })
}

/// Insert one account (and its title, when given) in `tx`.
async fn insert(
    tx: &mut Tx,
    creator: &CurrentUser,
    account: &NewAccount,
) -> Result<(Uuid, String), BadInputOr> {
    let valid = validate(account).map_err(BadInputOr::Problem)?;
    if !creator.role.may_manage(valid.role) {
        return Err(BadInputOr::App(AppError::Forbidden));
    }
    let now = Utc::now();
    let id = new_id();
    let taken: Option<(Uuid,)> = with_tx!(&mut *tx, |conn| {
        sqlx::query_as("select id from user_account where email = $1")
            .bind(&valid.email)
            .fetch_optional(&mut *conn)
            .await
            .map_err(AppError::from)?
    });
    if taken.is_some() {
        return Err(BadInputOr::Problem(AccountProblem::EmailTaken));
    }
    let ministry: Option<(Uuid, i64)> = match &valid.ministry {
        None => None,
        Some(code) => {
            let found: Option<(Uuid, i64)> = with_tx!(&mut *tx, |conn| {
                sqlx::query_as("select id, protocol_order from ministry where code = $1")
                    .bind(code)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(AppError::from)?
            });
            Some(found.ok_or(BadInputOr::Problem(AccountProblem::MinistryUnknown))?)
        }
    };
    // A member heading a ministry is placed in the ministries' order; anyone else after.
    let office = match (valid.role, ministry) {
        (Role::Member, Some((_, order))) => Office::Minister {
            ministry_order: u16::try_from(order).unwrap_or(u16::MAX),
        },
        _ => Office::Other,
    };
    with_tx!(&mut *tx, |conn| {
        sqlx::query(
            "insert into user_account
                 (id, full_name, email, phone, role, active, created_at, updated_at, created_by)
             values ($1, $2, $3, $4, $5, $8, $6, $6, $7)",
        )
        .bind(id)
        .bind(&valid.full_name)
        .bind(&valid.email)
        .bind(&valid.phone)
        .bind(valid.role.as_str())
        .bind(now)
        .bind(creator.id)
        .bind(true)
        .execute(&mut *conn)
        .await
        .map_err(AppError::from)?;
        if let Some(title) = &valid.title {
            // One title as written; the English form can be corrected later.
            sqlx::query(
                "insert into appointment (id, user_id, title_vi, title_en, ministry_id,
                                          protocol_rank, starts_on, created_at)
                 values ($1, $2, $3, $3, $4, $5, $6, $7)",
            )
            .bind(new_id())
            .bind(id)
            .bind(title)
            .bind(ministry.map(|(m, _)| m))
            .bind(office.protocol_rank())
            .bind(now.date_naive())
            .bind(now)
            .execute(&mut *conn)
            .await
            .map_err(AppError::from)?;
        }
    });
    audit::append(tx, Some(creator.id), AuditEvent::AccountCreated, Some(id))
        .await
        .map_err(AppError::from)?;
    Ok((id, valid.full_name))
}

/// A validation problem (worded per line for CSV) or any other error.
enum BadInputOr {
    Problem(AccountProblem),
    App(AppError),
}

impl From<AppError> for BadInputOr {
    fn from(err: AppError) -> Self {
        BadInputOr::App(err)
    }
}

/// Create one account and ask for its enrolment link (a second person approves it).
pub async fn create(
    state: &AppState,
    creator: &CurrentUser,
    account: &NewAccount,
) -> Result<RequestedEnrolment, AppError> {
    let mut tx = state.db.begin().await?;
    let (id, name) = match insert(&mut tx, creator, account).await {
        Ok(created) => created,
        Err(BadInputOr::Problem(p)) => return Err(AppError::BadRequest(BadInput::Account(p))),
        Err(BadInputOr::App(e)) => return Err(e),
    };
    let requested = request_in(&mut tx, creator, id, name, false).await?;
    tx.commit().await?;
    Ok(requested)
}

/// The columns of an import file, by the names people may give them.
fn column(header: &str) -> Option<usize> {
    let key = header.trim().trim_start_matches('\u{feff}').to_lowercase();
    let names: [&[&str]; 6] = [
        &["full_name", "name", "họ_tên", "họ và tên", "họ tên"],
        &["title", "chức_vụ", "chức vụ"],
        &["ministry", "mã_bộ", "mã bộ", "bộ"],
        &["role", "vai_trò", "vai trò"],
        &["email", "e-mail", "thư điện tử"],
        &["phone", "điện_thoại", "điện thoại"],
    ];
    names.iter().position(|n| n.contains(&key.as_str()))
}

/// Read an import file: a header line naming the columns, then one account per line.
pub fn parse_csv(text: &str) -> Result<Vec<NewAccount>, BadInput> {
    let unreadable = |line: u32| BadInput::CsvLine {
        line,
        problem: AccountProblem::CsvUnreadable,
    };
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| unreadable(1))?.clone();
    let positions: Vec<Option<usize>> = headers.iter().map(column).collect();
    // Name, role and e-mail are required.
    for required in [0, 3, 4] {
        if !positions.contains(&Some(required)) {
            return Err(unreadable(1));
        }
    }
    let mut accounts = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let line = u32::try_from(index + 2).unwrap_or(u32::MAX);
        let record = record.map_err(|_| unreadable(line))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let mut fields: [String; 6] = Default::default();
        for (value, position) in record.iter().zip(&positions) {
            if let Some(p) = position {
                fields[*p] = value.to_owned();
            }
        }
        let [full_name, title, ministry, role, email, phone] = fields;
        accounts.push(NewAccount {
            full_name,
            title,
            ministry,
            role,
            email,
            phone,
        });
    }
    if accounts.is_empty() {
        return Err(BadInput::CsvLine {
            line: 2,
            problem: AccountProblem::CsvEmpty,
        });
    }
    Ok(accounts)
}

/// Create every account of a CSV file, or none: the first bad line is reported. Each
/// account's link waits for a second person's approval.
pub async fn import_csv(
    state: &AppState,
    creator: &CurrentUser,
    text: &str,
) -> Result<Vec<RequestedEnrolment>, AppError> {
    let accounts = parse_csv(text).map_err(AppError::BadRequest)?;
    let mut tx = state.db.begin().await?;
    let mut issued = Vec::with_capacity(accounts.len());
    for (index, account) in accounts.iter().enumerate() {
        let line = u32::try_from(index + 2).unwrap_or(u32::MAX);
        match insert(&mut tx, creator, account).await {
            Ok((id, name)) => issued.push(request_in(&mut tx, creator, id, name, false).await?),
            Err(BadInputOr::Problem(problem)) => {
                tx.rollback().await?;
                return Err(AppError::BadRequest(BadInput::CsvLine { line, problem }));
            }
            Err(BadInputOr::App(e)) => {
                tx.rollback().await?;
                return Err(e);
            }
        }
    }
    tx.commit().await?;
    Ok(issued)
}

/// The role, name and state of an account the actor may manage; `NotFound` otherwise.
async fn managed(
    tx: &mut Tx,
    actor: &CurrentUser,
    user_id: Uuid,
) -> Result<(String, bool), AppError> {
    let row: Option<(String, String, bool)> = with_tx!(&mut *tx, |conn| {
        sqlx::query_as("select role, full_name, active from user_account where id = $1")
            .bind(user_id)
            .fetch_optional(&mut *conn)
            .await?
    });
    let (role, name, active) = row.ok_or(AppError::NotFound)?;
    let role = Role::try_from(role).or_internal()?;
    if !actor.role.may_manage(role) {
        return Err(AppError::Forbidden);
    }
    Ok((name, active))
}

/// Ask for a fresh enrolment link for a lost or new device. With `revoke_others` it is a
/// reset: once a second person approves, every passkey of the account is revoked (kept,
/// marked) and its sessions end. Without it, only for an account with no passkey in use: one
/// that has one adds the new device with it.
pub async fn reissue_link(
    state: &AppState,
    actor: &CurrentUser,
    user_id: Uuid,
    revoke_others: bool,
) -> Result<RequestedEnrolment, AppError> {
    let mut tx = state.db.begin().await?;
    let (name, active) = managed(&mut tx, actor, user_id).await?;
    if !active {
        return Err(AppError::BadRequest(BadInput::EnrolmentLink));
    }
    if !revoke_others {
        let (in_use,): (i64,) = with_tx!(&mut tx, |conn| {
            sqlx::query_as("select count(*) from passkey where user_id = $1 and revoked_at is null")
                .bind(user_id)
                .fetch_one(&mut *conn)
                .await?
        });
        if in_use > 0 {
            return Err(AppError::BadRequest(BadInput::Account(
                AccountProblem::HasPasskeys,
            )));
        }
    }
    let requested = request_in(&mut tx, actor, user_id, name, revoke_others).await?;
    tx.commit().await?;
    Ok(requested)
}

/// Deactivate an account (administrators only): it can no longer sign in, its sessions end
/// at once and its open pages are told to drop what they show.
pub async fn deactivate(
    state: &AppState,
    actor: &CurrentUser,
    user_id: Uuid,
) -> Result<(), AppError> {
    if actor.role != Role::Admin || actor.id == user_id {
        return Err(AppError::Forbidden);
    }
    let mut tx = state.db.begin().await?;
    let (_, active) = managed(&mut tx, actor, user_id).await?;
    if active {
        let now = Utc::now();
        with_tx!(&mut tx, |conn| {
            sqlx::query(
                "update user_account set active = $3, deactivated_at = $1, updated_at = $1
                 where id = $2",
            )
            .bind(now)
            .bind(user_id)
            .bind(false)
            .execute(&mut *conn)
            .await?;
        });
        crate::identity::session::end_all_in(&mut tx, user_id, None).await?;
        audit::append(
            &mut tx,
            Some(actor.id),
            AuditEvent::AccountDeactivated,
            Some(user_id),
        )
        .await?;
    }
    tx.commit().await?;
    state
        .live
        .publish(&state.db, LiveEvent::SessionsEnded { user_id })
        .await;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_columns_may_be_named_in_vietnamese_or_english_in_any_order() {
        let text = "vai_trò,họ_tên,email,mã_bộ,chức_vụ\n\
                    thành viên,Nguyễn Văn An,An@Example.gov.vn,BTC,Bộ trưởng Bộ Tài chính\n\
                    \n\
                    khách mời,Trần Thị Bình,binh@example.gov.vn,,\n";
        let accounts = parse_csv(text).unwrap();
        assert_eq!(accounts.len(), 2);
        assert_eq!(accounts[0].full_name, "Nguyễn Văn An");
        assert_eq!(accounts[0].role, "thành viên");
        assert_eq!(accounts[0].email, "An@Example.gov.vn");
        assert_eq!(accounts[0].ministry, "BTC");
        assert_eq!(accounts[0].title, "Bộ trưởng Bộ Tài chính");
        assert_eq!(accounts[1].ministry, "");
        assert_eq!(accounts[1].phone, "");
    }

    #[test]
    fn a_file_without_the_required_columns_is_refused_at_line_one() {
        assert_eq!(
            parse_csv("name,title\nA,B\n"),
            Err(BadInput::CsvLine {
                line: 1,
                problem: AccountProblem::CsvUnreadable
            })
        );
        assert_eq!(
            parse_csv("full_name,role,email\n"),
            Err(BadInput::CsvLine {
                line: 2,
                problem: AccountProblem::CsvEmpty
            })
        );
    }

    #[test]
    fn e_mail_addresses_are_checked_and_lower_cased() {
        assert_eq!(
            normalise_email(" Le.Van@Mof.gov.vn "),
            Some("le.van@mof.gov.vn".to_owned())
        );
        for bad in [
            "",
            "a@b",
            "@mof.gov.vn",
            "a b@mof.gov.vn",
            "a@mof.gov.vn.",
            "a@@b.vn",
        ] {
            assert_eq!(normalise_email(bad), None, "{bad}");
        }
    }
}
