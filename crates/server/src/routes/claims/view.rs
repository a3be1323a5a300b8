//! What the claims page shows: the form's blocks with their values and errors, the error
//! summary, and the claim in Norwegian format (`kr 1 234,56`, dd.mm.yyyy).

use askama::Template;
use mottak_domain::claims::{ClaimResponse, Unpaid};

use super::form::{AGREEMENTS, UNITS, Values, agreement_field, unit_field};
use super::page::{Outcome, Problem};
use super::rows::{self, RowsEditor};
use crate::i18n::Lang;
use crate::number_format::grouped;
use crate::pages::{Shell, display_date};

/// A form control with its label, hint, value and errors.
pub struct Input {
    pub id: String,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub errors: Vec<String>,
}

impl Input {
    pub fn invalid(&self) -> bool {
        !self.errors.is_empty()
    }

    /// The ids of the hint and the error message, for `aria-describedby`.
    pub fn described_by(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.id));
        }
        if self.invalid() {
            ids.push(format!("{}-error", self.id));
        }
        ids.join(" ")
    }
}

/// A select: the input and its `(value, name)` options.
pub struct Choice {
    pub input: Input,
    pub options: Vec<(String, &'static str)>,
}

struct UnitBlock {
    legend: String,
    /// Units after the first are folded away until used.
    optional: bool,
    open: bool,
    place_type: Choice,
    canteen: Input,
    residents: Input,
    agreements: Vec<AgreementBlock>,
}

struct AgreementBlock {
    legend: String,
    optional: bool,
    open: bool,
    kind: Choice,
    valid_from: Input,
    last_day: Input,
    stop_last_day: Input,
    fixed_places: Input,
    fixed_annual_operating: Input,
    fixed_annual_rent: Input,
    unit_tiers: RowsEditor,
    meal_tiers: RowsEditor,
}

struct SummaryItem {
    field: String,
    text: String,
    path: String,
}

struct LineRow {
    kind: &'static str,
    place_type: &'static str,
    priority: String,
    price: String,
    days: u32,
    quantity: String,
    amount: String,
}

struct WarningRow {
    date: String,
    place_type: &'static str,
    residents: String,
    meals: String,
}

struct ResultView {
    month: String,
    total: String,
    lines: Vec<LineRow>,
    warnings: Vec<WarningRow>,
}

#[derive(Template)]
#[template(path = "claims.html")]
pub struct ClaimsPage {
    shell: Shell,
    summary: Vec<SummaryItem>,
    result: Option<ResultView>,
    request_json: String,
    month: Input,
    units: Vec<UnitBlock>,
    occupancy_csv: RowsEditor,
    json: Input,
}

impl ClaimsPage {
    pub fn new(shell: Shell, values: &Values, outcome: Outcome) -> ClaimsPage {
        let shell = shell.with_title("claims.title");
        let builder = Builder {
            lang: shell.lang,
            values,
            problems: &outcome.problems,
        };
        let summary = outcome
            .problems
            .iter()
            .map(|problem| SummaryItem {
                field: problem.field.clone(),
                text: match field_label(&problem.field, shell.lang) {
                    Some(label) => format!("{label}: {}", problem.message),
                    None => problem.message.clone(),
                },
                path: problem.path.clone(),
            })
            .collect();
        let json_mode = values.get("source") == "json";
        let mut json = builder.input("json", "claims.json", "claims.json_hint");
        if !json_mode {
            json.value = outcome.request_json.clone();
        }
        ClaimsPage {
            summary,
            result: outcome
                .claim
                .as_ref()
                .map(|claim| result_view(claim, shell.lang)),
            request_json: outcome.request_json.clone(),
            month: builder.input("month", "claims.month", "claims.month_hint"),
            units: (0..UNITS).map(|unit| builder.unit(unit)).collect(),
            occupancy_csv: rows::editor(
                builder.input(
                    "occupancy_csv",
                    "claims.occupancy_csv",
                    "claims.occupancy_csv_hint",
                ),
                values,
                rows::OCCUPANCY_COLUMNS,
                shell.lang,
            ),
            json,
            shell,
        }
    }
}

struct Builder<'a> {
    lang: Lang,
    values: &'a Values,
    problems: &'a [Problem],
}

