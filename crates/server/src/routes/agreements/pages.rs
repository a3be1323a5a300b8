//! The agreement page: every term, the capacity per unit (R-AGR-5), the last operating day
//! (R-AGR-3), the versions, and for UDI the notice form (R-AGR-4).

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use mottak_domain::access::Capability;
use mottak_domain::agreements::{CapacitySummary, Price, capacity_summary};
use mottak_domain::error::FieldError;
use mottak_store::agreements::StoredAgreement;
use serde::Deserialize;

use crate::agreements::{self, visible_agreement};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::pages::{Page, PageResult, Shell, display_date, display_timestamp, render};
use crate::registry::{RegistryError, scope};
use crate::routes::registry::pages::FormErrors;
use crate::state::AppState;

use super::form_input::iso;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/agreements/{id}",
            get(agreement_page).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/agreements/{id}/notice",
            post(give_notice).route_layer(allow(Capability::ManageRegistry)),
        )
}

/// A price on screen: as agreed, current, and when last regulated.
pub struct PriceRow {
    pub label: String,
    pub amount: String,
    pub current: String,
    pub regulated_on: String,
    pub regulated: bool,
}

fn price_row(label: String, price: &Price) -> PriceRow {
    PriceRow {
        label,
        amount: price.amount.to_string(),
        current: price.current.to_string(),
        regulated_on: price.regulated_on.map(display_date).unwrap_or_default(),
        regulated: price.regulation.is_some(),
    }
}

pub struct UnitSection {
    pub centre_id: i64,
    pub centre: String,
    pub place_type: String,
    pub canteen: bool,
    pub capacity: CapacitySummary,
    pub prices: Vec<PriceRow>,
}

pub struct VersionRow {
    pub version: i64,
    pub time: String,
    pub actor: String,
}

#[derive(Template)]
#[template(path = "agreements/agreement.html")]
pub struct AgreementPage {
    pub shell: Shell,
    pub agreement: StoredAgreement,
    pub kind: &'static str,
    pub dates: Vec<(&'static str, String)>,
    pub last_operating_day: String,
    pub units: Vec<UnitSection>,
    pub versions: Vec<VersionRow>,
    pub national: bool,
    pub notice_date: String,
    pub errors: FormErrors,
}

fn kind_key(code: &str) -> &'static str {
    match code {
        "H" => "agreements.kind_h",
        "T" => "agreements.kind_t",
        _ => "agreements.kind_a",
    }
}

async fn page_for(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    agreement: StoredAgreement,
    notice_date: String,
    errors: FormErrors,
) -> Result<AgreementPage, PageError> {
    let terms = &agreement.terms;
    let mut units = Vec::with_capacity(terms.units.len());
    for unit in &terms.units {
        let centre = state.store.centre(unit.centre_id).await?;
        let mut prices = vec![
            price_row(
                shell.t("agreements.fixed_operating").to_owned(),
                &unit.fixed_annual_operating,
            ),
            price_row(
                shell.t("agreements.fixed_rent").to_owned(),
                &unit.fixed_annual_rent,
            ),
        ];
        for tier in &unit.unit_tiers {
            let label = format!(
                "{} {} · {} {}",
                shell.t("agreements.priority"),
                tier.priority,
                shell.t(&format!("agreements.tier_{}", tier.kind.code())),
                match tier.places.count() {
                    0 => shell.t("agreements.over_occupancy").to_owned(),
                    places => format!("{places} {}", shell.t("agreements.places")),
                }
            );
            prices.push(price_row(label, &tier.price));
        }
        for tier in &unit.meal_tiers {
            let label = format!(
                "{} {} · {} {}",
                shell.t("agreements.priority"),
                tier.priority,
                shell.t("agreements.meals"),
                tier.persons.count()
            );
            prices.push(price_row(label, &tier.price));
        }
        units.push(UnitSection {
            centre_id: centre.id,
            centre: format!("{} {}", centre.number, centre.name),
            place_type: crate::routes::registry::pages::place_type_label(
                &centre.place_type,
                shell.lang,
            )
            .to_owned(),
            canteen: unit.canteen,
            capacity: capacity_summary(unit),
            prices,
        });
    }
    let versions = state
        .store
        .agreement_versions(agreement.id)
        .await?
        .into_iter()
        .map(|version| VersionRow {
            version: version.version,
            time: display_timestamp(&version.created_at),
            actor: version.actor_name,
        })
        .collect();
    let optional = |date: Option<chrono::NaiveDate>| date.map(display_date).unwrap_or_default();
    let dates = vec![
        ("agreements.signed", display_date(terms.signed)),
        ("agreements.awarded", optional(terms.awarded)),
        (
            "agreements.operation_start",
            display_date(terms.operation_start),
        ),
        ("agreements.valid_from", display_date(terms.valid_from)),
        ("agreements.valid_to", display_date(terms.valid_to)),
        ("agreements.stop_date", optional(terms.stop_date)),
        ("agreements.notice_date", optional(terms.notice_date)),
    ];
    Ok(AgreementPage {
        kind: kind_key(terms.kind.code()),
        last_operating_day: display_date(terms.last_operating_day()),
        dates,
        units,
        versions,
        national: scope::is_national(caller),
        notice_date,
        errors,
        shell: shell.with_title("agreements.agreement"),
        agreement,
    })
}

