//! API tokens (R-AUTH-2): `mtk_` followed by 32 random bytes; only the SHA-256 is stored.

use base64::Engine;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::{Store, StoreError};
use rand::RngCore;
use sha2::{Digest, Sha256};

use super::Caller;
use crate::error::ApiError;
use crate::state::AppState;

pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// `prefix` followed by 32 random bytes, URL-safe: an API token (`mtk_`) or a link's (`mcf_`).
pub fn random_token(prefix: &str) -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!(
        "{prefix}{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

/// Issues a token for `username`; returns the token, which is never stored or shown again.
pub async fn issue(
    store: &Store,
    actor: &Actor,
    username: &str,
    label: &str,
) -> Result<String, StoreError> {
    let user = store.user_by_username(username).await?;
    let token = random_token("mtk_");
    let mut tx = store.begin_write().await?;
    let id = tx.insert_token(user.id, &hash_token(&token), label).await?;
    tx.record(
        NewEvent::new(
            actor,
            EventDomain::Accounts,
            "token.issued",
            "api_token",
            id,
        )
        .summary(serde_json::json!({ "user": user.username, "label": label }))
        .security(),
    )
    .await?;
    tx.commit().await?;
    Ok(token)
}

pub(crate) async fn caller_for_token(
    state: &AppState,
    token: &str,
    origin: String,
) -> Result<Option<Caller>, ApiError> {
    let user_id = match state.store.user_id_for_token(&hash_token(token)).await {
        Ok(id) => id,
        Err(StoreError::NotFound) => return Ok(None),
        Err(error) => return Err(error.into()),
    };
    let user = state.store.user_by_id(user_id).await?;
    if user.disabled != 0 {
        return Ok(None);
    }
    Ok(Caller::from_user(&user, origin, true))
}
