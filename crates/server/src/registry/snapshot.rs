//! The reference data a registry decision needs, read from the store before the write
//! transaction (see `WriteTx`): the domain then decides on values alone.

use mottak_domain::access::Region;
use mottak_domain::registry::{
    CentreDraft, DroNumber, MunicipalityNumber, PostalCode, RegistrySnapshot, Series,
};
use mottak_store::Store;
use mottak_store::registry::OperatorRecord;

use super::{RegistryError, today};

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

/// The DRO number of a stored operator.
pub(super) fn dro_of(operator: &OperatorRecord) -> Option<DroNumber> {
    u32::try_from(operator.fields.dro_number)
        .ok()
        .and_then(DroNumber::new)
}

/// The series table, and the entries of the other tables that `draft` names.
pub(super) async fn snapshot_for(
    store: &Store,
    draft: &CentreDraft,
) -> Result<RegistrySnapshot, RegistryError> {
    let mut snapshot = RegistrySnapshot {
        series: series_table(store).await?,
        ..RegistrySnapshot::default()
    };
    add_places(
        store,
        &mut snapshot,
        &draft.municipality_number,
        &draft.postal_code,
    )
    .await?;
    if let Some(id) = draft.operator_id {
        add_operator(store, &mut snapshot, id).await?;
    }
    Ok(snapshot)
}

/// Adds a municipality (with its old counties) and a postal code to `snapshot` where the
/// reference data lists them today.
pub(super) async fn add_places(
    store: &Store,
    snapshot: &mut RegistrySnapshot,
    municipality: &str,
    postal_code: &str,
) -> Result<(), RegistryError> {
    let today = today();
    if let Ok(number) = MunicipalityNumber::parse(municipality)
        && store.municipality(number.as_str(), &today).await.is_ok()
    {
        let counties = store.old_counties(number.as_str(), &today).await?;
        if !counties.is_empty() {
            snapshot
                .old_counties
                .insert(number.as_str().to_owned(), counties);
        }
        snapshot.municipalities.insert(number.as_str().to_owned());
    }
    if let Ok(code) = PostalCode::parse(postal_code)
        && store.postal_place(code.as_str(), &today).await.is_ok()
    {
        snapshot.postal_codes.insert(code.as_str().to_owned());
    }
    Ok(())
}

/// The series table, the operator of `operator_id` and the old counties of `municipality`: what
/// a lifecycle operation's new number is judged against (R-REG-2).
pub(super) async fn successor_snapshot(
    store: &Store,
    operator_id: i64,
    municipality: &str,
) -> Result<RegistrySnapshot, RegistryError> {
    let mut snapshot = RegistrySnapshot {
        series: series_table(store).await?,
        ..RegistrySnapshot::default()
    };
    add_operator(store, &mut snapshot, operator_id).await?;
    let counties = store.old_counties(municipality, &today()).await?;
    if !counties.is_empty() {
        snapshot
            .old_counties
            .insert(municipality.to_owned(), counties);
    }
    Ok(snapshot)
}

/// Adds the operator of `id`, when there is one.
async fn add_operator(
    store: &Store,
    snapshot: &mut RegistrySnapshot,
    id: i64,
) -> Result<(), RegistryError> {
    match store.operator(id).await {
        Ok(operator) => snapshot
            .operators
            .extend(dro_of(&operator).map(|dro| (id, dro))),
        Err(mottak_store::StoreError::NotFound) => {}
        Err(error) => return Err(error.into()),
    }
    Ok(())
}
