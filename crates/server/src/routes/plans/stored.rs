//! Plans on real centres (SPEC §6): a centre's plans with the form that starts one from a
//! template and one of the centre's agreements, and a plan's page with its phases and tasks —
//! due dates, overdue ones marked, and per task a form for its state (done, not needed with a
//! reason) and seed 000's checklist dates (ordered, feedback received, followed up).

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use mottak_domain::access::Capability;
use mottak_domain::dates::parse_date;
use mottak_domain::error::FieldError;
use mottak_domain::plans::orders::{self, Order, OrderFacts};
use mottak_domain::plans::{Timing, is_overdue};
use mottak_store::registry::CentreRecord;
use serde::Deserialize;

use super::item_title;
use super::page::{
    PhaseRow, blank_is_absent, phase_of, phase_rows, responsible, template_choices, waits_for,
};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::form_errors::{FormErrors, Labels};
use crate::occupancy::{load_centre, today};
use crate::pages::{Page, PageResult, Shell, display_date, parse_user_date, render};
use crate::plans::{self, LoadedPlan, TaskUpdate};
use crate::routes::residents::messages::show_date;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{id}/plans",
            get(centre_plans)
                .post(start)
                .route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/plans/{id}",
            get(plan_page).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/plans/{id}/tasks/{position}",
            post(update_task).route_layer(allow(Capability::FollowPlans)),
        )
}

const START_LABELS: &Labels = &[
    ("template", "plans.template"),
    ("agreement_id", "plans.agreement"),
];

const TASK_LABELS: &Labels = &[
    ("status", "plans.status"),
    ("reason", "plans.reason"),
    ("ordered_on", "plans.ordered_on"),
    ("feedback_on", "plans.feedback_on"),
    ("followed_up_on", "plans.followed_up_on"),
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StartForm {
    template: String,
    agreement_id: String,
}

struct PlanRow {
    id: i64,
    template: &'static str,
    started: String,
}

#[derive(Template)]
#[template(path = "plans/centre_plans.html")]
struct CentrePlansPage {
    shell: Shell,
    centre: CentreRecord,
    plans: Vec<PlanRow>,
    templates: Vec<(&'static str, &'static str)>,
    agreements: Vec<(String, String)>,
    form: StartForm,
    errors: FormErrors,
}

async fn centre_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: StartForm,
    errors: FormErrors,
) -> Result<CentrePlansPage, PageError> {
    let (centre, _) = load_centre(&state.store, caller, id).await?;
    let plans = state
        .store
        .plans_of_centre(id)
        .await?
        .into_iter()
        .map(|plan| PlanRow {
            id: plan.id,
            template: shell.t(&format!("plans.template.{}", plan.template_key)),
            started: crate::pages::display_timestamp(&plan.started_at),
        })
        .collect();
    let agreements = state
        .store
        .agreements_of_centre(id, None)
        .await?
        .into_iter()
        .map(|agreement| (agreement.id.to_string(), agreement.terms.name))
        .collect();
    Ok(CentrePlansPage {
        templates: template_choices(&shell),
        shell: shell.with_title("plans.centre_title"),
        centre,
        plans,
        agreements,
        form,
        errors,
    })
}

async fn centre_plans(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let page = centre_page(
        &state,
        shell,
        &caller,
        id,
        StartForm::default(),
        FormErrors::default(),
    )
    .await?;
    Ok(render(&page))
}

/// Field errors of a refused write as the form shows them; other refusals are error pages.
fn form_errors(shell: &Shell, error: ApiError, labels: &Labels) -> Result<FormErrors, PageError> {
    match error {
        ApiError::Invalid { errors, .. } => Ok(FormErrors::localized(errors, shell.lang, labels)),
        other => Err(PageError::from(other)),
    }
}

