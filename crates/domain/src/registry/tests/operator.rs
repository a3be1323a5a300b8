//! An operator judged in one decision (R-REG-3, R-REG-4).

use super::*;

fn snapshot() -> RegistrySnapshot {
    RegistrySnapshot {
        postal_codes: ["0010".to_owned()].into(),
        ..RegistrySnapshot::default()
    }
}

#[test]
fn r_reg_4_every_invalid_field_of_an_operator_is_reported() {
    let draft = OperatorDraft {
        name: " ".to_owned(),
        organisation_number: "123".to_owned(),
        postal_code: Some("0000".to_owned()),
        dro_number: Some("DRO".to_owned()),
    };
    let errors = register_operator(&draft, &snapshot()).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        ["name", "organisation_number", "postal_code", "dro_number"]
    );
}

#[test]
fn r_reg_3_valid_operator_keeps_the_dro_number_given() {
    let draft = OperatorDraft {
        name: "Hero".to_owned(),
        organisation_number: "974760673".to_owned(),
        postal_code: Some("0010".to_owned()),
        dro_number: Some("DRO1500".to_owned()),
    };
    let operator = register_operator(&draft, &snapshot()).expect("valid");
    assert_eq!(operator.given_dro, Some(dro(1500)));
    assert_eq!(
        operator.postal_code.map(|code| code.as_str().to_owned()),
        Some("0010".to_owned())
    );
}
