//! The Patient Service: the generated `patient-api` server on SeaORM and PostgreSQL.
//!
//! [`startup::Application`] is what `main` runs and what the black-box tests start.
pub mod api;
pub mod auth;
pub mod config;
pub mod contract;
pub mod docs;
pub mod domain;
pub mod error;
pub mod etag;
pub mod fhir;
pub mod healthcheck;
pub mod http;
pub mod metrics;
pub mod resource;
pub mod startup;
pub mod store;
pub mod telemetry;
pub mod write_switch;
pub mod writes_command;
