//! Reading the form: values, exclusive ends, øre, lines and problems at their fields.

use super::*;

fn values(pairs: &[(&str, &str)]) -> Values {
    Values::new(
        pairs
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect(),
    )
}

#[test]
fn a_filled_block_becomes_a_request_with_exclusive_ends_and_ore() {
    let form = values(&[
        ("month", "03.2026"),
        ("u0-place_type", "ordinary"),
        ("u0-canteen", "on"),
        ("u0-residents", "120"),
        ("u0-a0-kind", "H"),
        ("u0-a0-valid_from", "01.01.2026"),
        ("u0-a0-last_day", "31.12.2026"),
        ("u0-a0-fixed_places", "100"),
        ("u0-a0-fixed_annual_operating", "1 234 567,89"),
        (
            "u0-a0-unit_tiers",
            "1;stykkpris;20;850,50\n\n2;unit_price;0;1 000",
        ),
        ("u0-a0-meal_tiers", "1;100;0\n2;0;101,03"),
    ]);
    let (request, origins) = read(&form, Lang::Nb).unwrap();
    assert_eq!(request.month, "2026-03");
    let agreement = &request.units[0].agreements[0];
    assert_eq!(agreement.valid_to, "2027-01-01");
    assert_eq!(agreement.stop_date, None);
    assert_eq!(agreement.fixed_annual_operating, 123_456_789);
    assert_eq!(agreement.unit_tiers[0].kind, "unit_price");
    assert_eq!(agreement.unit_tiers[0].price, 85_050);
    assert_eq!(agreement.unit_tiers[1].price, 100_000);
    assert_eq!(agreement.meal_tiers[1].price, 10_103);
    assert_eq!(origins.unit_tier_lines, vec![vec![vec![1, 3]]]);
    assert_eq!(request.occupancy.len(), 31);
    assert_eq!(request.occupancy[30].date, "2026-03-31");
    assert_eq!(
        origins.occupancy[4],
        OccupancyOrigin::Residents { unit: 0, day: 5 }
    );
}

#[test]
fn every_typing_problem_is_reported_at_its_field() {
    let form = values(&[
        ("month", "2026-02"),
        ("u1-place_type", "transit"),
        ("u1-residents", "1 2 x"),
        ("u1-a2-kind", "T"),
        ("u1-a2-valid_from", "30.02.2026"),
        ("u1-a2-fixed_annual_rent", "12,345"),
        ("u1-a2-unit_tiers", "1;unit_price;10"),
        (
            "occupancy_csv",
            "dato;plasstype;beboere\n2026-02-01;transit;mange",
        ),
    ]);
    // As the page reads it: the paste boxes folded into rows, a pasted header dropped.
    let mut form = form;
    super::super::rows::normalise(&mut form);
    let problems = read(&form, Lang::En).unwrap_err();
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "u1-residents",
            "u1-a2-valid_from",
            "u1-a2-last_day",
            "u1-a2-fixed_annual_rent",
            "u1-a2-unit_tiers",
            "occupancy_csv"
        ]
    );
    assert!(problems[4].message.starts_with("Row 1:"));
    // The pasted header is dropped: the occupancy row is the first.
    assert!(problems[5].message.starts_with("Row 1:"));
}

#[test]
fn per_day_residents_start_on_the_first_and_may_stop_early() {
    let form = values(&[
        ("month", "2024-02"),
        ("u0-place_type", "ordinary"),
        ("u0-residents", "5\n6;7"),
    ]);
    let (request, _) = read(&form, Lang::Nb).unwrap();
    let days: Vec<(&str, i64)> = request
        .occupancy
        .iter()
        .map(|entry| (entry.date.as_str(), entry.residents))
        .collect();
    assert_eq!(
        days,
        [("2024-02-01", 5), ("2024-02-02", 6), ("2024-02-03", 7)]
    );
    let too_many = values(&[
        ("month", "2024-02"),
        ("u0-place_type", "ordinary"),
        ("u0-residents", &"1 ".repeat(30)),
    ]);
    assert_eq!(
        read(&too_many, Lang::Nb).unwrap_err()[0].field,
        "u0-residents"
    );
}
