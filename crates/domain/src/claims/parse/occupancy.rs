//! An occupancy entry of the request, checked against the month and the units.

use super::count;
use crate::claims::input::Unit;
use crate::claims::request::OccupancyRequest;
use crate::dates::{Month, day_number, parse_date};
use crate::error::{FieldError, Problem};
use crate::place_types::PlaceType;

/// What an occupancy entry is checked against.
pub(super) struct Occupancy {
    pub(super) month: Month,
    /// A unit's place type was unknown: an entry for no known unit may well be for that one.
    pub(super) unknown_place_type: bool,
}

impl Occupancy {
    pub(super) fn parse(
        &self,
        entry: &OccupancyRequest,
        o: usize,
        units: &mut [Unit],
        seen: &mut [u32],
    ) -> Result<(), FieldError> {
        let month = self.month;
        let at = |field: &str| format!("occupancy[{o}].{field}");
        let date =
            parse_date(&entry.date).ok_or_else(|| FieldError::coded(at("date"), Problem::Date))?;
        if !month.contains(date) {
            let month = month.to_string();
            return Err(FieldError::coded(
                at("date"),
                Problem::OutsideMonth { month },
            ));
        }
        let place_type = PlaceType::from_code(&entry.place_type)
            .ok_or_else(|| FieldError::coded(at("place_type"), Problem::ClaimPlaceType))?;
        let residents = count(entry.residents, || at("residents"))?;
        let Some(unit) = units.iter().position(|unit| unit.place_type == place_type) else {
            if self.unknown_place_type {
                return Ok(());
            }
            return Err(FieldError::coded(
                at("place_type"),
                Problem::NoUnitWithPlaceType,
            ));
        };
        let day = (day_number(date) - day_number(month.first_day())) as usize;
        if seen[unit] & (1 << day) != 0 {
            return Err(FieldError::coded(at("date"), Problem::SecondEntry));
        }
        seen[unit] |= 1 << day;
        units[unit].residents[day] = residents;
        Ok(())
    }
}
