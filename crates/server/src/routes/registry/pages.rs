//! The registry's pages: centre list, centre page with history and lifecycle, forms, operators.

mod centre_forms;
mod centre_list;
mod centre_page;
mod lifecycle;
mod operators;

use axum::Router;

use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .merge(centre_list::router())
        .merge(centre_page::router())
        .merge(centre_forms::router())
        .merge(lifecycle::router())
        .merge(operators::router())
}

/// Labels of codes, for tables and selects.
pub fn category_label(code: &str) -> &'static str {
    match code {
        "ordinary" => "Ordinært mottak",
        "unaccompanied_minors" => "EM-mottak (enslige mindreårige)",
        "transit" => "Transittmottak",
        "emergency" => "Akuttinnkvartering",
        "special_care" => "Bo- og omsorgsløsning",
        _ => "?",
    }
}

pub fn place_type_label(code: &str) -> &'static str {
    match code {
        "ordinary" => "Ordinær",
        "transit" => "Transitt",
        "youth_over_15" => "EM over 15 år",
        "youth_under_15" => "EM under 15 år",
        "transit_48h" => "48-timers transitt",
        "departure" => "Utreise",
        "reinforced" => "Forsterket",
        "other" => "Annet",
        "emergency" => "Nødplass",
        _ => "?",
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
    label: fn(&str) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    codes.iter().map(|code| (*code, label(code))).collect()
}

pub use crate::form_errors::FormErrors;
