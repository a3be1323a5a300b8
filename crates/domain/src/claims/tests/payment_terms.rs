//! Payment terms in stored claims (R-AGR-10): what a month earns (R-CLM-3) is paid in the claim
//! the terms name; a year of fixed transfers sums exactly across a regulation (R-CLM-4, R-AGR-9).

use chrono::NaiveDate;
use proptest::prelude::*;

use super::super::stored::{ScheduledLine, StoredAgreement, StoredComputation, compute_stored};
use super::regulated_transfers::exact_year_rounded;
use super::stored::{CENTRE, day, residents, terms};
use super::*;
use crate::agreements::{AgreementTerms, PaymentPeriod};
use crate::claims::stored::PriceChange;
use crate::dates::DateRange;

const ANNUAL: i64 = 1_200_000_00;

fn stored_claim(month: &str, terms: &AgreementTerms, changes: &[PriceChange]) -> StoredComputation {
    let agreements = [StoredAgreement { id: 1, terms }];
    compute_stored(
        Month::parse(month).unwrap(),
        CENTRE,
        &agreements,
        changes,
        &residents(month, 2),
    )
    .expect("valid stored agreements")
}

fn paid_on(
    terms: &AgreementTerms,
    in_advance: bool,
    period: PaymentPeriod,
    first: &str,
) -> AgreementTerms {
    let mut terms = terms.clone();
    let payment = &mut terms.units[0].fixed_annual_operating.payment;
    payment.in_advance = in_advance;
    payment.period = period;
    payment.first_date = day(first);
    terms
}

fn fixed_engine_lines(claim: &StoredComputation) -> Vec<&ClaimLine> {
    (claim.claim.lines.iter())
        .filter(|line| line.kind == LineKind::FixedOperating)
        .collect()
}

fn covered(claim: &StoredComputation) -> Vec<(String, i64)> {
    (claim.scheduled.iter())
        .map(|ScheduledLine { line, covers, .. }| {
            (
                covers.map(|m| m.to_string()).unwrap_or_default(),
                line.amount.0,
            )
        })
        .collect()
}

#[test]
fn r_agr_10_quarterly_in_arrears_is_paid_in_the_quarters_last_month() {
    let quarterly = paid_on(
        &terms("2025-01-01", "2027-01-01", 800_00, ANNUAL),
        false,
        PaymentPeriod::Quarterly,
        "2025-01-01",
    );
    for month in ["2025-01", "2025-02"] {
        let claim = stored_claim(month, &quarterly, &[]);
        assert!(
            fixed_engine_lines(&claim).is_empty() && claim.scheduled.is_empty(),
            "{month}"
        );
    }
    let march = stored_claim("2025-03", &quarterly, &[]);
    assert!(fixed_engine_lines(&march).is_empty());
    assert_eq!(
        covered(&march),
        [
            ("2025-01".into(), 100_000_00),
            ("2025-02".into(), 100_000_00),
            ("2025-03".into(), 100_000_00)
        ]
    );
    let engine_total: Ore = march.claim.lines.iter().map(|line| line.amount).sum();
    assert_eq!(march.claim.total, engine_total + Ore(300_000_00));
}

#[test]
fn r_agr_10_quarterly_in_advance_is_paid_at_the_quarters_start() {
    let advance = paid_on(
        &terms("2025-01-01", "2027-01-01", 800_00, ANNUAL),
        true,
        PaymentPeriod::Quarterly,
        "2025-01-01",
    );
    let april = stored_claim("2025-04", &advance, &[]);
    assert_eq!(
        covered(&april),
        [
            ("2025-04".into(), 100_000_00),
            ("2025-05".into(), 100_000_00),
            ("2025-06".into(), 100_000_00)
        ]
    );
    assert!(stored_claim("2025-05", &advance, &[]).scheduled.is_empty());
}

