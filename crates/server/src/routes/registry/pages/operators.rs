//! Operators: list, registration and the operator's page with its centres.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use mottak_domain::access::{Capability, Role};
use mottak_domain::error::FieldError;
use mottak_store::registry::{CentreFilter, CentreListRow};
use serde::Deserialize;

use super::FormErrors;
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::form_errors::Labels;
use crate::i18n::Lang;
use crate::input::non_blank;
use crate::names::{self, Names};
use crate::pages::{Page, PageResult, Shell, render};
use crate::registry::{self, OperatorInput, RegistryError, scope};
use crate::routes::agreements::{AgreementRow, agreement_rows};
use crate::routes::registry::views::OperatorView;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/operators",
            get(list_page).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/operators/new",
            get(new_page)
                .post(create)
                .route_layer(allow(Capability::ManageRegistry)),
        )
        .route(
            "/operators/{id}",
            get(operator_page).route_layer(allow(Capability::ReadRegistry)),
        )
        .route(
            "/operators/{id}",
            axum::routing::post(update).route_layer(allow(Capability::ManageRegistry)),
        )
}

#[derive(Template)]
#[template(path = "registry/operators.html")]
struct ListPage {
    shell: Shell,
    operators: Vec<OperatorView>,
    may_create: bool,
}

async fn list_page(Page(state, shell, caller): Page) -> PageResult {
    let operators = state
        .store
        .operators()
        .await?
        .iter()
        .filter(|operator| scope::may_see_operator(&caller, operator))
        .map(OperatorView::from)
        .collect();
    Ok(render(&ListPage {
        shell: shell.with_title("registry.operators"),
        operators,
        may_create: scope::is_national(&caller),
    }))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct OperatorForm {
    pub name: String,
    pub organisation_number: String,
    pub experienced: Option<String>,
    pub dro_number: String,
    pub visiting_address: String,
    pub postal_address: String,
    pub postal_code: String,
    pub phone: String,
    pub email: String,
    pub version: i64,
}

impl OperatorForm {
    fn input(&self) -> OperatorInput {
        OperatorInput {
            name: self.name.clone(),
            organisation_number: self.organisation_number.clone(),
            experienced: self.experienced.is_some(),
            dro_number: non_blank(&self.dro_number),
            visiting_address: non_blank(&self.visiting_address),
            postal_address: non_blank(&self.postal_address),
            postal_code: non_blank(&self.postal_code),
            phone: non_blank(&self.phone),
            email: non_blank(&self.email),
        }
    }

    fn from_view(operator: &OperatorView) -> OperatorForm {
        OperatorForm {
            name: operator.name.clone(),
            organisation_number: operator.organisation_number.clone(),
            experienced: operator.experienced.then(|| "1".to_owned()),
            dro_number: operator.dro_number.clone(),
            visiting_address: operator.visiting_address.clone().unwrap_or_default(),
            postal_address: operator.postal_address.clone().unwrap_or_default(),
            postal_code: operator.postal_code.clone().unwrap_or_default(),
            phone: operator.phone.clone().unwrap_or_default(),
            email: operator.email.clone().unwrap_or_default(),
            version: operator.version,
        }
    }
}

#[derive(Template)]
#[template(path = "registry/operator_form.html")]
struct FormPage {
    shell: Shell,
    form: OperatorForm,
    errors: FormErrors,
    action: String,
    is_new: bool,
    /// The place beside the typed postal code.
    postal_shown: String,
}

async fn new_page(shell: Shell) -> Response {
    render(&FormPage {
        shell: shell.with_title("registry.new_operator"),
        form: OperatorForm::default(),
        errors: FormErrors::default(),
        action: "/operators/new".to_owned(),
        is_new: true,
        postal_shown: String::new(),
    })
}

/// The operator form's fields and their labels.
const LABELS: &Labels = &[
    ("name", "registry.name"),
    ("organisation_number", "registry.organisation_number"),
    ("dro_number", "registry.existing_dro"),
    ("visiting_address", "registry.visiting_address"),
    ("postal_address", "registry.postal_address"),
    ("postal_code", "registry.postal_code"),
    ("phone", "registry.phone"),
    ("email", "registry.email"),
];

fn form_errors(error: RegistryError, lang: Lang) -> Result<(FormErrors, StatusCode), PageError> {
    match error {
        RegistryError::Invalid(errors) => Ok((
            FormErrors::localized(errors, lang, LABELS),
            StatusCode::BAD_REQUEST,
        )),
        RegistryError::Conflict { field, problem } => Ok((
            FormErrors::localized(
                [FieldError::coded(field.unwrap_or_default(), problem)],
                lang,
                LABELS,
            ),
            StatusCode::CONFLICT,
        )),
        other => Err(other.into()),
    }
}

async fn create(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<OperatorForm>,
) -> PageResult {
    match registry::create_operator(&state.store, &caller.actor(), &form.input()).await {
        Ok(operator) => Ok(Redirect::to(&format!("/operators/{}", operator.id)).into_response()),
        Err(error) => {
            let (errors, status) = form_errors(error, shell.lang)?;
            let postal_shown = names::postal_place(&state.store, &form.postal_code).await;
            let page = FormPage {
                shell: shell.with_title("registry.new_operator"),
                form,
                errors,
                action: "/operators/new".to_owned(),
                is_new: true,
                postal_shown,
            };
            Ok((status, render(&page)).into_response())
        }
    }
}

#[derive(Template)]
#[template(path = "registry/operator.html")]
struct OperatorPage {
    shell: Shell,
    operator: OperatorView,
    centres: Vec<CentreListRow>,
    form: OperatorForm,
    errors: FormErrors,
    may_edit: bool,
    saved: bool,
    agreements: Vec<AgreementRow>,
    postal_shown: String,
    names: Names,
}

async fn operator_page_for(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: Option<OperatorForm>,
    errors: FormErrors,
    saved: bool,
) -> Result<OperatorPage, PageError> {
    let operator = state.store.operator(id).await?;
    if !scope::may_see_operator(caller, &operator) {
        return Err(PageError::Forbidden);
    }
    let mut filter = CentreFilter {
        operator_id: Some(id),
        limit: 1000,
        ..CentreFilter::default()
    };
    if caller.role == Role::UdiRegion {
        filter.region = caller.region.clone();
    }
    let (centres, _) = state.store.list_centres(&filter).await?;
    let view = OperatorView::from(&operator);
    let agreements = agreement_rows(state, caller, None, Some(id)).await?;
    let form = form.unwrap_or_else(|| OperatorForm::from_view(&view));
    Ok(OperatorPage {
        agreements,
        postal_shown: names::postal_place(&state.store, &form.postal_code).await,
        names: Names::load(&state.store).await?,
        form,
        operator: view,
        centres,
        errors,
        may_edit: scope::is_national(caller),
        saved,
        shell: shell.with_title("registry.operator"),
    })
}

/// The operator page with the stored values in its form; `saved` after an edit.
async fn stored_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    saved: bool,
) -> PageResult {
    let page = operator_page_for(state, shell, caller, id, None, FormErrors::default(), saved);
    Ok(render(&page.await?))
}

async fn operator_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    stored_page(&state, shell, &caller, id, false).await
}

async fn update(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<OperatorForm>,
) -> PageResult {
    match registry::update_operator(
        &state.store,
        &caller.actor(),
        id,
        form.version,
        &form.input(),
    )
    .await
    {
        Ok(_) => stored_page(&state, shell, &caller, id, true).await,
        Err(error) => {
            let (errors, status) = form_errors(error, shell.lang)?;
            let page =
                operator_page_for(&state, shell, &caller, id, Some(form), errors, false).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}
