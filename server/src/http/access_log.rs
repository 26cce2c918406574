//! One structured log line per request: request id, trace and span id (of the server span),
//! actor (the authenticated key's or token's name), method, matched route template, the
//! addressed patient's id, status and duration. Never the path's values, the query string,
//! a body, or a secret.
use std::time::Instant;

use axum::{extract::Request, middleware::Next, response::Response};
use http::Method;
use tracing::Level;

use super::{
    request_id::RequestId,
    route::{patient_of, route_of},
    server_span::{ServerSpan, TraceIds},
};
use crate::auth::Caller;

/// What a request's log lines say about it, taken before it runs.
pub struct RequestContext {
    request_id: String,
    method: Method,
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

    /// The fields every log line about the request carries, once `response` is ready.
    pub fn fields<'a>(&'a self, response: &'a Response) -> LogFields<'a> {
        let ids = self.span.as_ref().and_then(ServerSpan::trace_ids);
        let (trace_id, span_id) = ids.map(|TraceIds { trace_id, span_id }| (trace_id, span_id)).unzip();
        LogFields {
            request_id: &self.request_id,
            trace_id,
            span_id,
            actor: response.extensions().get::<Caller>().map(|caller| caller.0.as_str()),
            method: &self.method,
            route: route_of(response),
            patient_id: patient_of(response).map(|id| id.to_string()),
            status: response.status().as_u16(),
        }
    }
}

/// See the module docs; `None` fields are left out of the line.
pub struct LogFields<'a> {
    pub request_id: &'a str,
    pub trace_id: Option<String>,
    pub span_id: Option<String>,
    pub actor: Option<&'a str>,
    pub method: &'a Method,
    pub route: &'a str,
    pub patient_id: Option<String>,
    pub status: u16,
}

/// Outer layer: writes the access log line once the response is ready.
pub async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let context = RequestContext::of(&request);
    let response = next.run(request).await;
    let server_error = response.status().is_server_error();
    // The fields cost a few allocations; skip them when the line would be filtered out
    // (LOG_LEVEL=warn, as in the benchmarks).
    let enabled = if server_error {
        tracing::enabled!(target: "access", Level::WARN)
    } else {
        tracing::enabled!(target: "access", Level::INFO)
    };
    if !enabled {
        return response;
    }
    let duration_ms = started.elapsed().as_secs_f64() * 1000.0;
    let LogFields { request_id, trace_id, span_id, actor, method, route, patient_id, status } =
        context.fields(&response);
    let (trace_id, span_id, patient_id) = (trace_id.as_deref(), span_id.as_deref(), patient_id.as_deref());
    if server_error {
        tracing::warn!(target: "access", request_id, trace_id, span_id, actor, %method, route, patient_id, status, duration_ms, "request completed");
    } else {
        tracing::info!(target: "access", request_id, trace_id, span_id, actor, %method, route, patient_id, status, duration_ms, "request completed");
    }
    response
}
