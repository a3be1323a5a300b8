//! An account's credentials: a new second factor at the next login, a revoked API token.

use mottak_store::Store;
use mottak_store::events::{EventDomain, NewEvent};

use super::{AccountError, load_managed, security_event};
use crate::auth::Caller;

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
        security_event(&caller.actor(), "user.totp_reset", id)
            .summary(serde_json::json!({ "username": user.username })),
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
        .map_err(AccountError::not_found)?;
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
