//! A resident's settlement page: the person folder (R-SET-6), as a form for the operator of the
//! centre where the resident lives and read-only for IMDi and a municipality after its yes, and
//! the settlement date (R-SET-5). Every error is shown beside its field, with the input kept.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use mottak_domain::access::{Capability, Role};
use serde::Deserialize;

use super::page_forms::{FormPage, refused_page, show};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::form_errors::{FormErrors, Labels};
use crate::pages::{Page, PageResult, Shell};
use crate::registry::scope;
use crate::routes::residents::messages::{show_date, typed_date};
use crate::settlement::folders::{self, SettlementInput};
use crate::state::AppState;
use mottak_domain::settlement::Folder;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/residents/{id}/folder",
            get(show::<FolderPage>).route_layer(allow(Capability::ReadFolders)),
        )
        .route(
            "/residents/{id}/folder",
            post(save).route_layer(allow(Capability::WriteFolders)),
        )
        .route(
            "/residents/{id}/settlement",
            post(settle).route_layer(allow(Capability::SettleResidents)),
        )
}

/// The folder and settlement forms as typed; languages comma separated.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct FolderForm {
    pub education: String,
    pub work: String,
    pub languages: String,
    pub health_needs: String,
    pub family: String,
    pub network: String,
    pub wishes: String,
    pub date: String,
}

impl FolderForm {
    fn from_folder(folder: Folder) -> FolderForm {
        FolderForm {
            languages: folder.languages.join(", "),
            education: folder.education,
            work: folder.work,
            health_needs: folder.health_needs,
            family: folder.family,
            network: folder.network,
            wishes: folder.wishes,
            date: String::new(),
        }
    }

    fn input(&self) -> Folder {
        Folder {
            education: self.education.clone(),
            work: self.work.clone(),
            languages: self
                .languages
                .split(',')
                .map(str::trim)
                .filter(|language| !language.is_empty())
                .map(str::to_owned)
                .collect(),
            health_needs: self.health_needs.clone(),
            family: self.family.clone(),
            network: self.network.clone(),
            wishes: self.wishes.clone(),
        }
    }
}

const LABELS: &[(&str, &str)] = &[
    ("education", "folder.education"),
    ("work", "folder.work"),
    ("languages", "folder.languages"),
    ("health_needs", "folder.health_needs"),
    ("family", "folder.family"),
    ("network", "folder.network"),
    ("wishes", "folder.wishes"),
    ("date", "folder.settlement_date"),
];

#[derive(Template)]
#[template(path = "settlement/folder.html")]
struct FolderPage {
    shell: Shell,
    resident_id: i64,
    may_write: bool,
    /// Whether the caller may see the folder's content at all.
    shown: bool,
    /// Whether the caller reaches the notes on the person.
    notes: bool,
    may_settle: bool,
    settled_on: String,
    form: FolderForm,
    errors: FormErrors,
}

impl FormPage for FolderPage {
    type Subject = i64;
    /// `None` before anything is typed: the form shows the stored folder.
    type Form = Option<FolderForm>;
    const LABELS: &'static Labels = LABELS;

    async fn build(
        state: &AppState,
        shell: Shell,
        caller: &Caller,
        id: i64,
        typed: Option<FolderForm>,
        errors: FormErrors,
    ) -> Result<FolderPage, PageError> {
        let stays = state.store.stays_of_resident(id).await?;
        state.store.resident(id).await?;
        let open = stays.iter().find(|stay| stay.to_date.is_none());
        let runs = open.is_some_and(|stay| scope::is_own_operator(caller, stay.operator_dro));
        let may_write = caller.role == Role::Admin || runs;
        let read = folders::read_folder(&state.store, caller, id).await;
        // The notes on the person (R-SET-8) are reached as the folder is, entered or not.
        let notes = may_write || !matches!(read, Err(ApiError::Forbidden(_)));
        let (shown, stored) = match read {
            Ok(folder) => (true, FolderForm::from_folder(folder)),
            Err(ApiError::NotFound) => (may_write, FolderForm::default()),
            Err(ApiError::Forbidden(_)) if may_write => (true, FolderForm::default()),
            Err(ApiError::Forbidden(_)) => (false, FolderForm::default()),
            Err(other) => return Err(other.into()),
        };
        let settled_on = state
            .store
            .settlement_of(id)
            .await?
            .map(|settlement| show_date(&settlement.settled_on))
            .unwrap_or_default();
        let may_settle = settled_on.is_empty()
            && match caller.role {
                Role::Admin => true,
                Role::Operator => runs,
                Role::Municipality => open.is_none(),
                _ => false,
            };
        Ok(FolderPage {
            shell: shell.with_title("folder.title"),
            resident_id: id,
            may_write,
            shown,
            notes,
            may_settle,
            settled_on,
            form: typed.unwrap_or(stored),
            errors,
        })
    }
}

async fn answer<T>(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: FolderForm,
    result: Result<T, ApiError>,
) -> PageResult {
    match result {
        Ok(_) => Ok(Redirect::to(&format!("/residents/{id}/folder")).into_response()),
        Err(error) => refused_page::<FolderPage>(state, shell, caller, id, Some(form), error).await,
    }
}

async fn save(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<FolderForm>,
) -> PageResult {
    let result = folders::put_folder(&state.store, &caller, id, &form.input()).await;
    answer(&state, shell, &caller, id, form, result).await
}

async fn settle(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<FolderForm>,
) -> PageResult {
    let input = SettlementInput {
        date: typed_date(&form.date),
    };
    let result = folders::settle(&state.store, &caller, id, &input).await;
    answer(&state, shell, &caller, id, form, result).await
}
