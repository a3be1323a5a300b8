//! Operators' staff accounts (SPEC §1 R-AUTH-6, seed 000 §1, which mottak replaces for the
//! Sesam access forms): the operator orders an account for an employee at one of its centres,
//! the centre's region approves it once the e-learning is completed (or refuses it), and the
//! region or the operator disables it when the employee leaves or goes on leave. Approval
//! creates the user (role operator, the operator's DRO number) with a one-time initial password
//! shown once to the region, to hand out as `opening.first_passwords` says; the user enrols the
//! second factor at the first login. Shared by the API and the pages; every step is an event.

use base64::Engine;
use mottak_domain::access::{Role, validate_username};
use mottak_domain::agreements::centre_windows;
use mottak_domain::error::{FieldError, FieldErrors, Problem};
use mottak_domain::registry::{DroNumber, check_email};
use mottak_domain::staff::{
    DisableReason, StaffAccess, StaffStatus, StaffStep, next_status, staff_access,
};
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::staff::{NewStaffOrder, StaffFilter, StaffRecord};
use mottak_store::users::NewUser;
use mottak_store::{Store, StoreError};
use rand::RngCore;

use crate::auth::{Caller, password};
use crate::config::PasswordHashing;
use crate::error::{ApiError, ApiResult};
use crate::registry::scope;

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
        && DroNumber::parse(&record.operator_dro).ok() == caller.operator_dro
}

fn is_own_region(caller: &Caller, region: &str) -> bool {
    caller.role == Role::UdiRegion && caller.region.as_deref() == Some(region)
}

/// Who may see an order: an admin, the centre's region, the operator.
pub fn may_see(caller: &Caller, record: &StaffRecord) -> bool {
    caller.role == Role::Admin
        || is_own_region(caller, &record.region)
        || is_own_operator(caller, record)
}

/// Who may approve or refuse it: an admin and the centre's region (R-AUTH-6).
fn may_decide(caller: &Caller, record: &StaffRecord) -> bool {
    caller.role == Role::Admin || is_own_region(caller, &record.region)
}

