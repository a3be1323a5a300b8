//! The four built-in templates of SPEC §6, as data, with exactly the item keys SPEC lists.
//! Where SPEC gives an offset it is used as given; where SPEC and the seeds are silent, the
//! choice is named in a comment beside the item.

mod follow_up;
mod ict;

use super::offset::Offset;
use super::template::{Anchor, Condition, Item, Point, Recurrence, Responsible, Team, Timing};
use crate::access::Role;

/// The keys of the built-in templates, in the order a user meets them.
pub const TEMPLATE_KEYS: [&str; 4] = ["opening", "closing", "new_centre", "emergency"];

/// The built-in template `key` (version 1), or `None` for another key.
pub fn builtin(key: &str) -> Option<super::Template> {
    match key {
        "opening" => Some(ict::opening()),
        "closing" => Some(ict::closing()),
        "new_centre" => Some(follow_up::new_centre()),
        "emergency" => Some(follow_up::emergency()),
        _ => None,
    }
}

const REGION: Responsible = Responsible::Team(Team::RegionalUnit);
const UDI_ADM: Responsible = Responsible::Role(Role::UdiAdm);
const OPERATOR: Responsible = Responsible::Role(Role::Operator);
const EMERGENCY_TEAM: Responsible = Responsible::Team(Team::EmergencyAccommodation);

fn at(anchor: Anchor) -> Point {
    Point::at(anchor)
}

fn done(key: &str) -> Point {
    Point::at(Anchor::Completed(key.to_owned()))
}

fn item(key: &str, responsible: Responsible, due: Point) -> Item {
    Item {
        key: key.to_owned(),
        title: None,
        responsible,
        due,
        timing: Timing::By,
        after: Vec::new(),
        recurrence: None,
        conditions: Vec::new(),
        agenda: Vec::new(),
    }
}

/// Builders for the templates below.
impl Item {
    fn not_before(mut self) -> Item {
        self.timing = Timing::NotBefore;
        self
    }

    fn after(mut self, keys: &[&str]) -> Item {
        self.after = keys.iter().map(|key| (*key).to_owned()).collect();
        self
    }

    fn when(mut self, condition: Condition) -> Item {
        self.conditions.push(condition);
        self
    }

    fn agenda(mut self, topics: &[&str]) -> Item {
        self.agenda = topics.iter().map(|topic| (*topic).to_owned()).collect();
        self
    }

    fn every(mut self, every: Offset, until: Point, skip: Option<super::template::Skip>) -> Item {
        self.recurrence = Some(Recurrence { every, until, skip });
        self
    }
}
