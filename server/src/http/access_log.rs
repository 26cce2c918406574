//! One structured log line per request: request id (from the span), method, matched route
//! template, status and duration. Never the path's values, the query string or the body.
use std::time::Instant;

use axum::{
    extract::{MatchedPath, Request},
    middleware::Next,
    response::Response,
};

use super::request_id::RequestId;
use crate::contract::contract;

/// The matched route template in its public form, carried from the router out to the logs.
#[derive(Debug, Clone)]
pub struct RouteTemplate(pub String);

/// Route layer (inside the router): records which template matched.
pub async fn record_route(matched: Option<MatchedPath>, request: Request, next: Next) -> Response {
    let route = matched.map(|m| contract().public_path(m.as_str()).to_owned());
    let mut response = next.run(request).await;
    if let Some(route) = route {
        response.extensions_mut().insert(RouteTemplate(route));
    }
    response
}

/// The route to log for a response: its template, or `unmatched`.
pub fn route_of(response: &Response) -> &str {
    response.extensions().get::<RouteTemplate>().map_or("unmatched", |r| r.0.as_str())
}

/// Outer layer: writes the access log line once the response is ready.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let request_id = request.extensions().get::<RequestId>().map(|id| id.0.clone()).unwrap_or_default();
    let response = next.run(request).await;
    let route = route_of(&response);
    let status = response.status().as_u16();
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    if response.status().is_server_error() {
        tracing::warn!(target: "access", request_id, %method, route, status, duration_ms, "request completed");
    } else {
        tracing::info!(target: "access", request_id, %method, route, status, duration_ms, "request completed");
    }
    response
}
