//! Prometheus metrics: every series the service exports, its labels and its buckets, in one
//! place. The HTTP layer (`http::request_metrics`) and the store (`store::db`) record through
//! [`Metrics`]; `GET /metrics` on the metrics listener renders them.
//!
//! Each [`Metrics`] owns its recorder (no process-global one), so every application built in
//! a process — the tests build hundreds — counts only its own requests.
//!
//! Labels are bounded: method (the standard methods, else `_OTHER`), route template (or
//! `unmatched`), status class, SQL operation and table, error code. Never an id, a name or a
//! query value.
use std::{sync::Arc, time::Duration};

use http::StatusCode;
use metrics::{Key, KeyName, Label, Level, Metadata, Recorder, SharedString, Unit};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder};

/// Requests served, by `method`, `route` and `status_class` (`2xx` … `5xx`): the rate, and the
/// 4xx and 5xx error counts (`status_class="4xx"`, `status_class="5xx"`).
pub const HTTP_REQUESTS: &str = "http_server_requests_total";
/// Request latency in seconds, labelled like [`HTTP_REQUESTS`].
pub const HTTP_DURATION: &str = "http_server_request_duration_seconds";
/// Requests being served right now.
pub const HTTP_IN_FLIGHT: &str = "http_server_active_requests";
/// Open pool connections by `state` (`idle`, `used`); their sum is the pool's size.
pub const DB_CONNECTIONS: &str = "db_client_connections";
/// The pool's configured maximum size.
pub const DB_CONNECTIONS_MAX: &str = "db_client_connections_max";
/// Database calls waiting for a pool connection right now.
pub const DB_PENDING: &str = "db_client_connections_pending_requests";
/// How long a database call waited for a pool connection, in seconds.
pub const DB_ACQUIRE_WAIT: &str = "db_client_connection_wait_seconds";
/// Database calls that got no connection (the database unreachable, or the pool exhausted
/// until its timeout).
pub const DB_ACQUIRE_FAILURES: &str = "db_client_connection_failures_total";
/// Statement and transaction-control latency in seconds, by `operation` (`SELECT`, `INSERT`,
/// `UPDATE`, `DELETE`, `BEGIN`, `COMMIT`, `OTHER`), `table` (`none` for `BEGIN`/`COMMIT`) and
/// `outcome` (`ok`, `error`).
pub const DB_OPERATION_DURATION: &str = "db_client_operation_duration_seconds";
/// Creates answered by replaying a saved response (`Idempotency-Key` retries).
pub const IDEMPOTENT_REPLAYS: &str = "patient_idempotent_replays_total";
/// Writes refused with 409 or 412, by `route` and error `code` (`precondition_failed`,
/// `duplicate_email`, `idempotency_key_reused`, …).
pub const WRITE_CONFLICTS: &str = "patient_write_conflicts_total";
/// Writes refused by the write kill-switch, by `route`: recorded with
/// [`Metrics::write_refused`] (see `write_switch`).
pub const WRITES_REFUSED: &str = "patient_writes_refused_total";
/// 1 while this instance sees the write kill-switch on (writes disabled), else 0.
pub const WRITES_DISABLED: &str = "patient_writes_disabled";

/// Request latency buckets: fine around the SLOs (p95 ≤ 50 ms for reads, ≤ 200 ms for
/// writes) so p50/p95/p99 interpolate within a few milliseconds there.
const HTTP_BUCKETS: &[f64] = &[
    0.001, 0.0025, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045, 0.05, 0.06, 0.075, 0.1, 0.125,
    0.15, 0.175, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1.0, 2.5, 5.0, 10.0,
];
/// Statement latency buckets: most statements take well under a millisecond.
const DB_OPERATION_BUCKETS: &[f64] =
    &[0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];
/// Connection wait buckets, up to the pool's acquire timeout (5 s).
const DB_ACQUIRE_BUCKETS: &[f64] =
    &[0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0];

static METADATA: Metadata<'static> = Metadata::new(module_path!(), Level::INFO, Some(module_path!()));

/// The pool's state, as read when `/metrics` is scraped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolState {
    pub open: u32,
    pub idle: u32,
    pub max: u32,
}

