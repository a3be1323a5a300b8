//! The mottak service: web UI, JSON API and command line over the domain and the store.

pub mod accounts;
pub mod agreements;
pub mod auth;
pub mod claims;
pub mod cli;
pub mod config;
pub mod cpi;
pub mod demo;
pub mod error;
pub mod http_cache;
pub mod i18n;
pub mod input;
pub mod jobs;
pub mod json;
pub mod metrics;
pub mod occupancy;
pub mod pages;
pub mod params;
pub mod pdf;
pub mod registry;
pub mod residents;
pub mod routes;
pub mod startup;
pub mod state;
pub mod telemetry;
