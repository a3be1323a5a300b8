//! Centre numbers (mottaksnummer) and operator numbers (DRO-nummer): R-REG-1, R-REG-3.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{FieldError, Problem};

/// A number series (nummerserie): the two-digit prefix of a centre number, the pre-2020 county
/// (fylkesnummer) the centre lies in, or 35 for special care institutions (SPEC §2).
///
/// Any prefix 01–99 is well-formed; whether it is in the series table is reference data.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Series(String);

impl Series {
    /// Bo- og omsorgsløsninger for særskilte beboere (seed 000): not a county.
    pub const SPECIAL_CARE: &'static str = "35";

    pub fn parse(text: &str) -> Result<Series, FieldError> {
        let text = text.trim();
        if !is_digits(text, 2) || text == "00" {
            return Err(FieldError::coded(
                "series",
                Problem::SeriesDigits {
                    text: text.to_owned(),
                },
            ));
        }
        Ok(Series(text.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Series 35, used exactly for the special care category (R-REG-1).
    pub fn is_special_care(&self) -> bool {
        self.0 == Series::SPECIAL_CARE
    }
}

/// A centre number (mottaksnummer): the series, then a running number 01–99 (R-REG-1).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CentreNumber(String);

impl CentreNumber {
    pub fn parse(text: &str) -> Result<CentreNumber, FieldError> {
        let text = text.trim();
        if !is_digits(text, 4) {
            return Err(FieldError::coded(
                "number",
                Problem::CentreNumberDigits {
                    text: text.to_owned(),
                },
            ));
        }
        if &text[..2] == "00" || &text[2..] == "00" {
            return Err(FieldError::coded(
                "number",
                Problem::CentreNumberZero {
                    text: text.to_owned(),
                },
            ));
        }
        Ok(CentreNumber(text.to_owned()))
    }

    /// The number `running` (1–99) in `series`; `None` outside 1–99.
    pub fn from_parts(series: &Series, running: u8) -> Option<CentreNumber> {
        (1..=99)
            .contains(&running)
            .then(|| CentreNumber(format!("{}{running:02}", series.as_str())))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn series(&self) -> Series {
        Series(self.0[..2].to_owned())
    }

    /// The running number within the series, 1–99.
    pub fn running(&self) -> u8 {
        self.0[2..].parse().expect("two digits checked by parse")
    }

    /// A number given when registering an existing centre must lie in the chosen series (§10).
    pub fn check_in_series(&self, series: &Series) -> Result<(), FieldError> {
        if self.series() == *series {
            Ok(())
        } else {
            Err(FieldError::coded(
                "number",
                Problem::NotInSeries {
                    number: self.to_string(),
                    series: series.as_str().to_owned(),
                },
            ))
        }
    }
}

/// R-REG-1: the first free running number in `series`, not the highest plus one. `used` holds
/// every number ever given, closed centres included, so a number is never reused. Numbers of
/// other series in `used` are ignored.
pub fn first_free_number(
    series: &Series,
    used: &[CentreNumber],
) -> Result<CentreNumber, FieldError> {
    let mut taken = [false; 100];
    for number in used.iter().filter(|number| number.series() == *series) {
        taken[usize::from(number.running())] = true;
    }
    (1..=99u8)
        .find(|&running| !taken[usize::from(running)])
        .and_then(|running| CentreNumber::from_parts(series, running))
        .ok_or_else(|| {
            FieldError::coded(
                "series",
                Problem::SeriesFull {
                    series: series.as_str().to_owned(),
                },
            )
        })
}

/// An operator number (DRO-nummer): `DRO` followed by digits (R-REG-3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct DroNumber(u32);

impl DroNumber {
    /// New operators are numbered from here (seed 000: "ny serie starter med 1000").
    pub const FIRST_NEW: u32 = 1000;

    /// Accepts `DRO1000` (the prefix in any case, surrounding spaces ignored). Leading zeros are
    /// refused so that a number prints exactly as it was entered.
    pub fn parse(text: &str) -> Result<DroNumber, FieldError> {
        let text = text.trim();
        let invalid = || {
            FieldError::coded(
                "dro_number",
                Problem::DroFormat {
                    text: text.to_owned(),
                },
            )
        };
        let digits = text
            .get(..3)
            .filter(|prefix| prefix.eq_ignore_ascii_case("DRO"))
            .map(|_| &text[3..])
            .ok_or_else(invalid)?;
        if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(invalid());
        }
        if digits.starts_with('0') {
            return Err(FieldError::coded(
                "dro_number",
                Problem::DroLeadingZeros {
                    text: text.to_owned(),
                },
            ));
        }
        Ok(DroNumber(digits.parse().map_err(|_| invalid())?))
    }

    /// The number without the prefix; `None` for 0.
    pub fn new(value: u32) -> Option<DroNumber> {
        (value > 0).then_some(DroNumber(value))
    }

    pub fn value(self) -> u32 {
        self.0
    }
}

/// R-REG-3: the first free DRO number from 1000 upwards (older, lower numbers are left alone).
pub fn first_free_dro(used: &[DroNumber]) -> DroNumber {
    let mut taken: Vec<u32> = used
        .iter()
        .map(|number| number.0)
        .filter(|&value| value >= DroNumber::FIRST_NEW)
        .collect();
    taken.sort_unstable();
    taken.dedup();
    let mut candidate = DroNumber::FIRST_NEW;
    for value in taken {
        if value != candidate {
            break;
        }
        candidate += 1;
    }
    DroNumber(candidate)
}

fn is_digits(text: &str, count: usize) -> bool {
    text.len() == count && text.bytes().all(|b| b.is_ascii_digit())
}

macro_rules! string_conversions {
    ($type:ty) => {
        impl fmt::Display for $type {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
        impl AsRef<str> for $type {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl FromStr for $type {
            type Err = FieldError;
            fn from_str(text: &str) -> Result<Self, FieldError> {
                Self::parse(text)
            }
        }
        impl TryFrom<String> for $type {
            type Error = FieldError;
            fn try_from(text: String) -> Result<Self, FieldError> {
                Self::parse(&text)
            }
        }
        impl From<$type> for String {
            fn from(value: $type) -> String {
                value.0
            }
        }
    };
}
pub(crate) use string_conversions;

string_conversions!(Series);
string_conversions!(CentreNumber);

impl fmt::Display for DroNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DRO{}", self.0)
    }
}

impl FromStr for DroNumber {
    type Err = FieldError;
    fn from_str(text: &str) -> Result<DroNumber, FieldError> {
        DroNumber::parse(text)
    }
}

impl TryFrom<String> for DroNumber {
    type Error = FieldError;
    fn try_from(text: String) -> Result<DroNumber, FieldError> {
        DroNumber::parse(&text)
    }
}

impl From<DroNumber> for String {
    fn from(number: DroNumber) -> String {
        number.to_string()
    }
}
