//! The follow-up routines: a newly established centre (seed 002) and emergency accommodation
//! (seed 004), each with its phases.

use super::{EMERGENCY_TEAM, REGION, at, done, item};
use crate::plans::offset::Offset;
use crate::plans::template::{
    Anchor, Condition, PhaseEnd, PhaseName, PhaseSpec, PhaseSpecs, Responsible, Skip, Team,
    Template,
};

pub fn new_centre() -> Template {
    let start = || at(Anchor::OperationStart);
    Template {
        key: "new_centre".into(),
        version: 1,
        // Seed 002 §1: start-up for three to six months from the start by the operator's
        // experience, then operation.
        phases: Some(PhaseSpecs {
            from: start(),
            phases: vec![
                PhaseSpec {
                    name: PhaseName::Startup,
                    ends: PhaseEnd::MonthsByExperience {
                        new: 6,
                        experienced: 3,
                        min: 3,
                        max: 6,
                    },
                },
                PhaseSpec {
                    name: PhaseName::Operation,
                    ends: PhaseEnd::At(at(Anchor::End)),
                },
            ],
        }),
        items: vec![
            item("new_centre.training", REGION, start()),
            // "Weekly for the first two months": each week's call is due on the week's last
            // day (the start + 6 days, then every 7 days) while before the start + 2 months;
            // a week in which the leader called first needs none (seed 002 §3).
            item(
                "new_centre.weekly_call",
                REGION,
                start().plus(Offset::days(6)),
            )
            .every(
                Offset::weeks(1),
                start().plus(Offset::months(2)),
                Some(Skip::LeaderCalledFirst),
            )
            .when(Condition::StillOperating),
            item("new_centre.visit", REGION, start().plus(Offset::months(3)))
                .when(Condition::StillOperating),
            // Combined with the visit (seed 002 §3.2).
            item(
                "new_centre.host_municipality",
                REGION,
                start().plus(Offset::months(3)),
            )
            .when(Condition::StillOperating),
            item(
                "new_centre.staff_course",
                REGION,
                at(Anchor::Hiring).plus(Offset::months(3)),
            ),
            // No ordinary control in the start-up year (seed 002 §3.3): by the end of the
            // start-up phase the region decides whether a needs-based control is called for.
            item(
                "new_centre.control",
                REGION,
                at(Anchor::PhaseEnd(PhaseName::Startup)),
            )
            .when(Condition::StillOperating),
        ],
    }
}

pub fn emergency() -> Template {
    let start = || at(Anchor::OperationStart);
    let meeting1 = [
        "contract_obligations",
        "delivery_requirements",
        "dispensations",
        "startup_rampup",
    ];
    let meeting2 = ["status", "startup_challenges", "operator_topics"];
    Template {
        key: "emergency".into(),
        version: 1,
        // Seed 004 §1: start-up from signing until one month after the start; operation until
        // one month before the end; closing the last month.
        phases: Some(PhaseSpecs {
            from: at(Anchor::Signed),
            phases: vec![
                PhaseSpec {
                    name: PhaseName::Startup,
                    ends: PhaseEnd::At(start().plus(Offset::months(1))),
                },
                PhaseSpec {
                    name: PhaseName::Operation,
                    ends: PhaseEnd::At(at(Anchor::End).plus(Offset::months(-1))),
                },
                PhaseSpec {
                    name: PhaseName::Closing,
                    ends: PhaseEnd::At(at(Anchor::End)),
                },
            ],
        }),
        items: vec![
            item("emergency.contact", EMERGENCY_TEAM, at(Anchor::Signed)).agenda(&[
                "responsible_person",
                "contact_points",
                "information_letter",
            ]),
            // Seed 004 §3.3.1 names no date; a week after signing is our choice.
            item(
                "emergency.host_orientation",
                Responsible::Team(Team::RegionalDirector),
                at(Anchor::Signed).plus(Offset::days(7)),
            ),
            item(
                "emergency.meeting1",
                EMERGENCY_TEAM,
                at(Anchor::Awarded).plus(Offset::days(7)),
            )
            .when(Condition::OperatorNew)
            .agenda(&meeting1),
            item(
                "emergency.meeting2",
                EMERGENCY_TEAM,
                start().plus(Offset::days(14)),
            )
            .when(Condition::OperatorNew)
            .agenda(&meeting2),
            item(
                "emergency.startup_talk",
                EMERGENCY_TEAM,
                start().plus(Offset::days(14)),
            )
            .when(Condition::OperatorExperienced)
            .agenda(&[meeting1.as_slice(), meeting2.as_slice()].concat()),
            // After the formal orientation; five working days is our choice.
            item(
                "emergency.host_letter",
                EMERGENCY_TEAM,
                done("emergency.host_orientation").plus(Offset::working_days(5)),
            )
            .after(&["emergency.host_orientation"]),
            // Our choice: within the start-up phase.
            item(
                "emergency.host_meeting",
                EMERGENCY_TEAM,
                at(Anchor::PhaseEnd(PhaseName::Startup)),
            )
            .after(&["emergency.host_orientation"])
            .agenda(&[
                "resident_group",
                "startup_and_residents",
                "centre_requirements",
                "residents_rights",
                "host_grants",
            ]),
            // Our choice: the digital training is open by the start (seed 004 §3.4).
            item(
                "emergency.training",
                Responsible::Team(Team::InformationAndTraining),
                start(),
            )
            .agenda(&[
                "role_ethics",
                "economy",
                "resident_work",
                "volunteers",
                "children",
                "settlement_preparation",
                "mot_portal",
            ]),
            // Our choice: a month into the operation phase (seed 004 §4.2 gives no date).
            item(
                "emergency.followup_meeting",
                EMERGENCY_TEAM,
                at(Anchor::PhaseStart(PhaseName::Operation)).plus(Offset::months(1)),
            )
            .when(Condition::BeforeClosing)
            .agenda(&[
                "delivery_status",
                "requirements_review",
                "throughput",
                "host_partners",
            ]),
            // SPEC §6: when operation has lasted six months; not in the closing phase.
            item(
                "emergency.control_assessment",
                EMERGENCY_TEAM,
                start().plus(Offset::months(6)),
            )
            .when(Condition::BeforeClosing),
            // In the closing phase, by the last operating day.
            item(
                "emergency.closing_meeting",
                EMERGENCY_TEAM,
                at(Anchor::PhaseEnd(PhaseName::Closing)).plus(Offset::days(-1)),
            )
            .agenda(&["learning_points", "thanks"]),
            // Reviewed after the end: within a month is our choice.
            item(
                "emergency.final_report",
                EMERGENCY_TEAM,
                at(Anchor::End).plus(Offset::months(1)),
            ),
            item(
                "emergency.learning_points",
                EMERGENCY_TEAM,
                at(Anchor::End).plus(Offset::months(2)),
            )
            .after(&["emergency.final_report"])
            .agenda(&[
                "to_contract_team",
                "to_requirements_team",
                "to_follow_up_team",
            ]),
        ],
    }
}
