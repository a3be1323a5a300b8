//! Account administration (R-AUTH-2, R-AUTH-4): pages and API.
//!
//! Admins manage everyone; IMDi the municipalities' administrative users; a municipality's
//! admin the caseworkers of their own municipality. Every change is an event.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use mottak_domain::access::{
    MunicipalPermission, Region, Role, may_manage_account, validate_scope,
};
use mottak_store::StoreError;
use mottak_store::events::NewEvent;
use mottak_store::tokens::TokenRecord;
use mottak_store::users::{RoleChange, UserRecord};
use serde::{Deserialize, Serialize};

use crate::accounts::{self, AccountError, AccountRequest};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow, allowed, tokens};
use crate::error::{ApiError, ApiResult};
use crate::json::ApiJson;
use crate::pages::{PageError, Shell, display_timestamp, render};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    let managers = allowed::USER_ADMINISTRATION;
    Router::new()
        .route(
            "/admin/users",
            get(list_page)
                .post(create_from_form)
                .route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}",
            get(edit_page).route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}/role",
            post(change_role).route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}/status",
            post(change_status).route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}/reset-totp",
            post(reset_totp).route_layer(allow(allowed::ADMIN)),
        )
        .route(
            "/admin/users/{id}/tokens",
            post(issue_token).route_layer(allow(allowed::ADMIN)),
        )
        .route(
            "/admin/users/{id}/tokens/{token_id}/revoke",
            post(revoke_token).route_layer(allow(allowed::ADMIN)),
        )
        .route(
            "/api/v1/users",
            get(list_api).post(create_api).route_layer(allow(managers)),
        )
}

fn may_manage(caller: &Caller, user: &UserRecord) -> bool {
    user.role.parse::<Role>().is_ok_and(|role| {
        may_manage_account(
            caller.role,
            caller.municipality_number.as_deref(),
            role,
            user.municipality_number.as_deref(),
        )
    })
}

async fn managed_users(state: &AppState, caller: &Caller) -> Result<Vec<UserRecord>, StoreError> {
    let users = state.store.list_users().await?;
    Ok(users
        .into_iter()
        .filter(|user| may_manage(caller, user))
        .collect())
}

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
            version: user.version,
        }
    }
}

/// Lists the accounts the caller may manage.
#[utoipa::path(get, path = "/api/v1/users", tag = "users",
    responses((status = 200, body = [UserView])), security(("bearer" = [])))]
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
    responses((status = 201, body = UserView), (status = 400, body = crate::error::Problem),
        (status = 403, body = crate::error::Problem)),
    security(("bearer" = [])))]
pub async fn create_api(
    State(state): State<AppState>,
    caller: Caller,
    ApiJson(body): ApiJson<CreateUser>,
) -> ApiResult<(StatusCode, Json<UserView>)> {
    let request = AccountRequest {
        username: body.username,
        display_name: body.display_name,
        role: body.role,
        region: body.region,
        operator_dro: body.operator_dro,
        municipality_number: body.municipality_number,
        permissions: body.permissions,
        password: body.password,
    };
    let id = create(&state, &caller, request)
        .await
        .map_err(|error| match error {
            AccountError::Invalid(field) => ApiError::invalid(field.field, field.message),
            AccountError::Forbidden => ApiError::forbidden(),
            AccountError::Store(error) => error.into(),
            AccountError::Hashing => ApiError::Internal(anyhow::anyhow!("password hashing failed")),
        })?;
    let user = state.store.user_by_id(id).await?;
    Ok((StatusCode::CREATED, Json(UserView::from(&user))))
}

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
            may_manage_account(
                caller.role,
                caller.municipality_number.as_deref(),
                scope.role,
                scope.municipality_number.as_deref(),
            )
        },
    )
    .await
}

struct UserRow {
    id: i64,
    username: String,
    display_name: String,
    role: String,
    scope: String,
    totp: bool,
    disabled: bool,
}

fn scope_text(user: &UserRecord) -> String {
    [&user.region, &user.operator_dro, &user.municipality_number]
        .into_iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join(", ")
}

/// The create form's values and its errors beside the fields.
#[derive(Default, Deserialize)]
#[serde(default)]
struct UserForm {
    username: String,
    display_name: String,
    role: String,
    region: String,
    operator: String,
    municipality: String,
    offers_and_decisions: Option<String>,
    person_folders: Option<String>,
    reports: Option<String>,
    password: String,
    version: i64,
}

impl UserForm {
    fn permissions(&self) -> Vec<MunicipalPermission> {
        let mut permissions = Vec::new();
        if self.offers_and_decisions.is_some() {
            permissions.push(MunicipalPermission::OffersAndDecisions);
        }
        if self.person_folders.is_some() {
            permissions.push(MunicipalPermission::PersonFolders);
        }
        if self.reports.is_some() {
            permissions.push(MunicipalPermission::Reports);
        }
        permissions
    }
}

