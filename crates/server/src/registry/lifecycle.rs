//! The lifecycle operations of R-REG-2: each keeps the history and links old and new numbers.

use mottak_domain::access::Region;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::registry::{
    Category, CentreNumber, CentreState, Consequence, LifecycleOperation, NewNumber, Series,
    check_change, check_place_type_free, check_replacement, first_free_number, name_warnings,
    parse_place_type, replacement_series, series_region,
};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{CentreFields, CentreRecord, LinkedNumber, NewCentre};

use super::lifecycle_request::parse_operation;
pub use super::lifecycle_request::{LifecycleOutcome, LifecycleRequest};
use super::snapshot::successor_snapshot;
use super::{RegistryError, optional};
use mottak_domain::registry::Warning;

/// The centre a new-number operation creates in `series`, judged as a new centre would be
/// (R-REG-1, R-REG-5): same contact data, never the accounting data, the region of the series.
async fn successor(
    store: &Store,
    centre: &CentreRecord,
    operation: &LifecycleOperation,
    request: &LifecycleRequest,
    series: &Series,
) -> Result<(NewCentre, Vec<Warning>), RegistryError> {
    let current = state_of(centre)?;
    let (mut category, mut place_type) = (current.category, current.place_type);
    let mut operator_id = centre.operator_id;
    let mut name = centre.name.clone();
    match operation {
        LifecycleOperation::AddPlaceType(new) | LifecycleOperation::ChangePlaceType(new) => {
            place_type = *new
        }
        LifecycleOperation::ChangeCategory(new) => {
            category = *new;
            place_type = optional(&request.place_type)
                .map(|code| parse_place_type("place_type", &code))
                .transpose()?
                .unwrap_or_else(|| new.default_place_type());
        }
        LifecycleOperation::ChangeOperator { new_name } => {
            operator_id = request.operator_id.unwrap_or(operator_id);
            name = new_name.clone();
        }
        _ => {}
    }
    if let Some(new_name) = optional(&request.new_name) {
        name = new_name;
    }
    let snapshot =
        successor_snapshot(store, operator_id, &centre.fields.municipality_number).await?;
    if !snapshot.operators.contains_key(&operator_id) {
        return Err(FieldError::coded("operator_id", Problem::NoOperatorWithId).into());
    }
    let old_region = centre
        .fields
        .region
        .parse::<Region>()
        .map_err(|_| FieldError::coded("region", Problem::StoredRegion))?;
    let (region, warnings) = check_replacement(
        &NewNumber {
            name: &name,
            category,
            place_type,
            series,
            series_region: series_region(&snapshot.series, series)?,
            given_region: None,
            old_counties: snapshot
                .old_counties
                .get(&centre.fields.municipality_number)
                .map_or(&[][..], Vec::as_slice),
        },
        old_region,
    )?;
    let fields = CentreFields {
        region: region.code().to_owned(),
        external_cost_centre: None,
        udi_cost_centre: None,
        supplier_number_benefits: None,
        supplier_number_operation: None,
        bank_account_benefits: None,
        bank_account_operation: None,
        ..centre.fields.clone()
    };
    let new = NewCentre {
        number: String::new(),
        name,
        category: category.code().to_owned(),
        place_type: place_type.code().to_owned(),
        operator_id,
        predecessor_id: Some(centre.id),
        status: "open".to_owned(),
        fields,
    };
    Ok((new, warnings))
}

/// R-REG-2's one number per place type across the linked numbers: 409 naming `place_type`.
fn check_place_type(
    prepared: &Prepared,
    new: &NewCentre,
    linked: &[LinkedNumber],
) -> Result<(), RegistryError> {
    let open_linked = linked
        .iter()
        .map(|number| {
            parse_place_type("place_type", &number.place_type)
                .map(|place_type| (number.number.as_str(), place_type))
        })
        .collect::<Result<Vec<_>, _>>()?;
    check_place_type_free(
        &prepared.operation,
        parse_place_type("place_type", &new.place_type)?,
        &prepared.centre.number,
        &open_linked,
    )
    .map_err(|error| RegistryError::conflict(error.field, error.problem))
}

fn state_of(centre: &CentreRecord) -> Result<CentreState<'_>, FieldError> {
    Ok(CentreState {
        open: centre.status == "open",
        name: &centre.name,
        category: Category::parse(&centre.category)?,
        place_type: parse_place_type("place_type", &centre.place_type)?,
    })
}

fn describe(consequences: &[Consequence]) -> (Vec<String>, Vec<String>) {
    (
        consequences
            .iter()
            .map(|consequence| consequence.describe_nb().to_owned())
            .collect(),
        consequences
            .iter()
            .map(|consequence| consequence.describe_en().to_owned())
            .collect(),
    )
}

/// An operation checked against the rules, with everything read through the pool that its
/// write needs (see WriteTx), and the outcome so far.
struct Prepared {
    centre: CentreRecord,
    operation: LifecycleOperation,
    /// The new centre (its number still to allocate) and its series, for a new-number operation.
    replacement: Option<(NewCentre, Series)>,
    outcome: LifecycleOutcome,
}

