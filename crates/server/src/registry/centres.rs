//! Creating and changing centres (R-REG-1, R-REG-4 to R-REG-8).

use mottak_domain::error::Problem;
use mottak_domain::registry::{
    BankAccountNumber, CentreChange, CentreDraft, CentreNumber, CentreRegistration, FieldError,
    NumberRefused, RegistrySnapshot, check_centre_change, check_free_texts, register_centre,
};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{CentreFields, CentreRecord, NewCentre};
use serde::Deserialize;

use super::scope::EditRights;
use super::snapshot::{add_places, snapshot_for};
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
    /// The free texts the domain checks for length and shape.
    fn free_texts(&self) -> Vec<(&'static str, Option<&str>)> {
        vec![
            ("name", Some(self.name.as_str())),
            ("visiting_address", self.visiting_address.as_deref()),
            ("postal_address", self.postal_address.as_deref()),
            ("phone", self.phone.as_deref()),
            ("email", self.email.as_deref()),
            ("leader", self.leader.as_deref()),
            ("ip_address", self.ip_address.as_deref()),
            ("mailbox_name", self.mailbox_name.as_deref()),
            ("external_cost_centre", self.external_cost_centre.as_deref()),
            ("udi_cost_centre", self.udi_cost_centre.as_deref()),
            (
                "supplier_number_benefits",
                self.supplier_number_benefits.as_deref(),
            ),
            (
                "supplier_number_operation",
                self.supplier_number_operation.as_deref(),
            ),
        ]
    }
}

/// The registration, or every error of the rules and of the free texts at once.
fn decide(
    draft: &CentreDraft,
    snapshot: &RegistrySnapshot,
    input: &CentreInput,
) -> Result<CentreRegistration, Vec<FieldError>> {
    let text_errors = check_free_texts(&input.free_texts());
    match register_centre(draft, snapshot) {
        Ok(centre) if text_errors.is_empty() => Ok(centre),
        Ok(_) => Err(text_errors),
        Err(mut errors) => {
            errors.extend(text_errors);
            Err(errors)
        }
    }
}

