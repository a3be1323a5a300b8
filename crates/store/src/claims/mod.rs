//! Stored monthly claims (R-CLM-5): the claim row with its accounting state, one row per line and
//! per warning, and the days it was computed from. Rows are mapped to the domain's claim lines
//! and warnings here, so callers read domain values.
mod agreements;
mod read;
mod write;

use chrono::NaiveDate;
use mottak_domain::claims::{ClaimLine, ClaimWarning};
use mottak_domain::dates::Month;
use mottak_domain::money::Ore;
use sqlx::FromRow;

/// A claim line with what explains it beyond the engine's line: the agreements it came from and,
/// for a credit, the month it credits.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredLine {
    pub line: ClaimLine,
    /// The names of the agreements whose tier or transfer this line pays.
    pub agreements: Vec<String>,
    /// For a credit: the month whose difference it pays back (R-AGR-3).
    pub credits: Option<Month>,
    /// For a fixed transfer paid under payment terms other than monthly (R-AGR-10): the month
    /// whose earnings it pays.
    pub covers: Option<Month>,
}

/// A claim as stored, with its lines, warnings and days.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredClaim {
    pub id: i64,
    pub centre_id: i64,
    pub month: Month,
    pub total: Ore,
    /// The accounting header was complete (R-REG-8) when the claim was made.
    pub complete: bool,
    pub missing: Vec<String>,
    pub created_at: String,
    pub created_by: String,
    /// R-AGR-3: set when an agreement's end moved before days this claim paid.
    pub flagged_at: Option<String>,
    /// The claim that credited the difference.
    pub credited_in: Option<i64>,
    pub lines: Vec<StoredLine>,
    pub warnings: Vec<ClaimWarning>,
    /// Residents per day the claim was computed from.
    pub days: Vec<(NaiveDate, u32)>,
}

/// What a new claim stores.
pub struct NewClaim<'a> {
    pub centre_id: i64,
    pub month: Month,
    pub complete: bool,
    pub missing: &'a [String],
    pub created_by: &'a str,
    pub lines: &'a [StoredLine],
    pub warnings: &'a [ClaimWarning],
    pub days: &'a [(NaiveDate, u32)],
}

/// One row of a claims overview: the claim's header without its lines.
#[derive(Clone, Debug, PartialEq, Eq, FromRow)]
pub struct ClaimSummary {
    pub id: i64,
    pub centre_id: i64,
    pub month: String,
    pub total: i64,
    pub complete: i64,
    pub flagged_at: Option<String>,
}
