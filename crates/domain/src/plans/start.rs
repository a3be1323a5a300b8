//! Which plans start by themselves (SPEC §6, issue 15): an agreement's registration starts the
//! ICT opening routine for a centre that has none, and the follow-up by the centre's category;
//! a lifecycle operation's new number (R-REG-2) starts the part of the opening routine a new
//! number needs; an end or stop date starts the closing routine.

use chrono::NaiveDate;

use crate::agreements::AgreementKind;
use crate::registry::Category;

use super::template::Template;

/// The opening items a new number needs (R-REG-2): access in DUF, the supplier and the
/// accounting data; the rest (Sesam, mailbox) follows the centre, not its number.
pub const NEW_NUMBER_ITEMS: [&str; 3] = [
    "opening.duf_access",
    "opening.supplier",
    "opening.accounting",
];

/// The key of the opening routine limited to [`NEW_NUMBER_ITEMS`], stored as its own template
/// so that a plan of it never reads the full routine back.
pub const NEW_NUMBER_TEMPLATE: &str = "new_number";

/// What is known of one centre of a newly registered agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Registration {
    pub kind: AgreementKind,
    pub category: Category,
    /// The centre already has an opening plan.
    pub has_opening_plan: bool,
    /// Main agreements of the centre registered before this one.
    pub earlier_main_agreements: usize,
}

/// The templates the registration starts for the centre, in order.
pub fn templates_on_registration(registration: &Registration) -> Vec<&'static str> {
    let mut templates = Vec::new();
    if !registration.has_opening_plan {
        templates.push("opening");
    }
    let follow_up = match (registration.category, registration.kind) {
        // Seed 004: every emergency accommodation is followed up from its own agreement, a
        // standby one once it is activated.
        (Category::Emergency, AgreementKind::Main | AgreementKind::Activation) => Some("emergency"),
        (Category::Emergency, AgreementKind::Supplementary) => None,
        // Seed 002: a newly established centre, so its first main agreement only.
        (_, AgreementKind::Main) if registration.earlier_main_agreements == 0 => Some("new_centre"),
        _ => None,
    };
    templates.extend(follow_up);
    templates
}

/// Whether an agreement ending on `end` (exclusive) closes its centre, so that its end or stop
/// date starts the closing routine: not while another agreement of the centre runs past it
/// (an extension, a new main agreement); `others_end` are the exclusive ends of the others.
pub fn closes_centre(end: NaiveDate, others_end: impl IntoIterator<Item = NaiveDate>) -> bool {
    others_end.into_iter().all(|other| other <= end)
}

/// `opening` limited to the items a new number needs, under its own key.
pub fn new_number_template(opening: &Template) -> Template {
    Template {
        key: NEW_NUMBER_TEMPLATE.to_owned(),
        version: opening.version,
        phases: None,
        items: opening
            .items
            .iter()
            .filter(|item| NEW_NUMBER_ITEMS.contains(&item.key.as_str()))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plans::builtin;

    fn registration(kind: AgreementKind, category: Category) -> Registration {
        Registration {
            kind,
            category,
            has_opening_plan: false,
            earlier_main_agreements: 0,
        }
    }

    #[test]
    fn spec_6_a_first_main_agreement_starts_opening_and_new_centre() {
        let first = registration(AgreementKind::Main, Category::Ordinary);
        assert_eq!(templates_on_registration(&first), ["opening", "new_centre"]);
    }

    #[test]
    fn spec_6_a_later_agreement_of_an_opened_centre_starts_nothing() {
        let later = Registration {
            has_opening_plan: true,
            earlier_main_agreements: 1,
            ..registration(AgreementKind::Main, Category::Ordinary)
        };
        assert!(templates_on_registration(&later).is_empty());
        let supplementary = Registration {
            has_opening_plan: true,
            ..registration(AgreementKind::Supplementary, Category::Transit)
        };
        assert!(templates_on_registration(&supplementary).is_empty());
    }

    #[test]
    fn spec_6_an_emergency_centre_gets_the_emergency_follow_up_per_agreement() {
        let activation = Registration {
            has_opening_plan: true,
            earlier_main_agreements: 1,
            ..registration(AgreementKind::Activation, Category::Emergency)
        };
        assert_eq!(templates_on_registration(&activation), ["emergency"]);
        let first = registration(AgreementKind::Main, Category::Emergency);
        assert_eq!(templates_on_registration(&first), ["opening", "emergency"]);
    }

    #[test]
    fn r_reg_2_a_new_number_gets_duf_access_supplier_and_accounting() {
        let template = new_number_template(&builtin("opening").unwrap());
        let keys: Vec<&str> = template
            .items
            .iter()
            .map(|item| item.key.as_str())
            .collect();
        assert_eq!(keys, NEW_NUMBER_ITEMS);
        assert_eq!(template.key, "new_number");
    }

    #[test]
    fn spec_6_an_end_closes_the_centre_unless_another_agreement_runs_past_it() {
        let day = |month| NaiveDate::from_ymd_opt(2027, month, 1).unwrap();
        assert!(closes_centre(day(6), []));
        assert!(closes_centre(day(6), [day(3), day(6)]));
        assert!(!closes_centre(day(6), [day(3), day(9)]));
    }
}
