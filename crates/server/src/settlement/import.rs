//! R-SET-1 in bulk: IMDi imports the year's requests for all municipalities from CSV, all or
//! nothing: every bad row is named by its line (unknown municipalities and requests that
//! already exist included) and nothing is stored until every row is good.

use std::collections::BTreeSet;

use mottak_domain::error::{FieldError, Problem};
use mottak_domain::settlement::import::{parse_requests_csv, row_field};
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::settlement::NewYearlyNumbers;
use mottak_store::{Store, StoreError};
use serde::Serialize;

use super::cases::{created_event, queue_request_mail};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;

/// What an import stored.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct ImportedRequests {
    /// The new requests' ids, in the file's order.
    pub ids: Vec<i64>,
}

/// The rows' requests in one write with an event each and one for the import; 400 naming every
/// bad line, 409 when another request of a row's municipality and year lands meanwhile.
pub async fn import_requests(
    store: &Store,
    caller: &Caller,
    text: &str,
    public_url: &str,
) -> ApiResult<ImportedRequests> {
    let rows = parse_requests_csv(text).map_err(ApiError::invalid_fields)?;
    let mut errors = Vec::new();
    let years: BTreeSet<i64> = rows.iter().map(|row| row.numbers.year).collect();
    let mut existing = BTreeSet::new();
    for year in years {
        for request in store.settlement_requests(year, None).await? {
            existing.insert((request.numbers.municipality_number, year));
        }
    }
    let on = today().to_string();
    for row in &rows {
        let numbers = &row.numbers;
        let field = row_field(row.line, "municipality_number");
        match store.municipality(&numbers.municipality_number, &on).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => {
                errors.push(FieldError::coded(field, Problem::MunicipalityUnknown));
                continue;
            }
            Err(error) => return Err(error.into()),
        }
        if existing.contains(&(numbers.municipality_number.clone(), numbers.year)) {
            errors.push(FieldError::coded(
                row_field(row.line, "year"),
                Problem::RequestExists {
                    municipality: numbers.municipality_number.clone(),
                    year: numbers.year,
                },
            ));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::invalid_fields(errors));
    }
    let mut tx = store.begin_write().await?;
    let users = tx.users_with_email().await?;
    let mut ids = Vec::new();
    for row in &rows {
        let numbers = NewYearlyNumbers {
            year: row.numbers.year,
            municipality_number: row.numbers.municipality_number.clone(),
            persons: row.numbers.persons,
            unaccompanied_minors: row.numbers.unaccompanied_minors,
        };
        let id = tx
            .insert_settlement_request(&numbers)
            .await
            .map_err(|error| match error {
                StoreError::Conflict(_) => ApiError::conflict_at(
                    row_field(row.line, "year"),
                    Problem::RequestStoredMeanwhile,
                ),
                other => other.into(),
            })?;
        // R-SET-1a: each request is mailed to its municipality, in the import's write.
        queue_request_mail(&mut tx, &users, id, &numbers, public_url).await?;
        tx.record(created_event(caller, "settlement_request", id, &numbers))
            .await?;
        ids.push(id);
    }
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Settlement,
            "settlement_request.imported",
            "settlement_request",
            ids.first().copied().unwrap_or_default(),
        )
        .summary(serde_json::json!({ "rows": ids.len() })),
    )
    .await?;
    tx.commit().await?;
    Ok(ImportedRequests { ids })
}
