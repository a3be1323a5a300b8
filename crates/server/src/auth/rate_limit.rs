//! Login rate limiting per account and per address (R-AUTH-1).
//!
//! Failures are counted in memory in a sliding window; every failure is also written to the
//! event log by the login handler. In memory is enough for one instance; several instances each
//! keep their own count, which still bounds guessing.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct LoginLimiter {
    window: Duration,
    per_account: u32,
    per_address: u32,
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginLimiter {
    pub fn new(window: Duration, per_account: u32, per_address: u32) -> LoginLimiter {
        LoginLimiter {
            window,
            per_account,
            per_address,
            failures: Mutex::new(HashMap::new()),
        }
    }

    /// Whether another attempt for this account from this address is allowed now.
    pub fn allows(&self, username: &str, address: &str) -> bool {
        let now = Instant::now();
        let mut failures = self.failures.lock().expect("limiter lock");
        let account = recent(&mut failures, &account_key(username), now, self.window);
        let by_address = recent(&mut failures, &address_key(address), now, self.window);
        account < self.per_account as usize && by_address < self.per_address as usize
    }

    pub fn record_failure(&self, username: &str, address: &str) {
        let now = Instant::now();
        let mut failures = self.failures.lock().expect("limiter lock");
        for key in [account_key(username), address_key(address)] {
            failures.entry(key).or_default().push_back(now);
        }
    }

    /// A successful login clears the account's count (the address keeps its own).
    pub fn record_success(&self, username: &str) {
        self.failures
            .lock()
            .expect("limiter lock")
            .remove(&account_key(username));
    }
}

fn account_key(username: &str) -> String {
    format!("account:{}", username.to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

fn recent(
    failures: &mut HashMap<String, VecDeque<Instant>>,
    key: &str,
    now: Instant,
    window: Duration,
) -> usize {
    let Some(times) = failures.get_mut(key) else {
        return 0;
    };
    while times
        .front()
        .is_some_and(|time| now.duration_since(*time) > window)
    {
        times.pop_front();
    }
    times.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn r_auth_1_blocks_an_account_after_repeated_failures() {
        let limiter = LoginLimiter::new(Duration::from_secs(60), 3, 100);
        for _ in 0..3 {
            assert!(limiter.allows("kari", "10.0.0.1"));
            limiter.record_failure("kari", "10.0.0.1");
        }
        assert!(!limiter.allows("kari", "10.0.0.2"));
        assert!(limiter.allows("ola", "10.0.0.1"));
    }

    #[test]
    fn r_auth_1_blocks_an_address_trying_many_accounts() {
        let limiter = LoginLimiter::new(Duration::from_secs(60), 100, 2);
        limiter.record_failure("a", "10.0.0.9");
        limiter.record_failure("b", "10.0.0.9");
        assert!(!limiter.allows("c", "10.0.0.9"));
        assert!(limiter.allows("c", "10.0.0.10"));
    }
}
