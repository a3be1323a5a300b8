//! A [`FieldError`] of the claim rules, whose path names a place in the *request*
//! (`units[0].agreements[1].unit_tiers[2].price`), turned into a message beside the form field
//! it came from: the unit and agreement blocks, and the line of a tier or CSV field, are found
//! through the form's [`Origins`]. The path is kept for the error summary.

use mottak_domain::claims::FieldError;

use super::form::{OccupancyOrigin, Origins, agreement_field, unit_field};
use crate::i18n::Lang;

/// Where a request path points on the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// The form field's name and id; empty when nothing on the form matches.
    pub field: String,
    /// Said before the message: `Line 3, price` or `Day 5`.
    pub detail: String,
}

/// The form field (and line or day) a request path points to.
pub fn place(path: &str, origins: &Origins, lang: Lang) -> Place {
    let parts: Vec<&str> = path.split('.').collect();
    let nowhere = Place {
        field: String::new(),
        detail: String::new(),
    };
    match parts.as_slice() {
        ["month"] => at("month", String::new()),
        [unit, rest @ ..] if index(unit, "units").is_some() => {
            let Some(&unit_block) = index(unit, "units").and_then(|u| origins.units.get(u)) else {
                return nowhere;
            };
            let request_unit = index(unit, "units").unwrap_or_default();
            unit_place(rest, unit_block, request_unit, origins, lang).unwrap_or(nowhere)
        }
        [entry, leaf] => match index(entry, "occupancy").and_then(|o| origins.occupancy.get(o)) {
            Some(OccupancyOrigin::Residents { unit, day }) => at(
                &unit_field(*unit, "residents"),
                format!("{} {day}", lang.text("claims.day")),
            ),
            Some(OccupancyOrigin::Csv { line }) => at(
                "occupancy_csv",
                format!(
                    "{} {line}, {}",
                    lang.text("claims.line"),
                    leaf_name(leaf, lang)
                ),
            ),
            None => nowhere,
        },
        _ => nowhere,
    }
}

fn unit_place(
    rest: &[&str],
    unit_block: usize,
    request_unit: usize,
    origins: &Origins,
    lang: Lang,
) -> Option<Place> {
    match rest {
        ["place_type" | "agreements"] => {
            Some(at(&unit_field(unit_block, "place_type"), String::new()))
        }
        [agreement, rest @ ..] => {
            let request_agreement = index(agreement, "agreements")?;
            let block = *origins
                .agreements
                .get(request_unit)?
                .get(request_agreement)?;
            let field = |name: &str| agreement_field(unit_block, block, name);
            match rest {
                [leaf] => Some(at(&field(form_name(leaf)), String::new())),
                [tier, leaf] => {
                    let (list, lines) = if let Some(tier) = index(tier, "unit_tiers") {
                        ("unit_tiers", (&origins.unit_tier_lines, tier))
                    } else {
                        (
                            "meal_tiers",
                            (&origins.meal_tier_lines, index(tier, "meal_tiers")?),
                        )
                    };
                    let line = lines
                        .0
                        .get(request_unit)?
                        .get(request_agreement)?
                        .get(lines.1)?;
                    let detail = format!(
                        "{} {line}, {}",
                        lang.text("claims.line"),
                        leaf_name(leaf, lang)
                    );
                    Some(at(&field(list), detail))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// `units[3]` with `name` `units` → 3.
fn index(segment: &str, name: &str) -> Option<usize> {
    segment
        .strip_prefix(name)?
        .strip_prefix('[')?
        .strip_suffix(']')?
        .parse()
        .ok()
}

fn at(field: &str, detail: String) -> Place {
    Place {
        field: field.to_owned(),
        detail,
    }
}

/// The form shows the last day in force, not the API's exclusive end.
fn form_name(leaf: &str) -> &str {
    match leaf {
        "valid_to" => "last_day",
        "stop_date" => "stop_last_day",
        other => other,
    }
}

/// The name of a column of a tier or CSV line.
fn leaf_name(leaf: &str, lang: Lang) -> String {
    let name = match leaf {
        "priority" => lang.text("claims.column.priority"),
        "kind" => lang.text("claims.column.kind"),
        "places" => lang.text("claims.column.places"),
        "persons" => lang.text("claims.column.persons"),
        "price" => lang.text("claims.column.price"),
        "date" => lang.text("claims.column.date"),
        "place_type" => lang.text("claims.column.place_type"),
        "residents" => lang.text("claims.column.residents"),
        _ => "",
    };
    name.to_lowercase()
}

/// The rule's message in the user's language, from the text catalogue.
pub fn translate(error: &FieldError, lang: Lang) -> String {
    crate::i18n::problems::error_text(error, lang)
}

#[cfg(test)]
mod tests;
