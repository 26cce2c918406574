//! Records each request in the metrics: in flight while it runs, then its count and latency
//! by method, route template and status class, and what its response tells about the
//! domain (an idempotent replay, a 409/412 conflict and its error code).
use std::time::Instant;

use axum::{
    extract::{Request, State},
    middleware::Next,
    response::Response,
};
use http::{HeaderName, StatusCode};

use super::route::{method_label, route_of};
use crate::{error::ErrorCode, metrics::Metrics};

/// Set on a create answered from its `Idempotency-Key`'s saved response (the contract's header).
const IDEMPOTENT_REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");

pub async fn record_metrics(State(metrics): State<Metrics>, request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = method_label(request.method());
    let in_flight = metrics.request_in_flight();
    let response = next.run(request).await;
    drop(in_flight);
    let route = route_of(&response);
    let status = response.status();
    metrics.request_finished(method, route, status, started.elapsed());
    if response.headers().get(IDEMPOTENT_REPLAYED).is_some_and(|value| value == "true") {
        metrics.idempotent_replay();
    }
    if matches!(status, StatusCode::CONFLICT | StatusCode::PRECONDITION_FAILED)
        && let Some(code) = response.extensions().get::<ErrorCode>()
    {
        metrics.write_conflict(route, code.as_str());
    }
    response
}
