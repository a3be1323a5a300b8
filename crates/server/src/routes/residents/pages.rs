//! Pages for residents (SPEC §5): a centre's residents with the form that registers one, and a
//! resident's page with the stay history and the form for a new stay or a move.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::get;
use mottak_domain::access::Capability;
use mottak_domain::error::{FieldError, Problem};
use mottak_domain::residents::{ResidentDraft, validate_resident};
use mottak_store::registry::{CentreFilter, CentreRecord};
use mottak_store::residents::{CentreResidentRow, ResidentRecord, StayRecord};
use serde::Deserialize;

use super::messages::{show_date, typed_date};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::occupancy::{load_centre, today};
use crate::pages::{Page, PageResult, Shell, render};
use crate::registry::scope;
use crate::residents::{self, CentreResidents, StayInput};
use crate::routes::registry::FormErrors;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{id}/residents",
            get(centre_residents_page).route_layer(allow(Capability::ReadResidents)),
        )
        .route(
            "/centres/{id}/residents",
            axum::routing::post(register).route_layer(allow(Capability::ManageResidents)),
        )
        .route(
            "/centres/{id}/residents-to-move",
            get(residents_to_move_page).route_layer(allow(Capability::ReadResidents)),
        )
        .route(
            "/residents/{id}",
            get(resident_page).route_layer(allow(Capability::ReadResidents)),
        )
        .route(
            "/residents/{id}/stays",
            axum::routing::post(new_stay).route_layer(allow(Capability::ManageResidents)),
        )
}

/// The register form: the resident and the first day of the stay at this centre.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct RegisterForm {
    #[serde(flatten)]
    pub resident: ResidentDraft,
    pub from: String,
}

/// One row of a centre's residents, dates as shown.
struct ResidentRow {
    id: i64,
    name: String,
    duf_number: String,
    from: String,
    to: String,
}

impl From<CentreResidentRow> for ResidentRow {
    fn from(row: CentreResidentRow) -> ResidentRow {
        ResidentRow {
            id: row.resident_id,
            name: format!("{} {}", row.given_name, row.family_name),
            duf_number: row.duf_number,
            from: show_date(&row.from_date),
            to: row.to_date.as_deref().map(show_date).unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "residents/centre_residents.html")]
struct CentreResidentsPage {
    shell: Shell,
    centre: CentreRecord,
    current_month: String,
    rows: Vec<ResidentRow>,
    /// R-AGR-12: the list of those to move here from the number this one replaced.
    to_move: bool,
    may_write: bool,
    form: RegisterForm,
    errors: FormErrors,
    genders: Vec<(&'static str, &'static str)>,
}

fn genders(shell: &Shell) -> Vec<(&'static str, &'static str)> {
    ["female", "male", "unknown"]
        .into_iter()
        .map(|code| (code, shell.t(&format!("residents.gender.{code}"))))
        .collect()
}

async fn centre_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: RegisterForm,
    errors: FormErrors,
    which: CentreResidents,
) -> Result<CentreResidentsPage, PageError> {
    let (centre, _) = load_centre(&state.store, caller, id).await?;
    let rows = residents::read_centre_residents(&state.store, caller, &centre, which).await?;
    let to_move = which == CentreResidents::ToMoveHere;
    Ok(CentreResidentsPage {
        genders: genders(&shell),
        shell: shell.with_title(if to_move {
            "residents.to_move_title"
        } else {
            "residents.title"
        }),
        current_month: today().format("%Y-%m").to_string(),
        rows: rows.into_iter().map(ResidentRow::from).collect(),
        to_move,
        may_write: !to_move && caller.role.may(Capability::ManageResidents),
        centre,
        form,
        errors,
    })
}

async fn centre_residents_page(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
) -> PageResult {
    list_page(&state, shell, &caller, id, CentreResidents::LivedHere).await
}

/// R-AGR-12: the residents still at the closed number this centre replaced; each links to the
/// resident's page, where the move to this number is registered as a new stay.
async fn residents_to_move_page(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
) -> PageResult {
    list_page(&state, shell, &caller, id, CentreResidents::ToMoveHere).await
}

/// A list of the centre's residents with an empty register form.
async fn list_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    which: CentreResidents,
) -> PageResult {
    let (form, errors) = (RegisterForm::default(), FormErrors::default());
    let page = centre_page(state, shell, caller, id, form, errors, which).await?;
    Ok(render(&page))
}

/// Errors of the resident and of the stay's first day together, in the form's order.
fn register_errors(form: &RegisterForm, input: &ResidentDraft) -> Vec<FieldError> {
    let mut errors = validate_resident(input, today()).err().unwrap_or_default();
    if crate::pages::parse_user_date(&form.from).is_none() {
        errors.push(FieldError::coded("from", Problem::Date));
    }
    errors
}

