//! Index regulation of a price (indeksregulering, R-AGR-9).
//!
//! On a due date D the current price becomes
//! `current × (1 + pct/100 × (KPI(D)/KPI(P) − 1))`, where KPI(X) is the index of the month
//! `lag` months before X's month and P the previous regulation date (for the first, the base
//! date). The arithmetic is exact (integers in `i128`) and the result is rounded once to whole
//! øre, half away from zero.
//!
//! Decisions where the SPEC is silent:
//! - Due dates are the first regulation date, then the regulation month's first day in each
//!   following calendar year.
//! - A run on date D also makes up for due dates missed since the price's last regulation (a
//!   day the job did not run): each is applied in order, on its own date, so the result is what
//!   running on time would have given.
//! - The percentage lies in 0–100 % (hundredths of a percent), the lag in 0–12 months, and the
//!   base date before the first regulation date.

use chrono::{Datelike, NaiveDate};

use crate::cpi::{CpiIndex, CpiTable, MissingIndex};
use crate::dates::Month;
use crate::error::{FieldError, FieldErrors, Problem};
use crate::money::{Ore, divide_rounding_half_away};

/// 100 % in hundredths of a percent.
const HUNDRED_PERCENT: i64 = 10_000;

/// A share of the CPI change in hundredths of a percent: `Percent::whole(100)` is all of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(i64);

impl Percent {
    pub const ALL: Percent = Percent(HUNDRED_PERCENT);

    pub fn whole(percent: u32) -> Option<Percent> {
        Percent::from_hundredths(i64::from(percent) * 100)
    }

    /// `None` outside 0–100 %.
    pub fn from_hundredths(hundredths: i64) -> Option<Percent> {
        (0..=HUNDRED_PERCENT)
            .contains(&hundredths)
            .then_some(Percent(hundredths))
    }

    pub fn hundredths(self) -> i64 {
        self.0
    }
}

/// The regulation terms of one price, as given (`None`: the default of SPEC §10).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RegulationDraft {
    pub month: Option<u32>,
    pub percent: Option<i64>,
    pub base_date: Option<NaiveDate>,
    pub lag_months: Option<u32>,
    pub first_date: Option<NaiveDate>,
}

/// Valid regulation terms of one price (R-AGR-9).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegulationTerms {
    month: u32,
    percent: Percent,
    base_date: NaiveDate,
    lag_months: u32,
    first_date: NaiveDate,
}

pub const DEFAULT_MONTH: u32 = 8;
pub const DEFAULT_LAG_MONTHS: u32 = 2;
pub const MAX_LAG_MONTHS: u32 = 12;

impl RegulationDraft {
    /// The terms with SPEC §10's defaults for an agreement valid from `valid_from`, or every
    /// invalid field (named `{prefix}month`, `{prefix}percent`, …; the percent in hundredths).
    pub fn terms(
        self,
        valid_from: NaiveDate,
        prefix: &str,
    ) -> Result<RegulationTerms, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let field = |name: &str| format!("{prefix}{name}");
        let month = self.month.unwrap_or(DEFAULT_MONTH);
        if !(1..=12).contains(&month) {
            errors.push(FieldError::coded(field("month"), Problem::MonthNumber));
        }
        let percent = Percent::from_hundredths(self.percent.unwrap_or(HUNDRED_PERCENT));
        if percent.is_none() {
            errors.push(FieldError::coded(field("percent"), Problem::Percentage));
        }
        let lag_months = self.lag_months.unwrap_or(DEFAULT_LAG_MONTHS);
        if lag_months > MAX_LAG_MONTHS {
            errors.push(FieldError::coded(
                field("lag_months"),
                Problem::Months {
                    max: i64::from(MAX_LAG_MONTHS),
                },
            ));
        }
        let base_date = self.base_date.unwrap_or(valid_from);
        let earliest = NaiveDate::from_ymd_opt(valid_from.year() + 1, 1, 1);
        let first_date = match self.first_date {
            Some(date) => Some(date),
            None => NaiveDate::from_ymd_opt(valid_from.year() + 1, month.clamp(1, 12), 1),
        };
        match (first_date, earliest) {
            (Some(first), Some(earliest)) if first < earliest => errors.push(FieldError::coded(
                field("first_date"),
                Problem::EarliestFirstDate {
                    earliest: earliest.to_string(),
                },
            )),
            (Some(first), _) if base_date >= first => errors.push(FieldError::coded(
                field("base_date"),
                Problem::BeforeFirstRegulation,
            )),
            (None, _) | (_, None) => {
                errors.push(FieldError::coded(field("first_date"), Problem::Date));
            }
            _ => {}
        }
        errors.into_result(|| RegulationTerms {
            month,
            percent: percent.expect("checked"),
            base_date,
            lag_months,
            first_date: first_date.expect("checked"),
        })
    }
}

impl RegulationTerms {
    /// SPEC §10's defaults: August, 100 %, base date = valid-from, lag 2, first regulation in
    /// August of the year after valid-from.
    pub fn defaults(valid_from: NaiveDate) -> RegulationTerms {
        RegulationDraft::default()
            .terms(valid_from, "")
            .expect("the defaults are valid")
    }

