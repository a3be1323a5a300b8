//! A centre's page: its data, accounting completeness, history with links, the edit form
//! within the caller's rights, and the lifecycle actions.

use askama::Template;
use axum::Router;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::get;
use mottak_domain::access::Capability;
use mottak_domain::agreements::{CentreWindows, centre_windows};
use serde::Deserialize;

use super::{
    CATEGORIES, FormErrors, PLACE_TYPES, category_label, operator_label, options, place_type_label,
};
use crate::auth::csrf::CsrfForm;
use crate::auth::{Caller, allow};
use crate::error::PageError;
use crate::form_errors::Labels;
use crate::names;
use crate::pages::{Page, PageResult, Shell, display_date, display_timestamp, render};
use crate::registry::scope::{self, EditRights};
use crate::registry::{self, CentrePatch, RegistryError};
use crate::routes::agreements::{AgreementRow, agreement_rows};
use crate::routes::registry::api::load_centre;
use crate::routes::registry::views::{CentreView, centre_view};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route(
        "/centres/{id}",
        get(centre_page)
            .post(update_centre)
            .route_layer(allow(Capability::ReadRegistry)),
    )
}

pub struct HistoryRow {
    pub time: String,
    pub operation: String,
    pub summary: String,
    pub related: Option<(i64, String)>,
    pub actor: String,
}

#[derive(Template)]
#[template(path = "registry/centre.html")]
pub struct CentrePage {
    pub shell: Shell,
    pub centre: CentreView,
    pub category: &'static str,
    pub place_type: &'static str,
    pub municipality_name: String,
    pub postal_place: String,
    /// The names beside the edit form's municipality number and postal code: the stored ones,
    /// or those of what was typed when the form comes back with errors.
    pub municipality_shown: String,
    pub postal_shown: String,
    /// Issue 17: the postal code's place is another municipality's name (a warning).
    pub postal_warning: String,
    pub history: Vec<HistoryRow>,
    pub successors: Vec<(i64, String, String)>,
    pub predecessor: Option<(i64, String)>,
    pub rights: EditRights,
    pub national: bool,
    pub errors: FormErrors,
    pub saved: bool,
    pub place_types: Vec<(&'static str, &'static str)>,
    pub categories: Vec<(&'static str, &'static str)>,
    pub operators: Vec<(i64, String)>,
    /// `(number, name)` for the municipality field's list.
    pub municipalities: Vec<(String, String)>,
    /// The missing accounting fields by their labels, in the user's language.
    pub missing_accounting: String,
    pub agreements: Vec<AgreementRow>,
    /// This month, for the link to the occupancy page (`YYYY-MM`).
    pub current_month: String,
    /// The windows the centre's agreements open, as the screen shows them (last days).
    pub windows: Option<WindowsView>,
    /// R-AGR-12: residents still living at the number this one replaced.
    pub residents_to_move: usize,
    /// R-PLN-2: the phase today (or that no agreement is in force) and the routing rule.
    pub routing_phase: &'static str,
    pub routing_rule: &'static str,
}

/// R-PLN-1 and R-CLM-6 on screen: first and last day of staff access, last day for claims.
pub struct WindowsView {
    pub access_from: String,
    pub access_last_day: String,
    pub claims_last_day: String,
}

fn windows_view(windows: CentreWindows) -> WindowsView {
    let last_day = |end: chrono::NaiveDate| display_date(end.pred_opt().unwrap_or(end));
    WindowsView {
        access_from: display_date(windows.staff_access.from()),
        access_last_day: last_day(windows.staff_access.end()),
        claims_last_day: last_day(windows.claims_close),
    }
}

