//! Integration tests: the real server on port 0 with a fresh database per test — an SQLite file,
//! or a fresh PostgreSQL schema when `TEST_DATABASE_URL` is set (CI runs both).

mod address_list;
mod agreement_form;
mod agreements;
mod authorization;
mod bad_input;
mod build_guards;
mod calendar;
mod claims;
mod cli;
mod client;
mod contract;
mod cpi;
mod event_log;
mod form_errors;
mod health;
mod helpers;
mod jobs;
mod lifecycle;
mod login;
mod municipal_admins;
mod navigation;
mod occupancy;
mod operator_scope;
mod placement;
mod rate_limit;
mod registration;
mod registry;
mod resident_pages;
mod residents;
mod route_coverage;
mod stored_claims;
mod users;
