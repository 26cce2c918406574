//! The `audit_log` table: one row per change to a patient, written in the same transaction
//! as the change. Append-only at the database level: triggers refuse UPDATE, DELETE and
//! TRUNCATE, whoever the caller is.
use sea_orm_migration::prelude::*;

use crate::run_statements;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    r"CREATE TABLE audit_log (
        audit_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL CHECK (char_length(actor) BETWEEN 1 AND 200),
        action text NOT NULL CHECK (action IN ('create', 'update', 'delete', 'restore')),
        patient_id uuid NOT NULL REFERENCES patients (patient_id),
        request_id text NOT NULL,
        diff jsonb NOT NULL
    )",
    "CREATE INDEX audit_log_patient_idx ON audit_log (patient_id, occurred_at, audit_id)",
    r"CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
    END
    $$",
    r"CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()",
    r"CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()",
];

const DOWN: &[&str] = &["DROP TABLE audit_log", "DROP FUNCTION audit_log_refuse_change()"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, DOWN).await
    }
}
