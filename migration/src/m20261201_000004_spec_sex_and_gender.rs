//! Version 1.1 of the contract follows the specification's data model: `sex_at_birth` is new
//! and required, and `gender_identity` is required with the spec's values.
//!
//! Rows written under 1.0 are migrated, never dropped or left invalid
//! (docs/data-model.md has the table):
//! - `sex_at_birth` becomes `unknown` (it was never asked);
//! - `gender_identity`: `female` → `woman`, `male` → `man`, `non_binary` → `nonbinary`,
//!   `transgender_female` → `woman`, `transgender_male` → `man`, `other` stays `other` (with
//!   its text), `prefer_not_to_say`, `unknown` and no value → `undisclosed`.
//!
//! Every migrated row is a change to a patient like any other: its version goes up (clients
//! holding an old ETag must re-read), and an `update` audit entry by `system:migration`
//! records it. The 1.0 values are kept in `patients_gender_identity_1_0` so that `down`
//! restores them exactly for every patient whose value has not been changed since; others
//! get the nearest 1.0 value. `down` drops `sex_at_birth`: values recorded since are lost,
//! as with any rollback of a new field.
use sea_orm_migration::prelude::*;

use crate::run_statements;

#[derive(DeriveMigrationName)]
pub struct Migration;

const UP: &[&str] = &[
    "ALTER TABLE patients ADD COLUMN sex_at_birth text, DROP CONSTRAINT patients_gender_identity_check",
    r"CREATE TABLE patients_gender_identity_1_0 (
        patient_id uuid PRIMARY KEY REFERENCES patients (patient_id),
        before text,
        after text NOT NULL
    )",
    // The self-join reads each row as it was before the UPDATE, so the old value can be kept
    // and audited in the same statement.
    r"WITH migrated AS (
        UPDATE patients p SET
            gender_identity = CASE old.gender_identity
                WHEN 'female' THEN 'woman'
                WHEN 'transgender_female' THEN 'woman'
                WHEN 'male' THEN 'man'
                WHEN 'transgender_male' THEN 'man'
                WHEN 'non_binary' THEN 'nonbinary'
                WHEN 'other' THEN 'other'
                ELSE 'undisclosed'
            END,
            sex_at_birth = 'unknown',
            version = p.version + 1,
            updated_at = now()
        FROM patients old
        WHERE old.patient_id = p.patient_id
        RETURNING p.patient_id, old.gender_identity AS before, p.gender_identity AS after
    ), kept AS (
        INSERT INTO patients_gender_identity_1_0 (patient_id, before, after)
        SELECT patient_id, before, after FROM migrated
    )
    INSERT INTO audit_log (actor, action, patient_id, request_id, diff)
    SELECT 'system:migration', 'update', patient_id, 'm20261201_000004_spec_sex_and_gender',
        jsonb_build_object('sex_at_birth', jsonb_build_object('from', NULL, 'to', 'unknown'))
        || CASE WHEN before IS DISTINCT FROM after
            THEN jsonb_build_object('gender_identity', jsonb_build_object('from', before, 'to', after))
            ELSE '{}'::jsonb END
    FROM migrated",
    r"ALTER TABLE patients
        ALTER COLUMN sex_at_birth SET NOT NULL,
        ADD CONSTRAINT patients_sex_at_birth_check CHECK (
            sex_at_birth IN ('female', 'male', 'intersex', 'unknown', 'undisclosed')),
        ALTER COLUMN gender_identity SET NOT NULL",
    r"ALTER TABLE patients ADD CONSTRAINT patients_gender_identity_check CHECK (
        gender_identity IN ('woman', 'man', 'nonbinary', 'other', 'undisclosed'))",
];

const DOWN: &[&str] = &[
    r"ALTER TABLE patients
        DROP CONSTRAINT patients_gender_identity_check,
        ALTER COLUMN gender_identity DROP NOT NULL",
    r"WITH restored AS (
        UPDATE patients p SET
            gender_identity = CASE
                WHEN kept.patient_id IS NOT NULL AND kept.after = old.gender_identity THEN kept.before
                ELSE CASE old.gender_identity
                    WHEN 'woman' THEN 'female'
                    WHEN 'man' THEN 'male'
                    WHEN 'nonbinary' THEN 'non_binary'
                    WHEN 'other' THEN 'other'
                    ELSE 'prefer_not_to_say'
                END
            END,
            version = p.version + 1,
            updated_at = now()
        FROM patients old
        LEFT JOIN patients_gender_identity_1_0 kept ON kept.patient_id = old.patient_id
        WHERE old.patient_id = p.patient_id
        RETURNING p.patient_id, old.gender_identity AS before, p.gender_identity AS after,
            old.sex_at_birth AS sex_at_birth
    )
    INSERT INTO audit_log (actor, action, patient_id, request_id, diff)
    SELECT 'system:migration', 'update', patient_id, 'm20261201_000004_spec_sex_and_gender (down)',
        jsonb_build_object('sex_at_birth', jsonb_build_object('from', sex_at_birth, 'to', NULL))
        || CASE WHEN before IS DISTINCT FROM after
            THEN jsonb_build_object('gender_identity', jsonb_build_object('from', before, 'to', after))
            ELSE '{}'::jsonb END
    FROM restored",
    r"ALTER TABLE patients ADD CONSTRAINT patients_gender_identity_check CHECK (gender_identity IN (
        'female', 'male', 'non_binary', 'transgender_female', 'transgender_male',
        'other', 'prefer_not_to_say', 'unknown'))",
    "DROP TABLE patients_gender_identity_1_0",
    "ALTER TABLE patients DROP COLUMN sex_at_birth",
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
