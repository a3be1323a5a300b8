use super::*;

#[test]
fn r_reg_1_first_free_number_not_highest_plus_one() {
    let used = [number("1201"), number("1202"), number("1205")];
    assert_eq!(first_free_number(&series("12"), &used), Ok(number("1203")));
}

#[test]
fn r_reg_1_first_number_of_an_empty_series_is_01() {
    let used = [number("1101"), number("1102")];
    assert_eq!(first_free_number(&series("03"), &used), Ok(number("0301")));
}

#[test]
fn r_reg_1_numbers_are_never_reused() {
    // 1201 belonged to a centre that has closed: it stays in `used` and is skipped.
    let used = [number("1201"), number("1202")];
    let next = first_free_number(&series("12"), &used).unwrap();
    assert!(!used.contains(&next));
    assert_eq!(next, number("1203"));
}

#[test]
fn r_reg_1_full_series_is_an_error() {
    let used: Vec<CentreNumber> = (1..=99)
        .map(|running| CentreNumber::from_parts(&series("19"), running).unwrap())
        .collect();
    let error = first_free_number(&series("19"), &used).unwrap_err();
    assert_eq!(error.field, "series");
    assert!(
        error.message.contains("series 19 is full"),
        "{}",
        error.message
    );
}

#[test]
fn r_reg_1_last_free_number_is_99() {
    let used: Vec<CentreNumber> = (1..=98)
        .map(|running| CentreNumber::from_parts(&series("20"), running).unwrap())
        .collect();
    assert_eq!(first_free_number(&series("20"), &used), Ok(number("2099")));
}

#[test]
fn r_reg_1_centre_number_has_four_digits_series_and_running_number() {
    let centre = number(" 3503 ");
    assert_eq!(centre.as_str(), "3503");
    assert_eq!(centre.series(), series("35"));
    assert!(centre.series().is_special_care());
    assert_eq!(centre.running(), 3);
    for bad in ["123", "12345", "12a4", "1200", "0012", ""] {
        let error = CentreNumber::parse(bad).unwrap_err();
        assert_eq!(error.field, "number", "{bad}");
    }
}

#[test]
fn r_reg_1_given_number_must_be_in_the_series() {
    assert!(number("1207").check_in_series(&series("12")).is_ok());
    let error = number("1207").check_in_series(&series("14")).unwrap_err();
    assert_eq!(error.field, "number");
}

#[test]
fn r_reg_1_series_is_two_digits() {
    assert_eq!(series("01").as_str(), "01");
    assert!(!series("12").is_special_care());
    for bad in ["1", "001", "00", "ab", ""] {
        assert_eq!(Series::parse(bad).unwrap_err().field, "series", "{bad}");
    }
}

#[test]
fn r_reg_3_dro_numbers_from_1000() {
    assert_eq!(first_free_dro(&[]), dro(1000));
    // Older numbers below 1000 do not count; gaps are filled first.
    assert_eq!(first_free_dro(&[dro(12), dro(999)]), dro(1000));
    assert_eq!(
        first_free_dro(&[dro(1000), dro(1001), dro(1003)]),
        dro(1002)
    );
    assert_eq!(
        first_free_dro(&[dro(1001), dro(1000), dro(1000)]),
        dro(1002)
    );
}

#[test]
fn r_reg_3_dro_number_is_dro_and_digits() {
    let number = DroNumber::parse(" dro1042 ").unwrap();
    assert_eq!(number.value(), 1042);
    assert_eq!(number.to_string(), "DRO1042");
    for bad in [
        "1042",
        "DRO",
        "DRO-1042",
        "DRO10a",
        "DRO0",
        "DRO0123",
        "DRO1234567890",
        "ØRO1",
    ] {
        assert_eq!(
            DroNumber::parse(bad).unwrap_err().field,
            "dro_number",
            "{bad}"
        );
    }
}

#[test]
fn numbers_serialize_as_strings() {
    assert_eq!(serde_json::to_string(&dro(1000)).unwrap(), "\"DRO1000\"");
    assert_eq!(serde_json::to_string(&number("0301")).unwrap(), "\"0301\"");
    let parsed: DroNumber = serde_json::from_str("\"DRO1001\"").unwrap();
    assert_eq!(parsed, dro(1001));
    assert!(serde_json::from_str::<CentreNumber>("\"0300\"").is_err());
}
