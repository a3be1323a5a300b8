//! Stored claims in the browser (R-CLM-5, R-CLM-6; the month's overview is `overview.rs`): a
//! centre's claims with the form that makes one
//! (`/centres/{id}/claims`), the printable claim (`/claims/{id}`) and its CSV and PDF.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use chrono::Datelike;
use mottak_domain::access::Capability;
use mottak_domain::claims::LineKind;
use mottak_domain::dates::Month;
use mottak_domain::money::Ore;
use mottak_domain::registry::AccountingData;
use mottak_store::claims::{ClaimSummary, StoredClaim};
use mottak_store::registry::{CentreRecord, OperatorRecord};
use serde::Deserialize;

use super::documents::{csv_response, line_name, pdf_response};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::claims::{ClaimRefusal, make_claim, visible_claim};
use crate::error::PageError;
use crate::occupancy::{load_centre, today};
use crate::pages::{Page, PageResult, Shell, display_date, display_timestamp, render};
use crate::routes::registry::accounting;
use crate::routes::registry::views::accounting_label;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/claims/{id}",
            get(claim_page).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/claims/{id}/csv",
            get(claim_file::<CsvFile>).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/claims/{id}/pdf",
            get(claim_file::<PdfFile>).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/centres/{id}/claims",
            get(centre_claims).route_layer(allow(Capability::ReadClaims)),
        )
        .route(
            "/centres/{id}/claims",
            post(make).route_layer(allow(Capability::MakeClaims)),
        )
}

/// The month before today's: the one a centre usually claims.
pub(super) fn last_month() -> Month {
    let today = today();
    let index = today.year() * 12 + today.month() as i32 - 2;
    Month::new(index.div_euclid(12), index.rem_euclid(12) as u32 + 1).expect("a month")
}

struct LineRow {
    name: String,
    priority: String,
    price: String,
    days: String,
    quantity: String,
    amount: String,
    agreements: String,
}

struct WarningRow {
    date: String,
    residents: String,
    meals: String,
}

#[derive(Template)]
#[template(path = "claims/stored.html")]
struct ClaimPage {
    shell: Shell,
    claim_id: i64,
    centre: CentreRecord,
    operator: String,
    month: String,
    created: String,
    created_by: String,
    accounting: Vec<(&'static str, String)>,
    complete: bool,
    missing: String,
    lines: Vec<LineRow>,
    warnings: Vec<WarningRow>,
    total: String,
    flagged: bool,
    credited_in: Option<i64>,
}

fn line_rows(shell: &Shell, claim: &StoredClaim) -> Vec<LineRow> {
    claim
        .lines
        .iter()
        .map(|stored| {
            let line = &stored.line;
            let name = line_name(stored, shell.lang);
            LineRow {
                name,
                priority: line.priority.map(|p| p.to_string()).unwrap_or_default(),
                price: match line.kind {
                    LineKind::FixedOperating | LineKind::FixedRent => {
                        format!("{} {}", line.price, shell.t("claims.per_year"))
                    }
                    LineKind::Credit => String::new(),
                    _ => line.price.to_string(),
                },
                days: line.days.to_string(),
                quantity: line.quantity.map(|q| q.to_string()).unwrap_or_default(),
                amount: line.amount.to_string(),
                agreements: stored.agreements.join(", "),
            }
        })
        .collect()
}

async fn claim_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let (claim, centre, operator) = visible_claim(&state.store, &caller, id).await?;
    let header = accounting(&centre, &operator);
    let shown = |value: &Option<String>| value.clone().unwrap_or_else(|| "–".to_owned());
    let page = ClaimPage {
        claim_id: claim.id,
        operator: format!("{} ({})", operator.fields.name, operator.dro()),
        month: claim.month.to_string(),
        created: display_timestamp(&claim.created_at),
        created_by: claim.created_by.clone(),
        accounting: [
            &header.external_cost_centre,
            &header.udi_cost_centre,
            &header.supplier_number_benefits,
            &header.supplier_number_operation,
            &header.organisation_number,
            &header.bank_account_benefits,
            &header.bank_account_operation,
        ]
        .into_iter()
        .zip(AccountingData::FIELDS)
        .map(|(value, field)| (accounting_label(field), shown(value)))
        .collect(),
        complete: claim.complete,
        missing: claim
            .missing
            .iter()
            .map(|field| shell.t(accounting_label(field)))
            .collect::<Vec<_>>()
            .join(", "),
        lines: line_rows(&shell, &claim),
        warnings: claim
            .warnings
            .iter()
            .map(|warning| {
                let (residents, meals) = warning.unpaid.columns();
                WarningRow {
                    date: display_date(warning.date),
                    residents,
                    meals,
                }
            })
            .collect(),
        total: claim.total.to_string(),
        flagged: claim.flagged_at.is_some(),
        credited_in: claim.credited_in,
        centre,
        shell: shell.with_title("stored.title"),
    };
    Ok(render(&page))
}

