//! Session cookies: random values, stored as SHA-256, HttpOnly and SameSite=Lax, `Secure` when
//! served over TLS; idle for 30 minutes or 8 hours in all and they expire.

use axum::http::HeaderMap;
use base64::Engine;
use chrono::{Duration, Utc};
use mottak_store::{StoreError, timestamp};
use rand::RngCore;

use super::{Caller, PendingLogin, SessionHash, tokens::hash_token};
use crate::error::ApiError;
use crate::state::AppState;

pub const COOKIE: &str = "mottak_session";
const IDLE: Duration = Duration::minutes(30);
const ABSOLUTE: Duration = Duration::hours(8);

pub enum Resolved {
    None,
    Pending(PendingLogin),
    LoggedIn(Box<Caller>, SessionHash),
}

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value.to_owned())
}

pub fn new_cookie_value() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// `Set-Cookie` for a session (or any of our HttpOnly cookies).
pub fn set_cookie(name: &str, value: &str, secure: bool, max_age_seconds: i64) -> String {
    let secure = if secure { "; Secure" } else { "" };
    format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_seconds}{secure}")
}

pub fn expiry_after_activity(created_at: chrono::DateTime<Utc>) -> String {
    timestamp((Utc::now() + IDLE).min(created_at + ABSOLUTE))
}

pub fn max_age_seconds() -> i64 {
    ABSOLUTE.num_seconds()
}

pub async fn resolve(
    state: &AppState,
    headers: &HeaderMap,
    origin: String,
) -> Result<Resolved, ApiError> {
    let Some(value) = cookie(headers, COOKIE) else {
        return Ok(Resolved::None);
    };
    let id_hash = hash_token(&value);
    let now = Utc::now();
    let session = match state.store.live_session(&id_hash, &timestamp(now)).await {
        Ok(session) => session,
        Err(StoreError::NotFound) => return Ok(Resolved::None),
        Err(error) => return Err(error.into()),
    };
    let user = state.store.user_by_id(session.user_id).await?;
    if user.disabled != 0 {
        return Ok(Resolved::None);
    }
    // Slide the idle expiry at most once a minute, so reads do not write on every request.
    let last_seen = chrono::DateTime::parse_from_rfc3339(&session.last_seen_at)
        .map(|time| time.with_timezone(&Utc))
        .unwrap_or(now);
    if now - last_seen > Duration::minutes(1) {
        let created = chrono::DateTime::parse_from_rfc3339(&session.created_at)
            .map(|time| time.with_timezone(&Utc))
            .unwrap_or(now);
        state
            .store
            .touch_session(&id_hash, &timestamp(now), &expiry_after_activity(created))
            .await?;
    }
    if session.second_factor_done == 0 {
        return Ok(Resolved::Pending(PendingLogin {
            session_hash: id_hash,
            user_id: user.id,
            pending_totp_secret: session.pending_totp_secret,
        }));
    }
    match Caller::from_user(&user, origin, false) {
        Some(caller) => Ok(Resolved::LoggedIn(Box::new(caller), SessionHash(id_hash))),
        None => Ok(Resolved::None),
    }
}
