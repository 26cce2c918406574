//! Black-box API tests: real HTTP → server → PostgreSQL, one database per test.
mod audit;
mod auth;
mod concurrency;
mod create;
mod docs;
mod fhir;
mod health;
mod helpers;
mod idempotency;
mod lifecycle;
mod list;
mod logs;
mod migrations;
mod replace;
mod robustness;
mod validation;
