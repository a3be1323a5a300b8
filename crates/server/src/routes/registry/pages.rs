//! The registry's pages: centre list, centre page with history and lifecycle, forms, operators.

mod centre_forms;
mod centre_list;
mod centre_page;
mod lifecycle;
mod operators;

use axum::Router;
use mottak_domain::error::FieldError;

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

/// A form's errors by field name, shown beside the fields.
#[derive(Default, Debug, Clone)]
pub struct FormErrors {
    pub errors: Vec<(String, String)>,
    pub summary: String,
}

impl FormErrors {
    pub fn of(field: &str, message: &str) -> FormErrors {
        FormErrors {
            errors: vec![(field.to_owned(), message.to_owned())],
            summary: String::new(),
        }
    }

    /// Every error beside its field (the first of a field is shown).
    pub fn from_fields(errors: impl IntoIterator<Item = FieldError>) -> FormErrors {
        FormErrors {
            errors: errors
                .into_iter()
                .map(|error| (error.field, error.message))
                .collect(),
            summary: String::new(),
        }
    }

    pub fn get(&self, field: &str) -> &str {
        self.errors
            .iter()
            .find(|(name, _)| name == field)
            .map_or("", |(_, message)| message.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.summary.is_empty()
    }
}
