//! The template rules of SPEC §6, each by name: phases, clamping, working days over Easter,
//! backwards offsets, not-before dates, conditions, recurrence with the "leader called first"
//! skip, and the built-in templates' keys.

use chrono::NaiveDate;

use super::builtin;
use super::engine::{NotNeeded, Plan, TaskState, plan};
use super::input::{Experience, Facts, Hiring, PlanDates, PlanInput};
use super::template::{PhaseName, Template, Timing};
use crate::dates::parse_date;

mod templates;

fn day(text: &str) -> NaiveDate {
    parse_date(text).unwrap()
}

fn input(signed: &str, start: &str, end: &str, experience: Experience) -> PlanInput {
    PlanInput {
        dates: PlanDates {
            awarded: day(signed),
            signed: day(signed),
            operation_start: day(start),
            end: day(end),
        },
        experience,
        startup_months: None,
    }
}

fn template(key: &str) -> Template {
    builtin(key).unwrap()
}

fn phases(plan: &Plan) -> Vec<(PhaseName, NaiveDate, NaiveDate)> {
    plan.phases
        .iter()
        .map(|phase| (phase.name, phase.range.from(), phase.range.end()))
        .collect()
}

fn dues(plan: &Plan, key: &str) -> Vec<Option<NaiveDate>> {
    plan.tasks
        .iter()
        .filter(|task| task.key == key)
        .map(|task| task.due)
        .collect()
}

fn due(plan: &Plan, key: &str) -> Option<NaiveDate> {
    let dues = dues(plan, key);
    assert_eq!(dues.len(), 1, "{key}: {dues:?}");
    dues[0]
}

#[test]
fn spec_6_emergency_phases_run_from_signing_and_close_in_the_last_month() {
    let plan = plan(
        &template("emergency"),
        &input("2026-01-10", "2026-02-01", "2027-02-01", Experience::New),
        &Facts::default(),
    );
    assert_eq!(
        phases(&plan),
        [
            (PhaseName::Startup, day("2026-01-10"), day("2026-03-01")),
            (PhaseName::Operation, day("2026-03-01"), day("2027-01-01")),
            (PhaseName::Closing, day("2027-01-01"), day("2027-02-01")),
        ]
    );
}

#[test]
fn spec_6_the_closing_phase_wins_where_startup_and_closing_overlap() {
    // Six weeks of operation: start-up would last until 1 April, closing starts 15 March.
    let plan = plan(
        &template("emergency"),
        &input("2026-02-20", "2026-03-01", "2026-04-15", Experience::New),
        &Facts::default(),
    );
    assert_eq!(
        phases(&plan),
        [
            (PhaseName::Startup, day("2026-02-20"), day("2026-03-15")),
            (PhaseName::Closing, day("2026-03-15"), day("2026-04-15")),
        ]
    );
    // The control assessment would fall after the end: left out (SPEC §6).
    assert!(dues(&plan, "emergency.control_assessment").is_empty());
    assert!(dues(&plan, "emergency.followup_meeting").is_empty());
}

#[test]
fn spec_6_new_centre_start_up_lasts_by_experience_and_a_region_may_choose() {
    let dates = |experience| input("2026-01-05", "2026-02-01", "2028-02-01", experience);
    let startup_end = |input: &PlanInput| {
        plan(&template("new_centre"), input, &Facts::default()).phases[0]
            .range
            .end()
    };
    assert_eq!(
        startup_end(&dates(Experience::Experienced)),
        day("2026-05-01")
    );
    assert_eq!(startup_end(&dates(Experience::New)), day("2026-08-01"));
    let chosen = PlanInput {
        startup_months: Some(4),
        ..dates(Experience::New)
    };
    assert_eq!(startup_end(&chosen), day("2026-06-01"));
    let plan = plan(&template("new_centre"), &chosen, &Facts::default());
    assert_eq!(
        phases(&plan)[1],
        (PhaseName::Operation, day("2026-06-01"), day("2028-02-01"))
    );
    assert_eq!(due(&plan, "new_centre.control"), Some(day("2026-06-01")));
}

