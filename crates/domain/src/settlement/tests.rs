use chrono::NaiveDate;

use super::agreement::validate_agreement;
use super::offers::validate_deadline;
use super::*;

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn signed(version: &str, on: &str, ends: Option<&str>) -> DataProcessingAgreement {
    DataProcessingAgreement {
        version: version.into(),
        signed_on: day(on),
        ends_on: ends.map(day),
    }
}

#[test]
fn r_auth_3_without_any_signed_agreement_a_municipality_is_blocked() {
    assert!(!agreement_in_force(None, &[], day("2026-12-02")));
    assert!(!agreement_in_force(Some("2026"), &[], day("2026-12-02")));
}

#[test]
fn r_auth_3_any_signed_version_counts_until_imdi_requires_one() {
    let old = [signed("2019", "2019-05-01", None)];
    assert!(agreement_in_force(None, &old, day("2026-12-02")));
    assert!(!agreement_in_force(Some("2026"), &old, day("2026-12-02")));
    let both = [old[0].clone(), signed("2026", "2026-11-01", None)];
    assert!(agreement_in_force(Some("2026"), &both, day("2026-12-02")));
}

#[test]
fn r_auth_3_an_agreement_is_in_force_from_its_signing_until_its_exclusive_end() {
    let agreement = [signed("2026", "2026-11-01", Some("2027-01-01"))];
    assert!(!agreement_in_force(None, &agreement, day("2026-10-31")));
    assert!(agreement_in_force(None, &agreement, day("2026-11-01")));
    assert!(agreement_in_force(None, &agreement, day("2026-12-31")));
    assert!(!agreement_in_force(None, &agreement, day("2027-01-01")));
}

#[test]
fn r_auth_3_a_registration_names_every_invalid_field() {
    let errors = validate_agreement(" ", "1.1.2026", Some("x")).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(fields, ["version", "signed_on", "ends_on"]);
    let errors = validate_agreement("2026", "2026-11-01", Some("2026-11-01")).unwrap_err();
    assert_eq!(errors[0].field, "ends_on");
    let agreement = validate_agreement(" 2026 ", "2026-11-01", Some("")).unwrap();
    assert_eq!(agreement, signed("2026", "2026-11-01", None));
}

#[test]
fn r_set_1_requests_and_decisions_count_minors_among_the_persons() {
    let numbers = validate_numbers(Some(2026), "4601", Some(30), Some(5)).unwrap();
    assert_eq!(numbers.persons, 30);
    let errors = validate_numbers(Some(2026), "4601", Some(3), Some(5)).unwrap_err();
    assert_eq!(errors[0].field, "unaccompanied_minors");
    let errors = validate_numbers(None, "46", Some(-1), None).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "year",
            "municipality_number",
            "persons",
            "unaccompanied_minors"
        ]
    );
    assert_eq!(
        validate_numbers(Some(1999), "4601", Some(1), Some(0)).unwrap_err()[0].field,
        "year"
    );
}

#[test]
fn r_set_3_open_and_accepted_offers_hold_room_declined_and_expired_free_it() {
    let offers = [
        (3, OfferStatus::Open),
        (2, OfferStatus::Accepted),
        (4, OfferStatus::Declined),
        (5, OfferStatus::Expired),
    ];
    assert_eq!(remaining_room(10, &offers), 5);
    assert_eq!(remaining_room(4, &offers), -1);
    assert_eq!(remaining_room(7, &[]), 7);
}

#[test]
fn r_set_3_an_unanswered_offer_expires_after_its_deadline_day() {
    let deadline = day("2026-12-10");
    assert_eq!(
        OfferStatus::on("open", deadline, day("2026-12-10")),
        OfferStatus::Open
    );
    assert_eq!(
        OfferStatus::on("open", deadline, day("2026-12-11")),
        OfferStatus::Expired
    );
    assert_eq!(
        OfferStatus::on("accepted", deadline, day("2027-01-01")),
        OfferStatus::Accepted
    );
    assert!(!OfferStatus::Declined.shows_members());
    assert!(OfferStatus::Accepted.shows_members());
}

