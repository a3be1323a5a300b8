//! Registry rules (R-REG-1 to R-REG-9), named after the rule they check.

use super::*;
use crate::place_types::PlaceType;

mod centre;
mod change;
mod exports;
mod free_text;
mod identifiers;
mod import;
mod lifecycle;
mod numbers;
mod operator;
mod properties;
mod registration;

fn series(text: &str) -> Series {
    Series::parse(text).expect("valid series")
}

fn number(text: &str) -> CentreNumber {
    CentreNumber::parse(text).expect("valid centre number")
}

fn dro(value: u32) -> DroNumber {
    DroNumber::new(value).expect("non-zero")
}