async fn agreement_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let agreement = visible_agreement(&state.store, &caller, id).await?;
    let page = page_for(
        &state,
        shell,
        &caller,
        agreement,
        String::new(),
        FormErrors::default(),
    )
    .await?;
    Ok(render(&page))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct NoticeForm {
    /// dd.mm.yyyy or YYYY-MM-DD.
    date: String,
}

async fn give_notice(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<NoticeForm>,
) -> PageResult {
    let agreement = visible_agreement(&state.store, &caller, id).await?;
    let outcome =
        agreements::give_notice(&state.store, &caller.actor(), &agreement, &iso(&form.date)).await;
    let (errors, status) = match outcome {
        Ok(_) => return Ok(Redirect::to(&format!("/agreements/{id}")).into_response()),
        Err(RegistryError::Invalid(errors)) => (
            FormErrors::from_fields(errors, shell.lang),
            StatusCode::BAD_REQUEST,
        ),
        Err(RegistryError::Conflict { field, problem }) => (
            FormErrors::from_fields(
                [FieldError::coded(
                    field.unwrap_or_else(|| "date".to_owned()),
                    problem,
                )],
                shell.lang,
            ),
            StatusCode::CONFLICT,
        ),
        Err(other) => return Err(other.into()),
    };
    let page = page_for(&state, shell, &caller, agreement, form.date, errors).await?;
    Ok((status, render(&page)).into_response())
}

/// One agreement in the lists of the centre and operator pages.
pub struct AgreementRow {
    pub id: i64,
    pub name: String,
    pub kind: &'static str,
    /// From valid-from to the last operating day.
    pub period: String,
}

/// The agreements of a centre or an operator that the caller may see, by start.
pub async fn agreement_rows(
    state: &AppState,
    caller: &Caller,
    centre_id: Option<i64>,
    operator_id: Option<i64>,
) -> Result<Vec<AgreementRow>, PageError> {
    let mut rows = Vec::new();
    for agreement in state.store.agreements(centre_id, operator_id).await? {
        if !agreements::may_see(&state.store, caller, &agreement).await? {
            continue;
        }
        let terms = &agreement.terms;
        rows.push(AgreementRow {
            id: agreement.id,
            name: terms.name.clone(),
            kind: kind_key(terms.kind.code()),
            period: format!(
                "{} – {}",
                display_date(terms.valid_from),
                display_date(terms.last_operating_day())
            ),
        });
    }
    Ok(rows)
}