#[test]
fn r_set_3_a_no_needs_a_reason_and_an_answer_is_yes_or_no() {
    assert_eq!(parse_answer("yes", None), Ok(Answer::Yes));
    assert_eq!(
        parse_answer("no", Some(" no housing ")),
        Ok(Answer::No {
            reason: "no housing".into()
        })
    );
    assert_eq!(parse_answer("no", None).unwrap_err().field, "reason");
    assert_eq!(parse_answer("no", Some("  ")).unwrap_err().field, "reason");
    assert_eq!(parse_answer("maybe", None).unwrap_err().field, "answer");
}

#[test]
fn r_set_3_a_deadline_is_a_date_from_today() {
    let today = day("2026-12-02");
    assert_eq!(validate_deadline("2026-12-02", today), Ok(today));
    assert_eq!(
        validate_deadline("2026-12-01", today).unwrap_err().field,
        "deadline"
    );
    assert_eq!(
        validate_deadline("soon", today).unwrap_err().field,
        "deadline"
    );
}

#[test]
fn r_set_3_ages_are_whole_years_on_the_offer_s_date() {
    assert_eq!(age_on(day("2016-08-02"), day("2026-08-01")), 9);
    assert_eq!(age_on(day("2016-08-02"), day("2026-08-02")), 10);
    assert_eq!(age_on(day("2008-02-29"), day("2026-02-28")), 17);
    assert_eq!(age_on(day("2008-02-29"), day("2026-03-01")), 18);
}

#[test]
fn r_set_7_national_figures_are_the_sum_of_the_municipalities() {
    let rows = [
        Figures {
            requested: 30,
            decided: 25,
            offered: 6,
            accepted: 4,
            settled: 0,
        },
        Figures {
            requested: 10,
            decided: 0,
            offered: 0,
            accepted: 0,
            settled: 0,
        },
    ];
    let national = national_figures(&rows);
    assert_eq!(national.requested, 40);
    assert_eq!(national.decided, 25);
    assert_eq!(national.accepted, 4);
}

fn reader(role: crate::access::Role) -> FolderReader {
    FolderReader {
        role,
        runs_the_centre: false,
        municipality_said_yes: false,
        has_folders_permission: false,
    }
}

#[test]
fn r_set_6_a_municipality_reads_a_folder_only_after_its_yes_and_with_the_permission() {
    use crate::access::Role;
    assert!(may_read_folder(reader(Role::Imdi)));
    assert!(may_read_folder(reader(Role::Admin)));
    assert!(!may_read_folder(reader(Role::Operator)));
    assert!(may_read_folder(FolderReader {
        runs_the_centre: true,
        ..reader(Role::Operator)
    }));
    let yes = FolderReader {
        municipality_said_yes: true,
        ..reader(Role::Municipality)
    };
    assert!(!may_read_folder(yes));
    assert!(may_read_folder(FolderReader {
        has_folders_permission: true,
        ..yes
    }));
    assert!(!may_read_folder(FolderReader {
        has_folders_permission: true,
        ..reader(Role::Municipality)
    }));
    for role in [Role::UdiAdm, Role::UdiRegion, Role::MunicipalityAdmin] {
        assert!(!may_read_folder(FolderReader {
            runs_the_centre: true,
            municipality_said_yes: true,
            has_folders_permission: true,
            ..reader(role)
        }));
    }
}

#[test]
fn r_set_6_a_folder_is_trimmed_and_every_bad_field_named() {
    let folder = Folder {
        education: " upper secondary ".into(),
        languages: vec![" tigrinja ".into(), " ".into()],
        health_needs: "x".repeat(4001),
        ..Folder::default()
    };
    let errors = validate_folder(&folder).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(fields, ["languages[1]", "health_needs"]);
    let folder = Folder {
        languages: vec![" tigrinja ".into()],
        ..folder
    };
    let folder = Folder {
        health_needs: "asthma".into(),
        ..folder
    };
    let checked = validate_folder(&folder).unwrap();
    assert_eq!(checked.education, "upper secondary");
    assert_eq!(checked.languages, ["tigrinja"]);
}
