use super::*;

fn cells(records: &[Record]) -> Vec<Vec<&str>> {
    records
        .iter()
        .map(|record| record.fields.iter().map(String::as_str).collect())
        .collect()
}

#[test]
fn paste_cells_copied_from_excel_are_tab_separated() {
    let text = "1\tstykkpris\t10\t850,50\r\n2\tberedskap\t0\t1 234,00\r\n";
    let rows = rows(text);
    assert_eq!(
        cells(&rows),
        [
            ["1", "stykkpris", "10", "850,50"],
            ["2", "beredskap", "0", "1 234,00"]
        ]
    );
    assert_eq!(rows[1].line, 2);
}

#[test]
fn paste_csv_is_semicolon_separated_with_quotes() {
    let rows = rows("4601;\"Bergen; sentrum\";3\n");
    assert_eq!(cells(&rows), [["4601", "Bergen; sentrum", "3"]]);
}

#[test]
fn paste_blank_and_comment_rows_are_left_out_and_lines_kept() {
    let rows = rows("\n# a comment\n1;2\n;;\n\t\n3;4\n");
    assert_eq!(cells(&rows), [["1", "2"], ["3", "4"]]);
    assert_eq!(rows.iter().map(|row| row.line).collect::<Vec<_>>(), [3, 6]);
}

#[test]
fn paste_header_row_is_optional() {
    let (header, data) = body("prioritet\ttype\tplasser\tpris\n1\tstykkpris\t10\t850\n");
    assert_eq!(header.map(|row| row.fields.len()), Some(4));
    assert_eq!(cells(&data), [["1", "stykkpris", "10", "850"]]);
    let (header, data) = body("\u{feff}2025-06;136,4\n");
    assert!(header.is_none());
    assert_eq!(data.len(), 1);
    let (header, data) = body("month;index\n2025-06;136,4\n");
    assert!(header.is_some());
    assert_eq!(data[0].line, 2);
}

#[test]
fn paste_only_the_first_row_can_be_a_header() {
    let (_, data) = body("1;a\nb;c\n");
    assert_eq!(data.len(), 2);
    assert!(!is_header(&data[0]));
    assert!(is_header(&data[1]));
}

#[test]
fn paste_decimal_commas_and_spaces_between_thousands() {
    assert_eq!(decimal("1 234,50", 2), Some(123_450));
    assert_eq!(decimal("1\u{a0}234,5", 2), Some(123_450));
    assert_eq!(decimal("1.234,5", 2), Some(123_450));
    assert_eq!(decimal("1234.5", 2), Some(123_450));
    assert_eq!(decimal("1.234.567", 0), Some(1_234_567));
    assert_eq!(decimal("136,4", 1), Some(1364));
    assert_eq!(decimal("−3", 0), Some(-3));
    assert_eq!(decimal("0,125", 2), None);
    assert_eq!(decimal("12,5", 0), None);
    assert_eq!(decimal("abc", 2), None);
    assert_eq!(decimal("", 2), None);
    assert_eq!(decimal("1.23.4", 2), None);
}

#[test]
fn paste_kroner_become_exact_ore() {
    assert_eq!(kroner("kr 1.234,50"), Some(123_450));
    assert_eq!(kroner("1 000,-"), Some(100_000));
    assert_eq!(kroner("101,03"), Some(10_103));
    assert_eq!(kroner("-5"), Some(-500));
    assert_eq!(kroner("kr"), None);
}

#[test]
fn paste_whole_numbers_allow_spaces_between_thousands() {
    assert_eq!(whole_number("1 234"), Some(1234));
    assert_eq!(whole_number("-5"), Some(-5));
    assert_eq!(whole_number("5,5"), None);
    assert_eq!(whole_number("x"), None);
}

#[test]
fn paste_a_row_typed_with_semicolons_below_pasted_cells_is_read_too() {
    let rows = rows("month;index\n2025-06\t136,4\n2025-07;137,1\n");
    assert_eq!(
        cells(&rows),
        [
            ["month", "index"],
            ["2025-06", "136,4"],
            ["2025-07", "137,1"]
        ]
    );
}
