//! The consumer price index table (konsumprisindeksen, KPI) that index regulation reads
//! (R-AGR-9), and its CSV import (`YYYY-MM;index` rows).
//!
//! An index is an exact decimal kept as an integer of thousandths, so that the regulation
//! formula works on integers and never drifts as floating point would.

mod csv;

use std::collections::BTreeMap;
use std::fmt;

use crate::dates::Month;
use crate::error::Problem;

pub use csv::{CpiRow, parse_csv};

/// Thousandths of an index point: `136.4` is `136_400`.
const SCALE: i64 = 1000;

/// The largest index accepted (SSB's 2015 = 100 series is near 140 in 2025).
pub const MAX_INDEX: i64 = 100_000 * SCALE;

/// One month's index value, positive, with at most three decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CpiIndex(i64);

impl CpiIndex {
    /// From thousandths of a point, as stored; `None` unless 0 < value ≤ [`MAX_INDEX`].
    pub fn from_thousandths(thousandths: i64) -> Option<CpiIndex> {
        (1..=MAX_INDEX)
            .contains(&thousandths)
            .then_some(CpiIndex(thousandths))
    }

    pub fn thousandths(self) -> i64 {
        self.0
    }

    /// `136.4` or `136,4` (a Norwegian spreadsheet's decimal comma), at most three decimals.
    pub fn parse(text: &str) -> Result<CpiIndex, Problem> {
        const SHAPE: Problem = Problem::CpiIndexShape;
        let text = text.trim();
        let (whole, fraction) = match text.split_once(['.', ',']) {
            Some((whole, fraction)) => (whole, fraction),
            None => (text, ""),
        };
        let all_digits = |part: &str| part.bytes().all(|byte| byte.is_ascii_digit());
        if whole.is_empty() || whole.len() > 6 || fraction.len() > 3 {
            return Err(SHAPE);
        }
        if !all_digits(whole) || !all_digits(fraction) {
            return Err(SHAPE);
        }
        let whole: i64 = whole.parse().map_err(|_| SHAPE)?;
        let padded = format!("{fraction:0<3}");
        let fraction: i64 = padded.parse().map_err(|_| SHAPE)?;
        CpiIndex::from_thousandths(whole * SCALE + fraction).ok_or(Problem::CpiIndexRange)
    }
}

/// `136.4`, `100.0`, `136.125`: at least one decimal, no trailing zeros beyond it.
impl fmt::Display for CpiIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fraction = format!("{:03}", self.0 % SCALE);
        let fraction = fraction.trim_end_matches('0');
        let fraction = if fraction.is_empty() { "0" } else { fraction };
        write!(f, "{}.{fraction}", self.0 / SCALE)
    }
}

/// A month whose index the table does not have (R-AGR-9: a clear error, never a silent zero).
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the consumer price index for {month} is missing")]
pub struct MissingIndex {
    pub month: Month,
}

/// The index per month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CpiTable(BTreeMap<Month, CpiIndex>);

impl CpiTable {
    pub fn new() -> CpiTable {
        CpiTable::default()
    }

    pub fn insert(&mut self, month: Month, index: CpiIndex) {
        self.0.insert(month, index);
    }

    /// The month's index, or the error naming the month.
    pub fn index(&self, month: Month) -> Result<CpiIndex, MissingIndex> {
        self.0.get(&month).copied().ok_or(MissingIndex { month })
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Month, CpiIndex)> + '_ {
        self.0.iter().map(|(month, index)| (*month, *index))
    }
}

impl FromIterator<(Month, CpiIndex)> for CpiTable {
    fn from_iter<I: IntoIterator<Item = (Month, CpiIndex)>>(iter: I) -> CpiTable {
        CpiTable(iter.into_iter().collect())
    }
}

#[cfg(test)]
mod tests;
