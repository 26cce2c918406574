//! The write statements, hand-written so that each does a request's whole work in one round
//! trip: data-modifying CTEs insert or update the patient, insert its audit row and claim
//! the idempotency key together. (SeaORM's builder sends one statement per table.) The row
//! values, the audit diff and the response to save are computed before the statement, so
//! nothing needs to come back but whether it happened. And the read by id, which every GET
//! and write makes: fixed text, so no request builds SQL for it.
//!
//! Statements are prepared once per connection and cached by the driver. Values are always
//! bound, never spliced into the text.
use std::sync::LazyLock;

use sea_orm::{ConnectionTrait, DbBackend, FromQueryResult, Statement, Value};

use super::{
    StoreError,
    audit::Entry,
    entities::{idempotency_key, patient},
    error::sqlstate,
    idempotency::{self, IdempotencyClaim, SavedResponse},
    patient_row::PatientRow,
};

/// Every column of `patients`, in the order of [`patient_values`].
const PATIENT_COLUMNS: [&str; 22] = [
    "patient_id",
    "given_name",
    "middle_name",
    "family_name",
    "date_of_birth",
    "sex_at_birth",
    "gender_identity",
    "gender_identity_other",
    "email",
    "phone_e164",
    "address_line1",
    "address_line2",
    "address_city",
    "address_state_province",
    "address_postal_code",
    "address_country",
    "preferred_language",
    "consent_to_contact",
    "version",
    "created_at",
    "updated_at",
    "deleted_at",
];

/// A patient by id, deleted or not (the write path judges the state itself).
static SELECT_PATIENT: LazyLock<String> =
    LazyLock::new(|| format!("SELECT {} FROM patients WHERE patient_id = $1", PATIENT_COLUMNS.join(", ")));

/// An active (not deleted) patient by id.
static SELECT_ACTIVE_PATIENT: LazyLock<String> =
    LazyLock::new(|| format!("{} AND deleted_at IS NULL", *SELECT_PATIENT));

/// The patient `id`, or only when it is active. A fixed statement, not a query builder's:
/// the hottest read builds no SQL per request.
pub async fn find_patient(
    db: &impl ConnectionTrait,
    id: uuid::Uuid,
    active_only: bool,
) -> Result<Option<patient::Model>, StoreError> {
    let sql = if active_only { SELECT_ACTIVE_PATIENT.as_str() } else { SELECT_PATIENT.as_str() };
    let statement = Statement::from_sql_and_values(DbBackend::Postgres, sql, [id.into()]);
    Ok(PatientRow::find_by_statement(statement).one(db).await?.map(|PatientRow(patient)| patient))
}

/// Columns an update never changes.
const IMMUTABLE_COLUMNS: [&str; 2] = ["patient_id", "created_at"];

fn patient_values(row: &patient::Model) -> Vec<Value> {
    vec![
        row.patient_id.into(),
        row.given_name.clone().into(),
        row.middle_name.clone().into(),
        row.family_name.clone().into(),
        row.date_of_birth.into(),
        row.sex_at_birth.clone().into(),
        row.gender_identity.clone().into(),
        row.gender_identity_other.clone().into(),
        row.email.clone().into(),
        row.phone_e164.clone().into(),
        row.address_line1.clone().into(),
        row.address_line2.clone().into(),
        row.address_city.clone().into(),
        row.address_state_province.clone().into(),
        row.address_postal_code.clone().into(),
        row.address_country.clone().into(),
        row.preferred_language.clone().into(),
        row.consent_to_contact.into(),
        row.version.into(),
        row.created_at.into(),
        row.updated_at.into(),
        row.deleted_at.into(),
    ]
}

