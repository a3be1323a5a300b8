//! R-AUTH-3: IMDi registers each municipality's data processing agreement and marks the version
//! it requires; [`blocks`] is the one check that keeps a municipality's users out until a signed
//! agreement in that version is in force. R-SET-1a: the municipality's official mailbox.

use mottak_domain::access::Role;
use mottak_domain::dates::parse_date;
use mottak_domain::error::FieldError;
use mottak_domain::settlement::agreement::{validate_agreement, validate_version};
use mottak_domain::settlement::{DataProcessingAgreement, agreement_in_force};
use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};
use serde::{Deserialize, Serialize};

use super::{event, known_municipality};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;

/// What a blocked municipal user is told (API `detail`; the page says it in their language).
pub const BLOCKED: &str = "your municipality has no data processing agreement \
    (databehandleravtale) in force in the version IMDi requires (R-AUTH-3); \
    ask IMDi to register it";

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct RequiredVersionInput {
    /// The version every municipality must have signed.
    pub required_version: String,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProcessingAgreementInput {
    pub version: String,
    #[schema(format = Date)]
    pub signed_on: String,
    /// Exclusive: the first day without the agreement.
    #[schema(format = Date)]
    pub ends_on: Option<String>,
}

#[derive(Clone, Debug, Default, Deserialize, utoipa::ToSchema)]
#[serde(default)]
pub struct ProfileInput {
    /// The municipality's official mailbox (postmottak), an e-mail address.
    pub postmottak: String,
}

/// A municipality's agreement as registered, and whether it gives access today.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ProcessingAgreementView {
    pub municipality_number: String,
    pub version: String,
    #[schema(format = Date)]
    pub signed_on: String,
    #[schema(format = Date)]
    pub ends_on: Option<String>,
    /// The municipality's users may work (R-AUTH-3).
    pub in_force: bool,
}

fn domain_agreements(
    records: &[mottak_store::settlement::DataProcessingAgreementRecord],
) -> Vec<DataProcessingAgreement> {
    records
        .iter()
        .filter_map(|record| {
            Some(DataProcessingAgreement {
                version: record.version.clone(),
                signed_on: parse_date(&record.signed_on)?,
                ends_on: record.ends_on.as_deref().and_then(parse_date),
            })
        })
        .collect()
}

/// Whether the municipality's users may work today (R-AUTH-3).
pub async fn municipality_has_access(store: &Store, municipality_number: &str) -> ApiResult<bool> {
    let required = store.required_agreement_version().await?;
    let agreements = store
        .data_processing_agreements(municipality_number)
        .await?;
    Ok(agreement_in_force(
        required.as_deref(),
        &domain_agreements(&agreements),
        today(),
    ))
}

/// R-AUTH-3, the one check: a `municipality` or `municipality_admin` user whose municipality
/// has no agreement in force is blocked from every call and page.
pub async fn blocks(store: &Store, caller: &Caller) -> ApiResult<bool> {
    if !matches!(caller.role, Role::Municipality | Role::MunicipalityAdmin) {
        return Ok(false);
    }
    match caller.municipality_number.as_deref() {
        Some(number) => Ok(!municipality_has_access(store, number).await?),
        None => Ok(true),
    }
}

pub async fn set_required_version(
    store: &Store,
    caller: &Caller,
    input: &RequiredVersionInput,
) -> ApiResult<String> {
    let version = validate_version("required_version", &input.required_version)
        .map_err(|error| ApiError::invalid_fields(vec![error]))?;
    let mut tx = store.begin_write().await?;
    tx.set_required_agreement_version(&version).await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Settlement,
            "data_processing_agreement.required",
            "data_processing_requirement",
            1,
        )
        .summary(serde_json::json!({ "required_version": version })),
    )
    .await?;
    tx.commit().await?;
    Ok(version)
}

/// Registers (or corrects) a municipality's agreement in a version; 400 naming each bad field.
pub async fn register(
    store: &Store,
    caller: &Caller,
    municipality_number: &str,
    input: &ProcessingAgreementInput,
) -> ApiResult<ProcessingAgreementView> {
    let agreement = validate_agreement(&input.version, &input.signed_on, input.ends_on.as_deref())
        .map_err(ApiError::invalid_fields)?;
    known_municipality(store, "municipality_number", municipality_number).await?;
    let signed_on = agreement.signed_on.to_string();
    let ends_on = agreement.ends_on.map(|end| end.to_string());
    let mut tx = store.begin_write().await?;
    let id = tx
        .put_data_processing_agreement(
            municipality_number,
            &agreement.version,
            &signed_on,
            ends_on.as_deref(),
        )
        .await?;
    tx.record(
        event(
            caller,
            "data_processing_agreement.registered",
            "data_processing_agreement",
            id,
            municipality_number,
        )
        .summary(serde_json::json!({
            "municipality_number": municipality_number,
            "version": agreement.version,
            "signed_on": signed_on,
            "ends_on": ends_on,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(ProcessingAgreementView {
        in_force: municipality_has_access(store, municipality_number).await?,
        municipality_number: municipality_number.to_owned(),
        version: agreement.version,
        signed_on,
        ends_on,
    })
}

/// Every registered agreement, with whether it gives access today.
pub async fn list(store: &Store) -> ApiResult<Vec<ProcessingAgreementView>> {
    let required = store.required_agreement_version().await?;
    let records = store.all_data_processing_agreements().await?;
    let today = today();
    Ok(records
        .iter()
        .map(|record| {
            let in_force = agreement_in_force(
                required.as_deref(),
                &domain_agreements(std::slice::from_ref(record)),
                today,
            );
            ProcessingAgreementView {
                municipality_number: record.municipality_number.clone(),
                version: record.version.clone(),
                signed_on: record.signed_on.clone(),
                ends_on: record.ends_on.clone(),
                in_force,
            }
        })
        .collect())
}

/// R-SET-1a: keeps the municipality's official mailbox.
pub async fn put_profile(
    store: &Store,
    caller: &Caller,
    municipality_number: &str,
    input: &ProfileInput,
) -> ApiResult<()> {
    let postmottak = input.postmottak.trim();
    if !postmottak.contains('@') || postmottak.len() > 254 || postmottak.contains(' ') {
        return Err(ApiError::invalid_fields(vec![FieldError::coded(
            "postmottak",
            mottak_domain::error::Problem::NotEmail {
                email: postmottak.to_owned(),
            },
        )]));
    }
    known_municipality(store, "municipality_number", municipality_number).await?;
    let mut tx = store.begin_write().await?;
    tx.put_settlement_profile(municipality_number, postmottak)
        .await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Settlement,
            "settlement_profile.updated",
            "municipality",
            municipality_number,
        )
        .in_municipality(Some(municipality_number.to_owned()))
        .summary(serde_json::json!({ "changed": ["postmottak"] })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
