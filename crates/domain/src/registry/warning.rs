//! A registry warning: the centre is saved, but something looks off (R-REG-1, R-REG-5, §2). The
//! domain says *what*, with its parameters; the API gives [`Warning::english`], and the
//! interface words it in the user's language (the server's `i18n::problems::warning_text`).

use std::fmt;

use super::category::{Category, with_article};
use super::centre::capitalised;
use super::postal::PostalElsewhere;
use crate::access::Region;
use crate::place_types::PlaceType;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// R-REG-5: the name is blank.
    NoName,
    /// R-REG-5: the name is longer than centre names are kept.
    NameLong { length: usize },
    /// R-REG-5: no "asylmottak" in the name.
    NameWithoutAsylmottak,
    /// R-REG-5: "asylmottak" first, without the centre's own name before it.
    NameStartsWithAsylmottak,
    /// R-REG-5: a word after "asylmottak" that is no suffix.
    NameUnknownSuffix { suffix: String },
    /// R-REG-5: a suffix where this category and place type carry none.
    NameNoSuffixExpected {
        category: Category,
        place_type: PlaceType,
    },
    /// R-REG-5: this category and place type are named "… asylmottak {expected}".
    NameSuffixExpected {
        category: Category,
        place_type: PlaceType,
        expected: &'static str,
    },
    /// §2: the municipality's pre-2020 county is not known, so the series was not checked.
    OldCountyUnknown { series: String },
    /// §2: the series is not one of the municipality's pre-2020 counties.
    NotOldCounty {
        series: String,
        counties: Vec<String>,
    },
    /// §2: a combination outside the category × place type table.
    UnusualPlaceType {
        category: Category,
        place_type: PlaceType,
        allowed: Vec<PlaceType>,
    },
    /// R-REG-1: a county series gives the region; the region given was ignored.
    RegionFollowsSeries { series: String, region: Region },
    /// The postal code's place is another municipality's name.
    PostalElsewhere(PostalElsewhere),
}

impl Warning {
    /// The warning in English, as the API gives warnings.
    pub fn english(&self) -> String {
        match self {
            Warning::NoName => "The centre has no name.".to_owned(),
            Warning::NameLong { length } => format!(
                "The name is {length} characters long; centre names are kept short (R-REG-5)."
            ),
            Warning::NameWithoutAsylmottak => {
                "The name should be the centre's own name followed by \"asylmottak\", like \
                 \"Lier asylmottak\" (R-REG-5)."
                    .to_owned()
            }
            Warning::NameStartsWithAsylmottak => {
                "The name should start with the centre's own name, before \"asylmottak\" \
                 (R-REG-5)."
                    .to_owned()
            }
            Warning::NameUnknownSuffix { suffix } => format!(
                "\"{suffix}\" after \"asylmottak\" is not one of the suffixes EM, transitt, FA, \
                 akutt (R-REG-5)."
            ),
            Warning::NameNoSuffixExpected {
                category,
                place_type,
            } => format!(
                "{} with {} places carries no suffix after \"asylmottak\" (R-REG-5).",
                capitalised(&with_article(*category)),
                place_type.code()
            ),
            Warning::NameSuffixExpected {
                category,
                place_type,
                expected,
            } => format!(
                "{} with {} places is normally named \"… asylmottak {expected}\" (R-REG-5).",
                capitalised(&with_article(*category)),
                place_type.code()
            ),
            Warning::OldCountyUnknown { series } => format!(
                "The municipality's pre-2020 county is not known, so series {series} could not be \
                 checked."
            ),
            Warning::NotOldCounty { series, counties } => format!(
                "Series {series} is not the municipality's pre-2020 county ({}).",
                counties.join(" or ")
            ),
            Warning::UnusualPlaceType {
                category,
                place_type,
                allowed,
            } => {
                let codes: Vec<&str> = allowed.iter().map(|place| place.code()).collect();
                format!(
                    "{} normally has {} places, not {}; the statistics depend on it.",
                    capitalised(&with_article(*category)),
                    codes.join(" or "),
                    place_type.code()
                )
            }
            Warning::RegionFollowsSeries { series, region } => {
                format!("the region follows series {series}: {}", region.code())
            }
            Warning::PostalElsewhere(elsewhere) => elsewhere.english(),
        }
    }

    /// Whether the English text holds `text` (for tests and logs).
    pub fn contains(&self, text: &str) -> bool {
        self.english().contains(text)
    }
}

/// The API gives a warning as its English sentence.
impl serde::Serialize for Warning {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.english())
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english())
    }
}

/// The warnings in English, as the API and the event log give them.
pub fn english(warnings: &[Warning]) -> Vec<String> {
    warnings.iter().map(Warning::english).collect()
}
