//! Creating and changing accounts: shared by the admin pages, the API and the command line.

use mottak_domain::access::{
    AccountScope, MunicipalPermission, Role, may_manage_account, validate_display_name,
    validate_scope, validate_username,
};
use mottak_domain::accounts::{AccountStanding, LastMunicipalityAdmin, keeps_a_municipality_admin};
use mottak_domain::error::{FieldError, Problem};
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::users::{NewUser, RoleChange, UserRecord};
use mottak_store::{Store, StoreError};

use crate::auth::{Caller, password};
use crate::config::PasswordHashing;

/// What a form, a JSON body or the command line asks for.
#[derive(Clone, Debug, Default)]
pub struct AccountRequest {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub region: Option<String>,
    pub operator_dro: Option<String>,
    pub municipality_number: Option<String>,
    pub permissions: Vec<MunicipalPermission>,
    pub password: String,
}

#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("{0}")]
    Invalid(FieldError),
    #[error("not allowed")]
    Forbidden,
    #[error("not found")]
    NotFound,
    /// The account changed since the version read.
    #[error("the account was changed by someone else since you read it; reload and try again")]
    Conflict,
    /// The change would leave a municipality without an administrative user (R-AUTH-4).
    #[error("{0}")]
    LastMunicipalityAdmin(#[from] LastMunicipalityAdmin),
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("password hashing failed")]
    Hashing,
}

impl From<FieldError> for AccountError {
    fn from(error: FieldError) -> AccountError {
        AccountError::Invalid(error)
    }
}

/// Validates (username, scope against the reference data, password policy) and creates the
/// account with its event. `may_create` decides whether the actor may create this role/scope.
pub async fn create(
    store: &Store,
    actor: &Actor,
    request: AccountRequest,
    hashing: PasswordHashing,
    may_create: impl Fn(&AccountScope) -> bool,
) -> Result<i64, AccountError> {
    let username = validate_username(&request.username)?;
    let scope = validate_scope(
        &request.role,
        request.region.as_deref(),
        request.operator_dro.as_deref(),
        request.municipality_number.as_deref(),
        &request.permissions,
    )?;
    if !may_create(&scope) {
        return Err(AccountError::Forbidden);
    }
    check_scope_exists(store, &scope).await?;
    password::check_policy(&request.password, &username)
        .map_err(|problem| FieldError::new("password", problem.message()))?;
    let display_name = match validate_display_name(&request.display_name)?.as_str() {
        "" => username.clone(),
        name => name.to_owned(),
    };
    let password_to_hash = request.password.clone();
    let password_hash =
        tokio::task::spawn_blocking(move || password::hash(&password_to_hash, hashing))
            .await
            .map_err(|_| AccountError::Hashing)?;
    let new_user = NewUser {
        username: username.clone(),
        display_name,
        role: scope.role.code().to_owned(),
        region: scope.region.map(|region| region.code().to_owned()),
        operator_dro: scope.operator_dro.map(|dro| dro.to_string()),
        municipality_number: scope.municipality_number.clone(),
        permissions: permission_list(&scope.permissions),
        password_hash,
        totp_secret: None,
    };
    insert(store, actor, new_user)
        .await
        .map_err(|error| match error {
            StoreError::Conflict(_) => FieldError::coded("username", Problem::UsernameTaken).into(),
            other => AccountError::Store(other),
        })
}

/// The scope names a municipality and an operator that exist (not only well-formed numbers).
async fn check_scope_exists(store: &Store, scope: &AccountScope) -> Result<(), AccountError> {
    if let Some(number) = &scope.municipality_number {
        let today = crate::registry::today();
        if matches!(
            store.municipality(number, &today).await,
            Err(StoreError::NotFound)
        ) {
            let problem = Problem::NoMunicipalityWithNumber;
            return Err(FieldError::coded("municipality", problem).into());
        }
    }
    if let Some(dro) = scope.operator_dro {
        match store.operator_by_dro(i64::from(dro.value())).await {
            Ok(_) => {}
            Err(StoreError::NotFound) => {
                let dro = dro.to_string();
                let problem = Problem::NoOperatorWithDro { dro };
                return Err(FieldError::coded("operator", problem).into());
            }
            Err(other) => return Err(other.into()),
        }
    }
    Ok(())
}

