//! Validation of the body of `POST /api/v1/agreements` (SPEC §10, [`super::request`]) into
//! [`AgreementTerms`]: every invalid field at once, as paths into the request
//! (`units[0].unit_tiers[1].price`). The §10 defaults of the price terms are applied here.

use super::queue::{QueueClash, QueueSlot, queue_clash};
use super::request::{AgreementInput, PaymentInput, PriceInput, RegulationInput, UnitInput};
use super::terms::{AgreementTerms, MealTier, PlaceTier, Price, Regulation, UnitTerms};
use super::{AgreementKind, TierKind};
use crate::claims::parse::{annual, capacity, count, price, priority};
use crate::dates::{DateRange, parse_date};
use crate::error::{FieldError, FieldErrors, Problem};
use crate::payment::{Payment, PaymentPeriod};
use chrono::{Datelike, NaiveDate};

/// Months of notice, extension and index lag are at most this (ten years).
pub const MAX_MONTHS: i64 = 120;

impl AgreementInput {
    /// Every term checked; the name is the given one trimmed, empty when it is to be proposed.
    pub fn validate(&self) -> Result<AgreementTerms, Vec<FieldError>> {
        let mut errors = FieldErrors::default();
        let kind = errors.check(
            AgreementKind::from_code(&self.kind)
                .ok_or_else(|| FieldError::coded("kind", Problem::AgreementKind)),
        );
        let mut date = |text: &str, field: &str| {
            errors.check(parse_date(text).ok_or_else(|| FieldError::coded(field, Problem::Date)))
        };
        let signed = date(&self.signed, "signed");
        let awarded = self.awarded.as_deref().map(|text| date(text, "awarded"));
        let operation_start = date(&self.operation_start, "operation_start");
        let valid_from = date(&self.valid_from, "valid_from");
        let valid_to = date(&self.valid_to, "valid_to");
        let stop_date = self
            .stop_date
            .as_deref()
            .map(|text| date(text, "stop_date"));
        if let (Some(from), Some(to)) = (valid_from, valid_to)
            && to <= from
        {
            errors.push(FieldError::coded("valid_to", Problem::AfterValidFrom));
        }
        if let (Some(from), Some(Some(stop))) = (valid_from, stop_date)
            && stop <= from
        {
            errors.push(FieldError::coded("stop_date", Problem::AfterValidFrom));
        }
        let notice = errors.check(months(self.notice_period_months, "notice_period_months"));
        let extension = self
            .extension_deadline_months
            .map(|value| errors.check(months(value, "extension_deadline_months")));
        let name = self.name.as_deref().map(str::trim).unwrap_or("").to_owned();
        if name.chars().count() > 200 {
            errors.push(FieldError::coded("name", Problem::TooLong { max: 200 }));
        }
        if self.units.is_empty() {
            errors.push(FieldError::coded("units", Problem::NoUnits));
        }
        let validity = match (valid_from, valid_to, stop_date) {
            (Some(from), Some(to), None) => DateRange::new(from, to),
            (Some(from), Some(_), Some(Some(stop))) => DateRange::new(from, stop),
            _ => None,
        };
        let defaults = Defaults {
            valid_from: valid_from.unwrap_or(NaiveDate::MIN),
        };
        let mut units = Vec::with_capacity(self.units.len());
        for (u, unit) in self.units.iter().enumerate() {
            if let Some(first) = self.units[..u]
                .iter()
                .position(|other| other.centre_id == unit.centre_id)
            {
                let problem = Problem::CentreTwice { first };
                errors.push(FieldError::coded(format!("units[{u}].centre_id"), problem));
            }
            if let Some(unit) = unit.validate(u, &defaults, validity, &mut errors) {
                units.push(unit);
            }
        }
        errors.into_result(|| AgreementTerms {
            kind: kind.expect("no errors"),
            operator_id: self.operator_id,
            name,
            signed: signed.expect("no errors"),
            awarded: awarded.flatten(),
            operation_start: operation_start.expect("no errors"),
            valid_from: valid_from.expect("no errors"),
            valid_to: valid_to.expect("no errors"),
            stop_date: stop_date.flatten(),
            notice_period_months: notice.expect("no errors"),
            notice_date: None,
            extension_deadline_months: extension.flatten(),
            intermunicipal: self.intermunicipal,
            remark: self
                .remark
                .as_deref()
                .map(str::trim)
                .filter(|remark| !remark.is_empty())
                .map(str::to_owned),
            units,
        })
    }
}

