//! The `patients` table: one row per patient, soft-deleted by `deleted_at`.
//!
//! The checks repeat the rules the server's domain types enforce, so that no code path can
//! store a value the API would have rejected. Email and phone stay reserved while a patient
//! is soft-deleted (the unique indexes cover deleted rows), so a restore can never conflict.
use sea_orm_migration::prelude::*;

use crate::run_statements;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    r"CREATE TABLE patients (
        patient_id uuid PRIMARY KEY,
        given_name text NOT NULL CHECK (char_length(given_name) BETWEEN 1 AND 100),
        middle_name text CHECK (char_length(middle_name) BETWEEN 1 AND 100),
        family_name text NOT NULL CHECK (char_length(family_name) BETWEEN 1 AND 100),
        date_of_birth date NOT NULL,
        gender_identity text CHECK (gender_identity IN (
            'female', 'male', 'non_binary', 'transgender_female', 'transgender_male',
            'other', 'prefer_not_to_say', 'unknown')),
        gender_identity_other text CHECK (char_length(gender_identity_other) BETWEEN 1 AND 100),
        email text CHECK (char_length(email) <= 254 AND email = lower(email)),
        phone_e164 text CHECK (phone_e164 ~ '^\+[1-9][0-9]{1,14}$'),
        address_line1 text CHECK (char_length(address_line1) BETWEEN 1 AND 200),
        address_line2 text CHECK (char_length(address_line2) BETWEEN 1 AND 200),
        address_city text CHECK (char_length(address_city) BETWEEN 1 AND 100),
        address_state_province text CHECK (char_length(address_state_province) BETWEEN 1 AND 100),
        address_postal_code text CHECK (char_length(address_postal_code) BETWEEN 1 AND 20),
        address_country text CHECK (address_country ~ '^[A-Z]{2}$'),
        preferred_language text CHECK (char_length(preferred_language) BETWEEN 2 AND 35),
        consent_to_contact boolean NOT NULL DEFAULT false,
        version bigint NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        CONSTRAINT patients_gender_identity_other_iff_other CHECK (
            (gender_identity IS NOT DISTINCT FROM 'other') = (gender_identity_other IS NOT NULL)),
        CONSTRAINT patients_address_needs_line1 CHECK (
            address_line1 IS NOT NULL OR num_nonnulls(address_line2, address_city,
                address_state_province, address_postal_code, address_country) = 0),
        CONSTRAINT patients_postal_code_needs_country CHECK (
            address_postal_code IS NULL OR address_country IS NOT NULL)
    )",
    "CREATE UNIQUE INDEX patients_email_key ON patients (lower(email)) WHERE email IS NOT NULL",
    "CREATE UNIQUE INDEX patients_phone_e164_key ON patients (phone_e164) WHERE phone_e164 IS NOT NULL",
    // Keyset pages are ordered by (created_at, patient_id) over active rows; each filter
    // gets an index that also serves that order.
    "CREATE INDEX patients_active_page_idx ON patients (created_at, patient_id) WHERE deleted_at IS NULL",
    "CREATE INDEX patients_active_family_name_idx ON patients (lower(family_name), created_at, patient_id) WHERE deleted_at IS NULL",
    "CREATE INDEX patients_active_dob_idx ON patients (date_of_birth, created_at, patient_id) WHERE deleted_at IS NULL",
];

const DOWN: &[&str] = &["DROP TABLE patients"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, UP).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        run_statements(manager, DOWN).await
    }
}
