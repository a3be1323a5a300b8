//! Demo plans: the first open centre follows the opening routine and the follow-up of a new
//! centre from its main agreement, so the plan pages look alive.

use mottak_store::Store;
use mottak_store::events::Actor;
use mottak_store::registry::CentreFilter;

use crate::plans::start_plan_for;

pub async fn fill(store: &Store) -> anyhow::Result<()> {
    let actor = Actor::system("demo");
    let filter = CentreFilter {
        status: Some("open".to_owned()),
        limit: 1,
        ..CentreFilter::default()
    };
    let (centres, _) = store.list_centres(&filter).await?;
    let Some(listed) = centres.first() else {
        return Ok(());
    };
    let centre = store.centre(listed.id).await?;
    let operator = store.operator(centre.operator_id).await?;
    let Some(agreement) = store
        .agreements_of_centre(centre.id, None)
        .await?
        .first()
        .cloned()
    else {
        return Ok(());
    };
    for template in ["opening", "new_centre"] {
        start_plan_for(store, &actor, &centre, &operator, template, agreement.id)
            .await
            .map_err(|error| anyhow::anyhow!("demo plan {template}: {error}"))?;
    }
    Ok(())
}
