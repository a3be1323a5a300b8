//! The event log (SPEC §8): append-only, hash-chained, searchable.

mod chain;
mod search;

pub use chain::chain_hash;
pub use mottak_domain::event_log::{EventDomain, LogScope, Records};
pub use search::EventQuery;

use serde::Serialize;
use sqlx::FromRow;

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
    pub domain: EventDomain,
    pub action: String,
    pub entity_type: String,
    pub entity_id: String,
    pub summary: serde_json::Value,
    /// Login and security events are visible to admins only (R-LOG-4).
    pub security: bool,
    pub scope_region: Option<String>,
    pub scope_operator: Option<String>,
    pub scope_municipality: Option<String>,
    /// For account events: the role of the account concerned (R-LOG-4, R-AUTH-4).
    pub scope_account_role: Option<String>,
}

impl NewEvent {
    /// An event of `domain`; the domain decides who besides an admin may see it (R-LOG-4).
    pub fn new(
        actor: &Actor,
        domain: EventDomain,
        action: &str,
        entity_type: &str,
        entity_id: impl ToString,
    ) -> Self {
        NewEvent {
            actor: actor.clone(),
            domain,
            action: action.to_owned(),
            entity_type: entity_type.to_owned(),
            entity_id: entity_id.to_string(),
            summary: serde_json::Value::Object(Default::default()),
            security: false,
            scope_region: None,
            scope_operator: None,
            scope_municipality: None,
            scope_account_role: None,
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

    /// An account event on an account of this role.
    pub fn on_account_of_role(mut self, role: &str) -> Self {
        self.scope_account_role = Some(role.to_owned());
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
            domain: self.domain.code().to_owned(),
            scope_account_role: self.scope_account_role,
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
    /// The [`EventDomain`] code.
    pub domain: String,
    pub scope_account_role: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

const EVENT_COLUMNS: &str = "seq, occurred_at, actor_id, actor_name, actor_role, action, \
    entity_type, entity_id, summary, origin, security, scope_region, scope_operator, \
    scope_municipality, domain, scope_account_role, prev_hash, hash";
