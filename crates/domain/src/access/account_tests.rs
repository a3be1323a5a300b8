//! R-AUTH-4: who may manage which account.

use super::*;

#[test]
fn r_auth_4_municipality_admin_manages_only_own_caseworkers() {
    let manage = |role, municipality| {
        may_manage_account(Role::MunicipalityAdmin, Some("0301"), role, municipality)
    };
    assert!(manage(Role::Municipality, Some("0301")));
    assert!(!manage(Role::Municipality, Some("4601")));
    assert!(!manage(Role::MunicipalityAdmin, Some("0301")));
    assert!(!manage(Role::Admin, None));
}

#[test]
fn r_auth_4_imdi_creates_municipal_admins_only() {
    assert!(may_manage_account(
        Role::Imdi,
        None,
        Role::MunicipalityAdmin,
        Some("0301")
    ));
    assert!(!may_manage_account(
        Role::Imdi,
        None,
        Role::Municipality,
        Some("0301")
    ));
    assert!(!may_manage_account(
        Role::UdiAdm,
        None,
        Role::Municipality,
        Some("0301")
    ));
}

#[test]
fn r_auth_4_assignable_roles() {
    assert_eq!(assignable_roles(Role::Admin), Role::ALL.to_vec());
    assert_eq!(assignable_roles(Role::Imdi), [Role::MunicipalityAdmin]);
    assert_eq!(
        assignable_roles(Role::MunicipalityAdmin),
        [Role::Municipality]
    );
    assert!(assignable_roles(Role::UdiAdm).is_empty());
    assert!(assignable_roles(Role::Municipality).is_empty());
}

#[test]
fn scope_matches_the_role() {
    let region = validate_scope("udi_region", Some("vest"), Some("DRO1"), None, &[]).unwrap();
    assert_eq!(region.region, Some(Region::Vest));
    assert_eq!(region.operator_dro, None);
    assert_eq!(
        validate_scope("udi_region", None, None, None, &[])
            .unwrap_err()
            .field,
        "region"
    );
    assert_eq!(
        validate_scope("operator", None, Some("1000"), None, &[])
            .unwrap_err()
            .field,
        "operator"
    );
    assert_eq!(
        validate_scope("municipality", None, None, Some("30"), &[])
            .unwrap_err()
            .field,
        "municipality"
    );
    assert_eq!(
        validate_scope("root", None, None, None, &[])
            .unwrap_err()
            .field,
        "role"
    );
}

#[test]
fn r_reg_3_operator_scope_uses_the_typed_dro_number() {
    let scope = |dro| validate_scope("operator", None, Some(dro), None, &[]);
    assert_eq!(
        scope(" dro1000 ").unwrap().operator_dro,
        DroNumber::new(1000)
    );
    // A spelling that is not how the number prints would never match its operator.
    let refused = scope("DRO01000").unwrap_err();
    assert_eq!(refused.field, "operator");
    assert!(refused.message.contains("leading zeros"), "{refused}");
    assert_eq!(scope("DRO").unwrap_err().field, "operator");
    assert_eq!(scope("1000").unwrap_err().field, "operator");
}

#[test]
fn usernames_are_plain() {
    assert_eq!(
        validate_username(" Kari.Nordmann ").unwrap(),
        "kari.nordmann"
    );
    assert!(validate_username("ka").is_err());
    assert!(validate_username("kari nordmann").is_err());
    assert!(validate_username("1kari").is_err());
}

#[test]
fn a_display_name_is_at_most_200_characters() {
    assert_eq!(
        validate_display_name("  Kari Nordmann ").unwrap(),
        "Kari Nordmann"
    );
    assert!(validate_display_name(&"k".repeat(DISPLAY_NAME_MAX)).is_ok());
    let error = validate_display_name(&"k".repeat(20_000)).unwrap_err();
    assert_eq!(error.field, "display_name");
    assert_eq!(error.problem, crate::error::Problem::TooLong { max: 200 });
}
