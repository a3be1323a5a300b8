//! The month's claims overview (`/claims`): every centre in the caller's scope with its claim of
//! the month — submitted, missing or incorrect (accounting data incomplete, R-REG-8) — and the
//! totals; and making every claim of the month that can be made at once (`POST /claims`, and
//! `POST /api/v1/claims/month`), for an operator's or a region's centres.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use askama::Template;
use axum::Router;
use axum::extract::Query;
use axum::routing::{get, post};
use mottak_domain::access::{Capability, Role};
use mottak_domain::dates::Month;
use mottak_domain::money::Ore;
use mottak_store::claims::ClaimSummary;
use mottak_store::registry::{CentreFilter, CentreListRow, CentreRecord, OperatorRecord};
use serde::Deserialize;

use super::stored_pages::{last_month, refusal_text, status_key};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::claims::{ClaimRefusal, make_claims};
use crate::error::{ApiResult, PageError};
use crate::pages::{Page, Shell, render};
use crate::registry::scope;
use crate::routes::registry::REGIONS;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/claims",
            get(overview).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/claims",
            post(make_month).route_layer(allow(Capability::MakeClaims)),
        )
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct OverviewQuery {
    month: Option<String>,
    region: Option<String>,
}

struct OverviewRow {
    centre_id: i64,
    number: String,
    name: String,
    region: String,
    claim: Option<i64>,
    total: String,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "claims/overview.html")]
struct OverviewPage {
    shell: Shell,
    month: String,
    region: String,
    regions: Vec<&'static str>,
    region_fixed: bool,
    may_make: bool,
    /// After making the month's claims: what was made and why the others were not.
    made: Option<String>,
    rows: Vec<OverviewRow>,
    submitted: usize,
    missing: usize,
    incorrect: usize,
    total: String,
}

/// The open and closed centres in the caller's scope, in `region` when the caller may choose:
/// a region's own, an operator's own, UDI's and admins' everywhere. Returns the region shown.
pub async fn centres_in_scope(
    state: &AppState,
    caller: &Caller,
    region: Option<&str>,
) -> ApiResult<(Option<String>, Vec<CentreListRow>)> {
    let mut filter = CentreFilter {
        region: region
            .map(str::trim)
            .filter(|region| !region.is_empty())
            .map(str::to_uppercase),
        limit: 5000,
        ..CentreFilter::default()
    };
    scope::restrict(&state.store, caller, &mut filter).await?;
    let (centres, _) = state.store.list_centres(&filter).await?;
    Ok((filter.region, centres))
}

async fn overview_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    query: &OverviewQuery,
    made: Option<String>,
) -> Result<OverviewPage, PageError> {
    let month = query
        .month
        .as_deref()
        .and_then(|text| Month::parse(text.trim()))
        .unwrap_or_else(last_month);
    let (region, centres) = centres_in_scope(state, caller, query.region.as_deref()).await?;
    let claims: HashMap<i64, ClaimSummary> = state
        .store
        .claims_of_month(month)
        .await?
        .into_iter()
        .map(|claim| (claim.centre_id, claim))
        .collect();
    let mut total = Ore::ZERO;
    let (mut submitted, mut missing, mut incorrect) = (0, 0, 0);
    let rows = centres
        .into_iter()
        .map(|centre| {
            let claim = claims.get(&centre.id);
            let status = match claim {
                None => {
                    missing += 1;
                    "stored.status.missing"
                }
                Some(claim) => {
                    total += Ore(claim.total);
                    if claim.complete == 0 {
                        incorrect += 1;
                    } else {
                        submitted += 1;
                    }
                    status_key(claim)
                }
            };
            OverviewRow {
                centre_id: centre.id,
                number: centre.number,
                name: centre.name,
                region: centre.region,
                claim: claim.map(|claim| claim.id),
                total: claim
                    .map(|claim| Ore(claim.total).to_string())
                    .unwrap_or_default(),
                status,
            }
        })
        .collect();
    Ok(OverviewPage {
        month: month.to_string(),
        region: region.unwrap_or_default(),
        regions: REGIONS.to_vec(),
        region_fixed: caller.role != Role::Admin && caller.role != Role::UdiAdm,
        may_make: caller.role.may(Capability::MakeClaims),
        made,
        rows,
        submitted,
        missing,
        incorrect,
        total: total.to_string(),
        shell: shell.with_title("stored.overview"),
    })
}

async fn overview(
    Page(state, shell, caller): Page,
    Query(query): Query<OverviewQuery>,
) -> Result<axum::response::Response, PageError> {
    Ok(render(
        &overview_page(&state, shell, &caller, &query, None).await?,
    ))
}

/// The centres of `rows` with their operators, to make their claims.
pub async fn with_operators(
    state: &AppState,
    rows: &[CentreListRow],
) -> ApiResult<Vec<(CentreRecord, OperatorRecord)>> {
    let mut operators: HashMap<i64, OperatorRecord> = HashMap::new();
    let mut centres = Vec::with_capacity(rows.len());
    for row in rows {
        let centre = state.store.centre(row.id).await?;
        let operator = match operators.entry(centre.operator_id) {
            Entry::Occupied(known) => known.get().clone(),
            Entry::Vacant(new) => new
                .insert(state.store.operator(centre.operator_id).await?)
                .clone(),
        };
        centres.push((centre, operator));
    }
    Ok(centres)
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct MakeMonthForm {
    month: String,
    region: String,
}

/// Makes every claim of the month in the caller's scope that can be made, then shows the
/// overview with how many were made and why the rest were not (grouped by reason).
async fn make_month(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<MakeMonthForm>,
) -> Result<axum::response::Response, PageError> {
    let month = Month::parse(form.month.trim()).unwrap_or_else(last_month);
    let (_, rows) = centres_in_scope(&state, &caller, Some(&form.region)).await?;
    let centres = with_operators(&state, &rows).await?;
    let outcomes = make_claims(&state.store, &caller, &centres, month).await?;
    let made = outcomes.iter().filter(|(_, made)| made.is_ok()).count();
    let mut reasons: Vec<(String, usize)> = Vec::new();
    for (_, outcome) in &outcomes {
        if let Err(refusal) = outcome {
            let text = match refusal {
                // Grouped: the text without the claim's own number.
                ClaimRefusal::AlreadyMade { .. } => {
                    refusal_text(&shell, ClaimRefusal::AlreadyMade { claim: 0 }, month)
                }
                other => refusal_text(&shell, *other, month),
            };
            match reasons.iter_mut().find(|(known, _)| *known == text) {
                Some((_, count)) => *count += 1,
                None => reasons.push((text, 1)),
            }
        }
    }
    let mut summary = format!("{}: {made}.", shell.t("stored.made_count"));
    for (reason, count) in reasons {
        summary.push_str(&format!(" {reason} ({count})"));
    }
    let query = OverviewQuery {
        month: Some(month.to_string()),
        region: Some(form.region),
    };
    Ok(render(
        &overview_page(&state, shell, &caller, &query, Some(summary)).await?,
    ))
}
