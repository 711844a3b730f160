//! Notifications, pluggable: a short message to a person's mobile or e-mail (a password-reset code, a re-issued
//! query code). Services hand a [`Notification`] to the context's [`NotificationChannel`] and know nothing of how it
//! travels.
//!
//! Two real channels: the [`Outbox`] — a row in the database (recipient masked and encrypted, body encrypted) that an
//! operator's SMS gateway reads and delivers (`server outbox`), which is what the demo and the tests use — and
//! [`Smtp`] for e-mail when `PORTAL_SMTP_URL` is set. [`Routed`] puts them together: e-mail by SMTP when configured
//! (off the request, so the answer's timing tells nothing; kept in the outbox if the mail server fails), everything
//! else to the outbox.

use db::outbox::{self, NewMessage, OutboxChannel};
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

/// Where a message goes. `Debug` shows it masked.
#[derive(Clone, PartialEq, Eq)]
pub enum Recipient {
    Mobile(String),
    Email(String),
}

impl std::fmt::Debug for Recipient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Recipient({})", self.masked())
    }
}

impl Recipient {
    /// Where an account's messages go: its mobile number, or else its e-mail address (court staff).
    pub fn of(account: &db::accounts::Account) -> Option<Recipient> {
        fn present(s: &Option<String>) -> Option<&str> {
            s.as_deref().map(str::trim).filter(|s| !s.is_empty())
        }
        present(&account.mobile)
            .map(|m| Recipient::Mobile(m.to_string()))
            .or_else(|| present(&account.email).map(|e| Recipient::Email(e.to_string())))
    }

    /// As it may be shown and logged: 138****0001, z*******@example.cn.
    pub fn masked(&self) -> String {
        match self {
            Recipient::Mobile(m) => domain::mask::mobile(m),
            Recipient::Email(e) => domain::mask::email(e),
        }
    }

    pub fn address(&self) -> &str {
        match self {
            Recipient::Mobile(a) | Recipient::Email(a) => a,
        }
    }

    fn channel(&self) -> OutboxChannel {
        match self {
            Recipient::Mobile(_) => OutboxChannel::Sms,
            Recipient::Email(_) => OutboxChannel::Email,
        }
    }
}

/// Whether a text is an e-mail address the SMTP channel can send to.
pub fn is_email_address(s: &str) -> bool {
    s.parse::<lettre::Address>().is_ok()
}

/// Why a message was sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    PasswordReset,
    QueryCode,
    /// An invitation to mediation, with the signed link that answers it.
    MediationInvite,
    /// A change to a booked mediation (moved, cancelled, an outcome to sign).
    MediationNotice,
}

impl Purpose {
    pub fn code(self) -> &'static str {
        match self {
            Purpose::PasswordReset => "password_reset",
            Purpose::QueryCode => "query_code",
            Purpose::MediationInvite => "mediation_invite",
            Purpose::MediationNotice => "mediation_notice",
        }
    }
}

/// One message to one person. `Debug` never prints the body: it carries a code.
#[derive(Clone)]
pub struct Notification {
    pub account_id: Option<String>,
    pub purpose: Purpose,
    pub recipient: Recipient,
    /// The e-mail subject (an SMS has none).
    pub subject: String,
    pub body: String,
    /// A calendar invitation (RFC 5545 text) attached to an e-mail; a text message carries the link in its body.
    pub calendar: Option<String>,
    /// When it was asked for (UTC ms).
    pub at: i64,
}

