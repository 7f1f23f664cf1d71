//! Every setting, as a command-line flag and an environment variable (`--help` explains each).
use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Debug, Clone, Parser)]
#[command(
    name = "ecabinet",
    version,
    about = "e-Cabinet: the Government's paperless meeting system",
    long_about = "e-Cabinet serves the agenda, documents, positions, ballots and live meetings of a \
                  cabinet. Every setting can be given as a flag or an environment variable."
)]
pub struct Config {
    /// Database URL. `sqlite:…` (the embedded default) or `postgres://…` for deployments with
    /// several app nodes. Default: a SQLite file `ecabinet.db` in the data directory.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,

    /// Directory for the default SQLite database and other local files.
    #[arg(long, env = "ECAB_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,

    /// Largest number of database connections this node opens.
    #[arg(long, env = "ECAB_DB_MAX_CONNECTIONS", default_value_t = 16)]
    pub db_max_connections: u32,

    /// Address and port to listen on.
    #[arg(long, env = "ECAB_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,

    /// The origin users reach this site at (scheme, host, port). State-changing requests must
    /// come from it, and its host is the passkey relying-party id.
    #[arg(
        long,
        env = "ECAB_PUBLIC_ORIGIN",
        default_value = "http://localhost:3000"
    )]
    pub public_origin: String,

    /// PEM certificate chain. With --tls-key, the server speaks HTTPS itself (rustls):
    /// a tablet on the network needs HTTPS for passkeys.
    #[arg(long, env = "ECAB_TLS_CERT", requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,

    /// PEM private key for --tls-cert.
    #[arg(long, env = "ECAB_TLS_KEY", requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,

    /// Log format: human-readable text or one JSON object per line.
    #[arg(long, env = "ECAB_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,

    /// Demo mode: load fictional demo data and offer the demo sign-in. Never in production.
    #[arg(long, env = "ECAB_DEMO", default_value_t = false)]
    pub demo: bool,

    /// With `--demo`: also load a history — two years of paper-era meetings (the savings
    /// baseline), five months of e-Cabinet meetings and two answered ballots.
    #[arg(long, env = "ECAB_DEMO_HISTORY", default_value_t = false)]
    pub demo_history: bool,

    /// Where the compiled site (WASM, JS, CSS) is; cargo-leptos writes it to target/site.
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: String,

    /// Hours a session lasts after sign-in.
    #[arg(long, env = "ECAB_SESSION_HOURS", default_value_t = 12)]
    pub session_hours: u32,

    /// Minutes without a request after which a session locks (a passkey unlocks it again,
    /// on the same page).
    #[arg(long, env = "ECAB_SESSION_IDLE_MINUTES", default_value_t = 30)]
    pub session_idle_minutes: u32,

    /// Reverse proxies whose `X-Forwarded-For` is believed (comma-separated addresses).
    /// Rate limits count per client address; without a trusted proxy the peer address is
    /// used, so a forged header changes nothing.
    #[arg(long, env = "ECAB_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,

    /// Seconds a PDF may take to be read (in a child process) before it is stopped and its
    /// text marked "not available".
    #[arg(long, env = "ECAB_EXTRACT_TIMEOUT_SECS", default_value_t = 20)]
    pub extract_timeout_secs: u64,

    /// The largest document upload accepted, in MiB.
    #[arg(long, env = "ECAB_MAX_UPLOAD_MB", default_value_t = 100)]
    pub max_upload_mb: u64,

    /// Memory (MiB) the PDF-reading child process may use.
    #[arg(long, env = "ECAB_EXTRACT_MEMORY_MB", default_value_t = 1024)]
    pub extract_memory_mb: u64,

    /// The program run (as `<program> pdf-child …`) to read PDFs; normally this executable.
    #[arg(long, env = "ECAB_EXTRACTOR")]
    pub extractor: Option<PathBuf>,

    /// Secret key (any text, 32+ random characters) that signs the audit checkpoints.
    /// Without it no checkpoints are written (demo mode makes one in the data directory).
    #[arg(long, env = "ECAB_AUDIT_KEY", hide_env_values = true)]
    pub audit_key: Option<String>,

    /// File the signed audit checkpoints are appended to; keep it outside the database's
    /// reach (another disk, a log shipper). Default: audit-checkpoints.jsonl in the data dir.
    #[arg(long, env = "ECAB_AUDIT_CHECKPOINT_FILE")]
    pub audit_checkpoint_file: Option<PathBuf>,

    /// Seconds between audit checkpoints (one is also written at shutdown).
    #[arg(long, env = "ECAB_AUDIT_CHECKPOINT_SECS", default_value_t = 300)]
    pub audit_checkpoint_secs: u64,

    /// SMTP server for e-mail notices (publication, postponement, …), e.g.
    /// `smtps://user:pass@mail.example.vn` or `smtp://relay.internal:25?tls=required`.
    /// Without it notices are in the app only.
    #[arg(long, env = "ECAB_SMTP_URL", hide_env_values = true)]
    pub smtp_url: Option<String>,

    /// The From: address of e-mail notices.
    #[arg(
        long,
        env = "ECAB_MAIL_FROM",
        default_value = "e-Cabinet <e-cabinet@localhost>"
    )]
    pub mail_from: String,

    /// How often ballots are checked for their deadline (closing them) and reminders.
    #[arg(long, env = "ECAB_BALLOT_TICK_SECS", default_value_t = 15)]
    pub ballot_tick_secs: u64,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Clone, Subcommand)]
