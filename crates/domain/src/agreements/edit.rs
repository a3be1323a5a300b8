//! An edit of an agreement (R-AGR-9): the edit gives every price again as agreed, and the
//! validation starts each one unregulated. A price whose agreed amount and regulation terms the
//! edit leaves as they were keeps its regulations so far (its current amount and the date of the
//! last regulation); a price with a new amount or new terms starts again from its amount.

use super::terms::{AgreementTerms, Price, UnitTerms};

impl AgreementTerms {
    /// Carries the regulations of `previous` over to the unchanged prices of these terms. Units
    /// are matched by centre, place and meal tiers by priority.
    pub fn keep_regulations_of(&mut self, previous: &AgreementTerms) {
        for unit in &mut self.units {
            if let Some(before) = previous.unit_of(unit.centre_id) {
                keep_unit(unit, before);
            }
        }
    }
}

fn keep_unit(unit: &mut UnitTerms, before: &UnitTerms) {
    keep(
        &mut unit.fixed_annual_operating,
        &before.fixed_annual_operating,
    );
    keep(&mut unit.fixed_annual_rent, &before.fixed_annual_rent);
    for tier in &mut unit.unit_tiers {
        let earlier = before
            .unit_tiers
            .iter()
            .find(|t| t.priority == tier.priority);
        if let Some(earlier) = earlier {
            keep(&mut tier.price, &earlier.price);
        }
    }
    for tier in &mut unit.meal_tiers {
        let earlier = before
            .meal_tiers
            .iter()
            .find(|t| t.priority == tier.priority);
        if let Some(earlier) = earlier {
            keep(&mut tier.price, &earlier.price);
        }
    }
}

fn keep(price: &mut Price, before: &Price) {
    if price.regulation.is_some()
        && price.amount == before.amount
        && price.regulation == before.regulation
    {
        price.current = before.current;
        price.regulated_on = before.regulated_on;
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::inconsistent_digit_grouping)] // øre written as kroner_øre
    use chrono::NaiveDate;

    use crate::agreements::{
        AgreementInput, PriceInput, PriceTermsInput, RegulationInput, TierInput, UnitInput,
    };
    use crate::money::Ore;

    fn regulated(amount: i64) -> PriceInput {
        PriceInput::Terms(PriceTermsInput {
            amount,
            regulation: Some(RegulationInput::default()),
            payment: None,
        })
    }

    fn input(rent: i64, tier_price: i64) -> AgreementInput {
        AgreementInput {
            kind: "H".into(),
            operator_id: 1,
            signed: "2025-11-01".into(),
            operation_start: "2026-01-01".into(),
            valid_from: "2026-01-01".into(),
            valid_to: "2029-01-01".into(),
            notice_period_months: 3,
            units: vec![UnitInput {
                centre_id: 7,
                fixed_annual_rent: regulated(rent),
                unit_tiers: vec![TierInput {
                    priority: 1,
                    kind: "unit_price".into(),
                    places: 20,
                    price: regulated(tier_price),
                }],
                ..UnitInput::default()
            }],
            ..AgreementInput::default()
        }
    }

    #[test]
    fn r_agr_9_an_edit_keeps_the_regulations_of_unchanged_prices_only() {
        let mut stored = input(2_400_000_00, 450_00).validate().unwrap();
        let on = NaiveDate::from_ymd_opt(2027, 8, 1);
        let unit = &mut stored.units[0];
        for price in [&mut unit.fixed_annual_rent, &mut unit.unit_tiers[0].price] {
            price.current = Ore(price.amount.0 + 1_00);
            price.regulated_on = on;
        }
        let mut edited = input(2_400_000_00, 475_00).validate().unwrap();
        edited.keep_regulations_of(&stored);
        let rent = &edited.units[0].fixed_annual_rent;
        assert_eq!((rent.current, rent.regulated_on), (Ore(2_400_001_00), on));
        let tier = &edited.units[0].unit_tiers[0].price;
        assert_eq!((tier.current, tier.regulated_on), (Ore(475_00), None));
    }
}