impl std::fmt::Debug for Notification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notification")
            .field("purpose", &self.purpose)
            .field("recipient", &self.recipient)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum NotifyError {
    /// This channel does not reach this kind of recipient (SMTP and a mobile number).
    #[error("the {0} channel cannot reach this recipient")]
    Unreachable(&'static str),
    #[error("outbox: {0}")]
    Outbox(#[from] db::DbError),
    #[error("smtp: {0}")]
    Smtp(String),
}

pub type SendFuture<'a> = Pin<Box<dyn Future<Output = Result<(), NotifyError>> + Send + 'a>>;

/// A way to get a short message to a person.
pub trait NotificationChannel: std::fmt::Debug + Send + Sync {
    /// A stable name, for the log (`outbox`, `smtp`, `outbox+smtp`).
    fn name(&self) -> &'static str;
    /// Sends (or, for the outbox, stores for the gateway). Done means handed over, not read.
    fn send<'a>(&'a self, message: &'a Notification) -> SendFuture<'a>;
}

/// The outbox in the database: what the operator's SMS gateway reads.
#[derive(Clone, Debug)]
pub struct Outbox {
    db: db::Db,
}

impl Outbox {
    pub fn new(db: db::Db) -> Outbox {
        Outbox { db }
    }

    fn row<'a>(m: &'a Notification, masked: &'a str) -> NewMessage<'a> {
        NewMessage {
            account_id: m.account_id.as_deref(),
            channel: m.recipient.channel(),
            purpose: m.purpose.code(),
            recipient: m.recipient.address(),
            recipient_masked: masked,
            body: &m.body,
        }
    }

    async fn store(&self, m: &Notification) -> Result<String, NotifyError> {
        let masked = m.recipient.masked();
        Ok(outbox::enqueue(&self.db, &Outbox::row(m, &masked), m.at).await?)
    }

    /// Keeps on record a message another channel delivered.
    async fn record_sent(&self, m: &Notification, via: &str) -> Result<String, NotifyError> {
        let masked = m.recipient.masked();
        Ok(outbox::record_sent(&self.db, &Outbox::row(m, &masked), via, now_ms()).await?)
    }
}

impl NotificationChannel for Outbox {
    fn name(&self) -> &'static str {
        "outbox"
    }

    fn send<'a>(&'a self, message: &'a Notification) -> SendFuture<'a> {
        Box::pin(async move {
            let id = self.store(message).await?;
            tracing::info!(
                id = %id,
                purpose = message.purpose.code(),
                to = %message.recipient.masked(),
                "message put in the outbox"
            );
            Ok(())
        })
    }
}

/// E-mail over SMTP (`PORTAL_SMTP_URL`: `smtp://host:587?tls=required` for STARTTLS, `smtps://host:465`, or
/// `smtp://host:25` in the clear on a trusted network; user and password in the URL when the server wants them).
pub struct Smtp {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
    /// The URL without its password, for the log.
    shown: String,
}

impl std::fmt::Debug for Smtp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Smtp")
            .field("server", &self.shown)
            .field("from", &self.from.to_string())
            .finish()
    }
}

impl Smtp {
    /// The SMTP channel of a URL and a sender address; an error names what is wrong (start-up stops on it).
    pub fn from_url(url: &str, from: &str) -> Result<Smtp, String> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
            .map_err(|e| format!("PORTAL_SMTP_URL: {e}"))?
            .timeout(Some(std::time::Duration::from_secs(20)))
            .build();
        let from = from
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| format!("PORTAL_SMTP_FROM {from:?}: {e}"))?;
        Ok(Smtp {
            transport,
            from,
            shown: redact(url),
        })
    }

    fn message(&self, m: &Notification) -> Result<lettre::Message, NotifyError> {
        let Recipient::Email(to) = &m.recipient else {
            return Err(NotifyError::Unreachable("smtp"));
        };
        let to = to
            .parse::<lettre::message::Mailbox>()
            .map_err(|e| NotifyError::Smtp(format!("recipient: {e}")))?;
        let builder = lettre::message::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(m.subject.clone());
        let built = match &m.calendar {
            None => builder
                .header(lettre::message::header::ContentType::TEXT_PLAIN)
                .body(m.body.clone()),
            // The invitation as an attachment calendars open (and as the alternative part some clients show inline).
            Some(ics) => {
                use lettre::message::{header::ContentType, Attachment, MultiPart, SinglePart};
                let method = if ics.contains("METHOD:CANCEL") {
                    "CANCEL"
                } else {
                    "REQUEST"
                };
                let calendar_type =
                    ContentType::parse(&format!("text/calendar; charset=utf-8; method={method}"))
                        .map_err(|e| NotifyError::Smtp(e.to_string()))?;
                builder.multipart(
                    MultiPart::mixed()
                        .singlepart(SinglePart::plain(m.body.clone()))
                        .singlepart(
                            Attachment::new("invite.ics".into()).body(ics.clone(), calendar_type),
                        ),
                )
            }
        };
        built.map_err(|e| NotifyError::Smtp(e.to_string()))
    }
}

