//! Creating and changing accounts: shared by the admin pages, the API and the command line.

mod change;
mod create;
mod credentials;

use mottak_domain::access::{
    AccountScope, MunicipalPermission, Role, may_manage_account, validate_scope,
};
use mottak_domain::accounts::LastMunicipalityAdmin;
use mottak_domain::error::{FieldError, Problem};
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::users::{RoleChange, UserRecord};
use mottak_store::{Store, StoreError};

use crate::auth::Caller;

pub use change::{AccountChange, change};
pub use create::{AccountRequest, create, insert};
pub use credentials::{reset_second_factor, revoke_token};

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

impl AccountError {
    /// A store error, with `NotFound` as the account's (or its token's) absence.
    fn not_found(error: StoreError) -> AccountError {
        match error {
            StoreError::NotFound => AccountError::NotFound,
            other => AccountError::Store(other),
        }
    }
}

impl From<FieldError> for AccountError {
    fn from(error: FieldError) -> AccountError {
        AccountError::Invalid(error)
    }
}

/// A role and its scope, as a form, a JSON body or the command line gives it.
#[derive(Clone, Debug, Default)]
pub struct RoleRequest {
    pub role: String,
    pub region: Option<String>,
    pub operator_dro: Option<String>,
    pub municipality_number: Option<String>,
    pub permissions: Vec<MunicipalPermission>,
}

impl RoleRequest {
    /// The role and scope, well-formed (not yet checked against the reference data).
    fn scope(&self) -> Result<AccountScope, FieldError> {
        validate_scope(
            &self.role,
            self.region.as_deref(),
            self.operator_dro.as_deref(),
            self.municipality_number.as_deref(),
            &self.permissions,
        )
    }
}

/// The role and scope as stored.
fn role_change(scope: &AccountScope) -> RoleChange {
    RoleChange {
        role: scope.role.code().to_owned(),
        region: scope.region.map(|region| region.code().to_owned()),
        operator_dro: scope.operator_dro.map(|dro| dro.to_string()),
        municipality_number: scope.municipality_number.clone(),
        permissions: permission_list(&scope.permissions),
    }
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

pub fn permission_list(permissions: &[MunicipalPermission]) -> String {
    permissions
        .iter()
        .map(|permission| permission.code())
        .collect::<Vec<_>>()
        .join(",")
}

/// The account `id`, if `caller` may manage it (R-AUTH-4).
pub async fn load_managed(
    store: &Store,
    caller: &Caller,
    id: i64,
) -> Result<UserRecord, AccountError> {
    let user = store
        .user_by_id(id)
        .await
        .map_err(AccountError::not_found)?;
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

/// A security event about a user account (a login step, a second factor, a refused login).
pub fn security_event(actor: &Actor, action: &str, user: impl ToString) -> NewEvent {
    NewEvent::new(actor, EventDomain::Accounts, action, "user", user).security()
}
