//! Operators' staff accounts (SPEC §1 R-AUTH-6, seed 000 §1, which mottak replaces for the
//! Sesam access forms): the operator orders an account for an employee at one of its centres,
//! the centre's region approves it once the e-learning is completed (or refuses it), and the
//! region or the operator disables it when the employee leaves or goes on leave. Approval
//! creates the user (role operator, the operator's DRO number) with a one-time initial password
//! shown once to the region, to hand out as `opening.first_passwords` says; the user enrols the
//! second factor at the first login. Shared by the API and the pages; every step is an event.

mod order;
mod steps;
mod window;

use mottak_domain::access::Role;
use mottak_domain::registry::DroNumber;
use mottak_store::Store;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::staff::{StaffFilter, StaffRecord};

use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};
use crate::registry::scope;

pub use order::order;
pub use steps::{AccountStep, approve, take};
pub use window::{access_of_user, record_refused_login};

/// What the operator fills in for an employee.
#[derive(Clone, Debug, Default)]
pub struct OrderInput {
    pub display_name: String,
    pub email: String,
    pub username: String,
}

/// The region's decision on an order, or a change of an approved account.
#[derive(Clone, Debug, Default)]
pub struct StepInput {
    /// The version read; a stale one is 409. `None` skips the check (the latest is used).
    pub version: Option<i64>,
    /// Approval: the region confirms that the e-learning is completed.
    pub elearning_completed: bool,
    /// Refusal: why; disabling: `left` or `leave`.
    pub reason: String,
}

/// An approved order: the account and the initial password, shown once.
pub struct Approved {
    pub record: StaffRecord,
    pub initial_password: String,
}

fn is_own_operator(caller: &Caller, record: &StaffRecord) -> bool {
    caller.role == Role::Operator
        && caller.operator_dro.is_some()
        && DroNumber::parse(&record.fields.operator_dro).ok() == caller.operator_dro
}

fn is_own_region(caller: &Caller, region: &str) -> bool {
    caller.role == Role::UdiRegion && caller.region.as_deref() == Some(region)
}

/// Who may see an order: an admin, the centre's region, the operator.
pub fn may_see(caller: &Caller, record: &StaffRecord) -> bool {
    caller.role == Role::Admin
        || is_own_region(caller, &record.fields.region)
        || is_own_operator(caller, record)
}

/// Who may approve or refuse it: an admin and the centre's region (R-AUTH-6).
fn may_decide(caller: &Caller, record: &StaffRecord) -> bool {
    caller.role == Role::Admin || is_own_region(caller, &record.fields.region)
}

/// A centre and its operator's DRO number; 404 when there is none, 403 outside the scope.
pub async fn centre_in_scope(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
) -> ApiResult<(mottak_store::registry::CentreRecord, String)> {
    let centre = store.centre(centre_id).await?;
    let operator = store.operator(centre.operator_id).await?;
    if !scope::may_see_centre(caller, &centre, operator.fields.dro_number) {
        return Err(ApiError::forbidden());
    }
    Ok((centre, operator.dro()))
}

/// The orders of a centre the caller may see.
pub async fn of_centre(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
) -> ApiResult<Vec<StaffRecord>> {
    centre_in_scope(store, caller, centre_id).await?;
    Ok(store
        .staff_accounts(&StaffFilter::Centre(centre_id))
        .await?)
}

/// The orders of the caller's region (every region for an admin).
pub async fn of_region(store: &Store, caller: &Caller) -> ApiResult<Vec<StaffRecord>> {
    let region = match caller.role {
        Role::Admin => None,
        Role::UdiRegion => Some(caller.region.clone().ok_or_else(ApiError::forbidden)?),
        _ => return Err(ApiError::forbidden()),
    };
    Ok(store.staff_accounts(&StaffFilter::Region(region)).await?)
}

/// An order the caller may see; 404 otherwise.
pub async fn load(store: &Store, caller: &Caller, id: i64) -> ApiResult<StaffRecord> {
    let record = store.staff_account(id).await?;
    if !may_see(caller, &record) {
        return Err(ApiError::forbidden());
    }
    Ok(record)
}

fn event(actor: &Actor, action: &str, record: &StaffRecord) -> NewEvent {
    NewEvent::new(
        actor,
        EventDomain::Accounts,
        action,
        "staff_account",
        record.id,
    )
    .summary(serde_json::json!({
        "username": record.fields.username,
        "centre": record.fields.centre_id,
    }))
    .in_region(Some(record.fields.region.clone()))
    .in_operator(Some(record.fields.operator_dro.clone()))
    .on_account_of_role(Role::Operator.code())
}
