//! Account administration (R-AUTH-2, R-AUTH-4): pages and API.
//!
//! Admins manage everyone; IMDi the municipalities' administrative users; a municipality's
//! admin the caseworkers of their own municipality. Every change is an event.

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use mottak_domain::access::{MunicipalPermission, Region, Role, assignable_roles};
use mottak_store::StoreError;
use mottak_store::tokens::TokenRecord;
use mottak_store::users::UserRecord;
use serde::Deserialize;

use super::create;
use crate::accounts::{self, AccountError, AccountRequest, RoleRequest, may_manage};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, tokens};
use crate::auth::{allow, allowed};
use crate::pages::{PageError, Shell, display_timestamp, render};
use crate::state::AppState;
use axum::Router;
use axum::routing::{get, post};

pub(super) fn router() -> Router<AppState> {
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
}

pub(super) async fn managed_users(
    state: &AppState,
    caller: &Caller,
) -> Result<Vec<UserRecord>, StoreError> {
    let users = state.store.list_users().await?;
    Ok(users
        .into_iter()
        .filter(|user| accounts::may_manage(caller, user))
        .collect())
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
    let roles = assignable_roles(caller.role)
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
        Err(error) => Err(error.into()),
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

/// What the edit page says after an action: at most one thing.
enum Notice {
    None,
    /// Success, as a text key.
    Done(&'static str),
    Failed(String),
    /// A token just issued, shown once.
    NewToken(String),
}

async fn edit_page_for(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    notice: Notice,
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
    let (message, error, new_token) = match notice {
        Notice::None => (String::new(), String::new(), String::new()),
        Notice::Done(key) => (shell.t(key).to_owned(), String::new(), String::new()),
        Notice::Failed(error) => (String::new(), error, String::new()),
        Notice::NewToken(token) => (String::new(), String::new(), token),
    };
    Ok(EditPage {
        scope: scope_text(&user),
        created_at: display_timestamp(&user.created_at),
        roles: assignable_roles(caller.role)
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
        &edit_page_for(&state, shell, &caller, id, Notice::None).await?,
    ))
}

async fn load_managed(state: &AppState, caller: &Caller, id: i64) -> Result<UserRecord, PageError> {
    Ok(accounts::load_managed(&state.store, caller, id).await?)
}

async fn change_role(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<UserForm>,
) -> Result<Response, PageError> {
    let request = RoleRequest {
        role: form.role.clone(),
        region: optional(&form.region),
        operator_dro: optional(&form.operator),
        municipality_number: optional(&form.municipality),
        permissions: form.permissions(),
    };
    let (status, notice) = match accounts::change_role(&state.store, &caller, id, form.version, &request).await {
        Ok(()) => (StatusCode::OK, Notice::Done("users.saved")),
        Err(AccountError::Invalid(error)) => (StatusCode::BAD_REQUEST, Notice::Failed(format!("{}: {}", error.field, error.message))),
        Err(AccountError::Conflict) => (
            StatusCode::CONFLICT,
            Notice::Failed("Brukeren er endret av noen andre siden du åpnet siden. Last inn på nytt. / Changed by someone else; reload.".to_owned()),
        ),
        Err(error) => return Err(error.into()),
    };
    let page = edit_page_for(&state, shell, &caller, id, notice).await?;
    Ok((status, render(&page)).into_response())
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
    accounts::set_disabled(&state.store, &caller, id, form.disabled == "1").await?;
    Ok(render(
        &edit_page_for(&state, shell, &caller, id, Notice::Done("users.saved")).await?,
    ))
}

async fn reset_totp(
    State(state): State<AppState>,
    shell: Shell,
    caller: Caller,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<StatusForm>,
) -> Result<Response, PageError> {
    accounts::reset_second_factor(&state.store, &caller, id).await?;
    Ok(render(
        &edit_page_for(
            &state,
            shell,
            &caller,
            id,
            Notice::Done("users.reset_totp_done"),
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
        &edit_page_for(&state, shell, &caller, id, Notice::NewToken(token)).await?,
    ))
}

async fn revoke_token(
    State(state): State<AppState>,
    caller: Caller,
    Path((id, token_id)): Path<(i64, i64)>,
    CsrfForm(_): CsrfForm<TokenForm>,
) -> Result<Response, PageError> {
    accounts::revoke_token(&state.store, &caller, id, token_id).await?;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}
