//! Creating and changing centres (R-REG-1, R-REG-4 to R-REG-8).

use mottak_domain::access::Region;
use mottak_domain::error::FieldError;
use mottak_domain::registry::{
    BankAccountNumber, Category, CentreNumber, MunicipalityNumber, NewNumber, PostalCode, Series,
    check_centre_email, check_new_number, first_free_number, parse_place_type, series_region,
};
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::registry::{CentreFields, CentreRecord, NewCentre, OperatorRecord};
use serde::Deserialize;

use super::scope::EditRights;
use super::{RegistryError, optional, today};

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
}

fn bank_account(field: &str, text: &Option<String>) -> Result<Option<String>, FieldError> {
    optional(text)
        .map(|text| {
            BankAccountNumber::parse(field, &text).map(|account| account.as_str().to_owned())
        })
        .transpose()
}

/// The number-series table of §2 valid today, each series with the region its county gives.
pub(super) async fn series_table(
    store: &Store,
) -> Result<Vec<(Series, Option<Region>)>, RegistryError> {
    Ok(store
        .number_series(&today())
        .await?
        .into_iter()
        .filter_map(|row| {
            let region = row.region.and_then(|code| code.parse::<Region>().ok());
            Series::parse(&row.prefix)
                .ok()
                .map(|series| (series, region))
        })
        .collect())
}

/// The operator a centre is to have, or an error naming `operator_id`.
pub(super) async fn existing_operator(
    store: &Store,
    id: i64,
) -> Result<OperatorRecord, RegistryError> {
    match store.operator(id).await {
        Ok(operator) => Ok(operator),
        Err(mottak_store::StoreError::NotFound) => {
            Err(FieldError::new("operator_id", "no operator has this id").into())
        }
        Err(error) => Err(error.into()),
    }
}

/// Checks a municipality number and a postal code against the reference data.
async fn check_places(
    store: &Store,
    municipality: &str,
    postal_code: &str,
) -> Result<(String, String), RegistryError> {
    let municipality = MunicipalityNumber::parse(municipality)?;
    if store
        .municipality(municipality.as_str(), &today())
        .await
        .is_err()
    {
        return Err(FieldError::new("municipality_number", "not in the municipality list").into());
    }
    let postal_code = PostalCode::parse(postal_code)?;
    if store
        .postal_place(postal_code.as_str(), &today())
        .await
        .is_err()
    {
        return Err(FieldError::new("postal_code", "not in the postal-code list").into());
    }
    Ok((
        municipality.as_str().to_owned(),
        postal_code.as_str().to_owned(),
    ))
}

