use super::*;

fn month(text: &str) -> Month {
    Month::parse(text).unwrap()
}

#[test]
fn r_agr_9_index_is_exact_thousandths() {
    assert_eq!(CpiIndex::parse("136.4").unwrap().thousandths(), 136_400);
    assert_eq!(CpiIndex::parse("136,4").unwrap().thousandths(), 136_400);
    assert_eq!(CpiIndex::parse("100").unwrap().thousandths(), 100_000);
    assert_eq!(CpiIndex::parse("99.125").unwrap().to_string(), "99.125");
    assert_eq!(CpiIndex::parse("120").unwrap().to_string(), "120.0");
    for bad in ["", "0", "-1", "1.2345", "1e3", "abc", "1.2.3", ".5"] {
        assert!(CpiIndex::parse(bad).is_err(), "{bad}");
    }
}

#[test]
fn r_agr_9_csv_with_header_comma_decimals_and_tabs() {
    let rows = parse_csv("\u{feff}month;index\r\n2025-06;136,4\n\n2025-07\t137.1\n").unwrap();
    assert_eq!(
        rows.iter()
            .map(|row| (row.line, row.month, row.index.to_string()))
            .collect::<Vec<_>>(),
        vec![
            (2, month("2025-06"), "136.4".to_owned()),
            (4, month("2025-07"), "137.1".to_owned())
        ]
    );
}

#[test]
fn r_agr_9_csv_names_every_bad_row() {
    let errors =
        parse_csv("2025-13;136.4\n2025-06;x\n2025-07\n2025-06;1\n2025-06;2\n").unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        vec![
            "lines[1].month",
            "lines[2].index",
            "lines[3]",
            "lines[5].month"
        ]
    );
    assert!(
        errors[3].message.contains("line 4"),
        "{}",
        errors[3].message
    );
}

#[test]
fn r_agr_9_an_empty_file_is_an_error() {
    let errors = parse_csv("month;index\n").unwrap_err();
    assert_eq!(errors[0].field, "lines");
}

#[test]
fn r_agr_9_missing_month_is_named() {
    let table: CpiTable = [(month("2025-06"), CpiIndex::parse("136.4").unwrap())]
        .into_iter()
        .collect();
    assert!(table.index(month("2025-06")).is_ok());
    let missing = table.index(month("2025-05")).unwrap_err();
    assert_eq!(
        missing.to_string(),
        "the consumer price index for 2025-05 is missing"
    );
}
