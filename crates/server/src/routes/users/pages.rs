//! Account administration (R-AUTH-2, R-AUTH-4): the list of accounts and the form that creates one.
//!
//! Admins manage everyone; IMDi the municipalities' administrative users; a municipality's
//! admin the caseworkers of their own municipality. Every change is an event.

use askama::Template;
use axum::Router;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use mottak_domain::access::{Capability, MunicipalPermission, assignable_roles};
use mottak_store::StoreError;
use mottak_store::users::UserRecord;
use serde::Deserialize;

use super::create;
use crate::accounts::{self, AccountError, AccountRequest, RoleRequest};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::form_errors::{FormErrors, Labels};
use crate::input::non_blank;
use crate::names::Names;
use crate::pages::{Page, PageResult, Shell, region_choices, render};
use crate::state::AppState;
use mottak_domain::error::{FieldError, Problem};

pub(super) fn router() -> Router<AppState> {
    Router::new().route(
        "/admin/users",
        get(list_page)
            .post(create_from_form)
            .route_layer(allow(Capability::AdministerAccounts)),
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

/// The account's region, DRO number and municipality ("4601 Bergen").
pub(super) fn scope_text(user: &UserRecord, names: &Names) -> String {
    [
        user.region.clone(),
        user.operator_dro.clone(),
        user.municipality_number
            .as_deref()
            .map(|number| names.municipality(number)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The create form's values (the edit page's role form posts the same names).
#[derive(Default, Deserialize)]
#[serde(default)]
pub(super) struct UserForm {
    pub(super) username: String,
    pub(super) display_name: String,
    pub(super) role: String,
    pub(super) region: String,
    pub(super) operator: String,
    pub(super) municipality: String,
    pub(super) offers_and_decisions: Option<String>,
    pub(super) person_folders: Option<String>,
    pub(super) reports: Option<String>,
    pub(super) password: String,
    pub(super) version: i64,
}

impl UserForm {
    /// The role and scope the form asks for.
    pub(super) fn role_request(&self) -> RoleRequest {
        RoleRequest {
            role: self.role.clone(),
            region: non_blank(&self.region),
            operator_dro: non_blank(&self.operator),
            municipality_number: non_blank(&self.municipality),
            permissions: self.permissions(),
        }
    }

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

#[derive(Template)]
#[template(path = "users.html")]
struct UsersPage {
    shell: Shell,
    rows: Vec<UserRow>,
    roles: Vec<(String, &'static str)>,
    regions: Vec<(&'static str, &'static str)>,
    form: UserForm,
    errors: FormErrors,
    created: bool,
    /// `(number, name)` for the municipality field's list, and the name beside what was typed.
    municipalities: Vec<(String, String)>,
    municipality_shown: String,
}

/// The new-user form's fields and their labels.
const LABELS: &Labels = &[
    ("username", "users.username"),
    ("display_name", "users.display_name"),
    ("role", "users.role"),
    ("region", "users.region"),
    ("operator", "users.operator"),
    ("municipality", "users.municipality"),
    ("password", "users.password"),
];

/// An error of a field the form does not have is shown at the role.
fn on_form(error: FieldError) -> FieldError {
    if LABELS.iter().any(|(field, _)| *field == error.field) {
        error
    } else {
        error.at("role")
    }
}

async fn users_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    form: UserForm,
    errors: FormErrors,
    created: bool,
) -> Result<UsersPage, PageError> {
    let names = Names::load(&state.store).await?;
    let rows = managed_users(state, caller)
        .await?
        .iter()
        .map(|user| UserRow {
            id: user.id,
            username: user.username.clone(),
            display_name: user.display_name.clone(),
            role: user.role.clone(),
            scope: scope_text(user, &names),
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
        regions: region_choices(),
        municipality_shown: names.municipality_name(&form.municipality).to_owned(),
        municipalities: crate::names::municipality_choices(&state.store).await?,
        form,
        errors,
        created,
    })
}

/// The page with an empty form; `created` says an account was just made.
async fn with_empty_form(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    created: bool,
) -> Result<UsersPage, PageError> {
    let (form, errors) = (UserForm::default(), FormErrors::default());
    users_page(state, shell, caller, form, errors, created).await
}

async fn list_page(Page(state, shell, caller): Page) -> PageResult {
    Ok(render(
        &with_empty_form(&state, shell, &caller, false).await?,
    ))
}

async fn create_from_form(
    Page(state, shell, caller): Page,
    CsrfForm(form): CsrfForm<UserForm>,
) -> PageResult {
    let request = AccountRequest {
        username: form.username.clone(),
        display_name: form.display_name.clone(),
        scope: form.role_request(),
        password: form.password.clone(),
    };
    match create(&state, &caller, request).await {
        Ok(_) => {
            let page = with_empty_form(&state, shell, &caller, true).await?;
            Ok((StatusCode::CREATED, render(&page)).into_response())
        }
        Err(error @ (AccountError::Invalid(_) | AccountError::Forbidden)) => {
            let (error, status) = match error {
                AccountError::Invalid(error) => (on_form(error), StatusCode::BAD_REQUEST),
                // A refusal of the chosen scope (R-AUTH-4): said beside the municipality.
                _ => (
                    FieldError::coded("municipality", Problem::NotYours),
                    StatusCode::FORBIDDEN,
                ),
            };
            let errors = FormErrors::localized([error], shell.lang, LABELS);
            let form = UserForm {
                password: String::new(),
                ..form
            };
            let page = users_page(&state, shell, &caller, form, errors, false).await?;
            Ok((status, render(&page)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
