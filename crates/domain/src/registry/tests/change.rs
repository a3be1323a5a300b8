//! A change of a centre's data judged in one decision.

use super::*;

#[test]
fn r_reg_4_every_invalid_field_of_a_centre_change_is_reported() {
    let snapshot = RegistrySnapshot {
        municipalities: ["0301".to_owned()].into(),
        postal_codes: ["0010".to_owned()].into(),
        ..RegistrySnapshot::default()
    };
    let change = CentreChange {
        bank_account_benefits: Some(Some("12345678901")),
        bank_account_operation: Some(None),
        region: Some("NOWHERE"),
        places: Some(("9999", "0000")),
        email: Some("post@asylmottak.no"),
    };
    let errors = check_centre_change(&change, &snapshot).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "bank_account_benefits",
            "region",
            "municipality_number",
            "postal_code",
            "email"
        ]
    );
    let valid = CentreChange {
        bank_account_benefits: Some(Some("12345678903")),
        region: Some("MIDT"),
        places: Some(("0301", "0010")),
        email: Some("post@lier.no"),
        ..change
    };
    let checked = check_centre_change(&valid, &snapshot).expect("valid");
    assert_eq!(checked.bank_account_operation, Some(None));
    assert_eq!(checked.region, Some(crate::access::Region::Midt));
}
