//! Accounting data per centre number (konteringsinformasjon): R-REG-8.

use serde::{Deserialize, Serialize};

use super::identifiers::{BankAccountNumber, OrganisationNumber};

/// What a claim needs to be booked (seed 000 §5). Never copied to a new centre number (R-REG-2):
/// a new number gets a new external cost centre and supplier numbers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountingData {
    /// K-sted eksternt.
    pub external_cost_centre: Option<String>,
    /// K-sted UDI.
    pub udi_cost_centre: Option<String>,
    /// Leverandørnummer pengereglement (follows from the external cost centre).
    pub supplier_number_benefits: Option<String>,
    /// Leverandørnummer drift (follows from the external cost centre).
    pub supplier_number_operation: Option<String>,
    /// The operator's organisation number.
    pub organisation_number: Option<OrganisationNumber>,
    /// Bankkonto pengereglement.
    pub bank_account_benefits: Option<BankAccountNumber>,
    /// Bankkonto drift: operation claims are paid here.
    pub bank_account_operation: Option<BankAccountNumber>,
}

impl AccountingData {
    /// The field names, in the order of seed 000's table.
    pub const FIELDS: [&'static str; 7] = [
        "external_cost_centre",
        "udi_cost_centre",
        "supplier_number_benefits",
        "supplier_number_operation",
        "organisation_number",
        "bank_account_benefits",
        "bank_account_operation",
    ];

    /// The fields still missing, in the order of [`AccountingData::FIELDS`]. Blank text counts
    /// as missing.
    pub fn missing(&self) -> Vec<&'static str> {
        let present = [
            filled(&self.external_cost_centre),
            filled(&self.udi_cost_centre),
            filled(&self.supplier_number_benefits),
            filled(&self.supplier_number_operation),
            self.organisation_number.is_some(),
            self.bank_account_benefits.is_some(),
            self.bank_account_operation.is_some(),
        ];
        Self::FIELDS
            .into_iter()
            .zip(present)
            .filter(|(_, present)| !present)
            .map(|(field, _)| field)
            .collect()
    }

    /// R-REG-8: a claim is only correct when every field is present.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// The Norwegian label of a field of [`AccountingData::FIELDS`], as in seed 000.
    pub fn label_nb(field: &str) -> Option<&'static str> {
        Some(match field {
            "external_cost_centre" => "K-sted eksternt",
            "udi_cost_centre" => "K-sted UDI",
            "supplier_number_benefits" => "Leverandørnummer pengereglement",
            "supplier_number_operation" => "Leverandørnummer drift",
            "organisation_number" => "Organisasjonsnummer",
            "bank_account_benefits" => "Bankkonto pengereglement",
            "bank_account_operation" => "Bankkonto drift",
            _ => return None,
        })
    }
}

fn filled(text: &Option<String>) -> bool {
    text.as_deref().is_some_and(|text| !text.trim().is_empty())
}
