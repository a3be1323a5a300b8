//! Work lists (SPEC §6, "my tasks"): the open tasks of the caller's scope — a region its
//! centres', UDI and admins every region's or one region's — optionally of one team or role,
//! overdue first, then by due date, tasks waiting for an event last.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;
use mottak_domain::access::Role;
use mottak_domain::dates::parse_date;
use mottak_domain::error::Problem;
use mottak_domain::plans::{Responsible, Team, Template, Timing, is_overdue, work_order};
use mottak_store::Store;
use mottak_store::plans::OpenTask;

use super::invalid;
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

/// Whose tasks: a team of SPEC §6 or a role (`udi_adm`, `operator`), by its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResponsibleFilter(Responsible);

impl ResponsibleFilter {
    pub fn responsible(self) -> Responsible {
        self.0
    }

    /// The codes a filter may name, teams first.
    pub fn codes() -> Vec<&'static str> {
        let mut codes: Vec<&'static str> = Team::ALL.iter().map(|team| team.code()).collect();
        codes.extend([Role::UdiAdm.code(), Role::Operator.code()]);
        codes
    }

    /// The filter `code` names, or 400 naming `field`.
    pub fn parse(field: &str, code: &str) -> ApiResult<ResponsibleFilter> {
        let responsible = Team::ALL
            .iter()
            .find(|team| team.code() == code)
            .map(|team| Responsible::Team(*team))
            .or_else(|| {
                [Role::UdiAdm, Role::Operator]
                    .into_iter()
                    .find(|role| role.code() == code)
                    .map(Responsible::Role)
            });
        responsible.map(ResponsibleFilter).ok_or_else(|| {
            invalid(
                field,
                Problem::UnknownTeam {
                    code: code.to_owned(),
                    codes: Self::codes().join(", "),
                },
            )
        })
    }
}

/// One open task of a work list.
pub struct WorkTask {
    pub task: OpenTask,
    /// The template version the plan runs, and the task's item in it.
    pub template: Arc<Template>,
    pub item: usize,
    pub due: Option<NaiveDate>,
    pub timing: Timing,
    pub overdue: bool,
}

impl WorkTask {
    pub fn responsible(&self) -> Responsible {
        self.template.items[self.item].responsible
    }
}

/// The region whose centres the caller's list covers: a region user's own (whatever it asks),
/// else the one asked for, else every region.
pub fn region_of<'a>(caller: &'a Caller, asked: Option<&'a str>) -> Option<&'a str> {
    match caller.role {
        Role::UdiRegion => Some(caller.region.as_deref().unwrap_or_default()),
        _ => asked,
    }
}

/// The open tasks in the caller's scope, in work order, as of `today`.
pub async fn my_tasks(
    store: &Store,
    caller: &Caller,
    region: Option<&str>,
    responsible: Option<ResponsibleFilter>,
    today: NaiveDate,
) -> ApiResult<Vec<WorkTask>> {
    first_tasks(store, caller, region, responsible, today, None).await
}

/// How many tasks the work list's first page shows (the rest is one link away).
pub const FIRST_PAGE: usize = 100;

/// How many open tasks the caller's list has in all, due soon or not.
pub async fn count_my_tasks(
    store: &Store,
    caller: &Caller,
    region: Option<&str>,
) -> ApiResult<i64> {
    Ok(store.count_open_tasks(region_of(caller, region)).await?)
}

/// The first `limit` open tasks in the caller's scope in work order as of `today`, or all of
/// them. Without a team the database sorts and cuts; a team is the template's, so that list is
/// cut here.
pub async fn first_tasks(
    store: &Store,
    caller: &Caller,
    region: Option<&str>,
    responsible: Option<ResponsibleFilter>,
    today: NaiveDate,
    limit: Option<usize>,
) -> ApiResult<Vec<WorkTask>> {
    tasks_of_region(store, region_of(caller, region), responsible, today, limit).await
}

/// [`first_tasks`] for the centres of `region` (every region with `None`), whoever asks: the
/// list a user of that scope sees (the reminders' mail lists the same tasks).
pub async fn tasks_of_region(
    store: &Store,
    region: Option<&str>,
    responsible: Option<ResponsibleFilter>,
    today: NaiveDate,
    limit: Option<usize>,
) -> ApiResult<Vec<WorkTask>> {
    let day = today.to_string();
    let in_database = match (responsible, limit) {
        (None, Some(limit)) => Some((day.as_str(), i64::try_from(limit).unwrap_or(i64::MAX))),
        _ => None,
    };
    let open = store.first_open_tasks(region, in_database).await?;
    let mut templates: HashMap<(String, i64), Arc<Template>> = HashMap::new();
    let mut tasks = Vec::with_capacity(open.len());
    for task in open {
        let version = (task.template_key.clone(), task.template_version);
        let template = match templates.get(&version) {
            Some(template) => Arc::clone(template),
            None => {
                let document = store.plan_template(&version.0, version.1).await?;
                let template: Arc<Template> =
                    Arc::new(serde_json::from_str(&document).map_err(|error| {
                        ApiError::Internal(anyhow::anyhow!("stored template: {error}"))
                    })?);
                templates.insert(version, Arc::clone(&template));
                template
            }
        };
        let Some(item) = template
            .items
            .iter()
            .position(|item| item.key == task.item_key)
        else {
            continue;
        };
        if responsible.is_some_and(|filter| filter.0 != template.items[item].responsible) {
            continue;
        }
        let due = task.due.as_deref().and_then(parse_date);
        let timing = if task.timing == "not_before" {
            Timing::NotBefore
        } else {
            Timing::By
        };
        tasks.push(WorkTask {
            overdue: is_overdue(due, timing, today),
            task,
            template,
            item,
            due,
            timing,
        });
    }
    tasks.sort_by(|a, b| {
        work_order(a.due, a.timing, today)
            .cmp(&work_order(b.due, b.timing, today))
            .then_with(|| a.task.centre_number.cmp(&b.task.centre_number))
            .then_with(|| (a.task.plan_id, a.task.position).cmp(&(b.task.plan_id, b.task.position)))
    });
    if let Some(limit) = limit {
        tasks.truncate(limit);
    }
    Ok(tasks)
}
