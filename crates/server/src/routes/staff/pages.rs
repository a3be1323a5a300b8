//! Staff account pages (R-AUTH-6): `/centres/{id}/staff` ("Ansatte") for the operator, with the
//! order form, and `/staff` for the region, with the orders to approve or refuse. Both list the
//! accounts with their disable and enable actions. Plain forms: every error is shown beside its
//! field and in the summary, and the input is kept.
use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use axum::routing::{get, post};
use mottak_domain::access::{Capability, Role};
use mottak_store::staff::StaffRecord;
use serde::Deserialize;

use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::{ApiError, PageError};
use crate::form_errors::{FormErrors, Labels};
use crate::pages::{Page, PageResult, Shell, render};
use crate::staff::{self, OrderInput};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/centres/{id}/staff",
            get(centre_page).route_layer(allow(Capability::ReadStaff)),
        )
        .route(
            "/centres/{id}/staff",
            post(order).route_layer(allow(Capability::OrderStaff)),
        )
        .route(
            "/staff",
            get(region_page).route_layer(allow(Capability::DecideStaff)),
        )
}

const ORDER_LABELS: &Labels = &[
    ("display_name", "staff.display_name"),
    ("email", "staff.email"),
    ("username", "staff.username"),
];

/// One account as a row, with the actions that apply.
struct Row {
    id: i64,
    centre_id: i64,
    /// "0301 Oslo asylmottak", on the region's list.
    centre: String,
    display_name: String,
    username: String,
    email: String,
    status: &'static str,
    reason: String,
    may_decide: bool,
    may_disable: bool,
    may_enable: bool,
}

#[derive(Template)]
#[template(path = "staff/list.html")]
struct ListPage {
    shell: Shell,
    /// `Some((id, name))` on a centre's page; `None` on the region's.
    centre: Option<(i64, String)>,
    back: String,
    rows: Vec<Row>,
    may_order: bool,
    form: OrderForm,
    errors: FormErrors,
    /// The reason typed into a refusal, kept when it is refused.
    refuse_reason: String,
}

#[derive(Deserialize, Default, Clone)]
#[serde(default)]
pub(super) struct OrderForm {
    display_name: String,
    email: String,
    username: String,
}

fn row(shell: &Shell, caller: &Caller, record: &StaffRecord) -> Row {
    let decider = matches!(caller.role, Role::Admin | Role::UdiRegion);
    Row {
        id: record.id,
        centre_id: record.fields.centre_id,
        centre: String::new(),
        display_name: record.fields.display_name.clone(),
        username: record.fields.username.clone(),
        email: record.fields.email.clone().unwrap_or_default(),
        status: shell.t(&format!("staff.status.{}", record.status)),
        reason: match record.reason.as_deref() {
            Some(code @ ("left" | "leave")) => shell.t(&format!("staff.reason.{code}")).to_owned(),
            Some(text) => text.to_owned(),
            None => String::new(),
        },
        may_decide: decider && record.status == "ordered",
        may_disable: record.status == "approved",
        may_enable: record.status == "disabled" && record.reason.as_deref() == Some("leave"),
    }
}

/// Where a form sends the user back: the region's list or a centre's page.
#[derive(Clone, Copy)]
pub(super) enum Back {
    Region,
    Centre(i64),
}

impl Back {
    pub(super) fn parse(text: &str) -> Back {
        text.strip_prefix("/centres/")
            .and_then(|rest| rest.strip_suffix("/staff"))
            .and_then(|id| id.parse().ok())
            .map_or(Back::Region, Back::Centre)
    }

    pub(super) fn path(self) -> String {
        match self {
            Back::Region => "/staff".to_owned(),
            Back::Centre(id) => format!("/centres/{id}/staff"),
        }
    }
}

/// The list as it is now, with an empty order form.
pub(super) async fn list_response(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    back: Back,
    status: StatusCode,
    errors: FormErrors,
    refuse_reason: String,
) -> PageResult {
    let form = OrderForm::default();
    let page = list_page(state, shell, caller, back, form, errors, refuse_reason).await?;
    Ok((status, render(&page)).into_response())
}

/// The list as it is now, nothing typed and nothing refused.
async fn list_as_it_is(state: &AppState, shell: Shell, caller: &Caller, back: Back) -> PageResult {
    let errors = FormErrors::default();
    list_response(
        state,
        shell,
        caller,
        back,
        StatusCode::OK,
        errors,
        String::new(),
    )
    .await
}

async fn list_page(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    back: Back,
    form: OrderForm,
    errors: FormErrors,
    refuse_reason: String,
) -> Result<ListPage, PageError> {
    let (centre, records) = match back {
        Back::Centre(id) => {
            let (centre, _) = staff::centre_in_scope(&state.store, caller, id).await?;
            let records = staff::of_centre(&state.store, caller, id).await?;
            (Some((centre.id, centre.name)), records)
        }
        Back::Region => (None, staff::of_region(&state.store, caller).await?),
    };
    let mut names: std::collections::HashMap<i64, String> = std::collections::HashMap::new();
    let mut rows = Vec::with_capacity(records.len());
    for record in &records {
        let mut line = row(&shell, caller, record);
        if centre.is_none() {
            line.centre = match names.get(&record.fields.centre_id) {
                Some(name) => name.clone(),
                None => {
                    let found = state.store.centre(record.fields.centre_id).await?;
                    let name = format!("{} {}", found.number, found.name);
                    names.insert(record.fields.centre_id, name.clone());
                    name
                }
            };
        }
        rows.push(line);
    }
    let title = if centre.is_some() {
        "staff.title"
    } else {
        "staff.region_title"
    };
    Ok(ListPage {
        may_order: centre.is_some() && caller.role.may(Capability::OrderStaff),
        shell: shell.with_title(title),
        centre,
        back: back.path(),
        rows,
        form,
        errors,
        refuse_reason,
    })
}

async fn centre_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    list_as_it_is(&state, shell, &caller, Back::Centre(id)).await
}

async fn region_page(Page(state, shell, caller): Page) -> PageResult {
    list_as_it_is(&state, shell, &caller, Back::Region).await
}

async fn order(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<OrderForm>,
) -> PageResult {
    let input = OrderInput {
        display_name: form.display_name.clone(),
        email: form.email.clone(),
        username: form.username.clone(),
    };
    match staff::order(&state.store, &caller, id, &input).await {
        Ok(_) => Ok(Redirect::to(&Back::Centre(id).path()).into_response()),
        Err(ApiError::Invalid { errors, .. }) => {
            let errors = FormErrors::localized(errors, shell.lang, ORDER_LABELS);
            let page = list_page(
                &state,
                shell,
                &caller,
                Back::Centre(id),
                form,
                errors,
                String::new(),
            )
            .await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(error) => Err(error.into()),
    }
}
