//! Storage: one SQLite file by default, PostgreSQL for deployments with several app nodes.
//!
//! SQL is written once where the engines agree (`$1` parameters, `RETURNING`, `ON CONFLICT`) and
//! run through [`with_db!`], which type-checks the same body against each engine's pool. Only
//! what differs lives per engine: the migrations (`migrations/sqlite`, `migrations/postgres`)
//! and, later, full-text search and cross-node notifications.
pub mod params;

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};

static SQLITE_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/sqlite");
static POSTGRES_MIGRATIONS: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// A connection pool on one of the two engines. Cloning is cheap (pools are shared handles).
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

/// Run `$body` with `$pool` bound to the engine's pool; the body is compiled once per engine.
#[macro_export]
macro_rules! with_db {
    ($db:expr, |$pool:ident| $body:expr) => {
        match $db {
            $crate::db::Db::Sqlite($pool) => $body,
            $crate::db::Db::Postgres($pool) => $body,
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of_url(url: &str) -> Option<Engine> {
        if url.starts_with("sqlite:") {
            Some(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Engine::Postgres)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Engine::Sqlite => "sqlite",
            Engine::Postgres => "postgres",
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("unsupported database URL (expected sqlite:… or postgres://…)")]
    UnsupportedUrl,
    #[error(transparent)]
    Sqlx(#[from] sqlx::Error),
    #[error(transparent)]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("rows name missing parents after the migrations ({0} of them)")]
    ForeignKeys(usize),
}

impl Db {
    /// Connect to `url`. SQLite files are created when missing and opened with WAL and
    /// `synchronous=FULL`: an acknowledged write survives power loss.
    pub async fn connect(url: &str, max_connections: u32) -> Result<Db, DbError> {
        match Engine::of_url(url).ok_or(DbError::UnsupportedUrl)? {
            Engine::Sqlite => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5));
                let pool = SqlitePoolOptions::new()
                    .max_connections(max_connections)
                    .connect_with(options)
                    .await?;
                Ok(Db::Sqlite(pool))
            }
            Engine::Postgres => {
                let options = PgConnectOptions::from_str(url)?.application_name("ecabinet");
                // Every connection is opened at start and kept: a burst of requests (a
                // thousand answers at once) would otherwise wait for new connections, each a
                // new server process on PostgreSQL.
                let pool = PgPoolOptions::new()
                    .max_connections(max_connections)
                    .min_connections(max_connections)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub fn engine(&self) -> Engine {
        match self {
            Db::Sqlite(_) => Engine::Sqlite,
            Db::Postgres(_) => Engine::Postgres,
        }
    }

    fn migrator(&self) -> &'static sqlx::migrate::Migrator {
        match self {
            Db::Sqlite(_) => &SQLITE_MIGRATIONS,
            Db::Postgres(_) => &POSTGRES_MIGRATIONS,
        }
    }

    /// Apply the embedded migrations of this engine that are not applied yet.
    pub async fn migrate(&self) -> Result<(), DbError> {
        let migrator = self.migrator();
        match self {
            // On a connection of its own with foreign keys off, as SQLite asks of a table
            // rebuilt to change a constraint (0018): sqlx runs each migration in a
            // transaction, where the pragma cannot be changed. Checked after: a row naming a
            // parent that is gone fails the start.
            Db::Sqlite(pool) => {
                let options = (*pool.connect_options()).clone().foreign_keys(false);
                let mut conn = sqlx::ConnectOptions::connect(&options).await?;
                migrator.run(&mut conn).await?;
                let broken = sqlx::query("pragma foreign_key_check")
                    .fetch_all(&mut conn)
                    .await?;
                sqlx::Connection::close(conn).await?;
                if !broken.is_empty() {
                    return Err(DbError::ForeignKeys(broken.len()));
                }
            }
            Db::Postgres(pool) => migrator.run(pool).await?,
        }
        Ok(())
    }

    /// True when the database answers and every embedded migration has been applied.
    pub async fn is_ready(&self) -> bool {
        let applied: Result<Vec<(i64,)>, sqlx::Error> = with_db!(self, |pool| {
            sqlx::query_as("select version from _sqlx_migrations where success")
                .fetch_all(pool)
                .await
        });
        match applied {
            Ok(rows) => self
                .migrator()
                .iter()
                .all(|m| rows.iter().any(|(v,)| *v == m.version)),
            Err(_) => false,
        }
    }

    pub async fn close(&self) {
        with_db!(self, |pool| pool.close().await)
    }
}

/// An open transaction on either engine. Every write is one transaction: begin with
/// [`Db::begin`], run statements through [`with_tx!`], then [`Tx::commit`].
pub enum Tx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// Run `$body` with `$conn` bound to the transaction's connection (reborrow it as
/// `&mut *$conn` for each statement); compiled once per engine.
#[macro_export]
macro_rules! with_tx {
    ($tx:expr, |$conn:ident| $body:expr) => {
        match $tx {
            $crate::db::Tx::Sqlite(tx) => {
                let $conn: &mut sqlx::SqliteConnection = &mut *tx;
                $body
            }
            $crate::db::Tx::Postgres(tx) => {
                let $conn: &mut sqlx::PgConnection = &mut *tx;
                $body
            }
        }
    };
}

impl Db {
    /// Begin a write transaction. On SQLite it takes the write lock at once (`IMMEDIATE`):
    /// a transaction that reads and then writes can otherwise fail with SQLITE_BUSY when
    /// another writer commits in between.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        Ok(match self {
            Db::Sqlite(pool) => Tx::Sqlite(pool.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }
}

impl Tx {
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.commit().await,
            Tx::Postgres(tx) => tx.commit().await,
        }
    }

    /// Roll back now (dropping a transaction also rolls back, but only when its connection
    /// is next used; an explicit rollback releases SQLite's write lock at once).
    pub async fn rollback(self) -> Result<(), sqlx::Error> {
        match self {
            Tx::Sqlite(tx) => tx.rollback().await,
            Tx::Postgres(tx) => tx.rollback().await,
        }
    }
}
