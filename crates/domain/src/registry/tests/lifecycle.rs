use super::*;
use crate::access::Region;

use LifecycleOperation as Op;

fn open_centre() -> CentreState<'static> {
    CentreState {
        open: true,
        name: "Lier asylmottak",
        category: Category::Ordinary,
        place_type: PlaceType::Ordinary,
    }
}

#[test]
fn r_reg_2_change_of_operator_needs_new_number_and_new_accounting() {
    let op = Op::ChangeOperator {
        new_name: "Sylling asylmottak".into(),
    };
    assert!(op.needs_new_number());
    let consequences = op.consequences();
    for expected in [
        Consequence::NewNumber,
        Consequence::OldNumberRetired,
        Consequence::NewExternalCostCentre,
        Consequence::NewSupplierNumber,
        Consequence::AccountingDataNotCopied,
        Consequence::StartsTask("opening.duf_access"),
        Consequence::StartsTask("opening.supplier"),
        Consequence::StartsTask("opening.accounting"),
    ] {
        assert!(consequences.contains(&expected), "{expected:?}");
    }
    assert!(!consequences.contains(&Consequence::KeepsNumber));
}

#[test]
fn r_reg_2_change_of_operator_changes_the_name_too() {
    let same = Op::ChangeOperator {
        new_name: " lier  Asylmottak".into(),
    };
    assert_eq!(
        check_change(&open_centre(), &same).unwrap_err().field,
        "name"
    );
    let new = Op::ChangeOperator {
        new_name: "Sylling asylmottak".into(),
    };
    assert_eq!(check_change(&open_centre(), &new), Ok(()));
}

#[test]
fn r_reg_2_rename_keeps_number() {
    let op = Op::Rename {
        new_name: "Sylling asylmottak".into(),
    };
    assert!(!op.needs_new_number());
    assert_eq!(op.consequences(), [Consequence::KeepsNumber]);
    assert_eq!(check_change(&open_centre(), &op), Ok(()));
    let same = Op::Rename {
        new_name: "Lier asylmottak ".into(),
    };
    assert_eq!(
        check_change(&open_centre(), &same).unwrap_err().field,
        "name"
    );
    let blank = Op::Rename {
        new_name: " ".into(),
    };
    assert_eq!(check_transition(true, &blank).unwrap_err().field, "name");
}

#[test]
fn r_reg_2_reopening_keeps_number() {
    assert!(!Op::Reopen.needs_new_number());
    assert_eq!(Op::Reopen.consequences(), [Consequence::KeepsNumber]);
    assert_eq!(check_transition(false, &Op::Reopen), Ok(()));
    assert_eq!(
        check_transition(true, &Op::Reopen).unwrap_err().field,
        "status"
    );
}

#[test]
fn r_reg_2_place_type_and_category_changes_need_new_numbers() {
    for op in [
        Op::AddPlaceType(PlaceType::Reinforced),
        Op::ChangePlaceType(PlaceType::Reinforced),
        Op::ChangeCategory(Category::Transit),
    ] {
        assert!(op.needs_new_number(), "{}", op.code());
        assert!(
            op.consequences()
                .contains(&Consequence::AccountingDataNotCopied)
        );
        assert_eq!(check_change(&open_centre(), &op), Ok(()));
        assert_eq!(check_transition(false, &op).unwrap_err().field, "status");
    }
}

#[test]
fn r_agr_12_change_of_place_type_lists_residents_to_move() {
    let change = Op::ChangePlaceType(PlaceType::Reinforced).consequences();
    assert!(change.contains(&Consequence::ResidentsMustMove));
    assert!(change.contains(&Consequence::OldNumberRetired));
    // An added place type leaves the old number and its residents where they are.
    let add = Op::AddPlaceType(PlaceType::Reinforced).consequences();
    assert!(!add.contains(&Consequence::ResidentsMustMove));
    assert!(!add.contains(&Consequence::OldNumberRetired));
}

