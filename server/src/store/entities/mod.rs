//! SeaORM entities, one per table (see the `migration` crate for the schema).
pub mod audit_log;
pub mod idempotency_key;
pub mod patient;
