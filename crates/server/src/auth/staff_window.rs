//! R-AUTH-6 at the door: a staff account linked to a centre works from 7 days before the start
//! of the centre's first agreement until one month after the end of its last (R-PLN-1); after
//! that, until the claim window closes three months after the end (R-CLM-6), only claims and
//! occupancy remain; then nothing. Checked in `authenticate` for every session and token, as
//! R-AUTH-3 is, so no route can forget it; the login page refuses outside the window too.

use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use mottak_domain::access::Role;
use mottak_domain::staff::StaffAccess;

use super::Caller;
use crate::error::{ApiError, PageError};
use crate::state::AppState;

/// Claims and occupancy (and the dashboard that links to them), open in the claims-only tail.
pub fn is_claims_path(path: &str) -> bool {
    path == "/"
        || path.starts_with("/claims")
        || path.starts_with("/api/v1/claims")
        || ((path.starts_with("/centres/") || path.starts_with("/api/v1/centres/"))
            && (path.contains("/occupancy/") || path.ends_with("/claims")))
}

/// The English reason, the API's problem `detail`.
pub fn english(access: StaffAccess) -> String {
    match access {
        StaffAccess::NotYetOpen { opens: Some(day) } => format!(
            "staff accounts of this centre open on {day}, 7 days before the agreement starts (R-AUTH-6)"
        ),
        StaffAccess::NotYetOpen { opens: None } => {
            "staff accounts of this centre open 7 days before its first agreement starts; it has none yet (R-AUTH-6)".to_owned()
        }
        StaffAccess::ClaimsOnly { closes } => format!(
            "the centre's agreements have ended: until {closes} only claims and occupancy remain open (R-AUTH-6, R-CLM-6)"
        ),
        StaffAccess::Closed { since } => format!(
            "the centre's claim window closed on {since}; its staff accounts are closed (R-AUTH-6)"
        ),
        StaffAccess::Open => String::new(),
    }
}

/// `Some(response)` when the caller is a staff account outside its window here.
pub async fn refusal(state: &AppState, caller: &Caller, uri: &Uri) -> Option<Response> {
    if caller.role != Role::Operator {
        return None;
    }
    let path = uri.path();
    let is_api = path.starts_with("/api/");
    if !is_api && super::open_at_the_door(path) {
        return None;
    }
    let access = match crate::staff::access_of_user(&state.store, caller.user_id).await {
        Ok(Some(access)) => access,
        Ok(None) => return None,
        Err(error) => return Some(ApiError::from(error).into_response()),
    };
    match access {
        StaffAccess::Open => None,
        StaffAccess::ClaimsOnly { .. } if is_claims_path(path) => None,
        _ if is_api => Some(ApiError::Forbidden(english(access)).into_response()),
        StaffAccess::ClaimsOnly { .. } => Some(PageError::StaffClaimsOnly.into_response()),
        _ => Some(PageError::StaffClosed.into_response()),
    }
}