#[test]
fn r_reg_2_same_place_type_or_category_is_refused() {
    let centre = open_centre();
    let same_type = Op::ChangePlaceType(PlaceType::Ordinary);
    assert_eq!(
        check_change(&centre, &same_type).unwrap_err().field,
        "place_type"
    );
    let added = Op::AddPlaceType(PlaceType::Ordinary);
    assert_eq!(
        check_change(&centre, &added).unwrap_err().field,
        "place_type"
    );
    let same_category = Op::ChangeCategory(Category::Ordinary);
    assert_eq!(
        check_change(&centre, &same_category).unwrap_err().field,
        "category"
    );
}

#[test]
fn closing_keeps_the_number_and_only_an_open_centre_closes() {
    assert!(!Op::Close.needs_new_number());
    assert!(Op::Close.consequences().contains(&Consequence::KeepsNumber));
    assert_eq!(check_transition(true, &Op::Close), Ok(()));
    assert_eq!(
        check_transition(false, &Op::Close).unwrap_err().field,
        "status"
    );
    let closed = CentreState {
        open: false,
        ..open_centre()
    };
    let rename = Op::Rename {
        new_name: "Sylling asylmottak".into(),
    };
    assert_eq!(check_change(&closed, &rename), Ok(()));
}

#[test]
fn operations_have_codes_and_every_consequence_is_described() {
    let ops = [
        Op::AddPlaceType(PlaceType::Transit),
        Op::ChangePlaceType(PlaceType::Transit),
        Op::ChangeCategory(Category::Transit),
        Op::ChangeOperator {
            new_name: "X".into(),
        },
        Op::Rename {
            new_name: "X".into(),
        },
        Op::Reopen,
        Op::Close,
    ];
    let codes: Vec<&str> = ops.iter().map(Op::code).collect();
    assert_eq!(
        codes,
        [
            "add_place_type",
            "change_place_type",
            "change_category",
            "change_operator",
            "rename",
            "reopen",
            "close"
        ]
    );
    for consequence in ops.iter().flat_map(Op::consequences) {
        assert!(!consequence.describe_nb().is_empty());
        assert!(!consequence.describe_en().is_empty());
        assert_ne!(consequence.describe_en(), "A task starts.");
    }
}

fn replacement(
    old: &str,
    operation: &LifecycleOperation,
    given: Option<&str>,
) -> Result<Option<String>, FieldError> {
    replacement_series(&series(old), operation, given.map(series))
        .map(|new| new.map(|new| new.as_str().to_owned()))
}

#[test]
fn r_reg_2_replacement_number_keeps_the_series_except_for_special_care() {
    let to = |category| Op::ChangeCategory(category);
    let kept = |text: &str| Ok(Some(text.to_owned()));
    assert_eq!(replacement("03", &to(Category::Transit), None), kept("03"));
    assert_eq!(
        replacement("03", &to(Category::SpecialCare), None),
        kept("35")
    );
    assert_eq!(
        replacement("03", &to(Category::SpecialCare), Some("35")),
        kept("35")
    );
    assert_eq!(
        replacement("35", &to(Category::Ordinary), Some("16")),
        kept("16")
    );
    for (old, operation, given) in [
        ("35", to(Category::Ordinary), None),
        ("35", to(Category::Ordinary), Some("35")),
        ("03", to(Category::SpecialCare), Some("16")),
    ] {
        let error = replacement(old, &operation, given).unwrap_err();
        assert_eq!(error.field, "series", "{old} {operation:?} {given:?}");
    }
}

#[test]
fn r_reg_2_series_is_refused_on_operations_that_keep_the_series() {
    let operator = Op::ChangeOperator {
        new_name: "Sylling asylmottak".into(),
    };
    let rename = Op::Rename {
        new_name: "Sylling asylmottak".into(),
    };
    for operation in [
        Op::AddPlaceType(PlaceType::Reinforced),
        Op::ChangePlaceType(PlaceType::Transit),
        Op::ChangeCategory(Category::Transit),
        operator.clone(),
        rename.clone(),
        Op::Close,
        Op::Reopen,
    ] {
        let error = replacement("03", &operation, Some("16")).unwrap_err();
        assert_eq!(error.field, "series", "{operation:?}");
    }
    assert_eq!(replacement("03", &operator, None), Ok(Some("03".into())));
    assert_eq!(replacement("35", &operator, None), Ok(Some("35".into())));
    assert_eq!(replacement("03", &rename, None), Ok(None));
}

