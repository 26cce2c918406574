//! The `idempotency_keys` table: one row per (principal, key) claimed by a create.
//!
//! Keys are stored as SHA-256 hashes and scoped to the authenticated principal, so one
//! client can never replay another's response. The saved response is replayed verbatim for
//! a retry with the same fingerprint until `expires_at`, after which the row is purged.
use sea_orm_migration::prelude::*;

use crate::run_statements;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    r"CREATE TABLE idempotency_keys (
        principal text NOT NULL,
        key_hash bytea NOT NULL CHECK (octet_length(key_hash) = 32),
        request_fingerprint bytea NOT NULL CHECK (octet_length(request_fingerprint) = 32),
        response_status smallint CHECK (response_status BETWEEN 100 AND 599),
        response_headers jsonb,
        response_body bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (principal, key_hash),
        CONSTRAINT idempotency_keys_response_complete CHECK (
            (response_status IS NULL) = (response_headers IS NULL))
    )",
    "CREATE INDEX idempotency_keys_expires_at_idx ON idempotency_keys (expires_at)",
];

const DOWN: &[&str] = &["DROP TABLE idempotency_keys"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, DOWN).await
    }
}
