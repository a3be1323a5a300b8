//! Step 1 of a staff account: the operator orders it for an employee at one of its centres.

use mottak_domain::access::{Role, validate_username};
use mottak_domain::error::{FieldError, FieldErrors, Problem};
use mottak_domain::registry::check_email;
use mottak_domain::staff::StaffStatus;
use mottak_store::staff::{NewStaffOrder, StaffFilter, StaffRecord};
use mottak_store::{Store, StoreError};

use super::{OrderInput, centre_in_scope, event};
use crate::auth::Caller;
use crate::error::{ApiError, ApiResult};

/// Checks every field at once; the username must be free among users and open orders.
async fn validate_order(store: &Store, input: &OrderInput) -> Result<OrderInput, ApiError> {
    let mut errors = FieldErrors::default();
    let display_name = input.display_name.trim().to_owned();
    if display_name.is_empty() {
        errors.push(FieldError::coded("display_name", Problem::Required));
    }
    let email = input.email.trim().to_owned();
    if !email.is_empty() {
        errors.check(check_email("email", &email));
    }
    let username = errors.check(validate_username(&input.username));
    if let Some(username) = &username {
        let taken = match store.user_by_username(username).await {
            Ok(_) => true,
            Err(StoreError::NotFound) => false,
            Err(error) => return Err(error.into()),
        } || store
            .staff_accounts(&StaffFilter::Region(None))
            .await?
            .iter()
            .any(|order| {
                &order.fields.username == username && order.status == StaffStatus::Ordered.code()
            });
        if taken {
            errors.push(FieldError::coded("username", Problem::UsernameTaken));
        }
    }
    errors
        .into_result(|| OrderInput {
            display_name,
            email,
            username: username.unwrap_or_default(),
        })
        .map_err(ApiError::invalid_fields)
}

/// Step 1: the operator (or an admin) orders an account at one of its centres.
pub async fn order(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
    input: &OrderInput,
) -> ApiResult<StaffRecord> {
    let (centre, operator_dro) = centre_in_scope(store, caller, centre_id).await?;
    if !matches!(caller.role, Role::Admin | Role::Operator) {
        return Err(ApiError::forbidden());
    }
    let input = validate_order(store, input).await?;
    let mut tx = store.begin_write().await?;
    let id = tx
        .insert_staff_order(&NewStaffOrder {
            centre_id,
            operator_dro,
            region: centre.fields.region.clone(),
            display_name: input.display_name,
            email: (!input.email.is_empty()).then_some(input.email),
            username: input.username,
            ordered_by: caller.username.clone(),
        })
        .await?;
    let record = tx.staff_account(id).await?;
    tx.record(event(&caller.actor(), "staff.ordered", &record))
        .await?;
    tx.commit().await?;
    Ok(record)
}