pub enum Command {
    /// Serve the site (the default).
    Serve,
    /// Apply database migrations and exit.
    Migrate,
    /// Re-check the audit chain and its checkpoints; name the first broken record.
    /// Exits 0 when intact, 1 when broken.
    VerifyAudit,
    /// Re-check every ballot answer (hash, passkey signature, eligibility, audit record) and
    /// recompute every closed ballot's tally. Exits 0 when all hold, 1 otherwise.
    VerifyBallots,
    /// (Internal) read one PDF from stdin with limits; run by the server, not by people.
    #[command(hide = true)]
    PdfChild {
        #[arg(long, value_enum)]
        task: crate::documents::pdf_child::Task,
        #[arg(long)]
        memory_mb: u64,
        #[arg(long)]
        cpu_secs: u64,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

impl Config {
    /// The database URL in effect: the configured one, or the SQLite file in the data dir.
    pub fn database_url(&self) -> String {
        match &self.database_url {
            Some(url) => url.clone(),
            None => format!("sqlite://{}", self.data_dir.join("ecabinet.db").display()),
        }
    }

    pub fn audit_checkpoint_file(&self) -> PathBuf {
        self.audit_checkpoint_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("audit-checkpoints.jsonl"))
    }

    /// The checkpoint key: configured, or in demo mode one kept in the data directory.
    pub fn audit_key(&self) -> anyhow::Result<Option<Vec<u8>>> {
        if let Some(key) = &self.audit_key {
            return Ok(Some(key.as_bytes().to_vec()));
        }
        if !self.demo {
            return Ok(None);
        }
        let path = self.data_dir.join("demo-audit.key");
        match std::fs::read_to_string(&path) {
            Ok(key) => Ok(Some(key.trim().as_bytes().to_vec())),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                std::fs::create_dir_all(&self.data_dir)?;
                let key = uuid::Uuid::new_v4().simple().to_string()
                    + &uuid::Uuid::new_v4().simple().to_string();
                std::fs::write(&path, &key)?;
                Ok(Some(key.into_bytes()))
            }
            Err(err) => Err(err.into()),
        }
    }

    /// How PDFs are read: this executable's `pdf-child`, with the configured limits.
    pub fn extractor(&self) -> anyhow::Result<app::documents::extract::Extractor> {
        let exe = match &self.extractor {
            Some(path) => path.clone(),
            None => std::env::current_exe()?,
        };
        Ok(app::documents::extract::Extractor {
            exe,
            timeout: std::time::Duration::from_secs(self.extract_timeout_secs.max(1)),
            memory_mb: self.extract_memory_mb.max(64),
            max_output: 64 * 1024 * 1024,
        })
    }

    pub fn tls(&self) -> Option<(&PathBuf, &PathBuf)> {
        self.tls_cert.as_ref().zip(self.tls_key.as_ref())
    }

    /// The settings as `(name, value)` pairs for the start-up log, secrets redacted.
    pub fn describe(&self) -> Vec<(&'static str, String)> {
        vec![
            ("database_url", redact_url(&self.database_url())),
            ("data_dir", self.data_dir.display().to_string()),
            ("db_max_connections", self.db_max_connections.to_string()),
            ("bind", self.bind.to_string()),
            ("public_origin", self.public_origin.clone()),
            (
                "tls",
                if self.tls().is_some() { "on" } else { "off" }.to_owned(),
            ),
            (
                "tls_cert",
                self.tls_cert
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            ),
            (
                "log_format",
                format!("{:?}", self.log_format).to_lowercase(),
            ),
            ("demo", self.demo.to_string()),
            ("demo_history", self.demo_history.to_string()),
            ("site_root", self.site_root.clone()),
            ("session_hours", self.session_hours.to_string()),
            (
                "session_idle_minutes",
                self.session_idle_minutes.to_string(),
            ),
            (
                "trusted_proxies",
                self.trusted_proxies
                    .iter()
                    .map(|ip| ip.to_string())
                    .collect::<Vec<_>>()
                    .join(","),
            ),
            (
                "audit_key",
                if self.audit_key.is_some() {
                    "set (hidden)"
                } else {
                    "not set"
                }
                .to_owned(),
            ),
            (
                "audit_checkpoint_file",
                self.audit_checkpoint_file().display().to_string(),
            ),
            ("ballot_tick_secs", self.ballot_tick_secs.to_string()),
            (
                "audit_checkpoint_secs",
                self.audit_checkpoint_secs.to_string(),
            ),
            (
                "smtp_url",
                self.smtp_url
                    .as_deref()
                    .map_or_else(|| "not set".to_owned(), redact_url),
            ),
            ("mail_from", self.mail_from.clone()),
        ]
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.rsplit_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_reach_the_log() {
        assert_eq!(
            redact_url("postgres://app:s3cr%40t@db.internal:5432/ecab"),
            "postgres://app:***@db.internal:5432/ecab"
        );
        assert_eq!(
            redact_url("postgres://app@db/ecab"),
            "postgres://app@db/ecab"
        );
        assert_eq!(
            redact_url("sqlite://data/ecabinet.db"),
            "sqlite://data/ecabinet.db"
        );
    }

    #[test]
    fn the_default_database_is_a_sqlite_file_in_the_data_dir() {
        let config = Config::parse_from(["ecabinet", "--data-dir", "/var/lib/ecab"]);
        assert_eq!(config.database_url(), "sqlite:///var/lib/ecab/ecabinet.db");
        assert!(!config.demo);
        assert_eq!(config.bind.to_string(), "127.0.0.1:3000");
    }

    #[test]
    fn tls_needs_both_files() {
        assert!(Config::try_parse_from(["ecabinet", "--tls-cert", "c.pem"]).is_err());
        let both = Config::parse_from(["ecabinet", "--tls-cert", "c.pem", "--tls-key", "k.pem"]);
        assert!(both.tls().is_some());
    }
}
