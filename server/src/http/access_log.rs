//! One structured log line per request: request id, trace and span id (of the server span),
//! actor (the authenticated key's or token's name), method, matched route template, the
//! addressed patient's id, status and duration. Never the path's values, the query string,
//! a body, or a secret.
use std::time::Instant;

use axum::{extract::Request, middleware::Next, response::Response};
use http::Method;

use super::{
    request_id::RequestId,
    route::{patient_of, route_of},
    server_span::{ServerSpan, TraceIds},
};
use crate::auth::Caller;

/// What a request's log lines say about it, taken before it runs.
pub struct RequestContext {
    pub request_id: String,
    pub method: Method,
    span: Option<ServerSpan>,
}

impl RequestContext {
    pub fn of(request: &Request) -> Self {
        Self {
            request_id: request.extensions().get::<RequestId>().map(|id| id.0.clone()).unwrap_or_default(),
            method: request.method().clone(),
            span: request.extensions().get::<ServerSpan>().cloned(),
        }
    }

    pub fn trace_ids(&self) -> Option<TraceIds> {
        self.span.as_ref().and_then(ServerSpan::trace_ids)
    }
}

/// The actor of a response: who the request authenticated as, if anyone.
pub fn actor_of(response: &Response) -> Option<&str> {
    response.extensions().get::<Caller>().map(|caller| caller.0.as_str())
}

/// Outer layer: writes the access log line once the response is ready.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let context = RequestContext::of(&request);
    let response = next.run(request).await;
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    let ids = context.trace_ids();
    let (trace_id, span_id) = ids.as_ref().map(|ids| (ids.trace_id.as_str(), ids.span_id.as_str())).unzip();
    let patient_id = patient_of(&response).map(|id| id.to_string());
    let (request_id, method, route, status) =
        (context.request_id.as_str(), &context.method, route_of(&response), response.status().as_u16());
    let actor = actor_of(&response);
    let patient_id = patient_id.as_deref();
    if response.status().is_server_error() {
        tracing::warn!(target: "access", request_id, trace_id, span_id, actor, %method, route, patient_id, status, duration_ms, "request completed");
    } else {
        tracing::info!(target: "access", request_id, trace_id, span_id, actor, %method, route, patient_id, status, duration_ms, "request completed");
    }
    response
}
