//! The structured editors of the simulation's tiers, meal tiers and occupancy (issue 17 item 7):
//! rows with labelled fields, "Legg til rad" and "Fjern" as submit buttons (so they work
//! without JavaScript; `static/rows.js` does the same in the browser), and a paste box for rows
//! from Excel or CSV.
//!
//! A table `T` (`u0-a0-unit_tiers`, `u0-a0-meal_tiers`, `occupancy_csv`) posts its row count as
//! `T-rows`, its cells as `T-r{k}-{column}` and its paste box as `T-paste`. [`normalise`] folds
//! the paste box (read by `mottak_domain::paste`: tabs or `;`, an optional header, decimal
//! commas) into the rows, drops empty rows, applies a button, and writes the rows as the text
//! `T` that `form::read` reads, one line per row, so "line k" of an error is row k. A request
//! that posts `T` itself (the API's clients, older forms) is read as pasted rows.

use mottak_domain::paste;

use super::form::{AGREEMENTS, UNITS, Values, agreement_field, tier_kind};
use super::view::Input;
use crate::i18n::Lang;

pub const UNIT_TIER_COLUMNS: &[&str] = &["priority", "kind", "places", "price"];
pub const MEAL_TIER_COLUMNS: &[&str] = &["priority", "persons", "price"];
pub const OCCUPANCY_COLUMNS: &[&str] = &["date", "place_type", "residents"];

/// Every table of the form with its columns.
fn tables() -> Vec<(String, &'static [&'static str])> {
    let mut tables = Vec::new();
    for unit in 0..UNITS {
        for agreement in 0..AGREEMENTS {
            tables.push((
                agreement_field(unit, agreement, "unit_tiers"),
                UNIT_TIER_COLUMNS,
            ));
            tables.push((
                agreement_field(unit, agreement, "meal_tiers"),
                MEAL_TIER_COLUMNS,
            ));
        }
    }
    tables.push(("occupancy_csv".to_owned(), OCCUPANCY_COLUMNS));
    tables
}

fn cell(table: &str, row: usize, column: &str) -> String {
    format!("{table}-r{row}-{column}")
}

/// The rows a table posted, in order (a row the browser removed leaves a gap, skipped).
fn posted_rows(values: &Values, table: &str, columns: &[&str]) -> Vec<Vec<String>> {
    let count: usize = values
        .get(&format!("{table}-rows"))
        .trim()
        .parse()
        .unwrap_or(0)
        .min(500);
    (0..count)
        .map(|row| {
            columns
                .iter()
                .map(|column| values.get(&cell(table, row, column)).trim().to_owned())
                .collect()
        })
        .collect()
}

/// Pasted text as rows of the table's columns: a header dropped, a missing cell empty, extra
/// cells kept in the last one (so the row is refused, not silently cut).
fn pasted_rows(text: &str, columns: &[&str]) -> Vec<Vec<String>> {
    paste::body(text)
        .1
        .into_iter()
        .map(|record| {
            let mut cells = record.fields;
            if cells.len() > columns.len() {
                let extra = cells.split_off(columns.len() - 1).join(" ");
                cells.push(extra);
            }
            cells.resize(columns.len(), String::new());
            for (cell, column) in cells.iter_mut().zip(columns) {
                if *column == "kind" {
                    *cell = tier_kind(cell);
                }
            }
            cells
        })
        .collect()
}

/// Folds every paste box into its table and applies an add or remove button; `true` when a
/// button was pressed (the form is shown again, nothing simulated).
pub fn normalise(values: &mut Values) -> bool {
    let add = values.get("add_row").to_owned();
    let remove = values.get("remove_row").to_owned();
    for (table, columns) in tables() {
        let mut rows: Vec<Vec<String>> = posted_rows(values, &table, columns)
            .into_iter()
            .enumerate()
            .filter(|(index, _)| remove != format!("{table}-r{index}"))
            .map(|(_, row)| row)
            .collect();
        rows.extend(pasted_rows(values.get(&table), columns));
        rows.extend(pasted_rows(values.get(&format!("{table}-paste")), columns));
        // A row is empty when nothing but its kind (a select, never empty) has a value.
        rows.retain(|row| {
            row.iter()
                .zip(columns)
                .any(|(cell, column)| *column != "kind" && !cell.is_empty())
        });
        let text: Vec<String> = rows.iter().map(|row| row.join("\t")).collect();
        values.set(&table, &text.join("\n"));
        values.set(&format!("{table}-paste"), "");
        // One blank row to type in, and another for each press of "Legg til rad".
        let blank = 1 + usize::from(add == table);
        for _ in 0..blank {
            rows.push(vec![String::new(); columns.len()]);
        }
        for (index, row) in rows.iter().enumerate() {
            for (column, value) in columns.iter().zip(row) {
                values.set(&cell(&table, index, column), value);
            }
        }
        values.set(&format!("{table}-rows"), &rows.len().to_string());
    }
    !add.is_empty() || !remove.is_empty()
}

