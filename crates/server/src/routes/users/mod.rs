//! Account administration (R-AUTH-2, R-AUTH-4): pages and API over `crate::accounts`.
//!
//! Admins manage everyone; IMDi the municipalities' administrative users; a municipality's
//! admin the caseworkers of their own municipality. Every change is an event.

mod api;
mod edit;
mod pages;

use axum::Router;
use axum::routing::{get, post};

use crate::accounts::{self, AccountError, AccountRequest};
use crate::auth::{Caller, allow};
use crate::error::ApiError;
use crate::error::PageError;
use crate::state::AppState;
use mottak_domain::access::Capability;
use mottak_domain::error::Problem;

pub use api::{
    __path_create_api, __path_issue_token_api, __path_list_api, __path_reset_totp_api,
    __path_revoke_token_api, __path_update_api,
};

pub fn router() -> Router<AppState> {
    let managers = Capability::AdministerAccounts;
    Router::new()
        .merge(pages::router())
        .merge(edit::router())
        .route(
            "/api/v1/users",
            get(api::list_api)
                .post(api::create_api)
                .route_layer(allow(managers)),
        )
        .route(
            "/api/v1/users/{id}",
            axum::routing::patch(api::update_api).route_layer(allow(managers)),
        )
        .route(
            "/api/v1/users/{id}/reset-totp",
            post(api::reset_totp_api).route_layer(allow(Capability::Administer)),
        )
        .route(
            "/api/v1/users/{id}/tokens",
            post(api::issue_token_api).route_layer(allow(Capability::Administer)),
        )
        .route(
            "/api/v1/users/{id}/tokens/{token_id}",
            axum::routing::delete(api::revoke_token_api).route_layer(allow(Capability::Administer)),
        )
}

/// Creates an account within the caller's remit.
async fn create(
    state: &AppState,
    caller: &Caller,
    request: AccountRequest,
) -> Result<i64, AccountError> {
    accounts::create(
        &state.store,
        &caller.actor(),
        request,
        state.config.password_hashing,
        |scope| {
            mottak_domain::access::may_manage_account(
                caller.role,
                caller.municipality_number.as_deref(),
                scope.role,
                scope.municipality_number.as_deref(),
            )
        },
    )
    .await
}

/// The rules name the fields as the form does; the API's JSON members are spelt out (SPEC §10:
/// `field` names the member that was sent).
fn api_member(field: &str) -> String {
    match field {
        "operator" => "operator_dro",
        "municipality" => "municipality_number",
        other => other,
    }
    .to_owned()
}

impl From<AccountError> for ApiError {
    fn from(error: AccountError) -> ApiError {
        match error {
            AccountError::Invalid(error) => {
                let field = api_member(&error.field);
                ApiError::invalid_fields(vec![error.at(field)])
            }
            AccountError::Forbidden => ApiError::forbidden(),
            AccountError::NotFound => ApiError::NotFound,
            AccountError::Conflict => ApiError::conflict_at("version", Problem::Stale),
            AccountError::LastMunicipalityAdmin(last) => {
                ApiError::conflict(Problem::LastMunicipalityAdmin {
                    municipality: last.municipality,
                })
            }
            AccountError::Store(error) => error.into(),
            AccountError::Hashing => ApiError::Internal(anyhow::anyhow!("password hashing failed")),
        }
    }
}

impl From<AccountError> for PageError {
    fn from(error: AccountError) -> PageError {
        match error {
            AccountError::Forbidden => PageError::Forbidden,
            AccountError::NotFound => PageError::NotFound,
            AccountError::Invalid(_)
            | AccountError::Conflict
            | AccountError::LastMunicipalityAdmin(_) => PageError::BadRequest,
            AccountError::Store(error) => error.into(),
            AccountError::Hashing => PageError::Internal,
        }
    }
}
