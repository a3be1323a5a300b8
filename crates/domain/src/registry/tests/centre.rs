use super::*;

fn warnings(name: &str, category: Category, place_type: PlaceType) -> Vec<String> {
    crate::registry::warning::english(&name_warnings(name, category, place_type))
}

#[test]
fn r_reg_5_name_warnings() {
    use Category::*;
    // Names that follow the convention: no warnings.
    assert!(warnings("Lier asylmottak", Ordinary, PlaceType::Ordinary).is_empty());
    assert!(warnings("Hvalstad asylmottak FA", Ordinary, PlaceType::Reinforced).is_empty());
    assert!(
        warnings(
            "Eina asylmottak EM",
            UnaccompaniedMinors,
            PlaceType::YouthOver15
        )
        .is_empty()
    );
    assert!(warnings("Råde asylmottak transitt", Transit, PlaceType::Transit).is_empty());
    assert!(
        warnings(
            "Råde asylmottak EM transitt",
            Transit,
            PlaceType::YouthOver15
        )
        .is_empty()
    );
    assert!(warnings("Nesna asylmottak akutt", Emergency, PlaceType::Emergency).is_empty());
    assert!(warnings("Nedre Eiker Asylmottak", Ordinary, PlaceType::Ordinary).is_empty());

    // Ordinary centres carry no suffix.
    let found = warnings("Lier asylmottak EM", Ordinary, PlaceType::Ordinary);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0],
        "An ordinary centre with ordinary places carries no suffix after \"asylmottak\" (R-REG-5)."
    );
    // The suffix should fit the category.
    let found = warnings(
        "Eina asylmottak",
        UnaccompaniedMinors,
        PlaceType::YouthOver15,
    );
    assert!(found[0].contains("asylmottak EM"), "{}", found[0]);
    let found = warnings("Hvalstad asylmottak", Ordinary, PlaceType::Reinforced);
    assert!(found[0].contains("asylmottak FA"), "{}", found[0]);
    // Not one of the suffixes (the seed's own typo included).
    let found = warnings("Råde asylmottak tranistt", Transit, PlaceType::Transit);
    assert!(found[0].contains("not one of the suffixes"), "{}", found[0]);
    // No "asylmottak", nothing before it, too long.
    assert_eq!(
        warnings("Lier mottak", Ordinary, PlaceType::Ordinary).len(),
        1
    );
    assert_eq!(
        warnings("asylmottak", Ordinary, PlaceType::Ordinary).len(),
        1
    );
    let long = "Det store og flotte mottaket ved fjorden i nord asylmottak";
    assert!(warnings(long, Ordinary, PlaceType::Ordinary)[0].contains("short"));
    assert_eq!(warnings("  ", Ordinary, PlaceType::Ordinary).len(), 1);
}

#[test]
fn r_reg_7_asylmottak_mailbox_refused() {
    for mailbox in [
        "lier@asylmottak.no",
        "Lier.Mottak@Asylmottak.NO",
        "post@lier.asylmottak.no",
    ] {
        let error = check_centre_email(mailbox).unwrap_err();
        assert_eq!(error.field, "email");
        assert!(error.message.contains("R-REG-7"), "{}", error.message);
    }
    assert!(check_centre_email("post@lier-asylmottak.no").is_ok());
    assert!(check_centre_email("lier.asylmottak@hero.no").is_ok());
}

#[test]
fn r_reg_7_email_must_look_like_an_address() {
    for bad in [
        "",
        "post",
        "@hero.no",
        "post@hero",
        "post@@hero.no",
        "po st@hero.no",
        "post@hero..no",
    ] {
        assert_eq!(check_centre_email(bad).unwrap_err().field, "email", "{bad}");
    }
    assert_eq!(
        check_email("contact_email", "x").unwrap_err().field,
        "contact_email"
    );
}

#[test]
fn r_reg_1_series_35_exactly_for_special_care() {
    let error = series_warnings(&series("35"), Category::Ordinary, &[]).unwrap_err();
    assert_eq!(error.field, "series");
    let error = series_warnings(&series("12"), Category::SpecialCare, &["12".into()]).unwrap_err();
    assert_eq!(error.field, "series");
    // 35 is exempt from the county check.
    assert_eq!(
        series_warnings(&series("35"), Category::SpecialCare, &[]),
        Ok(vec![])
    );
}

