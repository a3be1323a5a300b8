//! Creating an account: validated, within the creator's remit, with its event.

use mottak_domain::access::{AccountScope, validate_display_name, validate_username};
use mottak_domain::error::{FieldError, Problem};
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::users::NewUser;
use mottak_store::{Store, StoreError};

use super::{AccountError, RoleRequest, check_scope_exists, role_change};
use crate::auth::password;
use crate::config::PasswordHashing;

/// What a form, a JSON body or the command line asks for.
#[derive(Clone, Debug, Default)]
pub struct AccountRequest {
    pub username: String,
    pub display_name: String,
    pub scope: RoleRequest,
    pub password: String,
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
    let scope = request.scope.scope()?;
    if !may_create(&scope) {
        return Err(AccountError::Forbidden);
    }
    check_scope_exists(store, &scope).await?;
    password::check_policy(&request.password, &username)
        .map_err(|problem| FieldError::coded("password", problem.problem()))?;
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
        scope: role_change(&scope),
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

/// Inserts a prepared user and records the event (the summary names the fields, no secrets).
pub async fn insert(store: &Store, actor: &Actor, user: NewUser) -> Result<i64, StoreError> {
    let mut tx = store.begin_write().await?;
    let id = tx.insert_user(&user).await?;
    let scope = &user.scope;
    tx.record(
        NewEvent::new(actor, EventDomain::Accounts, "user.created", "user", id)
            .summary(serde_json::json!({
                "username": user.username,
                "role": scope.role,
                "region": scope.region,
                "operator": scope.operator_dro,
                "municipality": scope.municipality_number,
                "permissions": scope.permissions,
            }))
            .in_municipality(scope.municipality_number.clone())
            .on_account_of_role(&scope.role),
    )
    .await?;
    tx.commit().await?;
    Ok(id)
}
