//! Login rate limiting per account and per address (R-AUTH-1).
//!
//! Failures are counted in a sliding window in the database, so that every instance serving
//! the same database sees them: two instances behind a load balancer do not double an
//! attacker's tries. A failure is counted in the write transaction that logs it as an event.

use std::time::Duration;

use chrono::{DateTime, Utc};
use mottak_store::{Store, StoreError, WriteTx, timestamp};

pub struct LoginLimiter {
    window: chrono::Duration,
    per_account: u32,
    per_address: u32,
}

impl LoginLimiter {
    pub fn new(window: Duration, per_account: u32, per_address: u32) -> LoginLimiter {
        LoginLimiter {
            window: chrono::Duration::from_std(window).unwrap_or(chrono::Duration::MAX),
            per_account,
            per_address,
        }
    }

    /// Whether another attempt for this account from this address is allowed at `now`.
    pub async fn allows(
        &self,
        store: &Store,
        username: &str,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<bool, StoreError> {
        let [account, by_address] = store
            .count_login_failures(
                [&account_key(username), &address_key(address)],
                &self.window_start(now),
            )
            .await?;
        Ok(account < u64::from(self.per_account) && by_address < u64::from(self.per_address))
    }

    /// Counts a failure at `now` for the account and the address, in the transaction that
    /// records its event; failures that have left the window are pruned on the way.
    pub async fn record_failure(
        &self,
        tx: &mut WriteTx,
        username: &str,
        address: &str,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        tx.record_login_failure(
            &[&account_key(username), &address_key(address)],
            &timestamp(now),
            &self.window_start(now),
        )
        .await
    }

    /// A successful login clears the account's count (the address keeps its own).
    pub async fn record_success(&self, tx: &mut WriteTx, username: &str) -> Result<(), StoreError> {
        tx.clear_login_failures(&account_key(username)).await
    }

    fn window_start(&self, now: DateTime<Utc>) -> String {
        timestamp(
            now.checked_sub_signed(self.window)
                .unwrap_or(DateTime::<Utc>::MIN_UTC),
        )
    }
}

fn account_key(username: &str) -> String {
    format!("account:{}", username.to_lowercase())
}

fn address_key(address: &str) -> String {
    format!("address:{address}")
}

#[cfg(test)]
mod tests {
    use mottak_store::events::{Actor, EventDomain, NewEvent};

    use super::*;

    /// A database of its own, and the time the test starts at.
    async fn store() -> (Store, tempfile::TempDir, DateTime<Utc>) {
        let directory = tempfile::tempdir().unwrap();
        let url = format!("sqlite:{}", directory.path().join("limits.db").display());
        (Store::connect(&url).await.unwrap(), directory, Utc::now())
    }

    /// A failed login as the login page writes it: counted, with its event.
    async fn fail(
        limiter: &LoginLimiter,
        store: &Store,
        username: &str,
        address: &str,
        at: DateTime<Utc>,
    ) {
        let mut tx = store.begin_write().await.unwrap();
        limiter
            .record_failure(&mut tx, username, address, at)
            .await
            .unwrap();
        tx.record(
            NewEvent::new(
                &Actor::system("test"),
                EventDomain::Accounts,
                "login.failed",
                "user",
                username,
            )
            .security(),
        )
        .await
        .unwrap();
        tx.commit().await.unwrap();
    }

    async fn allowed(
        limiter: &LoginLimiter,
        store: &Store,
        username: &str,
        address: &str,
        at: DateTime<Utc>,
    ) -> bool {
        limiter.allows(store, username, address, at).await.unwrap()
    }

    #[tokio::test]
    async fn r_auth_1_blocks_an_account_after_repeated_failures() {
        let (store, _directory, now) = store().await;
        let limiter = LoginLimiter::new(Duration::from_secs(60), 3, 100);
        for _ in 0..3 {
            assert!(allowed(&limiter, &store, "kari", "10.0.0.1", now).await);
            fail(&limiter, &store, "kari", "10.0.0.1", now).await;
        }
        assert!(!allowed(&limiter, &store, "kari", "10.0.0.2", now).await);
        assert!(allowed(&limiter, &store, "ola", "10.0.0.1", now).await);
    }

    #[tokio::test]
    async fn r_auth_1_blocks_an_address_trying_many_accounts() {
        let (store, _directory, now) = store().await;
        let limiter = LoginLimiter::new(Duration::from_secs(60), 100, 2);
        fail(&limiter, &store, "a", "10.0.0.9", now).await;
        fail(&limiter, &store, "b", "10.0.0.9", now).await;
        assert!(!allowed(&limiter, &store, "c", "10.0.0.9", now).await);
        assert!(allowed(&limiter, &store, "c", "10.0.0.10", now).await);
    }

    #[tokio::test]
    async fn r_auth_1_the_window_slides_and_what_left_it_is_pruned() {
        let (store, _directory, start) = store().await;
        let limiter = LoginLimiter::new(Duration::from_secs(60), 2, 100);
        fail(&limiter, &store, "kari", "10.0.0.1", start).await;
        let later = start + chrono::Duration::seconds(30);
        fail(&limiter, &store, "kari", "10.0.0.1", later).await;
        assert!(!allowed(&limiter, &store, "kari", "10.0.0.1", later).await);
        // The first failure has left the window; the second has not.
        let after_first = start + chrono::Duration::seconds(61);
        assert!(allowed(&limiter, &store, "kari", "10.0.0.1", after_first).await);
        fail(&limiter, &store, "kari", "10.0.0.1", after_first).await;
        assert!(!allowed(&limiter, &store, "kari", "10.0.0.1", after_first).await);
        let ever = timestamp(start - chrono::Duration::days(1));
        let stored = store
            .count_login_failures(["account:kari", "address:10.0.0.1"], &ever)
            .await
            .unwrap();
        assert_eq!(stored, [2, 2], "the first failure was pruned");
    }

    #[tokio::test]
    async fn r_auth_1_success_clears_the_account_but_not_the_address() {
        let (store, _directory, now) = store().await;
        let limiter = LoginLimiter::new(Duration::from_secs(60), 1, 2);
        fail(&limiter, &store, "kari", "10.0.0.1", now).await;
        assert!(!allowed(&limiter, &store, "kari", "10.0.0.2", now).await);
        let mut tx = store.begin_write().await.unwrap();
        limiter.record_success(&mut tx, "Kari").await.unwrap();
        tx.record(NewEvent::new(
            &Actor::system("test"),
            EventDomain::Accounts,
            "login.succeeded",
            "user",
            "kari",
        ))
        .await
        .unwrap();
        tx.commit().await.unwrap();
        assert!(allowed(&limiter, &store, "kari", "10.0.0.2", now).await);
        fail(&limiter, &store, "ola", "10.0.0.1", now).await;
        assert!(!allowed(&limiter, &store, "kari", "10.0.0.1", now).await);
    }
}
