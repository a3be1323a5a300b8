use super::*;

fn user(id: i64, role: &str, municipality: Option<&str>, permissions: &str) -> UserRecord {
    UserRecord {
        id,
        username: format!("user{id}"),
        display_name: format!("User {id}"),
        role: role.to_owned(),
        region: None,
        operator_dro: None,
        municipality_number: municipality.map(str::to_owned),
        permissions: permissions.to_owned(),
        password_hash: String::new(),
        totp_secret: None,
        totp_enabled: 0,
        totp_last_step: 0,
        disabled: 0,
        created_at: String::new(),
        version: 1,
        email: Some(format!("user{id}@example.no")),
    }
}

fn facts() -> OfferFacts {
    OfferFacts {
        offer_id: 17,
        year: 2026,
        households: 1,
        persons: 4,
        deadline: "2026-12-18".parse().unwrap(),
    }
}

#[test]
fn r_set_3_offer_mail_has_no_personal_data() {
    let mail = offer_mail(&facts(), "https://mottak.example.no/");
    // The composition takes only figures, a date and an id: what it says is exactly these.
    assert!(
        mail.subject.contains("antall personer 4"),
        "{}",
        mail.subject
    );
    assert!(mail.subject.contains("18.12.2026"), "{}", mail.subject);
    assert!(mail.subject.contains("persons 4"), "{}", mail.subject);
    let body = &mail.body;
    assert!(
        body.contains("Antall husstander: 1\nAntall personer: 4"),
        "{body}"
    );
    assert!(body.contains("Households: 1\nPersons: 4"), "{body}");
    assert!(body.contains("Svarfrist: 18.12.2026"), "{body}");
    assert!(body.contains("Answer by: 18.12.2026"), "{body}");
    assert!(
        body.contains("https://mottak.example.no/settlement?year=2026#h-offer-17"),
        "{body}"
    );
    assert!(
        body.find("Svarfrist").unwrap() < body.find("Answer by").unwrap(),
        "Norwegian first: {body}"
    );
    // Every digit in the mail is one of the figures, the deadline, the year or the offer id.
    let allowed = ["1", "4", "18", "12", "2026", "17"];
    for number in body
        .split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty())
    {
        assert!(allowed.contains(&number), "{number} in {body}");
    }
}

#[test]
fn r_set_8_message_mail_names_the_offer_and_the_side_but_not_the_text() {
    let mail = message_mail(17, Side::Centre, "http://127.0.0.1:8080");
    assert!(mail.subject.contains("tilbud 17"), "{}", mail.subject);
    assert!(mail.body.contains("fra mottaket"), "{}", mail.body);
    assert!(
        mail.body.contains("from the reception centre"),
        "{}",
        mail.body
    );
    assert!(
        mail.body
            .contains("http://127.0.0.1:8080/settlement/offers/17/messages"),
        "{}",
        mail.body
    );
}

#[test]
fn r_set_1a_request_mail_gives_the_numbers_and_reminds_of_the_decision_letter() {
    let mail = request_mail(
        &RequestFacts {
            year: 2027,
            persons: 30,
            unaccompanied_minors: 5,
        },
        "https://mottak.example.no",
    );
    assert!(mail.subject.contains("2027"), "{}", mail.subject);
    assert!(
        mail.body
            .contains("bosette 30 flyktninger i 2027, av dem 5")
    );
    assert!(mail.body.contains("IMDis postmottak"), "{}", mail.body);
    assert!(
        mail.body
            .contains("https://mottak.example.no/settlement?year=2027")
    );
}

#[test]
fn r_set_3_the_offer_goes_to_the_municipality_caseworkers_with_the_offers_permission() {
    let mut disabled = user(5, "municipality", Some("4601"), "offers_and_decisions");
    disabled.disabled = 1;
    let mut without_address = user(6, "municipality", Some("4601"), "offers_and_decisions");
    without_address.email = None;
    let users = [
        user(
            1,
            "municipality",
            Some("4601"),
            "offers_and_decisions,person_folders",
        ),
        user(2, "municipality", Some("4601"), "reports"),
        user(3, "municipality", Some("0301"), "offers_and_decisions"),
        user(4, "imdi", None, ""),
        disabled,
        without_address,
    ];
    assert_eq!(
        side_addresses(&users, Side::Municipality, "4601", None),
        ["user1@example.no"]
    );
    assert_eq!(
        side_addresses(&users, Side::Imdi, "4601", None),
        ["user4@example.no"]
    );
}

#[test]
fn r_set_8_the_centre_side_is_the_operator_of_the_household_centre() {
    let mut own = user(1, "operator", None, "");
    own.operator_dro = Some("DRO1001".into());
    let mut other = user(2, "operator", None, "");
    other.operator_dro = Some("DRO1002".into());
    let users = [own, other];
    assert_eq!(
        side_addresses(&users, Side::Centre, "4601", Some(1001)),
        ["user1@example.no"]
    );
    assert!(side_addresses(&users, Side::Centre, "4601", None).is_empty());
}

#[test]
fn r_set_1a_a_postmottak_that_is_not_an_address_is_not_used() {
    assert_eq!(
        usable_postmottak(Some(" postmottak@bergen.kommune.no ")),
        Some("postmottak@bergen.kommune.no".into())
    );
    assert_eq!(usable_postmottak(Some("a@b.no\nBcc: x@y.no")), None);
    assert_eq!(usable_postmottak(None), None);
}
