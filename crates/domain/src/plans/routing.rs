//! Contact routing (R-PLN-2): in the start-up phase UDI's teams reach the centre through the
//! regional unit, except logistics, settlement and contract/control; once the centre is in
//! operation they may contact it directly with the region copied.

use chrono::NaiveDate;

use super::phases::Phase;
use super::template::PhaseName;

/// How UDI's teams contact a centre.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Routing {
    /// Start-up: through the regional unit, except logistics (arrivals, transport), settlement
    /// (the centre's settlement officer) and contract/control (access, training).
    ThroughRegion,
    /// Operation: directly, with the regional unit copied.
    DirectRegionCopied,
}

impl Routing {
    pub fn code(self) -> &'static str {
        match self {
            Routing::ThroughRegion => "through_region",
            Routing::DirectRegionCopied => "direct",
        }
    }
}

/// The routing of a phase. SPEC names start-up and operation; the closing phase follows a
/// centre already in operation, so it keeps the operation's routing (our reading).
pub fn routing(phase: PhaseName) -> Routing {
    match phase {
        PhaseName::Startup => Routing::ThroughRegion,
        PhaseName::Operation | PhaseName::Closing => Routing::DirectRegionCopied,
    }
}

/// The phase a centre is in on `day`: the phase holding the day in the latest of its plans
/// that have phases (new-centre and emergency follow-up, given oldest first); without one, in
/// operation while one of its agreements is in force, else in none.
pub fn phase_on(
    plans: &[Vec<Phase>],
    agreement_in_force: bool,
    day: NaiveDate,
) -> Option<PhaseName> {
    plans
        .iter()
        .rev()
        .find_map(|phases| {
            phases
                .iter()
                .find(|phase| phase.range.contains(day))
                .map(|phase| phase.name)
        })
        .or(agreement_in_force.then_some(PhaseName::Operation))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::DateRange;

    fn day(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn phase(name: PhaseName, from: NaiveDate, to: NaiveDate) -> Phase {
        Phase {
            name,
            range: DateRange::new(from, to).unwrap(),
        }
    }

    fn new_centre_plan() -> Vec<Phase> {
        vec![
            phase(PhaseName::Startup, day(1, 1), day(4, 1)),
            phase(PhaseName::Operation, day(4, 1), day(12, 1)),
        ]
    }

    #[test]
    fn r_pln_2_startup_goes_through_the_region_and_operation_is_direct() {
        assert_eq!(routing(PhaseName::Startup), Routing::ThroughRegion);
        assert_eq!(routing(PhaseName::Operation), Routing::DirectRegionCopied);
        assert_eq!(routing(PhaseName::Closing), Routing::DirectRegionCopied);
    }

    #[test]
    fn r_pln_2_the_phase_today_comes_from_the_plan_holding_the_day() {
        let plans = [new_centre_plan()];
        assert_eq!(phase_on(&plans, true, day(3, 31)), Some(PhaseName::Startup));
        // Exclusive end: 1 April is the first day of operation.
        assert_eq!(
            phase_on(&plans, true, day(4, 1)),
            Some(PhaseName::Operation)
        );
    }

    #[test]
    fn r_pln_2_the_latest_plan_wins_and_an_agreement_in_force_means_operation() {
        let later = vec![phase(PhaseName::Startup, day(3, 1), day(5, 1))];
        let plans = [new_centre_plan(), later];
        assert_eq!(phase_on(&plans, true, day(4, 15)), Some(PhaseName::Startup));
        assert_eq!(phase_on(&[], true, day(4, 15)), Some(PhaseName::Operation));
        assert_eq!(phase_on(&plans, false, day(12, 15)), None);
    }
}
