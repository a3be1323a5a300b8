//! Who is calling, and whether they may (SPEC §1, R-AUTH-1, R-AUTH-2).
//!
//! `authenticate` runs on every request and puts the [`Caller`] (or nothing) into the request;
//! [`allow`] guards each route with the roles that may use it. Scope checks that depend on data
//! (a region's centres) happen in the handlers, with [`Caller`]'s scope.

pub mod agreement;
pub mod csrf;
pub mod password;
pub mod rate_limit;
pub mod session;
pub mod staff_window;
pub mod tokens;
pub mod totp;

use std::net::SocketAddr;

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{Uri, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use mottak_domain::access::{Capability, MunicipalPermission, Role};
use mottak_domain::event_log::{LogScope, log_scope};
use mottak_domain::registry::DroNumber;
use mottak_store::events::Actor;
use mottak_store::users::UserRecord;

use crate::error::ApiError;
use crate::error::PageError;
use crate::state::AppState;

/// An authenticated user (password and second factor, or an API token), with role and scope.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub region: Option<String>,
    /// Typed, so that operator scope compares numbers, not spellings (R-REG-3). A stored value
    /// that is not a valid DRO number gives no operator, and so no operator's records.
    pub operator_dro: Option<DroNumber>,
    pub municipality_number: Option<String>,
    pub permissions: Vec<MunicipalPermission>,
    /// The client address, for the event log's "from where".
    pub origin: String,
    pub via_token: bool,
}

impl Caller {
    pub(crate) fn from_user(user: &UserRecord, origin: String, via_token: bool) -> Option<Caller> {
        Some(Caller {
            user_id: user.id,
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            role: user.role.parse().ok()?,
            region: user.region.clone(),
            operator_dro: user
                .operator_dro
                .as_deref()
                .and_then(|dro| DroNumber::parse(dro).ok()),
            municipality_number: user.municipality_number.clone(),
            permissions: MunicipalPermission::parse_list(&user.permissions),
            origin,
            via_token,
        })
    }

    pub fn actor(&self) -> Actor {
        Actor {
            id: Some(self.user_id),
            name: self.username.clone(),
            role: self.role.code().to_owned(),
            origin: self.origin.clone(),
        }
    }

    /// Which events this caller may search (R-LOG-4).
    pub fn event_scope(&self) -> LogScope {
        log_scope(
            self.role,
            self.region.as_deref(),
            self.operator_dro.map(|dro| dro.to_string()).as_deref(),
            self.municipality_number.as_deref(),
        )
    }

    pub fn is(&self, role: Role) -> bool {
        self.role == role
    }
}

/// A login that has passed the password but not yet the second factor.
#[derive(Clone, Debug)]
pub struct PendingLogin {
    pub session_hash: String,
    pub user_id: i64,
    pub pending_totp_secret: Option<String>,
}

/// The session cookie's hash of a fully logged-in user, for logout.
#[derive(Clone, Debug)]
pub struct SessionHash(pub String);

/// The client's address as the server sees it.
pub fn client_address(request_parts: &axum::http::Extensions) -> String {
    request_parts
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |info| info.0.ip().to_string())
}

/// Middleware: identify the caller from a bearer token or the session cookie.
pub async fn authenticate(
    State(state): State<AppState>,
    mut request: Request,
    next: Next,
) -> Response {
    let origin = client_address(request.extensions());
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .map(|token| token.trim().to_owned());
    if let Some(token) = bearer {
        match tokens::caller_for_token(&state, &token, origin).await {
            Ok(Some(caller)) => {
                if let Some(refusal) = agreement::refusal(&state, &caller, request.uri()).await {
                    return refusal;
                }
                if let Some(refusal) = staff_window::refusal(&state, &caller, request.uri()).await {
                    return refusal;
                }
                request.extensions_mut().insert(caller);
            }
            Ok(None) => return ApiError::Unauthorized.into_response(),
            Err(error) => return error.into_response(),
        }
        return next.run(request).await;
    }
    match session::resolve(&state, request.headers(), origin).await {
        Ok(session::Resolved::LoggedIn(caller, hash)) => {
            if let Some(refusal) = agreement::refusal(&state, &caller, request.uri()).await {
                return refusal;
            }
            if let Some(refusal) = staff_window::refusal(&state, &caller, request.uri()).await {
                return refusal;
            }
            request.extensions_mut().insert(*caller);
            request.extensions_mut().insert(hash);
        }
        Ok(session::Resolved::Pending(pending)) => {
            request.extensions_mut().insert(pending);
        }
        Ok(session::Resolved::None) => {}
        Err(error) => return error.into_response(),
    }
    next.run(request).await
}

type GuardFuture = std::pin::Pin<Box<dyn Future<Output = Response> + Send>>;

/// A route layer that lets only the roles with `capability` through (SPEC §1, in
/// `domain::access::Capability`): no login → 401 (API) or the login page (UI); another role → 403.
pub fn allow(
    capability: Capability,
) -> axum::middleware::FromFnLayer<impl Fn(Request, Next) -> GuardFuture + Clone, (), (Request,)> {
    axum::middleware::from_fn(move |request: Request, next: Next| {
        Box::pin(async move {
            let is_api = request.uri().path().starts_with("/api/");
            let role = request
                .extensions()
                .get::<Caller>()
                .map(|caller| caller.role);
            match role {
                Some(role) if role.may(capability) => next.run(request).await,
                Some(_) if is_api => ApiError::forbidden().into_response(),
                Some(_) => PageError::Forbidden.into_response(),
                None if is_api => ApiError::Unauthorized.into_response(),
                None => redirect_to_login(request.uri()),
            }
        }) as GuardFuture
    })
}

pub fn redirect_to_login(uri: &Uri) -> Response {
    let next = uri.path_and_query().map_or("/", |path| path.as_str());
    let encoded: String = url_encode(next);
    Redirect::to(&format!("/login?next={encoded}")).into_response()
}

pub fn url_encode(text: &str) -> String {
    serde_urlencoded::to_string([("", text)])
        .map(|pair| pair.trim_start_matches('=').to_owned())
        .unwrap_or_default()
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Caller, ApiError> {
        parts
            .extensions
            .get::<Caller>()
            .cloned()
            .ok_or(ApiError::Unauthorized)
    }
}

/// Paths a user refused at the door (R-AUTH-3's missing agreement, R-AUTH-6's staff window)
/// may still reach as pages: log in and out, switch language, the assets, the health checks.
const OPEN_AT_THE_DOOR: &[&str] = &[
    "/login",
    "/logout",
    "/language/",
    "/assets/",
    "/healthz",
    "/readyz",
];

fn open_at_the_door(path: &str) -> bool {
    OPEN_AT_THE_DOOR.iter().any(|open| path.starts_with(open))
}
