//! `patient_create_conflicted()`, which a keyed create calls to undo itself in one statement.
//!
//! A create with an `Idempotency-Key` claims the key, inserts the patient and its audit row
//! in one statement (data-modifying CTEs, `server/src/store/sql.rs`). When the key was free
//! but the patient's email or phone number belongs to another patient, the claim must not
//! stay: the statement calls this function, whose error (SQLSTATE `PSC01`) rolls the whole
//! statement back. So a keyed create needs no `BEGIN` and `COMMIT` around it.
//!
//! The message names no value: PostgreSQL logs it with the statement's text (placeholders
//! only, never the bound values).
use sea_orm_migration::prelude::*;

use crate::run_statements;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    r"CREATE FUNCTION patient_create_conflicted() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
        RAISE EXCEPTION 'a keyed create conflicted with another patient; its key claim is rolled back'
            USING ERRCODE = 'PSC01';
    END $$",
    // Nothing is granted by default (see m20261202_000006_service_roles).
    "REVOKE ALL ON FUNCTION patient_create_conflicted() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION patient_create_conflicted() TO patient_service_app",
];

const DOWN: &[&str] = &["DROP FUNCTION patient_create_conflicted()"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, DOWN).await
    }
}
