//! What the API and the pages show of registry records.

use mottak_domain::registry::{AccountingData, BankAccountNumber, OrganisationNumber};
use mottak_store::registry::{CentreRecord, HistoryRecord, OperatorRecord};
use serde::Serialize;

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct OperatorView {
    pub id: i64,
    pub dro_number: String,
    pub name: String,
    pub organisation_number: String,
    pub experienced: bool,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub postal_code: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub version: i64,
}

impl From<&OperatorRecord> for OperatorView {
    fn from(operator: &OperatorRecord) -> OperatorView {
        OperatorView {
            id: operator.id,
            dro_number: operator.dro(),
            name: operator.fields.name.clone(),
            organisation_number: operator.fields.organisation_number.clone(),
            experienced: operator.fields.experienced,
            visiting_address: operator.fields.visiting_address.clone(),
            postal_address: operator.fields.postal_address.clone(),
            postal_code: operator.fields.postal_code.clone(),
            phone: operator.fields.phone.clone(),
            email: operator.fields.email.clone(),
            version: operator.version,
        }
    }
}

/// R-REG-8: whether a claim on this centre can be correct, and what is missing.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct AccountingView {
    pub external_cost_centre: Option<String>,
    pub udi_cost_centre: Option<String>,
    pub supplier_number_benefits: Option<String>,
    pub supplier_number_operation: Option<String>,
    pub organisation_number: Option<String>,
    pub bank_account_benefits: Option<String>,
    pub bank_account_operation: Option<String>,
    pub complete: bool,
    pub missing: Vec<String>,
}

pub fn accounting(centre: &CentreRecord, operator: &OperatorRecord) -> AccountingView {
    let data = AccountingData {
        external_cost_centre: centre.fields.external_cost_centre.clone(),
        udi_cost_centre: centre.fields.udi_cost_centre.clone(),
        supplier_number_benefits: centre.fields.supplier_number_benefits.clone(),
        supplier_number_operation: centre.fields.supplier_number_operation.clone(),
        organisation_number: OrganisationNumber::parse(&operator.fields.organisation_number).ok(),
        bank_account_benefits: centre
            .fields
            .bank_account_benefits
            .as_deref()
            .and_then(|text| BankAccountNumber::parse("bank_account_benefits", text).ok()),
        bank_account_operation: centre
            .fields
            .bank_account_operation
            .as_deref()
            .and_then(|text| BankAccountNumber::parse("bank_account_operation", text).ok()),
    };
    AccountingView {
        external_cost_centre: centre.fields.external_cost_centre.clone(),
        udi_cost_centre: centre.fields.udi_cost_centre.clone(),
        supplier_number_benefits: centre.fields.supplier_number_benefits.clone(),
        supplier_number_operation: centre.fields.supplier_number_operation.clone(),
        organisation_number: Some(operator.fields.organisation_number.clone()),
        bank_account_benefits: centre.fields.bank_account_benefits.clone(),
        bank_account_operation: centre.fields.bank_account_operation.clone(),
        complete: data.is_complete(),
        missing: data.missing().into_iter().map(str::to_owned).collect(),
    }
}

/// The catalogue key of an accounting field's label (R-REG-8), as the centre form names it.
pub fn accounting_label(field: &str) -> &'static str {
    match field {
        "external_cost_centre" => "registry.external_cost_centre",
        "udi_cost_centre" => "registry.udi_cost_centre",
        "supplier_number_benefits" => "registry.supplier_benefits",
        "supplier_number_operation" => "registry.supplier_operation",
        "organisation_number" => "registry.organisation_number",
        "bank_account_benefits" => "registry.bank_benefits",
        _ => "registry.bank_operation",
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct HistoryView {
    pub occurred_at: String,
    pub operation: String,
    pub summary: String,
    pub related_centre_id: Option<i64>,
    pub related_number: Option<String>,
    pub actor: String,
}

impl From<&HistoryRecord> for HistoryView {
    fn from(record: &HistoryRecord) -> HistoryView {
        HistoryView {
            occurred_at: record.occurred_at.clone(),
            operation: record.operation.clone(),
            summary: record.summary.clone(),
            related_centre_id: record.related_centre_id,
            related_number: record.related_number.clone(),
            actor: record.actor_name.clone(),
        }
    }
}

#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct CentreView {
    pub id: i64,
    pub number: String,
    pub series: String,
    pub name: String,
    pub category: String,
    pub place_type: String,
    pub status: String,
    pub operator: OperatorView,
    pub region: String,
    pub municipality_number: String,
    pub postal_code: String,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub leader: Option<String>,
    pub ip_address: Option<String>,
    pub mailbox_name: Option<String>,
    pub has_video_equipment: bool,
    pub accounting: AccountingView,
    pub predecessor_id: Option<i64>,
    pub history: Vec<HistoryView>,
    pub version: i64,
}

pub fn centre_view(
    centre: &CentreRecord,
    operator: &OperatorRecord,
    history: &[HistoryRecord],
) -> CentreView {
    CentreView {
        id: centre.id,
        number: centre.number.clone(),
        series: centre.series.clone(),
        name: centre.name.clone(),
        category: centre.category.clone(),
        place_type: centre.place_type.clone(),
        status: centre.status.clone(),
        operator: OperatorView::from(operator),
        region: centre.fields.region.clone(),
        municipality_number: centre.fields.municipality_number.clone(),
        postal_code: centre.fields.postal_code.clone(),
        visiting_address: centre.fields.visiting_address.clone(),
        postal_address: centre.fields.postal_address.clone(),
        phone: centre.fields.phone.clone(),
        email: centre.fields.email.clone(),
        leader: centre.fields.leader.clone(),
        ip_address: centre.fields.ip_address.clone(),
        mailbox_name: centre.fields.mailbox_name.clone(),
        has_video_equipment: centre.fields.has_video_equipment,
        accounting: accounting(centre, operator),
        predecessor_id: centre.predecessor_id,
        history: history.iter().map(HistoryView::from).collect(),
        version: centre.version,
    }
}