fn replacement_number<'a>(
    series: &'a Series,
    series_region: Option<Region>,
    old_counties: &'a [String],
) -> NewNumber<'a> {
    NewNumber {
        name: "Lia asylmottak",
        category: Category::Ordinary,
        place_type: PlaceType::Ordinary,
        series,
        series_region,
        given_region: None,
        old_counties,
    }
}

#[test]
fn r_reg_1_successor_leaving_series_35_gets_the_new_series_region() {
    let table = [(series("16"), Some(Region::Midt)), (series("35"), None)];
    let new_series = replacement("35", &Op::ChangeCategory(Category::Ordinary), Some("16"))
        .unwrap()
        .unwrap();
    let new_series = series(&new_series);
    let series_region = series_region(&table, &new_series).unwrap();
    let counties = ["16".to_owned()];
    let (region, warnings) = check_replacement(
        &replacement_number(&new_series, series_region, &counties),
        Region::Nord,
    )
    .unwrap();
    assert_eq!(region, Region::Midt, "not the old centre's NORD");
    assert!(warnings.is_empty(), "{warnings:?}");
}

#[test]
fn r_reg_1_successor_in_series_35_keeps_the_region_entered_for_the_old_number() {
    let special = series("35");
    let new = NewNumber {
        category: Category::SpecialCare,
        place_type: PlaceType::Other,
        ..replacement_number(&special, None, &[])
    };
    assert_eq!(
        check_replacement(&new, Region::Nord).unwrap(),
        (Region::Nord, Vec::new())
    );
}

#[test]
fn r_reg_1_successor_series_must_be_in_the_series_table() {
    let table = [(series("16"), Some(Region::Midt))];
    let error = series_region(&table, &series("99")).unwrap_err();
    assert_eq!(error.field, "series");
}

#[test]
fn r_reg_1_and_r_reg_5_successor_gets_the_warnings_of_a_new_centre() {
    let oslo = series("03");
    let counties = ["02".to_owned()];
    let new = NewNumber {
        name: "Hotell Oslo",
        ..replacement_number(&oslo, Some(Region::Ost), &counties)
    };
    let (region, warnings) = check_replacement(&new, Region::Vest).unwrap();
    assert_eq!(region, Region::Ost);
    assert!(
        warnings
            .iter()
            .any(|warning| warning.contains("asylmottak")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|warning| warning.contains("pre-2020 county")),
        "{warnings:?}"
    );
}

#[test]
fn r_reg_2_one_number_per_place_type_across_linked_numbers() {
    let linked = [
        ("0301", PlaceType::Ordinary),
        ("0302", PlaceType::Reinforced),
    ];
    let add = Op::AddPlaceType(PlaceType::Reinforced);
    let error = check_place_type_free(&add, PlaceType::Reinforced, "0301", &linked).unwrap_err();
    assert_eq!(error.field, "place_type");
    assert!(error.message.contains("0302"), "{}", error.message);
    // The number kept open by adding a place type still counts.
    let add_ordinary = Op::AddPlaceType(PlaceType::Ordinary);
    assert!(check_place_type_free(&add_ordinary, PlaceType::Ordinary, "0302", &linked).is_err());
    let change = Op::ChangePlaceType(PlaceType::Ordinary);
    assert!(check_place_type_free(&change, PlaceType::Ordinary, "0302", &linked).is_err());
    // The number an operation retires does not count.
    let change = Op::ChangePlaceType(PlaceType::Transit);
    assert_eq!(
        check_place_type_free(&change, PlaceType::Transit, "0301", &linked),
        Ok(())
    );
    let category = Op::ChangeCategory(Category::Transit);
    assert_eq!(
        check_place_type_free(&category, PlaceType::Ordinary, "0301", &linked),
        Ok(())
    );
    assert_eq!(
        check_place_type_free(&Op::Close, PlaceType::Ordinary, "0302", &linked),
        Ok(())
    );
}
