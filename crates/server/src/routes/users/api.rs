//! The account API: list, create, change role and scope, disable, reset the second factor,
//! issue tokens.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use mottak_domain::access::MunicipalPermission;
use mottak_store::users::UserRecord;
use serde::{Deserialize, Serialize};

use super::pages::managed_users;
use crate::accounts::{self, AccountChange, AccountRequest, RoleRequest};
use crate::auth::{Caller, tokens};
use crate::error::ApiResult;
use crate::json::ApiJson;
use crate::params::ApiPath;
use crate::state::AppState;

/// The account as the API shows it: never the hash or the TOTP secret.
#[derive(Serialize, utoipa::ToSchema)]
pub struct UserView {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    region: Option<String>,
    operator_dro: Option<String>,
    municipality_number: Option<String>,
    permissions: Vec<String>,
    totp_enrolled: bool,
    disabled: bool,
    /// Where reminders of plan tasks go; `null`: none are sent.
    email: Option<String>,
    version: i64,
}

impl From<&UserRecord> for UserView {
    fn from(user: &UserRecord) -> UserView {
        UserView {
            id: user.id,
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            role: user.role.clone(),
            region: user.region.clone(),
            operator_dro: user.operator_dro.clone(),
            municipality_number: user.municipality_number.clone(),
            permissions: MunicipalPermission::parse_list(&user.permissions)
                .iter()
                .map(|permission| permission.code().to_owned())
                .collect(),
            totp_enrolled: user.totp_enabled != 0,
            disabled: user.disabled != 0,
            email: user.email.clone(),
            version: user.version,
        }
    }
}

/// Lists the accounts the caller may manage.
#[utoipa::path(get, path = "/api/v1/users", tag = "users", responses((status = 200, body = [UserView])), security(("bearer" = [])))]
pub async fn list_api(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<UserView>>> {
    let users = managed_users(&state, &caller).await?;
    Ok(Json(users.iter().map(UserView::from).collect()))
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct CreateUser {
    username: String,
    #[serde(default)]
    display_name: String,
    /// One of the roles of SPEC §1.
    role: String,
    region: Option<String>,
    /// For operator users: the DRO number of an existing operator, like `DRO1000` (R-REG-3).
    operator_dro: Option<String>,
    municipality_number: Option<String>,
    /// For municipal caseworkers: `offers_and_decisions`, `person_folders`, `reports`.
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    permissions: Vec<MunicipalPermission>,
    /// At least 12 characters, not a common password.
    password: String,
}

/// Creates an account within the caller's remit (R-AUTH-4). The user enrols TOTP at first login.
#[utoipa::path(post, path = "/api/v1/users", tag = "users", request_body = CreateUser,
    responses((status = 201, body = UserView), (status = 400, body = crate::error::Problem), (status = 403, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateUser>,
) -> ApiResult<(StatusCode, Json<UserView>)> {
    let request = AccountRequest {
        username: body.username,
        display_name: body.display_name,
        scope: RoleRequest {
            role: body.role,
            region: body.region,
            operator_dro: body.operator_dro,
            municipality_number: body.municipality_number,
            permissions: body.permissions,
        },
        password: body.password,
    };
    let id = super::create(&state, &caller, request).await?;
    let user = state.store.user_by_id(id).await?;
    Ok((StatusCode::CREATED, Json(UserView::from(&user))))
}

/// Changes role and scope (all of them, when `role` is given), the e-mail address and/or disables or enables, all or
/// nothing. Leaving a municipality without an enabled municipality_admin is 409 (R-AUTH-4).
#[derive(Deserialize, utoipa::ToSchema)]
pub struct UpdateUser {
    /// The version read; a stale one is 409 and nothing changes.
    version: i64,
    role: Option<String>,
    region: Option<String>,
    /// For operator users: the DRO number of an existing operator, like `DRO1000` (R-REG-3).
    operator_dro: Option<String>,
    municipality_number: Option<String>,
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    permissions: Vec<MunicipalPermission>,
    disabled: Option<bool>,
    /// The e-mail address for reminders of plan tasks; `""` removes it.
    #[schema(example = "kari.nordmann@udi.no")]
    email: Option<String>,
}

#[utoipa::path(patch, path = "/api/v1/users/{id}", params(("id" = i64, Path, description = "The id of the user")), tag = "users", request_body = UpdateUser,
    responses((status = 200, body = UserView), (status = 400, body = crate::error::Problem), (status = 403, body = crate::error::Problem), (status = 409, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn update_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<UpdateUser>,
) -> ApiResult<Json<UserView>> {
    let change = AccountChange {
        version: Some(body.version),
        role: body.role.map(|role| RoleRequest {
            role,
            region: body.region,
            operator_dro: body.operator_dro,
            municipality_number: body.municipality_number,
            permissions: body.permissions,
        }),
        disabled: body.disabled,
        email: body.email,
    };
    accounts::change(&state.store, &caller, id, &change).await?;
    Ok(Json(UserView::from(&state.store.user_by_id(id).await?)))
}

/// Revokes one of the user's tokens (admins only).
#[utoipa::path(delete, path = "/api/v1/users/{id}/tokens/{token_id}", params(("id" = i64, Path, description = "The id of the user"), ("token_id" = i64, Path, description = "The id of the token")), tag = "users", responses((status = 204, description = "revoked"), (status = 404, body = crate::error::Problem)), security(("bearer" = [])))]
pub async fn revoke_token_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, token_id)): ApiPath<(i64, i64)>,
) -> ApiResult<StatusCode> {
    accounts::revoke_token(&state.store, &caller, id, token_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The user enrols a new second factor at the next login (admins only).
#[utoipa::path(post, path = "/api/v1/users/{id}/reset-totp", params(("id" = i64, Path, description = "The id of the user")), tag = "users", responses((status = 204, description = "reset")), security(("bearer" = [])))]
pub async fn reset_totp_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
) -> ApiResult<StatusCode> {
    accounts::reset_second_factor(&state.store, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, utoipa::ToSchema)]
pub struct TokenRequest {
    /// What the token is for.
    #[serde(default)]
    label: String,
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct IssuedToken {
    /// Shown once; only its hash is stored (R-AUTH-2).
    token: String,
}

/// Issues an API token bound to the user, with the user's role and scope (admins only).
#[utoipa::path(post, path = "/api/v1/users/{id}/tokens", params(("id" = i64, Path, description = "The id of the user")), tag = "users", request_body = TokenRequest, responses((status = 201, body = IssuedToken)), security(("bearer" = [])))]
pub async fn issue_token_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<i64>,
    ApiJson(body): ApiJson<TokenRequest>,
) -> ApiResult<(StatusCode, Json<IssuedToken>)> {
    let user = accounts::load_managed(&state.store, &caller, id).await?;
    let label = if body.label.trim().is_empty() {
        "API"
    } else {
        body.label.trim()
    };
    let token = tokens::issue(&state.store, &caller.actor(), &user.username, label).await?;
    Ok((StatusCode::CREATED, Json(IssuedToken { token })))
}
