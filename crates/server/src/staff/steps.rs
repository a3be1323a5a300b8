//! Steps 2 and 3 of a staff account: the region approves (creating the user) or refuses the
//! order; the region or the operator disables the account, or enables it again after leave.

use base64::Engine;
use mottak_domain::access::Role;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::staff::{DisableReason, StaffStatus, StaffStep, next_status};
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::staff::StaffRecord;
use mottak_store::users::{NewUser, RoleChange};
use mottak_store::{Store, StoreError, WriteTx};
use rand::RngCore;

use super::{Approved, StepInput, event, load, may_decide};
use crate::auth::{Caller, password};
use crate::config::PasswordHashing;
use crate::error::{ApiError, ApiResult};

/// A random initial password of 20 characters, well over the policy (R-AUTH-1).
fn initial_password() -> String {
    let mut bytes = [0u8; 15];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn conflict(record: &StaffRecord) -> ApiError {
    ApiError::conflict_at(
        "status",
        Problem::StaffStepNotApplicable {
            status: record.status.clone(),
        },
    )
}

fn stale() -> ApiError {
    ApiError::conflict_at("version", Problem::Stale)
}

/// The record's status after `step`, or 409; the version, when given, must be current.
fn check_step(record: &StaffRecord, input: &StepInput, step: StaffStep) -> ApiResult<StaffStatus> {
    if input
        .version
        .is_some_and(|version| version != record.version)
    {
        return Err(stale());
    }
    let status = StaffStatus::from_code(&record.status).ok_or_else(|| conflict(record))?;
    let reason = record
        .reason
        .as_deref()
        .and_then(|reason| DisableReason::parse(reason).ok());
    next_status(status, reason, step).ok_or_else(|| conflict(record))
}

fn map_stale(error: StoreError) -> ApiError {
    match error {
        StoreError::Conflict(_) => stale(),
        other => other.into(),
    }
}

/// An order the caller may approve or refuse; 403 for one the caller only sees.
async fn load_to_decide(store: &Store, caller: &Caller, id: i64) -> ApiResult<StaffRecord> {
    let record = load(store, caller, id).await?;
    if !may_decide(caller, &record) {
        return Err(ApiError::forbidden());
    }
    Ok(record)
}

/// Writes a step: the order's new status, with its reason and user, if the order read under the
/// write lock is still current (else 409); returns the order as written.
async fn write_step(
    tx: &mut WriteTx,
    caller: &Caller,
    current: &StaffRecord,
    status: StaffStatus,
    reason: Option<&str>,
    user_id: Option<i64>,
) -> ApiResult<StaffRecord> {
    tx.set_staff_status(
        current.id,
        current.version,
        status.code(),
        reason,
        user_id,
        &caller.username,
    )
    .await
    .map_err(map_stale)?;
    Ok(tx.staff_account(current.id).await?)
}

/// Step 2: the region approves after confirming the e-learning; creates the user.
pub async fn approve(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &StepInput,
    hashing: PasswordHashing,
) -> ApiResult<Approved> {
    load_to_decide(store, caller, id).await?;
    if !input.elearning_completed {
        return Err(ApiError::coded(
            "elearning_completed",
            Problem::ElearningNeeded,
        ));
    }
    let initial_password = initial_password();
    let to_hash = initial_password.clone();
    let password_hash = tokio::task::spawn_blocking(move || password::hash(&to_hash, hashing))
        .await
        .map_err(|_| ApiError::Internal(anyhow::anyhow!("password hashing failed")))?;
    let mut tx = store.begin_write().await?;
    let current = tx.staff_account(id).await?;
    let status = check_step(&current, input, StaffStep::Approve)?;
    let user = NewUser {
        username: current.fields.username.clone(),
        display_name: current.fields.display_name.clone(),
        scope: RoleChange {
            role: Role::Operator.code().to_owned(),
            region: None,
            operator_dro: Some(current.fields.operator_dro.clone()),
            municipality_number: None,
            permissions: String::new(),
        },
        password_hash,
        totp_secret: None,
    };
    let user_id = tx.insert_user(&user).await.map_err(|error| match error {
        StoreError::Conflict(_) => ApiError::conflict_at("username", Problem::UsernameTaken),
        other => other.into(),
    })?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Accounts,
            "user.created",
            "user",
            user_id,
        )
        .summary(serde_json::json!({
            "username": user.username,
            "role": user.scope.role,
            "operator": user.scope.operator_dro,
            "staff_account": id,
        }))
        .on_account_of_role(&user.scope.role),
    )
    .await?;
    let record = write_step(&mut tx, caller, &current, status, None, Some(user_id)).await?;
    tx.record(
        event(&caller.actor(), "staff.approved", &record).summary(serde_json::json!({
            "username": record.fields.username,
            "centre": record.fields.centre_id,
            "user": user_id,
            "elearning_completed": true,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(Approved {
        record,
        initial_password,
    })
}

/// The steps that answer with the account alone (approval adds the initial password).
#[derive(Clone, Copy, Debug)]
pub enum AccountStep {
    Refuse,
    Disable,
    Enable,
}

/// Takes `step` on the account `id`.
pub async fn take(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &StepInput,
    step: AccountStep,
) -> ApiResult<StaffRecord> {
    match step {
        AccountStep::Refuse => refuse(store, caller, id, input).await,
        AccountStep::Disable => set_enabled(store, caller, id, input, false).await,
        AccountStep::Enable => set_enabled(store, caller, id, input, true).await,
    }
}

/// Step 2, the other way: the region refuses the order, with a reason.
async fn refuse(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &StepInput,
) -> ApiResult<StaffRecord> {
    load_to_decide(store, caller, id).await?;
    let reason = input.reason.trim();
    if reason.is_empty() {
        return Err(ApiError::invalid_fields(vec![FieldError::coded(
            "reason",
            Problem::Required,
        )]));
    }
    let mut tx = store.begin_write().await?;
    let current = tx.staff_account(id).await?;
    let status = check_step(&current, input, StaffStep::Refuse)?;
    let record = write_step(&mut tx, caller, &current, status, Some(reason), None).await?;
    tx.record(event(&caller.actor(), "staff.refused", &record))
        .await?;
    tx.commit().await?;
    Ok(record)
}

/// Step 3: the region or the operator disables the account (left or on leave), or enables an
/// account again after leave. Disabling ends the user's sessions.
async fn set_enabled(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &StepInput,
    enable: bool,
) -> ApiResult<StaffRecord> {
    load(store, caller, id).await?;
    let (step, action, reason) = if enable {
        (StaffStep::Enable, "staff.enabled", None)
    } else {
        let reason = DisableReason::parse(&input.reason)
            .map_err(|error| ApiError::invalid_fields(vec![error]))?;
        (StaffStep::Disable, "staff.disabled", Some(reason))
    };
    let mut tx = store.begin_write().await?;
    let current = tx.staff_account(id).await?;
    let status = check_step(&current, input, step)?;
    let user_id = current.user_id.ok_or_else(|| conflict(&current))?;
    tx.set_user_disabled(user_id, !enable).await?;
    let reason = reason.map(DisableReason::code);
    let record = write_step(&mut tx, caller, &current, status, reason, None).await?;
    tx.record(
        event(&caller.actor(), action, &record).summary(serde_json::json!({
            "username": record.fields.username,
            "centre": record.fields.centre_id,
            "reason": reason,
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(record)
}
