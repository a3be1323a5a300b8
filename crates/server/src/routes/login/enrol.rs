//! TOTP enrolment at first login (R-AUTH-1): a QR code for the authenticator app, a code to
//! confirm it, then ten one-time recovery codes.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use mottak_store::events::Actor;
use mottak_store::users::UserRecord;

use super::{CodeForm, Next, Pending, PendingForm, actor_of, back_to_login, safe_next};
use crate::accounts::security_event;
use crate::auth::{PendingLogin, client_address, totp};
use crate::error::PageError;
use crate::pages::{PageResult, Shell, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "enrol.html")]
struct EnrolPage {
    shell: Shell,
    next: String,
    secret: String,
    qr_svg: String,
    error: String,
}

/// The secret being enrolled: kept in the session until confirmed with a code.
async fn pending_secret(
    state: &AppState,
    pending: &PendingLogin,
    user: &UserRecord,
) -> Result<String, PageError> {
    if let Some(secret) = &pending.pending_totp_secret {
        return Ok(secret.clone());
    }
    let secret = totp::new_secret();
    let mut tx = state.store.begin_write().await?;
    tx.set_pending_totp_secret(&pending.session_hash, &secret)
        .await?;
    tx.record(security_event(
        &Actor::system("mottak"),
        "totp.enrolment_started",
        user.id,
    ))
    .await?;
    tx.commit().await?;
    Ok(secret)
}

fn enrol_page_for(
    shell: Shell,
    user: &UserRecord,
    secret: String,
    next: String,
    error: String,
) -> EnrolPage {
    let url = totp::provisioning_url(&secret, &user.username).unwrap_or_default();
    EnrolPage {
        shell: shell.with_title("enrol.title"),
        next,
        qr_svg: totp::qr_svg(&url),
        secret,
        error,
    }
}

pub(super) async fn enrol_page(
    State(state): State<AppState>,
    shell: Shell,
    Query(next): Query<Next>,
    Pending(pending): Pending,
) -> PageResult {
    let user = state.store.user_by_id(pending.user_id).await?;
    if user.totp_enabled != 0 {
        return Ok(Redirect::to("/login/totp").into_response());
    }
    let secret = pending_secret(&state, &pending, &user).await?;
    Ok(render(&enrol_page_for(
        shell,
        &user,
        secret,
        safe_next(&next.next),
        String::new(),
    )))
}

#[derive(Template)]
#[template(path = "recovery_codes.html")]
struct RecoveryCodesPage {
    shell: Shell,
    codes: Vec<String>,
    next: String,
}

pub(super) async fn confirm_enrolment(
    State(state): State<AppState>,
    shell: Shell,
    request_extensions: axum::http::Extensions,
    PendingForm(pending, form): PendingForm<CodeForm>,
) -> PageResult {
    let user = state.store.user_by_id(pending.user_id).await?;
    let next = safe_next(&form.next);
    let Some(secret) = pending
        .pending_totp_secret
        .clone()
        .filter(|_| user.totp_enabled == 0)
    else {
        return Ok(back_to_login());
    };
    let Some(step) = totp::matching_step(&secret, &form.code, totp::unix_now()) else {
        let error = shell.t("totp.failed").to_owned();
        return Ok((
            StatusCode::UNPROCESSABLE_ENTITY,
            render(&enrol_page_for(shell, &user, secret, next, error)),
        )
            .into_response());
    };
    let codes = totp::new_recovery_codes();
    let hashes: Vec<String> = codes
        .iter()
        .map(|code| totp::hash_recovery_code(code))
        .collect();
    let origin = client_address(&request_extensions);
    let mut tx = state.store.begin_write().await?;
    tx.enable_totp(user.id, &secret, step as i64, &hashes)
        .await?;
    tx.complete_second_factor(&pending.session_hash).await?;
    tx.record(security_event(
        &actor_of(&user, &origin),
        "totp.enrolled",
        user.id,
    ))
    .await?;
    tx.commit().await?;
    Ok(render(&RecoveryCodesPage {
        shell: shell.with_title("recovery.title"),
        codes,
        next,
    }))
}
