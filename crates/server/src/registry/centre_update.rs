//! Changing a centre's fields within the caller's rights (R-REG-6, R-REG-7, R-REG-8).

use mottak_domain::registry::{
    BankAccountNumber, CentreChange, RegistrySnapshot, check_centre_change, check_free_texts,
};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::CentreRecord;
use serde::Deserialize;

use super::centres::free_texts;
use super::scope::EditRights;
use super::snapshot::add_places;
use super::{RegistryError, optional};

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
    let mut fields = before.fields.clone();
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
    let mut given_texts = Vec::new();
    macro_rules! set_text {
        ($name:ident, $allowed:expr) => {
            if let Some(value) = text(&patch.$name) {
                deny($allowed)?;
                fields.$name = value;
                given_texts.push(stringify!($name));
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
    // The free texts the patch gives, trimmed as `fields` holds them; the e-mail's error last,
    // after the others.
    let mut texts: Vec<_> = free_texts(&fields)
        .into_iter()
        .filter(|(field, _)| given_texts.contains(field))
        .collect();
    // A stable sort: the others keep their order.
    texts.sort_by_key(|(field, _)| *field == "email");
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
    let changed = fields.changed_from(&before.fields);
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
