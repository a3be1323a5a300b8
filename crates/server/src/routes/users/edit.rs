//! One account's page: change role and scope, disable or enable, reset the second factor,
//! issue and revoke API tokens. A refused change is shown beside the form that asked for it.

use askama::Template;
use axum::Router;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use mottak_domain::access::{Capability, MunicipalPermission, Region, Role, assignable_roles};
use mottak_store::tokens::TokenRecord;
use mottak_store::users::UserRecord;
use serde::Deserialize;

use super::pages::{UserForm, scope_text};
use crate::accounts::{self, AccountChange, AccountError, may_manage};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow, tokens};
use crate::error::PageError;
use crate::pages::{Page, PageResult, Shell, display_timestamp, render};
use crate::state::AppState;

pub(super) fn router() -> Router<AppState> {
    let managers = Capability::AdministerAccounts;
    Router::new()
        .route(
            "/admin/users/{id}",
            get(edit_page).route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}/role",
            post(change_role).route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}/email",
            post(change_email).route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}/status",
            post(change_status).route_layer(allow(managers)),
        )
        .route(
            "/admin/users/{id}/reset-totp",
            post(reset_totp).route_layer(allow(Capability::Administer)),
        )
        .route(
            "/admin/users/{id}/tokens",
            post(issue_token).route_layer(allow(Capability::Administer)),
        )
        .route(
            "/admin/users/{id}/tokens/{token_id}/revoke",
            post(revoke_token).route_layer(allow(Capability::Administer)),
        )
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
    /// Why the role form's change was refused.
    role_error: String,
    /// Why the status form's change was refused.
    status_error: String,
    /// The e-mail form's value: the stored address, or what was refused.
    email_value: String,
    email_error: String,
    is_admin: bool,
    /// `(number, name)` for the municipality field's list, and the name beside the stored one.
    municipalities: Vec<(String, String)>,
    municipality_shown: String,
}

/// The page's forms that can be refused.
#[derive(Clone)]
enum Form {
    Role,
    Status,
    /// The e-mail form, with the address that was refused.
    Email(String),
}

/// What the edit page says after an action: at most one thing.
enum Notice {
    None,
    /// Success, as a text key.
    Done(&'static str),
    /// A refused change, beside its form.
    Failed(Form, String),
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
            let label = shell.t(match permission {
                MunicipalPermission::OffersAndDecisions => "users.permission_offers",
                MunicipalPermission::PersonFolders => "users.permission_folders",
                MunicipalPermission::Reports => "users.permission_reports",
            });
            (permission.code(), label, granted.contains(&permission))
        })
        .collect();
    let names = crate::names::Names::load(&state.store).await?;
    let mut page = EditPage {
        scope: scope_text(&user, &names),
        municipality_shown: names
            .municipality_name(user.municipality_number.as_deref().unwrap_or(""))
            .to_owned(),
        municipalities: crate::names::municipality_choices(&state.store).await?,
        created_at: display_timestamp(&user.created_at),
        roles: assignable_roles(caller.role)
            .into_iter()
            .map(|role| (role.code().to_owned(), shell.role_name(role.code())))
            .collect(),
        regions: Region::ALL.iter().map(|region| region.code()).collect(),
        permissions,
        tokens: state.store.tokens_of(id).await?,
        new_token: String::new(),
        message: String::new(),
        role_error: String::new(),
        status_error: String::new(),
        email_value: user.email.clone().unwrap_or_default(),
        email_error: String::new(),
        is_admin: caller.is(Role::Admin),
        user,
        shell: shell.with_title("users.edit"),
    };
    match notice {
        Notice::None => {}
        Notice::Done(key) => page.message = page.shell.t(key).to_owned(),
        Notice::Failed(Form::Role, error) => page.role_error = error,
        Notice::Failed(Form::Status, error) => page.status_error = error,
        Notice::Failed(Form::Email(value), error) => {
            page.email_value = value;
            page.email_error = error;
        }
        Notice::NewToken(token) => page.new_token = token,
    }
    Ok(page)
}

async fn edit_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    Ok(render(
        &edit_page_for(&state, shell, &caller, id, Notice::None).await?,
    ))
}

/// Applies a change from one of the page's forms and shows the page again, with the outcome
/// beside that form.
async fn apply_change(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: Form,
    change: AccountChange,
) -> PageResult {
    let refused = |status, text| (status, Notice::Failed(form.clone(), text));
    let (status, notice) = match accounts::change(&state.store, caller, id, &change).await {
        Ok(()) => (StatusCode::OK, Notice::Done("users.saved")),
        Err(AccountError::Invalid(error)) => refused(
            StatusCode::BAD_REQUEST,
            crate::i18n::problems::error_text(&error, shell.lang),
        ),
        Err(AccountError::Conflict) => refused(
            StatusCode::CONFLICT,
            shell.t("users.changed_meanwhile").to_owned(),
        ),
        Err(AccountError::LastMunicipalityAdmin(last)) => refused(
            StatusCode::CONFLICT,
            shell
                .t("users.last_municipality_admin")
                .replace("{municipality}", &last.municipality),
        ),
        Err(error) => return Err(error.into()),
    };
    let page = edit_page_for(state, shell, caller, id, notice).await?;
    Ok((status, render(&page)).into_response())
}

async fn change_role(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<UserForm>,
) -> PageResult {
    let change = AccountChange {
        version: Some(form.version),
        role: Some(form.role_request()),
        disabled: None,
        email: None,
    };
    apply_change(&state, shell, &caller, id, Form::Role, change).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct EmailForm {
    version: i64,
    email: String,
}

async fn change_email(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> PageResult {
    let change = AccountChange {
        version: Some(form.version),
        email: Some(form.email.clone()),
        ..AccountChange::default()
    };
    let refused_form = Form::Email(form.email);
    apply_change(&state, shell, &caller, id, refused_form, change).await
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StatusForm {
    disabled: String,
}

async fn change_status(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> PageResult {
    let change = AccountChange {
        disabled: Some(form.disabled == "1"),
        ..AccountChange::default()
    };
    apply_change(&state, shell, &caller, id, Form::Status, change).await
}

async fn reset_totp(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(_): CsrfForm<StatusForm>,
) -> PageResult {
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
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<TokenForm>,
) -> PageResult {
    let user = accounts::load_managed(&state.store, &caller, id).await?;
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
) -> PageResult {
    accounts::revoke_token(&state.store, &caller, id, token_id).await?;
    Ok(Redirect::to(&format!("/admin/users/{id}")).into_response())
}
