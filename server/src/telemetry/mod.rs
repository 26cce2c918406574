//! Logging and tracing: one `tracing` subscriber with two layers.
//!
//! - The log layer writes JSON (default) or human-readable text to stdout, filtered by
//!   `LOG_LEVEL`. It never sees the database spans, so a log line's `span` is the request's.
//! - The OpenTelemetry layer turns spans into OpenTelemetry spans ([`otel`]). Without an
//!   export endpoint it sees only the request's server span, whose ids the access log needs;
//!   with one, also the database and transaction spans, and warnings and errors as span
//!   events.
//!
//! The W3C Trace Context propagator is installed here, explicitly: `traceparent` and
//! `tracestate` of incoming requests are honoured (`http::server_span`).
//!
//! What may be logged or put on a span: ids, routes, methods, statuses, durations, error
//! kinds, SQL operation and table names. Never names, dates of birth, contact details,
//! addresses, request bodies, query strings or SQL values.
pub mod otel;

use opentelemetry::trace::TracerProvider as _;
use opentelemetry_sdk::{propagation::TraceContextPropagator, trace::SdkTracerProvider};
use tracing::{Level, Metadata};
use tracing_subscriber::{
    EnvFilter, Layer,
    filter::{FilterExt, filter_fn},
    fmt,
    layer::SubscriberExt,
    util::SubscriberInitExt,
};

use self::otel::TraceSettings;
use crate::config::LogFormat;

/// Target of the request's server span (`http::server_span`).
pub const SERVER_SPAN_TARGET: &str = "patient_server::request";
/// Target of the database and transaction spans (`store::db`).
pub const DB_SPAN_TARGET: &str = "patient_server::db";

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Keeps the tracer provider; [`Telemetry::shutdown`] exports what is still buffered.
pub struct Telemetry {
    provider: SdkTracerProvider,
}

impl Telemetry {
    /// Flushes buffered spans to the collector (blocking: call it once the server stopped).
    pub fn shutdown(self) {
        if let Err(err) = self.provider.shutdown() {
            tracing::warn!(error = %err, "could not flush spans at shutdown");
        }
    }
}

/// Installs the global subscriber and the W3C propagator. Fails if the filter is invalid,
/// the exporter cannot be built, or a subscriber is already installed.
pub fn init(level: &str, format: LogFormat, traces: &TraceSettings) -> Result<Telemetry, BoxError> {
    let provider = traces.tracer_provider()?;
    opentelemetry::global::set_text_map_propagator(TraceContextPropagator::new());
    let exporting = traces.export.is_some();
    // Lean spans: no code locations, thread or target attributes; a span starts when its ids
    // are first needed (so the route can still name it), not when it is entered.
    let otel_layer = tracing_opentelemetry::layer()
        .with_tracer(provider.tracer("patient-server"))
        .with_location(false)
        .with_threads(false)
        .with_target(false)
        .with_tracked_inactivity(false)
        .with_context_activation(false)
        .with_filter(filter_fn(move |meta| traced(meta, exporting)));
    let log_filter =
        EnvFilter::try_new(level)?.and(filter_fn(|meta| !(meta.is_span() && meta.target() == DB_SPAN_TARGET)));
    let registry = tracing_subscriber::registry().with(otel_layer);
    match format {
        LogFormat::Json => registry
            .with(
                fmt::layer()
                    .json()
                    .flatten_event(true)
                    .with_current_span(true)
                    .with_span_list(false)
                    .with_filter(log_filter),
            )
            .try_init()?,
        LogFormat::Text => registry.with(fmt::layer().compact().with_filter(log_filter)).try_init()?,
    }
    // The default hook prints the panic's message, which could quote data; log where it
    // happened instead.
    std::panic::set_hook(Box::new(|info| {
        let location = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(location, "panic");
    }));
    Ok(Telemetry { provider })
}

/// What the OpenTelemetry layer sees: the service's own spans (only the server span when
/// nothing is exported) and, when exporting, its warnings and errors.
fn traced(meta: &Metadata<'_>, exporting: bool) -> bool {
    if meta.is_span() {
        meta.target() == SERVER_SPAN_TARGET || (exporting && meta.target() == DB_SPAN_TARGET)
    } else {
        exporting && meta.target().starts_with("patient_server") && *meta.level() <= Level::WARN
    }
}
