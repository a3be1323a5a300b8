//! Contact routing on the centre page (R-PLN-2): the phase the centre is in today, from the
//! phases of its follow-up plans, else from whether one of its agreements is in force.

use chrono::NaiveDate;
use mottak_domain::plans::routing::{Routing, phase_on, routing};
use mottak_domain::plans::{Facts, PhaseName, Template, plan};
use mottak_store::{Store, StoreError};

/// The centre's phase on the day and the routing it gives; no phase, no routing.
pub struct CentreRouting {
    pub phase: Option<PhaseName>,
    pub routing: Option<Routing>,
}

pub async fn centre_routing(
    store: &Store,
    centre_id: i64,
    day: NaiveDate,
) -> Result<CentreRouting, StoreError> {
    let mut phased = Vec::new();
    // Oldest first: the latest plan holding the day wins.
    let mut records = store.plans_of_centre(centre_id).await?;
    records.reverse();
    for record in records {
        let document = store
            .plan_template(&record.template_key, record.template_version)
            .await?;
        let Ok(template) = serde_json::from_str::<Template>(&document) else {
            tracing::error!(plan = record.id, "stored plan template does not read");
            continue;
        };
        if template.phases.is_none() {
            continue;
        }
        let agreement = store.agreement(record.agreement_id).await?;
        let input = super::input_of(&agreement.terms, record.experienced != 0);
        phased.push(plan(&template, &input, &Facts::default()).phases);
    }
    let in_force = store
        .agreements_of_centre(centre_id, None)
        .await?
        .iter()
        .any(|agreement| agreement.terms.validity().contains(day));
    let phase = phase_on(&phased, in_force, day);
    Ok(CentreRouting {
        phase,
        routing: phase.map(routing),
    })
}
