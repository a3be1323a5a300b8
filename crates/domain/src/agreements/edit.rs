//! An edit of an agreement (R-AGR-9): the edit gives every price again as agreed, and the
//! validation starts each one unregulated. A price whose agreed amount and regulation terms the
//! edit leaves as they were keeps its regulations so far (its current amount and the date of the
//! last regulation); a price with a new amount or new terms starts again from its amount.

use std::collections::HashMap;

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

/// Each price of a unit by what it pays for: the fixed transfers, the tiers by priority.
fn prices(unit: &mut UnitTerms) -> Vec<(String, &mut Price)> {
    let mut prices = vec![
        ("operating".to_owned(), &mut unit.fixed_annual_operating),
        ("rent".to_owned(), &mut unit.fixed_annual_rent),
    ];
    for tier in &mut unit.unit_tiers {
        prices.push((format!("tier {}", tier.priority), &mut tier.price));
    }
    for tier in &mut unit.meal_tiers {
        prices.push((format!("meals {}", tier.priority), &mut tier.price));
    }
    prices
}

fn keep_unit(unit: &mut UnitTerms, before: &UnitTerms) {
    let mut before = before.clone();
    let earlier: HashMap<String, Price> = prices(&mut before)
        .into_iter()
        .map(|(key, price)| (key, price.clone()))
        .collect();
    for (key, price) in prices(unit) {
        if let Some(before) = earlier.get(&key) {
            keep(price, before);
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
