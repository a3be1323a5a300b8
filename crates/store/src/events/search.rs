//! Searching the log (R-LOG-1) within the searcher's scope (R-LOG-4).
//!
//! The statement names only the filters that are present, so each backend can use its
//! indexes (migration 0004): entity, actor and time, and a word index for free text (FTS5 on
//! SQLite, a `tsvector` GIN index on PostgreSQL).

use mottak_domain::event_log::{LogScope, Records, search_words};

use super::{EVENT_COLUMNS, Event};
use crate::{Backend, Store, StoreError};

/// The words PostgreSQL indexes: the same text and the same splitting as SQLite's FTS5 table
/// (`unicode61`: everything but letters and digits separates words), and the scope words of
/// [`scope_words`]. Must match the index expression in
/// `migrations/postgres/0004_event_domains.sql` exactly.
const POSTGRES_WORDS: &str = "to_tsvector('simple', \
    regexp_replace(action || ' ' || entity_type || ' ' || entity_id || ' ' || summary || ' ' \
        || actor_name, '[\\W_]+', ' ', 'g') \
    || ' ' || CASE WHEN security = 0 THEN 'scope' || domain \
        || COALESCE(' scope' || domain || 'r' || scope_region, '') \
        || COALESCE(' scope' || domain || 'o' || scope_operator, '') \
        || COALESCE(' scope' || domain || 'm' || scope_municipality, '') \
        || COALESCE(' scope' || domain || 'a' || replace(scope_account_role, '_', ''), '') \
    ELSE '' END)";

/// The index words of a searcher's grants, as migration 0004 writes them for each event:
/// `scope` + domain (+ `r`/`o`/`m`/`a` + the region, operator, municipality or account role).
/// `None` when the scope is not narrower than the whole log, or a value would not be one word
/// (then the exact condition alone decides).
fn scope_words(scope: &LogScope) -> Option<Vec<String>> {
    let LogScope::Grants(grants) = scope else {
        return None;
    };
    let words = grants
        .iter()
        .map(|(domain, records)| {
            let domain = domain.code();
            match records {
                Records::All => format!("scope{domain}"),
                Records::Region(region) => format!("scope{domain}r{region}"),
                Records::Operator(operator) => format!("scope{domain}o{operator}"),
                Records::Municipality(number) => format!("scope{domain}m{number}"),
                Records::AccountRole(role) => {
                    format!("scope{domain}a{}", role.code().replace('_', ""))
                }
            }
        })
        .collect::<Vec<String>>();
    words
        .iter()
        .all(|word| word.chars().all(char::is_alphanumeric))
        .then_some(words)
}