#[test]
fn r_reg_1_series_not_the_old_county_is_a_warning() {
    let volda = ["14".to_owned(), "15".to_owned()];
    assert_eq!(
        series_warnings(&series("15"), Category::Ordinary, &volda),
        Ok(vec![])
    );
    let found = series_warnings(&series("12"), Category::Ordinary, &volda).unwrap();
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("14 or 15"), "{}", found[0]);
    let unknown = series_warnings(&series("12"), Category::Transit, &[]).unwrap();
    assert!(unknown[0].contains("not known"), "{}", unknown[0]);
}

#[test]
fn category_place_type_matrix_warns_outside_the_table() {
    use Category::*;
    for (category, place_type) in [
        (Ordinary, PlaceType::Ordinary),
        (Ordinary, PlaceType::Reinforced),
        (UnaccompaniedMinors, PlaceType::YouthOver15),
        (Transit, PlaceType::Transit),
        (Transit, PlaceType::YouthOver15),
        (Emergency, PlaceType::Emergency),
        (SpecialCare, PlaceType::Other),
    ] {
        assert!(
            place_type_warnings(category, place_type).is_empty(),
            "{category}"
        );
    }
    let found = place_type_warnings(UnaccompaniedMinors, PlaceType::Ordinary);
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("youth_over_15"), "{}", found[0]);
    // Every category's default place type is in its own row.
    for category in Category::ALL {
        assert!(place_type_warnings(category, category.default_place_type()).is_empty());
    }
}

#[test]
fn categories_have_the_api_codes() {
    for category in Category::ALL {
        assert_eq!(Category::parse(category.code()), Ok(category));
        let json = serde_json::to_string(&category).unwrap();
        assert_eq!(json, format!("\"{}\"", category.code()));
    }
    assert_eq!(Category::parse("EM").unwrap_err().field, "category");
    assert_eq!(Category::SpecialCare.default_place_type(), PlaceType::Other);
    assert_eq!(Category::UnaccompaniedMinors.name_suffix(), Some("EM"));
    assert_eq!(
        parse_place_type("place_type", "youth_over_15"),
        Ok(PlaceType::YouthOver15)
    );
    assert_eq!(
        parse_place_type("place_type", "x").unwrap_err().field,
        "place_type"
    );
}

#[test]
fn r_reg_8_accounting_data_says_what_is_missing() {
    let mut data = AccountingData {
        external_cost_centre: Some("123456".into()),
        udi_cost_centre: Some("  ".into()),
        ..AccountingData::default()
    };
    assert_eq!(
        data.missing(),
        [
            "udi_cost_centre",
            "supplier_number_benefits",
            "supplier_number_operation",
            "organisation_number",
            "bank_account_benefits",
            "bank_account_operation"
        ]
    );
    assert!(!data.is_complete());
    data.udi_cost_centre = Some("4100".into());
    data.supplier_number_benefits = Some("70001".into());
    data.supplier_number_operation = Some("70002".into());
    data.organisation_number = Some(OrganisationNumber::parse("974760673").unwrap());
    let account = BankAccountNumber::parse("bank_account_benefits", "12345678903").unwrap();
    data.bank_account_benefits = Some(account.clone());
    data.bank_account_operation = Some(account);
    assert!(data.is_complete());
    for field in AccountingData::FIELDS {
        assert!(AccountingData::label_nb(field).is_some(), "{field}");
    }
}

#[test]
fn r_reg_1_region_follows_the_series_and_series_35_names_it() {
    use crate::access::Region;
    let oslo = Series::parse("03").unwrap();
    let special = Series::parse("35").unwrap();
    assert_eq!(
        centre_region(&oslo, Some(Region::Ost), None),
        Ok((Region::Ost, None))
    );
    let (region, warning) = centre_region(&oslo, Some(Region::Ost), Some(Region::Vest)).unwrap();
    assert_eq!(region, Region::Ost);
    assert!(warning.unwrap().contains("follows series 03"));
    assert_eq!(
        centre_region(&special, None, Some(Region::Midt)),
        Ok((Region::Midt, None))
    );
    assert_eq!(
        centre_region(&special, None, None).unwrap_err().field,
        "region"
    );
}
