//! Login with password and TOTP (R-AUTH-1): password → second factor (or enrolment) → session.

use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::users::UserRecord;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::{self, COOKIE};
use crate::auth::{Caller, PendingLogin, SessionHash};
use crate::pages::PageResult;
use crate::state::AppState;

mod enrol;
mod password;
mod totp;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/login", get(password::login_page).post(password::login))
        .route("/login/totp", get(totp::totp_page).post(totp::verify_totp))
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

/// A one-time code from the authenticator app (or a recovery code), with where to go next.
#[derive(Deserialize, Default)]
#[serde(default)]
struct CodeForm {
    code: String,
    next: String,
}

/// The login waiting for its second factor; a request without one goes back to the password.
struct Pending(PendingLogin);

fn back_to_login() -> Response {
    Redirect::to("/login").into_response()
}

impl<S: Send + Sync> FromRequestParts<S> for Pending {
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Pending, Response> {
        let pending = parts.extensions.get::<PendingLogin>().cloned();
        pending.map(Pending).ok_or_else(back_to_login)
    }
}

/// A second-factor form: its CSRF token checked first (as [`CsrfForm`]), then that a login
/// is waiting for it, as [`Pending`].
struct PendingForm<T>(PendingLogin, T);

impl<T: DeserializeOwned> FromRequest<AppState> for PendingForm<T> {
    type Rejection = Response;

    async fn from_request(request: Request, state: &AppState) -> Result<Self, Response> {
        let pending = request.extensions().get::<PendingLogin>().cloned();
        let CsrfForm(form) = CsrfForm::from_request(request, state)
            .await
            .map_err(IntoResponse::into_response)?;
        let pending = pending.ok_or_else(back_to_login)?;
        Ok(PendingForm(pending, form))
    }
}

fn actor_of(user: &UserRecord, origin: &str) -> Actor {
    Actor {
        id: Some(user.id),
        name: user.username.clone(),
        role: user.role.clone(),
        origin: origin.to_owned(),
    }
}

fn with_cookie(mut response: Response, cookie: &str) -> Response {
    if let Ok(value) = HeaderValue::from_str(cookie) {
        response.headers_mut().append(header::SET_COOKIE, value);
    }
    response
}

async fn logout(
    State(state): State<AppState>,
    caller: Option<Extension<Caller>>,
    session_hash: Option<Extension<SessionHash>>,
    pending: Option<Extension<PendingLogin>>,
    CsrfForm(_): CsrfForm<Next>,
) -> PageResult {
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
        back_to_login(),
        &session::set_cookie(COOKIE, "", state.config.secure_cookies, 0),
    ))
}