/// Inserts a prepared user and records the event (the summary names the fields, no secrets).
pub async fn insert(store: &Store, actor: &Actor, user: NewUser) -> Result<i64, StoreError> {
    let mut tx = store.begin_write().await?;
    let id = tx.insert_user(&user).await?;
    tx.record(
        NewEvent::new(actor, EventDomain::Accounts, "user.created", "user", id)
            .summary(serde_json::json!({
                "username": user.username,
                "role": user.role,
                "region": user.region,
                "operator": user.operator_dro,
                "municipality": user.municipality_number,
                "permissions": user.permissions,
            }))
            .in_municipality(user.municipality_number.clone())
            .on_account_of_role(&user.role),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}

pub fn permission_list(permissions: &[MunicipalPermission]) -> String {
    permissions
        .iter()
        .map(|permission| permission.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// A change of role and scope, as a form or a JSON body gives it.
#[derive(Clone, Debug, Default)]
pub struct RoleRequest {
    pub role: String,
    pub region: Option<String>,
    pub operator_dro: Option<String>,
    pub municipality_number: Option<String>,
    pub permissions: Vec<MunicipalPermission>,
}

/// The account `id`, if `caller` may manage it (R-AUTH-4).
pub async fn load_managed(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> Result<UserRecord, AccountError> {
    let user = store.user_by_id(id).await.map_err(|error| match error {
        StoreError::NotFound => AccountError::NotFound,
        other => AccountError::Store(other),
    })?;
    if may_manage(caller, &user) {
        Ok(user)
    } else {
        Err(AccountError::Forbidden)
    }
}

pub fn may_manage(caller: &Caller, user: &UserRecord) -> bool {
    user.role.parse::<Role>().is_ok_and(|role| {
        may_manage_account(
            caller.role,
            caller.municipality_number.as_deref(),
            role,
            user.municipality_number.as_deref(),
        )
    })
}

/// A change of an account: role and scope, enabled or disabled, or both at once.
#[derive(Clone, Debug, Default)]
pub struct AccountChange {
    /// The version the editor read; a stale one is [`AccountError::Conflict`].
    pub version: Option<i64>,
    pub role: Option<RoleRequest>,
    pub disabled: Option<bool>,
    /// A new e-mail address for reminders; blank removes it.
    pub email: Option<String>,
}

/// Applies `change` in one write transaction, with an event per part. The new role and scope
/// must be within the caller's remit too, and no municipality may be left without an enabled
/// municipality_admin (R-AUTH-4): that is checked under the write lock, on the account as it is
/// then, so two concurrent changes cannot both take away the last one.
pub async fn change(
    store: &Store,
    caller: &Caller,
    id: i64,
    change: &AccountChange,
) -> Result<(), AccountError> {
    let user = load_managed(store, caller, id).await?;
    let role_change = match &change.role {
        Some(request) => Some(validated_role_change(store, caller, request).await?),
        None => None,
    };
    // Some(None): remove the address.
    let email = match change.email.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(text) => Some(Some(mottak_domain::reminders::valid_email("email", text)?)),
    };
    let mut tx = store.begin_write().await?;
    let current = tx.user_by_id(id).await?;
    // Under the lock, so that a change committed since the editor read is a conflict too.
    if change
        .version
        .is_some_and(|version| version != current.version)
    {
        return Err(AccountError::Conflict);
    }
    let before = AccountStanding {
        role: current.role.parse().map_err(|_| AccountError::Forbidden)?,
        municipality_number: current.municipality_number.as_deref(),
        enabled: current.disabled == 0,
    };
    let after = AccountStanding {
        enabled: !change.disabled.unwrap_or(current.disabled != 0),
        ..match &role_change {
            Some((role, role_change)) => AccountStanding {
                role: *role,
                municipality_number: role_change.municipality_number.as_deref(),
                enabled: true,
            },
            None => before,
        }
    };
    if let Some(municipality) = before.administered_municipality() {
        let others = tx.count_other_municipality_admins(municipality, id).await?;
        keeps_a_municipality_admin(before, after, others)?;
    }
    if let Some((_, role_change)) = role_change {
        tx.update_user_role(id, current.version, &role_change)
            .await
            .map_err(|error| match error {
                StoreError::Conflict(_) => AccountError::Conflict,
                other => AccountError::Store(other),
            })?;
        tx.record(
            NewEvent::new(
                &caller.actor(),
                EventDomain::Accounts,
                "user.role_changed",
                "user",
                id,
            )
            .summary(serde_json::json!({
                "username": user.username,
                "role": { "before": current.role, "after": role_change.role },
                "region": role_change.region, "operator": role_change.operator_dro,
                "municipality": role_change.municipality_number,
                "permissions": role_change.permissions,
            }))
            .in_municipality(role_change.municipality_number.clone())
            .on_account_of_role(&role_change.role),
        )
        .await?;
    }
    if let Some(disabled) = change.disabled {
        tx.set_user_disabled(id, disabled).await?;
        let action = if disabled {
            "user.disabled"
        } else {
            "user.enabled"
        };
        tx.record(
            NewEvent::new(&caller.actor(), EventDomain::Accounts, action, "user", id)
                .summary(serde_json::json!({ "username": user.username }))
                .in_municipality(current.municipality_number.clone())
                .on_account_of_role(&current.role),
        )
        .await?;
    }
    if let Some(email) = email
        && email != current.email
    {
        tx.set_user_email(id, email.as_deref()).await?;
        // The address itself stays out of the log: whether one is set is what matters.
        tx.record(
            NewEvent::new(
                &caller.actor(),
                EventDomain::Accounts,
                "user.email_changed",
                "user",
                id,
            )
            .summary(serde_json::json!({
                "username": user.username,
                "email_set": email.is_some(),
            }))
            .in_municipality(current.municipality_number.clone())
            .on_account_of_role(&current.role),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(())
}

/// The role and scope asked for, validated, within the caller's remit and naming a
/// municipality and operator that exist.
async fn validated_role_change(
    store: &Store,
    caller: &Caller,
    request: &RoleRequest,
) -> Result<(Role, RoleChange), AccountError> {
    let scope = validate_scope(
        &request.role,
        request.region.as_deref(),
        request.operator_dro.as_deref(),
        request.municipality_number.as_deref(),
        &request.permissions,
    )?;
    if !may_manage_account(
        caller.role,
        caller.municipality_number.as_deref(),
        scope.role,
        scope.municipality_number.as_deref(),
    ) {
        return Err(AccountError::Forbidden);
    }
    check_scope_exists(store, &scope).await?;
    let change = RoleChange {
        role: scope.role.code().to_owned(),
        region: scope.region.map(|region| region.code().to_owned()),
        operator_dro: scope.operator_dro.map(|dro| dro.to_string()),
        municipality_number: scope.municipality_number.clone(),
        permissions: permission_list(&scope.permissions),
    };
    Ok((scope.role, change))
}

/// The user enrols a new second factor at the next login; sessions end now.
pub async fn reset_second_factor(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> Result<(), AccountError> {
    let user = load_managed(store, caller, id).await?;
    let mut tx = store.begin_write().await?;
    tx.reset_totp(id).await?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Accounts,
            "user.totp_reset",
            "user",
            id,
        )
        .summary(serde_json::json!({ "username": user.username }))
        .security(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Revokes token `token_id` of user `id`.
pub async fn revoke_token(
    store: &Store,
    caller: &Caller,
    id: i64,
    token_id: i64,
) -> Result<(), AccountError> {
    load_managed(store, caller, id).await?;
    let mut tx = store.begin_write().await?;
    tx.revoke_token(token_id, id)
        .await
        .map_err(|error| match error {
            StoreError::NotFound => AccountError::NotFound,
            other => AccountError::Store(other),
        })?;
    tx.record(
        NewEvent::new(
            &caller.actor(),
            EventDomain::Accounts,
            "token.revoked",
            "api_token",
            token_id,
        )
        .security(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
