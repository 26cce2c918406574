//! The write kill-switch (docs/runbooks/write-kill-switch.md): one row saying whether writes
//! are enabled, its history, and the database's own enforcement.
//!
//! - `write_switch` holds exactly one row (`id` is `true`). Every instance polls it and
//!   refuses writes from its cached copy; `patient-server writes disable|enable|status`
//!   sets and shows it.
//! - `write_switch_history` is appended by a trigger on every change, whoever made it (the
//!   command, or an operator in `psql`): who, when, what, and the reason (operator text,
//!   never logged by the service).
//! - A statement-level trigger on `patients` refuses every `INSERT`, `UPDATE` and `DELETE`
//!   while writes are disabled, with SQLSTATE `PSW01`, so a write that slips past an
//!   instance's cached copy (polled every few seconds) still fails whole: the switch takes
//!   effect at the commit that sets it. An operator repairing data by hand while writes are
//!   off bypasses it for one transaction with `SET LOCAL patient_service.bypass_write_switch
//!   = 'on'`.
use sea_orm_migration::prelude::*;

use crate::run_statements;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    r"CREATE TABLE write_switch (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        writes_enabled boolean NOT NULL,
        reason text CHECK (char_length(reason) BETWEEN 1 AND 500),
        changed_by text NOT NULL CHECK (char_length(changed_by) BETWEEN 1 AND 200),
        changed_at timestamptz NOT NULL DEFAULT now()
    )",
    r"CREATE TABLE write_switch_history (
        change_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        writes_enabled boolean NOT NULL,
        reason text,
        changed_by text NOT NULL,
        changed_at timestamptz NOT NULL
    )",
    r"CREATE FUNCTION write_switch_record_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        INSERT INTO write_switch_history (writes_enabled, reason, changed_by, changed_at)
        VALUES (NEW.writes_enabled, NEW.reason, NEW.changed_by, NEW.changed_at);
        RETURN NULL;
    END $$",
    r"CREATE TRIGGER write_switch_history AFTER INSERT OR UPDATE ON write_switch
        FOR EACH ROW EXECUTE FUNCTION write_switch_record_change()",
    // After the history trigger, so the history starts with the initial state.
    "INSERT INTO write_switch (writes_enabled, changed_by) VALUES (true, 'system:migration')",
    // The row is the switch: deleting it would leave the instances without a state.
    r"CREATE FUNCTION write_switch_keep_row() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the write switch row cannot be deleted; use patient-server writes enable';
    END $$",
    r"CREATE TRIGGER write_switch_keep_row BEFORE DELETE OR TRUNCATE ON write_switch
        FOR EACH STATEMENT EXECUTE FUNCTION write_switch_keep_row()",
    r"CREATE FUNCTION write_switch_refuse_writes() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF current_setting('patient_service.bypass_write_switch', true) IS DISTINCT FROM 'on'
            AND EXISTS (SELECT 1 FROM write_switch WHERE NOT writes_enabled) THEN
            RAISE EXCEPTION 'writes are disabled by the write kill-switch' USING ERRCODE = 'PSW01';
        END IF;
        RETURN NULL;
    END $$",
    r"CREATE TRIGGER patients_write_switch BEFORE INSERT OR UPDATE OR DELETE ON patients
        FOR EACH STATEMENT EXECUTE FUNCTION write_switch_refuse_writes()",
];

const DOWN: &[&str] = &[
    "DROP TRIGGER patients_write_switch ON patients",
    "DROP FUNCTION write_switch_refuse_writes()",
    "DROP TABLE write_switch_history",
    "DROP TABLE write_switch",
    "DROP FUNCTION write_switch_keep_row()",
    "DROP FUNCTION write_switch_record_change()",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, DOWN).await
    }
}