fn optional(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    shell: Shell,
    rows: Vec<UserRow>,
    roles: Vec<(String, &'static str)>,
    regions: Vec<&'static str>,
    form: UserForm,
    errors: FieldErrors,
    created: bool,
}

#[derive(Default)]
struct FieldErrors {
    username: String,
    role: String,
    region: String,
    operator: String,
    municipality: String,
    password: String,
}

impl FieldErrors {
    fn set(&mut self, field: &str, message: String) {
        match field {
            "username" => self.username = message,
            "region" => self.region = message,
            "operator" => self.operator = message,
            "municipality" => self.municipality = message,
            "password" => self.password = message,
            _ => self.role = message,
        }
    }
}

async fn users_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    form: UserForm,
    errors: FieldErrors,
    created: bool,
) -> Result<UsersPage, PageError> {
    let rows = managed_users(state, caller)
        .await?
        .iter()
        .map(|user| UserRow {
            id: user.id,
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            role: user.role.clone(),
            scope: scope_text(user),
            totp: user.totp_enabled != 0,
            disabled: user.disabled != 0,
        })
        .collect();
    let roles = accounts::assignable_roles(caller.role)
        .into_iter()
        .map(|role| (role.code().to_owned(), shell.role_name(role.code())))
        .collect();
    Ok(UsersPage {
        shell: shell.with_title("users.title"),
        rows,
        roles,
        regions: Region::ALL.iter().map(|region| region.code()).collect(),
        form,
        errors,
        created,
    })
}

async fn list_page(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
) -> Result<Response, PageError> {
    let page = users_page(
        &state,
        shell,
        &caller,
        UserForm::default(),
        FieldErrors::default(),
        false,
    )
    .await?;
    Ok(render(&page))
}

