//! The request's server span: a child of the caller's W3C trace context (`traceparent`,
//! `tracestate`) when it sends one, else the root of a new trace. Named by method and route
//! template, with HTTP semantic-convention attributes: method, route, status, protocol
//! version. Never the path's values, the query string, a header value or a body: a path that
//! matched no route could hold anything a client typed.
use axum::{extract::Request, middleware::Next, response::Response};
use http::Version;
use opentelemetry::trace::TraceContextExt;
use opentelemetry_http::HeaderExtractor;
use tracing::{Instrument, Span, field::Empty};
use tracing_opentelemetry::OpenTelemetrySpanExt;

use super::{request_id::RequestId, route::method_label};
use crate::telemetry::SERVER_SPAN_TARGET;

/// The server span, as a request extension for the layers and routes inside.
#[derive(Debug, Clone)]
pub struct ServerSpan(pub Span);

/// The ids that tie a log line to its trace, as lowercase hex (W3C form).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TraceIds {
    pub trace_id: String,
    pub span_id: String,
}

/// Outer layer, inside `request_id`: runs the request in its server span.
pub async fn start_server_span(mut request: Request, next: Next) -> Response {
    let parent = opentelemetry::global::get_text_map_propagator(|propagator| {
        propagator.extract(&HeaderExtractor(request.headers()))
    });
    let request_id = request.extensions().get::<RequestId>().map(|id| id.0.clone()).unwrap_or_default();
    let method = method_label(request.method());
    let span = tracing::info_span!(
        target: SERVER_SPAN_TARGET,
        "request",
        request_id = %request_id,
        otel.name = method,
        otel.kind = "server",
        otel.status_code = Empty,
        http.request.method = method,
        http.route = Empty,
        http.response.status_code = Empty,
        network.protocol.version = protocol_version(request.version()),
        error.type = Empty,
    );
    // Fails only when no OpenTelemetry layer is installed (tests without telemetry).
    let _ = span.set_parent(parent);
    request.extensions_mut().insert(ServerSpan(span.clone()));
    let response = next.run(request).instrument(span.clone()).await;
    let status = response.status();
    span.record("http.response.status_code", i64::from(status.as_u16()));
    // Server spans are errors on 5xx only (a 4xx is the client's).
    if status.is_server_error() {
        span.record("otel.status_code", "ERROR");
        span.record("error.type", status.as_str());
    }
    response
}

impl ServerSpan {
    /// Names the span `{method} {route}` once the router matched (before the span starts:
    /// its name is fixed when its first child or its ids are needed).
    pub fn name_after_route(&self, method: &str, route: &str) {
        self.0.record("otel.name", tracing::field::display(format_args!("{method} {route}")));
        self.0.record("http.route", route);
    }

    /// The span's trace and span ids; `None` without an OpenTelemetry layer.
    pub fn trace_ids(&self) -> Option<TraceIds> {
        let context = self.0.context();
        let span = context.span();
        let ids = span.span_context();
        ids.is_valid().then(|| TraceIds { trace_id: ids.trace_id().to_string(), span_id: ids.span_id().to_string() })
    }
}

fn protocol_version(version: Version) -> &'static str {
    match version {
        Version::HTTP_09 => "0.9",
        Version::HTTP_10 => "1.0",
        Version::HTTP_11 => "1.1",
        Version::HTTP_2 => "2",
        Version::HTTP_3 => "3",
        _ => "other",
    }
}