/// The stored fields of a registration, with the free texts as given.
fn centre_fields(centre: &CentreRegistration, input: &CentreInput) -> CentreFields {
    let account = |account: &Option<BankAccountNumber>| {
        account.as_ref().map(|account| account.as_str().to_owned())
    };
    CentreFields {
        region: centre.region.code().to_owned(),
        municipality_number: centre.municipality_number.as_str().to_owned(),
        postal_code: centre.postal_code.as_str().to_owned(),
        visiting_address: optional(&input.visiting_address),
        postal_address: optional(&input.postal_address),
        phone: optional(&input.phone),
        email: centre.email.clone(),
        leader: optional(&input.leader),
        ip_address: optional(&input.ip_address),
        mailbox_name: optional(&input.mailbox_name),
        has_video_equipment: input.has_video_equipment,
        external_cost_centre: optional(&input.external_cost_centre),
        udi_cost_centre: optional(&input.udi_cost_centre),
        supplier_number_benefits: optional(&input.supplier_number_benefits),
        supplier_number_operation: optional(&input.supplier_number_operation),
        bank_account_benefits: account(&centre.bank_account_benefits),
        bank_account_operation: account(&centre.bank_account_operation),
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
    let snapshot = snapshot_for(store, &draft).await?;
    let centre = decide(&draft, &snapshot, input)?;
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
        fields: centre_fields(&centre, input),
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

/// A change of a centre's fields: absent fields stay, an empty string clears.
#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
pub struct CentrePatch {
    /// The version read; a stale version is 409 and nothing is changed.
    pub version: i64,
    pub region: Option<String>,
    pub municipality_number: Option<String>,
    pub postal_code: Option<String>,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub leader: Option<String>,
    pub ip_address: Option<String>,
    pub mailbox_name: Option<String>,
    pub has_video_equipment: Option<bool>,
    pub external_cost_centre: Option<String>,
    pub udi_cost_centre: Option<String>,
    pub supplier_number_benefits: Option<String>,
    pub supplier_number_operation: Option<String>,
    pub bank_account_benefits: Option<String>,
    pub bank_account_operation: Option<String>,
}

/// Applies a patch within the caller's rights (R-REG-6: operators never change the postal
/// code; accounting data is UDI's), recording which fields changed.
pub async fn update_centre(
    store: &Store,
    actor: &Actor,
    rights: EditRights,
    id: i64,
    patch: &CentrePatch,
) -> Result<CentreRecord, RegistryError> {
    let before = store.centre(id).await?;
    let mut fields = before.fields();
    let text = |value: &Option<String>| {
        value
            .as_ref()
            .map(|text| Some(text.trim().to_owned()).filter(|text| !text.is_empty()))
    };
    let deny = |allowed: bool| {
        if allowed {
            Ok(())
        } else {
            Err(RegistryError::Forbidden)
        }
    };
    macro_rules! set_text {
        ($name:ident, $allowed:expr) => {
            if let Some(value) = text(&patch.$name) {
                deny($allowed)?;
                fields.$name = value;
            }
        };
    }
    set_text!(visiting_address, rights.contact);
    set_text!(postal_address, rights.contact);
    set_text!(phone, rights.contact);
    set_text!(email, rights.contact);
    set_text!(leader, rights.contact);
    set_text!(ip_address, rights.contact);
    set_text!(mailbox_name, rights.contact);
    set_text!(external_cost_centre, rights.accounting);
    set_text!(udi_cost_centre, rights.accounting);
    set_text!(supplier_number_benefits, rights.accounting);
    set_text!(supplier_number_operation, rights.accounting);
    if let Some(equipment) = patch.has_video_equipment {
        deny(rights.contact)?;
        fields.has_video_equipment = equipment;
    }
    let region = optional(&patch.region);
    let places_change = patch.postal_code.is_some() || patch.municipality_number.is_some();
    for (given, allowed) in [
        (patch.bank_account_benefits.is_some(), rights.accounting),
        (patch.bank_account_operation.is_some(), rights.accounting),
        (region.is_some(), rights.accounting),
        (places_change, rights.postal_code),
    ] {
        if given {
            deny(allowed)?;
        }
    }
    let municipality = patch
        .municipality_number
        .clone()
        .unwrap_or_else(|| fields.municipality_number.clone());
    let postal_code = patch
        .postal_code
        .clone()
        .unwrap_or_else(|| fields.postal_code.clone());
    fn account(text: &Option<String>) -> Option<Option<&str>> {
        text.as_deref()
            .map(|text| Some(text.trim()).filter(|text| !text.is_empty()))
    }
    let change = CentreChange {
        bank_account_benefits: account(&patch.bank_account_benefits),
        bank_account_operation: account(&patch.bank_account_operation),
        region: region.as_deref(),
        places: places_change.then_some((municipality.as_str(), postal_code.as_str())),
        email: fields.email.as_deref(),
    };
    let mut snapshot = RegistrySnapshot::default();
    if let Some((municipality, postal_code)) = change.places {
        add_places(store, &mut snapshot, municipality, postal_code).await?;
    }
    let texts = [
        ("visiting_address", patch.visiting_address.as_deref()),
        ("postal_address", patch.postal_address.as_deref()),
        ("phone", patch.phone.as_deref()),
        ("leader", patch.leader.as_deref()),
        ("ip_address", patch.ip_address.as_deref()),
        ("mailbox_name", patch.mailbox_name.as_deref()),
        (
            "external_cost_centre",
            patch.external_cost_centre.as_deref(),
        ),
        ("udi_cost_centre", patch.udi_cost_centre.as_deref()),
        (
            "supplier_number_benefits",
            patch.supplier_number_benefits.as_deref(),
        ),
        (
            "supplier_number_operation",
            patch.supplier_number_operation.as_deref(),
        ),
        ("email", patch.email.as_deref()),
    ];
    let text_errors = check_free_texts(&texts);
    let checked = match check_centre_change(&change, &snapshot) {
        Ok(checked) if text_errors.is_empty() => checked,
        Ok(_) => return Err(text_errors.into()),
        Err(mut errors) => {
            errors.extend(text_errors);
            return Err(errors.into());
        }
    };
    let text = |account: Option<BankAccountNumber>| account.map(|a| a.as_str().to_owned());
    if let Some(account) = checked.bank_account_benefits {
        fields.bank_account_benefits = text(account);
    }
    if let Some(account) = checked.bank_account_operation {
        fields.bank_account_operation = text(account);
    }
    if let Some(region) = checked.region {
        fields.region = region.code().to_owned();
    }
    if let Some((municipality, postal_code)) = checked.places {
        fields.municipality_number = municipality.as_str().to_owned();
        fields.postal_code = postal_code.as_str().to_owned();
    }
    let changed = changed_fields(&before.fields(), &fields);
    // Reads go before the write transaction: it holds the write lock, and other writers waiting
    // for it hold pool connections, so a read inside it could wait for a connection for ever.
    let operator = store.operator(before.operator_id).await?;
    let mut tx = store.begin_write().await?;
    tx.update_centre_fields(id, patch.version, &fields).await?;
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Registry,
            "centre.updated",
            "centre",
            &before.number,
        )
        .summary(serde_json::json!({ "number": before.number, "changed": changed }))
        .in_region(Some(fields.region.clone()))
        .in_operator(Some(operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(store.centre(id).await?)
}

/// The names of the fields that differ (values stay out of the log, R-LOG-3).
fn changed_fields(before: &CentreFields, after: &CentreFields) -> Vec<&'static str> {
    let pairs: [(&'static str, bool); 17] = [
        ("region", before.region != after.region),
        (
            "municipality_number",
            before.municipality_number != after.municipality_number,
        ),
        ("postal_code", before.postal_code != after.postal_code),
        (
            "visiting_address",
            before.visiting_address != after.visiting_address,
        ),
        (
            "postal_address",
            before.postal_address != after.postal_address,
        ),
        ("phone", before.phone != after.phone),
        ("email", before.email != after.email),
        ("leader", before.leader != after.leader),
        ("ip_address", before.ip_address != after.ip_address),
        ("mailbox_name", before.mailbox_name != after.mailbox_name),
        (
            "has_video_equipment",
            before.has_video_equipment != after.has_video_equipment,
        ),
        (
            "external_cost_centre",
            before.external_cost_centre != after.external_cost_centre,
        ),
        (
            "udi_cost_centre",
            before.udi_cost_centre != after.udi_cost_centre,
        ),
        (
            "supplier_number_benefits",
            before.supplier_number_benefits != after.supplier_number_benefits,
        ),
        (
            "supplier_number_operation",
            before.supplier_number_operation != after.supplier_number_operation,
        ),
        (
            "bank_account_benefits",
            before.bank_account_benefits != after.bank_account_benefits,
        ),
        (
            "bank_account_operation",
            before.bank_account_operation != after.bank_account_operation,
        ),
    ];
    pairs
        .into_iter()
        .filter(|(_, changed)| *changed)
        .map(|(name, _)| name)
        .collect()
}
