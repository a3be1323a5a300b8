//! Plans on real centres (SPEC §6): starting a built-in template for a centre and one of its
//! agreements, and updating a task (done, not needed with a reason, seed 000's checklist dates),
//! which dates the tasks that waited for it. Shared by the pages; each write is one `WriteTx`
//! with its event. Scope: the centre's, as the registry decides it (a region its own centres).

use chrono::NaiveDate;
use mottak_domain::agreements::AgreementTerms;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::plans::{Experience, Facts, Plan, PlanDates, PlanInput, Template, plan};
use mottak_store::events::Actor;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::plans::{PlanRecord, TaskRecord};
use mottak_store::registry::{CentreRecord, OperatorRecord};
use mottak_store::{Store, StoreError, WriteTx};
use serde_json::json;

pub mod feed;
pub mod routing;
pub mod start;
pub mod templates;
pub mod work;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::{load_centre, today};

/// A stored plan with what it was computed from.
pub struct LoadedPlan {
    pub record: PlanRecord,
    pub centre: CentreRecord,
    pub operator: OperatorRecord,
    pub template: Template,
    pub input: PlanInput,
    pub tasks: Vec<TaskRecord>,
}

impl LoadedPlan {
    /// The plan as the engine computes it today from the stored agreement and what is done
    /// (its phases follow a notice or an extension).
    pub fn computed(&self) -> Plan {
        plan(&self.template, &self.input, &facts(&self.tasks))
    }
}

/// What the stored tasks say has happened.
fn facts(tasks: &[TaskRecord]) -> Facts {
    let mut facts = Facts::default();
    for task in tasks {
        if let (Some(done), "done") = (&task.done_on, task.status.as_str())
            && let Some(day) = mottak_domain::dates::parse_date(done)
        {
            facts.completed.entry(task.item_key.clone()).or_insert(day);
        }
    }
    facts
}

pub(crate) fn invalid(field: &str, problem: Problem) -> ApiError {
    ApiError::invalid_fields(vec![FieldError::coded(field, problem)])
}

/// The dates and experience of `agreement_id`, which must have a unit at `centre`.
async fn plan_input(
    store: &Store,
    centre: &CentreRecord,
    agreement_id: i64,
    experienced: Option<bool>,
) -> ApiResult<PlanInput> {
    let agreement = store
        .agreement(agreement_id)
        .await
        .map_err(|_| invalid("agreement_id", Problem::AgreementNotOfCentre))?;
    // A new number's plan dates from its predecessor's agreement (R-REG-2).
    if !agreement
        .terms
        .units
        .iter()
        .any(|unit| unit.centre_id == centre.id || Some(unit.centre_id) == centre.predecessor_id)
    {
        return Err(invalid("agreement_id", Problem::AgreementNotOfCentre));
    }
    let experienced = match experienced {
        Some(experienced) => experienced,
        None => {
            store
                .operator(agreement.terms.operator_id)
                .await?
                .fields
                .experienced
        }
    };
    Ok(input_of(&agreement.terms, experienced))
}

/// What the engine computes a stored plan from: the agreement as it is now and the operator's
/// experience when the plan started.
pub(crate) fn input_of(terms: &AgreementTerms, experienced: bool) -> PlanInput {
    PlanInput {
        dates: PlanDates::of_agreement(terms),
        experience: if experienced {
            Experience::Experienced
        } else {
            Experience::New
        },
        startup_months: None,
    }
}

/// Starts `template` for the centre and one of its agreements; returns the plan's id.
pub async fn start_plan(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
    template_key: &str,
    agreement_id: i64,
) -> ApiResult<i64> {
    let (centre, operator) = load_centre(store, caller, centre_id).await?;
    start_plan_for(
        store,
        &caller.actor(),
        &centre,
        &operator,
        template_key,
        agreement_id,
    )
    .await
}

