//! The CPI import (R-AGR-9) that the API and the page share: parse every row → refuse replacing
//! a month a regulation used (unless an admin confirms) → one write with its event.

use mottak_domain::access::Role;
use mottak_domain::cpi::parse_csv;
use mottak_domain::dates::Month;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::event_log::EventDomain;
use mottak_store::events::NewEvent;
use mottak_store::{Store, StoreError, timestamp};

use crate::auth::Caller;

/// Why an import was refused.
#[derive(Debug, thiserror::Error)]
pub enum CpiImportError {
    /// Rows that are not `YYYY-MM;index`, each named by its line.
    #[error("invalid rows")]
    Invalid(Vec<FieldError>),
    /// The import would change the index of months that regulations used.
    #[error("months used by regulations")]
    UsedByRegulations {
        months: Vec<Month>,
        may_confirm: bool,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Stores the rows of `text`; returns how many. `confirm` lets an admin replace months that a
/// regulation used (the regulations keep the index they used, recorded beside them).
pub async fn import_cpi(
    store: &Store,
    caller: &Caller,
    text: &str,
    confirm: bool,
) -> Result<usize, CpiImportError> {
    let rows = parse_csv(text).map_err(CpiImportError::Invalid)?;
    let is_admin = caller.role == Role::Admin;
    let mut tx = store.begin_write().await?;
    let used = tx.cpi_months_used_with_other_index(&rows).await?;
    let may_replace = confirm && is_admin;
    if !used.is_empty() && !may_replace {
        return Err(CpiImportError::UsedByRegulations {
            months: used,
            may_confirm: is_admin,
        });
    }
    tx.store_cpi_months(&rows, &timestamp(chrono::Utc::now()), caller.user_id)
        .await?;
    let first = rows
        .iter()
        .map(|row| row.month)
        .min()
        .map(|m| m.to_string());
    let last = rows
        .iter()
        .map(|row| row.month)
        .max()
        .map(|m| m.to_string());
    let replaced: Vec<String> = used.iter().map(ToString::to_string).collect();
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Registry,
            "reference.cpi_imported",
            "reference_data",
            "cpi",
        )
        .summary(serde_json::json!({
            "months": rows.len(),
            "first": first,
            "last": last,
            "replaced_used_months": replaced,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(rows.len())
}

impl CpiImportError {
    /// A refused replacement, naming the months.
    pub fn used_problem(months: &[Month], may_confirm: bool) -> Problem {
        Problem::IndexUsed {
            months: months.iter().map(ToString::to_string).collect(),
            may_confirm,
        }
    }
}
