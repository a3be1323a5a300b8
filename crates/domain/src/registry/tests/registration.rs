//! A new centre judged in one decision against a snapshot of the reference data.

use super::*;
use crate::access::Region;

fn snapshot() -> RegistrySnapshot {
    RegistrySnapshot {
        series: vec![(series("03"), Some(Region::Ost)), (series("35"), None)],
        municipalities: ["0301".to_owned()].into(),
        postal_codes: ["0010".to_owned()].into(),
        old_counties: [("0301".to_owned(), vec!["03".to_owned()])].into(),
        operators: [(7, dro(1000))].into(),
        ..RegistrySnapshot::default()
    }
}

fn draft() -> CentreDraft {
    CentreDraft {
        name: "Oslo asylmottak".to_owned(),
        category: "ordinary".to_owned(),
        series: "03".to_owned(),
        municipality_number: "0301".to_owned(),
        postal_code: "0010".to_owned(),
        operator_id: Some(7),
        ..CentreDraft::default()
    }
}

fn fields(errors: &[FieldError]) -> Vec<&str> {
    errors.iter().map(|error| error.field.as_str()).collect()
}

#[test]
fn r_reg_1_valid_new_centre_gets_the_region_of_its_series_and_the_first_free_number() {
    let centre = register_centre(&draft(), &snapshot()).expect("valid");
    assert_eq!(
        (centre.region, centre.place_type, centre.warnings.len()),
        (Region::Ost, PlaceType::Ordinary, 0)
    );
    assert_eq!(centre.operator_dro, dro(1000));
    let used = [number("0301"), number("0303")];
    assert_eq!(centre.allocate_number(&used), Ok(number("0302")));
}

#[test]
fn r_reg_1_given_number_in_use_is_refused_and_one_outside_the_series_is_invalid() {
    let given = CentreDraft {
        number: Some("0310".to_owned()),
        ..draft()
    };
    let centre = register_centre(&given, &snapshot()).expect("valid");
    assert_eq!(
        centre.allocate_number(&[number("0310")]),
        Err(NumberRefused::InUse(number("0310")))
    );
    let outside = CentreDraft {
        number: Some("1201".to_owned()),
        ..draft()
    };
    let errors = register_centre(&outside, &snapshot()).unwrap_err();
    assert_eq!(fields(&errors), ["number"]);
}

#[test]
fn r_reg_4_every_invalid_field_of_a_new_centre_is_reported() {
    let bad = CentreDraft {
        name: "  ".to_owned(),
        category: "hotel".to_owned(),
        series: "13".to_owned(),
        municipality_number: "9999".to_owned(),
        postal_code: "12a4".to_owned(),
        operator_id: Some(999),
        email: Some("post@asylmottak.no".to_owned()),
        region: Some("NOWHERE".to_owned()),
        bank_account_operation: Some("12345678901".to_owned()),
        number: Some("x".to_owned()),
        ..draft()
    };
    let errors = register_centre(&bad, &snapshot()).unwrap_err();
    assert_eq!(
        fields(&errors),
        [
            "name",
            "category",
            "series",
            "municipality_number",
            "postal_code",
            "operator_id",
            "email",
            "region",
            "bank_account_operation",
            "number",
        ]
    );
}

#[test]
fn r_reg_4_codes_missing_from_the_reference_data_are_each_reported() {
    let bad = CentreDraft {
        municipality_number: "1103".to_owned(),
        postal_code: "0000".to_owned(),
        operator_id: None,
        ..draft()
    };
    let errors = register_centre(&bad, &snapshot()).unwrap_err();
    assert_eq!(
        fields(&errors),
        ["municipality_number", "postal_code", "operator_id"]
    );
}

#[test]
fn r_reg_1_series_35_without_a_region_and_special_care_outside_35_are_both_reported() {
    let no_region = CentreDraft {
        category: "special_care".to_owned(),
        series: "35".to_owned(),
        ..draft()
    };
    let errors = register_centre(&no_region, &snapshot()).unwrap_err();
    assert_eq!(fields(&errors), ["region"]);
    let ordinary_in_35 = CentreDraft {
        series: "35".to_owned(),
        ..draft()
    };
    let errors = register_centre(&ordinary_in_35, &snapshot()).unwrap_err();
    assert_eq!(fields(&errors), ["series", "region"]);
    let with_region = CentreDraft {
        region: Some("MIDT".to_owned()),
        ..no_region
    };
    let centre = register_centre(&with_region, &snapshot()).expect("valid");
    assert_eq!(centre.region, Region::Midt);
}

#[test]
fn r_reg_1_old_county_that_does_not_match_is_a_warning() {
    let mut reference = snapshot();
    reference
        .old_counties
        .insert("0301".to_owned(), vec!["02".to_owned()]);
    let centre = register_centre(&draft(), &reference).expect("valid");
    assert_eq!(centre.warnings.len(), 1, "{:?}", centre.warnings);
}