/// [`start_plan`] once the centre is known to be in scope (and for the demo).
pub async fn start_plan_for(
    store: &Store,
    actor: &Actor,
    centre: &CentreRecord,
    operator: &OperatorRecord,
    template_key: &str,
    agreement_id: i64,
) -> ApiResult<i64> {
    let template = templates::current(store, template_key).await?;
    let input = plan_input(store, centre, agreement_id, None).await?;
    let mut tx = store.begin_write().await?;
    let id = start::start_in(
        &mut tx,
        actor,
        &start::Starting {
            template: &template,
            input: &input,
            centre: centre.into(),
            operator_dro: operator.dro(),
            agreement_id,
            trigger: None,
        },
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

/// A stored plan in the caller's scope (another region's is 404).
pub async fn load_plan(store: &Store, caller: &Caller, id: i64) -> ApiResult<LoadedPlan> {
    let record = store.plan(id).await?;
    let (centre, operator) = load_centre(store, caller, record.centre_id).await?;
    let document = store
        .plan_template(&record.template_key, record.template_version)
        .await?;
    let template: Template = serde_json::from_str(&document)
        .map_err(|error| ApiError::Internal(anyhow::anyhow!("stored template: {error}")))?;
    let input = plan_input(
        store,
        &centre,
        record.agreement_id,
        Some(record.experienced != 0),
    )
    .await?;
    let tasks = store.plan_tasks(id).await?;
    Ok(LoadedPlan {
        record,
        centre,
        operator,
        template,
        input,
        tasks,
    })
}

/// A task's new state and checklist dates, as validated by the form.
pub struct TaskUpdate {
    /// `open`, `done` or `not_needed`.
    pub status: String,
    pub reason: Option<String>,
    pub ordered_on: Option<NaiveDate>,
    pub feedback_on: Option<NaiveDate>,
    pub followed_up_on: Option<NaiveDate>,
}

/// Sets a task's state and dates; a task done today dates the tasks that waited for it.
pub async fn update_task(
    store: &Store,
    caller: &Caller,
    plan_id: i64,
    position: i64,
    update: &TaskUpdate,
) -> ApiResult<()> {
    let loaded = load_plan(store, caller, plan_id).await?;
    if !["open", "done", "not_needed"].contains(&update.status.as_str()) {
        return Err(invalid("status", Problem::Required));
    }
    let reason = update
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|reason| !reason.is_empty());
    if update.status == "not_needed" && reason.is_none() {
        return Err(invalid("reason", Problem::Required));
    }
    let iso = |day: Option<NaiveDate>| day.map(|day| day.to_string());
    let mut tx = store.begin_write().await?;
    let before = tx.plan_task(plan_id, position).await?;
    let mut task = before.clone();
    task.done_on = match update.status.as_str() {
        "done" => before.done_on.clone().or_else(|| iso(Some(today()))),
        _ => None,
    };
    task.status = update.status.clone();
    task.reason = reason
        .filter(|_| update.status == "not_needed")
        .map(str::to_owned);
    task.ordered_on = iso(update.ordered_on);
    task.feedback_on = iso(update.feedback_on);
    task.followed_up_on = iso(update.followed_up_on);
    tx.update_plan_task(plan_id, &task).await?;
    let mut tasks = loaded.tasks.clone();
    if let Some(stored) = tasks.iter_mut().find(|stored| stored.position == position) {
        *stored = task.clone();
    }
    let dated = redated(&loaded.template, &loaded.input, &tasks);
    for waiting in &dated {
        tx.update_plan_task(plan_id, waiting).await?;
    }
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Plans,
            "plan.task_updated",
            "plan",
            plan_id,
        )
        .summary(json!({"task": task.item_key, "position": position,
                "before": before.status, "after": task.status, "dated": dated.len()}))
        .in_region(Some(loaded.centre.fields.region.clone())),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// The open tasks whose due date the engine now computes differently: an item's stored tasks
/// are paired in order with its computed ones when both have as many (a task per occurrence);
/// done and not-needed tasks keep theirs.
fn redated(template: &Template, input: &PlanInput, tasks: &[TaskRecord]) -> Vec<TaskRecord> {
    let computed = plan(template, input, &facts(tasks));
    let mut changed = Vec::new();
    for item in &template.items {
        let stored: Vec<&TaskRecord> = tasks
            .iter()
            .filter(|task| task.item_key == item.key)
            .collect();
        let fresh: Vec<_> = computed
            .tasks
            .iter()
            .filter(|task| task.key == item.key)
            .collect();
        if stored.len() != fresh.len() {
            continue;
        }
        for (stored, fresh) in stored.into_iter().zip(fresh) {
            let due = fresh.due.map(|due| due.to_string());
            if stored.status == "open" && stored.due != due {
                changed.push(TaskRecord {
                    due,
                    ..stored.clone()
                });
            }
        }
    }
    changed
}

/// Re-dates the open tasks of every plan of an agreement whose terms changed (a notice or an
/// extension moves the end, SPEC §6), inside the agreement's write, with an event per plan.
pub async fn redate_plans_of_agreement(
    tx: &mut WriteTx,
    actor: &Actor,
    agreement_id: i64,
    terms: &AgreementTerms,
) -> Result<(), StoreError> {
    for record in tx.plans_of_agreement(agreement_id).await? {
        let document = tx
            .plan_template_in(&record.template_key, record.template_version)
            .await?;
        let Ok(template) = serde_json::from_str::<Template>(&document) else {
            tracing::error!(plan = record.id, "stored plan template does not read");
            continue;
        };
        let input = input_of(terms, record.experienced != 0);
        let tasks = tx.plan_tasks_in(record.id).await?;
        let changed = redated(&template, &input, &tasks);
        if changed.is_empty() {
            continue;
        }
        for task in &changed {
            tx.update_plan_task(record.id, task).await?;
        }
        let region = tx.centre_region_in(record.centre_id).await?;
        tx.record(
            NewEvent::new(actor, EventDomain::Plans, "plan.redated", "plan", record.id)
                .summary(
                    json!({"agreement_id": agreement_id, "end": terms.end().to_string(),
                    "tasks": changed.len()}),
                )
                .in_region(Some(region)),
        )
        .await?;
    }
    Ok(())
}
