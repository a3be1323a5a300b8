//! The residents of a centre as a list: those who live or have lived there, or those still at
//! the closed number it replaced (R-AGR-12). Every read is logged (R-AUTH-5).

use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::registry::CentreRecord;

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;

/// Which residents of a centre a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CentreResidents {
    /// Everyone who lives or has lived there.
    LivedHere,
    /// R-AGR-12: those still at the closed number this centre replaced, who must be moved here.
    ToMoveHere,
}

/// A list of a centre's residents the caller may see; the read is logged (R-AUTH-5).
pub async fn read_centre_residents(
    store: &Store,
    caller: &Caller,
    centre: &CentreRecord,
    which: CentreResidents,
) -> ApiResult<Vec<mottak_store::residents::CentreResidentRow>> {
    let rows = match which {
        CentreResidents::LivedHere => store.residents_of_centre(centre.id).await?,
        CentreResidents::ToMoveHere => {
            // They live at the old number: only a caller who may see that centre sees them.
            let old = centre.predecessor_id.unwrap_or(centre.id);
            match crate::occupancy::load_centre(store, caller, old).await {
                Ok(_) => {
                    let today = today().format("%Y-%m-%d").to_string();
                    store.residents_to_move(centre.id, &today).await?
                }
                Err(ApiError::NotFound) => Vec::new(),
                Err(error) => return Err(error),
            }
        }
    };
    let operator = store.operator(centre.operator_id).await?;
    let mut tx = store.begin_write().await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Registry,
            "residents.read",
            "centre",
            centre.id,
        )
        .summary(serde_json::json!({
            "centre": centre.number,
            "residents": rows.len(),
            "to_move": which == CentreResidents::ToMoveHere,
        }))
        .in_region(Some(centre.fields.region.clone()))
        .in_operator(Some(operator.dro())),
    )
    .await?;
    tx.commit().await?;
    Ok(rows)
}
