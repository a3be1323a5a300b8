//! Settlement (SPEC §7) as operations the API, the pages and the demo share: load what the rule
//! needs → the domain decides → one write with its event. Who may see what is decided here:
//! IMDi (and admins) nationally, a municipality's caseworker its own municipality only, with the
//! permission the work needs (R-AUTH-4).

pub mod agreements;
pub mod cases;
pub mod export;
pub mod folders;
pub mod import;
pub mod letters;
pub mod mails;
pub mod notes;
pub mod offers;
pub mod placement;
pub mod report;
pub mod report_records;
pub mod threads;

use mottak_domain::access::{MunicipalPermission, Role};
use mottak_domain::error::{FieldError, Problem};
use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::occupancy::today;

/// The municipality whose records the caller sees: `None` for IMDi and admins (all of them).
pub fn municipality_scope(caller: &Caller) -> Option<&str> {
    match caller.role {
        Role::Municipality | Role::MunicipalityAdmin => {
            Some(caller.municipality_number.as_deref().unwrap_or("-"))
        }
        _ => None,
    }
}

/// Whether the caller's scope covers this municipality's records.
pub fn covers(caller: &Caller, municipality_number: &str) -> bool {
    municipality_scope(caller).is_none_or(|own| own == municipality_number)
}

/// A municipal caseworker needs the permission for the work (R-AUTH-4); other roles that the
/// route lets through need none.
pub fn require(caller: &Caller, permission: MunicipalPermission) -> ApiResult<()> {
    if caller.role == Role::Municipality && !caller.permissions.contains(&permission) {
        return Err(ApiError::Forbidden(format!(
            "your account lacks the permission {} (R-AUTH-4)",
            permission.short_code()
        )));
    }
    Ok(())
}

/// The year asked for, or the current year in Norway (SPEC §9).
pub fn year_or_current(year: Option<i64>) -> i64 {
    use chrono::Datelike;
    year.filter(|year| mottak_domain::settlement::cases::YEARS.contains(year))
        .unwrap_or_else(|| i64::from(today().year()))
}

/// The year of an API query: the current one when absent, 400 naming `year` outside the years
/// mottak plans for.
pub fn queried_year(year: Option<i64>) -> ApiResult<i64> {
    match year {
        None => Ok(year_or_current(None)),
        Some(_) => mottak_domain::settlement::cases::validate_year("year", year)
            .map_err(|error| ApiError::invalid_fields(vec![error])),
    }
}

/// 400 naming `field` unless the municipality is in the reference list today.
pub async fn known_municipality(store: &Store, field: &str, number: &str) -> ApiResult<()> {
    match store.municipality(number, &today().to_string()).await {
        Ok(_) => Ok(()),
        Err(mottak_store::StoreError::NotFound) => {
            Err(ApiError::invalid_fields(vec![FieldError::coded(
                field,
                Problem::MunicipalityUnknown,
            )]))
        }
        Err(error) => Err(error.into()),
    }
}

/// A settlement event, tagged with its municipality so that the municipality's own log shows it
/// (R-LOG-4).
pub fn event(
    caller: &Caller,
    action: &str,
    entity: &str,
    id: i64,
    municipality_number: &str,
) -> NewEvent {
    NewEvent::new(&caller.actor(), EventDomain::Settlement, action, entity, id)
        .in_municipality(Some(municipality_number.to_owned()))
}
