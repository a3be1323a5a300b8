//! "My tasks" (SPEC §6): the open tasks of the caller's scope, overdue first, then by due date,
//! each linking to its plan — the page `/tasks` and `GET /api/v1/tasks`. A region sees its own
//! centres' tasks; UDI's administrative staff and admins every region's, or one region's with
//! `region`. `team` keeps one team's or role's tasks.

use askama::Template;
use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use chrono::NaiveDate;
use mottak_domain::access::{Capability, Region, Role};
use mottak_domain::error::{FieldError, Problem};
use serde::{Deserialize, Serialize};

use super::item_title;
use super::page::{blank_is_absent, responsible};
use crate::auth::{Caller, allow};
use crate::error::{ApiError, ApiResult};
use crate::form_errors::{FormErrors, Labels};
use crate::i18n::Lang;
use crate::occupancy::today;
use crate::pages::{Page, PageResult, Shell, display_date, region_choices, render_form};
use crate::params::ApiQuery;
use crate::plans::work::{FIRST_PAGE, ResponsibleFilter, WorkTask, count_my_tasks, first_tasks};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v1/tasks",
            get(tasks_api).route_layer(allow(Capability::FollowPlans)),
        )
        .route(
            "/tasks",
            get(tasks_page).route_layer(allow(Capability::FollowPlans)),
        )
}

#[derive(Deserialize, Default, Clone, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(default)]
pub struct TasksQuery {
    /// A team (`regional_unit`, `contract_and_control`, `information_and_training`,
    /// `emergency_accommodation`, `regional_director`) or a role (`udi_adm`, `operator`).
    team: String,
    /// One region's centres (`ØST`, `VEST`, …); a regional unit always sees its own.
    region: String,
    /// At most this many tasks, the first in work order; absent: every open task.
    limit: Option<usize>,
    /// The page: every open task (it shows the first 100 otherwise).
    all: bool,
}

impl TasksQuery {
    fn parse(&self) -> ApiResult<(Option<ResponsibleFilter>, Option<String>)> {
        let mut errors = Vec::new();
        let filters = parse_filters(&self.team, &self.region, &mut errors);
        if errors.is_empty() {
            Ok(filters)
        } else {
            Err(ApiError::invalid_fields(errors))
        }
    }
}

/// A work list's team (or role) and region filters, blank meaning none; each invalid one adds
/// its field error to `errors`.
pub(super) fn parse_filters(
    team: &str,
    region: &str,
    errors: &mut Vec<FieldError>,
) -> (Option<ResponsibleFilter>, Option<String>) {
    let team = match blank_is_absent(team) {
        Some(code) => match ResponsibleFilter::parse("team", code) {
            Ok(filter) => Some(filter),
            Err(ApiError::Invalid { errors: found, .. }) => {
                errors.extend(found);
                None
            }
            Err(_) => None,
        },
        None => None,
    };
    let region = match blank_is_absent(region) {
        Some(code) => match code.parse::<Region>() {
            Ok(region) => Some(region.code().to_owned()),
            Err(()) => {
                errors.push(FieldError::coded("region", Problem::Region));
                None
            }
        },
        None => None,
    };
    (team, region)
}

/// The team choices of a work list's filter, by code, in the page's language.
pub(super) fn team_choices(shell: &Shell) -> Vec<(&'static str, String)> {
    ResponsibleFilter::codes()
        .into_iter()
        .map(|code| {
            let filter = ResponsibleFilter::parse("team", code).expect("listed codes parse");
            (code, responsible(shell, filter.responsible()))
        })
        .collect()
}

/// An open task in a work list.
#[derive(Serialize, utoipa::ToSchema)]
pub struct WorkTaskView {
    plan_id: i64,
    /// The task's position in its plan (`/plans/{plan_id}#task-{position}`).
    position: i64,
    /// The item's stable key, `opening.duf_access`.
    key: String,
    /// In bokmål, or in English with `Accept-Language: en`.
    title: String,
    /// `opening`, `closing`, `new_centre`, `emergency` or `new_number`.
    template: String,
    #[schema(value_type = Option<String>, format = Date)]
    due: Option<NaiveDate>,
    /// `by` (a deadline) or `not_before`.
    timing: String,
    overdue: bool,
    /// A team's or a role's code.
    responsible: String,
    centre_id: i64,
    centre_number: String,
    centre_name: String,
    region: String,
}

fn responsible_code(task: &WorkTask) -> &'static str {
    match task.responsible() {
        mottak_domain::plans::Responsible::Role(role) => role.code(),
        mottak_domain::plans::Responsible::Team(team) => team.code(),
    }
}

fn view(task: WorkTask, lang: Lang) -> WorkTaskView {
    WorkTaskView {
        title: item_title(&task.template, task.item, lang),
        responsible: responsible_code(&task).to_owned(),
        overdue: task.overdue,
        due: task.due,
        plan_id: task.task.plan_id,
        position: task.task.position,
        key: task.task.item_key,
        template: task.task.template_key,
        timing: task.task.timing,
        centre_id: task.task.centre_id,
        centre_number: task.task.centre_number,
        centre_name: task.task.centre_name,
        region: task.task.region,
    }
}

