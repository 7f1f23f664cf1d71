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
        Self::spawn_with(bin, data, database_url, demo, None, None)
    }

    /// A second node of `first`: the same database and the same public origin (as behind one
    /// load balancer), its own port.
    pub fn spawn_beside(bin: &Path, data: &Path, first: &Server) -> anyhow::Result<Self> {
        Self::spawn_with(
            bin,
            data,
            &first.database_url,
            true,
            None,
            Some(&first.origin),
        )
    }

    /// Spawn the demo server serving the built site (the WASM bundle, scripts, styles) from
    /// `site`.
    pub fn spawn_site(
        bin: &Path,
        data: &Path,
        database_url: &str,
        site: &Path,
    ) -> anyhow::Result<Self> {
        Self::spawn_with(bin, data, database_url, true, Some(site), None)
    }

    fn spawn_with(
        bin: &Path,
        data: &Path,
        database_url: &str,
        demo: bool,
        site: Option<&Path>,
        origin: Option<&str>,
    ) -> anyhow::Result<Self> {
        let port = free_port()?;
        let origin = origin.map_or_else(|| format!("http://localhost:{port}"), str::to_owned);
        let mut command = Command::new(bin);
        command
            .args(["--database-url", database_url, "--log-format", "json"])
            .args(["--bind", &format!("127.0.0.1:{port}")])
            .args(["--public-origin", &origin])
            // Like a reverse proxy in front: each simulated tablet has an address of its own
            // (`X-Forwarded-For`), so per-address sign-in limits apply to each, not to all.
            .args(["--trusted-proxies", "127.0.0.1"])
            .arg("--data-dir")
            .arg(data)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        if demo {
            command.arg("--demo");
        } else {
            // Outside demo mode the server needs an audit key from a file to start.
            let key = data.join("audit.key");
            std::fs::write(&key, "a benchmark audit key, 32 bytes or more")?;
            command.arg("--audit-key-file").arg(key);
        }
        if let Some(site) = site {
            command.arg("--site-root").arg(site);
        }
        let child = command.spawn().context("starting the server")?;
        Ok(Server {
            child,
            base: format!("http://127.0.0.1:{port}"),
            origin,
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
