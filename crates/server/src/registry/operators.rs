//! Creating and changing operators (R-REG-3, R-REG-4).

use mottak_domain::error::FieldError;
use mottak_domain::registry::{DroNumber, OrganisationNumber, PostalCode, first_free_dro};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{NewOperator, OperatorRecord};
use serde::Deserialize;

use super::{RegistryError, optional, today};

/// An operator as the API, the form and the import give it.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct OperatorInput {
    pub name: String,
    /// Nine digits with a valid modulus-11 check digit (R-REG-4).
    pub organisation_number: String,
    /// An experienced operator gets the shorter follow-up plans (§6).
    #[serde(default)]
    pub experienced: bool,
    /// Only when registering an existing operator from the old registry; otherwise the first
    /// free number from DRO1000 is allocated (R-REG-3).
    pub dro_number: Option<String>,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

async fn validate(store: &Store, input: &OperatorInput) -> Result<NewOperator, RegistryError> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(FieldError::new("name", "the operator needs a name").into());
    }
    let organisation_number = OrganisationNumber::parse(&input.organisation_number)?;
    let postal_code = match optional(&input.postal_code) {
        Some(code) => {
            let code = PostalCode::parse(&code)?;
            if store.postal_place(code.as_str(), &today()).await.is_err() {
                return Err(FieldError::new("postal_code", "not in the postal-code list").into());
            }
            Some(code.as_str().to_owned())
        }
        None => None,
    };
    Ok(NewOperator {
        dro_number: 0,
        name: name.to_owned(),
        organisation_number: organisation_number.as_str().to_owned(),
        experienced: input.experienced,
        visiting_address: optional(&input.visiting_address),
        postal_address: optional(&input.postal_address),
        postal_code,
        phone: optional(&input.phone),
        email: optional(&input.email),
    })
}

pub async fn create_operator(
    store: &Store,
    actor: &Actor,
    input: &OperatorInput,
) -> Result<OperatorRecord, RegistryError> {
    let mut operator = validate(store, input).await?;
    let given = optional(&input.dro_number)
        .map(|text| DroNumber::parse(&text))
        .transpose()?;
    let mut tx = store.begin_write().await?;
    let used: Vec<DroNumber> = tx
        .used_dro_numbers()
        .await?
        .into_iter()
        .filter_map(|number| DroNumber::parse(&format!("DRO{number}")).ok())
        .collect();
    let dro = match given {
        Some(dro) if used.contains(&dro) => {
            return Err(RegistryError::Conflict {
                field: Some("dro_number".to_owned()),
                detail: format!("{dro} is already in use"),
            });
        }
        Some(dro) => dro,
        None => first_free_dro(&used),
    };
    operator.dro_number = i64::from(dro.value());
    let id = tx.insert_operator(&operator).await?;
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Registry,
            "operator.created",
            "operator",
            id,
        )
        .summary(serde_json::json!({
            "dro_number": dro.to_string(),
            "name": operator.name,
            "organisation_number": operator.organisation_number,
            "experienced": operator.experienced,
        }))
        .in_operator(Some(dro.to_string())),
    )
    .await?;
    tx.commit().await?;
    Ok(store.operator(id).await?)
}

pub async fn update_operator(
    store: &Store,
    actor: &Actor,
    id: i64,
    version: i64,
    input: &OperatorInput,
) -> Result<OperatorRecord, RegistryError> {
    let before = store.operator(id).await?;
    let operator = validate(store, input).await?;
    let mut tx = store.begin_write().await?;
    tx.update_operator(id, version, &operator).await?;
    let mut changed = Vec::new();
    if before.name != operator.name {
        changed.push("name")
    }
    if before.organisation_number != operator.organisation_number {
        changed.push("organisation_number")
    }
    if (before.experienced != 0) != operator.experienced {
        changed.push("experienced")
    }
    if before.visiting_address != operator.visiting_address {
        changed.push("visiting_address")
    }
    if before.postal_address != operator.postal_address {
        changed.push("postal_address")
    }
    if before.postal_code != operator.postal_code {
        changed.push("postal_code")
    }
    if before.phone != operator.phone {
        changed.push("phone")
    }
    if before.email != operator.email {
        changed.push("email")
    }
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Registry,
            "operator.updated",
            "operator",
            id,
        )
        .summary(serde_json::json!({ "dro_number": before.dro(), "changed": changed }))
        .in_operator(Some(before.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(store.operator(id).await?)
}
