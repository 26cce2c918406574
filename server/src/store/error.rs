//! The one error type of the store. Database errors convert into it with `?`; the HTTP edge
//! maps it to the contract's error codes (`impl From<StoreError> for ApiError`).
use sea_orm::{DbErr, RuntimeErr, sqlx};

/// What a store operation can report. Client-caused outcomes are their own variants;
/// everything else is [`StoreError::Unavailable`] (retryable) or [`StoreError::Failed`].
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no such patient")]
    NotFound,
    #[error("the patient's version does not match the precondition")]
    VersionMismatch,
    #[error("the patient is not deleted")]
    NotDeleted,
    #[error("another patient has this email address")]
    DuplicateEmail,
    #[error("another patient has this phone number")]
    DuplicatePhone,
    #[error("the idempotency key was used with a different request")]
    IdempotencyKeyReused,
    /// The write kill-switch is on: the database refused the write (nothing was changed).
    #[error("writes are disabled")]
    WritesDisabled,
    /// A lock stayed held past `lock_timeout` (another transaction is changing the same rows).
    #[error("a lock wait exceeded lock_timeout")]
    LockTimeout,
    /// A statement ran past `statement_timeout` and was cancelled.
    #[error("a statement exceeded statement_timeout")]
    StatementTimeout,
    /// The database could not be reached (connection refused or lost, pool exhausted,
    /// shutting down): the request may be retried.
    #[error("database unavailable: {0}")]
    Unavailable(DbFailure),
    #[error("{0}")]
    Failed(DbFailure),
    /// A broken invariant found in stored data (never the data itself).
    #[error("inconsistent data: {0}")]
    Inconsistent(&'static str),
}

impl From<DbErr> for StoreError {
    fn from(err: DbErr) -> Self {
        match violated_unique_constraint(&err).as_deref() {
            Some("patients_email_key") => return StoreError::DuplicateEmail,
            Some("patients_phone_e164_key") => return StoreError::DuplicatePhone,
            _ => {}
        }
        match sqlstate(&err).as_deref() {
            Some(super::write_switch::WRITES_DISABLED_SQLSTATE) => return StoreError::WritesDisabled,
            // lock_not_available: raised when lock_timeout expires.
            Some("55P03") => return StoreError::LockTimeout,
            // query_canceled: raised when statement_timeout expires (the service never cancels
            // its own queries otherwise).
            Some("57014") => return StoreError::StatementTimeout,
            _ => {}
        }
        if is_unavailable(&err) {
            StoreError::Unavailable(DbFailure::from(&err))
        } else {
            StoreError::Failed(DbFailure::from(&err))
        }
    }
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

/// Connection exceptions (08), credentials the database refuses (28: a rotated password or an
/// expired IAM token, fixed by configuration, not by the request), operator intervention such
/// as shutdowns (57P), too many connections (53300) and a database not accepting connections
/// (55000).
fn is_unavailable_sqlstate(code: &str) -> bool {
    code.starts_with("08") || code.starts_with("28") || code.starts_with("57P") || code == "53300" || code == "55000"
}

pub(super) fn sqlstate(err: &DbErr) -> Option<String> {
    let (DbErr::Exec(RuntimeErr::SqlxError(sqlx_err)) | DbErr::Query(RuntimeErr::SqlxError(sqlx_err))) = err else {
        return None;
    };
    sqlx_err.as_database_error()?.code().map(|code| code.into_owned())
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
#[derive(Debug, Clone, thiserror::Error)]
#[error("database error (sqlstate {sqlstate}, constraint {constraint})")]
pub struct DbFailure {
    sqlstate: String,
    constraint: String,
}

impl DbFailure {
    /// The SQLSTATE, or the kind of failure when the database never answered.
    pub fn sqlstate(&self) -> &str {
        &self.sqlstate
    }
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
        DbErr::Json(_) => "json".into(),
        DbErr::Type(_) => "type".into(),
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
        sqlx::Error::ColumnDecode { .. } | sqlx::Error::Decode(_) => "decode".into(),
        _ => "other".into(),
    }
}
