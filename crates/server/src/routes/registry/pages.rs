//! The registry's pages: centre list, centre page with history and lifecycle, forms, operators.

mod centre_forms;
mod centre_list;
mod centre_page;
mod exports;
mod lifecycle;
mod operators;

use axum::Router;

use mottak_store::registry::OperatorRecord;

use crate::i18n::Lang;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(centre_list::router())
        .merge(centre_page::router())
        .merge(centre_forms::router())
        .merge(lifecycle::router())
        .merge(operators::router())
        .merge(exports::router())
}

/// Labels of codes, for tables and selects, from the text catalogue.
pub fn category_label(code: &str, lang: Lang) -> &'static str {
    match code {
        "ordinary" | "unaccompanied_minors" | "transit" | "emergency" | "special_care" => {
            lang.text(&format!("category.{code}"))
        }
        _ => "?",
    }
}

/// A place type's label; the same words as the claims page's (the seed's "Nødplass").
pub fn place_type_label(code: &str, lang: Lang) -> &'static str {
    if PLACE_TYPES.contains(&code) {
        lang.text(&format!("claims.place_type.{code}"))
    } else {
        "?"
    }
}

pub const CATEGORIES: [&str; 5] = [
    "ordinary",
    "unaccompanied_minors",
    "transit",
    "emergency",
    "special_care",
];
pub const PLACE_TYPES: [&str; 9] = [
    "ordinary",
    "transit",
    "youth_over_15",
    "youth_under_15",
    "transit_48h",
    "departure",
    "reinforced",
    "other",
    "emergency",
];
pub const REGIONS: [&str; 6] = ["ØST", "SØR", "IØST", "NORD", "VEST", "MIDT"];

/// `(code, label)` pairs for a select.
pub fn options(
    codes: &[&'static str],
    label: fn(&str, Lang) -> &'static str,
    lang: Lang,
) -> Vec<(&'static str, &'static str)> {
    codes
        .iter()
        .map(|code| (*code, label(code, lang)))
        .collect()
}

/// An operator as a select names it: the name and the DRO number.
pub fn operator_label(operator: &OperatorRecord) -> String {
    format!("{} ({})", operator.fields.name, operator.dro())
}

/// `(id, label)` of each operator, for a select.
pub fn operator_choices(operators: &[OperatorRecord]) -> Vec<(String, String)> {
    operators
        .iter()
        .map(|operator| (operator.id.to_string(), operator_label(operator)))
        .collect()
}

pub use crate::form_errors::FormErrors;
