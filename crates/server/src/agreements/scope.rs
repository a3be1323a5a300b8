//! Who sees which agreement: UDI nationally, a region the agreements of its centres, an
//! operator its own; to everyone else an agreement they may not see does not exist (404).

use mottak_domain::access::Role;
use mottak_store::Store;
use mottak_store::agreements::StoredAgreement;

use crate::auth::Caller;
use crate::registry::{RegistryError, scope};

pub async fn may_see(
    store: &Store,
    caller: &Caller,
    agreement: &StoredAgreement,
) -> Result<bool, RegistryError> {
    Ok(match caller.role {
        Role::Admin | Role::UdiAdm => true,
        Role::Operator => {
            let operator = store.operator(agreement.terms.operator_id).await?;
            scope::is_own_operator(caller, operator.fields.dro_number)
        }
        Role::UdiRegion => {
            let mut seen = false;
            for unit in &agreement.terms.units {
                let centre = store.centre(unit.centre_id).await?;
                seen |= caller.region.as_deref() == Some(centre.fields.region.as_str());
            }
            seen
        }
        _ => false,
    })
}

/// The agreement, or 404 when it does not exist or the caller may not see it.
pub async fn visible_agreement(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> Result<StoredAgreement, RegistryError> {
    let agreement = store.agreement(id).await?;
    if may_see(store, caller, &agreement).await? {
        Ok(agreement)
    } else {
        Err(RegistryError::NotFound)
    }
}