#[test]
fn spec_6_months_clamp_to_the_last_day_of_the_month() {
    // 31 January + 1 month = 28 February (29 in a leap year).
    let plan = plan(
        &template("emergency"),
        &input("2026-01-05", "2026-01-31", "2026-12-31", Experience::New),
        &Facts::default(),
    );
    assert_eq!(plan.phases[0].range.end(), day("2026-02-28"));
    // Backwards: 31 December − 1 month = 30 November.
    assert_eq!(plan.phases[2].range.from(), day("2026-11-30"));
    let leap = super::engine::plan(
        &template("emergency"),
        &input("2028-01-05", "2028-01-31", "2028-12-31", Experience::New),
        &Facts::default(),
    );
    assert_eq!(leap.phases[0].range.end(), day("2028-02-29"));
}

#[test]
fn r_pln_1_sesam_site_is_ordered_10_working_days_before_access_opens_over_easter() {
    // Operation starts Wednesday 15 April 2026: access opens 8 April, and ten working days
    // before it, counting past Maundy Thursday, Good Friday and Easter Monday, is 20 March.
    let plan = plan(
        &template("opening"),
        &input("2026-01-05", "2026-04-15", "2027-04-15", Experience::New),
        &Facts::default(),
    );
    let latest = due(&plan, "opening.sesam_site").unwrap();
    assert_eq!(latest, day("2026-03-20"));
    assert!(crate::calendar::add_working_days(latest, 10).unwrap() <= day("2026-04-08"));
    // Five working days after signing on Monday 5 January 2026.
    assert_eq!(due(&plan, "opening.duf_access"), Some(day("2026-01-12")));
}

#[test]
fn spec_6_backwards_offsets_count_from_the_end() {
    let plan = plan(
        &template("closing"),
        &input("2025-01-05", "2025-02-01", "2026-03-31", Experience::New),
        &Facts::default(),
    );
    // 31 March − 1 month = 28 February.
    assert_eq!(due(&plan, "closing.dates"), Some(day("2026-02-28")));
}

#[test]
fn spec_6_deletion_orders_are_not_before_three_months_after_the_end() {
    let plan = plan(
        &template("closing"),
        &input("2025-01-05", "2025-02-01", "2026-07-01", Experience::New),
        &Facts::default(),
    );
    for key in ["closing.sesam_users", "closing.sesam_site"] {
        let task = plan.tasks.iter().find(|task| task.key == key).unwrap();
        assert_eq!(task.due, Some(day("2026-10-01")), "{key}");
        assert_eq!(task.timing, Timing::NotBefore, "{key}");
    }
    let dates = plan
        .tasks
        .iter()
        .find(|task| task.key == "closing.dates")
        .unwrap();
    assert_eq!(dates.timing, Timing::By);
}

#[test]
fn spec_6_conditions_on_the_operators_experience_and_the_equipment() {
    let emergency = template("emergency");
    let dates = |experience| input("2026-01-05", "2026-02-01", "2027-02-01", experience);
    let new = plan(&emergency, &dates(Experience::New), &Facts::default());
    assert_eq!(due(&new, "emergency.meeting1"), Some(day("2026-01-12")));
    assert_eq!(due(&new, "emergency.meeting2"), Some(day("2026-02-15")));
    assert!(dues(&new, "emergency.startup_talk").is_empty());
    let experienced = plan(
        &emergency,
        &dates(Experience::Experienced),
        &Facts::default(),
    );
    assert!(dues(&experienced, "emergency.meeting1").is_empty());
    assert!(dues(&experienced, "emergency.meeting2").is_empty());
    assert_eq!(
        due(&experienced, "emergency.startup_talk"),
        Some(day("2026-02-15"))
    );
    assert_eq!(
        due(&experienced, "emergency.control_assessment"),
        Some(day("2026-08-01"))
    );
    let closing = template("closing");
    let without = Facts {
        has_equipment: Some(false),
        ..Facts::default()
    };
    let dates = dates(Experience::New);
    assert!(dues(&plan(&closing, &dates, &without), "closing.equipment").is_empty());
    assert_eq!(
        dues(
            &plan(&closing, &dates, &Facts::default()),
            "closing.equipment"
        )
        .len(),
        1
    );
}

