//! The lifecycle actions of R-REG-2 with a confirmation that shows what will happen.

use askama::Template;
use axum::Router;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use serde::Deserialize;

use super::centre_page::centre_page_for;
use super::{FormErrors, category_label, place_type_label};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::i18n::Lang;
use crate::input::non_blank;
use crate::pages::{Page, PageResult, Shell, render};
use crate::registry::{self, LifecycleOutcome, LifecycleRequest, RegistryError};
use crate::state::AppState;
use mottak_domain::access::Capability;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/centres/{id}/lifecycle",
        get(confirm_page)
            .post(apply)
            .route_layer(allow(Capability::ManageRegistry)),
    )
}

/// The action's choices, as the centre page's forms send them.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
struct ActionForm {
    operation: String,
    place_type: String,
    category: String,
    operator_id: String,
    new_name: String,
    series: String,
    version: i64,
}

impl ActionForm {
    fn request(&self) -> LifecycleRequest {
        LifecycleRequest {
            operation: self.operation.clone(),
            place_type: non_blank(&self.place_type),
            category: non_blank(&self.category),
            operator_id: self.operator_id.trim().parse().ok(),
            new_name: non_blank(&self.new_name),
            series: non_blank(&self.series),
            version: self.version,
        }
    }
}

#[derive(Template)]
#[template(path = "registry/lifecycle_confirm.html")]
struct ConfirmPage {
    shell: Shell,
    centre_id: i64,
    number: String,
    name: String,
    plan: LifecycleOutcome,
    /// The choices again, with the version the confirmation was made against.
    form: ActionForm,
    operation_label: String,
    target_label: String,
}

impl ConfirmPage {
    fn warning_text(&self, warning: &mottak_domain::registry::Warning) -> String {
        crate::i18n::problems::warning_text(warning, self.shell.lang)
    }
}

/// The operation's name in the user's language, as the centre page's choices say it; `code` is
/// a planned operation's (`LifecycleOperation::code`).
fn operation_label(code: &str, lang: Lang) -> &'static str {
    lang.text(&format!("registry.{code}"))
}

async fn error_on_centre_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    error: RegistryError,
) -> PageResult {
    let (errors, status) = match error {
        RegistryError::Invalid(errors) => (
            FormErrors::localized(
                errors.iter().map(|error| {
                    let field = format!("lifecycle.{}", error.field);
                    error.clone().at(field)
                }),
                shell.lang,
                &[],
            ),
            StatusCode::BAD_REQUEST,
        ),
        RegistryError::Conflict { problem, .. } => (
            FormErrors::conflict(&problem, shell.lang),
            StatusCode::CONFLICT,
        ),
        other => return Err(other.into()),
    };
    let page = centre_page_for(state, shell, caller, id, errors, false).await?;
    Ok((status, render(&page)).into_response())
}

async fn confirm_page(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    Query(form): Query<ActionForm>,
) -> PageResult {
    let centre = state.store.centre(id).await?;
    let plan = match registry::plan_lifecycle(&state.store, id, &form.request()).await {
        Ok(plan) => plan,
        Err(error) => return error_on_centre_page(&state, shell, &caller, id, error).await,
    };
    let target_label = match form.operation.as_str() {
        "add_place_type" | "change_place_type" => {
            place_type_label(&form.place_type, shell.lang).to_owned()
        }
        "change_category" => category_label(&form.category, shell.lang).to_owned(),
        "change_operator" => match form.operator_id.parse::<i64>() {
            Ok(operator_id) => state
                .store
                .operator(operator_id)
                .await
                .map(|operator| format!("{} ({})", operator.fields.name, operator.dro()))
                .unwrap_or_default(),
            Err(_) => String::new(),
        },
        _ => String::new(),
    };
    Ok(render(&ConfirmPage {
        operation_label: operation_label(&plan.operation, shell.lang).to_owned(),
        target_label,
        centre_id: id,
        number: centre.number,
        name: centre.name,
        plan,
        form: ActionForm {
            version: centre.version,
            ..form
        },
        shell: shell.with_title("registry.confirm"),
    }))
}

async fn apply(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<ActionForm>,
) -> PageResult {
    match registry::apply_lifecycle(&state.store, &caller.actor(), id, &form.request()).await {
        Ok(outcome) => {
            let target = outcome.new_centre_id.unwrap_or(id);
            Ok(Redirect::to(&format!("/centres/{target}")).into_response())
        }
        Err(error) => error_on_centre_page(&state, shell, &caller, id, error).await,
    }
}
