//! Switching the interface language (a preference cookie; no state changes, so a plain link).

use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use serde::Deserialize;

use crate::auth::session::set_cookie;
use crate::i18n;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/language/{code}", get(switch))
}

#[derive(Deserialize)]
struct Back {
    back: Option<String>,
}

async fn switch(
    State(state): State<AppState>,
    Path(code): Path<String>,
    Query(back): Query<Back>,
) -> impl IntoResponse {
    let code = if code == "en" { "en" } else { "nb" };
    // Only local paths, so the link cannot be used to send people elsewhere.
    let back = back
        .back
        .filter(|path| path.starts_with('/') && !path.starts_with("//"))
        .unwrap_or_else(|| "/".to_owned());
    let cookie = set_cookie(
        i18n::COOKIE,
        code,
        state.config.secure_cookies,
        365 * 24 * 3600,
    );
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back))
}