/// One cell as shown: its input (or select) with a label that names the column and the row.
pub struct Cell {
    pub name: String,
    pub label: String,
    pub value: String,
    pub choices: Vec<(String, &'static str)>,
}

pub struct Row {
    /// The value of its "Fjern" button.
    pub key: String,
    pub number: usize,
    pub cells: Vec<Cell>,
}

/// A table editor: the table's input (label, hint, errors; its id is the table's), its column
/// headings, rows and paste box.
pub struct RowsEditor {
    pub input: Input,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Row>,
    pub paste: Input,
}

/// The editor of `input.id`'s table, from the normalised values.
pub fn editor(input: Input, values: &Values, columns: &[&str], lang: Lang) -> RowsEditor {
    let table = input.id.clone();
    let count: usize = values
        .get(&format!("{table}-rows"))
        .parse()
        .unwrap_or(0)
        .max(1);
    let heading = |column: &str| lang.text(&format!("claims.row.{column}"));
    let rows = (0..count)
        .map(|row| Row {
            key: format!("{table}-r{row}"),
            number: row + 1,
            cells: columns
                .iter()
                .map(|column| Cell {
                    name: cell(&table, row, column),
                    label: heading(column).to_owned(),
                    value: values.get(&cell(&table, row, column)).to_owned(),
                    choices: if *column == "kind" {
                        ["unit_price", "standby", "converted"]
                            .into_iter()
                            .map(|code| {
                                (
                                    code.to_owned(),
                                    lang.text(&format!("claims.tier_kind.{code}")),
                                )
                            })
                            .collect()
                    } else {
                        Vec::new()
                    },
                })
                .collect(),
        })
        .collect();
    let paste_id = format!("{table}-paste");
    RowsEditor {
        paste: Input {
            value: values.get(&paste_id).to_owned(),
            id: paste_id,
            label: lang.text("claims.paste_rows"),
            hint: lang.text("paste.help"),
            errors: Vec::new(),
        },
        columns: columns.iter().map(|column| heading(column)).collect(),
        rows,
        input,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(pairs: &[(&str, &str)]) -> Values {
        Values::new(
            pairs
                .iter()
                .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn a_paste_from_excel_with_a_header_becomes_rows_and_the_text_the_reader_reads() {
        let mut values = values(&[(
            "u0-a0-unit_tiers-paste",
            "Prioritet\tType\tPlasser\tPris\n1\tstykkpris\t10\t1 234,50\n",
        )]);
        assert!(!normalise(&mut values));
        assert_eq!(
            values.get("u0-a0-unit_tiers"),
            "1\tunit_price\t10\t1 234,50"
        );
        assert_eq!(values.get("u0-a0-unit_tiers-r0-price"), "1 234,50");
        assert_eq!(values.get("u0-a0-unit_tiers-rows"), "2");
        assert_eq!(values.get("u0-a0-unit_tiers-paste"), "");
    }

    #[test]
    fn add_row_keeps_what_was_typed_and_adds_a_blank_row() {
        let mut values = values(&[
            ("u0-a0-meal_tiers-rows", "1"),
            ("u0-a0-meal_tiers-r0-priority", "1"),
            ("u0-a0-meal_tiers-r0-persons", "20"),
            ("u0-a0-meal_tiers-r0-price", "55,5"),
            ("add_row", "u0-a0-meal_tiers"),
        ]);
        assert!(normalise(&mut values));
        assert_eq!(values.get("u0-a0-meal_tiers-rows"), "3");
        assert_eq!(values.get("u0-a0-meal_tiers-r0-price"), "55,5");
        assert_eq!(values.get("u0-a0-meal_tiers-r1-price"), "");
    }

    #[test]
    fn remove_row_drops_that_row_only() {
        let mut values = values(&[
            ("occupancy_csv-rows", "2"),
            ("occupancy_csv-r0-date", "01.03.2026"),
            ("occupancy_csv-r0-place_type", "ordinary"),
            ("occupancy_csv-r0-residents", "5"),
            ("occupancy_csv-r1-date", "02.03.2026"),
            ("occupancy_csv-r1-place_type", "ordinary"),
            ("occupancy_csv-r1-residents", "6"),
            ("remove_row", "occupancy_csv-r0"),
        ]);
        assert!(normalise(&mut values));
        assert_eq!(values.get("occupancy_csv"), "02.03.2026\tordinary\t6");
        assert_eq!(values.get("occupancy_csv-r0-residents"), "6");
    }
}
