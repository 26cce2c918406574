//! The generated `patient-api` traits, implemented on [`PatientService`].
//!
//! Handlers return `Result<…Response, ApiError>`: success variants are built here, every
//! error goes through [`ErrorHandler::handle_error`] into the contract's error body.
mod audit;
mod health;
mod patients;
mod representation;

use std::time::Duration;

use async_trait::async_trait;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use headers::Host;
use http::{HeaderMap, Method, StatusCode};
use patient_api::apis::{ApiAuthBasic, ApiKeyAuthHeader, BasicAuthKind, ErrorHandler};
use sea_orm::DatabaseConnection;

use crate::{
    auth::{Keyring, Principal},
    error::{ApiError, FieldError},
    store::{audit::Actor, patients::PatientStore},
};

#[derive(Clone)]
pub struct PatientService {
    store: PatientStore,
    db: DatabaseConnection,
    keyring: Keyring,
}

impl PatientService {
    pub fn new(db: DatabaseConnection, keyring: Keyring, idempotency_retention: Duration) -> Self {
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

const DEFAULT_PAGE_SIZE: u32 = 20;
const MAX_PAGE_SIZE: u32 = 100;

/// The `limit` of a paged list: 1–100, 20 when absent.
fn page_size(limit: Option<u32>) -> Result<u64, ApiError> {
    let limit = limit.unwrap_or(DEFAULT_PAGE_SIZE);
    if !(1..=MAX_PAGE_SIZE).contains(&limit) {
        return Err(ApiError::InvalidParameter(vec![FieldError::new(
            "limit",
            "out_of_range",
            format!("must be between 1 and {MAX_PAGE_SIZE}"),
        )]));
    }
    Ok(u64::from(limit))
}
