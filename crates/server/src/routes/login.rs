//! Login with password and TOTP (R-AUTH-1): password → second factor (or enrolment) → session.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use mottak_store::StoreError;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::users::UserRecord;
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::{self, COOKIE};
use crate::auth::tokens::hash_token;
use crate::auth::{Caller, PendingLogin, SessionHash, client_address, password, totp};
use crate::error::PageError;
use crate::pages::{Shell, render};
use crate::state::AppState;

mod enrol;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(login_page).post(login))
        .route("/login/totp", get(totp_page).post(verify_totp))
        .route(
            "/login/enrol",
            get(enrol::enrol_page).post(enrol::confirm_enrolment),
        )
        .route("/logout", post(logout))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Next {
    next: String,
}

/// Only local paths: a login link must not send anyone elsewhere afterwards.
fn safe_next(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/login") {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

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

async fn login_page(shell: Shell, Query(next): Query<Next>) -> Response {
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
struct LoginForm {
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

async fn login(
    State(state): State<AppState>,
    shell: Shell,
    request_extensions: axum::http::Extensions,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<Response, PageError> {
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
    tx.record(
        NewEvent::new(
            &actor_of(&user, &origin),
            EventDomain::Accounts,
            "login.password_accepted",
            "user",
            user.id,
        )
        .security(),
    )
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

fn actor_of(user: &UserRecord, origin: &str) -> Actor {
    Actor {
        id: Some(user.id),
        name: user.username.clone(),
        role: user.role.clone(),
        origin: origin.to_owned(),
    }
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
        NewEvent::new(actor, EventDomain::Accounts, action, "user", username)
            .summary(serde_json::json!({ "username": username }))
            .security(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

#[derive(Template)]
#[template(path = "login_totp.html")]
struct TotpPage {
    shell: Shell,
    next: String,
    error: String,
}

async fn totp_page(
    shell: Shell,
    pending: Option<Extension<PendingLogin>>,
    Query(next): Query<Next>,
) -> Response {
    if pending.is_none() {
        return Redirect::to("/login").into_response();
    }
    render(&TotpPage {
        shell: shell.with_title("totp.title"),
        next: safe_next(&next.next),
        error: String::new(),
    })
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    code: String,
    next: String,
}

async fn verify_totp(
    State(state): State<AppState>,
    shell: Shell,
    pending: Option<Extension<PendingLogin>>,
    request_extensions: axum::http::Extensions,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<Response, PageError> {
    let Some(Extension(pending)) = pending else {
        return Ok(Redirect::to("/login").into_response());
    };
    let origin = client_address(&request_extensions);
    let user = state.store.user_by_id(pending.user_id).await?;
    let next = safe_next(&form.next);
    let now = chrono::Utc::now();
    if !state
        .login_limiter
        .allows(&state.store, &user.username, &origin, now)
        .await?
    {
        return Ok((
            StatusCode::TOO_MANY_REQUESTS,
            render(&TotpPage {
                error: shell.t("login.rate_limited").to_owned(),
                shell: shell.with_title("totp.title"),
                next,
            }),
        )
            .into_response());
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
        tx.record(
            NewEvent::new(
                &actor,
                EventDomain::Accounts,
                "login.second_factor_failed",
                "user",
                user.id,
            )
            .security(),
        )
        .await?;
        tx.commit().await?;
        return Ok((
            StatusCode::UNAUTHORIZED,
            render(&TotpPage {
                error: shell.t("totp.failed").to_owned(),
                shell: shell.with_title("totp.title"),
                next,
            }),
        )
            .into_response());
    };
    tx.complete_second_factor(&pending.session_hash).await?;
    tx.record(
        NewEvent::new(
            &actor,
            EventDomain::Accounts,
            "login.succeeded",
            "user",
            user.id,
        )
        .summary(serde_json::json!({ "second_factor": method }))
        .security(),
    )
    .await?;
    state
        .login_limiter
        .record_success(&mut tx, &user.username)
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&next).into_response())
}

async fn logout(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    session_hash: Option<Extension<SessionHash>>,
    pending: Option<Extension<PendingLogin>>,
    CsrfForm(_): CsrfForm<Next>,
) -> Result<Response, PageError> {
    let hash = session_hash
        .map(|Extension(hash)| hash.0)
        .or_else(|| pending.map(|Extension(pending)| pending.session_hash));
    if let Some(hash) = hash {
        let actor = caller.map_or_else(
            || Actor::system("anonymous"),
            |Extension(caller)| caller.actor(),
        );
        let mut tx = state.store.begin_write().await?;
        tx.delete_session(&hash).await?;
        tx.record(
            NewEvent::new(
                &actor,
                EventDomain::Accounts,
                "logout",
                "session",
                &hash[..12],
            )
            .security(),
        )
        .await?;
        tx.commit().await?;
    }
    Ok(with_cookie(
        Redirect::to("/login").into_response(),
        &session::set_cookie(COOKIE, "", state.config.secure_cookies, 0),
    ))
}
