//! The agreement form's paste boxes (issue 17 item 7): rows of place tiers (`u{i}.t_paste`) and
//! meal tiers (`u{i}.m_paste`) pasted from Excel or CSV, read by `mottak_domain::paste` (tabs
//! or `;`, an optional header, decimal commas), are put into the table's first empty rows, and
//! the form is read as if they had been typed there.

use std::collections::HashMap;

use mottak_domain::paste;

use super::form_input::{EMPTY_MEAL_ROWS, EMPTY_ROWS, MEAL_FIELDS, TIER_FIELDS, row_count};

/// Puts every unit's pasted rows into its tables (`units` is how many units the form has).
pub fn fold_pastes(values: &mut HashMap<String, String>, units: usize) {
    for unit in 0..units {
        fold(values, unit, "t", "rows", EMPTY_ROWS, &TIER_FIELDS);
        fold(
            values,
            unit,
            "m",
            "meal_rows",
            EMPTY_MEAL_ROWS,
            &MEAL_FIELDS,
        );
    }
}

fn fold(
    values: &mut HashMap<String, String>,
    unit: usize,
    table: &str,
    count_key: &str,
    empty: usize,
    fields: &[&str],
) {
    let paste_key = format!("u{unit}.{table}_paste");
    let Some(text) = values.remove(&paste_key) else {
        return;
    };
    let pasted = paste::body(&text).1;
    if pasted.is_empty() {
        return;
    }
    let count_key = format!("u{unit}.{count_key}");
    let count = row_count(values, &count_key, empty);
    let cell = |row: usize, field: &str| format!("u{unit}.{table}{row}.{field}");
    // After the last row with anything typed in it (a kind alone is the select's default).
    let used = (0..count)
        .rev()
        .find(|row| {
            fields.iter().any(|field| {
                *field != "kind"
                    && values
                        .get(&cell(*row, field))
                        .is_some_and(|value| !value.trim().is_empty())
            })
        })
        .map_or(0, |row| row + 1);
    for (offset, record) in pasted.iter().enumerate() {
        let row = used + offset;
        for (index, field) in fields.iter().enumerate() {
            let value = record.fields.get(index).cloned().unwrap_or_default();
            let value = if *field == "kind" {
                tier_kind(&value)
            } else {
                value
            };
            values.insert(cell(row, field), value);
        }
    }
    let rows = (used + pasted.len() + 1).max(count);
    values.insert(count_key, rows.to_string());
}

/// The form's tier kind from its code or the Norwegian word; empty is a price per unit.
fn tier_kind(text: &str) -> String {
    match text.trim().to_lowercase().as_str() {
        "" | "stykkpris" | "unit_price" => "unit_price".to_owned(),
        "beredskap" | "standby" => "standby".to_owned(),
        "konvertert" | "konverterte" | "converted" => "converted".to_owned(),
        other => other.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_tiers_with_a_header_fill_the_rows_after_the_typed_ones() {
        let mut values = HashMap::from([
            ("u0.t0.priority".to_owned(), "1".to_owned()),
            ("u0.t0.kind".to_owned(), "unit_price".to_owned()),
            ("u0.t0.places".to_owned(), "5".to_owned()),
            ("u0.t0.price".to_owned(), "850".to_owned()),
            ("u0.t1.kind".to_owned(), "unit_price".to_owned()),
            (
                "u0.t_paste".to_owned(),
                "prioritet\ttype\tplasser\tpris\n2\tberedskap\t3\t1 234,50\n".to_owned(),
            ),
        ]);
        fold_pastes(&mut values, 1);
        assert_eq!(values["u0.t1.priority"], "2");
        assert_eq!(values["u0.t1.kind"], "standby");
        assert_eq!(values["u0.t1.price"], "1 234,50");
        assert_eq!(values["u0.t0.price"], "850");
        assert_eq!(values["u0.rows"], "3");
        assert!(!values.contains_key("u0.t_paste"));
    }
}
