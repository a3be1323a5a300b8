//! R-AUTH-3 at the door: a municipality's user whose municipality has no data processing
//! agreement in force gets 403 from every API call and a page that says so instead of every
//! page, in one place (`authenticate`), so no route can forget it. The login flow, the language
//! switch and the assets stay open, so the user can log in, read why, and log out.

use axum::http::Uri;
use axum::response::{IntoResponse, Response};

use super::Caller;
use crate::error::{ApiError, PageError};
use crate::settlement::agreements::{BLOCKED, blocks};
use crate::state::AppState;

/// `Some(response)` when the caller is blocked here.
pub async fn refusal(state: &AppState, caller: &Caller, uri: &Uri) -> Option<Response> {
    let path = uri.path();
    let is_api = path.starts_with("/api/");
    if !is_api && super::open_at_the_door(path) {
        return None;
    }
    match blocks(&state.store, caller).await {
        Ok(false) => None,
        Ok(true) if is_api => Some(ApiError::Forbidden(BLOCKED.to_owned()).into_response()),
        Ok(true) => Some(PageError::AgreementMissing.into_response()),
        Err(error) => Some(error.into_response()),
    }
}
