//! The generated `patient-api` traits, implemented on [`PatientService`].
//!
//! Handlers return `Result<…Response, ApiError>`: success variants are built here, every
//! error goes through [`ErrorHandler::handle_error`] into the contract's error body.
mod audit;
mod fhir;
mod health;
mod patients;

use std::time::Duration;

use async_trait::async_trait;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use headers::Host;
use http::{HeaderMap, Method, StatusCode};
use patient_api::apis::{ApiAuthBasic, ApiKeyAuthHeader, BasicAuthKind, ErrorHandler};

use crate::{
    auth::{Principal, authenticated_principal},
    contract::contract,
    error::ApiError,
    store::{audit::Actor, db::Db, patients::PatientStore},
};

#[derive(Clone)]
pub struct PatientService {
    store: PatientStore,
    db: Db,
}

impl PatientService {
    pub fn new(db: Db, idempotency_retention: Duration) -> Self {
        Self { store: PatientStore::new(db.clone(), idempotency_retention), db }
    }
}

impl AsRef<PatientService> for PatientService {
    fn as_ref(&self) -> &PatientService {
        self
    }
}

#[async_trait]
impl ErrorHandler<ApiError> for PatientService {
    async fn handle_error(
        &self,
        _method: &Method,
        _host: &Host,
        _cookies: &CookieJar,
        error: ApiError,
    ) -> Result<Response, StatusCode> {
        Ok(error.into_response())
    }
}

/// The generated handlers ask for claims per security scheme; both answer with the principal
/// `auth::require_scope` already authenticated, so a request is authenticated once.
#[async_trait]
impl ApiKeyAuthHeader for PatientService {
    type Claims = Principal;

    async fn extract_claims_from_header(&self, _headers: &HeaderMap, _key: &str) -> Option<Principal> {
        authenticated_principal()
    }
}

#[async_trait]
impl ApiAuthBasic for PatientService {
    type Claims = Principal;

    async fn extract_claims_from_auth_header(
        &self,
        _kind: BasicAuthKind,
        _headers: &HeaderMap,
        _key: &str,
    ) -> Option<Principal> {
        authenticated_principal()
    }
}

/// The audit actor for a request: the principal's name and the (sanitized) request id.
fn actor(principal: &Principal, request_id: Option<&String>) -> Actor {
    Actor { name: principal.name.clone(), request_id: request_id.cloned().unwrap_or_default() }
}

/// The request id to echo: the request-id layer always sets the header before routing.
fn echo_request_id(request_id: Option<&String>) -> String {
    request_id.cloned().unwrap_or_default()
}

/// The `limit` of a paged list (its range is the contract's and already checked), or the
/// contract's default when absent.
fn page_size(operation_id: &str, limit: Option<u32>) -> u64 {
    let default = || {
        let param = contract().operation(operation_id).query.iter().find(|p| p.name == "limit");
        param.and_then(|p| p.default.as_ref()).and_then(serde_json::Value::as_u64).expect("limit has a default")
    };
    limit.map_or_else(default, u64::from)
}