/// The open tasks of the caller's scope, overdue first, then by due date, tasks waiting for an
/// event last. Who: admin, udi_adm (every region, or `region`) and udi_region (its own).
#[utoipa::path(get, path = "/api/v1/tasks", tag = "plans", params(TasksQuery,
        ("Accept-Language" = Option<String>, Header, description = "`en` for English titles; bokmål otherwise")),
    responses((status = 200, body = [WorkTaskView])), security(("bearer" = [])))]
pub async fn tasks_api(
    State(state): State<AppState>,
    caller: Caller,
    headers: axum::http::HeaderMap,
    ApiQuery(query): ApiQuery<TasksQuery>,
) -> ApiResult<Json<Vec<WorkTaskView>>> {
    let (team, region) = query.parse()?;
    let lang = super::api_lang(&headers);
    let tasks = first_tasks(
        &state.store,
        &caller,
        region.as_deref(),
        team,
        today(),
        query.limit,
    )
    .await?;
    Ok(Json(
        tasks.into_iter().map(|task| view(task, lang)).collect(),
    ))
}

struct TaskLine {
    href: String,
    title: String,
    template: &'static str,
    due: String,
    not_before: bool,
    overdue: bool,
    responsible: String,
    centre_href: String,
    centre: String,
}

#[derive(Template)]
#[template(path = "plans/tasks.html")]
struct TasksPage {
    shell: Shell,
    tasks: Vec<TaskLine>,
    overdue: usize,
    /// Whether the list shows only its first tasks.
    first_page: bool,
    /// Every open task of the list's scope, shown or not (a team filter is not counted).
    all_open: i64,
    /// The same list with every open task.
    all_href: String,
    teams: Vec<(&'static str, String)>,
    regions: Vec<(&'static str, &'static str)>,
    /// Whether the caller may choose a region (a regional unit sees its own).
    choose_region: bool,
    query: TasksQuery,
    errors: FormErrors,
}

const LABELS: &Labels = &[("team", "tasks.team"), ("region", "tasks.region")];

async fn tasks_page(
    Page(state, shell, caller): Page,
    ApiQuery(query): ApiQuery<TasksQuery>,
) -> PageResult {
    let limit = match (query.all, query.limit) {
        (true, _) => None,
        (false, limit) => Some(limit.unwrap_or(FIRST_PAGE)),
    };
    let (tasks, all_open, errors) = match query.parse() {
        Ok((team, region)) => {
            let tasks = first_tasks(
                &state.store,
                &caller,
                region.as_deref(),
                team,
                today(),
                limit,
            )
            .await?;
            let all_open = count_my_tasks(&state.store, &caller, region.as_deref()).await?;
            (tasks, all_open, FormErrors::default())
        }
        Err(ApiError::Invalid { errors, .. }) => (
            Vec::new(),
            0,
            FormErrors::localized(errors, shell.lang, LABELS),
        ),
        Err(other) => return Err(other.into()),
    };
    let teams = team_choices(&shell);
    let lines: Vec<TaskLine> = tasks
        .iter()
        .map(|task| TaskLine {
            href: format!("/plans/{}#task-{}", task.task.plan_id, task.task.position),
            title: item_title(&task.template, task.item, shell.lang),
            template: shell.t(&format!("plans.template.{}", task.task.template_key)),
            due: task.due.map(display_date).unwrap_or_default(),
            not_before: task.timing == mottak_domain::plans::Timing::NotBefore,
            overdue: task.overdue,
            responsible: responsible(&shell, task.responsible()),
            centre_href: format!("/centres/{}", task.task.centre_id),
            centre: format!("{} {}", task.task.centre_number, task.task.centre_name),
        })
        .collect();
    let valid = errors.is_empty();
    let page = TasksPage {
        overdue: lines.iter().filter(|line| line.overdue).count(),
        first_page: limit.is_some() && i64::try_from(lines.len()).unwrap_or(i64::MAX) < all_open,
        all_open,
        all_href: all_href(&query),
        tasks: lines,
        teams,
        regions: region_choices(),
        choose_region: caller.role != Role::UdiRegion,
        query,
        errors,
        shell: shell.with_title("tasks.title"),
    };
    Ok(render_form(&page, valid))
}

/// The page's own filter with every open task.
fn all_href(query: &TasksQuery) -> String {
    let pairs: Vec<(&str, &str)> = [
        ("all", "true"),
        ("team", &query.team),
        ("region", &query.region),
    ]
    .into_iter()
    .filter(|(_, value)| !value.is_empty())
    .collect();
    format!(
        "/tasks?{}",
        serde_urlencoded::to_string(pairs).unwrap_or_default()
    )
}
