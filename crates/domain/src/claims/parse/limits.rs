//! The bounds of the request's numbers, each error naming its field.

use crate::agreements::Capacity;
use crate::error::{FieldError, Problem};
use crate::money::Ore;

pub const MAX_COUNT: i64 = 1_000_000;
pub const MAX_PRICE: i64 = 100_000_000;
pub const MAX_ANNUAL: i64 = 1_000_000_000_000;
pub const MAX_PRIORITY: i64 = 1_000_000;
pub const MAX_AGREEMENTS: usize = 64;

fn bounded(value: i64, max: i64, field: impl FnOnce() -> String) -> Result<i64, FieldError> {
    if value < 0 {
        Err(FieldError::coded(field(), Problem::Negative))
    } else if value > max {
        Err(FieldError::coded(field(), Problem::AtMost { max }))
    } else {
        Ok(value)
    }
}

pub(crate) fn count(value: i64, field: impl FnOnce() -> String) -> Result<u32, FieldError> {
    bounded(value, MAX_COUNT, field).map(|value| value as u32)
}

pub(crate) fn capacity(value: i64, field: impl FnOnce() -> String) -> Result<Capacity, FieldError> {
    Ok(match count(value, field)? {
        0 => Capacity::Unbounded,
        places => Capacity::Bounded(places),
    })
}

pub(crate) fn price(value: i64, field: impl FnOnce() -> String) -> Result<Ore, FieldError> {
    bounded(value, MAX_PRICE, field).map(Ore)
}

pub(crate) fn annual(value: i64, field: impl FnOnce() -> String) -> Result<Ore, FieldError> {
    bounded(value, MAX_ANNUAL, field).map(Ore)
}

pub(crate) fn priority(value: i64, field: impl FnOnce() -> String) -> Result<u32, FieldError> {
    if value < 1 {
        return Err(FieldError::coded(field(), Problem::AtLeastOne));
    }
    bounded(value, MAX_PRIORITY, field).map(|value| value as u32)
}
