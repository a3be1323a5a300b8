//! The lifecycle operations of R-REG-2: each keeps the history and links old and new numbers.

use mottak_domain::error::FieldError;
use mottak_domain::registry::{
    Category, CentreNumber, CentreState, Consequence, LifecycleOperation, Series, check_change,
    first_free_number, parse_place_type, replacement_series,
};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{CentreFields, CentreRecord, NewCentre};
use serde::{Deserialize, Serialize};

use super::{RegistryError, optional};

/// A lifecycle operation as the API and the confirmation form give it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct LifecycleRequest {
    /// `add_place_type`, `change_place_type`, `change_category`, `change_operator`, `rename`,
    /// `reopen` or `close`.
    pub operation: String,
    pub place_type: Option<String>,
    pub category: Option<String>,
    /// The new operator (change of operator).
    pub operator_id: Option<i64>,
    /// The new name (rename; change of operator, where the name must change too).
    pub new_name: Option<String>,
    /// A new series, needed only when a category change leaves or enters series 35.
    pub series: Option<String>,
    /// The version of the centre read (not needed for a preview).
    #[serde(default)]
    pub version: i64,
}

/// What an operation will do or did.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct LifecycleOutcome {
    pub operation: String,
    pub centre_id: i64,
    pub number: String,
    /// The centre created with a new number, when the operation gives one.
    pub new_centre_id: Option<i64>,
    pub new_number: Option<String>,
    pub new_name: String,
    /// What else the rule requires, in Norwegian and English.
    pub consequences_nb: Vec<String>,
    pub consequences_en: Vec<String>,
}

fn parse_operation(
    centre: &CentreRecord,
    request: &LifecycleRequest,
) -> Result<LifecycleOperation, FieldError> {
    let new_name = || {
        optional(&request.new_name)
            .ok_or_else(|| FieldError::new("new_name", "the new name is required"))
    };
    Ok(match request.operation.as_str() {
        "add_place_type" | "change_place_type" => {
            let code = optional(&request.place_type)
                .ok_or_else(|| FieldError::new("place_type", "the place type is required"))?;
            let place_type = parse_place_type("place_type", &code)?;
            if request.operation == "add_place_type" {
                LifecycleOperation::AddPlaceType(place_type)
            } else {
                LifecycleOperation::ChangePlaceType(place_type)
            }
        }
        "change_category" => {
            let code = optional(&request.category)
                .ok_or_else(|| FieldError::new("category", "the category is required"))?;
            LifecycleOperation::ChangeCategory(Category::parse(&code)?)
        }
        "change_operator" => {
            if request
                .operator_id
                .is_none_or(|id| id == centre.operator_id)
            {
                return Err(FieldError::new("operator_id", "choose the new operator"));
            }
            LifecycleOperation::ChangeOperator {
                new_name: new_name()?,
            }
        }
        "rename" => LifecycleOperation::Rename {
            new_name: new_name()?,
        },
        "reopen" => LifecycleOperation::Reopen,
        "close" => LifecycleOperation::Close,
        _ => return Err(FieldError::new("operation", "unknown operation")),
    })
}

/// The centre a new-number operation creates: same contact data, never the accounting data.
fn successor(
    centre: &CentreRecord,
    operation: &LifecycleOperation,
    request: &LifecycleRequest,
) -> Result<NewCentre, FieldError> {
    let mut category = centre.category.clone();
    let mut place_type = centre.place_type.clone();
    let mut operator_id = centre.operator_id;
    let mut name = centre.name.clone();
    match operation {
        LifecycleOperation::AddPlaceType(new) | LifecycleOperation::ChangePlaceType(new) => {
            place_type = new.code().to_owned()
        }
        LifecycleOperation::ChangeCategory(new) => {
            category = new.code().to_owned();
            place_type = optional(&request.place_type)
                .map(|code| parse_place_type("place_type", &code))
                .transpose()?
                .unwrap_or_else(|| new.default_place_type())
                .code()
                .to_owned();
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
    let fields = CentreFields {
        external_cost_centre: None,
        udi_cost_centre: None,
        supplier_number_benefits: None,
        supplier_number_operation: None,
        bank_account_benefits: None,
        bank_account_operation: None,
        ..centre.fields()
    };
    Ok(NewCentre {
        number: String::new(),
        name,
        category,
        place_type,
        operator_id,
        predecessor_id: Some(centre.id),
        status: "open".to_owned(),
        fields,
    })
}

/// The series of the new number (R-REG-1, R-REG-2: see `replacement_series`).
fn successor_series(
    centre: &CentreRecord,
    new: &NewCentre,
    request: &LifecycleRequest,
) -> Result<Series, FieldError> {
    let given = optional(&request.series)
        .map(|text| Series::parse(&text))
        .transpose()?;
    replacement_series(
        &Series::parse(&centre.series)?,
        Category::parse(&new.category)?,
        given,
    )
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

/// What the operation would do, without doing it: for the confirmation page.
pub async fn plan_lifecycle(
    store: &Store,
    centre_id: i64,
    request: &LifecycleRequest,
) -> Result<LifecycleOutcome, RegistryError> {
    let centre = store.centre(centre_id).await?;
    let operation = parse_operation(&centre, request)?;
    check_change(&state_of(&centre)?, &operation)?;
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
    };
    if operation.needs_new_number() {
        let new = successor(&centre, &operation, request)?;
        let series = successor_series(&centre, &new, request)?;
        let used: Vec<CentreNumber> = store
            .centre_numbers_in_series(series.as_str())
            .await?
            .iter()
            .filter_map(|n| CentreNumber::parse(n).ok())
            .collect();
        outcome.new_number = Some(first_free_number(&series, &used)?.as_str().to_owned());
        outcome.new_name = new.name;
    } else if let LifecycleOperation::Rename { new_name } = &operation {
        outcome.new_name = new_name.clone();
    }
    Ok(outcome)
}

pub async fn apply_lifecycle(
    store: &Store,
    actor: &Actor,
    centre_id: i64,
    request: &LifecycleRequest,
) -> Result<LifecycleOutcome, RegistryError> {
    let centre = store.centre(centre_id).await?;
    let operation = parse_operation(&centre, request)?;
    check_change(&state_of(&centre)?, &operation)?;
    let consequences = operation.consequences();
    let (consequences_nb, consequences_en) = describe(&consequences);
    let old_operator = store.operator(centre.operator_id).await?;
    let mut outcome = LifecycleOutcome {
        operation: operation.code().to_owned(),
        centre_id,
        number: centre.number.clone(),
        new_centre_id: None,
        new_number: None,
        new_name: centre.name.clone(),
        consequences_nb,
        consequences_en: consequences_en.clone(),
    };
    // Everything read through the pool is read before the write transaction (see WriteTx).
    let replacement = if operation.needs_new_number() {
        let new = successor(&centre, &operation, request)?;
        if store.operator(new.operator_id).await.is_err() {
            return Err(FieldError::new("operator_id", "no operator has this id").into());
        }
        Some(new)
    } else {
        None
    };
    let mut tx = store.begin_write().await?;
    if let Some(mut new) = replacement {
        let series = successor_series(&centre, &new, request)?;
        let used: Vec<CentreNumber> = tx
            .used_centre_numbers(series.as_str())
            .await?
            .iter()
            .filter_map(|n| CentreNumber::parse(n).ok())
            .collect();
        new.number = first_free_number(&series, &used)?.as_str().to_owned();
        let new_id = tx.insert_centre(&new).await?;
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
            "consequences": consequences_en,
        }))
        .in_region(Some(centre.region.clone()))
        .in_operator(Some(old_operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(outcome)
}