type WriteClaim = fn(&StoredClaim, &CentreRecord, &OperatorRecord) -> Response;

/// The format a route writes a stored claim in, as a type, so that one handler serves both.
trait ClaimFile {
    const WRITE: WriteClaim;
}

struct CsvFile;
impl ClaimFile for CsvFile {
    const WRITE: WriteClaim = csv_response;
}

struct PdfFile;
impl ClaimFile for PdfFile {
    const WRITE: WriteClaim = pdf_response;
}

async fn claim_file<F: ClaimFile>(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<i64>,
) -> PageResult {
    let (claim, centre, operator) = visible_claim(&state.store, &caller, id).await?;
    Ok(F::WRITE(&claim, &centre, &operator))
}

struct SummaryRow {
    id: i64,
    month: String,
    total: String,
    status: &'static str,
}

#[derive(Template)]
#[template(path = "claims/centre.html")]
struct CentreClaimsPage {
    shell: Shell,
    centre: CentreRecord,
    claims: Vec<SummaryRow>,
    may_make: bool,
    month: String,
    error: String,
}

pub(super) fn status_key(summary: &ClaimSummary) -> &'static str {
    if summary.flagged_at.is_some() {
        "stored.status.flagged"
    } else if summary.complete == 0 {
        "stored.status.incorrect"
    } else {
        "stored.status.submitted"
    }
}

async fn centre_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    month: String,
    error: String,
) -> Result<CentreClaimsPage, PageError> {
    let (centre, _) = load_centre(&state.store, caller, id).await?;
    let claims = state
        .store
        .claims_of_centre(centre.id)
        .await?
        .iter()
        .map(|summary| SummaryRow {
            id: summary.id,
            month: summary.month.clone(),
            total: Ore(summary.total).to_string(),
            status: status_key(summary),
        })
        .collect();
    Ok(CentreClaimsPage {
        shell: shell.with_title("stored.centre_claims"),
        centre,
        claims,
        may_make: caller.role.may(Capability::MakeClaims),
        month,
        error,
    })
}

async fn centre_claims(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let page = centre_page(
        &state,
        shell,
        &caller,
        id,
        last_month().to_string(),
        String::new(),
    )
    .await?;
    Ok(render(&page))
}

#[derive(Deserialize)]
struct MakeForm {
    month: String,
}

async fn make(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<MakeForm>,
) -> PageResult {
    let refused = |message: String| (message, form.month.clone());
    let result = match Month::parse(form.month.trim()) {
        None => Err(refused(shell.t("stored.month_invalid").to_owned())),
        Some(month) => {
            let (centre, operator) = load_centre(&state.store, &caller, id).await?;
            make_claim(&state.store, &caller, &centre, &operator, month)
                .await?
                .map_err(|refusal| refused(refusal_text(&shell, refusal, month)))
        }
    };
    match result {
        Ok(claim) => Ok(Redirect::to(&format!("/claims/{claim}")).into_response()),
        Err((message, month)) => {
            let page = centre_page(&state, shell, &caller, id, month, message).await?;
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
    }
}

/// The refusal in the user's language.
pub(super) fn refusal_text(shell: &Shell, refusal: ClaimRefusal, month: Month) -> String {
    match refusal {
        ClaimRefusal::AlreadyMade { .. } => format!("{} {month}.", shell.t("stored.already_made")),
        ClaimRefusal::NotApproved => format!("{} {month}.", shell.t("stored.not_approved")),
        ClaimRefusal::WindowClosed { closed } => {
            format!(
                "{} {}.",
                shell.t("stored.window_closed"),
                display_date(closed)
            )
        }
    }
}
