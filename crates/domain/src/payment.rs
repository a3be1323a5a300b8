//! Payment terms of a price (betalingsbetingelser, R-AGR-10): in which month's claim the amount
//! a month earns (R-CLM-3) is paid.
//!
//! The claim of month M is made after M ends and covers M. So a price paid monthly is paid in
//! the claim of the month it covers, in arrears or in advance alike; a quarterly or yearly price
//! paid in arrears is paid in the claim of its period's last month (after the period), in
//! advance in the claim of its first month (at its start). Periods are counted from the month of
//! the first payment date; a one-off amount is paid once, in that month.
//!
//! Decision where the SPEC is silent: months before the first payment date's month are paid
//! with its first period (nothing is paid before the first payment date's period).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::dates::Month;

/// How often a price is paid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PaymentPeriod {
    OneOff,
    Monthly,
    Quarterly,
    Yearly,
}

impl PaymentPeriod {
    pub fn from_code(code: &str) -> Option<PaymentPeriod> {
        match code {
            "one_off" => Some(PaymentPeriod::OneOff),
            "monthly" => Some(PaymentPeriod::Monthly),
            "quarterly" => Some(PaymentPeriod::Quarterly),
            "yearly" => Some(PaymentPeriod::Yearly),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            PaymentPeriod::OneOff => "one_off",
            PaymentPeriod::Monthly => "monthly",
            PaymentPeriod::Quarterly => "quarterly",
            PaymentPeriod::Yearly => "yearly",
        }
    }

    /// Months per period; `None` for one-off.
    fn months(self) -> Option<i32> {
        match self {
            PaymentPeriod::OneOff => None,
            PaymentPeriod::Monthly => Some(1),
            PaymentPeriod::Quarterly => Some(3),
            PaymentPeriod::Yearly => Some(12),
        }
    }
}

/// The payment terms of one price (SPEC §10 defaults: in arrears, monthly, from valid-from).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Payment {
    pub in_advance: bool,
    pub period: PaymentPeriod,
    pub first_date: NaiveDate,
}

impl Payment {
    pub fn defaults(valid_from: NaiveDate) -> Payment {
        Payment {
            in_advance: false,
            period: PaymentPeriod::Monthly,
            first_date: valid_from,
        }
    }

    /// The claim month in which the amount that `earned` earns is paid.
    pub fn payment_month(&self, earned: Month) -> Month {
        let first = Month::of(self.first_date);
        let Some(length) = self.period.months() else {
            return first;
        };
        // Months before the first period belong to it.
        let period = earned.months_since(first).max(0) / length;
        let offset = period * length + if self.in_advance { 0 } else { length - 1 };
        first.add_months(offset).unwrap_or(earned)
    }

    /// Of the months `earned`, those paid in the claim of `claim` (in order).
    pub fn months_paid_in(
        &self,
        claim: Month,
        earned: impl IntoIterator<Item = Month>,
    ) -> Vec<Month> {
        earned
            .into_iter()
            .filter(|month| self.payment_month(*month) == claim)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_date;

    fn month(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    fn terms(in_advance: bool, period: PaymentPeriod, first: &str) -> Payment {
        Payment {
            in_advance,
            period,
            first_date: parse_date(first).unwrap(),
        }
    }

    fn year_2025() -> Vec<Month> {
        (1..=12).map(|m| Month::new(2025, m).unwrap()).collect()
    }

    #[test]
    fn r_agr_10_monthly_is_paid_in_the_month_it_covers() {
        for in_advance in [false, true] {
            let monthly = terms(in_advance, PaymentPeriod::Monthly, "2025-01-01");
            for earned in year_2025() {
                assert_eq!(monthly.payment_month(earned), earned);
            }
        }
        assert_eq!(
            Payment::defaults(parse_date("2025-03-10").unwrap()),
            terms(false, PaymentPeriod::Monthly, "2025-03-10")
        );
    }

    #[test]
    fn r_agr_10_quarters_in_arrears_are_paid_after_the_quarter() {
        // Quarters counted from February: Feb–Apr, May–Jul, Aug–Oct, Nov–Jan.
        let quarterly = terms(false, PaymentPeriod::Quarterly, "2025-02-15");
        let paid: Vec<Month> = year_2025()
            .into_iter()
            .map(|m| quarterly.payment_month(m))
            .collect();
        let expected: Vec<Month> = [
            "2025-04", "2025-04", "2025-04", "2025-04", "2025-07", "2025-07", "2025-07", "2025-10",
            "2025-10", "2025-10", "2026-01", "2026-01",
        ]
        .into_iter()
        .map(month)
        .collect();
        assert_eq!(paid, expected);
        assert_eq!(
            quarterly.months_paid_in(month("2025-07"), year_2025()),
            vec![month("2025-05"), month("2025-06"), month("2025-07")]
        );
    }

    #[test]
    fn r_agr_10_quarters_in_advance_are_paid_at_their_start() {
        let quarterly = terms(true, PaymentPeriod::Quarterly, "2025-01-01");
        assert_eq!(quarterly.payment_month(month("2025-03")), month("2025-01"));
        assert_eq!(quarterly.payment_month(month("2025-04")), month("2025-04"));
        assert_eq!(quarterly.payment_month(month("2025-12")), month("2025-10"));
    }

    #[test]
    fn r_agr_10_yearly_counts_years_from_the_first_payment_date() {
        let arrears = terms(false, PaymentPeriod::Yearly, "2025-07-01");
        assert_eq!(arrears.payment_month(month("2025-07")), month("2026-06"));
        assert_eq!(arrears.payment_month(month("2026-06")), month("2026-06"));
        assert_eq!(arrears.payment_month(month("2026-07")), month("2027-06"));
        let advance = terms(true, PaymentPeriod::Yearly, "2025-07-01");
        assert_eq!(advance.payment_month(month("2026-06")), month("2025-07"));
        assert_eq!(advance.payment_month(month("2026-07")), month("2026-07"));
    }

    #[test]
    fn r_agr_10_one_off_is_paid_in_the_month_of_the_first_payment_date() {
        let one_off = terms(false, PaymentPeriod::OneOff, "2025-05-20");
        for earned in year_2025() {
            assert_eq!(one_off.payment_month(earned), month("2025-05"));
        }
    }

    #[test]
    fn r_agr_10_months_before_the_first_period_go_with_it() {
        let quarterly = terms(false, PaymentPeriod::Quarterly, "2025-04-01");
        assert_eq!(quarterly.payment_month(month("2025-02")), month("2025-06"));
    }

    #[test]
    fn r_agr_10_period_codes_round_trip() {
        for period in [
            PaymentPeriod::OneOff,
            PaymentPeriod::Monthly,
            PaymentPeriod::Quarterly,
            PaymentPeriod::Yearly,
        ] {
            assert_eq!(PaymentPeriod::from_code(period.code()), Some(period));
        }
        assert_eq!(PaymentPeriod::from_code("weekly"), None);
    }
}