#[test]
fn spec_6_meeting_1_counts_from_the_award_when_it_is_earlier() {
    let mut dates = input("2026-01-20", "2026-02-01", "2027-02-01", Experience::New);
    dates.dates.awarded = day("2026-01-02");
    let plan = plan(&template("emergency"), &dates, &Facts::default());
    assert_eq!(due(&plan, "emergency.meeting1"), Some(day("2026-01-09")));
}

#[test]
fn spec_6_weekly_calls_for_two_months_skip_a_week_the_leader_called_first() {
    // Start Thursday 1 January 2026: weeks end 7 Jan, 14 Jan … 25 Feb; 4 March is past
    // the two months.
    let dates = input("2025-12-01", "2026-01-01", "2028-01-01", Experience::New);
    let preview = plan(&template("new_centre"), &dates, &Facts::default());
    let calls = dues(&preview, "new_centre.weekly_call");
    assert_eq!(calls.len(), 8, "{calls:?}");
    assert_eq!(calls[0], Some(day("2026-01-07")));
    assert_eq!(calls[7], Some(day("2026-02-25")));
    let called = Facts {
        leader_calls: vec![day("2026-01-12")],
        ..Facts::default()
    };
    let plan = plan(&template("new_centre"), &dates, &called);
    let states: Vec<(Option<NaiveDate>, TaskState)> = plan
        .tasks
        .iter()
        .filter(|task| task.key == "new_centre.weekly_call")
        .map(|task| (task.due, task.state))
        .collect();
    assert_eq!(states.len(), 8);
    // The call on 12 January falls in the week 8–14 January.
    assert_eq!(
        states[1],
        (
            Some(day("2026-01-14")),
            TaskState::NotNeeded(NotNeeded::LeaderCalledFirst)
        )
    );
    assert!(
        states
            .iter()
            .enumerate()
            .all(|(index, (_, state))| index == 1 || *state == TaskState::Open)
    );
}

#[test]
fn spec_6_an_item_after_another_items_completion_has_no_date_until_it_is_done() {
    let dates = input("2026-01-05", "2026-04-15", "2027-04-15", Experience::New);
    let preview = plan(&template("opening"), &dates, &Facts::default());
    assert_eq!(due(&preview, "opening.agreement"), None);
    assert_eq!(due(&preview, "opening.first_passwords"), None);
    // Undated tasks come last.
    assert!(preview.tasks.last().unwrap().due.is_none());
    let mut done = Facts::default();
    done.completed
        .insert("opening.duf_access".into(), day("2026-01-09"));
    let plan = plan(&template("opening"), &dates, &done);
    assert_eq!(due(&plan, "opening.agreement"), Some(day("2026-01-13")));
}

#[test]
fn spec_6_a_course_for_each_new_employee_within_three_months_of_hiring() {
    let dates = input("2026-01-05", "2026-02-01", "2028-02-01", Experience::New);
    let preview = plan(&template("new_centre"), &dates, &Facts::default());
    assert_eq!(dues(&preview, "new_centre.staff_course"), [None]);
    let hired = Facts {
        hirings: vec![
            Hiring {
                employee: "Kari".into(),
                date: day("2026-01-31"),
            },
            Hiring {
                employee: "Ola".into(),
                date: day("2026-03-15"),
            },
        ],
        ..Facts::default()
    };
    let plan = plan(&template("new_centre"), &dates, &hired);
    assert_eq!(
        dues(&plan, "new_centre.staff_course"),
        [Some(day("2026-04-30")), Some(day("2026-06-15"))]
    );
}
