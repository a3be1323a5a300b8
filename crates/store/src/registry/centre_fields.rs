//! The fields a centre's number does not decide, and their one mapping to and from the row.

use sqlx::any::AnyArguments;
use sqlx::query::Query;
use sqlx::{Any, FromRow};

use super::columns::{Columns, Value, bind_columns, changed_columns};
use crate::Stored;

/// The fields a centre's number does not decide: contact data, scope and accounting data.
#[derive(Clone, Debug, Default, PartialEq, FromRow)]
pub struct CentreFields {
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
    #[sqlx(try_from = "Stored<i64>")]
    pub has_video_equipment: bool,
    pub external_cost_centre: Option<String>,
    pub udi_cost_centre: Option<String>,
    pub supplier_number_benefits: Option<String>,
    pub supplier_number_operation: Option<String>,
    pub bank_account_benefits: Option<String>,
    pub bank_account_operation: Option<String>,
}

impl CentreFields {
    /// Each field with its column, in the order the statements name them.
    fn columns(&self) -> Columns<'_, 17> {
        [
            ("region", Value::Text(Some(&self.region))),
            (
                "municipality_number",
                Value::Text(Some(&self.municipality_number)),
            ),
            ("postal_code", Value::Text(Some(&self.postal_code))),
            ("visiting_address", Value::text(&self.visiting_address)),
            ("postal_address", Value::text(&self.postal_address)),
            ("phone", Value::text(&self.phone)),
            ("email", Value::text(&self.email)),
            ("leader", Value::text(&self.leader)),
            ("ip_address", Value::text(&self.ip_address)),
            ("mailbox_name", Value::text(&self.mailbox_name)),
            ("has_video_equipment", Value::Flag(self.has_video_equipment)),
            (
                "external_cost_centre",
                Value::text(&self.external_cost_centre),
            ),
            ("udi_cost_centre", Value::text(&self.udi_cost_centre)),
            (
                "supplier_number_benefits",
                Value::text(&self.supplier_number_benefits),
            ),
            (
                "supplier_number_operation",
                Value::text(&self.supplier_number_operation),
            ),
            (
                "bank_account_benefits",
                Value::text(&self.bank_account_benefits),
            ),
            (
                "bank_account_operation",
                Value::text(&self.bank_account_operation),
            ),
        ]
    }

    /// The fields' column names, in the order [`CentreFields::bind`] binds them.
    pub(crate) fn column_names() -> Vec<&'static str> {
        CentreFields::default()
            .columns()
            .iter()
            .map(|(name, _)| *name)
            .collect()
    }

    /// Binds the fields as the next parameters, in the order of [`CentreFields::column_names`].
    pub(crate) fn bind<'q>(
        &self,
        query: Query<'q, Any, AnyArguments>,
    ) -> Query<'q, Any, AnyArguments> {
        bind_columns(query, self.columns())
    }

    /// The names of the fields that differ from `before` (values stay out of the log, R-LOG-3).
    pub fn changed_from(&self, before: &CentreFields) -> Vec<&'static str> {
        changed_columns(self.columns(), before.columns())
    }
}