pub async fn centre_page_for(
    state: &AppState,
    shell: Shell,
    caller: &Caller,
    id: i64,
    errors: FormErrors,
    saved: bool,
) -> Result<CentrePage, PageError> {
    let (centre, operator) = load_centre(state, caller, id).await?;
    let history = state.store.centre_history(id).await?;
    let municipalities = names::municipality_choices(&state.store).await?;
    let municipality_name = municipalities
        .iter()
        .find(|(number, _)| *number == centre.fields.municipality_number)
        .map(|(_, name)| name.clone())
        .unwrap_or_default();
    let postal_place = names::postal_place(&state.store, &centre.fields.postal_code).await;
    let postal_warning = names::postal_code_warning(
        &state.store,
        &centre.fields.municipality_number,
        &centre.fields.postal_code,
    )
    .await?
    .map(|warning| names::postal_warning_text(&warning, shell.lang))
    .unwrap_or_default();
    let predecessor = match centre.predecessor_id {
        Some(id) => state
            .store
            .centre(id)
            .await
            .ok()
            .map(|old| (old.id, format!("{} {}", old.number, old.name))),
        None => None,
    };
    let successors = state
        .store
        .centre_successors(id)
        .await?
        .into_iter()
        .map(|new| (new.id, new.number, new.name))
        .collect();
    let national = scope::is_national(caller);
    let operators = if national {
        state
            .store
            .operators()
            .await?
            .into_iter()
            .map(|operator| (operator.id, operator_label(&operator)))
            .collect()
    } else {
        Vec::new()
    };
    let view = centre_view(&centre, &operator, &history);
    let missing_accounting = view
        .accounting
        .missing
        .iter()
        .map(|field| {
            EDIT_LABELS
                .iter()
                .chain(&[("organisation_number", "registry.organisation_number")])
                .find(|(name, _)| name == field)
                .map_or(field.as_str(), |(_, key)| shell.t(key))
        })
        .collect::<Vec<_>>()
        .join(", ");
    let agreements = agreement_rows(state, caller, Some(id), None).await?;
    let all_agreements = state.store.agreements(Some(id), None).await?;
    let windows = centre_windows(all_agreements.iter().map(|a| a.terms.validity()));
    let today_text = crate::occupancy::today().format("%Y-%m-%d").to_string();
    let residents_to_move = state.store.residents_to_move(id, &today_text).await?.len();
    let routing =
        crate::plans::routing::centre_routing(&state.store, id, crate::occupancy::today()).await?;
    Ok(CentrePage {
        routing_phase: match routing.phase {
            Some(phase) => shell.t(&format!("plans.phase.{}", phase.code())),
            None => shell.t("routing.no_phase"),
        },
        routing_rule: routing.routing.map_or("", |routing| {
            shell.t(&format!("routing.rule.{}", routing.code()))
        }),
        agreements,
        windows: windows.map(windows_view),
        residents_to_move,
        current_month: crate::occupancy::today().format("%Y-%m").to_string(),
        category: category_label(&centre.category, shell.lang),
        place_type: place_type_label(&centre.place_type, shell.lang),
        history: history
            .iter()
            .map(|record| HistoryRow {
                time: display_timestamp(&record.occurred_at),
                operation: record.operation.clone(),
                summary: record.summary.clone(),
                related: record.related_centre_id.zip(record.related_number.clone()),
                actor: record.actor_name.clone(),
            })
            .collect(),
        centre: view,
        municipality_shown: municipality_name.clone(),
        postal_shown: postal_place.clone(),
        municipality_name,
        postal_place,
        postal_warning,
        municipalities,
        successors,
        predecessor,
        rights: scope::edit_rights(caller),
        national,
        errors,
        saved,
        place_types: options(&PLACE_TYPES, place_type_label, shell.lang),
        categories: options(&CATEGORIES, category_label, shell.lang),
        operators,
        missing_accounting,
        shell: shell.with_title("registry.centre"),
    })
}

async fn centre_page(Page(state, shell, caller): Page, Path(id): Path<i64>) -> PageResult {
    Ok(render(
        &centre_page_for(&state, shell, &caller, id, FormErrors::default(), false).await?,
    ))
}

/// The edit form: every field the caller may edit is present; the others are absent.
#[derive(Deserialize, Default)]
#[serde(default)]
struct EditForm {
    version: i64,
    visiting_address: Option<String>,
    postal_address: Option<String>,
    postal_code: Option<String>,
    municipality_number: Option<String>,
    phone: Option<String>,
    email: Option<String>,
    leader: Option<String>,
    ip_address: Option<String>,
    mailbox_name: Option<String>,
    has_video_equipment: Option<String>,
    external_cost_centre: Option<String>,
    udi_cost_centre: Option<String>,
    supplier_number_benefits: Option<String>,
    supplier_number_operation: Option<String>,
    bank_account_benefits: Option<String>,
    bank_account_operation: Option<String>,
}

