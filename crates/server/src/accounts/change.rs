//! Changing an account: role and scope, enabled or disabled, the e-mail address.

use mottak_domain::access::{Role, may_manage_account};
use mottak_domain::accounts::{AccountStanding, keeps_a_municipality_admin};
use mottak_store::events::{EventDomain, NewEvent};
use mottak_store::users::RoleChange;
use mottak_store::{Store, StoreError};

use super::{AccountError, RoleRequest, check_scope_exists, load_managed, role_change};
use crate::auth::Caller;

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
    let scope = request.scope()?;
    if !may_manage_account(
        caller.role,
        caller.municipality_number.as_deref(),
        scope.role,
        scope.municipality_number.as_deref(),
    ) {
        return Err(AccountError::Forbidden);
    }
    check_scope_exists(store, &scope).await?;
    Ok((scope.role, role_change(&scope)))
}
