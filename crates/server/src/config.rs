//! Settings of a running server.

use std::net::SocketAddr;

/// The default database: an SQLite file in the working directory (SPEC §10).
pub const DEFAULT_DATABASE_URL: &str = "sqlite:mottak.db";

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
        }
    }
}
