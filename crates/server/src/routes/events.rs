//! The event log (R-LOG-1, R-LOG-4): search page and API, limited to the caller's scope.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use mottak_store::events::{Event, EventQuery};
use serde::{Deserialize, Serialize};

use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::error::{ApiError, ApiResult};
use crate::i18n::Lang;
use crate::i18n::events::{action_words, entity_choices, entity_words, summary_words};
use crate::input::non_blank;
use crate::pages::{Page, PageResult, Shell, display_timestamp, parse_user_date, render};
use crate::params::ApiQuery;
use crate::state::AppState;
use crate::table_export::{Cell, FileFormat, Table};
use mottak_domain::access::Capability;
use mottak_domain::error::{FieldError, Problem};

const PAGE_SIZE: i64 = 50;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/events",
            get(search_api).route_layer(allow(Capability::SignedIn)),
        )
        .route(
            "/events",
            get(search_page).route_layer(allow(Capability::SignedIn)),
        )
        .route(
            "/events/export/{format}",
            get(export).route_layer(allow(Capability::SignedIn)),
        )
}

/// The most events one export holds; a wider search is narrowed by date first.
const EXPORT_LIMIT: i64 = 10_000;

/// Search filters; all optional. Dates are `YYYY-MM-DD`; `to` is inclusive.
#[derive(Deserialize, Default, Clone, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct EventSearch {
    actor: String,
    entity_type: String,
    entity_id: String,
    from: String,
    to: String,
    /// Free text: words, each matching the start of a word in the action, entity, summary or
    /// actor (a word under three characters: a whole word).
    q: String,
    offset: Option<i64>,
}

/// The stored timestamp at which a Norwegian day begins.
fn day_starts(day: chrono::NaiveDate) -> String {
    mottak_store::timestamp(mottak_domain::calendar::start_of_norwegian_day(day))
}

