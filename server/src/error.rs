//! The one error type at the HTTP edge.
//!
//! Handlers return [`ApiError`]; it becomes the contract's `{code, message, details?}` body in
//! exactly one place ([`ApiError::into_response`]). Use a specific variant for anything the
//! client can fix; store failures convert with `?` (`From<StoreError>`); wrap anything else
//! in [`ApiError::internal`], answered with a bare `internal_error`. The cause of a 5xx travels
//! on the response as an [`ErrorReport`] for `http::error_log` to log; it is never sent. Every
//! error response also carries its [`ErrorCode`] as an extension, for the metrics.
//! Messages never contain values the client sent: they may be PHI.
use std::sync::Arc;

use axum::{
    Json,
    response::{IntoResponse, Response},
};
use http::{HeaderValue, StatusCode, header};
use patient_api::models;

use crate::{
    auth::Scope,
    store::{DbFailure, StoreError, cursor::InvalidCursor},
};

/// The cause of a 5xx response, for the error log only (a response extension).
#[derive(Debug, Clone)]
pub struct ErrorReport(pub Arc<str>);

/// The catalog of stable error codes (documented in `openapi/openapi.yaml`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    MalformedJson,
    InvalidParameter,
    InvalidCursor,
    BadRequest,
    Unauthenticated,
    InsufficientScope,
    PatientNotFound,
    RouteNotFound,
    MethodNotAllowed,
    PatientNotDeleted,
    DuplicateEmail,
    DuplicatePhone,
    IdempotencyKeyReused,
    PreconditionFailed,
    PayloadTooLarge,
    UnsupportedMediaType,
    ValidationFailed,
    PreconditionRequired,
    InternalError,
    NotReady,
    RateLimited,
    ResourceBusy,
    Overloaded,
    RequestTimeout,
    DatabaseTimeout,
    WritesDisabled,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 26] = [
        ErrorCode::MalformedJson,
        ErrorCode::InvalidParameter,
        ErrorCode::InvalidCursor,
        ErrorCode::BadRequest,
        ErrorCode::Unauthenticated,
        ErrorCode::InsufficientScope,
        ErrorCode::PatientNotFound,
        ErrorCode::RouteNotFound,
        ErrorCode::MethodNotAllowed,
        ErrorCode::PatientNotDeleted,
        ErrorCode::DuplicateEmail,
        ErrorCode::DuplicatePhone,
        ErrorCode::IdempotencyKeyReused,
        ErrorCode::PreconditionFailed,
        ErrorCode::PayloadTooLarge,
        ErrorCode::UnsupportedMediaType,
        ErrorCode::ValidationFailed,
        ErrorCode::PreconditionRequired,
        ErrorCode::InternalError,
        ErrorCode::NotReady,
        ErrorCode::RateLimited,
        ErrorCode::ResourceBusy,
        ErrorCode::Overloaded,
        ErrorCode::RequestTimeout,
        ErrorCode::DatabaseTimeout,
        ErrorCode::WritesDisabled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::MalformedJson => "malformed_json",
            ErrorCode::InvalidParameter => "invalid_parameter",
            ErrorCode::InvalidCursor => "invalid_cursor",
            ErrorCode::BadRequest => "bad_request",
            ErrorCode::Unauthenticated => "unauthenticated",
            ErrorCode::InsufficientScope => "insufficient_scope",
            ErrorCode::PatientNotFound => "patient_not_found",
            ErrorCode::RouteNotFound => "route_not_found",
            ErrorCode::MethodNotAllowed => "method_not_allowed",
            ErrorCode::PatientNotDeleted => "patient_not_deleted",
            ErrorCode::DuplicateEmail => "duplicate_email",
            ErrorCode::DuplicatePhone => "duplicate_phone",
            ErrorCode::IdempotencyKeyReused => "idempotency_key_reused",
            ErrorCode::PreconditionFailed => "precondition_failed",
            ErrorCode::PayloadTooLarge => "payload_too_large",
            ErrorCode::UnsupportedMediaType => "unsupported_media_type",
            ErrorCode::ValidationFailed => "validation_failed",
            ErrorCode::PreconditionRequired => "precondition_required",
            ErrorCode::InternalError => "internal_error",
            ErrorCode::NotReady => "not_ready",
            ErrorCode::RateLimited => "rate_limited",
            ErrorCode::ResourceBusy => "resource_busy",
            ErrorCode::Overloaded => "overloaded",
            ErrorCode::RequestTimeout => "request_timeout",
            ErrorCode::DatabaseTimeout => "database_timeout",
            ErrorCode::WritesDisabled => "writes_disabled",
        }
    }
}

