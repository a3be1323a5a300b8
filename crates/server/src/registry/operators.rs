//! Creating and changing operators (R-REG-3, R-REG-4).

use mottak_domain::error::Problem;
use mottak_domain::registry::{
    DroNumber, OperatorDraft, OperatorRegistration, PostalCode, RegistrySnapshot, check_free_texts,
    first_free_dro, register_operator,
};
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

impl OperatorInput {
    /// The draft the domain judges; `dro_number` only when registering.
    fn draft(&self, registering: bool) -> OperatorDraft {
        OperatorDraft {
            name: self.name.trim().to_owned(),
            organisation_number: self.organisation_number.clone(),
            postal_code: optional(&self.postal_code),
            dro_number: optional(&self.dro_number).filter(|_| registering),
        }
    }

    fn row(&self, operator: &OperatorRegistration) -> NewOperator {
        NewOperator {
            dro_number: 0,
            name: operator.name.clone(),
            organisation_number: operator.organisation_number.as_str().to_owned(),
            experienced: self.experienced,
            visiting_address: optional(&self.visiting_address),
            postal_address: optional(&self.postal_address),
            postal_code: operator
                .postal_code
                .as_ref()
                .map(|code| code.as_str().to_owned()),
            phone: optional(&self.phone),
            email: optional(&self.email),
        }
    }
}

/// Loads the snapshot the draft needs (its postal code) and lets the domain decide.
async fn decide(
    store: &Store,
    input: &OperatorInput,
    registering: bool,
) -> Result<OperatorRegistration, RegistryError> {
    let draft = &input.draft(registering);
    let text_errors = check_free_texts(&[
        ("name", Some(input.name.as_str())),
        ("visiting_address", input.visiting_address.as_deref()),
        ("postal_address", input.postal_address.as_deref()),
        ("phone", input.phone.as_deref()),
        ("email", input.email.as_deref()),
    ]);
    let mut snapshot = RegistrySnapshot::default();
    if let Some(code) = draft.postal_code.as_deref()
        && let Ok(code) = PostalCode::parse(code)
        && store.postal_place(code.as_str(), &today()).await.is_ok()
    {
        snapshot.postal_codes.insert(code.as_str().to_owned());
    }
    match register_operator(draft, &snapshot) {
        Ok(operator) if text_errors.is_empty() => Ok(operator),
        Ok(_) => Err(text_errors.into()),
        Err(mut errors) => {
            errors.extend(text_errors);
            Err(errors.into())
        }
    }
}

/// Registers an operator: snapshot → domain decides → the DRO number allocated and written
/// under the write lock.
pub async fn create_operator(
    store: &Store,
    actor: &Actor,
    input: &OperatorInput,
) -> Result<OperatorRecord, RegistryError> {
    let registration = decide(store, input, true).await?;
    let mut operator = input.row(&registration);
    let mut tx = store.begin_write().await?;
    let used: Vec<DroNumber> = tx
        .used_dro_numbers()
        .await?
        .into_iter()
        .filter_map(|number| DroNumber::parse(&format!("DRO{number}")).ok())
        .collect();
    let dro = match registration.given_dro {
        Some(dro) if used.contains(&dro) => {
            return Err(RegistryError::conflict(
                "dro_number",
                Problem::DroNumberInUse {
                    dro: dro.to_string(),
                },
            ));
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
    let operator = input.row(&decide(store, input, false).await?);
    let mut tx = store.begin_write().await?;
    tx.update_operator(id, version, &operator).await?;
    let changed = operator.changed_from(&before.fields);
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
