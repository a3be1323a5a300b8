//! Request paths back to form fields, and the rules' messages in bokmål.

use super::*;

fn origins() -> Origins {
    Origins {
        units: vec![0, 2],
        agreements: vec![vec![0], vec![0, 2]],
        unit_tier_lines: vec![vec![vec![1]], vec![vec![], vec![2, 5, 7]]],
        meal_tier_lines: vec![vec![vec![]], vec![vec![], vec![1]]],
        occupancy: vec![
            OccupancyOrigin::Residents { unit: 2, day: 1 },
            OccupancyOrigin::Csv { line: 4 },
        ],
    }
}

#[test]
fn request_paths_point_at_the_blocks_they_came_from() {
    let origins = origins();
    let place = |path| super::place(path, &origins, Lang::Nb);
    assert_eq!(place("month").field, "month");
    assert_eq!(place("units[1].place_type").field, "u2-place_type");
    assert_eq!(
        place("units[1].agreements[1].valid_to").field,
        "u2-a2-last_day"
    );
    assert_eq!(
        place("units[1].agreements[1].stop_date").field,
        "u2-a2-stop_last_day"
    );
    let tier = place("units[1].agreements[1].unit_tiers[2].price");
    assert_eq!(tier.field, "u2-a2-unit_tiers");
    assert_eq!(tier.detail, "Rad 7, pris");
    assert_eq!(
        place("units[1].agreements[1].meal_tiers[0].persons").field,
        "u2-a2-meal_tiers"
    );
    assert_eq!(place("occupancy[0].residents").detail, "Dag 1");
    assert_eq!(place("occupancy[1].date").field, "occupancy_csv");
    assert_eq!(place("units[5].place_type").field, "");
    assert_eq!(place("somewhere[0]").field, "");
}

#[test]
fn the_rules_messages_are_translated() {
    use mottak_domain::error::Problem;
    let translated = |field, problem| translate(&FieldError::coded(field, problem), Lang::Nb);
    assert_eq!(
        translated("month", Problem::Month),
        "må være en måned som finnes, åååå-mm"
    );
    assert_eq!(
        translated("x.price", Problem::AtMost { max: 100000000 }),
        "kan være høyst 100000000"
    );
    assert_eq!(
        translate(&FieldError::coded("x", Problem::Negative), Lang::En),
        "must not be negative"
    );
}

/// Each rule of the domain's `parse.rs`, broken once: its message must have a translation.
#[test]
fn every_message_of_the_rules_has_a_translation() {
    use serde_json::json;
    let agreement = |changes: serde_json::Value| {
        let mut agreement =
            json!({"kind": "H", "valid_from": "2026-01-01", "valid_to": "2027-01-01"});
        agreement
            .as_object_mut()
            .unwrap()
            .extend(changes.as_object().unwrap().clone());
        agreement
    };
    let unit = |canteen: bool, agreements: serde_json::Value| json!({"place_type": "ordinary", "canteen": canteen, "agreements": agreements});
    let tier = |priority: i64, places: i64| json!({"priority": priority, "kind": "unit_price", "places": places, "price": 100});
    let on = |date: &str, place_type: &str| json!({"date": date, "place_type": place_type, "residents": 1});
    let request = |units: serde_json::Value, occupancy: serde_json::Value| json!({"month": "2026-03", "units": units, "occupancy": occupancy});
    let cases = [
        json!({"month": "2026-13", "units": []}),
        request(
            json!([{"place_type": "castle", "canteen": false, "agreements": []}]),
            json!([]),
        ),
        request(
            json!([unit(false, json!([])), unit(false, json!([]))]),
            json!([]),
        ),
        request(
            json!([unit(false, json!([agreement(json!({"kind": "X"}))]))]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(json!({"valid_from": "2026-02-30"}))])
            )]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(json!({"valid_to": "2025-01-01"}))])
            )]),
            json!([]),
        ),
        request(
            json!([unit(false, json!([agreement(json!({"fixed_places": -1}))]))]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(json!({"fixed_places": 1_000_000_000}))])
            )]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(
                    json!({"unit_tiers": [{"priority": 1, "kind": "x", "places": 1, "price": 1}]})
                )])
            )]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(json!({"unit_tiers": [tier(0, 1)]}))])
            )]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(json!({"unit_tiers": [tier(1, 1), tier(1, 2)]}))])
            )]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(json!({"unit_tiers": [tier(1, 0), tier(2, 2)]}))])
            )]),
            json!([]),
        ),
        request(
            json!([unit(
                false,
                json!([agreement(
                    json!({"meal_tiers": [{"priority": 1, "persons": 1, "price": 1}]})
                )])
            )]),
            json!([]),
        ),
        request(
            json!([unit(false, json!([]))]),
            json!([on("2026-04-01", "ordinary")]),
        ),
        request(
            json!([unit(false, json!([]))]),
            json!([on("2026-03-01", "transit")]),
        ),
        request(
            json!([unit(false, json!([]))]),
            json!([on("2026-03-01", "ordinary"), on("2026-03-01", "ordinary")]),
        ),
        request(
            json!([unit(false, json!(vec![agreement(json!({})); 65]))]),
            json!([]),
        ),
    ];
    for body in cases {
        let request: mottak_domain::claims::ClaimRequest = serde_json::from_value(body).unwrap();
        let error = request.parse().unwrap_err();
        assert_ne!(translate(&error, Lang::Nb), error.message, "{error}");
    }
}
