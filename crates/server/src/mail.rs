//! Sending the outbox (`mottak_store::mail`) over SMTP with `lettre`: a task in `serve` that
//! every few seconds claims a batch of due mails, sends each and marks it sent, or failed with a
//! back-off (`domain::reminders::retry_delay`). Without `--smtp-url` nothing is sent and the
//! mails wait in the outbox.

use std::time::Duration;

use chrono::{DateTime, Utc};
use lettre::message::Mailbox;
use lettre::message::header::ContentType;
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use mottak_domain::reminders::retry_delay;
use mottak_store::mail::OutboxMail;
use mottak_store::{Store, timestamp};

use crate::i18n::Lang;

/// A subject in both languages, Norwegian first: `nb / en`.
pub fn bilingual_subject(text: impl Fn(Lang) -> String) -> String {
    format!("{} / {}", text(Lang::Nb), text(Lang::En))
}

/// A body in both languages: the Norwegian text, a rule, the English text, then the footer of
/// `footer_key` in both as the signature.
pub fn bilingual_body(text: impl Fn(Lang) -> String, footer_key: &str) -> String {
    format!(
        "{}\n\n----------------------------------------\n\n{}\n\n-- \n{}\n{}\n",
        text(Lang::Nb),
        text(Lang::En),
        Lang::Nb.text(footer_key),
        Lang::En.text(footer_key),
    )
}

/// How often the sender looks at the outbox.
pub const SEND_INTERVAL: Duration = Duration::from_secs(5);
/// How long a claimed batch is the claimant's: a sender that dies leaves its mails to others
/// after this.
pub const CLAIM_FOR: chrono::Duration = chrono::Duration::minutes(5);
/// Mails per claim.
pub const BATCH: i64 = 20;

/// A plain SMTP relay, as `smtp://[user:password@]host[:port]` names it (port 25 by default).
/// The connection is not encrypted: a relay on the same host or network, which forwards with
/// TLS itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SmtpRelay {
    pub host: String,
    pub port: u16,
    pub credentials: Option<(String, String)>,
}

impl SmtpRelay {
    pub fn parse(url: &str) -> Option<SmtpRelay> {
        let rest = url.trim().strip_prefix("smtp://")?.trim_end_matches('/');
        let (credentials, address) = match rest.rsplit_once('@') {
            Some((credentials, address)) => {
                let (user, password) = credentials.split_once(':')?;
                (Some((user.to_owned(), password.to_owned())), address)
            }
            None => (None, rest),
        };
        let (host, port) = match address.rsplit_once(':') {
            Some((host, port)) => (host, port.parse().ok()?),
            None => (address, 25),
        };
        if host.is_empty() || host.contains('/') {
            return None;
        }
        Some(SmtpRelay {
            host: host.to_owned(),
            port,
            credentials,
        })
    }
}

/// A configured sender: the relay and the From address.
#[derive(Clone)]
pub struct Sender {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
}

/// What one pass over the outbox did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SendReport {
    pub sent: usize,
    pub failed: usize,
}

impl Sender {
    /// A sender through `smtp_url` (`smtp://host:port`, with `user:password@` if the relay
    /// wants it) from `from`.
    pub fn new(smtp_url: &str, from: &str) -> anyhow::Result<Sender> {
        let relay = SmtpRelay::parse(smtp_url).ok_or_else(|| {
            anyhow::anyhow!("--smtp-url {smtp_url}: not smtp://[user:password@]host[:port]")
        })?;
        let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&relay.host)
            .port(relay.port)
            .timeout(Some(Duration::from_secs(30)));
        if let Some((user, password)) = relay.credentials {
            builder = builder.credentials(Credentials::new(user, password));
        }
        let transport = builder.build();
        let from = from
            .parse::<Mailbox>()
            .map_err(|error| anyhow::anyhow!("--mail-from {from}: {error}"))?;
        Ok(Sender { transport, from })
    }

    /// Claims the due mails as of `now` and sends them, one by one.
    pub async fn send_due(&self, store: &Store, now: DateTime<Utc>) -> anyhow::Result<SendReport> {
        let batch = store
            .claim_mail_batch(&timestamp(now), &timestamp(now + CLAIM_FOR), BATCH)
            .await?;
        let mut report = SendReport::default();
        for mail in batch {
            match self.send(&mail).await {
                Ok(()) => {
                    store
                        .mark_mail_sent(mail.id, &timestamp(Utc::now()))
                        .await?;
                    report.sent += 1;
                }
                Err(error) => {
                    let attempts = u32::try_from(mail.attempts + 1).unwrap_or(u32::MAX);
                    let next = now + retry_delay(attempts);
                    tracing::warn!(mail = mail.id, attempts, error = %error, "sending a mail failed");
                    store
                        .mark_mail_failed(mail.id, &format!("{error:#}"), &timestamp(next))
                        .await?;
                    report.failed += 1;
                }
            }
        }
        Ok(report)
    }

    async fn send(&self, mail: &OutboxMail) -> anyhow::Result<()> {
        let message = Message::builder()
            .from(self.from.clone())
            .to(mail.recipient.parse::<Mailbox>()?)
            .subject(mail.subject.clone())
            .header(ContentType::TEXT_PLAIN)
            .body(mail.body.clone())?;
        self.transport.send(message).await?;
        Ok(())
    }

    /// Sends the outbox now and then every `interval`, until the task is aborted.
    pub fn spawn(self, store: Store, interval: Duration) -> tokio::task::JoinHandle<()> {
        tokio::spawn(async move {
            let mut ticks = tokio::time::interval(interval);
            ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            loop {
                ticks.tick().await;
                match self.send_due(&store, Utc::now()).await {
                    Ok(report) if report.sent + report.failed > 0 => {
                        tracing::info!(sent = report.sent, failed = report.failed, "outbox sent");
                    }
                    Ok(_) => {}
                    Err(error) => tracing::error!(error = %error, "sending the outbox failed"),
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_url_names_host_port_and_credentials() {
        assert_eq!(
            SmtpRelay::parse("smtp://127.0.0.1:2525"),
            Some(SmtpRelay {
                host: "127.0.0.1".into(),
                port: 2525,
                credentials: None
            })
        );
        assert_eq!(
            SmtpRelay::parse("smtp://mottak:hemmelig@relay.udi.no"),
            Some(SmtpRelay {
                host: "relay.udi.no".into(),
                port: 25,
                credentials: Some(("mottak".into(), "hemmelig".into()))
            })
        );
        assert_eq!(SmtpRelay::parse("smtps://relay.udi.no"), None);
        assert_eq!(SmtpRelay::parse("smtp://relay:port"), None);
        assert_eq!(SmtpRelay::parse("smtp://"), None);
    }
}
