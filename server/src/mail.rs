//! E-mail copies of in-app notices, when `--smtp-url` is set. A background task on every node
//! claims unsent notices from the database (so each is sent once, whichever node takes it)
//! and hands them to the SMTP server; the in-app notice never waits for the mail.
use std::time::Duration;

use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use app::db::Db;
use app::i18n::Lang;
use app::identity::notifications::{self, Outgoing};

/// How often unsent notices are looked for.
const POLL: Duration = Duration::from_secs(3);
/// Notices claimed per round.
const BATCH: i64 = 50;

pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    /// Links in the mail point here (`--public-origin`).
    origin: String,
}

impl Mailer {
    /// A mailer for `smtp_url` (lettre's URL form: `smtp://`, `smtps://`, `?tls=required`).
    pub fn new(smtp_url: &str, from: &str, origin: &str) -> anyhow::Result<Mailer> {
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)?
            .timeout(Some(Duration::from_secs(20)))
            .build();
        Ok(Mailer {
            transport,
            from: from.parse()?,
            origin: origin.trim_end_matches('/').to_owned(),
        })
    }

    /// The mail for one notice: Vietnamese first, then English, with a link to the meeting or
    /// ballot it is about.
    pub fn compose(&self, notice: &Outgoing) -> anyhow::Result<Message> {
        let to = Mailbox::new(Some(notice.full_name.clone()), notice.email.parse()?);
        let mut body = String::new();
        for lang in [Lang::Vi, Lang::En] {
            body.push_str(notice.kind.label(lang));
            body.push('\n');
            if let Some((path, title)) = &notice.about {
                body.push_str(&format!("{title}\n{}{path}\n", self.origin));
            }
            body.push('\n');
        }
        let subject = match &notice.about {
            Some((_, title)) => format!("[e-Cabinet] {}: {title}", notice.kind.label(Lang::Vi)),
            None => format!("[e-Cabinet] {}", notice.kind.label(Lang::Vi)),
        };
        Ok(Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)?)
    }

    /// Claim and send what is waiting; returns how many were sent.
    pub async fn send_waiting(&self, db: &Db) -> anyhow::Result<usize> {
        let mut sent = 0;
        for notice in notifications::claim_for_email(db, BATCH).await? {
            let outcome = match self.compose(&notice) {
                Ok(message) => self
                    .transport
                    .send(message)
                    .await
                    .map_err(anyhow::Error::from),
                Err(err) => Err(err),
            };
            match outcome {
                Ok(_) => {
                    notifications::mark_emailed(db, notice.id).await?;
                    sent += 1;
                }
                // Left claimed: retried after the claim goes stale, five attempts at most.
                Err(err) => tracing::warn!(%err, notice = %notice.id, "e-mail notice not sent"),
            }
        }
        Ok(sent)
    }

    /// Run forever in the background.
    pub fn spawn(self, db: Db) {
        tokio::spawn(async move {
            loop {
                if let Err(err) = self.send_waiting(&db).await {
                    tracing::warn!(%err, "e-mail notices: round failed");
                }
                tokio::time::sleep(POLL).await;
            }
        });
    }
}
