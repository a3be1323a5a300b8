//! Creating centres (R-REG-1, R-REG-4, R-REG-5, R-REG-8); changing them is `centre_update`.

use mottak_domain::error::Problem;
use mottak_domain::registry::{
    BankAccountNumber, CentreDraft, CentreNumber, CentreRegistration, FieldError, NumberRefused,
    RegistrySnapshot, check_free_texts, register_centre,
};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{CentreFields, CentreRecord, NewCentre};
use serde::Deserialize;

use super::snapshot::snapshot_for;
use super::{RegistryError, optional};
use mottak_domain::registry::Warning;

/// A new centre as the API, the form and the import give it (SPEC §10).
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct CentreInput {
    pub name: String,
    /// `ordinary`, `unaccompanied_minors`, `transit`, `emergency` or `special_care`.
    pub category: String,
    /// The two-digit series (pre-2020 county, or 35 for special care).
    pub series: String,
    pub municipality_number: String,
    pub postal_code: String,
    pub operator_id: i64,
    /// Only when registering an existing centre: must be unused and in the series.
    pub number: Option<String>,
    /// Defaults from the category.
    pub place_type: Option<String>,
    /// Required for series 35, whose region no county gives; otherwise from the series.
    pub region: Option<String>,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub leader: Option<String>,
    pub ip_address: Option<String>,
    pub mailbox_name: Option<String>,
    #[serde(default)]
    pub has_video_equipment: bool,
    pub external_cost_centre: Option<String>,
    pub udi_cost_centre: Option<String>,
    pub supplier_number_benefits: Option<String>,
    pub supplier_number_operation: Option<String>,
    pub bank_account_benefits: Option<String>,
    pub bank_account_operation: Option<String>,
    /// For the import of closed centres of the old registry.
    #[serde(default, skip)]
    pub closed: bool,
    /// For a form whose operator select was left empty (the API requires `operator_id`).
    #[serde(default, skip)]
    pub operator_missing: bool,
}

impl CentreInput {
    /// The draft the domain judges: texts trimmed, empty ones absent.
    fn draft(&self) -> CentreDraft {
        CentreDraft {
            name: self.name.trim().to_owned(),
            category: self.category.clone(),
            series: self.series.clone(),
            municipality_number: self.municipality_number.clone(),
            postal_code: self.postal_code.clone(),
            operator_id: (!self.operator_missing).then_some(self.operator_id),
            number: optional(&self.number),
            place_type: optional(&self.place_type),
            region: optional(&self.region),
            email: optional(&self.email),
            bank_account_benefits: optional(&self.bank_account_benefits),
            bank_account_operation: optional(&self.bank_account_operation),
        }
    }
}

impl CentreInput {
    /// The fields as the input gives them (texts trimmed, empty ones absent), for the check of
    /// the free texts; the registration then sets the region, the places, the e-mail and the
    /// bank accounts as it decides them.
    fn given_fields(&self) -> CentreFields {
        CentreFields {
            visiting_address: optional(&self.visiting_address),
            postal_address: optional(&self.postal_address),
            phone: optional(&self.phone),
            email: optional(&self.email),
            leader: optional(&self.leader),
            ip_address: optional(&self.ip_address),
            mailbox_name: optional(&self.mailbox_name),
            has_video_equipment: self.has_video_equipment,
            external_cost_centre: optional(&self.external_cost_centre),
            udi_cost_centre: optional(&self.udi_cost_centre),
            supplier_number_benefits: optional(&self.supplier_number_benefits),
            supplier_number_operation: optional(&self.supplier_number_operation),
            ..CentreFields::default()
        }
    }
}

