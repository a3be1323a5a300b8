//! The second step: a code from the authenticator app, or one of the recovery codes.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

use super::{CodeForm, Next, Pending, PendingForm, actor_of, safe_next};
use crate::accounts::security_event;
use crate::auth::{client_address, totp};
use crate::pages::{PageResult, Shell, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "login_totp.html")]
struct TotpPage {
    shell: Shell,
    next: String,
    error: String,
}

pub(super) async fn totp_page(shell: Shell, Query(next): Query<Next>, _: Pending) -> Response {
    render(&TotpPage {
        shell: shell.with_title("totp.title"),
        next: safe_next(&next.next),
        error: String::new(),
    })
}

/// The code page again with why the code was not accepted.
fn refused(shell: Shell, next: String, status: StatusCode, key: &str) -> Response {
    let page = TotpPage {
        error: shell.t(key).to_owned(),
        shell: shell.with_title("totp.title"),
        next,
    };
    (status, render(&page)).into_response()
}

pub(super) async fn verify_totp(
    State(state): State<AppState>,
    shell: Shell,
    request_extensions: axum::http::Extensions,
    PendingForm(pending, form): PendingForm<CodeForm>,
) -> PageResult {
    let origin = client_address(&request_extensions);
    let user = state.store.user_by_id(pending.user_id).await?;
    let next = safe_next(&form.next);
    let now = chrono::Utc::now();
    if !state
        .login_limiter
        .allows(&state.store, &user.username, &origin, now)
        .await?
    {
        return Ok(refused(
            shell,
            next,
            StatusCode::TOO_MANY_REQUESTS,
            "login.rate_limited",
        ));
    }
    let actor = actor_of(&user, &origin);
    let mut tx = state.store.begin_write().await?;
    let method = match (&user.totp_secret, user.totp_enabled != 0) {
        (Some(secret), true) => match totp::matching_step(secret, &form.code, totp::unix_now()) {
            Some(step) if tx.accept_totp_step(user.id, step as i64).await? => Some("totp"),
            _ if totp::looks_like_recovery_code(&form.code) => tx
                .use_recovery_code(user.id, &totp::hash_recovery_code(&form.code))
                .await?
                .then_some("recovery_code"),
            _ => None,
        },
        _ => None,
    };
    let Some(method) = method else {
        state
            .login_limiter
            .record_failure(&mut tx, &user.username, &origin, now)
            .await?;
        tx.record(security_event(
            &actor,
            "login.second_factor_failed",
            user.id,
        ))
        .await?;
        tx.commit().await?;
        return Ok(refused(
            shell,
            next,
            StatusCode::UNAUTHORIZED,
            "totp.failed",
        ));
    };
    tx.complete_second_factor(&pending.session_hash).await?;
    tx.record(
        security_event(&actor, "login.succeeded", user.id)
            .summary(serde_json::json!({ "second_factor": method })),
    )
    .await?;
    state
        .login_limiter
        .record_success(&mut tx, &user.username)
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&next).into_response())
}
