//! The rules of mottak as pure code: no HTTP, no SQL, no clock.
//!
//! Every module implements rules of the product (`docs/rules.md`); tests name the rule they check
//! (`r_cal_1_…`, `r_clm_4_…`).

pub mod access;
pub mod accounts;
pub mod agreements;
pub mod calendar;
pub mod claims;
pub mod cpi;
pub mod dates;
pub mod error;
pub mod event_log;
pub mod money;
pub mod occupancy;
pub mod paste;
pub mod payment;
pub mod place_types;
pub mod plans;
pub mod problem;
pub mod registry;
pub mod regulation;
pub mod reminders;
pub mod residents;
pub mod settlement;
pub mod staff;
pub mod worklog;
