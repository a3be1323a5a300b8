//! The built-in templates' keys and data, and the preview request's validation (SPEC §10).

use super::{day, template};
use crate::plans::input::Experience;
use crate::plans::template::Template;
use crate::plans::{PreviewRequest, builtin};

#[test]
fn spec_6_the_built_in_templates_have_exactly_the_keys_spec_lists() {
    let keys = |key: &str| -> Vec<String> {
        template(key)
            .items
            .into_iter()
            .map(|item| item.key)
            .collect()
    };
    let expected = |prefix: &str, names: &[&str]| -> Vec<String> {
        names
            .iter()
            .map(|name| format!("{prefix}.{name}"))
            .collect()
    };
    assert_eq!(
        keys("opening"),
        expected(
            "opening",
            &[
                "duf_access",
                "agreement",
                "ip_address",
                "sesam_site",
                "sesam_users",
                "first_passwords",
                "supplier",
                "accounting",
                "mailbox",
                "address_list"
            ]
        )
    );
    assert_eq!(
        keys("closing"),
        expected(
            "closing",
            &[
                "dates",
                "sesam_users",
                "sesam_site",
                "address_list",
                "mailbox",
                "equipment"
            ]
        )
    );
    let mut new_centre = keys("new_centre");
    new_centre.sort();
    let mut wanted = expected(
        "new_centre",
        &[
            "training",
            "weekly_call",
            "visit",
            "host_municipality",
            "staff_course",
            "control",
        ],
    );
    wanted.sort();
    assert_eq!(new_centre, wanted);
    let mut emergency = keys("emergency");
    emergency.sort();
    let mut wanted = expected(
        "emergency",
        &[
            "contact",
            "meeting1",
            "meeting2",
            "startup_talk",
            "host_letter",
            "host_meeting",
            "training",
            "followup_meeting",
            "control_assessment",
            "closing_meeting",
            "final_report",
            "learning_points",
            "host_orientation",
        ],
    );
    wanted.sort();
    assert_eq!(emergency, wanted);
    assert!(builtin("unknown").is_none());
}

#[test]
fn spec_6_templates_are_versioned_data_that_read_back_from_json() {
    for key in crate::plans::TEMPLATE_KEYS {
        let template = template(key);
        assert_eq!(template.version, 1);
        let json = serde_json::to_string(&template).unwrap();
        let back: Template = serde_json::from_str(&json).unwrap();
        assert_eq!(back, template, "{key}");
    }
}

#[test]
fn spec_10_preview_request_defaults_the_award_and_names_every_bad_field() {
    let request = PreviewRequest {
        template: "emergency".into(),
        signed: "2026-01-05".into(),
        operation_start: "2026-02-01".into(),
        end: "2027-02-01".into(),
        ..PreviewRequest::default()
    };
    let parsed = request.parse().unwrap();
    assert_eq!(parsed.input.dates.awarded, day("2026-01-05"));
    assert_eq!(parsed.input.experience, Experience::New);
    let bad = PreviewRequest {
        template: "opnening".into(),
        awarded: Some("2026-01-06".into()),
        end: "2026-02-01".into(),
        startup_months: Some(9),
        ..request.clone()
    };
    let fields: Vec<String> = bad
        .parse()
        .unwrap_err()
        .into_iter()
        .map(|error| error.field)
        .collect();
    assert_eq!(fields, ["template", "awarded", "end"]);
    let months = PreviewRequest {
        template: "new_centre".into(),
        startup_months: Some(9),
        ..request
    };
    let fields: Vec<String> = months
        .parse()
        .unwrap_err()
        .into_iter()
        .map(|error| error.field)
        .collect();
    assert_eq!(fields, ["startup_months"]);
}