/// What the §10 defaults of price terms depend on.
struct Defaults {
    valid_from: NaiveDate,
}

impl UnitInput {
    fn validate(
        &self,
        u: usize,
        defaults: &Defaults,
        validity: Option<DateRange>,
        errors: &mut FieldErrors,
    ) -> Option<UnitTerms> {
        let at = |field: &str| format!("units[{u}].{field}");
        let fixed_places = errors.check(count(self.fixed_places, || at("fixed_places")));
        let standby_places = errors.check(count(self.standby_places, || at("standby_places")));
        let operating = self.fixed_annual_operating.validate(
            &at("fixed_annual_operating"),
            true,
            defaults,
            errors,
        );
        let rent =
            self.fixed_annual_rent
                .validate(&at("fixed_annual_rent"), true, defaults, errors);
        let mut unit_tiers = Vec::with_capacity(self.unit_tiers.len());
        for (t, tier) in self.unit_tiers.iter().enumerate() {
            let field = |name: &str| at(&format!("unit_tiers[{t}].{name}"));
            let priority = errors.check(priority(tier.priority, || field("priority")));
            let kind = errors.check(
                TierKind::from_code(&tier.kind)
                    .ok_or_else(|| FieldError::coded(field("kind"), Problem::TierKind)),
            );
            let places = errors.check(capacity(tier.places, || field("places")));
            let price = tier
                .price
                .validate(&field("price"), false, defaults, errors);
            if let (Some(priority), Some(kind), Some(places), Some(price)) =
                (priority, kind, places, price)
            {
                unit_tiers.push(PlaceTier {
                    priority,
                    kind,
                    places,
                    price,
                });
            }
        }
        if !self.canteen && !self.meal_tiers.is_empty() {
            errors.push(FieldError::coded(
                at("meal_tiers"),
                Problem::MealTiersNeedCanteen,
            ));
        }
        let mut meal_tiers = Vec::with_capacity(self.meal_tiers.len());
        for (t, tier) in self.meal_tiers.iter().enumerate() {
            let field = |name: &str| at(&format!("meal_tiers[{t}].{name}"));
            let priority = errors.check(priority(tier.priority, || field("priority")));
            let persons = errors.check(capacity(tier.persons, || field("persons")));
            let price = tier
                .price
                .validate(&field("price"), false, defaults, errors);
            if let (Some(priority), Some(persons), Some(price)) = (priority, persons, price) {
                meal_tiers.push(MealTier {
                    priority,
                    persons,
                    price,
                });
            }
        }
        // Within one agreement every tier has the same validity, so any repeat clashes.
        if let Some(validity) = validity {
            let place_slots: Vec<QueueSlot> = unit_tiers
                .iter()
                .map(|tier| QueueSlot::new(validity, tier.priority, tier.places))
                .collect();
            own_queue(&place_slots, &at("unit_tiers"), "places", errors);
            let meal_slots: Vec<QueueSlot> = meal_tiers
                .iter()
                .map(|tier| QueueSlot::new(validity, tier.priority, tier.persons))
                .collect();
            own_queue(&meal_slots, &at("meal_tiers"), "persons", errors);
        }
        Some(UnitTerms {
            centre_id: self.centre_id,
            canteen: self.canteen,
            fixed_places: fixed_places?,
            standby_places: standby_places?,
            fixed_annual_operating: operating?,
            fixed_annual_rent: rent?,
            unit_tiers,
            meal_tiers,
        })
    }
}

/// Duplicates and a misplaced unbounded tier within the agreement's own queue are invalid input.
fn own_queue(slots: &[QueueSlot], list: &str, capacity_field: &str, errors: &mut FieldErrors) {
    for (index, slot) in slots.iter().enumerate() {
        let found = slots.iter().enumerate().find_map(|(other, earlier)| {
            let field = match queue_clash(slot, earlier)? {
                QueueClash::Duplicate if other < index => "priority",
                QueueClash::UnboundedNotLast => capacity_field,
                _ => return None,
            };
            let clash = queue_clash(slot, earlier)?;
            let problem = Problem::TierClash {
                clash,
                other: format!("{list}[{other}]"),
                agreement: None,
            };
            Some((field, problem))
        });
        if let Some((field, problem)) = found {
            errors.push(FieldError::coded(
                format!("{list}[{index}].{field}"),
                problem,
            ));
        }
    }
}

