//! Persistence: SeaORM entities and the queries the API needs, on PostgreSQL.
pub mod audit;
pub mod cursor;
pub mod db;
pub mod entities;
mod error;
pub mod iam_auth;
pub mod idempotency;
mod patient_row;
pub mod patients;
mod sql;
pub mod write_switch;

pub use error::{DbFailure, StoreError};