async fn start(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<StartForm>,
) -> PageResult {
    let agreement_id = form.agreement_id.trim().parse::<i64>().unwrap_or(0);
    match plans::start_plan(
        &state.store,
        &caller,
        id,
        form.template.trim(),
        agreement_id,
    )
    .await
    {
        Ok(plan) => Ok(Redirect::to(&format!("/plans/{plan}")).into_response()),
        Err(error) => {
            let errors = form_errors(&shell, error, START_LABELS)?;
            let page = centre_page(&state, shell, &caller, id, form, errors).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
    }
}

struct TaskRow {
    position: i64,
    due: String,
    not_before: bool,
    overdue: bool,
    waits_for: String,
    title: String,
    responsible: String,
    phase: &'static str,
    status: String,
    status_text: &'static str,
    reason: String,
    ordered_on: String,
    feedback_on: String,
    followed_up_on: String,
    done_on: String,
    /// The ready-to-copy order for the IT service desk, where the task orders from it.
    order: String,
}

/// The service desk's order text for the task's item from the centre's data, or empty.
fn order_text(loaded: &LoadedPlan, item_key: &str) -> String {
    let Some(order) = Order::of_item(item_key) else {
        return String::new();
    };
    let centre = &loaded.centre;
    orders::order_text(
        order,
        &OrderFacts {
            number: &centre.number,
            name: &centre.name,
            visiting_address: centre.fields.visiting_address.as_deref(),
            postal_address: centre.fields.postal_address.as_deref(),
            postal_code: &centre.fields.postal_code,
            operator_name: &loaded.operator.fields.name,
            operator_organisation_number: &loaded.operator.fields.organisation_number,
            ip_address: centre.fields.ip_address.as_deref(),
            mailbox_name: centre.fields.mailbox_name.as_deref(),
        },
    )
}

#[derive(Template)]
#[template(path = "plans/plan.html")]
struct PlanPage {
    shell: Shell,
    plan_id: i64,
    heading: String,
    centre: CentreRecord,
    version: i64,
    phases: Vec<PhaseRow>,
    tasks: Vec<TaskRow>,
    statuses: Vec<(&'static str, &'static str)>,
    /// The task whose form was refused, and why.
    refused: i64,
    errors: FormErrors,
}

fn plan_view(shell: Shell, loaded: LoadedPlan, refused: i64, errors: FormErrors) -> PlanPage {
    let computed = loaded.computed();
    let shown = |stored: &Option<String>| stored.as_deref().map(show_date).unwrap_or_default();
    let today = today();
    let tasks = loaded
        .tasks
        .iter()
        .map(|task| {
            let index = loaded
                .template
                .items
                .iter()
                .position(|item| item.key == task.item_key)
                .unwrap_or_default();
            let due = task.due.as_deref().and_then(parse_date);
            let timing = if task.timing == "not_before" {
                Timing::NotBefore
            } else {
                Timing::By
            };
            TaskRow {
                position: task.position,
                due: due.map(display_date).unwrap_or_default(),
                not_before: timing == Timing::NotBefore,
                overdue: task.status == "open" && is_overdue(due, timing, today),
                waits_for: waits_for(&shell, &loaded.template, index, due),
                title: item_title(&loaded.template, index, shell.lang),
                responsible: responsible(&shell, loaded.template.items[index].responsible),
                phase: phase_of(&shell, &computed.phases, due),
                status: task.status.clone(),
                status_text: shell.t(&format!("plans.status.{}", task.status)),
                reason: task.reason.clone().unwrap_or_default(),
                ordered_on: shown(&task.ordered_on),
                feedback_on: shown(&task.feedback_on),
                followed_up_on: shown(&task.followed_up_on),
                done_on: shown(&task.done_on),
                order: order_text(&loaded, &task.item_key),
            }
        })
        .collect();
    let statuses = ["open", "done", "not_needed"]
        .map(|code| (code, shell.t(&format!("plans.status.{code}"))))
        .to_vec();
    PlanPage {
        heading: shell
            .t(&format!("plans.template.{}", loaded.record.template_key))
            .to_owned(),
        phases: phase_rows(&shell, &computed.phases),
        shell: shell.with_title("plans.plan_title"),
        plan_id: loaded.record.id,
        version: loaded.record.template_version,
        centre: loaded.centre,
        tasks,
        statuses,
        refused,
        errors,
    }
}

async fn plan_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let loaded = plans::load_plan(&state.store, &caller, id).await?;
    Ok(render(&plan_view(shell, loaded, 0, FormErrors::default())))
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct TaskForm {
    status: String,
    reason: String,
    ordered_on: String,
    feedback_on: String,
    followed_up_on: String,
}

/// An optional date as typed (dd.mm.yyyy or yyyy-mm-dd), or the field's error.
fn optional_date(
    field: &str,
    text: &str,
    errors: &mut Vec<FieldError>,
) -> Option<chrono::NaiveDate> {
    let text = blank_is_absent(text)?;
    let date = parse_user_date(text);
    if date.is_none() {
        errors.push(FieldError::coded(
            field,
            mottak_domain::error::Problem::Date,
        ));
    }
    date
}

async fn update_task(
    Page(state, shell, caller): Page,
    Path((id, position)): Path<(i64, i64)>,
    CsrfForm(form): CsrfForm<TaskForm>,
) -> PageResult {
    let mut invalid = Vec::new();
    let update = TaskUpdate {
        status: form.status.trim().to_owned(),
        reason: blank_is_absent(&form.reason).map(str::to_owned),
        ordered_on: optional_date("ordered_on", &form.ordered_on, &mut invalid),
        feedback_on: optional_date("feedback_on", &form.feedback_on, &mut invalid),
        followed_up_on: optional_date("followed_up_on", &form.followed_up_on, &mut invalid),
    };
    let outcome = if invalid.is_empty() {
        plans::update_task(&state.store, &caller, id, position, &update).await
    } else {
        Err(ApiError::invalid_fields(invalid))
    };
    match outcome {
        Ok(()) => Ok(Redirect::to(&format!("/plans/{id}#task-{position}")).into_response()),
        Err(error) => {
            let errors = form_errors(&shell, error, TASK_LABELS)?;
            let loaded = plans::load_plan(&state.store, &caller, id).await?;
            let page = plan_view(shell, loaded, position, errors);
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
    }
}