async fn prepare(
    store: &Store,
    centre_id: i64,
    request: &LifecycleRequest,
) -> Result<Prepared, RegistryError> {
    let centre = store.centre(centre_id).await?;
    let operation = parse_operation(&centre, request)?;
    let current = state_of(&centre)?;
    check_change(&current, &operation)?;
    let given_series = optional(&request.series)
        .map(|text| Series::parse(&text))
        .transpose()?;
    let series = replacement_series(&Series::parse(&centre.series)?, &operation, given_series)?;
    let (consequences_nb, consequences_en) = describe(&operation.consequences());
    let mut outcome = LifecycleOutcome {
        operation: operation.code().to_owned(),
        centre_id,
        number: centre.number.clone(),
        new_centre_id: None,
        new_number: None,
        new_name: centre.name.clone(),
        consequences_nb,
        consequences_en,
        warnings: Vec::new(),
    };
    let replacement = match series {
        Some(series) => {
            let (new, warnings) = successor(store, &centre, &operation, request, &series).await?;
            outcome.new_name = new.name.clone();
            outcome.warnings = warnings;
            Some((new, series))
        }
        None => {
            if let LifecycleOperation::Rename { new_name } = &operation {
                outcome.new_name = new_name.clone();
                outcome.warnings = name_warnings(new_name, current.category, current.place_type);
            }
            None
        }
    };
    Ok(Prepared {
        centre,
        operation,
        replacement,
        outcome,
    })
}

/// What the operation would do, without doing it: for the confirmation page.
pub async fn plan_lifecycle(
    store: &Store,
    centre_id: i64,
    request: &LifecycleRequest,
) -> Result<LifecycleOutcome, RegistryError> {
    let prepared = prepare(store, centre_id, request).await?;
    let mut outcome = prepared.outcome.clone();
    if let Some((new, series)) = &prepared.replacement {
        check_place_type(
            &prepared,
            new,
            &store.open_linked_numbers(prepared.centre.id).await?,
        )?;
        let used: Vec<CentreNumber> = store
            .centre_numbers_in_series(series.as_str())
            .await?
            .iter()
            .filter_map(|n| CentreNumber::parse(n).ok())
            .collect();
        outcome.new_number = Some(first_free_number(series, &used)?.as_str().to_owned());
    }
    Ok(outcome)
}

pub async fn apply_lifecycle(
    store: &Store,
    actor: &Actor,
    centre_id: i64,
    request: &LifecycleRequest,
) -> Result<LifecycleOutcome, RegistryError> {
    let prepared = prepare(store, centre_id, request).await?;
    let old_operator = store.operator(prepared.centre.operator_id).await?;
    // A new number's plan is dated from the predecessor's latest agreement (SPEC §6).
    let latest_agreement = store
        .agreements_of_centre(prepared.centre.id, None)
        .await?
        .into_iter()
        .max_by_key(|agreement| agreement.terms.end());
    let new_operator = match &prepared.replacement {
        Some((new, _)) => Some(store.operator(new.operator_id).await?),
        None => None,
    };
    let mut tx = store.begin_write().await?;
    // Read under the write lock: two operations cannot both give the centre one place type.
    if let Some((new, _)) = &prepared.replacement {
        check_place_type(
            &prepared,
            new,
            &tx.open_linked_numbers(prepared.centre.id).await?,
        )?;
    }
    let Prepared {
        centre,
        operation,
        replacement,
        mut outcome,
    } = prepared;
    if let Some((mut new, series)) = replacement {
        let used: Vec<CentreNumber> = tx
            .used_centre_numbers(series.as_str())
            .await?
            .iter()
            .filter_map(|n| CentreNumber::parse(n).ok())
            .collect();
        new.number = first_free_number(&series, &used)?.as_str().to_owned();
        let new_id = tx.insert_centre(&new).await?;
        if let Some(operator) = &new_operator {
            let trigger = crate::plans::start::Trigger {
                actor,
                operator_dro: &operator.dro(),
                experienced: operator.fields.experienced,
                action: &format!("centre.{}", operation.code()),
            };
            let successor = crate::plans::start::PlanCentre {
                id: new_id,
                number: &new.number,
                region: &new.fields.region,
            };
            crate::plans::start::on_new_number(
                &mut tx,
                &trigger,
                successor,
                latest_agreement
                    .as_ref()
                    .map(|agreement| (agreement.id, &agreement.terms)),
            )
            .await?;
        }
        // The old number stays, linked: closed when replaced, open when a place type is added.
        let keeps_old_open = matches!(operation, LifecycleOperation::AddPlaceType(_));
        let old_status = if keeps_old_open {
            centre.status.as_str()
        } else {
            "closed"
        };
        tx.update_centre_identity(centre.id, request.version, &centre.name, old_status)
            .await?;
        let summary = format!("{} → {} ({})", centre.number, new.number, operation.code());
        tx.add_history(
            centre.id,
            operation.code(),
            &summary,
            Some(new_id),
            &actor.name,
        )
        .await?;
        tx.add_history(
            new_id,
            "created_from",
            &summary,
            Some(centre.id),
            &actor.name,
        )
        .await?;
        outcome.new_centre_id = Some(new_id);
        outcome.new_number = Some(new.number.clone());
        outcome.new_name = new.name.clone();
    } else {
        let (name, status) = match &operation {
            LifecycleOperation::Rename { new_name } => (new_name.clone(), centre.status.clone()),
            LifecycleOperation::Reopen => (centre.name.clone(), "open".to_owned()),
            _ => (centre.name.clone(), "closed".to_owned()),
        };
        tx.update_centre_identity(centre.id, request.version, &name, &status)
            .await?;
        let summary = match &operation {
            LifecycleOperation::Rename { new_name } => format!("{} → {new_name}", centre.name),
            _ => operation.code().to_owned(),
        };
        tx.add_history(centre.id, operation.code(), &summary, None, &actor.name)
            .await?;
        outcome.new_name = name;
    }
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Registry,
            &format!("centre.{}", operation.code()),
            "centre",
            &centre.number,
        )
        .summary(serde_json::json!({
            "number": centre.number,
            "new_number": outcome.new_number,
            "name": outcome.new_name,
            "warnings": outcome.warnings.len(),
        }))
        .in_region(Some(centre.fields.region.clone()))
        .in_operator(Some(old_operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}
