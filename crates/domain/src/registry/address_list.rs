//! The public address list of open centres (R-REG-9): CSV for the directorate's web site, and
//! the same entries as JSON. Only the centre's own contact data, never personal data (no leader,
//! no residents).

use serde::{Deserialize, Serialize};

use super::centre::{Category, capitalised};
use super::csv;

/// One open centre in the public list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressListEntry {
    pub number: String,
    pub name: String,
    /// The category's API code (`ordinary`, …); the CSV shows its Norwegian name.
    pub category: String,
    pub visiting_address: Option<String>,
    pub postal_address: Option<String>,
    pub postal_code: String,
    pub postal_place: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// The CSV header, in Norwegian for the web editors.
pub const ADDRESS_LIST_HEADER: [&str; 9] = [
    "Mottaksnummer",
    "Navn",
    "Kategori",
    "Besøksadresse",
    "Postadresse",
    "Postnummer",
    "Poststed",
    "Telefon",
    "E-post",
];

/// The list as CSV (SPEC §9): BOM, header row, one row per entry in the given order, CRLF.
pub fn to_csv(entries: &[AddressListEntry]) -> String {
    let mut out = String::from(csv::BOM);
    csv::write_row(&mut out, &ADDRESS_LIST_HEADER);
    for entry in entries {
        let category = Category::parse(&entry.category)
            .map(|category| capitalised(category.norwegian_name()))
            .unwrap_or_else(|_| entry.category.clone());
        let optional = |value: &Option<String>| value.clone().unwrap_or_default();
        csv::write_row(
            &mut out,
            &[
                entry.number.clone(),
                entry.name.clone(),
                category,
                optional(&entry.visiting_address),
                optional(&entry.postal_address),
                entry.postal_code.clone(),
                optional(&entry.postal_place),
                optional(&entry.phone),
                optional(&entry.email),
            ],
        );
    }
    out
}