impl NotificationChannel for Smtp {
    fn name(&self) -> &'static str {
        "smtp"
    }

    fn send<'a>(&'a self, message: &'a Notification) -> SendFuture<'a> {
        Box::pin(async move {
            use lettre::AsyncTransport;
            let email = self.message(message)?;
            self.transport
                .send(email)
                .await
                .map_err(|e| NotifyError::Smtp(e.to_string()))?;
            Ok(())
        })
    }
}

fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// `smtp://user:secret@host` → `smtp://user:…@host`.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let creds = &url[scheme + 3..at];
            match creds.find(':') {
                Some(colon) => format!("{}{}:…{}", &url[..scheme + 3], &creds[..colon], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// The portal's channel: e-mail by SMTP when it is configured, everything else (and e-mail the mail server refused)
/// to the outbox for the operator's gateway.
#[derive(Debug)]
pub struct Routed {
    outbox: Outbox,
    smtp: Option<Arc<Smtp>>,
}

impl Routed {
    pub fn new(db: db::Db, smtp: Option<Smtp>) -> Routed {
        Routed {
            outbox: Outbox::new(db),
            smtp: smtp.map(Arc::new),
        }
    }
}

impl NotificationChannel for Routed {
    fn name(&self) -> &'static str {
        if self.smtp.is_some() {
            "outbox+smtp"
        } else {
            "outbox"
        }
    }

    fn send<'a>(&'a self, message: &'a Notification) -> SendFuture<'a> {
        Box::pin(async move {
            let (Recipient::Email(_), Some(smtp)) = (&message.recipient, &self.smtp) else {
                return self.outbox.send(message).await;
            };
            // Off the request: how long the mail server takes must not tell whether an account exists.
            let (smtp, outbox, message) = (smtp.clone(), self.outbox.clone(), message.clone());
            tokio::spawn(async move {
                match smtp.send(&message).await {
                    Ok(()) => {
                        // Kept as sent, so what was sent to whom stays on record (encrypted, like the rest).
                        if let Err(e) = outbox.record_sent(&message, "smtp").await {
                            tracing::warn!(error = %e, "an e-mail sent by SMTP was not recorded");
                        }
                        tracing::info!(purpose = message.purpose.code(), to = %message.recipient.masked(), "e-mail sent");
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, to = %message.recipient.masked(), "SMTP refused the message: kept in the outbox");
                        if let Err(e) = outbox.send(&message).await {
                            tracing::error!(error = %e, "a message was neither sent nor kept");
                        }
                    }
                }
            });
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_and_messages_never_print_in_clear() {
        let r = Recipient::Mobile("13900000001".into());
        assert_eq!(format!("{r:?}"), "Recipient(139****0001)");
        let n = Notification {
            account_id: None,
            purpose: Purpose::PasswordReset,
            recipient: Recipient::Email("zhangsan@example.cn".into()),
            subject: "s".into(),
            body: "code ABCD2345".into(),
            calendar: None,
            at: 0,
        };
        let shown = format!("{n:?}");
        assert!(
            !shown.contains("ABCD2345") && !shown.contains("zhangsan"),
            "{shown}"
        );
        assert_eq!(
            redact("smtp://mailer:hunter2@mail.example:587"),
            "smtp://mailer:…@mail.example:587"
        );
    }

    #[test]
    fn a_bad_smtp_setting_is_named() {
        assert!(Smtp::from_url("smtp://mail.example:25", "not an address")
            .unwrap_err()
            .starts_with("PORTAL_SMTP_FROM"));
        assert!(
            Smtp::from_url("ftp://mail.example", "法院 <court@example.cn>")
                .unwrap_err()
                .starts_with("PORTAL_SMTP_URL")
        );
        assert!(Smtp::from_url("smtp://mail.example:25", "法院 <court@example.cn>").is_ok());
    }
}
