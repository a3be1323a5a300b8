//! R-AUTH-6's window for the user of a staff account: what it may do today, and the record of a
//! login refused outside it.

use mottak_domain::agreements::centre_windows;
use mottak_domain::staff::{StaffAccess, staff_access};
use mottak_store::events::Actor;
use mottak_store::{Store, StoreError};

use crate::accounts::security_event;

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
        security_event(actor, "staff.login_refused", user_id)
            .summary(serde_json::json!({ "username": actor.name, "access": access_code(access) })),
    )
    .await?;
    tx.commit().await
}

fn access_code(access: StaffAccess) -> &'static str {
    match access {
        StaffAccess::NotYetOpen { .. } => "not_yet_open",
        StaffAccess::Open => "open",
        StaffAccess::ClaimsOnly { .. } => "claims_only",
        StaffAccess::Closed { .. } => "closed",
    }
}
