//! The service's own database roles, so it never connects as the owner of its tables.
//!
//! - `patient_service_app` (NOLOGIN) holds exactly the privileges the running service needs:
//!   SELECT, INSERT, UPDATE on `patients` (a delete is an update), all four DML statements on
//!   `idempotency_keys` (expired keys are purged), SELECT and INSERT only on `audit_log`, and
//!   SELECT on `seaql_migrations` (readiness checks the schema version). No TRUNCATE, no
//!   ownership, no CREATE anywhere: no DDL.
//! - `patient_service` (LOGIN, no password) is the user the service connects as, a member of
//!   `patient_service_app`. On RDS it is granted `rds_iam`, so it signs in with IAM
//!   authentication tokens only (`DB_IAM_AUTH`): there is no password to leak or rotate.
//!
//! Migrations keep running as the tables' owner (the RDS master user, or a dedicated
//! migration user), a separate role. A later migration that adds a table grants on it to
//! `patient_service_app` explicitly: nothing is granted by default.
//!
//! Roles belong to the cluster, not the database, and several databases may be migrated on
//! one cluster (every test database is): creating them tolerates their existence, also by a
//! concurrent migration. Nothing here needs a superuser: CREATEROLE (which the RDS master
//! user has) suffices. `down` takes back this database's grants but keeps the roles, which
//! other databases on the cluster may still use.
use sea_orm_migration::prelude::*;

use crate::run_statements;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    r"DO $$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'patient_service_app') THEN
            CREATE ROLE patient_service_app NOLOGIN;
        END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL; -- created by a concurrent migration of another database
    END
    $$",
    r"DO $$
    BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'patient_service') THEN
            CREATE ROLE patient_service LOGIN;
        END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
        NULL;
    END
    $$",
    "GRANT patient_service_app TO patient_service",
    // RDS: IAM authentication only (the role exists on RDS alone).
    r"DO $$
    BEGIN
        IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'rds_iam') THEN
            GRANT rds_iam TO patient_service;
        END IF;
    END
    $$",
    // PostgreSQL 14 lets every role create tables in `public`; 15 and later do not. If the
    // privilege cannot be taken away here, the migration fails rather than leave it.
    r"DO $$
    BEGIN
        EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC', current_schema());
        IF has_schema_privilege('patient_service_app', current_schema(), 'CREATE') THEN
            RAISE EXCEPTION 'patient_service_app may create objects in schema %; revoke CREATE from PUBLIC as its owner',
                current_schema();
        END IF;
    END
    $$",
    r"DO $$
    BEGIN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO patient_service_app', current_schema());
    END
    $$",
    "GRANT SELECT, INSERT, UPDATE ON patients TO patient_service_app",
    "GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO patient_service_app",
    "GRANT SELECT, INSERT ON audit_log TO patient_service_app",
    "GRANT SELECT ON seaql_migrations TO patient_service_app",
    // The service polls the write switch, and the trigger that refuses writes while it is on
    // reads it as the writing role; only operators change it (patient-server writes ...).
    "GRANT SELECT ON write_switch TO patient_service_app",
];

const DOWN: &[&str] = &[
    "REVOKE ALL ON patients, idempotency_keys, audit_log, seaql_migrations, write_switch FROM patient_service_app",
    r"DO $$
    BEGIN
        EXECUTE format('REVOKE USAGE ON SCHEMA %I FROM patient_service_app', current_schema());
    END
    $$",
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
