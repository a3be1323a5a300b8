use super::*;

fn resident(id: i64, household: &str, settled: bool) -> ResidentFacts {
    ResidentFacts {
        id,
        household: household.to_owned(),
        settled,
        languages: Vec::new(),
        network: String::new(),
    }
}

fn keys(households: &[WaitingHousehold]) -> Vec<&str> {
    households
        .iter()
        .map(|household| household.key.as_str())
        .collect()
}

#[test]
fn r_set_9_waiting_households_are_those_without_settlement_or_a_holding_offer() {
    let residents = [
        resident(1, "haile", false),
        resident(2, "haile", false),
        resident(3, "rahimi", false),
        resident(4, "settled", true),
        resident(5, "settled", false),
        resident(6, "declined", false),
        resident(7, "expired", false),
        resident(8, "accepted", false),
    ];
    let offers = [
        ("rahimi".to_owned(), OfferStatus::Open),
        ("declined".to_owned(), OfferStatus::Declined),
        ("expired".to_owned(), OfferStatus::Expired),
        ("accepted".to_owned(), OfferStatus::Accepted),
    ];
    let waiting = waiting_households(&residents, &offers);
    assert_eq!(keys(&waiting), ["declined", "expired", "haile"]);
    assert_eq!(waiting[2].resident_ids, [1, 2]);
    assert_eq!(waiting[2].size(), 2);
}

#[test]
fn r_set_9_waiting_households_gather_their_members_languages_and_networks() {
    let mut mother = resident(1, "haile", false);
    mother.languages = vec!["tigrinja".into(), "engelsk".into()];
    mother.network = "Søster i Bergen".into();
    let mut son = resident(2, "haile", false);
    son.languages = vec!["tigrinja".into()];
    let waiting = waiting_households(&[mother, son], &[]);
    assert_eq!(waiting[0].languages, ["tigrinja", "engelsk"]);
    assert_eq!(waiting[0].networks, ["Søster i Bergen"]);
}

#[test]
fn r_set_9_remaining_numbers_follow_the_offer_rule_of_r_set_3() {
    let decisions = [("4601".to_owned(), 10), ("0301".to_owned(), 3)];
    let offers = [
        ("4601".to_owned(), 4, OfferStatus::Open),
        ("4601".to_owned(), 2, OfferStatus::Accepted),
        ("4601".to_owned(), 3, OfferStatus::Declined),
        ("4601".to_owned(), 1, OfferStatus::Expired),
        ("0301".to_owned(), 5, OfferStatus::Accepted),
    ];
    let remaining = remaining_numbers(&decisions, &offers);
    assert_eq!(
        remaining["4601"],
        remaining_room(10, &[(4, OfferStatus::Open), (2, OfferStatus::Accepted)])
    );
    assert_eq!(remaining["4601"], 4);
    // Lowered below what is offered: no room, never a negative capacity.
    assert_eq!(remaining["0301"], 0);
    assert_eq!(remaining.len(), 2);
}

fn bergen() -> MunicipalityFacts {
    MunicipalityFacts {
        number: "4601".into(),
        name: "Bergen".into(),
        languages: vec!["Tigrinja".into()],
        services: vec!["wheelchair".into()],
    }
}

fn household(network: &str, languages: &[&str]) -> WaitingHousehold {
    WaitingHousehold {
        key: "haile".into(),
        resident_ids: vec![1],
        languages: languages
            .iter()
            .map(|language| (*language).to_owned())
            .collect(),
        networks: vec![network.to_owned()],
    }
}

#[test]
fn r_set_9_criteria_score_network_ties_and_served_languages() {
    let criteria = Criteria::default();
    let none = household("", &[]);
    assert_eq!(criteria_score(&none, &[], &bergen(), &criteria), Some(1.0));
    let tie = household("bror i Bergen", &[]);
    assert_eq!(criteria_score(&tie, &[], &bergen(), &criteria), Some(3.0));
    let by_number = household("onkel i 4601", &["tigrinja"]);
    assert_eq!(
        criteria_score(&by_number, &[], &bergen(), &criteria),
        Some(4.0)
    );
    // A word that only starts like the name is no tie.
    let near = household("venn på Bergenhus", &[]);
    assert_eq!(criteria_score(&near, &[], &bergen(), &criteria), Some(1.0));
}

#[test]
fn r_set_9_hard_needs_exclude_municipalities_without_the_service() {
    let criteria = Criteria::default();
    let family = household("", &[]);
    assert_eq!(
        criteria_score(&family, &["Wheelchair".into()], &bergen(), &criteria),
        Some(1.0)
    );
    assert_eq!(
        criteria_score(&family, &["dialysis".into()], &bergen(), &criteria),
        None
    );
}

#[test]
fn r_set_9_score_lines_take_a_header_and_decimal_commas_and_name_every_bad_line() {
    let lines =
        parse_score_lines("scores", "household;municipality;score\nhaile;4601;3,75\n").unwrap();
    assert_eq!(
        lines,
        [ScoreLine {
            household: "haile".into(),
            municipality: "4601".into(),
            score: 3.75
        }]
    );
    let errors = parse_score_lines("scores", "haile;4601\nhaile;4601;x\nok;0301;1").unwrap_err();
    assert_eq!(errors.len(), 2);
    assert_eq!(errors[0].field, "scores");
    assert_eq!(errors[1].problem, Problem::ScoreLine { line: 2 });
}

#[test]
fn r_set_9_lists_map_keys_to_values() {
    let lists = parse_lists("services", "4601;wheelchair, dialysis\n0301;wheelchair").unwrap();
    assert_eq!(lists["4601"], ["wheelchair", "dialysis"]);
    assert!(parse_lists("services", "no separator").is_err());
}