/// A centre and its operator's DRO number; 404 when there is none, 403 outside the scope.
pub async fn centre_in_scope(
    store: &Store,
    caller: &Caller,
    centre_id: i64,
) -> ApiResult<(mottak_store::registry::CentreRecord, String)> {
    let centre = store.centre(centre_id).await?;
    let operator = store.operator(centre.operator_id).await?;
    if !scope::may_see_centre(caller, &centre, operator.dro_number) {
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
                &order.username == username && order.status == StaffStatus::Ordered.code()
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

fn event(actor: &Actor, action: &str, record: &StaffRecord) -> NewEvent {
    NewEvent::new(
        actor,
        EventDomain::Accounts,
        action,
        "staff_account",
        record.id,
    )
    .summary(serde_json::json!({
        "username": record.username,
        "centre": record.centre_id,
    }))
    .in_region(Some(record.region.clone()))
    .in_operator(Some(record.operator_dro.clone()))
    .on_account_of_role(Role::Operator.code())
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
            region: centre.region.clone(),
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

/// A random initial password of 20 characters, well over the policy (R-AUTH-1).
fn initial_password() -> String {
    let mut bytes = [0u8; 15];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn conflict(record: &StaffRecord) -> ApiError {
    ApiError::Conflict {
        field: Some("status".to_owned()),
        detail: format!(
            "the staff account is {}; that step does not apply",
            record.status
        ),
    }
}

fn stale() -> ApiError {
    ApiError::Conflict {
        field: Some("version".to_owned()),
        detail: "the staff account was changed by someone else since you read it; reload and \
                 try again"
            .to_owned(),
    }
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

/// Step 2: the region approves after confirming the e-learning; creates the user.
pub async fn approve(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &StepInput,
    hashing: PasswordHashing,
) -> ApiResult<Approved> {
    let record = load(store, caller, id).await?;
    if !may_decide(caller, &record) {
        return Err(ApiError::forbidden());
    }
    if !input.elearning_completed {
        return Err(ApiError::invalid(
            "elearning_completed",
            "confirm that the employee has completed the e-learning before approving",
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
        username: current.username.clone(),
        display_name: current.display_name.clone(),
        role: Role::Operator.code().to_owned(),
        region: None,
        operator_dro: Some(current.operator_dro.clone()),
        municipality_number: None,
        permissions: String::new(),
        password_hash,
        totp_secret: None,
    };
    let user_id = tx.insert_user(&user).await.map_err(|error| match error {
        StoreError::Conflict(_) => ApiError::Conflict {
            field: Some("username".to_owned()),
            detail: Problem::UsernameTaken.english(),
        },
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
            "role": user.role,
            "operator": user.operator_dro,
            "staff_account": id,
        }))
        .on_account_of_role(&user.role),
    )
    .await?;
    tx.set_staff_status(
        id,
        current.version,
        status.code(),
        None,
        Some(user_id),
        &caller.username,
    )
    .await
    .map_err(map_stale)?;
    let record = tx.staff_account(id).await?;
    tx.record(
        event(&caller.actor(), "staff.approved", &record).summary(serde_json::json!({
            "username": record.username,
            "centre": record.centre_id,
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

/// Step 2, the other way: the region refuses the order, with a reason.
pub async fn refuse(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &StepInput,
) -> ApiResult<StaffRecord> {
    let record = load(store, caller, id).await?;
    if !may_decide(caller, &record) {
        return Err(ApiError::forbidden());
    }
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
    tx.set_staff_status(
        id,
        current.version,
        status.code(),
        Some(reason),
        None,
        &caller.username,
    )
    .await
    .map_err(map_stale)?;
    let record = tx.staff_account(id).await?;
    tx.record(event(&caller.actor(), "staff.refused", &record))
        .await?;
    tx.commit().await?;
    Ok(record)
}

/// Step 3: the region or the operator disables the account (left or on leave), or enables an
/// account again after leave. Disabling ends the user's sessions.
pub async fn set_enabled(
    store: &Store,
    caller: &Caller,
    id: i64,
    input: &StepInput,
    enable: bool,
) -> ApiResult<StaffRecord> {
    load(store, caller, id).await?;
    let reason = if enable {
        None
    } else {
        Some(
            DisableReason::parse(&input.reason)
                .map_err(|error| ApiError::invalid_fields(vec![error]))?,
        )
    };
    let step = if enable {
        StaffStep::Enable
    } else {
        StaffStep::Disable
    };
    let mut tx = store.begin_write().await?;
    let current = tx.staff_account(id).await?;
    let status = check_step(&current, input, step)?;
    let user_id = current.user_id.ok_or_else(|| conflict(&current))?;
    tx.set_user_disabled(user_id, !enable).await?;
    tx.set_staff_status(
        id,
        current.version,
        status.code(),
        reason.map(DisableReason::code),
        None,
        &caller.username,
    )
    .await
    .map_err(map_stale)?;
    let record = tx.staff_account(id).await?;
    let action = if enable {
        "staff.enabled"
    } else {
        "staff.disabled"
    };
    tx.record(
        event(&caller.actor(), action, &record).summary(serde_json::json!({
            "username": record.username,
            "centre": record.centre_id,
            "reason": reason.map(DisableReason::code),
        })),
    )
    .await?;
    tx.commit().await?;
    Ok(record)
}

/// R-AUTH-6: what the user may do today, if the user is a staff account linked to a centre
/// (`None` for every other user).
pub async fn access_of_user(
    store: &Store,
    user_id: i64,
) -> Result<Option<StaffAccess>, StoreError> {
    let Some(centre) = store.staff_centre_of_user(user_id).await? else {
        return Ok(None);
    };
    let agreements = store.agreements(Some(centre), None).await?;
    let windows = centre_windows(
        agreements
            .iter()
            .map(|agreement| agreement.terms.validity()),
    );
    Ok(Some(staff_access(windows, crate::occupancy::today())))
}

/// Records a login refused outside the window (R-AUTH-6), as a security event.
pub async fn record_refused_login(
    store: &Store,
    actor: &Actor,
    user_id: i64,
    access: StaffAccess,
) -> Result<(), StoreError> {
    let mut tx = store.begin_write().await?;
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Accounts,
            "staff.login_refused",
            "user",
            user_id,
        )
        .summary(serde_json::json!({ "username": actor.name, "access": access_code(access) }))
        .security(),
    )
    .await?;
    tx.commit().await
}

pub fn access_code(access: StaffAccess) -> &'static str {
    match access {
        StaffAccess::NotYetOpen { .. } => "not_yet_open",
        StaffAccess::Open => "open",
        StaffAccess::ClaimsOnly { .. } => "claims_only",
        StaffAccess::Closed { .. } => "closed",
    }
}
