//! `GET /metrics` on the metrics listener: the counters and histograms move by exactly what a
//! known sequence of requests does, labels never carry what clients sent, and the listener
//! keeps answering while the database is down.
use patient_server::docs;
use reqwest::StatusCode;
use serde_json::json;

use crate::helpers::{READER_KEY, TestApp, WRITER_KEY, header, minimal_body, patient_body, spawn_app};

/// One sample: its name, labels and value.
type Sample = (String, Vec<(String, String)>, f64);

/// One scrape of the Prometheus text exposition.
struct Snapshot(Vec<Sample>);

impl Snapshot {
    async fn take(app: &TestApp) -> Self {
        let response = app.client.get(&app.metrics_url).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(header(&response, "content-type").starts_with("text/plain; version=0.0.4"));
        let text = response.text().await.unwrap();
        Self(text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(parse_sample).collect())
    }

    /// The value of the series `name` with exactly `labels` (0 when absent). For a histogram,
    /// ask for `<name>_count`.
    fn value(&self, name: &str, labels: &[(&str, &str)]) -> f64 {
        self.0
            .iter()
            .filter(|(n, l, _)| {
                n == name
                    && l.len() == labels.len()
                    && labels.iter().all(|(k, v)| l.iter().any(|(lk, lv)| lk == k && lv == v))
            })
            .map(|(_, _, value)| value)
            .sum()
    }

    /// Every label of every sample.
    fn labels(&self) -> impl Iterator<Item = &(String, String)> {
        self.0.iter().flat_map(|(_, labels, _)| labels)
    }
}

/// `name{label="value",…} value`, with the text format's escapes in label values.
fn parse_sample(line: &str) -> Sample {
    let name_end = line.find(['{', ' ']).unwrap_or_else(|| panic!("no value: {line}"));
    let (name, mut rest) = line.split_at(name_end);
    let mut labels = Vec::new();
    if let Some(body) = rest.strip_prefix('{') {
        let mut chars = body.char_indices().peekable();
        loop {
            let (start, c) = chars.next().unwrap_or_else(|| panic!("unterminated labels: {line}"));
            if c == '}' {
                rest = &body[start + 1..];
                break;
            }
            if c == ',' {
                continue;
            }
            let eq = body[start..].find("=\"").map(|i| start + i).unwrap_or_else(|| panic!("bad label: {line}"));
            let key = body[start..eq].to_owned();
            while chars.peek().is_some_and(|(i, _)| *i <= eq + 1) {
                chars.next();
            }
            let mut value = String::new();
            loop {
                match chars.next().map(|(_, c)| c) {
                    Some('"') => break,
                    Some('\\') => match chars.next().map(|(_, c)| c) {
                        Some('n') => value.push('\n'),
                        Some(other) => value.push(other),
                        None => panic!("bad escape: {line}"),
                    },
                    Some(other) => value.push(other),
                    None => panic!("unterminated label value: {line}"),
                }
            }
            labels.push((key, value));
        }
    }
    let value = rest.trim().split(' ').next().unwrap();
    let value = match value {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        other => other.parse().unwrap_or_else(|_| panic!("bad value: {line}")),
    };
    (name.to_owned(), labels, value)
}