async fn register(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<RegisterForm>,
) -> PageResult {
    let (centre, _) = load_centre(&state.store, &caller, id).await?;
    let input = ResidentDraft {
        birth_date: typed_date(&form.resident.birth_date),
        ..form.resident.clone()
    };
    let invalid = register_errors(&form, &input);
    let failed = |errors: FormErrors, status: StatusCode| {
        let (state, shell, caller, form) =
            (state.clone(), shell.clone(), caller.clone(), form.clone());
        async move {
            let page = centre_page(
                &state,
                shell,
                &caller,
                id,
                form,
                errors,
                CentreResidents::LivedHere,
            )
            .await?;
            Ok::<_, PageError>((status, render(&page)).into_response())
        }
    };
    if !invalid.is_empty() {
        return failed(
            FormErrors::from_fields(invalid, shell.lang),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    let resident = match residents::create_resident(&state.store, &caller, &input).await {
        Ok(resident) => resident,
        Err(error) => return failed(form_errors(&shell, error)?, StatusCode::CONFLICT).await,
    };
    let stay = StayInput {
        centre_id: centre.id,
        from: typed_date(&form.from),
        to: None,
    };
    match residents::add_stay(&state.store, &caller, resident, &stay).await {
        Ok(_) => Ok(Redirect::to(&format!("/residents/{resident}")).into_response()),
        Err(error) => failed(form_errors(&shell, error)?, StatusCode::CONFLICT).await,
    }
}

/// An operation's refusal as errors beside the fields; anything else is the page's error.
fn form_errors(shell: &Shell, error: ApiError) -> Result<FormErrors, PageError> {
    match error {
        ApiError::Invalid { errors, .. } => Ok(FormErrors::from_fields(errors, shell.lang)),
        ApiError::Conflict { field, problem } => Ok(FormErrors::from_fields(
            [FieldError::coded(
                field.unwrap_or_else(|| "from".to_owned()),
                problem,
            )],
            shell.lang,
        )),
        other => Err(PageError::from(other)),
    }
}

/// The new-stay form.
#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub struct StayForm {
    pub centre_id: String,
    pub from: String,
    pub to: String,
}

struct StayRow {
    centre_id: i64,
    centre: String,
    place_type: String,
    from: String,
    to: String,
}

impl From<&StayRecord> for StayRow {
    fn from(stay: &StayRecord) -> StayRow {
        StayRow {
            centre_id: stay.centre_id,
            centre: format!("{} {}", stay.centre_number, stay.centre_name),
            place_type: stay.place_type.clone(),
            from: show_date(&stay.from_date),
            to: stay.to_date.as_deref().map(show_date).unwrap_or_default(),
        }
    }
}

#[derive(Template)]
#[template(path = "residents/resident.html")]
struct ResidentPage {
    shell: Shell,
    resident: ResidentRecord,
    birth_date: String,
    gender: &'static str,
    stays: Vec<StayRow>,
    may_write: bool,
    centres: Vec<(String, String)>,
    form: StayForm,
    errors: FormErrors,
}

/// The open centres the caller may register stays at.
async fn writable_centres(
    state: &AppState,
    caller: &Caller,
) -> Result<Vec<(String, String)>, PageError> {
    let operator_id = match scope::operator_dro_number(caller) {
        Some(dro) => Some(state.store.operator_by_dro(dro).await?.id),
        None => None,
    };
    let filter = CentreFilter {
        status: Some("open".to_owned()),
        operator_id,
        limit: 1000,
        ..CentreFilter::default()
    };
    let (rows, _) = state.store.list_centres(&filter).await?;
    Ok(rows
        .into_iter()
        .map(|row| (row.id.to_string(), format!("{} {}", row.number, row.name)))
        .collect())
}

async fn resident_view(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    form: StayForm,
    errors: FormErrors,
) -> Result<ResidentPage, PageError> {
    let (resident, stays) = residents::read_resident(&state.store, caller, id).await?;
    let may_write = caller.role.may(Capability::ManageResidents);
    let centres = if may_write {
        writable_centres(state, caller).await?
    } else {
        Vec::new()
    };
    Ok(ResidentPage {
        birth_date: show_date(&resident.fields.birth_date),
        gender: shell.t(&format!("residents.gender.{}", resident.fields.gender)),
        shell: shell.with_title("residents.resident"),
        stays: stays.iter().map(StayRow::from).collect(),
        resident,
        may_write,
        centres,
        form,
        errors,
    })
}

async fn resident_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    let page = resident_view(
        &state,
        shell,
        &caller,
        id,
        StayForm::default(),
        FormErrors::default(),
    )
    .await?;
    Ok(render(&page))
}

async fn new_stay(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<StayForm>,
) -> PageResult {
    let input = StayInput {
        centre_id: form.centre_id.trim().parse().unwrap_or_default(),
        from: typed_date(&form.from),
        to: Some(typed_date(&form.to)),
    };
    match residents::add_stay(&state.store, &caller, id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("/residents/{id}")).into_response()),
        Err(error) => {
            let status = if matches!(error, ApiError::Conflict { .. }) {
                StatusCode::CONFLICT
            } else {
                StatusCode::BAD_REQUEST
            };
            let errors = form_errors(&shell, error)?;
            let page = resident_view(&state, shell, &caller, id, form, errors).await?;
            Ok((status, render(&page)).into_response())
        }
    }
}