async fn update_centre(
    Page(state, shell, caller): Page,
    Path(id): Path<i64>,
    CsrfForm(form): CsrfForm<EditForm>,
) -> PageResult {
    load_centre(&state, &caller, id).await?;
    let rights = scope::edit_rights(&caller);
    let patch = CentrePatch {
        version: form.version,
        region: None,
        // A checkbox is absent when unchecked; the form always has it for those who may edit.
        has_video_equipment: rights.contact.then_some(form.has_video_equipment.is_some()),
        municipality_number: form.municipality_number.clone(),
        postal_code: form.postal_code.clone(),
        visiting_address: form.visiting_address.clone(),
        postal_address: form.postal_address.clone(),
        phone: form.phone.clone(),
        email: form.email.clone(),
        leader: form.leader.clone(),
        ip_address: form.ip_address.clone(),
        mailbox_name: form.mailbox_name.clone(),
        external_cost_centre: form.external_cost_centre.clone(),
        udi_cost_centre: form.udi_cost_centre.clone(),
        supplier_number_benefits: form.supplier_number_benefits.clone(),
        supplier_number_operation: form.supplier_number_operation.clone(),
        bank_account_benefits: form.bank_account_benefits.clone(),
        bank_account_operation: form.bank_account_operation.clone(),
    };
    let lang = shell.lang;
    let (errors, status) =
        match registry::update_centre(&state.store, &caller.actor(), rights, id, &patch).await {
            Ok(_) => (FormErrors::default(), StatusCode::OK),
            Err(RegistryError::Invalid(errors)) => (
                FormErrors::localized(errors, lang, EDIT_LABELS),
                StatusCode::BAD_REQUEST,
            ),
            Err(RegistryError::Conflict { problem, .. }) => {
                (FormErrors::conflict(&problem, lang), StatusCode::CONFLICT)
            }
            Err(error) => return Err(error.into()),
        };
    let saved = status == StatusCode::OK;
    let mut page = centre_page_for(&state, shell, &caller, id, errors, saved).await?;
    if !saved {
        keep_input(&mut page.centre, form);
        page.municipality_shown = page
            .municipalities
            .iter()
            .find(|(number, _)| *number == page.centre.municipality_number.trim())
            .map(|(_, name)| name.clone())
            .unwrap_or_default();
        page.postal_shown = names::postal_place(&state.store, &page.centre.postal_code).await;
    }
    Ok((status, render(&page)).into_response())
}

/// The edit form's fields and their labels.
const EDIT_LABELS: &Labels = &[
    ("visiting_address", "registry.visiting_address"),
    ("postal_address", "registry.postal_address"),
    ("phone", "registry.phone"),
    ("email", "registry.email"),
    ("leader", "registry.leader"),
    ("ip_address", "registry.ip_address"),
    ("mailbox_name", "registry.mailbox_name"),
    ("postal_code", "registry.postal_code"),
    ("municipality_number", "registry.municipality_number"),
    ("external_cost_centre", "registry.external_cost_centre"),
    ("udi_cost_centre", "registry.udi_cost_centre"),
    ("supplier_number_benefits", "registry.supplier_benefits"),
    ("supplier_number_operation", "registry.supplier_operation"),
    ("bank_account_benefits", "registry.bank_benefits"),
    ("bank_account_operation", "registry.bank_operation"),
    ("has_video_equipment", "registry.video"),
];

/// A refused edit shows what the user typed, not the stored values.
fn keep_input(centre: &mut CentreView, form: EditForm) {
    let typed = |stored: &mut Option<String>, input: Option<String>| {
        if let Some(input) = input {
            *stored = Some(input);
        }
    };
    typed(&mut centre.visiting_address, form.visiting_address);
    typed(&mut centre.postal_address, form.postal_address);
    typed(&mut centre.phone, form.phone);
    typed(&mut centre.email, form.email);
    typed(&mut centre.leader, form.leader);
    typed(&mut centre.ip_address, form.ip_address);
    typed(&mut centre.mailbox_name, form.mailbox_name);
    let accounting = &mut centre.accounting;
    typed(
        &mut accounting.external_cost_centre,
        form.external_cost_centre,
    );
    typed(&mut accounting.udi_cost_centre, form.udi_cost_centre);
    typed(
        &mut accounting.supplier_number_benefits,
        form.supplier_number_benefits,
    );
    typed(
        &mut accounting.supplier_number_operation,
        form.supplier_number_operation,
    );
    typed(
        &mut accounting.bank_account_benefits,
        form.bank_account_benefits,
    );
    typed(
        &mut accounting.bank_account_operation,
        form.bank_account_operation,
    );
    if let Some(code) = form.postal_code {
        centre.postal_code = code;
    }
    if let Some(number) = form.municipality_number {
        centre.municipality_number = number;
    }
}
