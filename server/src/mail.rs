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

    /// The text of the mail for one notice: Vietnamese first, then English, with a link to the
    /// meeting, ballot or task it is about; `listed` lines after (the weekly digest's overdue
    /// tasks) and a link to the tasks.
    pub fn body(&self, notice: &Outgoing, listed: &[String]) -> String {
        let mut body = String::new();
        for lang in [Lang::Vi, Lang::En] {
            body.push_str(notice.kind.label(lang));
            body.push('\n');
            if let Some((path, title)) = &notice.about {
                body.push_str(&format!("{title}\n{}{path}\n", self.origin));
            }
            body.push('\n');
        }
        if !listed.is_empty() {
            for line in listed {
                body.push_str(&format!("- {line}\n"));
            }
            body.push_str(&format!("\n{}/tasks\n", self.origin));
        }
        body
    }

    /// The mail for one notice (its text: [`Mailer::body`]).
    pub fn compose(&self, notice: &Outgoing, listed: &[String]) -> anyhow::Result<Message> {
        let to = Mailbox::new(Some(notice.full_name.clone()), notice.email.parse()?);
        let body = self.body(notice, listed);
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
        let claimed = notifications::claim_for_email(db, BATCH).await?;
        // The digest lists what is overdue when it is sent.
        let overdue = if claimed
            .iter()
            .any(|n| n.kind == app::identity::model::NoticeKind::TaskOverdueDigest)
        {
            app::tasks::digest::overdue_lines(db, app::tasks::store::today()).await?
        } else {
            Vec::new()
        };
        for notice in claimed {
            let listed = if notice.kind == app::identity::model::NoticeKind::TaskOverdueDigest {
                overdue.as_slice()
            } else {
                &[]
            };
            let outcome = match self.compose(&notice, listed) {
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
