//! The regulation run (R-AGR-9), shared by `POST /api/v1/agreements/regulate` and the daily job:
//! every stored price with regulation terms that is due on or before a date is regulated from the
//! CPI table — all or nothing: a missing index month stops the whole run, naming the month. Each
//! regulated agreement gets a new version with the new current prices, every regulation is
//! recorded with the price before and after and both indices, and each agreement an event.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use mottak_domain::agreements::{AgreementTerms, Price};
use mottak_domain::regulation::{PriceToRegulate, Regulation, RegulationDraft, regulate_all};
use mottak_store::agreements::StoredAgreement;
use mottak_store::cpi::RegulationRecord;
use mottak_store::events::{Actor, EventDomain, NewEvent};
use mottak_store::{Store, StoreError};

/// Why a run regulated nothing.
#[derive(Debug, thiserror::Error)]
pub enum RegulationError {
    /// No index for this month (`YYYY-MM`): nothing was regulated.
    #[error("the consumer price index of {0} is missing; nothing was regulated")]
    MissingIndex(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The prices of an agreement that have regulation terms, with their paths
/// (`units[0].unit_tiers[1].price`).
fn prices_of(agreement: &StoredAgreement) -> Vec<PriceToRegulate> {
    let terms = &agreement.terms;
    let mut prices = Vec::new();
    let mut add = |path: String, price: &Price| {
        let Some(regulation) = &price.regulation else {
            return;
        };
        let draft = RegulationDraft {
            month: Some(regulation.month),
            percent: Some(i64::from(regulation.percent) * 100),
            base_date: Some(regulation.base_date),
            lag_months: Some(regulation.lag_months),
            first_date: Some(regulation.first_date),
        };
        // Terms the agreement's own validation let through but the regulation cannot use
        // (e.g. a first date before the base date) are left unregulated, as agreed prices.
        if let Ok(terms) = draft.terms(terms.valid_from, "") {
            prices.push(PriceToRegulate {
                agreement_id: agreement.id,
                path,
                current: price.current,
                regulated_on: price.regulated_on,
                terms,
            });
        }
    };
    for (i, unit) in terms.units.iter().enumerate() {
        add(
            format!("units[{i}].fixed_annual_operating"),
            &unit.fixed_annual_operating,
        );
        add(
            format!("units[{i}].fixed_annual_rent"),
            &unit.fixed_annual_rent,
        );
        for (j, tier) in unit.unit_tiers.iter().enumerate() {
            add(format!("units[{i}].unit_tiers[{j}].price"), &tier.price);
        }
        for (j, tier) in unit.meal_tiers.iter().enumerate() {
            add(format!("units[{i}].meal_tiers[{j}].price"), &tier.price);
        }
    }
    prices
}

/// The price at `path` in the agreement, for writing its regulated value.
fn price_at<'a>(terms: &'a mut AgreementTerms, path: &str) -> Option<&'a mut Price> {
    let (unit, rest) = path.strip_prefix("units[")?.split_once("].")?;
    let unit = terms.units.get_mut(unit.parse::<usize>().ok()?)?;
    match rest {
        "fixed_annual_operating" => Some(&mut unit.fixed_annual_operating),
        "fixed_annual_rent" => Some(&mut unit.fixed_annual_rent),
        _ => {
            let (list, index) = rest.strip_suffix("].price")?.split_once('[')?;
            let index = index.parse::<usize>().ok()?;
            match list {
                "unit_tiers" => unit.unit_tiers.get_mut(index).map(|tier| &mut tier.price),
                "meal_tiers" => unit.meal_tiers.get_mut(index).map(|tier| &mut tier.price),
                _ => None,
            }
        }
    }
}

/// Regulates every price due on or before `date`; returns the regulations made (none when
/// nothing was due).
pub async fn run(
    store: &Store,
    actor: &Actor,
    date: NaiveDate,
    run_id: &str,
) -> Result<Vec<Regulation>, RegulationError> {
    let cpi = store.cpi_table().await?;
    let mut tx = store.begin_write().await?;
    let agreements = tx.all_agreements().await?;
    let prices: Vec<PriceToRegulate> = agreements.iter().flat_map(prices_of).collect();
    let regulations = regulate_all(&prices, date, &cpi)
        .map_err(|missing| RegulationError::MissingIndex(missing.month.to_string()))?;
    if regulations.is_empty() {
        return Ok(regulations);
    }
    let mut by_agreement: BTreeMap<i64, Vec<&Regulation>> = BTreeMap::new();
    for regulation in &regulations {
        by_agreement
            .entry(regulation.agreement_id)
            .or_default()
            .push(regulation);
    }
    for agreement in &agreements {
        let Some(made) = by_agreement.get(&agreement.id) else {
            continue;
        };
        let mut terms = agreement.terms.clone();
        for regulation in made {
            if let Some(price) = price_at(&mut terms, &regulation.path) {
                price.current = regulation.after;
                price.regulated_on = Some(regulation.date);
            }
            tx.record_regulation(RegulationRecord { regulation, run_id })
                .await?;
        }
        tx.update_agreement(agreement.id, agreement.version, &terms, &actor.name)
            .await?;
        tx.record(
            NewEvent::new(
                actor,
                EventDomain::Registry,
                "agreement.regulated",
                "agreement",
                agreement.id,
            )
            .summary(serde_json::json!({
                "name": terms.name,
                "date": date,
                "prices": made.iter().map(|r| serde_json::json!({
                    "price": r.path, "date": r.date, "before": r.before.0, "after": r.after.0,
                    "index_base": r.index_base.to_string(), "index_new": r.index_new.to_string(),
                })).collect::<Vec<_>>(),
            })),
        )
        .await?;
    }
    tx.commit().await?;
    Ok(regulations)
}

/// The daily job: regulates what is due today; a missing index fails the run with its message.
pub async fn daily(store: Store, day: NaiveDate) -> anyhow::Result<String> {
    let actor = Actor::system("regulation");
    let made = run(&store, &actor, day, &format!("daily {day}")).await?;
    Ok(format!("{} prices regulated", made.len()))
}
