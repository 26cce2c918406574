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
pub enum GetPatientFhirResponse {
    /// The FHIR Patient resource
    Status200_TheFHIRPatientResource
    {
        body: String,
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




/// Fhir
#[async_trait]
#[allow(clippy::ptr_arg)]
pub trait Fhir<E: std::fmt::Debug + Send + Sync + 'static = ()>: super::ErrorHandler<E> {
    type Claims;

    /// Read a patient as a FHIR R4 Patient.
    ///
    /// GetPatientFhir - GET /api/v1/patients/{patient_id}/fhir
    async fn get_patient_fhir(
    &self,
    
    method: &Method,
    host: &Host,
    cookies: &CookieJar,
        claims: &Self::Claims,
      header_params: &models::GetPatientFhirHeaderParams,
      path_params: &models::GetPatientFhirPathParams,
    ) -> Result<GetPatientFhirResponse, E>;
}