const PATIENT: &str = "/api/v1/patients/{patient_id}";
const PATIENTS: &str = "/api/v1/patients";
const RESTORE: &str = "/api/v1/patients/{patient_id}:restore";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn counters_and_histograms_move_by_exactly_the_requests_made() {
    let app = spawn_app().await;
    let (id, etag, _) = app.create_ok(&minimal_body()).await;
    let before = Snapshot::take(&app).await;

    // 3 reads, 1 unknown id, 1 stale replace (412), 1 restore of an active patient (409),
    // 1 create with a key and its replay.
    for _ in 0..3 {
        assert_eq!(app.get(&id).await.status(), StatusCode::OK);
    }
    let reads = Snapshot::take(&app).await;
    assert_eq!(app.get(&uuid::Uuid::new_v4().to_string()).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(app.replace(&id, Some("\"7\""), &minimal_body()).await.status(), StatusCode::PRECONDITION_FAILED);
    assert_eq!(app.restore(&id, None).await.status(), StatusCode::CONFLICT);
    let body = patient_body();
    for _ in 0..2 {
        assert_eq!(app.create_with_key(WRITER_KEY, "metrics-key-1", &body).await.status(), StatusCode::CREATED);
    }
    let after = Snapshot::take(&app).await;
    let _ = etag;

    let delta = |name: &str, labels: &[(&str, &str)]| after.value(name, labels) - before.value(name, labels);
    let get_ok = [("method", "GET"), ("route", PATIENT), ("status_class", "2xx")];
    let get_4xx = [("method", "GET"), ("route", PATIENT), ("status_class", "4xx")];
    assert_eq!(delta("http_server_requests_total", &get_ok), 3.0);
    assert_eq!(delta("http_server_request_duration_seconds_count", &get_ok), 3.0);
    assert_eq!(delta("http_server_requests_total", &get_4xx), 1.0);
    assert_eq!(
        delta("http_server_requests_total", &[("method", "PUT"), ("route", PATIENT), ("status_class", "4xx")]),
        1.0
    );
    assert_eq!(
        delta("http_server_requests_total", &[("method", "POST"), ("route", PATIENTS), ("status_class", "2xx")]),
        2.0
    );
    assert_eq!(
        delta("http_server_requests_total", &[("method", "POST"), ("route", RESTORE), ("status_class", "4xx")]),
        1.0
    );
    assert_eq!(delta("patient_idempotent_replays_total", &[]), 1.0);
    assert_eq!(delta("patient_write_conflicts_total", &[("route", PATIENT), ("code", "precondition_failed")]), 1.0);
    assert_eq!(delta("patient_write_conflicts_total", &[("route", RESTORE), ("code", "patient_not_deleted")]), 1.0);
    assert_eq!(after.value("http_server_active_requests", &[]), 0.0);

    // Each read is one SELECT on one pooled connection.
    let select = [("operation", "SELECT"), ("table", "patients"), ("outcome", "ok")];
    let read_delta = |name: &str, labels: &[(&str, &str)]| reads.value(name, labels) - before.value(name, labels);
    assert_eq!(read_delta("db_client_operation_duration_seconds_count", &select), 3.0);
    // The start-up purge of expired keys has run before the test (spawn_app waits for it).
    assert_eq!(read_delta("db_client_connection_wait_seconds_count", &[]), 3.0);
    assert_eq!(
        read_delta(
            "db_client_operation_duration_seconds_count",
            &[("operation", "BEGIN"), ("table", "none"), ("outcome", "ok")]
        ),
        0.0
    );
    // A keyed create (and its replay) is one statement, its own transaction: no BEGIN either.
    let write_delta = |name: &str, labels: &[(&str, &str)]| after.value(name, labels) - reads.value(name, labels);
    let count = "db_client_operation_duration_seconds_count";
    assert_eq!(write_delta(count, &[("operation", "INSERT"), ("table", "idempotency_keys"), ("outcome", "ok")]), 2.0);
    assert_eq!(write_delta(count, &[("operation", "BEGIN"), ("table", "none"), ("outcome", "ok")]), 0.0);
    assert_eq!(after.value("db_client_connections_pending_requests", &[]), 0.0);
    assert_eq!(after.value("db_client_connections_max", &[]), 10.0);
    assert!(after.value("db_client_connections", &[("state", "idle")]) >= 1.0);
    assert_eq!(after.value("db_client_connection_failures_total", &[]), 0.0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_label_holds_what_a_client_sent() {
    let app = spawn_app().await;
    let phi =
        ["Wilhelmina", "Oakenshield-Pryce", "1949-05-17", "wilhelmina.op@example.net", "+14155550199", "88 Juniper"];
    let body = json!({
        "given_name": phi[0], "family_name": phi[1], "date_of_birth": phi[2], "email": phi[3], "phone_e164": phi[4],
        "sex_at_birth": "female", "gender_identity": "woman",
        "address": {"line1": phi[5], "city": "Reno", "state_province": "NV", "postal_code": "89501", "country": "US"}
    });
    let (id, _, _) = app.create_ok(&body).await;
    app.list(&[("family_name", phi[1]), ("dob", phi[2])]).await;
    app.list(&[("email", phi[3]), ("phone", phi[4])]).await;
    // Client-chosen paths and methods: a name where an id goes, an unknown path, a made-up method.
    app.get(phi[0]).await;
    app.client.get(app.url(&format!("/{}", phi[1]))).header("x-api-key", READER_KEY).send().await.unwrap();
    let method = reqwest::Method::from_bytes(phi[0].to_uppercase().as_bytes()).unwrap();
    app.client.request(method, app.url("/api/v1/patients")).send().await.unwrap();

    let routes: Vec<String> = patient_server::contract::contract()
        .operations()
        .iter()
        .map(|op| op.path.clone())
        .chain(
            [docs::SPEC_PATH, docs::PAGE_PATH, docs::BUNDLE_PATH, docs::BUNDLE_LICENSES_PATH, "unmatched"]
                .map(String::from),
        )
        .collect();
    let methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "_OTHER"];
    let snapshot = Snapshot::take(&app).await;
    assert!(
        snapshot
            .value("http_server_requests_total", &[("method", "_OTHER"), ("route", PATIENTS), ("status_class", "4xx")])
            >= 1.0
    );
    for (label, value) in snapshot.labels() {
        for sent in phi.iter().chain([&id.as_str()]) {
            assert!(!value.to_lowercase().contains(&sent.to_lowercase()), "label {label}={value:?} holds {sent:?}");
        }
        match label.as_str() {
            "route" => assert!(routes.contains(value), "unbounded route label {value:?}"),
            "method" => assert!(methods.contains(&value.as_str()), "unbounded method label {value:?}"),
            _ => {}
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readiness_and_metrics_keep_answering_while_the_database_is_down() {
    let app = spawn_app().await;
    assert_eq!(app.client.get(app.url("/readyz")).send().await.unwrap().status(), StatusCode::OK);
    app.cut_off_database().await;
    // Connections are not pinged on acquire: the pool's idle ones (killed by the cut-off) each
    // fail one statement and are dropped; once they are gone, opening a new one fails.
    let mut probes = 0;
    let mut down = Snapshot::take(&app).await;
    while probes < 12 && down.value("db_client_connection_failures_total", &[]) < 1.0 {
        assert_eq!(app.client.get(app.url("/readyz")).send().await.unwrap().status(), StatusCode::SERVICE_UNAVAILABLE);
        probes += 1;
        down = Snapshot::take(&app).await;
    }
    assert!(down.value("db_client_connection_failures_total", &[]) >= 1.0, "the failed acquisition is counted");
    assert_eq!(down.value("db_client_connections", &[("state", "used")]), 0.0);
    assert_eq!(down.value("db_client_connections_pending_requests", &[]), 0.0);
    assert_eq!(
        down.value("http_server_requests_total", &[("method", "GET"), ("route", "/readyz"), ("status_class", "5xx")]),
        f64::from(probes)
    );
}
