//! The mottak service: web UI, JSON API and command line over the domain and the store.

pub mod accounts;
pub mod auth;
pub mod cli;
pub mod config;
pub mod demo;
pub mod error;
pub mod form_errors;
pub mod http_cache;
pub mod i18n;
pub mod input;
pub mod json;
pub mod metrics;
pub mod number_format;
pub mod pages;
pub mod params;
pub mod registry;
pub mod routes;
pub mod startup;
pub mod state;
pub mod telemetry;
