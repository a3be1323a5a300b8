//! Settings of a running server.

use std::net::SocketAddr;

/// The default database: an SQLite file in the working directory (SPEC §10).
pub const DEFAULT_DATABASE_URL: &str = "sqlite:mottak.db";

/// The From address of mails unless `--mail-from` says otherwise.
pub const DEFAULT_MAIL_FROM: &str = "mottak <mottak@localhost>";

#[derive(Clone, Debug)]
pub struct Config {
    pub bind: SocketAddr,
    pub database_url: String,
    /// Mark cookies `Secure`. On by default behind TLS: set when serving through HTTPS.
    pub secure_cookies: bool,
    pub password_hashing: PasswordHashing,
    /// Failed logins allowed per account and per address within [`Config::rate_window`].
    pub login_failures_per_account: u32,
    pub login_failures_per_address: u32,
    pub rate_window: std::time::Duration,
    /// Run the once-a-day jobs (`server::jobs`) inside `serve`; tests turn it off and drive a
    /// `JobRunner` themselves.
    pub daily_jobs: bool,
    /// The SMTP relay for the outbox (`smtp://127.0.0.1:2525`); without it mails stay queued.
    pub smtp_url: Option<String>,
    /// The reminders' From address.
    pub mail_from: String,
    /// Where users reach this server, for links in mails; default `http://{bind}`.
    pub public_url: Option<String>,
}

/// Argon2id cost. Production uses OWASP's recommendation (19 MiB, 2 passes), measured at
/// well under 100 ms per login here; tests use a cheap setting so that the suite stays fast.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordHashing {
    Production,
    FastForTests,
}

impl Config {
    pub fn new(bind: SocketAddr, database_url: String) -> Config {
        Config {
            bind,
            database_url,
            secure_cookies: false,
            password_hashing: PasswordHashing::Production,
            login_failures_per_account: 5,
            login_failures_per_address: 20,
            rate_window: std::time::Duration::from_secs(15 * 60),
            daily_jobs: true,
            smtp_url: None,
            mail_from: DEFAULT_MAIL_FROM.to_owned(),
            public_url: None,
        }
    }

    /// The address links in mails start with, without a trailing slash.
    pub fn public_url(&self) -> String {
        match &self.public_url {
            Some(url) => url.trim_end_matches('/').to_owned(),
            None => format!("http://{}", self.bind),
        }
    }
}
