//! Registering a new centre (R-REG-1): the form, with errors beside the fields and warnings.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use mottak_domain::error::FieldError;
use serde::Deserialize;

use super::{
    CATEGORIES, FormErrors, PLACE_TYPES, category_label, operator_choices, options,
    place_type_label,
};
use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::error::PageError;
use crate::form_errors::Labels;
use crate::i18n::problems::warning_text;
use crate::input::non_blank;
use crate::names;
use crate::pages::{Page, PageResult, Shell, region_choices, render};
use crate::registry::{self, CentreInput, RegistryError};
use crate::state::AppState;
use mottak_domain::access::Capability;

/// The new-centre form's fields and their labels.
const LABELS: &Labels = &[
    ("name", "registry.name_hint"),
    ("category", "registry.category"),
    ("place_type", "registry.place_type_default"),
    ("series", "registry.series"),
    ("number", "registry.existing_number"),
    ("region", "registry.region_for_35"),
    ("municipality_number", "registry.municipality_number"),
    ("postal_code", "registry.postal_code"),
    ("operator_id", "registry.operator"),
    ("visiting_address", "registry.visiting_address"),
    ("postal_address", "registry.postal_address"),
    ("phone", "registry.phone"),
    ("email", "registry.email"),
    ("leader", "registry.leader"),
];

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/centres/new",
        get(new_page)
            .post(create)
            .route_layer(allow(Capability::ManageRegistry)),
    )
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct NewCentreForm {
    pub name: String,
    pub category: String,
    pub place_type: String,
    pub series: String,
    pub number: String,
    pub region: String,
    pub municipality_number: String,
    pub postal_code: String,
    pub operator_id: String,
    pub visiting_address: String,
    pub postal_address: String,
    pub phone: String,
    pub email: String,
    pub leader: String,
}

#[derive(Template)]
#[template(path = "registry/centre_new.html")]
struct NewCentrePage {
    shell: Shell,
    form: NewCentreForm,
    errors: FormErrors,
    categories: Vec<(&'static str, &'static str)>,
    place_types: Vec<(&'static str, &'static str)>,
    regions: Vec<(&'static str, &'static str)>,
    series: Vec<(String, String)>,
    operators: Vec<(String, String)>,
    /// `(number, name)` for the municipality field's list (a lookup that needs no script).
    municipalities: Vec<(String, String)>,
    /// The names beside the typed municipality number and postal code (empty when unknown).
    municipality_shown: String,
    postal_shown: String,
    created: Option<(i64, String, String)>,
    warnings: Vec<String>,
}

async fn page_for(
    state: &AppState,
    shell: Shell,
    form: NewCentreForm,
    errors: FormErrors,
) -> Result<NewCentrePage, PageError> {
    let series = state.store.number_series(&registry::today()).await?;
    let operators = state.store.operators().await?;
    let municipalities: Vec<(String, String)> = names::municipality_choices(&state.store).await?;
    let municipality_shown = municipalities
        .iter()
        .find(|(number, _)| *number == form.municipality_number.trim())
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    let postal_shown = names::postal_place(&state.store, &form.postal_code).await;
    let lang = shell.lang;
    Ok(NewCentrePage {
        shell: shell.with_title("registry.new_centre"),
        form,
        errors,
        categories: options(&CATEGORIES, category_label, lang),
        place_types: options(&PLACE_TYPES, place_type_label, lang),
        regions: region_choices(),
        series: series
            .into_iter()
            .map(|row| {
                // Series 35 is a kind of centre, not a county: its name comes from the catalogue.
                let name = if row.prefix == "35" {
                    category_label("special_care", lang)
                } else {
                    &row.name
                };
                (row.prefix.clone(), format!("{} {name}", row.prefix))
            })
            .collect(),
        operators: operator_choices(&operators),
        municipalities,
        municipality_shown,
        postal_shown,
        created: None,
        warnings: Vec::new(),
    })
}

async fn new_page(State(state): State<AppState>, shell: Shell) -> PageResult {
    Ok(render(
        &page_for(
            &state,
            shell,
            NewCentreForm::default(),
            FormErrors::default(),
        )
        .await?,
    ))
}

async fn create(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<NewCentreForm>,
) -> PageResult {
    let lang = shell.lang;
    let operator_id = form.operator_id.trim().parse::<i64>().ok();
    let input = CentreInput {
        name: form.name.clone(),
        category: form.category.clone(),
        series: form.series.clone(),
        municipality_number: form.municipality_number.clone(),
        postal_code: form.postal_code.clone(),
        operator_id: operator_id.unwrap_or_default(),
        operator_missing: operator_id.is_none(),
        number: non_blank(&form.number),
        place_type: non_blank(&form.place_type),
        region: non_blank(&form.region),
        visiting_address: non_blank(&form.visiting_address),
        postal_address: non_blank(&form.postal_address),
        phone: non_blank(&form.phone),
        email: non_blank(&form.email),
        leader: non_blank(&form.leader),
        ..CentreInput::default()
    };
    match registry::create_centre(&state.store, &caller.actor(), &input).await {
        Ok((centre, warnings)) => {
            let mut page = page_for(
                &state,
                shell,
                NewCentreForm::default(),
                FormErrors::default(),
            )
            .await?;
            page.created = Some((centre.id, centre.number, centre.name));
            page.warnings = warnings
                .iter()
                .map(|warning| warning_text(warning, lang))
                .collect();
            if let Some(warning) = names::postal_code_warning(
                &state.store,
                &input.municipality_number,
                &input.postal_code,
            )
            .await?
            {
                page.warnings.push(warning_text(
                    &mottak_domain::registry::Warning::PostalElsewhere(warning),
                    lang,
                ));
            }
            Ok((StatusCode::CREATED, render(&page)).into_response())
        }
        Err(RegistryError::Invalid(errors)) => {
            let errors = FormErrors::localized(errors, shell.lang, LABELS);
            let page = page_for(&state, shell, form, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(RegistryError::Conflict { field, problem }) => {
            let field = field.unwrap_or_else(|| "number".to_owned());
            let errors =
                FormErrors::localized([FieldError::coded(field, problem)], shell.lang, LABELS);
            let page = page_for(&state, shell, form, errors).await?;
            Ok((StatusCode::CONFLICT, render(&page)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