    pub fn month(&self) -> u32 {
        self.month
    }
    pub fn percent(&self) -> Percent {
        self.percent
    }
    pub fn base_date(&self) -> NaiveDate {
        self.base_date
    }
    pub fn lag_months(&self) -> u32 {
        self.lag_months
    }
    pub fn first_date(&self) -> NaiveDate {
        self.first_date
    }

    /// Every due date in order: the first regulation date, then the regulation month's first
    /// day of each following year.
    pub fn due_dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        let later = (self.first_date.year() + 1..=9999)
            .filter_map(|year| NaiveDate::from_ymd_opt(year, self.month, 1));
        std::iter::once(self.first_date).chain(later)
    }

    /// The month whose index counts for a regulation (or base) on `date`: `lag` months before.
    pub fn index_month(&self, date: NaiveDate) -> Result<Month, MissingIndex> {
        let month = Month::of(date);
        month
            .add_months(-(self.lag_months as i32))
            .ok_or(MissingIndex { month })
    }
}

/// One price to regulate, as stored: what it is (`agreement_id`, `path` such as
/// `units[0].fixed_annual_rent`), its current amount and its last regulation date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceToRegulate {
    pub agreement_id: i64,
    pub path: String,
    pub current: Ore,
    pub regulated_on: Option<NaiveDate>,
    pub terms: RegulationTerms,
}

/// One regulation made: recorded with the price before and after and both indices (R-AGR-9).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Regulation {
    pub agreement_id: i64,
    pub path: String,
    pub date: NaiveDate,
    pub before: Ore,
    pub after: Ore,
    pub base_month: Month,
    pub index_base: CpiIndex,
    pub new_month: Month,
    pub index_new: CpiIndex,
}

const HUNDRED_PERCENT_WIDE: i128 = HUNDRED_PERCENT as i128;

/// A month's index as a regulation used it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IndexUsed {
    pub month: Month,
    pub index: CpiIndex,
}

/// The outcome of one regulation: the new price and the two indices it used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Regulated {
    pub after: Ore,
    pub base: IndexUsed,
    pub new: IndexUsed,
}

/// The price regulated on `date` from the previous regulation (or base) date `previous`.
pub fn regulate(
    current: Ore,
    previous: NaiveDate,
    date: NaiveDate,
    terms: &RegulationTerms,
    cpi: &CpiTable,
) -> Result<Regulated, MissingIndex> {
    let base_month = terms.index_month(previous)?;
    let new_month = terms.index_month(date)?;
    let base = cpi.index(base_month)?;
    let new = cpi.index(new_month)?;
    // current × (1 + p/10000 × (new/base − 1)) = current × (10000·base + p·(new − base)) / (10000·base)
    let (base_value, new_value) = (
        i128::from(base.thousandths()),
        i128::from(new.thousandths()),
    );
    let percent = i128::from(terms.percent.hundredths());
    let numerator = i128::from(current.0)
        * (HUNDRED_PERCENT_WIDE * base_value + percent * (new_value - base_value));
    let after = divide_rounding_half_away(numerator, HUNDRED_PERCENT_WIDE * base_value);
    Ok(Regulated {
        after: Ore(after),
        base: IndexUsed {
            month: base_month,
            index: base,
        },
        new: IndexUsed {
            month: new_month,
            index: new,
        },
    })
}

/// Every regulation due on or before `date` and not yet made, for all `prices` — or, when any
/// index is missing, nothing and the earliest missing month (the run is all or nothing).
pub fn regulate_all(
    prices: &[PriceToRegulate],
    date: NaiveDate,
    cpi: &CpiTable,
) -> Result<Vec<Regulation>, MissingIndex> {
    let mut regulations = Vec::new();
    let mut missing: Option<MissingIndex> = None;
    for price in prices {
        let mut current = price.current;
        let mut previous = price.regulated_on.unwrap_or(price.terms.base_date);
        let due = price
            .terms
            .due_dates()
            .skip_while(|due| price.regulated_on.is_some_and(|last| *due <= last))
            .take_while(|due| *due <= date);
        for due in due.collect::<Vec<_>>() {
            match regulate(current, previous, due, &price.terms, cpi) {
                Ok(Regulated { after, base, new }) => {
                    regulations.push(Regulation {
                        agreement_id: price.agreement_id,
                        path: price.path.clone(),
                        date: due,
                        before: current,
                        after,
                        base_month: base.month,
                        index_base: base.index,
                        new_month: new.month,
                        index_new: new.index,
                    });
                    current = after;
                    previous = due;
                }
                Err(error) => {
                    missing = Some(match missing {
                        Some(earlier) if earlier.month <= error.month => earlier,
                        _ => error,
                    });
                    break;
                }
            }
        }
    }
    match missing {
        Some(error) => Err(error),
        None => Ok(regulations),
    }
}

#[cfg(test)]
mod tests;
