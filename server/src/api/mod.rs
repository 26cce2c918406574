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
    auth::{Keyring, Principal},
    contract::contract,
    error::ApiError,
    store::{audit::Actor, db::Db, patients::PatientStore},
};

#[derive(Clone)]
pub struct PatientService {
    store: PatientStore,
    db: Db,
    keyring: Keyring,
}

impl PatientService {
    pub fn new(db: Db, keyring: Keyring, idempotency_retention: Duration) -> Self {
        Self { store: PatientStore::new(db.clone(), idempotency_retention), db, keyring }
    }

    pub fn keyring(&self) -> &Keyring {
        &self.keyring
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

#[async_trait]
impl ApiKeyAuthHeader for PatientService {
    type Claims = Principal;

    async fn extract_claims_from_header(&self, headers: &HeaderMap, _key: &str) -> Option<Principal> {
        self.keyring.authenticate_headers(headers)
    }
}

#[async_trait]
impl ApiAuthBasic for PatientService {
    type Claims = Principal;

    /// Bearer (OIDC) tokens are part of the contract but not accepted until the OIDC
    /// integration lands; until then they authenticate nobody.
    async fn extract_claims_from_auth_header(
        &self,
        _kind: BasicAuthKind,
        _headers: &HeaderMap,
        _key: &str,
    ) -> Option<Principal> {
        None
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
