//! Plans that start by themselves (SPEC §6), each inside the write of the change that starts
//! it, with its `plan.started` event: an agreement's registration (the opening routine for a
//! centre without one, the follow-up by the centre's category), a lifecycle operation's new
//! number (the part of the opening routine a number needs, R-REG-2), and an end or stop date
//! set or a notice given (the closing routine).

use mottak_domain::agreements::{AgreementKind, AgreementTerms};
use mottak_domain::plans::start::{
    Registration, closes_centre, new_number_template, templates_on_registration,
};
use mottak_domain::plans::{Experience, Facts, PlanInput, TaskState, Template, Timing, plan};
use mottak_domain::registry::Category;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::plans::{NewPlan, TaskRecord};
use mottak_store::registry::CentreRecord;
use mottak_store::{StoreError, WriteTx};
use serde_json::json;

/// The centre a plan is for, as its event names it.
#[derive(Clone, Copy)]
pub struct PlanCentre<'a> {
    pub id: i64,
    pub number: &'a str,
    pub region: &'a str,
}

impl<'a> From<&'a CentreRecord> for PlanCentre<'a> {
    fn from(centre: &'a CentreRecord) -> PlanCentre<'a> {
        PlanCentre {
            id: centre.id,
            number: &centre.number,
            region: &centre.fields.region,
        }
    }
}

/// A plan about to start.
pub struct Starting<'a> {
    pub template: &'a Template,
    pub input: &'a PlanInput,
    pub centre: PlanCentre<'a>,
    pub operator_dro: String,
    pub agreement_id: i64,
    /// The change that started it by itself (`agreement.created`, …); `None` when a user did.
    pub trigger: Option<&'a str>,
}

fn timing_code(timing: Timing) -> &'static str {
    match timing {
        Timing::By => "by",
        Timing::NotBefore => "not_before",
    }
}

/// Stores the plan with its computed tasks and its `plan.started` event; returns its id.
pub async fn start_in(
    tx: &mut WriteTx,
    actor: &Actor,
    starting: &Starting<'_>,
) -> Result<i64, StoreError> {
    let Starting {
        template,
        input,
        centre,
        ..
    } = starting;
    let computed = plan(template, input, &Facts::default());
    let tasks: Vec<TaskRecord> = computed
        .tasks
        .iter()
        .enumerate()
        .map(|(position, task)| TaskRecord {
            position: position as i64 + 1,
            item_key: task.key.clone(),
            due: task.due.map(|due| due.to_string()),
            timing: timing_code(task.timing).to_owned(),
            status: match task.state {
                TaskState::Open => "open".to_owned(),
                TaskState::NotNeeded(_) => "not_needed".to_owned(),
            },
            ..TaskRecord::default()
        })
        .collect();
    let document = serde_json::to_string(template).expect("templates serialize");
    let id = tx
        .insert_plan(
            &NewPlan {
                centre_id: centre.id,
                agreement_id: starting.agreement_id,
                template_key: &template.key,
                template_version: i64::from(template.version),
                template_document: &document,
                experienced: input.experience == Experience::Experienced,
                started_by: &actor.name,
            },
            &tasks,
        )
        .await?;
    tx.record(
        NewEvent::new(actor, EventDomain::Plans, "plan.started", "plan", id)
            .summary(
                json!({"centre": centre.number, "agreement_id": starting.agreement_id,
                "template": template.key, "version": template.version, "tasks": tasks.len(),
                "trigger": starting.trigger}),
            )
            .in_region(Some(centre.region.to_owned()))
            .in_operator(Some(starting.operator_dro.clone())),
    )
    .await?;
    Ok(id)
}

/// The operator and the change that start plans by themselves.
pub struct Trigger<'a> {
    pub actor: &'a Actor,
    pub operator_dro: &'a str,
    pub experienced: bool,
    /// The triggering event's action.
    pub action: &'a str,
}

impl Trigger<'_> {
    async fn start(
        &self,
        tx: &mut WriteTx,
        template: &Template,
        centre: PlanCentre<'_>,
        agreement_id: i64,
        terms: &AgreementTerms,
    ) -> Result<i64, StoreError> {
        let input = super::input_of(terms, self.experienced);
        start_in(
            tx,
            self.actor,
            &Starting {
                template,
                input: &input,
                centre,
                operator_dro: self.operator_dro.to_owned(),
                agreement_id,
                trigger: Some(self.action),
            },
        )
        .await
    }
}

/// A registered agreement starts, per centre, the opening routine where the centre has none and
/// the follow-up its category calls for (`others`: the centres' earlier agreements); one with a
/// stop date already set starts the closing routine too.
pub async fn on_registration(
    tx: &mut WriteTx,
    trigger: &Trigger<'_>,
    agreement_id: i64,
    terms: &AgreementTerms,
    centres: &[CentreRecord],
    others: &[AgreementTerms],
) -> Result<(), StoreError> {
    for centre in centres {
        let Ok(category) = Category::parse(&centre.category) else {
            continue;
        };
        let keys = tx.plan_keys_of_centre_in(centre.id).await?;
        let registration = Registration {
            kind: terms.kind,
            category,
            has_opening_plan: keys.iter().any(|(_, key)| key == "opening"),
            earlier_main_agreements: others
                .iter()
                .filter(|other| {
                    other.kind == AgreementKind::Main && other.unit_of(centre.id).is_some()
                })
                .count(),
        };
        for key in templates_on_registration(&registration) {
            let template = super::templates::current_in(tx, key).await?;
            trigger
                .start(tx, &template, centre.into(), agreement_id, terms)
                .await?;
        }
    }
    if terms.stop_date.is_some() {
        on_end_set(tx, trigger, agreement_id, terms, centres).await?;
    }
    Ok(())
}

/// An end or stop date set, or a notice given: the closing routine for each centre of the
/// agreement that has none from it yet (one that has is re-dated instead), unless another of
/// the centre's agreements runs past this one's end.
pub async fn on_end_set(
    tx: &mut WriteTx,
    trigger: &Trigger<'_>,
    agreement_id: i64,
    terms: &AgreementTerms,
    centres: &[CentreRecord],
) -> Result<(), StoreError> {
    let closing = super::templates::current_in(tx, "closing").await?;
    for centre in centres {
        let keys = tx.plan_keys_of_centre_in(centre.id).await?;
        if keys
            .iter()
            .any(|(agreement, key)| *agreement == agreement_id && key == "closing")
        {
            continue;
        }
        let others = tx
            .agreements_of_centres(&[centre.id], Some(agreement_id))
            .await?;
        if !closes_centre(terms.end(), others.iter().map(AgreementTerms::end)) {
            continue;
        }
        trigger
            .start(tx, &closing, centre.into(), agreement_id, terms)
            .await?;
    }
    Ok(())
}

/// A lifecycle operation's new number (R-REG-2): DUF access, the supplier and the accounting
/// data for the new centre, dated from the predecessor's latest agreement (`agreement`); a
/// predecessor without agreements starts nothing, as there are no dates to plan from.
pub async fn on_new_number(
    tx: &mut WriteTx,
    trigger: &Trigger<'_>,
    centre: PlanCentre<'_>,
    agreement: Option<(i64, &AgreementTerms)>,
) -> Result<(), StoreError> {
    let Some((agreement_id, terms)) = agreement else {
        return Ok(());
    };
    let template = new_number_template(&super::templates::current_in(tx, "opening").await?);
    trigger
        .start(tx, &template, centre, agreement_id, terms)
        .await?;
    Ok(())
}
