//! The hash chain (R-LOG-2): each event's hash over its content and its predecessor's hash.

use mottak_domain::event_log::EventDomain;
use sha2::{Digest, Sha256};

use super::{EVENT_COLUMNS, Event};
use crate::{Store, StoreError};

const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// SHA-256 over the event's content and the previous event's hash (R-LOG-2). Fields are
/// separated by a unit separator and `None` differs from the empty string.
pub fn chain_hash(event: &Event) -> String {
    hash_of(event, true)
}

/// Events written before migration 0004 were hashed without their domain and account role;
/// `with_domain` is false for them.
fn hash_of(event: &Event, with_domain: bool) -> String {
    fn optional(value: &Option<String>) -> String {
        value
            .as_ref()
            .map_or_else(|| "\u{0}".to_owned(), Clone::clone)
    }
    let mut fields = vec![
        event.seq.to_string(),
        event.occurred_at.clone(),
        event
            .actor_id
            .map_or_else(|| "\u{0}".to_owned(), |id| id.to_string()),
        event.actor_name.clone(),
        event.actor_role.clone(),
        event.action.clone(),
        event.entity_type.clone(),
        event.entity_id.clone(),
        event.summary.clone(),
        event.origin.clone(),
        event.security.to_string(),
        optional(&event.scope_region),
        optional(&event.scope_operator),
        optional(&event.scope_municipality),
    ];
    if with_domain {
        fields.push(event.domain.clone());
        fields.push(optional(&event.scope_account_role));
    }
    fields.push(event.prev_hash.clone());
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    hex::encode(hasher.finalize())
}

/// Why `event` does not belong where it is, if it does not.
fn check(event: &Event, domain_from_seq: i64) -> Option<&'static str> {
    if event.seq >= domain_from_seq {
        return (chain_hash(event) != event.hash).then_some("content does not match its hash");
    }
    // Before 0004 the domain was not hashed: it must be the one the migration derived.
    let derived = EventDomain::of_legacy_entity(&event.entity_type).code();
    if event.domain != derived || event.scope_account_role.is_some() {
        return Some("domain differs from the one derived for an early event");
    }
    (hash_of(event, false) != event.hash).then_some("content does not match its hash")
}

