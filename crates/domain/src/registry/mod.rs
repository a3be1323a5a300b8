//! The registry of reception centres and operators (SPEC §3, rules R-REG-1 to R-REG-9), as pure
//! rules: the storage and the API call in with values and get values or [`FieldError`]s back.
//! What needs the database (numbers already used, reference data, the current centre) is passed
//! in by the caller.
//!
//! ```ignore
//! let series = Series::parse(&request.series)?;                    // 400 with field "series"
//! let number = first_free_number(&series, &store.numbers_ever_used(&series)?)?;
//! let mut warnings = series_warnings(&series, category, &old_counties)?;
//! warnings.extend(name_warnings(&name, category, place_type));
//! ```
//!
//! Decisions where the SPEC and seeds are silent:
//! - A series is any two digits 01–99; whether it is in the series table is reference data.
//!   Running number 00 is not a number. `first_free_number` ignores numbers of other series.
//! - DRO numbers have no leading zeros (so they print as entered) and at most nine digits;
//!   numbers below 1000 (the series before 2015) are valid but never allocated.
//! - Organisation numbers accept spaces; bank accounts spaces and dots. Both are stored as digits.
//! - Names (R-REG-5): "asylmottak" is matched in any case; the suffix expected is EM for
//!   unaccompanied minors, "transitt" for transit, "EM transitt" for youth places at a transit
//!   centre (seed 001's agreement names), "akutt" for emergency, FA for reinforced places at an
//!   ordinary centre, none otherwise (special care included). Names over 50 characters warn
//!   ("holdes kort").
//! - Series (§2): a mismatch of series 35 and special care is an error either way ("used exactly
//!   for"); an unknown old county for the municipality (empty list) is a warning, not silence.
//! - Category × place type (§2): the table has no rows for emergency and special care; their
//!   default place types (emergency, other) are taken as their only allowed ones.
//! - Lifecycle: closing keeps the number (it may be reopened and is never reused) and lists the
//!   residents to move; every operation that replaces a number (place type, category, operator)
//!   lists the residents at the old number (R-AGR-12); adding a place type does not. Only a closed
//!   centre can be reopened, only an open one closed or changed; a closed one can be renamed.
//! - Replacement numbers (R-REG-2) are judged as new centres (R-REG-1, R-REG-5): the series table,
//!   the region of the series, the same warnings. A series is given only when a change of category
//!   leaves series 35; a centre entering series 35, or staying in it, keeps the region entered for
//!   the old number. "One number per place type" spans the linked numbers that are still open.
//! - Address list CSV: the category column shows the Norwegian name; the JSON keeps the code.

pub mod accounting;
pub mod address_list;
pub mod category;
pub mod centre;
pub mod change;
pub mod csv;
pub mod free_text;
pub mod identifiers;
pub mod import;
pub mod lifecycle;
pub mod numbers;
pub mod operator;
pub mod postal;
pub mod registration;
pub mod warning;

pub use crate::error::FieldError;
pub use accounting::AccountingData;
pub use address_list::{ADDRESS_LIST_HEADER, AddressListEntry, to_csv};
pub use centre::{
    Category, LONG_NAME, NAME_SUFFIXES, NewNumber, centre_region, check_centre_email, check_email,
    check_new_number, expected_name_suffix, name_warnings, parse_place_type, place_type_warnings,
    series_region, series_warnings,
};
pub use change::{CentreChange, CheckedChange, check_centre_change};
pub use free_text::{check_free_text, check_free_texts, check_ip_address, check_phone};
pub use identifiers::{
    BankAccountNumber, MunicipalityNumber, OrganisationNumber, PostalCode,
    bank_account_check_digit, organisation_number_check_digit,
};
pub use import::{
    CENTRE_COLUMNS, CentreRow, CentreRowDecision, ImportRow, OPERATOR_COLUMNS, OperatorRow,
    RowReferences, check_centre_row, check_references, parse_centre_csv, parse_operator_csv,
};
pub use lifecycle::{
    CentreState, Consequence, LifecycleOperation, OPENING_TASKS, check_change,
    check_place_type_free, check_replacement, check_transition, replacement_series,
};
pub use numbers::{CentreNumber, DroNumber, Series, first_free_dro, first_free_number};
pub use operator::{OperatorDraft, OperatorRegistration, register_operator};
pub use postal::{PostalElsewhere, place_name, postal_code_elsewhere};
pub use registration::{
    CentreDraft, CentreRegistration, NumberRefused, RegistrySnapshot, parse_region, register_centre,
};
pub use warning::Warning;

#[cfg(test)]
mod tests;
