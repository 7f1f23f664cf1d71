//! The server under test: the release binary as its own process on loopback, with a fresh
//! SQLite database in a temporary directory; killed when dropped.
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

pub struct Server {
    pub child: Child,
    pub base: String,
    pub origin: String,
    pub database_url: String,
}

pub fn free_port() -> anyhow::Result<u16> {
    Ok(std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port())
}

/// Wait until `url` answers 200, polling every millisecond; the time waited.
pub async fn until_ok(url: &str, limit: Duration) -> anyhow::Result<Duration> {
    let client = reqwest::Client::new();
    let start = Instant::now();
    loop {
        if let Ok(r) = client.get(url).send().await {
            if r.status().is_success() {
                return Ok(start.elapsed());
            }
        }
        if start.elapsed() > limit {
            bail!("{url} did not answer within {limit:?}");
        }
        tokio::time::sleep(Duration::from_millis(1)).await;
    }
}

impl Server {
    /// Spawn the server on `database_url` (in `data`); `demo` loads the demo cabinet.
    pub fn spawn(bin: &Path, data: &Path, database_url: &str, demo: bool) -> anyhow::Result<Self> {
        let port = free_port()?;
        let mut command = Command::new(bin);
        command
            .args(["--database-url", database_url, "--log-format", "json"])
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .args(["--public-origin", &format!("http://localhost:{port}")])
            .arg("--data-dir")
            .arg(data)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if demo {
            command.arg("--demo");
        }
        let child = command.spawn().context("starting the server")?;
        Ok(Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            origin: format!("http://localhost:{port}"),
            database_url: database_url.to_owned(),
        })
    }

    /// A demo sign-in as `name`: the session cookie.
    pub async fn sign_in(&self, db: &app::db::Db, name: &str) -> anyhow::Result<String> {
        let (id,): (uuid::Uuid,) = app::with_db!(db, |pool| {
            sqlx::query_as("select id from user_account where full_name = $1")
                .bind(name)
                .fetch_one(pool)
                .await
        })?;
        // The sign-in answers 303 with the cookie: do not follow it.
        let response = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()?
            .post(format!("{}/demo/sign-in", self.base))
            .header("origin", &self.origin)
            .form(&[("user_id", id.to_string())])
            .send()
            .await?;
        let cookie = response
            .headers()
            .get("set-cookie")
            .context("no session cookie")?
            .to_str()?
            .split(';')
            .next()
            .unwrap_or_default()
            .to_owned();
        Ok(cookie)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
