//! Login with password and TOTP (R-AUTH-1): password → second factor (or enrolment) → session.

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Router};
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::users::UserRecord;
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::session::{self, COOKIE};
use crate::auth::{Caller, PendingLogin, SessionHash};
use crate::error::PageError;
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
