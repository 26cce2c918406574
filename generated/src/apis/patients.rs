use async_trait::async_trait;
use axum::extract::*;
use axum_extra::extract::CookieJar;
use bytes::Bytes;
use headers::Host;
use http::Method;
use serde::{Deserialize, Serialize};

use crate::{models, types::*};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum CreatePatientResponse {
    /// Created
    Status201_Created
    {
        body: models::Patient,
        e_tag:
        String
        ,
        location:
        String
        ,
        idempotent_replayed:
        Option<
        String
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Bad request: `malformed_json`, `invalid_parameter`, `invalid_cursor` or `bad_request`
    Status400_BadRequest
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unauthorized: missing or invalid credentials (`unauthenticated`)
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Forbidden: the credentials lack the needed scope (`insufficient_scope`). For a bearer token the response also carries `WWW-Authenticate: Bearer realm=\"patient-service\", error=\"insufficient_scope\", scope=\"…\"` naming the scope the operation needs. 
    Status403_Forbidden
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Conflict: `duplicate_email`, `duplicate_phone`, `patient_not_deleted`, `idempotency_key_reused` or `resource_busy` (with `Retry-After`)
    Status409_Conflict
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Payload too large: the body is larger than 64 KiB (`payload_too_large`)
    Status413_PayloadTooLarge
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unsupported media type: the body is not JSON (`unsupported_media_type`)
    Status415_UnsupportedMediaType
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unprocessable entity: the body breaks the schema or a business rule (`validation_failed`)
    Status422_UnprocessableEntity
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Too many requests: the rate limit of these credentials (or of this address, unauthenticated) is spent (`rate_limited`)
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Internal error: unexpected; nothing was changed (`internal_error`)
    Status500_InternalError
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum DeletePatientResponse {
    /// Deleted
    Status204_Deleted
    {
        e_tag:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Bad request: `malformed_json`, `invalid_parameter`, `invalid_cursor` or `bad_request`
    Status400_BadRequest
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unauthorized: missing or invalid credentials (`unauthenticated`)
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Forbidden: the credentials lack the needed scope (`insufficient_scope`). For a bearer token the response also carries `WWW-Authenticate: Bearer realm=\"patient-service\", error=\"insufficient_scope\", scope=\"…\"` naming the scope the operation needs. 
    Status403_Forbidden
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Not found: no active patient has this id (`patient_not_found`)
    Status404_NotFound
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Precondition failed: `If-Match` does not match the current `ETag` (`precondition_failed`)
    Status412_PreconditionFailed
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Too many requests: the rate limit of these credentials (or of this address, unauthenticated) is spent (`rate_limited`)
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Internal error: unexpected; nothing was changed (`internal_error`)
    Status500_InternalError
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum GetPatientResponse {
    /// The patient
    Status200_ThePatient
    {
        body: models::Patient,
        e_tag:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Bad request: `malformed_json`, `invalid_parameter`, `invalid_cursor` or `bad_request`
    Status400_BadRequest
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unauthorized: missing or invalid credentials (`unauthenticated`)
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Forbidden: the credentials lack the needed scope (`insufficient_scope`). For a bearer token the response also carries `WWW-Authenticate: Bearer realm=\"patient-service\", error=\"insufficient_scope\", scope=\"…\"` naming the scope the operation needs. 
    Status403_Forbidden
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Not found: no active patient has this id (`patient_not_found`)
    Status404_NotFound
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Too many requests: the rate limit of these credentials (or of this address, unauthenticated) is spent (`rate_limited`)
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Internal error: unexpected; nothing was changed (`internal_error`)
    Status500_InternalError
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum ListPatientsResponse {
    /// One page of patients
    Status200_OnePageOfPatients
    {
        body: models::PatientList,
        x_request_id:
        String
    }
    ,
    /// Bad request: `malformed_json`, `invalid_parameter`, `invalid_cursor` or `bad_request`
    Status400_BadRequest
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unauthorized: missing or invalid credentials (`unauthenticated`)
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Forbidden: the credentials lack the needed scope (`insufficient_scope`). For a bearer token the response also carries `WWW-Authenticate: Bearer realm=\"patient-service\", error=\"insufficient_scope\", scope=\"…\"` naming the scope the operation needs. 
    Status403_Forbidden
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Too many requests: the rate limit of these credentials (or of this address, unauthenticated) is spent (`rate_limited`)
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Internal error: unexpected; nothing was changed (`internal_error`)
    Status500_InternalError
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum ReplacePatientResponse {
    /// The replaced patient
    Status200_TheReplacedPatient
    {
        body: models::Patient,
        e_tag:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Bad request: `malformed_json`, `invalid_parameter`, `invalid_cursor` or `bad_request`
    Status400_BadRequest
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unauthorized: missing or invalid credentials (`unauthenticated`)
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Forbidden: the credentials lack the needed scope (`insufficient_scope`). For a bearer token the response also carries `WWW-Authenticate: Bearer realm=\"patient-service\", error=\"insufficient_scope\", scope=\"…\"` naming the scope the operation needs. 
    Status403_Forbidden
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Not found: no active patient has this id (`patient_not_found`)
    Status404_NotFound
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Conflict: `duplicate_email`, `duplicate_phone`, `patient_not_deleted`, `idempotency_key_reused` or `resource_busy` (with `Retry-After`)
    Status409_Conflict
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Precondition failed: `If-Match` does not match the current `ETag` (`precondition_failed`)
    Status412_PreconditionFailed
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Payload too large: the body is larger than 64 KiB (`payload_too_large`)
    Status413_PayloadTooLarge
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unsupported media type: the body is not JSON (`unsupported_media_type`)
    Status415_UnsupportedMediaType
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unprocessable entity: the body breaks the schema or a business rule (`validation_failed`)
    Status422_UnprocessableEntity
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Precondition required: `If-Match` is missing (`precondition_required`)
    Status428_PreconditionRequired
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Too many requests: the rate limit of these credentials (or of this address, unauthenticated) is spent (`rate_limited`)
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Internal error: unexpected; nothing was changed (`internal_error`)
    Status500_InternalError
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum RestorePatientResponse {
    /// The restored patient
    Status200_TheRestoredPatient
    {
        body: models::Patient,
        e_tag:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Bad request: `malformed_json`, `invalid_parameter`, `invalid_cursor` or `bad_request`
    Status400_BadRequest
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unauthorized: missing or invalid credentials (`unauthenticated`)
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Forbidden: the credentials lack the needed scope (`insufficient_scope`). For a bearer token the response also carries `WWW-Authenticate: Bearer realm=\"patient-service\", error=\"insufficient_scope\", scope=\"…\"` naming the scope the operation needs. 
    Status403_Forbidden
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Not found: no active patient has this id (`patient_not_found`)
    Status404_NotFound
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Conflict: `duplicate_email`, `duplicate_phone`, `patient_not_deleted`, `idempotency_key_reused` or `resource_busy` (with `Retry-After`)
    Status409_Conflict
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Precondition failed: `If-Match` does not match the current `ETag` (`precondition_failed`)
    Status412_PreconditionFailed
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Too many requests: the rate limit of these credentials (or of this address, unauthenticated) is spent (`rate_limited`)
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Internal error: unexpected; nothing was changed (`internal_error`)
    Status500_InternalError
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
#[must_use]
#[allow(clippy::large_enum_variant)]
pub enum SearchPatientsResponse {
    /// One page of matching patients
    Status200_OnePageOfMatchingPatients
    {
        body: models::PatientList,
        x_request_id:
        String
    }
    ,
    /// Bad request: `malformed_json`, `invalid_parameter`, `invalid_cursor` or `bad_request`
    Status400_BadRequest
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unauthorized: missing or invalid credentials (`unauthenticated`)
    Status401_Unauthorized
    {
        body: models::Error,
        www_authenticate:
        String
        ,
        x_request_id:
        String
    }
    ,
    /// Forbidden: the credentials lack the needed scope (`insufficient_scope`). For a bearer token the response also carries `WWW-Authenticate: Bearer realm=\"patient-service\", error=\"insufficient_scope\", scope=\"…\"` naming the scope the operation needs. 
    Status403_Forbidden
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Payload too large: the body is larger than 64 KiB (`payload_too_large`)
    Status413_PayloadTooLarge
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unsupported media type: the body is not JSON (`unsupported_media_type`)
    Status415_UnsupportedMediaType
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Unprocessable entity: the body breaks the schema or a business rule (`validation_failed`)
    Status422_UnprocessableEntity
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Too many requests: the rate limit of these credentials (or of this address, unauthenticated) is spent (`rate_limited`)
    Status429_TooManyRequests
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
    ,
    /// Internal error: unexpected; nothing was changed (`internal_error`)
    Status500_InternalError
    {
        body: models::Error,
        x_request_id:
        String
    }
    ,
    /// Service unavailable; retry later: the database is unreachable or not migrated (`not_ready`), the instance is at its concurrency limit (`overloaded`), the request or a database statement took too long (`request_timeout`, `database_timeout`), or writes are switched off (`writes_disabled`). `Retry-After` comes with `overloaded` and `writes_disabled`. 
    Status503_ServiceUnavailable
    {
        body: models::Error,
        retry_after:
        Option<
        u32
        >
        ,
        x_request_id:
        String
    }
}




/// Patients
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Patients<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Create a patient.
    ///
    /// CreatePatient - POST /api/v1/patients
    async fn create_patient(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::CreatePatientHeaderParams,
            body: &models::PatientInput,
    ) -> Result<CreatePatientResponse, E>;

    /// Delete a patient (soft).
    ///
    /// DeletePatient - DELETE /api/v1/patients/{patient_id}
    async fn delete_patient(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::DeletePatientHeaderParams,
      path_params: &models::DeletePatientPathParams,
    ) -> Result<DeletePatientResponse, E>;

    /// Read a patient.
    ///
    /// GetPatient - GET /api/v1/patients/{patient_id}
    async fn get_patient(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::GetPatientHeaderParams,
      path_params: &models::GetPatientPathParams,
    ) -> Result<GetPatientResponse, E>;

    /// List and search patients.
    ///
    /// ListPatients - GET /api/v1/patients
    async fn list_patients(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::ListPatientsHeaderParams,
      query_params: &models::ListPatientsQueryParams,
    ) -> Result<ListPatientsResponse, E>;

    /// Replace a patient.
    ///
    /// ReplacePatient - PUT /api/v1/patients/{patient_id}
    async fn replace_patient(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::ReplacePatientHeaderParams,
      path_params: &models::ReplacePatientPathParams,
            body: &models::PatientInput,
    ) -> Result<ReplacePatientResponse, E>;

    /// Restore a deleted patient.
    ///
    /// RestorePatient - POST /api/v1/patients/{patient_id}:restore
    async fn restore_patient(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::RestorePatientHeaderParams,
      path_params: &models::RestorePatientPathParams,
    ) -> Result<RestorePatientResponse, E>;

    /// Search patients (filters in the body).
    ///
    /// SearchPatients - POST /api/v1/patients:search
    async fn search_patients(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::SearchPatientsHeaderParams,
            body: &models::PatientSearch,
    ) -> Result<SearchPatientsResponse, E>;
}