#[test]
fn r_agr_10_monthly_terms_leave_the_simulation_as_it_is() {
    let plain = terms("2025-01-01", "2027-01-01", 800_00, ANNUAL);
    let advance = paid_on(&plain, true, PaymentPeriod::Monthly, "2025-01-01");
    for stored in [&plain, &advance] {
        let claim = stored_claim("2025-05", stored, &[]);
        assert!(claim.scheduled.is_empty());
        assert_eq!(fixed_engine_lines(&claim)[0].amount, Ore(100_000_00));
    }
}

#[test]
fn r_agr_10_a_one_off_price_is_paid_whole_in_its_first_payment_month() {
    let mut one_off = terms("2025-01-01", "2027-01-01", 800_00, 0);
    let rent = &mut one_off.units[0].fixed_annual_rent;
    rent.amount = Ore(50_000_00);
    rent.current = Ore(50_000_00);
    rent.payment.period = PaymentPeriod::OneOff;
    rent.payment.first_date = day("2025-03-10");
    let march = stored_claim("2025-03", &one_off, &[]);
    assert_eq!(march.scheduled.len(), 1);
    assert_eq!(march.scheduled[0].line.kind, LineKind::FixedRent);
    assert_eq!(march.scheduled[0].line.amount, Ore(50_000_00));
    for month in ["2025-02", "2025-04", "2026-03"] {
        let claim = stored_claim(month, &one_off, &[]);
        assert!(claim.scheduled.is_empty(), "{month}");
        assert!(
            claim
                .claim
                .lines
                .iter()
                .all(|line| line.kind != LineKind::FixedRent)
        );
    }
}

#[test]
fn r_agr_10_yearly_in_arrears_pays_the_year_in_its_last_month() {
    let yearly = paid_on(
        &terms("2025-07-01", "2027-07-01", 800_00, ANNUAL),
        false,
        PaymentPeriod::Yearly,
        "2025-07-01",
    );
    let june = stored_claim("2026-06", &yearly, &[]);
    assert_eq!(june.scheduled.len(), 12);
    assert_eq!(
        june.scheduled.iter().map(|s| s.line.amount.0).sum::<i64>(),
        ANNUAL
    );
    assert!(stored_claim("2026-05", &yearly, &[]).scheduled.is_empty());
}

fn regulation(on: NaiveDate, before: i64, after: i64) -> PriceChange {
    PriceChange {
        agreement_id: 1,
        price: "units[0].fixed_annual_operating".into(),
        date: on,
        before: Ore(before),
        after: Ore(after),
    }
}

fn year_of_fixed_transfers(stored: &AgreementTerms, changes: &[PriceChange]) -> i64 {
    (1..=12)
        .map(|m| {
            let claim = stored_claim(&format!("2025-{m:02}"), stored, changes);
            let engine: i64 = fixed_engine_lines(&claim)
                .iter()
                .map(|line| line.amount.0)
                .sum();
            engine + claim.scheduled.iter().map(|s| s.line.amount.0).sum::<i64>()
        })
        .sum()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// A regulated fixed transfer: the stored claims of a year add each period's share at its
    /// own annual amount and sum to the exact year, rounded once — paid monthly or quarterly.
    #[test]
    fn r_clm_4_a_year_of_stored_claims_sums_exactly_across_a_regulation(
        initial in 1..10_000_000_00i64,
        regulated in 1..10_000_000_00i64,
        change_day in 1..365u32,
        quarterly in any::<bool>(),
    ) {
        let mut stored = terms("2025-01-01", "2027-01-01", 0, initial);
        stored.units[0].fixed_annual_operating.current = Ore(regulated);
        if quarterly {
            stored = paid_on(&stored, false, PaymentPeriod::Quarterly, "2025-01-01");
        }
        let on = day("2025-01-01") + chrono::Days::new(u64::from(change_day));
        let changes = [regulation(on, initial, regulated)];
        let validity = DateRange::new(day("2025-01-01"), day("2026-01-01")).unwrap();
        prop_assert_eq!(
            year_of_fixed_transfers(&stored, &changes),
            exact_year_rounded(&[(on, regulated)], initial, validity, 2025)
        );
    }
}
