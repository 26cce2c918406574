//! Versioned schema migrations, applied in order by [`Migrator`].
//!
//! One file per migration, named by date. A migration that has landed on `main` is never
//! edited: change the schema with a new migration, with both `up` and `down`.

pub use sea_orm_migration::prelude::*;

pub mod database_url;

mod m20261122_000001_create_patients;
mod m20261122_000002_create_idempotency_keys;
mod m20261122_000003_create_audit_log;
mod m20261201_000004_spec_sex_and_gender;
mod m20261202_000005_write_switch;
mod m20261202_000006_service_roles;
mod m20261202_000007_create_conflict_abort;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_patients::Migration),
            Box::new(m20261122_000002_create_idempotency_keys::Migration),
            Box::new(m20261122_000003_create_audit_log::Migration),
            Box::new(m20261201_000004_spec_sex_and_gender::Migration),
            Box::new(m20261202_000005_write_switch::Migration),
            Box::new(m20261202_000006_service_roles::Migration),
            Box::new(m20261202_000007_create_conflict_abort::Migration),
        ]
    }
}

/// Runs a list of SQL statements in order; each migration's `up` and `down` are such lists.
async fn run_statements(manager: &SchemaManager<'_>, statements: &[&str]) -> Result<(), DbErr> {
    let db = manager.get_connection();
    for statement in statements {
        db.execute_unprepared(statement).await?;
    }
    Ok(())
}
