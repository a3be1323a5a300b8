//! The event log (SPEC §8): append-only, hash-chained, searchable.

use serde::Serialize;
use sha2::{Digest, Sha256};
use sqlx::FromRow;

use crate::{Store, StoreError};

/// Who did something, as the log records it.
#[derive(Clone, Debug, Default)]
pub struct Actor {
    pub id: Option<i64>,
    pub name: String,
    pub role: String,
    pub origin: String,
}

impl Actor {
    /// The command line or the system itself (migrations, demo data).
    pub fn system(name: &str) -> Actor {
        Actor {
            id: None,
            name: name.to_owned(),
            role: "system".to_owned(),
            origin: "local".to_owned(),
        }
    }
}

/// An event before it enters the chain. The summary names the entity and the fields changed and
/// never carries secrets or special categories of personal data (R-LOG-3): callers pass field
/// names and non-sensitive values only.
#[derive(Clone, Debug)]
pub struct NewEvent {
    pub actor: Actor,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub summary: serde_json::Value,
    /// Login and security events are visible to admins only (R-LOG-4).
    pub security: bool,
    pub scope_region: Option<String>,
    pub scope_operator: Option<String>,
    pub scope_municipality: Option<String>,
}

impl NewEvent {
    pub fn new(actor: &Actor, action: &str, entity_type: &str, entity_id: impl ToString) -> Self {
        NewEvent {
            actor: actor.clone(),
            action: action.to_owned(),
            entity_type: entity_type.to_owned(),
            entity_id: entity_id.to_string(),
            summary: serde_json::Value::Object(Default::default()),
            security: false,
            scope_region: None,
            scope_operator: None,
            scope_municipality: None,
        }
    }

    pub fn summary(mut self, summary: serde_json::Value) -> Self {
        self.summary = summary;
        self
    }

    pub fn security(mut self) -> Self {
        self.security = true;
        self
    }

    pub fn in_region(mut self, region: Option<String>) -> Self {
        self.scope_region = region;
        self
    }

    pub fn in_operator(mut self, operator: Option<String>) -> Self {
        self.scope_operator = operator;
        self
    }

    pub fn in_municipality(mut self, municipality: Option<String>) -> Self {
        self.scope_municipality = municipality;
        self
    }

    pub(crate) fn into_stored(self, seq: i64, occurred_at: String, prev_hash: String) -> Event {
        Event {
            seq,
            occurred_at,
            actor_id: self.actor.id,
            actor_name: self.actor.name,
            actor_role: self.actor.role,
            action: self.action,
            entity_type: self.entity_type,
            entity_id: self.entity_id,
            summary: self.summary.to_string(),
            origin: self.actor.origin,
            security: i64::from(self.security),
            scope_region: self.scope_region,
            scope_operator: self.scope_operator,
            scope_municipality: self.scope_municipality,
            prev_hash,
            hash: String::new(),
        }
    }
}