impl Store {
    /// Checks the whole chain (R-LOG-2): dense sequence numbers, each event's hash over its
    /// content and its predecessor's hash, and the head pointing at the last event. Reads the
    /// log in pages, so memory stays flat however long it is. Returns the number checked.
    pub async fn verify_event_chain(&self) -> Result<i64, StoreError> {
        let (last_seq, last_hash): (i64, String) =
            sqlx::query_as("SELECT last_seq, last_hash FROM event_chain_head WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        let (domain_from_seq,): (i64,) =
            sqlx::query_as("SELECT domain_from_seq FROM event_hash_format WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        let mut previous_hash = GENESIS_HASH.to_owned();
        let mut expected_seq = 1;
        let page_size = 10_000;
        loop {
            // Only up to the head read above: events committed after it (the log is live) are
            // not part of the chain being checked, and are left for the next run.
            let sql = format!(
                "SELECT {EVENT_COLUMNS} FROM events WHERE seq >= $1 AND seq <= $2 \
                 ORDER BY seq LIMIT $3"
            );
            let page = sqlx::query_as::<_, Event>(sqlx::AssertSqlSafe(sql))
                .bind(expected_seq)
                .bind(last_seq)
                .bind(page_size)
                .fetch_all(&self.pool)
                .await?;
            for event in &page {
                let broken = |reason: &str| StoreError::BrokenChain {
                    seq: expected_seq,
                    reason: reason.to_owned(),
                };
                if event.seq != expected_seq {
                    return Err(broken("missing event"));
                }
                if event.prev_hash != previous_hash {
                    return Err(broken("previous hash does not match"));
                }
                if let Some(reason) = check(event, domain_from_seq) {
                    return Err(broken(reason));
                }
                previous_hash = event.hash.clone();
                expected_seq += 1;
            }
            if (page.len() as i64) < page_size {
                break;
            }
        }
        let checked = expected_seq - 1;
        if checked != last_seq || previous_hash != last_hash {
            return Err(StoreError::BrokenChain {
                seq: checked + 1,
                reason: format!("the log ends at event {checked} but its head says {last_seq}"),
            });
        }
        Ok(checked)
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use sqlx::migrate::Migrator;

    use super::*;
    use crate::events::{Actor, NewEvent};

    /// A database as the code before migration 0004 left it, with one account event.
    async fn database_from_before_domains() -> String {
        sqlx::any::install_default_drivers();
        let path = std::env::temp_dir().join(format!("mottak-chain-{}.db", std::process::id()));
        let _ = std::fs::remove_file(&path);
        let url = format!("sqlite:{}?mode=rwc", path.display());
        let pool = sqlx::AnyPool::connect(&url).await.unwrap();
        let all = sqlx::migrate!("./migrations/sqlite");
        let before = Migrator {
            migrations: Cow::Owned(all.migrations[..3].to_vec()),
            ..all
        };
        before.run(&pool).await.unwrap();
        let mut event = NewEvent::new(
            &Actor::system("test"),
            EventDomain::Accounts,
            "user.created",
            "user",
            1,
        )
        .into_stored(1, "2026-01-01T00:00:00.000000Z".into(), GENESIS_HASH.into());
        event.hash = hash_of(&event, false);
        sqlx::query(
            "INSERT INTO events (seq, occurred_at, actor_name, actor_role, action, entity_type, \
             entity_id, summary, origin, security, prev_hash, hash) \
             VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $10)",
        )
        .bind(&event.occurred_at)
        .bind(&event.actor_name)
        .bind(&event.actor_role)
        .bind(&event.action)
        .bind(&event.entity_type)
        .bind(&event.entity_id)
        .bind(&event.summary)
        .bind(&event.origin)
        .bind(&event.prev_hash)
        .bind(&event.hash)
        .execute(&pool)
        .await
        .unwrap();
        sqlx::query("UPDATE event_chain_head SET last_seq = 1, last_hash = $1")
            .bind(&event.hash)
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
        url
    }

    #[tokio::test]
    async fn r_log_4_migration_gives_early_events_their_domain_and_the_chain_still_verifies() {
        let url = database_from_before_domains().await;
        let store = Store::connect(&url).await.unwrap();
        let (domain,): (String,) = sqlx::query_as("SELECT domain FROM events WHERE seq = 1")
            .fetch_one(store.pool())
            .await
            .unwrap();
        assert_eq!(domain, "accounts");
        let mut tx = store.begin_write().await.unwrap();
        tx.record(NewEvent::new(
            &Actor::system("test"),
            EventDomain::Settlement,
            "settlement.test",
            "case",
            1,
        ))
        .await
        .unwrap();
        tx.commit().await.unwrap();
        let checked = store.verify_event_chain().await.unwrap();
        assert!(
            checked >= 2,
            "the early event and the ones after the migration"
        );
        // An early event claiming another domain is caught: its domain was not hashed.
        let mut moved = sqlx::query_as::<_, Event>(sqlx::AssertSqlSafe(format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE seq = 1"
        )))
        .fetch_one(store.pool())
        .await
        .unwrap();
        assert_eq!(check(&moved, 2), None);
        moved.domain = "settlement".into();
        assert!(check(&moved, 2).is_some());
        // From the migration on, the domain is part of the hash.
        moved.seq = 2;
        moved.hash = chain_hash(&moved);
        assert_eq!(check(&moved, 2), None);
        moved.domain = "registry".into();
        assert!(check(&moved, 2).is_some());
        store.pool().close().await;
        let _ = std::fs::remove_file(
            url.trim_start_matches("sqlite:")
                .trim_end_matches("?mode=rwc"),
        );
    }
}
