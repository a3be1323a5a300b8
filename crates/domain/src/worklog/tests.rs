use super::*;

fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

fn today() -> NaiveDate {
    day("2026-03-10")
}

fn call() -> EntryInput {
    EntryInput {
        date: "2026-03-02".into(),
        kind: "call".into(),
        participants: vec!["Kari Nordmann (UDI Vest)".into(), " Ola Hansen ".into()],
        summary: "Ukentlig telefonkontakt med mottakslederen.".into(),
        follow_ups: vec![FollowUpInput {
            text: "Send kontaktpunktoversikten".into(),
            due: Some("2026-03-09".into()),
            done: false,
        }],
        plan_id: Some(3),
        task_position: Some(7),
        complete_task: true,
    }
}

fn fields(errors: Vec<FieldError>) -> Vec<String> {
    errors.into_iter().map(|error| error.field).collect()
}

#[test]
fn r_pln_3_an_entry_has_date_kind_participants_summary_and_follow_ups() {
    let entry = parse_entry(&call(), today()).unwrap();
    assert_eq!(entry.date, day("2026-03-02"));
    assert_eq!(entry.kind, LogKind::Call);
    assert_eq!(
        entry.participants,
        ["Kari Nordmann (UDI Vest)", "Ola Hansen"]
    );
    assert_eq!(entry.follow_ups[0].due, Some(day("2026-03-09")));
    assert_eq!(
        entry.task,
        Some(TaskRef {
            plan_id: 3,
            position: 7
        })
    );
}

#[test]
fn r_pln_3_every_invalid_field_is_named_at_once_in_form_order() {
    let input = EntryInput {
        date: "02.03.2026".into(),
        kind: "lunch".into(),
        participants: vec![" ".into()],
        summary: "  ".into(),
        follow_ups: vec![FollowUpInput {
            text: "Ring igjen".into(),
            due: Some("2026-02-30".into()),
            done: false,
        }],
        plan_id: Some(1),
        task_position: None,
        complete_task: false,
    };
    let errors = parse_entry(&input, today()).unwrap_err();
    assert_eq!(
        fields(errors.clone()),
        [
            "date",
            "kind",
            "participants",
            "summary",
            "follow_ups[0].due",
            "task_position"
        ]
    );
    assert_eq!(
        errors[1].message,
        "unknown kind \"lunch\"; one of meeting, call, visit, control, other"
    );
}

#[test]
fn r_pln_3_the_date_is_required_strict_and_not_after_today() {
    for (date, problem) in [
        ("", Problem::Required),
        ("2026-3-2", Problem::Date),
        ("2026-03-11", Problem::InTheFuture),
    ] {
        let input = EntryInput {
            date: date.into(),
            ..call()
        };
        let errors = parse_entry(&input, today()).unwrap_err();
        assert_eq!(errors[0].field, "date");
        assert_eq!(errors[0].problem, problem, "{date}");
    }
    let today_is_fine = EntryInput {
        date: "2026-03-10".into(),
        ..call()
    };
    assert!(parse_entry(&today_is_fine, today()).is_ok());
}

#[test]
fn r_pln_3_texts_have_limits() {
    let input = EntryInput {
        summary: "x".repeat(SUMMARY_MAX + 1),
        participants: vec!["y".repeat(NAME_MAX + 1)],
        follow_ups: vec![FollowUpInput {
            text: "z".repeat(FOLLOW_UP_MAX + 1),
            ..FollowUpInput::default()
        }],
        ..call()
    };
    let errors = parse_entry(&input, today()).unwrap_err();
    assert_eq!(
        fields(errors.clone()),
        ["participants[0]", "summary", "follow_ups[0].text"]
    );
    assert_eq!(errors[1].problem, Problem::TooLong { max: SUMMARY_MAX });
}

#[test]
fn r_pln_3_blank_follow_up_rows_are_dropped_and_a_due_date_needs_a_text() {
    let input = EntryInput {
        follow_ups: vec![
            FollowUpInput::default(),
            FollowUpInput {
                text: " ".into(),
                due: Some("2026-04-01".into()),
                done: false,
            },
        ],
        ..call()
    };
    let errors = parse_entry(&input, today()).unwrap_err();
    assert_eq!(fields(errors), ["follow_ups[1].text"]);
    let without = EntryInput {
        follow_ups: vec![FollowUpInput::default()],
        ..call()
    };
    assert!(
        parse_entry(&without, today())
            .unwrap()
            .follow_ups
            .is_empty()
    );
}

#[test]
fn r_pln_3_a_task_reference_names_both_plan_and_position() {
    let input = EntryInput {
        plan_id: None,
        task_position: Some(2),
        ..call()
    };
    assert_eq!(
        fields(parse_entry(&input, today()).unwrap_err()),
        ["plan_id"]
    );
    let neither = EntryInput {
        plan_id: None,
        task_position: None,
        ..call()
    };
    let entry = parse_entry(&neither, today()).unwrap();
    assert_eq!(entry.task, None);
    assert!(!entry.complete_task, "nothing to complete without a task");
}

#[test]
fn r_pln_3_a_form_s_participants_are_one_per_line_or_comma_separated() {
    assert_eq!(
        participants_from_text("Kari Nordmann\r\n\nOla Hansen, Per; Pål "),
        ["Kari Nordmann", "Ola Hansen", "Per", "Pål"]
    );
}

#[test]
fn r_pln_3_the_timeline_is_newest_first_then_by_id() {
    let mut entries = vec![
        (day("2026-03-01"), 1),
        (day("2026-03-05"), 2),
        (day("2026-03-01"), 3),
        (day("2026-02-20"), 4),
    ];
    sort_timeline(&mut entries, |entry| *entry);
    let ids: Vec<i64> = entries.iter().map(|entry| entry.1).collect();
    assert_eq!(ids, [2, 3, 1, 4]);
}

#[test]
fn r_pln_3_an_open_follow_up_past_its_date_is_overdue() {
    let follow_up = FollowUp {
        text: "Ring".into(),
        due: Some(day("2026-03-09")),
        done: false,
    };
    assert!(is_overdue(&follow_up, today()));
    assert!(!is_overdue(
        &FollowUp {
            done: true,
            ..follow_up.clone()
        },
        today()
    ));
    assert!(!is_overdue(
        &FollowUp {
            due: None,
            ..follow_up
        },
        today()
    ));
}

#[test]
fn r_pln_3_kinds_have_stable_codes() {
    for kind in LogKind::ALL {
        assert_eq!(LogKind::from_code(kind.code()), Some(kind));
    }
    assert_eq!(LogKind::parse("kind", " visit ").unwrap(), LogKind::Visit);
}
