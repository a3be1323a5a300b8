//! The searchable, filterable centre list.

use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::response::IntoResponse;
use axum::routing::get;
use mottak_domain::access::{Capability, Role};

use super::{CATEGORIES, REGIONS, category_label, operator_choices, options, place_type_label};
use crate::auth::allow;
use crate::pages::{Page, PageResult, Shell, render};
use crate::routes::registry::api::{CentreQuery, centre_filter};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/centres",
        get(list_page).route_layer(allow(Capability::ReadRegistry)),
    )
}

pub struct Row {
    pub id: i64,
    pub number: String,
    pub name: String,
    pub category: &'static str,
    pub place_type: &'static str,
    pub status: String,
    pub region: String,
    pub municipality: String,
    pub operator: String,
}

#[derive(Template)]
#[template(path = "registry/centres.html")]
struct ListPage {
    shell: Shell,
    query: CentreQuery,
    rows: Vec<Row>,
    total: i64,
    page: i64,
    pages: i64,
    previous_href: String,
    next_href: String,
    categories: Vec<(&'static str, &'static str)>,
    regions: Vec<&'static str>,
    may_create: bool,
    region_fixed: bool,
    /// `(id, label)` of the operators to filter by; empty for an operator user.
    operators: Vec<(String, String)>,
    selected_operator: String,
    error: String,
    /// The filters for the CSV and XLSX links, so a download holds what the list shows.
    export_query: String,
}

/// The list's filters and sort as a query string, without the page.
fn filter_query(query: &CentreQuery) -> String {
    let pairs: Vec<(&str, String)> = [
        ("q", query.q.clone()),
        ("region", query.region.clone()),
        ("category", query.category.clone()),
        ("series", query.series.clone()),
        ("status", query.status.clone()),
        ("municipality", query.municipality.clone()),
        ("operator_id", query.operator_id.map(|id| id.to_string())),
        ("sort", query.sort.clone()),
        ("order", query.order.clone()),
    ]
    .into_iter()
    .filter_map(|(key, value)| {
        value
            .filter(|value| !value.is_empty())
            .map(|value| (key, value))
    })
    .collect();
    serde_urlencoded::to_string(pairs).unwrap_or_default()
}

fn page_href(query: &CentreQuery, page: i64) -> String {
    let filters = filter_query(query);
    let separator = if filters.is_empty() { "" } else { "&" };
    format!("/centres?{filters}{separator}page={page}")
}

async fn list_page(
    Page(state, shell, caller): Page,
    Query(query): Query<CentreQuery>,
) -> PageResult {
    let lang = shell.lang;
    let mut page = ListPage {
        query: query.clone(),
        rows: Vec::new(),
        total: 0,
        page: 1,
        pages: 1,
        previous_href: String::new(),
        next_href: String::new(),
        categories: options(&CATEGORIES, category_label, shell.lang),
        regions: REGIONS.to_vec(),
        may_create: caller.role.may(Capability::ManageRegistry),
        region_fixed: caller.role == Role::UdiRegion,
        selected_operator: query
            .operator_id
            .map(|id| id.to_string())
            .unwrap_or_default(),
        operators: if caller.role == Role::Operator {
            Vec::new()
        } else {
            operator_choices(&state.store.operators().await?)
        },
        error: String::new(),
        export_query: filter_query(&query),
        shell: shell.with_title("registry.centres"),
    };
    let filter = match centre_filter(&state, &caller, &query).await {
        Ok(filter) => filter,
        Err(error) => {
            page.error = error.to_string();
            return Ok((axum::http::StatusCode::BAD_REQUEST, render(&page)).into_response());
        }
    };
    let (rows, total) = state.store.list_centres(&filter).await?;
    let names = crate::names::Names::load(&state.store).await?;
    page.total = total;
    page.page = filter.offset / filter.limit + 1;
    page.pages = ((total + filter.limit - 1) / filter.limit).max(1);
    if page.page > 1 {
        page.previous_href = page_href(&query, page.page - 1);
    }
    if page.page < page.pages {
        page.next_href = page_href(&query, page.page + 1);
    }
    page.rows = rows
        .into_iter()
        .map(|row| Row {
            id: row.id,
            category: category_label(&row.category, lang),
            place_type: place_type_label(&row.place_type, lang),
            number: row.number,
            name: row.name,
            status: row.status,
            region: row.region,
            municipality: names.municipality(&row.municipality_number),
            operator: format!("{} (DRO{})", row.operator_name, row.operator_dro),
        })
        .collect();
    Ok(render(&page))
}