impl Builder<'_> {
    fn input(&self, id: &str, label: &str, hint: &str) -> Input {
        Input {
            id: id.to_owned(),
            label: self.lang.text(label),
            hint: if hint.is_empty() {
                ""
            } else {
                self.lang.text(hint)
            },
            value: self.values.get(id).to_owned(),
            errors: self
                .problems
                .iter()
                .filter(|problem| problem.field == id)
                .map(|problem| problem.message.clone())
                .collect(),
        }
    }

    fn has_errors(&self, prefix: &str) -> bool {
        self.problems
            .iter()
            .any(|problem| problem.field.starts_with(prefix))
    }

    fn unit(&self, unit: usize) -> UnitBlock {
        let field = |name: &str| unit_field(unit, name);
        let mut options = Vec::new();
        if unit > 0 {
            options.push((String::new(), self.lang.text("claims.unused")));
        }
        for place_type in mottak_domain::place_types::PlaceType::ALL {
            let key = format!("claims.place_type.{}", place_type.code());
            options.push((place_type.code().to_owned(), self.lang.text(&key)));
        }
        let prefix = format!("u{unit}-");
        UnitBlock {
            legend: format!("{} {}", self.lang.text("claims.unit"), unit + 1),
            optional: unit > 0,
            // The first agreement's kind always has a value, so only the place type counts.
            open: unit == 0
                || !self.values.get(&field("place_type")).is_empty()
                || self.has_errors(&prefix),
            place_type: Choice {
                input: self.input(&field("place_type"), "claims.place_type", ""),
                options,
            },
            canteen: self.input(&field("canteen"), "claims.canteen", ""),
            residents: self.input(
                &field("residents"),
                "claims.residents",
                "claims.residents_hint",
            ),
            agreements: (0..AGREEMENTS)
                .map(|agreement| self.agreement(unit, agreement))
                .collect(),
        }
    }

    fn agreement(&self, unit: usize, agreement: usize) -> AgreementBlock {
        let field = |name: &str| agreement_field(unit, agreement, name);
        let mut options = Vec::new();
        if agreement > 0 {
            options.push((String::new(), self.lang.text("claims.unused")));
        }
        for code in ["H", "T", "A"] {
            options.push((
                code.to_owned(),
                self.lang.text(&format!("claims.agreement_kind.{code}")),
            ));
        }
        let prefix = format!("u{unit}-a{agreement}-");
        AgreementBlock {
            legend: format!(
                "{} {}, {} {}",
                self.lang.text("claims.unit"),
                unit + 1,
                self.lang.text("claims.agreement").to_lowercase(),
                agreement + 1
            ),
            optional: agreement > 0,
            open: agreement == 0
                || self.values.any_with_prefix(&prefix)
                || self.has_errors(&prefix),
            kind: Choice {
                input: self.input(&field("kind"), "claims.agreement_kind", ""),
                options,
            },
            valid_from: self.input(
                &field("valid_from"),
                "claims.valid_from",
                "claims.date_hint",
            ),
            last_day: self.input(
                &field("last_day"),
                "claims.last_day",
                "claims.last_day_hint",
            ),
            stop_last_day: self.input(
                &field("stop_last_day"),
                "claims.stop_last_day",
                "claims.stop_last_day_hint",
            ),
            fixed_places: self.input(&field("fixed_places"), "claims.fixed_places", ""),
            fixed_annual_operating: self.input(
                &field("fixed_annual_operating"),
                "claims.fixed_annual_operating",
                "claims.kroner_hint",
            ),
            fixed_annual_rent: self.input(
                &field("fixed_annual_rent"),
                "claims.fixed_annual_rent",
                "claims.kroner_hint",
            ),
            unit_tiers: rows::editor(
                self.input(
                    &field("unit_tiers"),
                    "claims.unit_tiers",
                    "claims.unit_tiers_hint",
                ),
                self.values,
                rows::UNIT_TIER_COLUMNS,
                self.lang,
            ),
            meal_tiers: rows::editor(
                self.input(
                    &field("meal_tiers"),
                    "claims.meal_tiers",
                    "claims.meal_tiers_hint",
                ),
                self.values,
                rows::MEAL_TIER_COLUMNS,
                self.lang,
            ),
        }
    }
}

/// `Unit 2, agreement 1 – Per-unit tiers` for a form field id; `None` for no field.
fn field_label(field: &str, lang: Lang) -> Option<String> {
    if field.is_empty() {
        return None;
    }
    let label = |name: &str| lang.text(&format!("claims.{name}"));
    let Some(rest) = field.strip_prefix('u') else {
        return Some(label(field).to_owned());
    };
    let (unit, rest) = rest.split_once('-')?;
    let unit: usize = unit.parse().ok()?;
    let unit_name = format!("{} {}", lang.text("claims.unit"), unit + 1);
    match rest.strip_prefix('a').and_then(|rest| rest.split_once('-')) {
        Some((agreement, name)) => {
            let agreement: usize = agreement.parse().ok()?;
            let name = if name == "kind" {
                "agreement_kind"
            } else {
                name
            };
            Some(format!(
                "{unit_name}, {} {} – {}",
                lang.text("claims.agreement").to_lowercase(),
                agreement + 1,
                label(name)
            ))
        }
        None => Some(format!("{unit_name} – {}", label(rest))),
    }
}

fn result_view(claim: &ClaimResponse, lang: Lang) -> ResultView {
    let place_type_name = |code: &str| lang.text(&format!("claims.place_type.{code}"));
    let lines = claim
        .lines
        .iter()
        .map(|line| {
            let fixed = line.quantity.is_none();
            LineRow {
                kind: lang.text(&format!("claims.kind.{}", line.kind.code())),
                place_type: place_type_name(line.place_type.code()),
                priority: line.priority.map(|p| p.to_string()).unwrap_or_default(),
                price: if fixed {
                    format!("{} {}", line.price, lang.text("claims.per_year"))
                } else {
                    line.price.to_string()
                },
                days: line.days,
                quantity: line.quantity.map(grouped).unwrap_or_default(),
                amount: line.amount.to_string(),
            }
        })
        .collect();
    let warnings = claim
        .warnings
        .iter()
        .map(|warning| {
            let (residents, meals) = match warning.unpaid {
                Unpaid::Residents(count) => (grouped(u64::from(count)), String::new()),
                Unpaid::Meals(count) => (String::new(), grouped(u64::from(count))),
            };
            WarningRow {
                date: display_date(warning.date),
                place_type: place_type_name(warning.place_type.code()),
                residents,
                meals,
            }
        })
        .collect();
    ResultView {
        month: format!("{:02}.{}", claim.month.number(), claim.month.year()),
        total: claim.total.to_string(),
        lines,
        warnings,
    }
}
