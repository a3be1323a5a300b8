//! The public address list of open centres (R-REG-9): no login, no personal data.

use askama::Template;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use mottak_domain::registry::{AddressListEntry, to_csv};

use crate::error::ApiResult;
use crate::pages::{PageError, Shell, render};
use crate::registry::today;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/address-list", get(address_list_json))
        .route("/address-list.csv", get(address_list_csv))
        .route("/address-list", get(address_list_page))
}

/// Only what the directorate's web site publishes: names, category, addresses, phone, e-mail.
async fn entries(state: &AppState) -> Result<Vec<AddressListEntry>, mottak_store::StoreError> {
    let places: std::collections::HashMap<String, String> =
        state.store.postal_places(&today()).await?;
    Ok(state
        .store
        .open_centres()
        .await?
        .into_iter()
        .map(|centre| AddressListEntry {
            postal_place: places.get(&centre.postal_code).cloned(),
            number: centre.number,
            name: centre.name,
            category: centre.category,
            visiting_address: centre.visiting_address,
            postal_address: centre.postal_address,
            postal_code: centre.postal_code,
            phone: centre.phone,
            email: centre.email,
        })
        .collect())
}

/// The address list of open centres as JSON (public).
#[utoipa::path(get, path = "/api/v1/address-list", tag = "registry", responses((status = 200, description = "open centres: number, name, category, addresses, phone, e-mail")))]
pub async fn address_list_json(
    State(state): State<AppState>,
) -> ApiResult<Json<Vec<AddressListEntry>>> {
    Ok(Json(entries(&state).await?))
}

/// The address list as CSV (`;`, UTF-8 with BOM), public.
pub async fn address_list_csv(State(state): State<AppState>) -> Result<Response, PageError> {
    let csv = to_csv(&entries(&state).await?);
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"mottak-adresseliste.csv\"",
            ),
        ],
        csv,
    )
        .into_response())
}

#[derive(Template)]
#[template(path = "registry/address_list.html")]
struct AddressListPage {
    shell: Shell,
    entries: Vec<AddressListEntry>,
}

async fn address_list_page(
    State(state): State<AppState>,
    shell: Shell,
) -> Result<Response, PageError> {
    Ok(render(&AddressListPage {
        entries: entries(&state).await?,
        shell: shell.with_title("registry.address_list"),
    }))
}
