//! Persistence: SeaORM entities and the queries the API needs, on PostgreSQL.
pub mod audit;
pub mod cursor;
pub mod entities;
pub mod idempotency;
pub mod patients;

use sea_orm::{DbErr, RuntimeErr, sqlx};

use crate::error::ApiError;

/// Maps a database error to the client error it stands for (by constraint name), or to an
/// internal error. Unique violations are the only client-caused failures the schema reports;
/// everything else is a bug or an outage.
pub fn map_db_error(err: DbErr) -> ApiError {
    if let Some(constraint) = violated_unique_constraint(&err) {
        match constraint.as_str() {
            "patients_email_key" => return ApiError::DuplicateEmail,
            "patients_phone_e164_key" => return ApiError::DuplicatePhone,
            _ => {}
        }
    }
    if is_unavailable(&err) {
        tracing::warn!(error = %DbFailure::from(&err), "database unavailable");
        return ApiError::NotReady("the database is unavailable; retry later");
    }
    ApiError::internal(DbFailure::from(&err))
}

/// Failures to reach the database at all (as opposed to a statement failing): retryable.
fn is_unavailable(err: &DbErr) -> bool {
    let sqlx_err = match err {
        DbErr::ConnectionAcquire(_) => return true,
        DbErr::Conn(RuntimeErr::SqlxError(e))
        | DbErr::Exec(RuntimeErr::SqlxError(e))
        | DbErr::Query(RuntimeErr::SqlxError(e)) => e,
        DbErr::Conn(_) => return true,
        _ => return false,
    };
    match &**sqlx_err {
        sqlx::Error::PoolTimedOut | sqlx::Error::PoolClosed | sqlx::Error::Io(_) | sqlx::Error::Tls(_) => true,
        sqlx::Error::Database(db) => db.code().is_some_and(|code| is_unavailable_sqlstate(&code)),
        _ => false,
    }
}

/// Connection exceptions (08), operator intervention such as shutdowns (57P), too many
/// connections (53300) and a database not accepting connections (55000).
fn is_unavailable_sqlstate(code: &str) -> bool {
    code.starts_with("08") || code.starts_with("57P") || code == "53300" || code == "55000"
}

fn violated_unique_constraint(err: &DbErr) -> Option<String> {
    let (DbErr::Exec(RuntimeErr::SqlxError(sqlx_err)) | DbErr::Query(RuntimeErr::SqlxError(sqlx_err))) = err else {
        return None;
    };
    let db_err = sqlx_err.as_database_error()?;
    (db_err.code().as_deref() == Some("23505")).then(|| db_err.constraint().unwrap_or_default().to_owned())
}

/// A database failure described without the server's message text, which can quote row
/// values (PHI): only the SQLSTATE and the constraint, when there is one.
#[derive(Debug, thiserror::Error)]
#[error("database error (sqlstate {sqlstate}, constraint {constraint})")]
pub struct DbFailure {
    sqlstate: String,
    constraint: String,
}

impl From<&DbErr> for DbFailure {
    fn from(err: &DbErr) -> Self {
        let database_error = match err {
            DbErr::Exec(RuntimeErr::SqlxError(e))
            | DbErr::Query(RuntimeErr::SqlxError(e))
            | DbErr::Conn(RuntimeErr::SqlxError(e)) => Some(e),
            _ => None,
        };
        let (sqlstate, constraint) = match database_error.and_then(|e| e.as_database_error()) {
            Some(db) => (
                db.code().map(|c| c.into_owned()).unwrap_or_else(|| "unknown".into()),
                db.constraint().unwrap_or("none").to_owned(),
            ),
            None => (database_error.map_or_else(|| err_kind(err), |e| sqlx_kind(e)), "none".into()),
        };
        Self { sqlstate, constraint }
    }
}

fn err_kind(err: &DbErr) -> String {
    match err {
        DbErr::ConnectionAcquire(_) => "connection-acquire".into(),
        DbErr::Conn(_) => "connection".into(),
        DbErr::RecordNotFound(_) => "record-not-found".into(),
        _ => "other".into(),
    }
}

fn sqlx_kind(err: &sqlx::Error) -> String {
    match err {
        sqlx::Error::PoolTimedOut => "pool-timed-out".into(),
        sqlx::Error::PoolClosed => "pool-closed".into(),
        sqlx::Error::Io(_) => "io".into(),
        sqlx::Error::Tls(_) => "tls".into(),
        sqlx::Error::Protocol(_) => "protocol".into(),
        _ => "other".into(),
    }
}