/// An event as stored.
#[derive(Clone, Debug, Serialize, FromRow)]
pub struct Event {
    pub seq: i64,
    pub occurred_at: String,
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub actor_role: String,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub summary: String,
    pub origin: String,
    /// 1 for login and security events (0/1: booleans do not cross sqlx's `Any` driver).
    #[serde(skip)]
    pub security: i64,
    pub scope_region: Option<String>,
    pub scope_operator: Option<String>,
    pub scope_municipality: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

/// SHA-256 over the event's content and the previous event's hash (R-LOG-2). Fields are
/// separated by a unit separator and `None` differs from the empty string.
pub fn chain_hash(event: &Event) -> String {
    fn optional(value: &Option<String>) -> String {
        value
            .as_ref()
            .map_or_else(|| "\u{0}".to_owned(), Clone::clone)
    }
    let fields = [
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
        event.prev_hash.clone(),
    ];
    let mut hasher = Sha256::new();
    for field in fields {
        hasher.update(field.as_bytes());
        hasher.update([0x1f]);
    }
    hex::encode(hasher.finalize())
}

/// Filters of the log search (R-LOG-1) and the scope of the searcher (R-LOG-4).
#[derive(Clone, Debug, Default)]
pub struct EventQuery {
    pub actor: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// Inclusive start and exclusive end, as stored timestamps or dates.
    pub from: Option<String>,
    pub to: Option<String>,
    pub text: Option<String>,
    pub scope: EventScope,
    pub limit: i64,
    pub offset: i64,
}

/// What a searcher may see (R-LOG-4).
#[derive(Clone, Debug, Default)]
pub enum EventScope {
    #[default]
    Everything,
    /// All events except login and security events.
    NonSecurity,
    Region(String),
    Operator(String),
    Municipality(String),
    /// Only events the searcher caused themselves.
    OwnActions(i64),
}

const EVENT_COLUMNS: &str = "seq, occurred_at, actor_id, actor_name, actor_role, action, \
    entity_type, entity_id, summary, origin, security, scope_region, scope_operator, \
    scope_municipality, prev_hash, hash";

impl Store {
    pub async fn search_events(&self, query: &EventQuery) -> Result<Vec<Event>, StoreError> {
        // Every filter is a bound parameter; an absent one is NULL and matches everything.
        let (scope_kind, scope_value) = match &query.scope {
            EventScope::Everything => ("all", String::new()),
            EventScope::NonSecurity => ("nonsecurity", String::new()),
            EventScope::Region(region) => ("region", region.clone()),
            EventScope::Operator(operator) => ("operator", operator.clone()),
            EventScope::Municipality(number) => ("municipality", number.clone()),
            EventScope::OwnActions(id) => ("own", id.to_string()),
        };
        let text = query
            .text
            .as_ref()
            .map(|text| format!("%{}%", text.to_lowercase()));
        let sql = format!(
            "SELECT {EVENT_COLUMNS} FROM events WHERE \
             ($1 IS NULL OR actor_name = $1) \
             AND ($2 IS NULL OR entity_type = $2) \
             AND ($3 IS NULL OR entity_id = $3) \
             AND ($4 IS NULL OR occurred_at >= $4) \
             AND ($5 IS NULL OR occurred_at < $5) \
             AND ($6 IS NULL OR LOWER(action || ' ' || entity_type || ' ' || entity_id || ' ' \
                  || summary || ' ' || actor_name) LIKE $6) \
             AND ($7 = 'all' \
                  OR ($7 = 'nonsecurity' AND security = 0) \
                  OR ($7 = 'region' AND security = 0 AND scope_region = $8) \
                  OR ($7 = 'operator' AND security = 0 AND scope_operator = $8) \
                  OR ($7 = 'municipality' AND security = 0 AND scope_municipality = $8) \
                  OR ($7 = 'own' AND security = 0 AND CAST(actor_id AS TEXT) = $8)) \
             ORDER BY seq DESC LIMIT $9 OFFSET $10"
        );
        let events = sqlx::query_as::<_, Event>(sqlx::AssertSqlSafe(sql))
            .bind(&query.actor)
            .bind(&query.entity_type)
            .bind(&query.entity_id)
            .bind(&query.from)
            .bind(&query.to)
            .bind(text)
            .bind(scope_kind)
            .bind(scope_value)
            .bind(query.limit.clamp(1, 500))
            .bind(query.offset.max(0))
            .fetch_all(&self.pool)
            .await?;
        Ok(events)
    }

    pub async fn count_events_since(&self, since: &str) -> Result<i64, StoreError> {
        let (count,): (i64,) =
            sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM events WHERE occurred_at >= $1")
                .bind(since)
                .fetch_one(&self.pool)
                .await?;
        Ok(count)
    }

    /// Checks the whole chain (R-LOG-2): dense sequence numbers, each event's hash over its
    /// content and its predecessor's hash, and the head pointing at the last event. Returns the
    /// number of events checked.
    pub async fn verify_event_chain(&self) -> Result<i64, StoreError> {
        let (last_seq, last_hash): (i64, String) =
            sqlx::query_as("SELECT last_seq, last_hash FROM event_chain_head WHERE id = 1")
                .fetch_one(&self.pool)
                .await?;
        let mut previous_hash =
            "0000000000000000000000000000000000000000000000000000000000000000".to_owned();
        let mut expected_seq = 1;
        let page_size = 5_000;
        loop {
            let sql =
                format!("SELECT {EVENT_COLUMNS} FROM events WHERE seq >= $1 ORDER BY seq LIMIT $2");
            let page = sqlx::query_as::<_, Event>(sqlx::AssertSqlSafe(sql))
                .bind(expected_seq)
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
                if chain_hash(event) != event.hash {
                    return Err(broken("content does not match its hash"));
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