/// `$from, $from+1, …` for `count` parameters.
fn placeholders(from: usize, count: usize) -> String {
    (from..from + count).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// The audit row's values, bound after `first - 1` others.
fn audit_values(entry: &Entry<'_>) -> [Value; 4] {
    [
        entry.actor.name.clone().into(),
        entry.action.as_str().into(),
        entry.actor.request_id.clone().into(),
        entry.diff.clone().into(),
    ]
}

/// `INSERT INTO audit_log … SELECT … FROM {source}`, its values bound from `$first`.
fn audit_insert(source: &str, first: usize) -> String {
    format!(
        "INSERT INTO audit_log (actor, action, patient_id, request_id, diff) \
         SELECT ${}, ${}, patient_id, ${}, ${} FROM {source}",
        first,
        first + 1,
        first + 2,
        first + 3
    )
}

const N: usize = PATIENT_COLUMNS.len();

/// Create without an idempotency key: the patient (nothing on an email or phone conflict)
/// and its audit row.
static INSERT_PATIENT: LazyLock<String> = LazyLock::new(|| {
    format!(
        "WITH p AS ( INSERT INTO patients ({columns}) VALUES ({values}) ON CONFLICT DO NOTHING RETURNING patient_id ) \
         {audit}",
        columns = PATIENT_COLUMNS.join(", "),
        values = placeholders(1, N),
        audit = audit_insert("p", N + 1),
    )
});

/// Whether the patient was stored (`false`: another patient has its email or phone).
pub async fn insert_patient(
    db: &impl ConnectionTrait,
    row: &patient::Model,
    audit: &Entry<'_>,
) -> Result<bool, StoreError> {
    let mut values = patient_values(row);
    values.extend(audit_values(audit));
    let result =
        db.execute_raw(Statement::from_sql_and_values(DbBackend::Postgres, INSERT_PATIENT.as_str(), values)).await?;
    Ok(result.rows_affected() == 1)
}

/// Keyed create: claim the key with the response it will replay (taking over an expired
/// one), and only when claimed, insert the patient and its audit row. The key's live record,
/// if one was visible when the statement began, comes back for a replay. A claimed key whose
/// patient conflicted (email or phone taken) must not stay claimed: the statement then calls
/// `patient_create_conflicted()` (migration `m20261202_000007`), whose error rolls all of
/// it back, so the statement is its own transaction.
static CLAIM_AND_INSERT_PATIENT: LazyLock<String> = LazyLock::new(|| {
    let k = N + 5;
    format!(
        "WITH k AS ( INSERT INTO idempotency_keys AS held (principal, key_hash, request_fingerprint, \
         response_status, response_headers, response_body, expires_at) VALUES ({key_values}) \
         ON CONFLICT (principal, key_hash) DO UPDATE SET request_fingerprint = EXCLUDED.request_fingerprint, \
         response_status = EXCLUDED.response_status, response_headers = EXCLUDED.response_headers, \
         response_body = EXCLUDED.response_body, created_at = now(), expires_at = EXCLUDED.expires_at \
         WHERE held.expires_at < now() RETURNING 1 ), \
         p AS ( INSERT INTO patients ({columns}) SELECT {values} FROM k ON CONFLICT DO NOTHING RETURNING patient_id ), \
         a AS ( {audit} ) \
         SELECT (SELECT count(*) FROM k) AS claimed, \
         CASE WHEN (SELECT count(*) FROM k) > (SELECT count(*) FROM p) THEN patient_create_conflicted() END AS conflicted, \
         {existing} FROM (VALUES (1)) AS one (x) LEFT JOIN idempotency_keys e \
         ON e.principal = ${k} AND e.key_hash = ${h} AND e.expires_at >= now()",
        key_values = placeholders(k, 7),
        columns = PATIENT_COLUMNS.join(", "),
        values = placeholders(1, N),
        audit = audit_insert("p", N + 1),
        existing = EXISTING_KEY_COLUMNS.iter().map(|c| format!("e.{c} AS e_{c}")).collect::<Vec<_>>().join(", "),
        h = k + 1,
    )
});

const EXISTING_KEY_COLUMNS: [&str; 8] = [
    "principal",
    "key_hash",
    "request_fingerprint",
    "response_status",
    "response_headers",
    "response_body",
    "created_at",
    "expires_at",
];

/// The SQLSTATE of `patient_create_conflicted()`.
const CREATE_CONFLICTED_SQLSTATE: &str = "PSC01";

/// What a keyed create's statement did.
pub enum Claim {
    /// The key is claimed and the patient stored.
    Created,
    /// The key was free but the patient's email or phone is taken: nothing was stored.
    PatientConflicted,
    /// The key was already held (this record, visible when the statement began).
    Taken(idempotency_key::Model),
    /// The key was claimed by a transaction that committed while this statement waited for
    /// it: its record is visible to the next statement.
    TakenConcurrently,
}

pub async fn claim_and_insert_patient(
    db: &impl ConnectionTrait,
    claim: &IdempotencyClaim,
    saved: &SavedResponse,
    retention: std::time::Duration,
    row: &patient::Model,
    audit: &Entry<'_>,
) -> Result<Claim, StoreError> {
    let status = i16::try_from(saved.status).map_err(|_| StoreError::Inconsistent("a status beyond 599"))?;
    let mut values = patient_values(row);
    values.extend(audit_values(audit));
    values.extend([
        claim.principal().into(),
        claim.key_hash().to_vec().into(),
        claim.fingerprint().to_vec().into(),
        status.into(),
        idempotency::saved_headers(saved).into(),
        saved.body.clone().into(),
        idempotency::expiry(retention).into(),
    ]);
    let statement = Statement::from_sql_and_values(DbBackend::Postgres, CLAIM_AND_INSERT_PATIENT.as_str(), values);
    let result = match db.query_one_raw(statement).await {
        Err(err) if sqlstate(&err).as_deref() == Some(CREATE_CONFLICTED_SQLSTATE) => {
            return Ok(Claim::PatientConflicted);
        }
        result => result?.ok_or(StoreError::Inconsistent("a claim statement returned no row"))?,
    };
    let claimed: i64 = result.try_get("", "claimed")?;
    Ok(match claimed {
        1 => Claim::Created,
        _ => match result.try_get::<Option<String>>("", "e_principal")? {
            Some(_) => Claim::Taken(idempotency_key::Model::from_query_result(&result, "e_")?),
            None => Claim::TakenConcurrently,
        },
    })
}

/// A write to an existing patient: every column but the immutable ones from `after`,
/// guarded by the version the caller read, and its audit row.
static UPDATE_PATIENT: LazyLock<String> = LazyLock::new(|| {
    let assignments: Vec<String> = PATIENT_COLUMNS
        .iter()
        .enumerate()
        .filter(|(_, column)| !IMMUTABLE_COLUMNS.contains(*column))
        .map(|(i, column)| format!("{column} = ${}", i + 1))
        .collect();
    format!(
        "WITH u AS ( UPDATE patients SET {assignments} WHERE patient_id = $1 AND version = ${expected} \
         RETURNING patient_id ) {audit}",
        assignments = assignments.join(", "),
        expected = N + 5,
        audit = audit_insert("u", N + 1),
    )
});

/// Whether the row was still at `expected_version` and is now `after`.
pub async fn update_patient(
    db: &impl ConnectionTrait,
    expected_version: i64,
    after: &patient::Model,
    audit: &Entry<'_>,
) -> Result<bool, StoreError> {
    let mut values = patient_values(after);
    values.extend(audit_values(audit));
    values.push(expected_version.into());
    let result =
        db.execute_raw(Statement::from_sql_and_values(DbBackend::Postgres, UPDATE_PATIENT.as_str(), values)).await?;
    Ok(result.rows_affected() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_list_is_the_entitys() {
        use sea_orm::{IdenStatic, Iterable};
        let entity: Vec<&str> = patient::Column::iter().map(|c| c.as_str()).collect();
        assert_eq!(entity, PATIENT_COLUMNS);
    }

    #[test]
    fn every_statement_binds_each_placeholder_it_names() {
        // The highest placeholder of each statement is the number of values bound to it.
        let highest = |sql: &str| {
            sql.split('$')
                .skip(1)
                .filter_map(|s| s.split(|c: char| !c.is_ascii_digit()).next()?.parse::<usize>().ok())
                .max()
        };
        assert_eq!(highest(&INSERT_PATIENT), Some(N + 4));
        assert_eq!(highest(&CLAIM_AND_INSERT_PATIENT), Some(N + 4 + 7));
        assert_eq!(highest(&UPDATE_PATIENT), Some(N + 5));
    }
}