pub async fn create_centre(
    store: &Store,
    actor: &Actor,
    input: &CentreInput,
) -> Result<(CentreRecord, Vec<String>), RegistryError> {
    let name = input.name.trim();
    if name.is_empty() {
        return Err(FieldError::new("name", "the centre needs a name").into());
    }
    let category = Category::parse(&input.category)?;
    let place_type = match optional(&input.place_type) {
        Some(code) => parse_place_type("place_type", &code)?,
        None => category.default_place_type(),
    };
    let series = Series::parse(&input.series)?;
    let series_region = series_region(&series_table(store).await?, &series)?;
    let (municipality, postal_code) =
        check_places(store, &input.municipality_number, &input.postal_code).await?;
    let operator = existing_operator(store, input.operator_id).await?;
    if let Some(email) = optional(&input.email) {
        check_centre_email(&email)?;
    }
    let old_counties = store.old_counties(&municipality, &today()).await?;
    let given_region = optional(&input.region)
        .map(|text| {
            text.parse::<Region>()
                .map_err(|_| FieldError::new("region", "one of ØST, SØR, IØST, NORD, VEST, MIDT"))
        })
        .transpose()?;
    let (region, warnings) = check_new_number(&NewNumber {
        name,
        category,
        place_type,
        series: &series,
        series_region,
        given_region,
        old_counties: &old_counties,
    })?;
    let region = region.code().to_owned();
    let fields = CentreFields {
        region,
        municipality_number: municipality,
        postal_code,
        visiting_address: optional(&input.visiting_address),
        postal_address: optional(&input.postal_address),
        phone: optional(&input.phone),
        email: optional(&input.email),
        leader: optional(&input.leader),
        ip_address: optional(&input.ip_address),
        mailbox_name: optional(&input.mailbox_name),
        has_video_equipment: input.has_video_equipment,
        external_cost_centre: optional(&input.external_cost_centre),
        udi_cost_centre: optional(&input.udi_cost_centre),
        supplier_number_benefits: optional(&input.supplier_number_benefits),
        supplier_number_operation: optional(&input.supplier_number_operation),
        bank_account_benefits: bank_account("bank_account_benefits", &input.bank_account_benefits)?,
        bank_account_operation: bank_account(
            "bank_account_operation",
            &input.bank_account_operation,
        )?,
    };
    let given_number = optional(&input.number)
        .map(|text| CentreNumber::parse(&text))
        .transpose()?;
    if let Some(number) = &given_number
        && number.series() != series
    {
        return Err(FieldError::new(
            "number",
            format!("{} is not in series {}", number.as_str(), series.as_str()),
        )
        .into());
    }
    let mut tx = store.begin_write().await?;
    let used: Vec<CentreNumber> = tx
        .used_centre_numbers(series.as_str())
        .await?
        .iter()
        .filter_map(|number| CentreNumber::parse(number).ok())
        .collect();
    let number = match given_number {
        Some(number) if used.contains(&number) => {
            return Err(RegistryError::Conflict {
                field: Some("number".to_owned()),
                detail: format!("centre number {} is already in use", number.as_str()),
            });
        }
        Some(number) => number,
        None => first_free_number(&series, &used)?,
    };
    let centre = NewCentre {
        number: number.as_str().to_owned(),
        name: name.to_owned(),
        category: category.code().to_owned(),
        place_type: place_type.code().to_owned(),
        operator_id: operator.id,
        predecessor_id: None,
        status: if input.closed { "closed" } else { "open" }.to_owned(),
        fields,
    };
    let id = tx.insert_centre(&centre).await?;
    tx.add_history(
        id,
        "created",
        &format!("{} {}", centre.number, centre.name),
        None,
        &actor.name,
    )
    .await?;
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Registry,
            "centre.created",
            "centre",
            &centre.number,
        )
        .summary(serde_json::json!({
            "number": centre.number, "name": centre.name, "category": centre.category,
            "place_type": centre.place_type, "operator": operator.dro(), "warnings": warnings,
        }))
        .in_region(Some(centre.fields.region.clone()))
        .in_operator(Some(operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok((store.centre(id).await?, warnings))
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
    if patch.bank_account_benefits.is_some() {
        deny(rights.accounting)?;
        fields.bank_account_benefits =
            bank_account("bank_account_benefits", &patch.bank_account_benefits)?;
    }
    if patch.bank_account_operation.is_some() {
        deny(rights.accounting)?;
        fields.bank_account_operation =
            bank_account("bank_account_operation", &patch.bank_account_operation)?;
    }
    if let Some(region) = optional(&patch.region) {
        deny(rights.accounting)?;
        fields.region = region
            .parse::<Region>()
            .map_err(|_| FieldError::new("region", "one of ØST, SØR, IØST, NORD, VEST, MIDT"))?
            .code()
            .to_owned();
    }
    if patch.postal_code.is_some() || patch.municipality_number.is_some() {
        deny(rights.postal_code)?;
        let municipality = patch
            .municipality_number
            .clone()
            .unwrap_or_else(|| fields.municipality_number.clone());
        let postal_code = patch
            .postal_code
            .clone()
            .unwrap_or_else(|| fields.postal_code.clone());
        (fields.municipality_number, fields.postal_code) =
            check_places(store, &municipality, &postal_code).await?;
    }
    if let Some(email) = &fields.email {
        check_centre_email(email)?;
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
