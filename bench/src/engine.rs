//! The two storage engines a figure runs on: a fresh database for each server started.
use std::future::Future;
use std::path::Path;

use anyhow::Context;

use sqlx::Connection;

#[derive(Clone)]
pub enum Engine {
    Sqlite,
    /// A PostgreSQL server, by the URL of a database to connect to for `create database`.
    Postgres(String),
}

impl Engine {
    pub fn name(&self) -> &'static str {
        match self {
            Engine::Sqlite => "SQLite",
            Engine::Postgres(_) => "PostgreSQL",
        }
    }

    /// The URL of a new, empty database (a file in `dir` for SQLite).
    pub async fn fresh(&self, dir: &Path) -> anyhow::Result<String> {
        match self {
            Engine::Sqlite => Ok(format!("sqlite://{}/ecabinet.db", dir.display())),
            Engine::Postgres(admin) => {
                let name = format!("bench_{}", uuid::Uuid::new_v4().simple());
                let mut conn = sqlx::PgConnection::connect(admin).await?;
                sqlx::query(&format!("create database {name}"))
                    .execute(&mut conn)
                    .await?;
                let base = admin.rsplit_once('/').map_or(admin.as_str(), |(b, _)| b);
                Ok(format!("{base}/{name}"))
            }
        }
    }
}

/// The rows of a figure measured on each engine in turn.
pub async fn on_each<'a, F, Fut>(
    engines: &'a [Engine],
    figure: &str,
    mut measure: F,
) -> anyhow::Result<Vec<String>>
where
    F: FnMut(&'a Engine) -> Fut,
    Fut: Future<Output = anyhow::Result<Vec<String>>>,
{
    let mut rows = Vec::new();
    for engine in engines {
        rows.extend(
            measure(engine)
                .await
                .with_context(|| format!("{figure} on {}", engine.name()))?,
        );
    }
    Ok(rows)
}
