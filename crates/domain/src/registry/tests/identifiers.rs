use super::*;

#[test]
fn r_reg_4_organisation_number_mod_11() {
    // Brønnøysundregistrene and Equinor ASA.
    for valid in ["974760673", "923609016"] {
        assert_eq!(OrganisationNumber::parse(valid).unwrap().as_str(), valid);
    }
    // Remainder 0 gives check digit 0.
    assert!(OrganisationNumber::parse("974760010").is_ok());
    // Wrong check digit; and a body with remainder 1, which no check digit can make valid.
    let mut invalid = vec!["974760674".to_owned(), "923609015".to_owned()];
    invalid.extend((0..=9).map(|digit| format!("97476007{digit}")));
    for text in invalid {
        let error = OrganisationNumber::parse(&text).unwrap_err();
        assert_eq!(error.field, "organisation_number");
        assert!(error.message.contains("check digit"), "{}", error.message);
    }
}

#[test]
fn r_reg_4_organisation_number_accepts_spaces_and_needs_nine_digits() {
    let number = OrganisationNumber::parse(" 974 760 673 ").unwrap();
    assert_eq!(number.as_str(), "974760673");
    assert_eq!(number.formatted(), "974 760 673");
    for bad in ["97476067", "9747606730", "97476067a", "974-760-673", ""] {
        let error = OrganisationNumber::parse(bad).unwrap_err();
        assert_eq!(error.field, "organisation_number");
        assert!(
            error.message.contains("nine digits"),
            "{bad}: {}",
            error.message
        );
    }
}

#[test]
fn r_reg_8_bank_account_mod_11() {
    let account = BankAccountNumber::parse("bank_account_operation", "1234.56.78903").unwrap();
    assert_eq!(account.as_str(), "12345678903");
    assert_eq!(account.formatted(), "1234.56.78903");
    assert!(BankAccountNumber::parse("x", "1234 56 78903").is_ok());
    // Remainder 0 gives check digit 0.
    assert!(BankAccountNumber::parse("x", "12345678970").is_ok());
    for bad in [
        "12345678904",
        "12345678920",
        "12345678929",
        "1234567890",
        "123456789031",
    ] {
        let error = BankAccountNumber::parse("bank_account_benefits", bad).unwrap_err();
        assert_eq!(error.field, "bank_account_benefits", "{bad}");
    }
}

#[test]
fn r_reg_4_postal_codes_and_municipality_numbers_have_four_digits() {
    assert_eq!(PostalCode::parse(" 0032 ").unwrap().as_str(), "0032");
    assert_eq!(MunicipalityNumber::parse("0301").unwrap().as_str(), "0301");
    for bad in ["032", "00320", "O032", ""] {
        assert_eq!(PostalCode::parse(bad).unwrap_err().field, "postal_code");
        assert_eq!(
            MunicipalityNumber::parse(bad).unwrap_err().field,
            "municipality_number"
        );
    }
}

#[test]
fn check_digit_helpers_agree_with_parsing() {
    assert_eq!(organisation_number_check_digit("97476067"), Some(3));
    assert_eq!(organisation_number_check_digit("97476007"), None);
    assert_eq!(bank_account_check_digit("1234567890"), Some(3));
    assert_eq!(bank_account_check_digit("123"), None);
}
