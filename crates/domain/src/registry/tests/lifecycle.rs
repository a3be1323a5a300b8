use super::*;

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

#[test]
fn r_reg_2_replacement_number_keeps_the_series_except_for_special_care() {
    let oslo = Series::parse("03").unwrap();
    let special = Series::parse("35").unwrap();
    let series = |old: &Series, category, given: Option<&str>| {
        replacement_series(
            old,
            category,
            given.map(|text| Series::parse(text).unwrap()),
        )
    };
    assert_eq!(series(&oslo, Category::Transit, None), Ok(oslo.clone()));
    assert_eq!(
        series(&oslo, Category::SpecialCare, None),
        Ok(special.clone())
    );
    assert_eq!(
        series(&special, Category::Ordinary, Some("16"))
            .unwrap()
            .as_str(),
        "16"
    );
    assert_eq!(
        series(&special, Category::Ordinary, None)
            .unwrap_err()
            .field,
        "series"
    );
    assert_eq!(
        series(&oslo, Category::Ordinary, Some("35"))
            .unwrap_err()
            .field,
        "series"
    );
}
