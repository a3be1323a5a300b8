//! The form's reader: it collects every problem at its field while it reads the agreement
//! blocks, their dates and amounts.

use chrono::{Days, NaiveDate};
use mottak_domain::claims::AgreementRequest;
use mottak_domain::paste;

use super::{FormProblem, Values, agreement_field};
use crate::i18n::Lang;
use crate::pages::parse_user_date;
use crate::routes::claims::kroner::parse_kroner;

pub(super) struct Reader<'a> {
    pub(super) values: &'a Values,
    pub(super) lang: Lang,
    pub(super) problems: Vec<FormProblem>,
}

impl Reader<'_> {
    pub(super) fn problem(&mut self, field: &str, message: String) {
        self.problems.push(FormProblem {
            field: field.to_owned(),
            message,
        });
    }

    pub(super) fn text(&self, key: &str) -> &'static str {
        self.lang.text(key)
    }

    pub(super) fn agreement(
        &mut self,
        unit: usize,
        block: usize,
        kind: &str,
    ) -> (AgreementRequest, Vec<usize>, Vec<usize>) {
        let field = |name: &str| agreement_field(unit, block, name);
        let valid_from = self.date(&field("valid_from"), true);
        let valid_to = self.date(&field("last_day"), true).map(day_after);
        let stop_date = self.date(&field("stop_last_day"), false).map(day_after);
        // In the order of the page, so the error summary reads top to bottom.
        let fixed_places = self.whole_number(&field("fixed_places"));
        let fixed_annual_operating = self.kroner(&field("fixed_annual_operating"));
        let fixed_annual_rent = self.kroner(&field("fixed_annual_rent"));
        let (unit_tiers, unit_lines) = self.unit_tiers(&field("unit_tiers"));
        let (meal_tiers, meal_lines) = self.meal_tiers(&field("meal_tiers"));
        let agreement = AgreementRequest {
            kind: kind.to_owned(),
            valid_from: valid_from.map(iso).unwrap_or_default(),
            valid_to: valid_to.map(iso).unwrap_or_default(),
            stop_date: stop_date.map(iso),
            fixed_places,
            fixed_annual_operating,
            fixed_annual_rent,
            unit_tiers,
            meal_tiers,
        };
        (agreement, unit_lines, meal_lines)
    }

    /// A date typed as dd.mm.yyyy or yyyy-mm-dd; `None` (with a problem if it was required or
    /// typed wrong) otherwise.
    fn date(&mut self, field: &str, required: bool) -> Option<NaiveDate> {
        let text = self.values.get(field).trim();
        if text.is_empty() {
            if required {
                self.problem(field, self.text("claims.error.date_required").to_owned());
            }
            return None;
        }
        let date = parse_user_date(text);
        if date.is_none() {
            self.problem(field, self.text("form.invalid_date").to_owned());
        }
        date
    }

    /// An optional whole number; empty is 0.
    fn whole_number(&mut self, field: &str) -> i64 {
        self.optional(field, whole_number, "claims.error.whole_number")
    }

    /// An optional amount in kroner; empty is 0.
    fn kroner(&mut self, field: &str) -> i64 {
        self.optional(field, parse_kroner, "claims.error.kroner")
    }

    /// An optional number read by `parse`; empty is 0, and so is one that does not read (with
    /// the problem `key`).
    fn optional(&mut self, field: &str, parse: fn(&str) -> Option<i64>, key: &str) -> i64 {
        let text = self.values.get(field);
        if text.trim().is_empty() {
            return 0;
        }
        parse(text).unwrap_or_else(|| {
            self.problem(field, self.text(key).to_owned());
            0
        })
    }
}

/// A whole number, possibly negative (the rules say what is wrong with that), with spaces
/// between thousands allowed.
pub(super) fn whole_number(text: &str) -> Option<i64> {
    paste::whole_number(text)
}

fn day_after(date: NaiveDate) -> NaiveDate {
    date.checked_add_days(Days::new(1)).unwrap_or(date)
}

pub(super) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
