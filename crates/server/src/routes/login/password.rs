//! The first step: username and password, the rate limit, and R-AUTH-6's window for staff.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mottak_store::StoreError;
use mottak_store::events::Actor;
use mottak_store::users::UserRecord;
use serde::Deserialize;

use super::{Next, actor_of, safe_next, with_cookie};
use crate::accounts::security_event;
use crate::auth::csrf::CsrfForm;
use crate::auth::session::{self, COOKIE};
use crate::auth::tokens::hash_token;
use crate::auth::{client_address, password};
use crate::error::PageError;
use crate::pages::{PageResult, Shell, render};
use crate::state::AppState;

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    shell: Shell,
    next: String,
    username: String,
    username_error: String,
    password_error: String,
    message: String,
}

pub(super) async fn login_page(shell: Shell, Query(next): Query<Next>) -> Response {
    if shell.user.is_some() {
        return Redirect::to(&safe_next(&next.next)).into_response();
    }
    render(&LoginPage {
        shell: shell.with_title("login.title"),
        next: safe_next(&next.next),
        username: String::new(),
        username_error: String::new(),
        password_error: String::new(),
        message: String::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct LoginForm {
    username: String,
    password: String,
    next: String,
}

fn anonymous(username: &str, origin: &str) -> Actor {
    Actor {
        id: None,
        name: username.to_owned(),
        role: "anonymous".to_owned(),
        origin: origin.to_owned(),
    }
}

pub(super) async fn login(
    State(state): State<AppState>,
    shell: Shell,
    request_extensions: axum::http::Extensions,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> PageResult {
    let origin = client_address(&request_extensions);
    let username = form.username.trim().to_owned();
    let mut page = LoginPage {
        next: safe_next(&form.next),
        username: username.clone(),
        username_error: String::new(),
        password_error: String::new(),
        message: String::new(),
        shell: shell.with_title("login.title"),
    };
    if username.is_empty() || form.password.is_empty() {
        if username.is_empty() {
            page.username_error = page.shell.t("login.required").to_owned();
        }
        if form.password.is_empty() {
            page.password_error = page.shell.t("login.required").to_owned();
        }
        return Ok((StatusCode::BAD_REQUEST, render(&page)).into_response());
    }
    let now = chrono::Utc::now();
    if !state
        .login_limiter
        .allows(&state.store, &username, &origin, now)
        .await?
    {
        record_security_event(
            &state,
            &anonymous(&username, &origin),
            "login.rate_limited",
            &username,
            None,
        )
        .await?;
        page.message = page.shell.t("login.rate_limited").to_owned();
        return Ok((StatusCode::TOO_MANY_REQUESTS, render(&page)).into_response());
    }
    let user = match state.store.user_by_username(&username).await {
        Ok(user) => Some(user),
        Err(StoreError::NotFound) => None,
        Err(error) => return Err(error.into()),
    };
    let password_ok = check_password(&state, user.as_ref(), form.password).await;
    let user = match user {
        Some(user) if password_ok && user.disabled == 0 => user,
        _ => {
            record_security_event(
                &state,
                &anonymous(&username, &origin),
                "login.failed",
                &username,
                Some(now),
            )
            .await?;
            page.message = page.shell.t("login.failed").to_owned();
            return Ok((StatusCode::UNAUTHORIZED, render(&page)).into_response());
        }
    };
    // R-AUTH-6: a staff account logs in only inside its centre's window.
    if let Some(access) = crate::staff::access_of_user(&state.store, user.id).await?
        && !access.may_log_in()
    {
        crate::staff::record_refused_login(
            &state.store,
            &actor_of(&user, &origin),
            user.id,
            access,
        )
        .await?;
        page.message = staff_refusal_text(&page.shell, access);
        return Ok((StatusCode::FORBIDDEN, render(&page)).into_response());
    }
    // A new session id at every login, so a planted cookie cannot be fixed.
    let cookie_value = session::new_cookie_value();
    let expires = session::expiry_after_activity(chrono::Utc::now());
    let mut tx = state.store.begin_write().await?;
    tx.insert_session(&hash_token(&cookie_value), user.id, &expires)
        .await?;
    tx.record(security_event(
        &actor_of(&user, &origin),
        "login.password_accepted",
        user.id,
    ))
    .await?;
    tx.commit().await?;
    let step = if user.totp_enabled != 0 {
        "/login/totp"
    } else {
        "/login/enrol"
    };
    let target = format!("{step}?next={}", crate::auth::url_encode(&page.next));
    Ok(with_cookie(
        Redirect::to(&target).into_response(),
        &session::set_cookie(
            COOKIE,
            &cookie_value,
            state.config.secure_cookies,
            session::max_age_seconds(),
        ),
    ))
}

/// Why a staff account may not log in now, in the page's language, with the day.
fn staff_refusal_text(shell: &Shell, access: mottak_domain::staff::StaffAccess) -> String {
    use mottak_domain::staff::StaffAccess;
    let (key, day) = match access {
        StaffAccess::NotYetOpen { opens: Some(day) } => ("staff.login.opens", Some(day)),
        StaffAccess::NotYetOpen { opens: None } => ("staff.login.no_agreement", None),
        StaffAccess::Closed { since } => ("staff.login.closed", Some(since)),
        StaffAccess::Open | StaffAccess::ClaimsOnly { .. } => ("login.failed", None),
    };
    let day = day.map_or_else(String::new, |day| day.format("%d.%m.%Y").to_string());
    shell.t(key).replace("{date}", &day)
}

/// Argon2 off the async threads; an unknown user is checked against a dummy hash so that the
/// answer takes as long.
async fn check_password(state: &AppState, user: Option<&UserRecord>, password: String) -> bool {
    let stored = user.map_or_else(
        || password::dummy_hash(state.config.password_hashing).to_owned(),
        |user| user.password_hash.clone(),
    );
    tokio::task::spawn_blocking(move || password::verify(&password, &stored))
        .await
        .unwrap_or(false)
}

/// Logs a security event about `username`; `failed_at` counts it as a failed login for the rate
/// limit too, in the same transaction.
async fn record_security_event(
    state: &AppState,
    actor: &Actor,
    action: &str,
    username: &str,
    failed_at: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<(), PageError> {
    let mut tx = state.store.begin_write().await?;
    if let Some(now) = failed_at {
        state
            .login_limiter
            .record_failure(&mut tx, username, &actor.origin, now)
            .await?;
    }
    tx.record(
        security_event(actor, action, username)
            .summary(serde_json::json!({ "username": username })),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}