/// A word matches the start of a word, `marker` in the index's query language, when it has at
/// least three characters; a shorter one only a whole word ("3" would otherwise match every
/// word that starts with 3, and cost a scan of the index's vocabulary).
fn prefix(word: &str, marker: &'static str) -> &'static str {
    if word.chars().count() >= 3 {
        marker
    } else {
        ""
    }
}

/// Filters of the log search (R-LOG-1) and the scope of the searcher (R-LOG-4).
#[derive(Clone, Debug)]
pub struct EventQuery {
    pub actor: Option<String>,
    pub entity_type: Option<String>,
    pub entity_id: Option<String>,
    /// Inclusive start and exclusive end, as stored timestamps or dates.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Words, each matching the start of a word of the event (action, entity, summary, actor);
    /// words under three characters match whole words.
    pub text: Option<String>,
    pub scope: LogScope,
    pub limit: i64,
    pub offset: i64,
}

impl Default for EventQuery {
    /// No filters, the whole log: for tools and tests. Callers acting for a user set `scope`.
    fn default() -> EventQuery {
        EventQuery {
            actor: None,
            entity_type: None,
            entity_id: None,
            from: None,
            to: None,
            text: None,
            scope: LogScope::Everything,
            limit: 50,
            offset: 0,
        }
    }
}

/// A statement under construction with its bound values; values never enter the text.
#[derive(Default)]
struct Statement {
    conditions: Vec<String>,
    binds: Vec<String>,
}

impl Statement {
    /// Binds `value` and returns its placeholder.
    fn bind(&mut self, value: &str) -> String {
        self.binds.push(value.to_owned());
        format!("${}", self.binds.len())
    }

    fn filter(&mut self, column_and_operator: &str, value: &Option<String>) {
        if let Some(value) = value {
            let placeholder = self.bind(value);
            self.conditions
                .push(format!("{column_and_operator} {placeholder}"));
        }
    }

    fn scope(&mut self, scope: &LogScope) {
        let grants = match scope {
            LogScope::Everything => return,
            LogScope::Grants(grants) if grants.is_empty() => {
                self.conditions.push("1 = 0".to_owned());
                return;
            }
            LogScope::Grants(grants) => grants,
        };
        let alternatives: Vec<String> = grants
            .iter()
            .map(|(domain, records)| {
                let domain = self.bind(domain.code());
                let (column, value) = match records {
                    Records::All => return format!("domain = {domain}"),
                    Records::Region(region) => ("scope_region", region.as_str()),
                    Records::Operator(operator) => ("scope_operator", operator.as_str()),
                    Records::Municipality(number) => ("scope_municipality", number.as_str()),
                    Records::AccountRole(role) => ("scope_account_role", role.code()),
                };
                format!("(domain = {domain} AND {column} = {})", self.bind(value))
            })
            .collect();
        self.conditions.push("security = 0".to_owned());
        self.conditions
            .push(format!("({})", alternatives.join(" OR ")));
    }
}

impl Store {
    pub async fn search_events(&self, query: &EventQuery) -> Result<Vec<Event>, StoreError> {
        let mut statement = Statement::default();
        statement.filter("actor_name =", &query.actor);
        statement.filter("entity_type =", &query.entity_type);
        statement.filter("entity_id =", &query.entity_id);
        statement.filter("occurred_at >=", &query.from);
        statement.filter("occurred_at <", &query.to);
        statement.scope(&query.scope);
        let words = query.text.as_deref().map(search_words).unwrap_or_default();
        let mut from = "events".to_owned();
        let mut order = "seq";
        if !words.is_empty() {
            // The scope words narrow the index's answer; an empty grant list is `1 = 0` above.
            let scope = scope_words(&query.scope).filter(|words| !words.is_empty());
            match self.backend {
                Backend::Sqlite => {
                    // FTS5 leads, newest first, so a common word stops at the page's end.
                    let mut phrases: Vec<String> = words
                        .iter()
                        .map(|word| format!("\"{word}\"{}", prefix(word, "*")))
                        .collect();
                    if let Some(scope) = scope {
                        let quoted: Vec<String> =
                            scope.iter().map(|word| format!("\"{word}\"")).collect();
                        phrases.push(format!("({})", quoted.join(" OR ")));
                    }
                    let matches = statement.bind(&phrases.join(" AND "));
                    from = format!(
                        "events_text JOIN events ON events.seq = events_text.rowid \
                         AND events_text MATCH {matches}"
                    );
                    order = "events_text.rowid";
                }
                Backend::Postgres => {
                    let mut prefixes: Vec<String> = words
                        .iter()
                        .map(|word| format!("{word}{}", prefix(word, ":*")))
                        .collect();
                    if let Some(scope) = scope {
                        prefixes.push(format!("({})", scope.join(" | ")));
                    }
                    let matches = statement.bind(&prefixes.join(" & "));
                    statement.conditions.push(format!(
                        "{POSTGRES_WORDS} @@ to_tsquery('simple', {matches})"
                    ));
                }
            }
        }
        let conditions = if statement.conditions.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", statement.conditions.join(" AND "))
        };
        let columns = EVENT_COLUMNS
            .split(", ")
            .map(|column| format!("events.{}", column.trim()))
            .collect::<Vec<_>>()
            .join(", ");
        let next = statement.binds.len();
        let sql = format!(
            "SELECT {columns} FROM {from} {conditions} ORDER BY {order} DESC LIMIT ${} OFFSET ${}",
            next + 1,
            next + 2
        );
        let mut select = sqlx::query_as::<_, Event>(sqlx::AssertSqlSafe(sql));
        for value in statement.binds {
            select = select.bind(value);
        }
        let events = select
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
}