async fn create_from_form(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    CsrfForm(form): CsrfForm<UserForm>,
) -> Result<Response, PageError> {
    let request = AccountRequest {
        username: form.username.clone(),
        display_name: form.display_name.clone(),
        role: form.role.clone(),
        region: optional(&form.region),
        operator_dro: optional(&form.operator),
        municipality_number: optional(&form.municipality),
        permissions: form.permissions(),
        password: form.password.clone(),
    };
    match create(&state, &caller, request).await {
        Ok(_) => {
            let page = users_page(
                &state,
                shell,
                &caller,
                UserForm::default(),
                FieldErrors::default(),
                true,
            )
            .await?;
            Ok((StatusCode::CREATED, render(&page)).into_response())
        }
        Err(AccountError::Invalid(error)) => {
            let mut errors = FieldErrors::default();
            errors.set(&error.field, error.message);
            let form = UserForm {
                password: String::new(),
                ..form
            };
            let page = users_page(&state, shell, &caller, form, errors, false).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(AccountError::Forbidden) => Err(PageError::Forbidden),
        Err(AccountError::Store(error)) => Err(error.into()),
        Err(AccountError::Hashing) => Err(PageError::Internal),
    }
}

#[derive(Template)]
#[template(path = "user_edit.html")]
struct EditPage {
    shell: Shell,
    user: UserRecord,
    scope: String,
    created_at: String,
    roles: Vec<(String, &'static str)>,
    regions: Vec<&'static str>,
    permissions: Vec<(&'static str, &'static str, bool)>,
    tokens: Vec<TokenRecord>,
    new_token: String,
    message: String,
    error: String,
    is_admin: bool,
}

async fn edit_page_for(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    new_token: String,
    message: &str,
    error: String,
) -> Result<EditPage, PageError> {
    let user = state.store.user_by_id(id).await?;
    if !may_manage(caller, &user) {
        return Err(PageError::Forbidden);
    }
    let granted = MunicipalPermission::parse_list(&user.permissions);
    let permissions = MunicipalPermission::ALL
        .into_iter()
        .map(|permission| {
            let label = match permission {
                MunicipalPermission::OffersAndDecisions => {
                    "Tilbud og vedtak / Offers and decisions"
                }
                MunicipalPermission::PersonFolders => {
                    "Personmapper med helsebehov / Person folders incl. health needs"
                }
                MunicipalPermission::Reports => "Kun rapporter / Reports only",
            };
            (permission.code(), label, granted.contains(&permission))
        })
        .collect();
    let message = if message.is_empty() {
        String::new()
    } else {
        shell.t(message).to_owned()
    };
    Ok(EditPage {
        scope: scope_text(&user),
        created_at: display_timestamp(&user.created_at),
        roles: accounts::assignable_roles(caller.role)
            .into_iter()
            .map(|role| (role.code().to_owned(), shell.role_name(role.code())))
            .collect(),
        regions: Region::ALL.iter().map(|region| region.code()).collect(),
        permissions,
        tokens: state.store.tokens_of(id).await?,
        new_token,
        message,
        error,
        is_admin: caller.is(Role::Admin),
        user,
        shell: shell.with_title("users.edit"),
    })
}

async fn edit_page(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
) -> Result<Response, PageError> {
    Ok(render(
        &edit_page_for(&state, shell, &caller, id, String::new(), "", String::new()).await?,
    ))
}

async fn load_managed(state: &AppState, caller: &Caller, id: i64) -> Result<UserRecord, PageError> {
    let user = state.store.user_by_id(id).await?;
    if may_manage(caller, &user) {
        Ok(user)
    } else {
        Err(PageError::Forbidden)
    }
}

async fn change_role(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<UserForm>,
) -> Result<Response, PageError> {
    let user = load_managed(&state, &caller, id).await?;
    let scope = validate_scope(
        &form.role,
        optional(&form.region).as_deref(),
        optional(&form.operator).as_deref(),
        optional(&form.municipality).as_deref(),
        &form.permissions(),
    );
    let scope = match scope {
        Ok(scope)
            if may_manage_account(
                caller.role,
                caller.municipality_number.as_deref(),
                scope.role,
                scope.municipality_number.as_deref(),
            ) =>
        {
            scope
        }
        Ok(_) => return Err(PageError::Forbidden),
        Err(error) => {
            let page = edit_page_for(
                &state,
                shell,
                &caller,
                id,
                String::new(),
                "",
                format!("{}: {}", error.field, error.message),
            )
            .await?;
            return Ok((StatusCode::BAD_REQUEST, render(&page)).into_response());
        }
    };
    let region = scope.region.map(|region| region.code().to_owned());
    let mut tx = state.store.begin_write().await?;
    let result = tx
        .update_user_role(
            id,
            form.version,
            &RoleChange {
                role: scope.role.code().to_owned(),
                region: region.clone(),
                operator_dro: scope.operator_dro.clone(),
                municipality_number: scope.municipality_number.clone(),
                permissions: accounts::permission_list(&scope.permissions),
            },
        )
        .await;
    if let Err(StoreError::Conflict(_)) = result {
        drop(tx);
        let error = "Brukeren er endret av noen andre siden du åpnet siden. Last inn på nytt. / Changed by someone else; reload.".to_owned();
        let page = edit_page_for(&state, shell, &caller, id, String::new(), "", error).await?;
        return Ok((StatusCode::CONFLICT, render(&page)).into_response());
    }
    result?;
    tx.record(
        NewEvent::new(&caller.actor(), "user.role_changed", "user", id)
            .summary(serde_json::json!({
                "username": user.username,
                "role": { "before": user.role, "after": scope.role.code() },
                "region": region, "operator": scope.operator_dro, "municipality": scope.municipality_number,
                "permissions": accounts::permission_list(&scope.permissions),
            }))
            .security()
            .in_municipality(scope.municipality_number.clone()),
    )
    .await?;
    tx.commit().await?;
    Ok(render(
        &edit_page_for(
            &state,
            shell,
            &caller,
            id,
            String::new(),
            "users.saved",
            String::new(),
        )
        .await?,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    disabled: String,
}

async fn change_status(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<Response, PageError> {
    let user = load_managed(&state, &caller, id).await?;
    let disabled = form.disabled == "1";
    let mut tx = state.store.begin_write().await?;
    tx.set_user_disabled(id, disabled).await?;
    let action = if disabled {
        "user.disabled"
    } else {
        "user.enabled"
    };
    tx.record(
        NewEvent::new(&caller.actor(), action, "user", id)
            .summary(serde_json::json!({ "username": user.username }))
            .security()
            .in_municipality(user.municipality_number.clone()),
    )
    .await?;
    tx.commit().await?;
    Ok(render(
        &edit_page_for(
            &state,
            shell,
            &caller,
            id,
            String::new(),
            "users.saved",
            String::new(),
        )
        .await?,
    ))
}

async fn reset_totp(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<StatusForm>,
) -> Result<Response, PageError> {
    let user = load_managed(&state, &caller, id).await?;
    let mut tx = state.store.begin_write().await?;
    tx.reset_totp(id).await?;
    tx.record(
        NewEvent::new(&caller.actor(), "user.totp_reset", "user", id)
            .summary(serde_json::json!({ "username": user.username }))
            .security(),
    )
    .await?;
    tx.commit().await?;
    Ok(render(
        &edit_page_for(
            &state,
            shell,
            &caller,
            id,
            String::new(),
            "users.reset_totp_done",
            String::new(),
        )
        .await?,
    ))
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct TokenForm {
    label: String,
}

async fn issue_token(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> Result<Response, PageError> {
    let user = load_managed(&state, &caller, id).await?;
    let label = match form.label.trim() {
        "" => "API",
        label => label,
    };
    let token = tokens::issue(&state.store, &caller.actor(), &user.username, label).await?;
    Ok(render(
        &edit_page_for(&state, shell, &caller, id, token, "", String::new()).await?,
    ))
}

async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, token_id)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<TokenForm>,
) -> Result<Response, PageError> {
    load_managed(&state, &caller, id).await?;
    let mut tx = state.store.begin_write().await?;
    tx.revoke_token(token_id, id).await?;
    tx.record(NewEvent::new(&caller.actor(), "token.revoked", "api_token", token_id).security())
        .await?;
    tx.commit().await?;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}
