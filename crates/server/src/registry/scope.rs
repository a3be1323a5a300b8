//! Who may see and change which registry records (SPEC §1, R-REG-6).

use mottak_domain::access::Role;
use mottak_store::registry::CentreRecord;

use crate::auth::Caller;

/// UDI's administrative staff and admins work nationally.
pub fn is_national(caller: &Caller) -> bool {
    matches!(caller.role, Role::Admin | Role::UdiAdm)
}

/// A region sees its centres; an operator the centres it runs; national roles all.
pub fn may_see_centre(caller: &Caller, centre: &CentreRecord, operator_dro: i64) -> bool {
    match caller.role {
        Role::Admin | Role::UdiAdm => true,
        Role::UdiRegion => caller.region.as_deref() == Some(centre.region.as_str()),
        Role::Operator => {
            caller.operator_dro.as_deref() == Some(format!("DRO{operator_dro}").as_str())
        }
        _ => false,
    }
}

/// The `operator_id` filter an operator is held to, given its DRO number's operator id.
pub fn operator_dro_number(caller: &Caller) -> Option<i64> {
    caller
        .operator_dro
        .as_deref()
        .and_then(|dro| dro.strip_prefix("DRO"))
        .and_then(|digits| digits.parse().ok())
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
