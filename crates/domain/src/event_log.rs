//! Who may search which events (R-LOG-4), and how free text is split into words.
//!
//! Every event belongs to one domain and carries scope tags (region, operator, municipality,
//! and for account events the account's role). A searcher's [`LogScope`] is a list of grants,
//! each a domain and the records of it they see; login and security events only an admin sees.

use crate::access::Role;

/// The part of the system an event belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EventDomain {
    /// Registry, agreements and the reference data they rest on (SPEC §2–4).
    Registry,
    /// Opening, closing and follow-up plans (SPEC §6).
    Plans,
    /// Settlement: requests, offers, decisions (SPEC §7).
    Settlement,
    /// User accounts, logins and API tokens (SPEC §1).
    Accounts,
}

impl EventDomain {
    pub const ALL: [EventDomain; 4] = [
        EventDomain::Registry,
        EventDomain::Plans,
        EventDomain::Settlement,
        EventDomain::Accounts,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            EventDomain::Registry => "registry",
            EventDomain::Plans => "plans",
            EventDomain::Settlement => "settlement",
            EventDomain::Accounts => "accounts",
        }
    }

    pub fn from_code(code: &str) -> Option<EventDomain> {
        EventDomain::ALL
            .into_iter()
            .find(|domain| domain.code() == code)
    }

    /// The domain of an event written before events had one (migration 0004 does the same in
    /// SQL): account entities are accounts, everything else was the registry.
    pub fn of_legacy_entity(entity_type: &str) -> EventDomain {
        match entity_type {
            "user" | "api_token" | "session" => EventDomain::Accounts,
            _ => EventDomain::Registry,
        }
    }
}

/// What the log knows about an event's reach.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventTags<'a> {
    pub domain: Option<EventDomain>,
    pub security: bool,
    pub region: Option<&'a str>,
    pub operator: Option<&'a str>,
    pub municipality: Option<&'a str>,
    /// For account events: the role of the account concerned.
    pub account_role: Option<&'a str>,
}

/// Which records of a domain a grant covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Records {
    All,
    Region(String),
    Operator(String),
    Municipality(String),
    /// Account events on accounts of this role (IMDi's municipal administrators, R-AUTH-4).
    AccountRole(Role),
}

/// What a searcher may see (R-LOG-4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogScope {
    /// An admin: everything, login and security events included.
    Everything,
    /// Non-security events matching any grant; no grants, nothing.
    Grants(Vec<(EventDomain, Records)>),
}

/// The remit of each role in the log (SPEC §1, R-LOG-4, R-AUTH-4). A role whose scope value is
/// missing sees nothing rather than everything.
pub fn log_scope(
    role: Role,
    region: Option<&str>,
    operator: Option<&str>,
    municipality: Option<&str>,
) -> LogScope {
    use EventDomain::{Accounts, Plans, Registry, Settlement};
    let own = |value: Option<&str>, records: fn(String) -> Records| {
        value
            .filter(|value| !value.is_empty())
            .map(|value| records(value.to_owned()))
    };
    let grants = |domains: &[EventDomain], records: Option<Records>| {
        records.map_or_else(Vec::new, |records| {
            domains
                .iter()
                .map(|domain| (*domain, records.clone()))
                .collect()
        })
    };
    match role {
        Role::Admin => LogScope::Everything,
        Role::UdiAdm => LogScope::Grants(grants(&[Registry, Plans], Some(Records::All))),
        Role::UdiRegion => {
            LogScope::Grants(grants(&[Registry, Plans], own(region, Records::Region)))
        }
        Role::Operator => {
            LogScope::Grants(grants(&[Registry, Plans], own(operator, Records::Operator)))
        }
        Role::Imdi => LogScope::Grants(vec![
            (Settlement, Records::All),
            (Accounts, Records::AccountRole(Role::MunicipalityAdmin)),
        ]),
        Role::MunicipalityAdmin => LogScope::Grants(grants(
            &[Accounts, Settlement],
            own(municipality, Records::Municipality),
        )),
        Role::Municipality => LogScope::Grants(grants(
            &[Settlement],
            own(municipality, Records::Municipality),
        )),
    }
}

impl LogScope {
    /// Whether an event with these tags is visible; the store turns the same grants into SQL.
    pub fn sees(&self, event: &EventTags) -> bool {
        let grants = match self {
            LogScope::Everything => return true,
            LogScope::Grants(grants) => grants,
        };
        !event.security
            && grants.iter().any(|(domain, records)| {
                event.domain == Some(*domain)
                    && match records {
                        Records::All => true,
                        Records::Region(region) => event.region == Some(region.as_str()),
                        Records::Operator(operator) => event.operator == Some(operator.as_str()),
                        Records::Municipality(number) => {
                            event.municipality == Some(number.as_str())
                        }
                        Records::AccountRole(role) => event.account_role == Some(role.code()),
                    }
            })
    }
}

/// The words of a free-text search (R-LOG-1): lower case, split at everything that is not a
/// letter or digit, as the log's text index splits what it stores.
pub fn search_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
#[path = "event_log_tests.rs"]
mod tests;