/// One offending field: its path (`address.postal_code`), a stable reason and a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: String,
    pub reason: &'static str,
    pub message: String,
}

impl FieldError {
    pub fn new(field: impl Into<String>, reason: &'static str, message: impl Into<String>) -> Self {
        Self { field: field.into(), reason, message: message.into() }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error("request body is not valid JSON")]
    MalformedJson,
    #[error("invalid parameter")]
    InvalidParameter(Vec<FieldError>),
    #[error("invalid cursor")]
    InvalidCursor,
    #[error("bad request")]
    BadRequest,
    #[error("unauthenticated")]
    Unauthenticated,
    /// A bearer token that does not verify (its own challenge; the code is `unauthenticated`).
    #[error("invalid token")]
    InvalidToken,
    /// The credentials lack a scope (named when known).
    #[error("insufficient scope")]
    InsufficientScope(Option<Scope>),
    #[error("patient not found")]
    PatientNotFound,
    #[error("route not found")]
    RouteNotFound,
    #[error("method not allowed")]
    MethodNotAllowed,
    #[error("patient not deleted")]
    PatientNotDeleted,
    #[error("duplicate email")]
    DuplicateEmail,
    #[error("duplicate phone")]
    DuplicatePhone,
    #[error("idempotency key reused")]
    IdempotencyKeyReused,
    #[error("precondition failed")]
    PreconditionFailed,
    #[error("payload too large")]
    PayloadTooLarge,
    #[error("unsupported media type")]
    UnsupportedMediaType,
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    #[error("precondition required")]
    PreconditionRequired,
    #[error("not ready: {0}")]
    NotReady(&'static str),
    /// The caller's token bucket is empty: `429`, retry after the given whole seconds.
    #[error("rate limited")]
    RateLimited(RetryAfter),
    /// A lock wait ran past `lock_timeout`: another request is changing the same data.
    #[error("resource busy")]
    ResourceBusy,
    /// The instance is at its cap of concurrent requests.
    #[error("overloaded")]
    Overloaded,
    /// The request ran past the request timeout.
    #[error("request timed out")]
    RequestTimeout,
    /// A statement ran past `statement_timeout`.
    #[error("database statement timed out")]
    DatabaseTimeout,
    /// The write kill-switch is on.
    #[error("writes disabled")]
    WritesDisabled,
    /// The database could not be reached: `503 not_ready`, retryable.
    #[error("database unavailable: {0}")]
    DatabaseUnavailable(DbFailure),
    /// An unexpected failure. The source is logged; the client sees only `internal_error`.
    #[error("internal error: {0}")]
    Internal(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// The `WWW-Authenticate` challenge sent with a 401 for missing or unknown credentials.
pub const WWW_AUTHENTICATE_CHALLENGE: &str = r#"ApiKey header="X-API-Key", Bearer realm="patient-service""#;

/// A `Retry-After` value: whole seconds, never 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryAfter(u64);

impl RetryAfter {
    /// The wait rounded up to whole seconds, and at least one: a client told `0` would retry
    /// at once and be refused again.
    pub fn from_wait(wait: std::time::Duration) -> Self {
        let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
        Self(seconds.max(1))
    }

    pub fn seconds(self) -> u64 {
        self.0
    }
}

/// `Retry-After` while writes are disabled: the switch is an operator's decision, so clients
/// back off for a while rather than hammer it.
pub const WRITES_DISABLED_RETRY_AFTER: RetryAfter = RetryAfter(30);
/// `Retry-After` for transient refusals (the instance is busy, a row is locked).
const BRIEF_RETRY_AFTER: RetryAfter = RetryAfter(1);

/// The challenge for a bearer token that does not verify (RFC 6750, section 3.1).
pub const INVALID_TOKEN_CHALLENGE: &str = r#"Bearer realm="patient-service", error="invalid_token""#;

/// Largest accepted request body, in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;

impl ApiError {
    pub fn internal(source: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> Self {
        ApiError::Internal(source.into())
    }

    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::MalformedJson
            | ApiError::InvalidParameter(_)
            | ApiError::InvalidCursor
            | ApiError::BadRequest => StatusCode::BAD_REQUEST,
            ApiError::Unauthenticated | ApiError::InvalidToken => StatusCode::UNAUTHORIZED,
            ApiError::InsufficientScope(_) => StatusCode::FORBIDDEN,
            ApiError::PatientNotFound | ApiError::RouteNotFound => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::PatientNotDeleted
            | ApiError::DuplicateEmail
            | ApiError::DuplicatePhone
            | ApiError::IdempotencyKeyReused => StatusCode::CONFLICT,
            ApiError::PreconditionFailed => StatusCode::PRECONDITION_FAILED,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Validation(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::PreconditionRequired => StatusCode::PRECONDITION_REQUIRED,
            ApiError::ResourceBusy => StatusCode::CONFLICT,
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::NotReady(_)
            | ApiError::DatabaseUnavailable(_)
            | ApiError::Overloaded
            | ApiError::RequestTimeout
            | ApiError::DatabaseTimeout
            | ApiError::WritesDisabled => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    pub fn code(&self) -> ErrorCode {
        match self {
            ApiError::MalformedJson => ErrorCode::MalformedJson,
            ApiError::InvalidParameter(_) => ErrorCode::InvalidParameter,
            ApiError::InvalidCursor => ErrorCode::InvalidCursor,
            ApiError::BadRequest => ErrorCode::BadRequest,
            ApiError::Unauthenticated | ApiError::InvalidToken => ErrorCode::Unauthenticated,
            ApiError::InsufficientScope(_) => ErrorCode::InsufficientScope,
            ApiError::PatientNotFound => ErrorCode::PatientNotFound,
            ApiError::RouteNotFound => ErrorCode::RouteNotFound,
            ApiError::MethodNotAllowed => ErrorCode::MethodNotAllowed,
            ApiError::PatientNotDeleted => ErrorCode::PatientNotDeleted,
            ApiError::DuplicateEmail => ErrorCode::DuplicateEmail,
            ApiError::DuplicatePhone => ErrorCode::DuplicatePhone,
            ApiError::IdempotencyKeyReused => ErrorCode::IdempotencyKeyReused,
            ApiError::PreconditionFailed => ErrorCode::PreconditionFailed,
            ApiError::PayloadTooLarge => ErrorCode::PayloadTooLarge,
            ApiError::UnsupportedMediaType => ErrorCode::UnsupportedMediaType,
            ApiError::Validation(_) => ErrorCode::ValidationFailed,
            ApiError::PreconditionRequired => ErrorCode::PreconditionRequired,
            ApiError::NotReady(_) | ApiError::DatabaseUnavailable(_) => ErrorCode::NotReady,
            ApiError::RateLimited(_) => ErrorCode::RateLimited,
            ApiError::ResourceBusy => ErrorCode::ResourceBusy,
            ApiError::Overloaded => ErrorCode::Overloaded,
            ApiError::RequestTimeout => ErrorCode::RequestTimeout,
            ApiError::DatabaseTimeout => ErrorCode::DatabaseTimeout,
            ApiError::WritesDisabled => ErrorCode::WritesDisabled,
            ApiError::Internal(_) => ErrorCode::InternalError,
        }
    }

    fn message(&self) -> String {
        match self {
            ApiError::MalformedJson => "The request body is not valid JSON.".into(),
            ApiError::InvalidParameter(_) => "A request parameter is malformed or out of range.".into(),
            ApiError::InvalidCursor => {
                "The cursor is not valid; pass next_cursor from a previous page unchanged.".into()
            }
            ApiError::BadRequest => "The request is malformed.".into(),
            ApiError::Unauthenticated => "A valid API key (X-API-Key) or bearer token is required.".into(),
            ApiError::InvalidToken => {
                "The bearer token is not valid here (signature, issuer, audience or validity period).".into()
            }
            ApiError::InsufficientScope(Some(scope)) => {
                format!("This operation needs the scope {}.", scope.as_str())
            }
            ApiError::InsufficientScope(None) => "The credentials lack the scope this operation needs.".into(),
            ApiError::PatientNotFound => "No active patient has this id.".into(),
            ApiError::RouteNotFound => "No operation is defined at this path.".into(),
            ApiError::MethodNotAllowed => "This path does not support this method.".into(),
            ApiError::PatientNotDeleted => "The patient is not deleted, so it cannot be restored.".into(),
            ApiError::DuplicateEmail => "Another patient already has this email address.".into(),
            ApiError::DuplicatePhone => "Another patient already has this phone number.".into(),
            ApiError::IdempotencyKeyReused => "This Idempotency-Key was already used with a different request.".into(),
            ApiError::PreconditionFailed => {
                "The patient has changed since you read it (If-Match does not match its ETag); read it again and retry."
                    .into()
            }
            ApiError::PayloadTooLarge => format!("The request body is larger than {MAX_BODY_BYTES} bytes."),
            ApiError::UnsupportedMediaType => "The request body must be application/json.".into(),
            ApiError::Validation(_) => "The request body is invalid.".into(),
            ApiError::PreconditionRequired => {
                "This operation needs an If-Match header with the patient's current ETag.".into()
            }
            ApiError::NotReady(reason) => format!("The service is not ready: {reason}."),
            ApiError::DatabaseUnavailable(_) => "The database is unavailable; retry later.".into(),
            ApiError::RateLimited(_) => "Too many requests; retry after the number of seconds in Retry-After.".into(),
            ApiError::ResourceBusy => {
                "Another request is changing the same data; nothing was changed. Retry after Retry-After seconds."
                    .into()
            }
            ApiError::Overloaded => "The service is at its limit of concurrent requests; retry shortly.".into(),
            ApiError::RequestTimeout => "The request took too long and was stopped; retry later.".into(),
            ApiError::DatabaseTimeout => "A database operation took too long; nothing was changed. Retry later.".into(),
            ApiError::WritesDisabled => {
                "Writes are switched off by the operators; reads still work. Retry after Retry-After seconds.".into()
            }
            ApiError::Internal(_) => {
                "An unexpected error occurred; nothing was changed. Quote the X-Request-Id when reporting it.".into()
            }
        }
    }

    /// How long the client should wait, for the refusals that say so.
    pub fn retry_after(&self) -> Option<RetryAfter> {
        match self {
            ApiError::RateLimited(after) => Some(*after),
            ApiError::WritesDisabled => Some(WRITES_DISABLED_RETRY_AFTER),
            ApiError::ResourceBusy | ApiError::Overloaded => Some(BRIEF_RETRY_AFTER),
            _ => None,
        }
    }

    fn details(&self) -> Vec<FieldError> {
        match self {
            ApiError::InvalidParameter(fields) | ApiError::Validation(fields) => fields.clone(),
            ApiError::DuplicateEmail => vec![FieldError::new("email", "duplicate", "is already in use")],
            ApiError::DuplicatePhone => vec![FieldError::new("phone_e164", "duplicate", "is already in use")],
            _ => Vec::new(),
        }
    }

    /// The contract's error body.
    pub fn body(&self) -> models::Error {
        let mut body = models::Error::new(self.code().as_str().to_owned(), self.message());
        let details = self.details();
        if !details.is_empty() {
            body.details = Some(
                details
                    .into_iter()
                    .map(|f| models::ErrorDetail::new(f.field, f.reason.to_owned(), f.message))
                    .collect(),
            );
        }
        body
    }
}

impl From<StoreError> for ApiError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::NotFound => ApiError::PatientNotFound,
            StoreError::VersionMismatch => ApiError::PreconditionFailed,
            StoreError::NotDeleted => ApiError::PatientNotDeleted,
            StoreError::DuplicateEmail => ApiError::DuplicateEmail,
            StoreError::DuplicatePhone => ApiError::DuplicatePhone,
            StoreError::IdempotencyKeyReused => ApiError::IdempotencyKeyReused,
            StoreError::Unavailable(failure) => ApiError::DatabaseUnavailable(failure),
            StoreError::WritesDisabled => ApiError::WritesDisabled,
            StoreError::LockTimeout => ApiError::ResourceBusy,
            StoreError::StatementTimeout => ApiError::DatabaseTimeout,
            failed @ (StoreError::Failed(_) | StoreError::Inconsistent(_)) => ApiError::internal(failed),
        }
    }
}

impl From<InvalidCursor> for ApiError {
    fn from(_: InvalidCursor) -> Self {
        ApiError::InvalidCursor
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        // Display only: Debug output of database errors can carry row values.
        let report = match &self {
            ApiError::Internal(source) => Some(source.to_string()),
            ApiError::DatabaseUnavailable(failure) => Some(failure.to_string()),
            _ => None,
        };
        let mut response = (self.status(), Json(self.body())).into_response();
        // The code, for the metrics that count errors by kind.
        response.extensions_mut().insert(self.code());
        if let Some(report) = report {
            response.extensions_mut().insert(ErrorReport(report.into()));
        }
        if let Some(after) = self.retry_after() {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(after.seconds()));
        }
        let challenge = match self {
            ApiError::Unauthenticated => Some(WWW_AUTHENTICATE_CHALLENGE),
            ApiError::InvalidToken => Some(INVALID_TOKEN_CHALLENGE),
            _ => None,
        };
        if let Some(challenge) = challenge {
            response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static(challenge));
        }
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_is_documented_in_the_spec() {
        let spec = include_str!("../../openapi/openapi.yaml");
        for code in ErrorCode::ALL {
            let row = format!("| `{}` |", code.as_str());
            assert!(spec.contains(&row), "error code {} is missing from the spec's catalog", code.as_str());
        }
    }

    #[test]
    fn unauthenticated_carries_a_challenge() {
        let response = ApiError::Unauthenticated.into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert!(response.headers().contains_key(header::WWW_AUTHENTICATE));
    }

    #[test]
    fn retry_after_is_whole_seconds_rounded_up_and_never_zero() {
        use std::time::Duration;
        assert_eq!(RetryAfter::from_wait(Duration::ZERO).seconds(), 1);
        assert_eq!(RetryAfter::from_wait(Duration::from_millis(1)).seconds(), 1);
        assert_eq!(RetryAfter::from_wait(Duration::from_secs(1)).seconds(), 1);
        assert_eq!(RetryAfter::from_wait(Duration::from_millis(1001)).seconds(), 2);
        let response = ApiError::RateLimited(RetryAfter::from_wait(Duration::from_millis(2500))).into_response();
        assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(response.headers()[header::RETRY_AFTER], "3");
    }

    #[test]
    fn validation_errors_list_fields() {
        let err = ApiError::Validation(vec![FieldError::new("address.line1", "required", "is required")]);
        let body = err.body();
        assert_eq!(body.code, "validation_failed");
        let details = body.details.unwrap();
        assert_eq!(details[0].field, "address.line1");
        assert_eq!(details[0].code, "required");
    }
}