/// A centre's free texts, which the domain checks for length and shape, in the order of the
/// form (the order of their errors). The check trims and passes over empty texts, so trimmed
/// fields give the errors the texts as given would.
pub(super) fn free_texts(fields: &CentreFields) -> [(&'static str, Option<&str>); 11] {
    [
        ("visiting_address", fields.visiting_address.as_deref()),
        ("postal_address", fields.postal_address.as_deref()),
        ("phone", fields.phone.as_deref()),
        ("email", fields.email.as_deref()),
        ("leader", fields.leader.as_deref()),
        ("ip_address", fields.ip_address.as_deref()),
        ("mailbox_name", fields.mailbox_name.as_deref()),
        (
            "external_cost_centre",
            fields.external_cost_centre.as_deref(),
        ),
        ("udi_cost_centre", fields.udi_cost_centre.as_deref()),
        (
            "supplier_number_benefits",
            fields.supplier_number_benefits.as_deref(),
        ),
        (
            "supplier_number_operation",
            fields.supplier_number_operation.as_deref(),
        ),
    ]
}

/// The registration, or every error of the rules and of the free texts (the name first) at once.
fn decide(
    draft: &CentreDraft,
    snapshot: &RegistrySnapshot,
    given: &CentreFields,
) -> Result<CentreRegistration, Vec<FieldError>> {
    let mut texts = vec![("name", Some(draft.name.as_str()))];
    texts.extend(free_texts(given));
    let text_errors = check_free_texts(&texts);
    match register_centre(draft, snapshot) {
        Ok(centre) if text_errors.is_empty() => Ok(centre),
        Ok(_) => Err(text_errors),
        Err(mut errors) => {
            errors.extend(text_errors);
            Err(errors)
        }
    }
}

/// The stored fields of a registration: what it decided, and the other fields as given.
fn centre_fields(centre: &CentreRegistration, given: CentreFields) -> CentreFields {
    let account = |account: &Option<BankAccountNumber>| {
        account.as_ref().map(|account| account.as_str().to_owned())
    };
    CentreFields {
        region: centre.region.code().to_owned(),
        municipality_number: centre.municipality_number.as_str().to_owned(),
        postal_code: centre.postal_code.as_str().to_owned(),
        email: centre.email.clone(),
        bank_account_benefits: account(&centre.bank_account_benefits),
        bank_account_operation: account(&centre.bank_account_operation),
        ..given
    }
}

/// Registers a centre: load the snapshot of the reference data the input names, let the domain
/// decide (the registration or every invalid field), then allocate the number and write under
/// the write lock.
pub async fn create_centre(
    store: &Store,
    actor: &Actor,
    input: &CentreInput,
) -> Result<(CentreRecord, Vec<Warning>), RegistryError> {
    let draft = input.draft();
    let given = input.given_fields();
    let snapshot = snapshot_for(store, &draft).await?;
    let centre = decide(&draft, &snapshot, &given)?;
    let mut tx = store.begin_write().await?;
    let used: Vec<CentreNumber> = tx
        .used_centre_numbers(centre.series.as_str())
        .await?
        .iter()
        .filter_map(|number| CentreNumber::parse(number).ok())
        .collect();
    let number = match centre.allocate_number(&used) {
        Ok(number) => number,
        Err(NumberRefused::InUse(number)) => {
            return Err(RegistryError::conflict(
                "number",
                Problem::CentreNumberInUse {
                    number: number.as_str().to_owned(),
                },
            ));
        }
        Err(NumberRefused::SeriesFull(error)) => return Err(error.into()),
    };
    let row = NewCentre {
        number: number.as_str().to_owned(),
        name: centre.name.clone(),
        category: centre.category.code().to_owned(),
        place_type: centre.place_type.code().to_owned(),
        operator_id: centre.operator_id,
        predecessor_id: None,
        status: if input.closed { "closed" } else { "open" }.to_owned(),
        fields: centre_fields(&centre, given),
    };
    let id = tx.insert_centre(&row).await?;
    tx.add_history(
        id,
        "created",
        &format!("{} {}", row.number, row.name),
        None,
        &actor.name,
    )
    .await?;
    let dro = centre.operator_dro.to_string();
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Registry,
            "centre.created",
            "centre",
            &row.number,
        )
        .summary(serde_json::json!({
            "number": row.number, "name": row.name, "category": row.category,
            "place_type": row.place_type, "operator": dro, "warnings": centre.warnings.len(),
        }))
        .in_region(Some(row.fields.region.clone()))
        .in_operator(Some(dro.clone())),
    )
    .await?;
    tx.commit().await?;
    Ok((store.centre(id).await?, centre.warnings))
}
