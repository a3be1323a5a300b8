//! The free-text fields: length limits, phone numbers, IP addresses.

use super::*;
use crate::error::Problem;
use crate::registry::free_text::{EMAIL_MAX, TEXT_MAX};

#[test]
fn phone_numbers_are_digits_spaces_and_plus_with_at_least_eight_digits() {
    for good in ["22 11 11 11", "+47 22111111", "004722111111", "22111111"] {
        assert!(check_phone("phone", good).is_ok(), "{good}");
    }
    for bad in [
        "abc",
        "2211 111",
        "22-11-11-11",
        "tlf 22111111",
        "+47 2211 11x1",
    ] {
        let error = check_phone("phone", bad).unwrap_err();
        assert_eq!(error.field, "phone");
        assert_eq!(error.problem, Problem::Phone { text: bad.into() });
    }
}

#[test]
fn ip_addresses_are_ipv4_or_ipv6() {
    for good in [
        "10.0.0.1",
        "192.168.1.254",
        "::1",
        "2001:db8::8a2e:370:7334",
    ] {
        assert!(check_ip_address("ip_address", good).is_ok(), "{good}");
    }
    for bad in ["999.999.1.1", "10.0.0", "abc", "1.2.3.4.5", "2001:db8::g"] {
        assert!(check_ip_address("ip_address", bad).is_err(), "{bad}");
    }
}

#[test]
fn every_free_text_has_a_length_limit() {
    let long = "x".repeat(TEXT_MAX + 1);
    let errors = check_free_texts(&[
        ("name", Some(&long)),
        ("leader", Some(&"y".repeat(20_000))),
        ("visiting_address", Some(&"z".repeat(TEXT_MAX))),
        ("phone", None),
        ("ip_address", Some("  ")),
    ]);
    let fields: Vec<&str> = errors.iter().map(|error| error.field.as_str()).collect();
    assert_eq!(fields, ["name", "leader"]);
    assert_eq!(errors[0].problem, Problem::TooLong { max: TEXT_MAX });
    assert_eq!(errors[0].message, "at most 200 characters");
}

#[test]
fn an_e_mail_address_may_be_longer_than_a_name() {
    let email = format!("{}@example.no", "a".repeat(220));
    assert!(check_free_text("email", &email).is_ok());
    assert!(check_free_text("email", &"a".repeat(EMAIL_MAX + 1)).is_err());
}

#[test]
fn every_problem_of_the_free_texts_is_reported_at_once() {
    let errors = check_free_texts(&[
        ("phone", Some("abc")),
        ("ip_address", Some("999.999.1.1")),
        ("leader", Some(&"l".repeat(201))),
    ]);
    assert_eq!(errors.len(), 3);
}
