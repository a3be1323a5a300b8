//! Centre categories (mottakskategori, SPEC §3) and the category × place type table (SPEC §2).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Problem};
use crate::place_types::PlaceType;

/// Centre category (mottakskategori), with the API codes of SPEC §10.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Ordinært mottak.
    Ordinary,
    /// Mottak for enslige mindreårige (EM).
    UnaccompaniedMinors,
    /// Transittmottak.
    Transit,
    /// Akuttinnkvartering.
    Emergency,
    /// Bo- og omsorgsløsning for særskilte beboere (series 35).
    SpecialCare,
}

impl Category {
    pub const ALL: [Category; 5] = [
        Category::Ordinary,
        Category::UnaccompaniedMinors,
        Category::Transit,
        Category::Emergency,
        Category::SpecialCare,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Category::Ordinary => "ordinary",
            Category::UnaccompaniedMinors => "unaccompanied_minors",
            Category::Transit => "transit",
            Category::Emergency => "emergency",
            Category::SpecialCare => "special_care",
        }
    }

    pub fn parse(code: &str) -> Result<Category, FieldError> {
        let code = code.trim();
        Category::ALL
            .into_iter()
            .find(|category| category.code() == code)
            .ok_or_else(|| {
                FieldError::coded(
                    "category",
                    Problem::UnknownCategory {
                        code: code.to_owned(),
                    },
                )
            })
    }

    /// The place type a new centre gets when none is given (SPEC §10).
    pub fn default_place_type(self) -> PlaceType {
        match self {
            Category::Ordinary => PlaceType::Ordinary,
            Category::UnaccompaniedMinors => PlaceType::YouthOver15,
            Category::Transit => PlaceType::Transit,
            Category::Emergency => PlaceType::Emergency,
            Category::SpecialCare => PlaceType::Other,
        }
    }

    /// The place types the category × place type table allows (SPEC §2, seed 001 §1). The table
    /// has no rows for emergency and special care; their default place type is taken as allowed.
    pub fn allowed_place_types(self) -> &'static [PlaceType] {
        match self {
            Category::Ordinary => &[PlaceType::Ordinary, PlaceType::Reinforced],
            Category::UnaccompaniedMinors => &[PlaceType::YouthOver15],
            Category::Transit => &[PlaceType::Transit, PlaceType::YouthOver15],
            Category::Emergency => &[PlaceType::Emergency],
            Category::SpecialCare => &[PlaceType::Other],
        }
    }

    /// The suffix after "asylmottak" in the names of this category (R-REG-5); ordinary centres
    /// and special care institutions carry none. See [`super::centre::expected_name_suffix`] for place
    /// types.
    pub fn name_suffix(self) -> Option<&'static str> {
        match self {
            Category::Ordinary | Category::SpecialCare => None,
            Category::UnaccompaniedMinors => Some("EM"),
            Category::Transit => Some("transitt"),
            Category::Emergency => Some("akutt"),
        }
    }

    pub fn norwegian_name(self) -> &'static str {
        match self {
            Category::Ordinary => "ordinært mottak",
            Category::UnaccompaniedMinors => "mottak for enslige mindreårige",
            Category::Transit => "transittmottak",
            Category::Emergency => "akuttinnkvartering",
            Category::SpecialCare => "bo- og omsorgsløsning",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self {
            Category::Ordinary => "ordinary centre",
            Category::UnaccompaniedMinors => "centre for unaccompanied minors",
            Category::Transit => "transit centre",
            Category::Emergency => "emergency accommodation",
            Category::SpecialCare => "special care institution",
        }
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Category {
    type Err = FieldError;
    fn from_str(code: &str) -> Result<Category, FieldError> {
        Category::parse(code)
    }
}

/// The category's English name with its article: "an ordinary centre".
pub(super) fn with_article(category: Category) -> String {
    let name = category.english_name();
    let article = if name.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {name}")
}
