use proptest::prelude::*;

use super::*;

proptest! {
    #[test]
    fn generated_valid_organisation_numbers_parse(body in "[0-9]{8}") {
        match organisation_number_check_digit(&body) {
            Some(digit) => {
                let text = format!("{body}{digit}");
                let parsed = OrganisationNumber::parse(&text).unwrap();
                prop_assert_eq!(parsed.as_str(), text.as_str());
                for other in (0..=9u8).filter(|other| *other != digit) {
                    let text = format!("{body}{other}");
                    prop_assert!(OrganisationNumber::parse(&text).is_err());
                }
            }
            None => {
                for digit in 0..=9u8 {
                    let text = format!("{body}{digit}");
                    prop_assert!(OrganisationNumber::parse(&text).is_err());
                }
            }
        }
    }

    #[test]
    fn first_free_number_is_the_lowest_unused(
        used in proptest::collection::vec(1..=99u8, 0..120),
        other in proptest::collection::vec(1..=99u8, 0..20),
    ) {
        let series = series("12");
        let mut numbers: Vec<CentreNumber> = used
            .iter()
            .map(|running| CentreNumber::from_parts(&series, *running).unwrap())
            .collect();
        numbers.extend(other.iter().map(|running| CentreNumber::from_parts(&self::series("14"), *running).unwrap()));
        match first_free_number(&series, &numbers) {
            Ok(next) => {
                prop_assert!(!numbers.contains(&next));
                prop_assert_eq!(next.series(), series);
                prop_assert!((1..next.running()).all(|lower| used.contains(&lower)));
            }
            Err(error) => {
                prop_assert_eq!(error.field, "series");
                prop_assert!((1..=99).all(|running| used.contains(&running)));
            }
        }
    }

    #[test]
    fn csv_round_trips_any_text(fields in proptest::collection::vec("[a-zA-Zæøå;\"\n\r ]{0,12}", 1..6)) {
        let mut text = String::new();
        csv::write_row(&mut text, &fields);
        let records = csv::parse(&text);
        prop_assert_eq!(records.len(), 1);
        prop_assert_eq!(&records[0].fields, &fields);
    }
}
