//! Money as integer øre (SPEC §9, R-CLM-4): never floating point.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Sub};

use serde::{Deserialize, Serialize};

/// An amount in øre (1/100 krone). Negative amounts exist (credits), so this is signed.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Ore(pub i64);

impl Ore {
    pub const ZERO: Ore = Ore(0);

    pub fn from_kroner(kroner: i64) -> Ore {
        Ore(kroner * 100)
    }

    /// `self × numerator / denominator`, rounded once to whole øre, half away from zero (R-CLM-4).
    pub fn scale(self, numerator: i64, denominator: i64) -> Ore {
        Ore(divide_rounding_half_away(
            i128::from(self.0) * i128::from(numerator),
            i128::from(denominator),
        ))
    }
}

/// Integer division rounding half away from zero. `denominator` must not be zero.
pub fn divide_rounding_half_away(numerator: i128, denominator: i128) -> i64 {
    assert!(denominator != 0, "division by zero");
    let (numerator, denominator) = if denominator < 0 {
        (-numerator, -denominator)
    } else {
        (numerator, denominator)
    };
    let quotient = numerator / denominator;
    let remainder = numerator % denominator;
    let rounded = if 2 * remainder.abs() >= denominator {
        quotient + numerator.signum()
    } else {
        quotient
    };
    i64::try_from(rounded).expect("amount fits in i64 øre")
}

impl Add for Ore {
    type Output = Ore;
    fn add(self, other: Ore) -> Ore {
        Ore(self.0 + other.0)
    }
}

impl AddAssign for Ore {
    fn add_assign(&mut self, other: Ore) {
        self.0 += other.0;
    }
}

impl Sub for Ore {
    type Output = Ore;
    fn sub(self, other: Ore) -> Ore {
        Ore(self.0 - other.0)
    }
}

impl Sum for Ore {
    fn sum<I: Iterator<Item = Ore>>(iter: I) -> Ore {
        iter.fold(Ore::ZERO, Add::add)
    }
}

impl Ore {
    /// Kroner as spreadsheets read them (SPEC §10's claim CSV): `1234,56`, `-0,05`, a decimal
    /// comma and no thousands separator.
    pub fn decimal_comma(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let absolute = self.0.unsigned_abs();
        format!("{sign}{},{:02}", absolute / 100, absolute % 100)
    }
}

/// Norwegian display: `kr 1 234,56` (non-breaking spaces between thousands groups).
impl fmt::Display for Ore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { "−" } else { "" };
        let absolute = self.0.unsigned_abs();
        let kroner = (absolute / 100).to_string();
        let mut grouped = String::new();
        for (index, digit) in kroner.chars().enumerate() {
            if index > 0 && (kroner.len() - index).is_multiple_of(3) {
                grouped.push('\u{a0}');
            }
            grouped.push(digit);
        }
        write!(f, "kr\u{a0}{sign}{grouped},{:02}", absolute % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_norwegian_format() {
        assert_eq!(Ore(123_456).to_string(), "kr\u{a0}1\u{a0}234,56");
        assert_eq!(Ore(5).to_string(), "kr\u{a0}0,05");
        assert_eq!(
            Ore(-100_000_000).to_string(),
            "kr\u{a0}−1\u{a0}000\u{a0}000,00"
        );
    }

    #[test]
    fn spreadsheet_kroner_have_a_decimal_comma_and_no_grouping() {
        assert_eq!(Ore(123_456).decimal_comma(), "1234,56");
        assert_eq!(Ore(-5).decimal_comma(), "-0,05");
        assert_eq!(Ore(0).decimal_comma(), "0,00");
    }

    #[test]
    fn r_clm_4_rounds_half_away_from_zero() {
        assert_eq!(divide_rounding_half_away(5, 2), 3);
        assert_eq!(divide_rounding_half_away(-5, 2), -3);
        assert_eq!(divide_rounding_half_away(4, 3), 1);
        assert_eq!(divide_rounding_half_away(-4, 3), -1);
        assert_eq!(Ore(100).scale(1, 3), Ore(33));
        assert_eq!(Ore(100).scale(2, 3), Ore(67));
    }
}