impl PriceInput {
    fn validate(
        &self,
        field: &str,
        annual_amount: bool,
        defaults: &Defaults,
        errors: &mut FieldErrors,
    ) -> Option<Price> {
        let (amount, regulation, payment) = match self {
            PriceInput::Amount(amount) => (*amount, None, None),
            PriceInput::Terms(terms) => (
                terms.amount,
                terms.regulation.as_ref(),
                terms.payment.as_ref(),
            ),
        };
        let amount_field = match self {
            PriceInput::Amount(_) => field.to_owned(),
            PriceInput::Terms(_) => format!("{field}.amount"),
        };
        let amount = if annual_amount {
            errors.check(annual(amount, || amount_field))
        } else {
            errors.check(price(amount, || amount_field))
        };
        let regulation = regulation.map(|input| input.validate(field, defaults, errors));
        let payment = match payment {
            Some(input) => input.validate(field, defaults, errors),
            None => Some(Payment {
                in_advance: false,
                period: PaymentPeriod::Monthly,
                first_date: defaults.valid_from,
            }),
        };
        let amount = amount?;
        Some(Price {
            amount,
            current: amount,
            regulated_on: None,
            regulation: match regulation {
                Some(regulation) => Some(regulation?),
                None => None,
            },
            payment: payment?,
        })
    }
}

impl RegulationInput {
    fn validate(
        &self,
        field: &str,
        defaults: &Defaults,
        errors: &mut FieldErrors,
    ) -> Option<Regulation> {
        let at = |name: &str| format!("{field}.regulation.{name}");
        let month = match self.month {
            Some(month) if !(1..=12).contains(&month) => {
                errors.push(FieldError::coded(at("month"), Problem::MonthNumber));
                None
            }
            Some(month) => Some(month as u32),
            None => Some(8),
        };
        let percent = match self.percent {
            Some(percent) if !(0..=1000).contains(&percent) => {
                errors.push(FieldError::coded(
                    at("percent"),
                    Problem::PercentRange { max: 1000 },
                ));
                None
            }
            Some(percent) => Some(percent as u32),
            None => Some(100),
        };
        let lag = match self.lag_months {
            Some(lag) => errors.check(months(lag, &at("lag_months"))),
            None => Some(2),
        };
        let base_date = optional_date(self.base_date.as_deref(), &at("base_date"), errors)
            .map(|date| date.unwrap_or(defaults.valid_from));
        let first_date = optional_date(self.first_date.as_deref(), &at("first_date"), errors);
        let month = month?;
        // The regulation month of the year after valid_from (SPEC §10).
        let default_first = NaiveDate::from_ymd_opt(defaults.valid_from.year() + 1, month, 1);
        Some(Regulation {
            month,
            percent: percent?,
            base_date: base_date?,
            lag_months: lag?,
            first_date: first_date?.or(default_first)?,
        })
    }
}

impl PaymentInput {
    fn validate(
        &self,
        field: &str,
        defaults: &Defaults,
        errors: &mut FieldErrors,
    ) -> Option<Payment> {
        let at = |name: &str| format!("{field}.payment.{name}");
        let period = match self.period.as_deref() {
            Some(code) => errors.check(
                PaymentPeriod::from_code(code)
                    .ok_or_else(|| FieldError::coded(at("period"), Problem::PaymentPeriod)),
            ),
            None => Some(PaymentPeriod::Monthly),
        };
        let first_date = optional_date(self.first_date.as_deref(), &at("first_date"), errors);
        Some(Payment {
            in_advance: self.in_advance.unwrap_or(false),
            period: period?,
            first_date: first_date?.unwrap_or(defaults.valid_from),
        })
    }
}

/// `Some(None)` when absent, `None` when invalid (recorded).
fn optional_date(
    text: Option<&str>,
    field: &str,
    errors: &mut FieldErrors,
) -> Option<Option<NaiveDate>> {
    match text {
        None => Some(None),
        Some(text) => errors
            .check(parse_date(text).ok_or_else(|| FieldError::coded(field, Problem::Date)))
            .map(Some),
    }
}

fn months(value: i64, field: &str) -> Result<u32, FieldError> {
    if (0..=MAX_MONTHS).contains(&value) {
        Ok(value as u32)
    } else {
        Err(FieldError::coded(
            field,
            Problem::Months { max: MAX_MONTHS },
        ))
    }
}