/// The application's metrics. Cheap to clone: every clone records into the same registry.
#[derive(Clone)]
pub struct Metrics {
    recorder: Arc<PrometheusRecorder>,
    handle: PrometheusHandle,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let buckets = |builder: PrometheusBuilder, name: &str, buckets: &[f64]| {
            builder.set_buckets_for_metric(Matcher::Full(name.to_owned()), buckets).expect("buckets are not empty")
        };
        let mut builder = PrometheusBuilder::new();
        builder = buckets(builder, HTTP_DURATION, HTTP_BUCKETS);
        builder = buckets(builder, DB_OPERATION_DURATION, DB_OPERATION_BUCKETS);
        builder = buckets(builder, DB_ACQUIRE_WAIT, DB_ACQUIRE_BUCKETS);
        let recorder = builder.build_recorder();
        let handle = recorder.handle();
        let metrics = Self { recorder: Arc::new(recorder), handle };
        metrics.describe();
        metrics
    }

    /// The Prometheus text exposition of every series.
    pub fn render(&self) -> String {
        self.handle.render()
    }

    /// Drains recorded histogram samples into their buckets. Rendering does it too; this
    /// bounds memory when nobody scrapes (call it every few seconds).
    pub fn run_upkeep(&self) {
        self.handle.run_upkeep();
    }

    /// Counts a request in flight until the returned guard is dropped (also when the request
    /// is cancelled).
    pub fn request_in_flight(&self) -> InFlight {
        let gauge = self.recorder.register_gauge(&Key::from_static_name(HTTP_IN_FLIGHT), &METADATA);
        gauge.increment(1.0);
        InFlight(gauge)
    }

    pub fn request_finished(&self, method: &'static str, route: &str, status: StatusCode, elapsed: Duration) {
        let labels = vec![
            Label::from_static_parts("method", method),
            Label::new("route", route.to_owned()),
            Label::from_static_parts("status_class", status_class(status)),
        ];
        self.counter(HTTP_REQUESTS, labels.clone()).increment(1);
        self.histogram(HTTP_DURATION, labels).record(elapsed.as_secs_f64());
    }

    pub fn idempotent_replay(&self) {
        self.counter(IDEMPOTENT_REPLAYS, Vec::new()).increment(1);
    }

    pub fn write_conflict(&self, route: &str, code: &'static str) {
        let labels = vec![Label::new("route", route.to_owned()), Label::from_static_parts("code", code)];
        self.counter(WRITE_CONFLICTS, labels).increment(1);
    }

    /// For the write kill-switch: a write it refused on `route`.
    pub fn write_refused(&self, route: &str) {
        self.counter(WRITES_REFUSED, vec![Label::new("route", route.to_owned())]).increment(1);
    }

    pub fn db_operation(&self, operation: &'static str, table: &'static str, elapsed: Duration, failed: bool) {
        let labels = vec![
            Label::from_static_parts("operation", operation),
            Label::from_static_parts("table", table),
            Label::from_static_parts("outcome", if failed { "error" } else { "ok" }),
        ];
        self.histogram(DB_OPERATION_DURATION, labels).record(elapsed.as_secs_f64());
    }

    /// A database call started waiting for a connection.
    pub fn db_acquire_started(&self) {
        self.gauge(DB_PENDING, Vec::new()).increment(1.0);
    }

    /// The waiting call got a connection after `waited`.
    pub fn db_acquired(&self, waited: Duration) {
        self.gauge(DB_PENDING, Vec::new()).decrement(1.0);
        self.histogram(DB_ACQUIRE_WAIT, Vec::new()).record(waited.as_secs_f64());
    }

    /// The waiting call gave up without a connection.
    pub fn db_acquire_failed(&self) {
        self.gauge(DB_PENDING, Vec::new()).decrement(1.0);
        self.counter(DB_ACQUIRE_FAILURES, Vec::new()).increment(1);
    }

    pub fn set_pool_state(&self, pool: PoolState) {
        let used = pool.open.saturating_sub(pool.idle);
        self.gauge(DB_CONNECTIONS, vec![Label::from_static_parts("state", "idle")]).set(f64::from(pool.idle));
        self.gauge(DB_CONNECTIONS, vec![Label::from_static_parts("state", "used")]).set(f64::from(used));
        self.gauge(DB_CONNECTIONS_MAX, Vec::new()).set(f64::from(pool.max));
    }

    pub fn set_writes_disabled(&self, disabled: bool) {
        self.gauge(WRITES_DISABLED, Vec::new()).set(if disabled { 1.0 } else { 0.0 });
    }

    fn counter(&self, name: &'static str, labels: Vec<Label>) -> metrics::Counter {
        self.recorder.register_counter(&Key::from_parts(name, labels), &METADATA)
    }

    fn gauge(&self, name: &'static str, labels: Vec<Label>) -> metrics::Gauge {
        self.recorder.register_gauge(&Key::from_parts(name, labels), &METADATA)
    }

    fn histogram(&self, name: &'static str, labels: Vec<Label>) -> metrics::Histogram {
        self.recorder.register_histogram(&Key::from_parts(name, labels), &METADATA)
    }

    /// HELP lines, and the series that exist before anything happened (so dashboards and
    /// alerts see zeros instead of gaps).
    fn describe(&self) {
        let describe = |name: &'static str, unit: Unit, help: &'static str, kind: Kind| {
            let (key, help) = (KeyName::from_const_str(name), SharedString::const_str(help));
            match kind {
                Kind::Counter => self.recorder.describe_counter(key, Some(unit), help),
                Kind::Gauge => self.recorder.describe_gauge(key, Some(unit), help),
                Kind::Histogram => self.recorder.describe_histogram(key, Some(unit), help),
            }
        };
        describe(
            HTTP_REQUESTS,
            Unit::Count,
            "HTTP requests served, by method, route template and status class.",
            Kind::Counter,
        );
        describe(
            HTTP_DURATION,
            Unit::Seconds,
            "HTTP request latency, by method, route template and status class.",
            Kind::Histogram,
        );
        describe(HTTP_IN_FLIGHT, Unit::Count, "HTTP requests being served.", Kind::Gauge);
        describe(DB_CONNECTIONS, Unit::Count, "Open database pool connections, by state (idle, used).", Kind::Gauge);
        describe(DB_CONNECTIONS_MAX, Unit::Count, "Maximum size of the database pool.", Kind::Gauge);
        describe(DB_PENDING, Unit::Count, "Database calls waiting for a pool connection.", Kind::Gauge);
        describe(DB_ACQUIRE_WAIT, Unit::Seconds, "Time database calls waited for a pool connection.", Kind::Histogram);
        describe(DB_ACQUIRE_FAILURES, Unit::Count, "Database calls that got no pool connection.", Kind::Counter);
        describe(
            DB_OPERATION_DURATION,
            Unit::Seconds,
            "Database statement latency, by operation, table and outcome.",
            Kind::Histogram,
        );
        describe(
            IDEMPOTENT_REPLAYS,
            Unit::Count,
            "Creates answered by replaying the response saved for their Idempotency-Key.",
            Kind::Counter,
        );
        describe(
            WRITE_CONFLICTS,
            Unit::Count,
            "Writes refused with 409 or 412, by route and error code.",
            Kind::Counter,
        );
        describe(WRITES_REFUSED, Unit::Count, "Writes refused by the write kill-switch, by route.", Kind::Counter);
        describe(WRITES_DISABLED, Unit::Count, "1 while the write kill-switch is on (writes disabled).", Kind::Gauge);
        self.gauge(WRITES_DISABLED, Vec::new()).set(0.0);
        self.gauge(HTTP_IN_FLIGHT, Vec::new()).set(0.0);
        self.gauge(DB_PENDING, Vec::new()).set(0.0);
        self.counter(DB_ACQUIRE_FAILURES, Vec::new()).absolute(0);
        self.counter(IDEMPOTENT_REPLAYS, Vec::new()).absolute(0);
    }
}

