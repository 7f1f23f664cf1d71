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

    /// File holding the secret key (at least 32 bytes, e.g. `head -c 48 /dev/urandom`) that
    /// signs the audit checkpoints. Read from a file, never a flag or a variable's value, so
    /// `ps` and the child processes never see it. Required to serve outside demo mode (demo
    /// mode keeps one in the data directory).
    #[arg(long, env = "ECAB_AUDIT_KEY_FILE")]
    pub audit_key_file: Option<PathBuf>,

    /// File the signed audit checkpoints are appended to; keep it outside the database's
    /// reach (another disk, a log shipper). Default: audit-checkpoints.jsonl in the data dir.
    #[arg(long, env = "ECAB_AUDIT_CHECKPOINT_FILE")]
    pub audit_checkpoint_file: Option<PathBuf>,

    /// A second file every checkpoint is also appended to: a place the database's host cannot
    /// rewrite (another machine's mount, an append-only volume). `verify-audit` reads both,
    /// so rewriting the database and the first file is still caught by this copy.
    #[arg(long, env = "ECAB_AUDIT_CHECKPOINT_COPY")]
    pub audit_checkpoint_copy: Option<PathBuf>,

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

    /// The checkpoint key: read from `--audit-key-file`, or in demo mode one kept in the data
    /// directory. A key shorter than 32 bytes is refused.
    pub fn audit_key(&self) -> anyhow::Result<Option<Vec<u8>>> {
        let path = match (&self.audit_key_file, self.demo) {
            (Some(path), _) => path.clone(),
            (None, false) => return Ok(None),
            (None, true) => {
                let path = self.data_dir.join("demo-audit.key");
                if !path.exists() {
                    std::fs::create_dir_all(&self.data_dir)?;
                    let key = uuid::Uuid::new_v4().simple().to_string()
                        + &uuid::Uuid::new_v4().simple().to_string();
                    std::fs::write(&path, &key)?;
                }
                path
            }
        };
        let mut key = std::fs::read(&path)
            .map_err(|e| anyhow::anyhow!("audit key file {}: {e}", path.display()))?;
        // A key written by `echo` ends with a line break that is not part of it.
        while key.last().is_some_and(u8::is_ascii_whitespace) {
            key.pop();
        }
        if key.len() < MIN_AUDIT_KEY_BYTES {
            anyhow::bail!(
                "audit key file {}: the key has {} bytes, at least {MIN_AUDIT_KEY_BYTES} are needed",
                path.display(),
                key.len()
            );
        }
        Ok(Some(key))
    }

    /// The checkpoint files: the first, and the copy when configured.
    pub fn audit_checkpoint_files(&self) -> Vec<PathBuf> {
        std::iter::once(self.audit_checkpoint_file())
            .chain(self.audit_checkpoint_copy.clone())
            .collect()
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
                "audit_key_file",
                self.audit_key_file
                    .as_ref()
                    .map_or_else(|| "not set".to_owned(), |p| p.display().to_string()),
            ),
            (
                "audit_checkpoint_copy",
                self.audit_checkpoint_copy
                    .as_ref()
                    .map_or_else(|| "not set".to_owned(), |p| p.display().to_string()),
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

/// The shortest audit key accepted (HMAC-SHA256: as long as its output).
pub const MIN_AUDIT_KEY_BYTES: usize = 32;

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`; a password given as a
/// query parameter (`?password=…`, `&sslpassword=…`) is hidden too.
pub fn redact_url(url: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
    let base = match base.split_once("://") {
        Some((scheme, rest)) => match rest.rsplit_once('@') {
            Some((userinfo, host)) => match userinfo.split_once(':') {
                Some((user, _password)) => format!("{scheme}://{user}:***@{host}"),
                None => base.to_owned(),
            },
            None => base.to_owned(),
        },
        None => base.to_owned(),
    };
    let Some(query) = query else {
        return base;
    };
    let query: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, _)) if name.to_ascii_lowercase().contains("password") => {
                format!("{name}=***")
            }
            _ => pair.to_owned(),
        })
        .collect();
    format!("{base}?{}", query.join("&"))
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
        assert_eq!(
            redact_url("postgres://db/ecab?user=app&password=s3cret&sslmode=require"),
            "postgres://db/ecab?user=app&password=***&sslmode=require"
        );
        assert_eq!(
            redact_url("postgres://app:x@db/ecab?sslpassword=k"),
            "postgres://app:***@db/ecab?sslpassword=***"
        );
    }

    #[test]
    fn the_audit_key_is_read_from_a_file_and_must_be_long_enough() {
        let dir = tempfile::tempdir().unwrap();
        let short = dir.path().join("short.key");
        std::fs::write(&short, "31 bytes of key material.......\n").unwrap();
        let long = dir.path().join("long.key");
        std::fs::write(&long, "32 bytes of key material........\n").unwrap();
        let config = |path: &std::path::Path| {
            Config::parse_from(["ecabinet", "--audit-key-file", path.to_str().unwrap()])
        };
        assert!(config(&short).audit_key().is_err());
        assert_eq!(
            config(&long).audit_key().unwrap().unwrap(),
            b"32 bytes of key material........".to_vec()
        );
        // No key outside demo mode: none (serving then refuses to start).
        assert_eq!(Config::parse_from(["ecabinet"]).audit_key().unwrap(), None);
        // The key is not a flag any more.
        assert!(Config::try_parse_from(["ecabinet", "--audit-key", "x"]).is_err());
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
