//! `/plans/preview`: choose a template and an agreement's dates, see the phases and the tasks
//! with their due dates (dd.mm.yyyy), who does each and the agenda. A plain form: GET shows it,
//! POST computes; every error is shown beside its field and in the summary.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDate;
use mottak_domain::access::Capability;
use mottak_domain::plans::template::Anchor;
use mottak_domain::plans::{
    Phase, Plan, PreviewRequest, Responsible, TEMPLATE_KEYS, Template as PlanTemplate, Timing,
};
use serde::Deserialize;

use super::item_title;
use crate::auth::allow;
use crate::auth::csrf::CsrfForm;
use crate::form_errors::{FormErrors, Labels};
use crate::pages::{Shell, display_date, render};
use crate::routes::residents::messages::typed_date;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/plans/preview",
        get(show)
            .post(compute)
            .route_layer(allow(Capability::FollowPlans)),
    )
}

/// The form's fields with the keys of their labels, in the form's order.
const LABELS: &Labels = &[
    ("template", "plans.template"),
    ("signed", "plans.signed"),
    ("awarded", "plans.awarded"),
    ("operation_start", "plans.operation_start"),
    ("end", "plans.end"),
    ("startup_months", "plans.startup_months"),
];

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct PreviewForm {
    template: String,
    signed: String,
    awarded: String,
    operation_start: String,
    end: String,
    /// A checkbox: present when checked.
    operator_experienced: Option<String>,
    startup_months: String,
}

pub(super) struct PhaseRow {
    pub(super) name: &'static str,
    pub(super) from: String,
    pub(super) last_day: String,
}

struct TaskRow {
    due: String,
    not_before: bool,
    /// Why a task has no date yet.
    waits_for: String,
    title: String,
    responsible: String,
    phase: &'static str,
    agenda: Vec<&'static str>,
}

#[derive(Template)]
#[template(path = "plans/preview.html")]
struct PreviewPage {
    shell: Shell,
    form: PreviewForm,
    templates: Vec<(&'static str, &'static str)>,
    errors: FormErrors,
    result: Option<(String, Vec<PhaseRow>, Vec<TaskRow>)>,
}

/// The built-in templates as choices of a select.
pub(super) fn template_choices(shell: &Shell) -> Vec<(&'static str, &'static str)> {
    TEMPLATE_KEYS
        .iter()
        .map(|key| (*key, shell.t(&format!("plans.template.{key}"))))
        .collect()
}

impl PreviewPage {
    fn new(shell: Shell, form: PreviewForm) -> PreviewPage {
        let templates = template_choices(&shell);
        PreviewPage {
            shell: shell.with_title("plans.title"),
            form,
            templates,
            errors: FormErrors::default(),
            result: None,
        }
    }
}

async fn show(shell: Shell) -> Response {
    let form = PreviewForm {
        template: "opening".into(),
        ..PreviewForm::default()
    };
    render(&PreviewPage::new(shell, form))
}

async fn compute(shell: Shell, CsrfForm(form): CsrfForm<PreviewForm>) -> Response {
    let request = PreviewRequest {
        template: form.template.clone(),
        signed: typed_date(&form.signed),
        awarded: blank_is_absent(&form.awarded).map(typed_date),
        operation_start: typed_date(&form.operation_start),
        end: typed_date(&form.end),
        operator_experienced: form.operator_experienced.is_some(),
        startup_months: None,
        has_equipment: None,
    };
    let mut page = PreviewPage::new(shell, form.clone());
    let months = blank_is_absent(&form.startup_months).map(str::parse::<u32>);
    let request = match months {
        Some(Err(_)) => {
            page.errors = FormErrors::of("startup_months", page.shell.t("plans.months_number"))
                .labelled(page.shell.lang, LABELS);
            return (StatusCode::BAD_REQUEST, render(&page)).into_response();
        }
        Some(Ok(months)) => PreviewRequest {
            startup_months: Some(months),
            ..request
        },
        None => request,
    };
    match request.parse() {
        Err(errors) => {
            page.errors = FormErrors::localized(errors, page.shell.lang, LABELS);
            (StatusCode::BAD_REQUEST, render(&page)).into_response()
        }
        Ok(preview) => {
            let plan = preview.plan();
            let heading = page
                .shell
                .t(&format!("plans.template.{}", preview.template.key))
                .to_owned();
            let rows = task_rows(&page.shell, &preview.template, &plan);
            page.result = Some((heading, phase_rows(&page.shell, &plan.phases), rows));
            render(&page)
        }
    }
}

/// A field left empty is a member left out.
pub(super) fn blank_is_absent(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|text| !text.is_empty())
}

fn phase_name(shell: &Shell, phase: &Phase) -> &'static str {
    shell.t(&format!("plans.phase.{}", phase.name.code()))
}

/// Phases as the screen shows periods: from the first day to the last (the API's `to` is
/// the day after).
pub(super) fn phase_rows(shell: &Shell, phases: &[Phase]) -> Vec<PhaseRow> {
    phases
        .iter()
        .map(|phase| PhaseRow {
            name: phase_name(shell, phase),
            from: display_date(phase.range.from()),
            last_day: phase
                .range
                .end()
                .pred_opt()
                .map(display_date)
                .unwrap_or_default(),
        })
        .collect()
}

fn task_rows(shell: &Shell, template: &PlanTemplate, plan: &Plan) -> Vec<TaskRow> {
    plan.tasks
        .iter()
        .map(|task| {
            let item = &template.items[task.item];
            TaskRow {
                due: task.due.map(display_date).unwrap_or_default(),
                not_before: task.timing == Timing::NotBefore,
                waits_for: waits_for(shell, template, task.item, task.due),
                title: item_title(template, task.item, shell.lang),
                responsible: responsible(shell, task.responsible),
                phase: phase_of(shell, &plan.phases, task.due),
                agenda: item
                    .agenda
                    .iter()
                    .map(|topic| shell.t(&format!("plans.topic.{topic}")))
                    .collect(),
            }
        })
        .collect()
}

/// Why a task without a date has none: the item it waits for, or a hiring.
pub(super) fn waits_for(
    shell: &Shell,
    template: &PlanTemplate,
    item: usize,
    due: Option<NaiveDate>,
) -> String {
    if due.is_some() {
        return String::new();
    }
    match &template.items[item].due.anchor {
        Anchor::Completed(key) => {
            let title = template
                .items
                .iter()
                .position(|item| item.key == *key)
                .map_or_else(
                    || key.clone(),
                    |index| item_title(template, index, shell.lang),
                );
            format!("{} {title}", shell.t("plans.after"))
        }
        Anchor::Hiring => shell.t("plans.per_hiring").to_owned(),
        _ => String::new(),
    }
}

pub(super) fn responsible(shell: &Shell, responsible: Responsible) -> String {
    match responsible {
        Responsible::Role(role) => shell.role_name(role.code()).to_owned(),
        Responsible::Team(team) => shell.t(&format!("plans.team.{}", team.code())).to_owned(),
    }
}

pub(super) fn phase_of(shell: &Shell, phases: &[Phase], due: Option<NaiveDate>) -> &'static str {
    due.and_then(|due| phases.iter().find(|phase| phase.range.contains(due)))
        .map_or("", |phase| phase_name(shell, phase))
}