/// Turns the filters into a store query, naming the field of a bad date.
fn to_query(search: &EventSearch, caller: &Caller) -> Result<EventQuery, FieldError> {
    let date = |field: &str, text: &str| -> Result<Option<chrono::NaiveDate>, FieldError> {
        match non_blank(text) {
            None => Ok(None),
            Some(text) => parse_user_date(&text)
                .map(Some)
                .ok_or_else(|| FieldError::coded(field, Problem::Date)),
        }
    };
    let from = date("from", &search.from)?;
    let to = date("to", &search.to)?;
    Ok(EventQuery {
        actor: non_blank(&search.actor),
        entity_type: non_blank(&search.entity_type),
        entity_id: non_blank(&search.entity_id),
        // Days are Norwegian days (SPEC §9); the log stores UTC. The inclusive end date becomes
        // the exclusive start of the next day.
        from: from.map(day_starts),
        to: to.and_then(|day| day.succ_opt()).map(day_starts),
        text: non_blank(&search.q),
        scope: caller.event_scope(),
        limit: PAGE_SIZE,
        offset: search.offset.unwrap_or(0).max(0),
    })
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct EventView {
    seq: i64,
    occurred_at: String,
    actor: String,
    actor_role: String,
    action: String,
    entity_type: String,
    entity_id: String,
    /// Names the entity and the fields changed (never secrets or health data, R-LOG-3).
    summary: serde_json::Value,
    origin: String,
    hash: String,
}

impl From<Event> for EventView {
    fn from(event: Event) -> EventView {
        EventView {
            summary: serde_json::from_str(&event.summary).unwrap_or(serde_json::Value::Null),
            seq: event.seq,
            occurred_at: event.occurred_at,
            actor: event.actor_name,
            actor_role: event.actor_role,
            action: event.action,
            entity_type: event.entity_type,
            entity_id: event.entity_id,
            origin: event.origin,
            hash: event.hash,
        }
    }
}

/// Searches the event log within the caller's scope (R-LOG-4), newest first, 50 at a time.
#[utoipa::path(get, path = "/api/v1/events", tag = "event log", params(EventSearch),
    responses((status = 200, body = [EventView]), (status = 400, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn search_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiQuery(search): ApiQuery<EventSearch>,
) -> ApiResult<Json<Vec<EventView>>> {
    let query =
        to_query(&search, &caller).map_err(|error| ApiError::invalid_fields(vec![error]))?;
    let events = state.store.search_events(&query).await?;
    Ok(Json(events.into_iter().map(EventView::from).collect()))
}

struct EventRow {
    seq: i64,
    time: String,
    actor: String,
    action: String,
    entity: String,
    entity_href: String,
    summary: String,
    origin: String,
}

#[derive(Template)]
#[template(path = "events.html")]
struct EventsPage {
    shell: Shell,
    search: EventSearch,
    from_error: String,
    to_error: String,
    rows: Vec<EventRow>,
    next_href: String,
    /// `(code, label)` of the entity types to search by, and the filters for the download links.
    entity_types: Vec<(String, String)>,
    export_query: String,
}

async fn search_page(
    Page(state, shell, caller): Page,
    Query(search): Query<EventSearch>,
) -> PageResult {
    let mut page = EventsPage {
        search: search.clone(),
        from_error: String::new(),
        to_error: String::new(),
        rows: Vec::new(),
        next_href: String::new(),
        entity_types: entity_types(&search, shell.lang),
        export_query: {
            let mut filters = search.clone();
            filters.offset = None;
            serde_urlencoded::to_string(next_pairs(&filters)).unwrap_or_default()
        },
        shell: shell.with_title("events.title"),
    };
    let query = match to_query(&search, &caller) {
        Ok(query) => query,
        Err(error) => {
            let message = page.shell.t("form.invalid_date").to_owned();
            if error.field == "from" {
                page.from_error = message
            } else {
                page.to_error = message
            }
            return Ok(render(&page));
        }
    };
    let events = state.store.search_events(&query).await?;
    let names = entity_names(&state, &events).await?;
    let lang = page.shell.lang;
    if events.len() as i64 == PAGE_SIZE {
        let mut next = search.clone();
        next.offset = Some(query.offset + PAGE_SIZE);
        page.next_href = format!(
            "/events?{}",
            serde_urlencoded::to_string(next_pairs(&next)).unwrap_or_default()
        );
    }
    page.rows = events
        .into_iter()
        .map(|event| EventRow {
            seq: event.seq,
            time: display_timestamp(&event.occurred_at),
            actor: format!("{} ({})", event.actor_name, event.actor_role),
            action: action_words(&event.action, lang),
            entity_href: entity_href(&event.entity_type, &event.entity_id),
            entity: named_entity(&names, &event, lang),
            summary: summary_words(&event.summary, lang),
            origin: event.origin,
        })
        .collect();
    Ok(render(&page))
}

/// The names of the users and operators the events concern, by `(entity type, id)`: the log says
/// "Bruker Kari Nordmann (9)", not "user 9". Residents stay numbers: their names are personal data.
async fn entity_names(
    state: &AppState,
    events: &[Event],
) -> Result<HashMap<(String, String), String>, PageError> {
    let mut names = HashMap::new();
    if events.iter().any(|event| event.entity_type == "operator") {
        for operator in state.store.operators().await? {
            let name = format!("{} ({})", operator.fields.name, operator.dro());
            names.insert(("operator".to_owned(), operator.id.to_string()), name);
        }
    }
    // One read of the users, not one per user: an export holds up to 10,000 events.
    if events.iter().any(|event| event.entity_type == "user") {
        for user in state.store.list_users().await? {
            let name = format!("{} ({})", user.display_name, user.username);
            names.insert(("user".to_owned(), user.id.to_string()), name);
        }
    }
    Ok(names)
}

fn named_entity(names: &HashMap<(String, String), String>, event: &Event, lang: Lang) -> String {
    let key = (event.entity_type.clone(), event.entity_id.clone());
    match names.get(&key) {
        Some(name) => entity_words(&event.entity_type, name, lang),
        None => entity_words(&event.entity_type, &event.entity_id, lang),
    }
}

/// Where an event's entity is shown (R-LOG-1: each event links to what it concerns): its page
/// when it has one, otherwise the log filtered to that entity. Access is checked there.
fn entity_href(entity_type: &str, entity_id: &str) -> String {
    let numeric = entity_id.chars().all(|c| c.is_ascii_digit()) && !entity_id.is_empty();
    match entity_type {
        "centre" => format!("/centres?q={}", crate::auth::url_encode(entity_id)),
        "operator" if numeric => format!("/operators/{entity_id}"),
        "user" if numeric => format!("/admin/users/{entity_id}"),
        _ => format!(
            "/events?entity_type={}&entity_id={}",
            crate::auth::url_encode(entity_type),
            crate::auth::url_encode(entity_id)
        ),
    }
}

/// The catalogue's entity types, and the searched one if the catalogue does not know it.
fn entity_types(search: &EventSearch, lang: Lang) -> Vec<(String, String)> {
    let mut choices = entity_choices(lang);
    let searched = search.entity_type.trim();
    if !searched.is_empty() && !choices.iter().any(|(code, _)| code == searched) {
        choices.push((searched.to_owned(), searched.to_owned()));
    }
    choices
}

/// The search's events in words, as CSV or XLSX (issue 17 item 10).
async fn export(
    Page(state, shell, caller): Page,
    Path(format): Path<String>,
    Query(search): Query<EventSearch>,
) -> PageResult {
    let format = FileFormat::parse(&format).ok_or(PageError::NotFound)?;
    let lang = shell.lang;
    let mut query = to_query(&search, &caller)
        .map_err(|error| PageError::from(ApiError::invalid_fields(vec![error])))?;
    query.limit = EXPORT_LIMIT;
    query.offset = 0;
    let events = state.store.search_events(&query).await?;
    let names = entity_names(&state, &events).await?;
    let mut table = Table::new(
        lang.text("events.title"),
        &[
            "#",
            lang.text("events.time"),
            lang.text("events.actor"),
            lang.text("events.role"),
            lang.text("events.action"),
            lang.text("events.entity"),
            lang.text("events.summary"),
            lang.text("events.origin"),
        ],
    );
    for event in events {
        let entity = named_entity(&names, &event, lang);
        table.row(vec![
            Cell::Count(event.seq),
            display_timestamp(&event.occurred_at).into(),
            event.actor_name.into(),
            event.actor_role.into(),
            action_words(&event.action, lang).into(),
            entity.into(),
            summary_words(&event.summary, lang).into(),
            event.origin.into(),
        ]);
    }
    Ok(table.download(format, lang.text("events.export_file")))
}

fn next_pairs(search: &EventSearch) -> Vec<(&'static str, String)> {
    vec![
        ("actor", search.actor.clone()),
        ("entity_type", search.entity_type.clone()),
        ("entity_id", search.entity_id.clone()),
        ("from", search.from.clone()),
        ("to", search.to.clone()),
        ("q", search.q.clone()),
        ("offset", search.offset.unwrap_or(0).to_string()),
    ]
}
