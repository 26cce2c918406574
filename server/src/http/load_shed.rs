//! Load shedding: a cap on the requests an instance works on at once, and a time limit on
//! each. Both answer at once with the contract's error body instead of letting work queue
//! without bound: beyond the cap, `503 overloaded` with `Retry-After`; past the time limit,
//! `503 request_timeout` (the handler is dropped, which rolls back an open transaction).
//!
//! The cap ([`limit_in_flight`]) is a route layer after authentication and the principal's
//! rate limit: it counts the requests that will parse a body and use the database, so a
//! burst that the rate limit answers with 429 (cheaply) cannot take the slots of the
//! requests it lets through. The time limit ([`limit_time`]) wraps everything. Health probes
//! are exempt from both, so a busy instance is not also reported dead.
use std::{sync::Arc, time::Duration};

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tokio::sync::Semaphore;

use super::operation::CurrentOperation;
use crate::{
    contract::{Access, contract},
    error::ApiError,
};

/// The public operations (`/healthz`, `/readyz`), by path.
pub fn is_health_probe(path: &str) -> bool {
    contract().operations().iter().any(|op| op.access == Access::Public && op.path == path)
}

#[derive(Clone)]
pub struct LoadShedding {
    in_flight: Arc<Semaphore>,
    request_timeout: Duration,
}

impl LoadShedding {
    pub fn new(max_in_flight: usize, request_timeout: Duration) -> Self {
        Self { in_flight: Arc::new(Semaphore::new(max_in_flight)), request_timeout }
    }
}

/// Route layer: see the module docs.
pub async fn limit_in_flight(State(shedding): State<LoadShedding>, request: Request, next: Next) -> Response {
    let Some(CurrentOperation(operation)) = request.extensions().get::<CurrentOperation>().copied() else {
        return next.run(request).await;
    };
    if operation.access == Access::Public {
        return next.run(request).await;
    }
    let Ok(_permit) = shedding.in_flight.clone().try_acquire_owned() else {
        return ApiError::Overloaded.into_response();
    };
    next.run(request).await
}

/// Outer layer: see the module docs.
pub async fn limit_time(State(shedding): State<LoadShedding>, request: Request, next: Next) -> Response {
    if is_health_probe(request.uri().path()) {
        return next.run(request).await;
    }
    match tokio::time::timeout(shedding.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => ApiError::RequestTimeout.into_response(),
    }
}
