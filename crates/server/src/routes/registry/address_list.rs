//! The public address list of open centres (R-REG-9): no login, no personal data.
//!
//! Anyone may ask for it, so it is cheap: the entries are read with one query (the postal place
//! joined in) and kept in memory until the next write (every write records an event, so the
//! event chain's last sequence number is the data's version) or the next day (postal places are
//! looked up by validity on a date). Each response has an ETag of its body and answers 304 when
//! the client already has it.

use std::sync::{Arc, Mutex};

use askama::Template;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use mottak_domain::registry::{AddressListEntry, to_csv};

use crate::error::PageError;
use crate::error::{ApiError, ApiResult};
use crate::http_cache::conditional;
use crate::pages::{PageResult, Shell};
use crate::registry::today;
use crate::state::AppState;

/// CSV and JSON are the same for everyone: shared caches may keep them, asking again each time.
const PUBLIC: &str = "public, no-cache";
/// The page carries the visitor's header and CSRF token: only the browser may keep it.
const PRIVATE: &str = "private, no-cache";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/address-list", get(address_list_json))
        .route("/address-list.csv", get(address_list_csv))
        .route("/address-list", get(address_list_page))
        .layer(Extension(Arc::new(AddressListCache::default())))
}

/// The entries as last read, with the version they were read at.
#[derive(Default)]
pub struct AddressListCache(Mutex<Option<CachedList>>);

struct CachedList {
    event_seq: i64,
    date: String,
    entries: Arc<Vec<AddressListEntry>>,
}

impl AddressListCache {
    fn get(&self, event_seq: i64, date: &str) -> Option<Arc<Vec<AddressListEntry>>> {
        let cached = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        cached
            .as_ref()
            .filter(|list| list.event_seq == event_seq && list.date == date)
            .map(|list| Arc::clone(&list.entries))
    }

    fn put(&self, list: CachedList) {
        *self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(list);
    }
}

/// Only what the directorate's web site publishes: names, category, addresses, phone, e-mail.
async fn entries(
    state: &AppState,
    cache: &AddressListCache,
) -> Result<Arc<Vec<AddressListEntry>>, mottak_store::StoreError> {
    // The version is read before the data, so what is cached is never older than its version.
    let event_seq = state.store.last_event_seq().await?;
    let date = today();
    if let Some(entries) = cache.get(event_seq, &date) {
        return Ok(entries);
    }
    let entries: Arc<Vec<AddressListEntry>> = Arc::new(state.store.address_list(&date).await?);
    cache.put(CachedList {
        event_seq,
        date,
        entries: Arc::clone(&entries),
    });
    Ok(entries)
}

/// The address list of open centres as JSON (public), with an ETag; 304 for a matching
/// `If-None-Match`.
#[utoipa::path(get, path = "/api/v1/address-list", tag = "registry", responses(
    (status = 200, description = "open centres: number, name, category, addresses, phone, e-mail"),
    (status = 304, description = "the ETag given in If-None-Match is current")))]
pub async fn address_list_json(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<AddressListCache>>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let entries = entries(&state, &cache).await?;
    let body = serde_json::to_vec(&*entries).map_err(|error| ApiError::Internal(error.into()))?;
    Ok(conditional(&headers, PUBLIC, "application/json", body))
}

/// The address list as CSV (`;`, UTF-8 with BOM), public.
pub async fn address_list_csv(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<AddressListCache>>,
    headers: HeaderMap,
) -> PageResult {
    let csv = to_csv(&entries(&state, &cache).await?);
    let mut response = conditional(&headers, PUBLIC, "text/csv; charset=utf-8", csv.into());
    response.headers_mut().insert(
        axum::http::header::CONTENT_DISPOSITION,
        axum::http::HeaderValue::from_static("attachment; filename=\"mottak-adresseliste.csv\""),
    );
    Ok(response)
}

#[derive(Template)]
#[template(path = "registry/address_list.html")]
struct AddressListPage {
    shell: Shell,
    entries: Arc<Vec<AddressListEntry>>,
}

async fn address_list_page(
    State(state): State<AppState>,
    Extension(cache): Extension<Arc<AddressListCache>>,
    headers: HeaderMap,
    shell: Shell,
) -> PageResult {
    let page = AddressListPage {
        entries: entries(&state, &cache).await?,
        shell: shell.with_title("registry.address_list"),
    };
    let html = page.render().map_err(|error| {
        tracing::error!(%error, "template failed");
        PageError::Internal
    })?;
    Ok(conditional(
        &headers,
        PRIVATE,
        "text/html; charset=utf-8",
        html.into(),
    ))
}