enum Kind {
    Counter,
    Gauge,
    Histogram,
}

/// Decrements the in-flight gauge when the request is done.
pub struct InFlight(metrics::Gauge);

impl Drop for InFlight {
    fn drop(&mut self) {
        self.0.decrement(1.0);
    }
}

fn status_class(status: StatusCode) -> &'static str {
    match status.as_u16() {
        100..=199 => "1xx",
        200..=299 => "2xx",
        300..=399 => "3xx",
        400..=499 => "4xx",
        _ => "5xx",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applications_do_not_share_counts() {
        let (a, b) = (Metrics::new(), Metrics::new());
        a.request_finished("GET", "/healthz", StatusCode::OK, Duration::from_millis(3));
        assert!(
            a.render().contains(r#"http_server_requests_total{method="GET",route="/healthz",status_class="2xx"} 1"#)
        );
        assert!(!b.render().contains("route=\"/healthz\""));
    }

    #[test]
    fn latency_is_a_histogram_with_buckets_around_the_slos() {
        let metrics = Metrics::new();
        metrics.request_finished("PUT", "/x", StatusCode::PRECONDITION_FAILED, Duration::from_millis(180));
        let text = metrics.render();
        for bound in ["0.05", "0.2"] {
            let bucket = format!(
                r#"http_server_request_duration_seconds_bucket{{method="PUT",route="/x",status_class="4xx",le="{bound}"}}"#
            );
            assert!(text.contains(&bucket), "no {bound} bucket in\n{text}");
        }
        assert!(text.contains(r#"le="0.2"} 1"#) && text.contains(r#"le="0.175"} 0"#), "{text}");
    }

    #[test]
    fn in_flight_requests_are_counted_until_dropped() {
        let metrics = Metrics::new();
        let guard = metrics.request_in_flight();
        assert!(metrics.render().contains("http_server_active_requests 1"));
        drop(guard);
        assert!(metrics.render().contains("http_server_active_requests 0"));
    }

    #[test]
    fn status_classes() {
        assert_eq!(status_class(StatusCode::CREATED), "2xx");
        assert_eq!(status_class(StatusCode::CONFLICT), "4xx");
        assert_eq!(status_class(StatusCode::SERVICE_UNAVAILABLE), "5xx");
    }
}
