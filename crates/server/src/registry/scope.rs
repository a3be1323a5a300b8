//! Who may see and change which registry records (SPEC §1, R-REG-6).

use mottak_domain::access::{Capability, Role};
use mottak_domain::registry::DroNumber;
use mottak_store::registry::{CentreFilter, CentreRecord, OperatorRecord};
use mottak_store::{Store, StoreError};

use crate::auth::Caller;

/// UDI's administrative staff and admins work nationally.
pub fn is_national(caller: &Caller) -> bool {
    caller.role.may(Capability::ManageRegistry)
}

/// A region sees its centres; an operator the centres it runs; national roles all.
pub fn may_see_centre(caller: &Caller, centre: &CentreRecord, operator_dro: i64) -> bool {
    match caller.role {
        Role::Admin | Role::UdiAdm => true,
        Role::UdiRegion => caller.region.as_deref() == Some(centre.fields.region.as_str()),
        Role::Operator => is_own_operator(caller, operator_dro),
        _ => false,
    }
}

/// Whether the operator with this stored DRO number is the caller's own, compared as typed DRO
/// numbers (R-REG-3). A caller without a valid DRO number owns no operator.
pub fn is_own_operator(caller: &Caller, dro_number: i64) -> bool {
    let stored = u32::try_from(dro_number).ok().and_then(DroNumber::new);
    caller.operator_dro.is_some() && caller.operator_dro == stored
}

/// Operators: all for the roles that may read them, only its own for an operator.
pub fn may_see_operator(caller: &Caller, operator: &OperatorRecord) -> bool {
    caller.role != Role::Operator || is_own_operator(caller, operator.fields.dro_number)
}

/// The caller's own DRO number as stored (`operators.dro_number`), for filters.
pub fn operator_dro_number(caller: &Caller) -> Option<i64> {
    caller.operator_dro.map(|dro| i64::from(dro.value()))
}

/// What a role may edit on a centre it may see.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EditRights {
    /// Addresses, phone, e-mail, leader, IP address, mailbox, equipment.
    pub contact: bool,
    /// The postal code and municipality, which decide county links and letters (R-REG-6).
    pub postal_code: bool,
    /// The accounting data (R-REG-8) and the responsible region.
    pub accounting: bool,
}

pub fn edit_rights(caller: &Caller) -> EditRights {
    match caller.role {
        Role::Admin | Role::UdiAdm => EditRights {
            contact: true,
            postal_code: true,
            accounting: true,
        },
        Role::UdiRegion => EditRights {
            contact: true,
            postal_code: true,
            accounting: false,
        },
        Role::Operator => EditRights {
            contact: true,
            postal_code: false,
            accounting: false,
        },
        _ => EditRights {
            contact: false,
            postal_code: false,
            accounting: false,
        },
    }
}

/// Narrows a centre search to the caller's scope: a region to its own, an operator to its own
/// centres (none when its DRO number names no operator); UDI and admins keep the filter.
pub async fn restrict(
    store: &Store,
    caller: &Caller,
    filter: &mut CentreFilter,
) -> Result<(), StoreError> {
    match caller.role {
        Role::UdiRegion => filter.region = caller.region.clone(),
        Role::Operator => {
            let own = operator_dro_number(caller).unwrap_or(-1);
            filter.operator_id = Some(match store.operator_by_dro(own).await {
                Ok(operator) => operator.id,
                Err(StoreError::NotFound) => -1,
                Err(error) => return Err(error),
            });
        }
        _ => {}
    }
    Ok(())
}
