//! R-SET-1 in bulk: IMDi's requests for every municipality as CSV rows
//! `year;municipality_number;persons;unaccompanied_minors` (SPEC §9's dialect, an optional
//! header, blank rows ignored). Every bad row is named by its line (`lines[N].field`, or
//! `lines[N]` for the row); the file is taken whole or not at all.

use std::collections::BTreeMap;

use super::cases::{YearlyNumbers, validate_numbers};
use crate::error::{FieldError, FieldErrors, Problem};

/// The columns, as the header names them.
pub const REQUEST_COLUMNS: [&str; 4] = [
    "year",
    "municipality_number",
    "persons",
    "unaccompanied_minors",
];

/// One valid row; `line` counts from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RequestRow {
    pub line: usize,
    pub numbers: YearlyNumbers,
}

/// The field of a row's error: `lines[N].field`, or `lines[N]` for the row as a whole.
pub fn row_field(line: usize, field: &str) -> String {
    if field.is_empty() {
        format!("lines[{line}]")
    } else {
        format!("lines[{line}].{field}")
    }
}

/// A count as written: empty is absent (the rule names it required), else a whole number.
fn count(line: usize, field: &str, text: &str, errors: &mut FieldErrors) -> Option<i64> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let parsed = text.replace(' ', "").parse::<i64>();
    errors
        .check(parsed.map_err(|_| FieldError::coded(row_field(line, field), Problem::WholeNumber)))
}

/// The file's rows, or every invalid row; a municipality and year twice in the file is an error
/// on the later line.
pub fn parse_requests_csv(text: &str) -> Result<Vec<RequestRow>, Vec<FieldError>> {
    let mut errors = FieldErrors::default();
    let mut rows = Vec::new();
    let mut first_line_of: BTreeMap<(String, i64), usize> = BTreeMap::new();
    let records = crate::paste::rows(text);
    let mut content = records.iter().peekable();
    if content
        .peek()
        .is_some_and(|first| crate::paste::is_header(first))
    {
        content.next();
    }
    for record in content {
        let line = record.line;
        let kept = record.fields.len()
            - record
                .fields
                .iter()
                .rev()
                .take_while(|field| field.trim().is_empty())
                .count();
        let fields = &record.fields[..kept];
        if fields.len() != REQUEST_COLUMNS.len() || record.unterminated_quote {
            let problem = Problem::ColumnCount {
                expected: REQUEST_COLUMNS.len(),
                layout: format!("{} (2026;4601;120;10)", REQUEST_COLUMNS.join(";")),
                found: fields.len(),
            };
            errors.push(FieldError::coded(row_field(line, ""), problem));
            continue;
        }
        let mut row_errors = FieldErrors::default();
        let year = count(line, "year", &fields[0], &mut row_errors);
        let persons = count(line, "persons", &fields[2], &mut row_errors);
        let minors = count(line, "unaccompanied_minors", &fields[3], &mut row_errors);
        let validated = validate_numbers(year, &fields[1], persons, minors);
        let numbers = match (row_errors.into_result(|| ()), validated) {
            (Ok(()), Ok(numbers)) => numbers,
            (typed, rules) => {
                let typed = typed.err().unwrap_or_default();
                let named: Vec<&str> = typed.iter().map(|error| error.field.as_str()).collect();
                let rules = rules
                    .err()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|error| FieldError {
                        field: row_field(line, &error.field),
                        ..error
                    });
                // A mistyped count is named once, by its typing, not again as missing.
                let rules: Vec<FieldError> = rules
                    .filter(|error| !named.contains(&error.field.as_str()))
                    .collect();
                typed
                    .into_iter()
                    .chain(rules)
                    .for_each(|error| errors.push(error));
                continue;
            }
        };
        let key = (numbers.municipality_number.clone(), numbers.year);
        if let Some(first) = first_line_of.get(&key) {
            let problem = Problem::RepeatedInFile {
                key: format!("{} {}", key.0, key.1),
                first: *first,
            };
            errors.push(FieldError::coded(
                row_field(line, "municipality_number"),
                problem,
            ));
            continue;
        }
        first_line_of.insert(key, line);
        rows.push(RequestRow { line, numbers });
    }
    if rows.is_empty() && errors.is_empty() {
        let layout = REQUEST_COLUMNS.join(";");
        errors.push(FieldError::coded("lines", Problem::NoRows { layout }));
    }
    errors.into_result(|| rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(errors: &[FieldError]) -> Vec<&str> {
        errors.iter().map(|error| error.field.as_str()).collect()
    }

    #[test]
    fn r_set_1_requests_import_from_rows_with_an_optional_header() {
        let text = "\u{feff}year;municipality_number;persons;unaccompanied_minors\r\n\
                    2026;4601;120;10\r\n\r\n2026;0301;300;0\r\n;;;\r\n";
        let rows = parse_requests_csv(text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].line, 2);
        assert_eq!(rows[0].numbers.municipality_number, "4601");
        assert_eq!(rows[0].numbers.persons, 120);
        assert_eq!(rows[0].numbers.unaccompanied_minors, 10);
        assert_eq!(rows[1].line, 4);
        assert_eq!(
            parse_requests_csv("2027;4601;5;5").unwrap()[0].numbers.year,
            2027
        );
    }

    #[test]
    fn r_set_1_every_bad_row_of_a_requests_import_is_named_by_its_line() {
        let text = "2026;4601;120;10\n2026;46;x;1\n2026;4601;1;0\n2026;0301;5;6\n2026;0301\n";
        let errors = parse_requests_csv(text).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "lines[2].persons",
                "lines[2].municipality_number",
                "lines[3].municipality_number",
                "lines[4].unaccompanied_minors",
                "lines[5]",
            ]
        );
        assert!(errors[2].message.contains("first on line 1"));
        assert_eq!(
            fields(&parse_requests_csv("\n;;\n").unwrap_err()),
            ["lines"]
        );
    }
}
