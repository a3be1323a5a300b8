//! The JSON contract of `POST /api/v1/claims/simulate` (SPEC §10), both ways.

use serde_json::{Value, json};

use super::*;

fn simulate(body: Value) -> Value {
    let request: ClaimRequest = serde_json::from_value(body).expect("request shape");
    let input = request.parse().expect("valid request");
    serde_json::to_value(compute(&input)).expect("serializable")
}

#[test]
fn spec_request_gives_spec_response() {
    let response = simulate(json!({
        "month": "2024-06",
        "units": [{
            "place_type": "ordinary",
            "canteen": true,
            "agreements": [{
                "kind": "H", "valid_from": "2024-01-01", "valid_to": "2025-01-01", "stop_date": null,
                "fixed_places": 300, "fixed_annual_operating": 1_200_000_00, "fixed_annual_rent": 0,
                "unit_tiers": [{"priority": 1, "kind": "unit_price", "places": 50, "price": 800_00}],
                "meal_tiers": [{"priority": 1, "persons": 205, "price": 0},
                               {"priority": 2, "persons": 145, "price": 101_03}]
            }]
        }],
        "occupancy": [
            {"date": "2024-06-01", "place_type": "ordinary", "residents": 310},
            {"date": "2024-06-02", "place_type": "ordinary", "residents": 400}
        ]
    }));

    assert_eq!(
        response,
        json!({
            "month": "2024-06",
            "lines": [
                {"kind": "fixed_operating", "place_type": "ordinary", "price": 1_200_000_00,
                 "days": 30, "amount": 100_000_00},
                {"kind": "unit_price", "place_type": "ordinary", "priority": 1, "price": 800_00,
                 "days": 2, "quantity": 60, "amount": 60 * 800_00},
                {"kind": "meals", "place_type": "ordinary", "priority": 1, "price": 0,
                 "days": 2, "quantity": 410, "amount": 0},
                {"kind": "meals", "place_type": "ordinary", "priority": 2, "price": 101_03,
                 "days": 2, "quantity": 105 + 145, "amount": 250 * 101_03}
            ],
            "total": 100_000_00 + 60 * 800_00 + 250 * 101_03,
            "warnings": [
                {"date": "2024-06-02", "place_type": "ordinary", "unpaid_residents": 50},
                {"date": "2024-06-02", "place_type": "ordinary", "unpaid_meals": 50}
            ]
        })
    );
}

#[test]
fn optional_members_may_be_left_out() {
    let response = simulate(json!({
        "month": "2025-01",
        "units": [{"place_type": "youth_over_15", "canteen": false,
                   "agreements": [{"kind": "A", "valid_from": "2025-01-01", "valid_to": "2025-02-01"}]}]
    }));

    assert_eq!(
        response,
        json!({"month": "2025-01", "lines": [], "total": 0, "warnings": []})
    );
}

#[test]
fn field_error_displays_field_and_message() {
    let error = request("2024-02-30", vec![], vec![]).parse().unwrap_err();
    assert_eq!(
        error.to_string(),
        "month: must be an existing month, YYYY-MM"
    );
}

#[test]
fn place_type_codes_round_trip() {
    for place_type in PlaceType::ALL {
        let json = serde_json::to_value(place_type).unwrap();
        assert_eq!(json, Value::String(place_type.code().into()));
        assert_eq!(PlaceType::from_code(place_type.code()), Some(place_type));
    }
}
