//! The register placement page's typed input: the criteria's weights and lists, the score
//! table, and the accepted proposal's `household;municipality` lines; every bad line an error on
//! its field.

use mottak_domain::error::{FieldError, Problem};
use mottak_domain::settlement::placement::{Criteria, parse_lists, parse_score_lines};

use super::placement_page::StoredForm;
use crate::settlement::placement::Scores;
use crate::settlement::placement::send::PairInput;

fn weight(field: &str, text: &str, default: f64, errors: &mut Vec<FieldError>) -> f64 {
    let text = text.trim();
    if text.is_empty() {
        return default;
    }
    text.replace(',', ".").parse().unwrap_or_else(|_| {
        errors.push(FieldError::coded(field, Problem::Number));
        default
    })
}

/// The form's scores, or every error of the fields that state them.
pub(super) fn scores(form: &StoredForm, errors: &mut Vec<FieldError>) -> Option<Scores> {
    if form.scoring == "table" {
        return match parse_score_lines("scores", &form.scores) {
            Ok(lines) => Some(Scores::Table {
                fields: vec!["scores".into(); lines.len()],
                lines,
            }),
            Err(found) => {
                errors.extend(found);
                None
            }
        };
    }
    let defaults = Criteria::default();
    let criteria = Criteria {
        base: weight("base", &form.base, defaults.base, errors),
        network: weight("network", &form.network, defaults.network, errors),
        language: weight("language", &form.language, defaults.language, errors),
    };
    let mut list = |field: &str, text: &str| {
        parse_lists(field, text).unwrap_or_else(|found| {
            errors.extend(found);
            Default::default()
        })
    };
    let needs = list("needs", &form.needs);
    let services = list("services", &form.services);
    let languages = list("languages", &form.languages);
    Some(Scores::Criteria {
        criteria,
        needs,
        services,
        languages,
    })
}

/// `household;municipality` lines; a line without both is an error on `assignments`.
pub(super) fn pairs(text: &str, errors: &mut Vec<FieldError>) -> Vec<PairInput> {
    let mut pairs = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match line.split_once(';') {
            Some((household, municipality)) if !household.trim().is_empty() => {
                pairs.push(PairInput {
                    household: household.trim().to_owned(),
                    municipality_number: municipality.trim().to_owned(),
                })
            }
            _ => errors.push(FieldError::coded(
                "assignments",
                Problem::ListLine { line: index + 1 },
            )),
        }
    }
    pairs
}
