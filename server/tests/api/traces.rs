//! Traces from the real binary into an in-test OTLP/HTTP receiver: W3C context honoured, one
//! server span per request with a client span per database call, the access log naming the
//! same trace, nothing exported that the client sent as PHI, and everything flushed on
//! SIGTERM (the batch exporter's schedule is far longer than the test).
use std::{
    collections::HashSet,
    sync::{Arc, Mutex},
};

use axum::{Router, body::Bytes, extract::State, routing::post};
use opentelemetry_proto::tonic::{
    collector::trace::v1::{ExportTraceServiceRequest, ExportTraceServiceResponse},
    common::v1::{AnyValue, KeyValue, any_value},
    trace::v1::{Span, span::SpanKind},
};
use prost::Message;
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    helpers::{READER_KEY, WRITER_KEY},
    process::{ServerProcess, access_lines},
};

type Received = Arc<Mutex<Vec<Span>>>;

/// An OTLP/HTTP trace receiver on a random port: `POST /v1/traces` with protobuf bodies.
async fn otlp_receiver() -> (String, Received) {
    async fn export(State(received): State<Received>, body: Bytes) -> Vec<u8> {
        let request = ExportTraceServiceRequest::decode(body).expect("an OTLP protobuf export");
        let spans = request.resource_spans.into_iter().flat_map(|r| r.scope_spans).flat_map(|s| s.spans);
        received.lock().unwrap().extend(spans);
        ExportTraceServiceResponse::default().encode_to_vec()
    }
    let received = Received::default();
    let app = Router::new().route("/v1/traces", post(export)).with_state(received.clone());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let endpoint = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    (endpoint, received)
}

fn attribute<'a>(span: &'a Span, key: &str) -> Option<&'a any_value::Value> {
    span.attributes.iter().find(|kv| kv.key == key).and_then(|kv| kv.value.as_ref()).and_then(|v| v.value.as_ref())
}

fn string_attribute<'a>(span: &'a Span, key: &str) -> Option<&'a str> {
    match attribute(span, key) {
        Some(any_value::Value::StringValue(s)) => Some(s),
        _ => None,
    }
}

/// Every string an exported span carries: its name, attribute values, events and status.
fn strings_of(span: &Span) -> Vec<String> {
    fn values(kvs: &[KeyValue]) -> Vec<String> {
        kvs.iter().flat_map(|kv| [kv.key.clone(), kv.value.as_ref().map(any_text).unwrap_or_default()]).collect()
    }
    fn any_text(value: &AnyValue) -> String {
        format!("{:?}", value.value)
    }
    let mut all = vec![span.name.clone(), span.trace_state.clone()];
    all.extend(values(&span.attributes));
    for event in &span.events {
        all.push(event.name.clone());
        all.extend(values(&event.attributes));
    }
    if let Some(status) = &span.status {
        all.push(status.message.clone());
    }
    all
}

fn children<'a>(spans: &'a [Span], parent: &Span) -> Vec<&'a Span> {
    let mut found: Vec<&Span> =
        spans.iter().filter(|s| s.trace_id == parent.trace_id && s.parent_span_id == parent.span_id).collect();
    found.sort_by_key(|s| s.start_time_unix_nano);
    found
}

fn names(spans: &[&Span]) -> Vec<String> {
    spans.iter().map(|s| s.name.clone()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_are_traced_as_children_of_the_callers_context_with_a_span_per_database_call() {
    let (endpoint, received) = otlp_receiver().await;
    let server =
        ServerProcess::start(&[("OTEL_EXPORTER_OTLP_ENDPOINT", &endpoint), ("OTEL_SERVICE_NAME", "patient-test")])
            .await;
    let base = server.base_url.clone();
    let client = reqwest::Client::new();

    let phi = [
        "Octavia",
        "Brightwater-Quill",
        "1958-11-23",
        "octavia.bq@example.net",
        "+442079460958",
        "19 Larkspur Row",
        "Thistlebury",
    ];
    let body = json!({
        "given_name": phi[0], "family_name": phi[1], "date_of_birth": phi[2], "email": phi[3],
        "phone_e164": phi[4], "sex_at_birth": "female", "gender_identity": "woman",
        "address": {"line1": phi[5], "city": phi[6], "state_province": "Kent", "postal_code": "CT1 2AB", "country": "GB"}
    });
    let (create_trace, create_parent) = ("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
    let created = client
        .post(format!("{base}/api/v1/patients"))
        .header("x-api-key", WRITER_KEY)
        .header("traceparent", format!("00-{create_trace}-{create_parent}-01"))
        .header("tracestate", "vendor=opaque-1")
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let id = created.json::<Value>().await.unwrap()["patient_id"].as_str().unwrap().to_owned();

    let (read_trace, read_parent) = ("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331");
    let read = client
        .get(format!("{base}/api/v1/patients/{id}"))
        .header("x-api-key", READER_KEY)
        .header("traceparent", format!("00-{read_trace}-{read_parent}-01"))
        .send()
        .await
        .unwrap();
    assert_eq!(read.status(), StatusCode::OK);
    // No traceparent: a new trace. PHI in the query string must reach no span.
    let searched = client
        .get(format!("{base}/api/v1/patients"))
        .query(&[("family_name", phi[1]), ("email", phi[3])])
        .header("x-api-key", READER_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(searched.status(), StatusCode::OK);

    // Off the runtime's thread: the receiver must keep running while the server flushes.
    let lines = tokio::task::spawn_blocking(move || server.stop()).await.unwrap();
    let spans = received.lock().unwrap().clone();
    let mut server_spans: Vec<&Span> = spans.iter().filter(|s| s.kind == SpanKind::Server as i32).collect();
    server_spans.sort_by_key(|s| s.start_time_unix_nano);
    assert_eq!(server_spans.len(), 3, "one server span per request: {spans:#?}");

    // The create: a child of the caller's span, its tracestate kept, and under it the one
    // statement that stores the patient with its audit row.
    let create = server_spans[0];
    assert_eq!(hex(&create.trace_id), create_trace);
    assert_eq!(hex(&create.parent_span_id), create_parent);
    assert_eq!(create.trace_state, "vendor=opaque-1");
    assert_eq!(create.name, "POST /api/v1/patients");
    assert_eq!(string_attribute(create, "http.route"), Some("/api/v1/patients"));
    assert_eq!(string_attribute(create, "http.request.method"), Some("POST"));
    assert_eq!(attribute(create, "http.response.status_code"), Some(&any_value::Value::IntValue(201)));
    let statements = children(&spans, create);
    assert_eq!(names(&statements), ["INSERT patients"]);
    for statement in &statements {
        assert_eq!(statement.kind, SpanKind::Client as i32);
        assert_eq!(string_attribute(statement, "db.system.name"), Some("postgresql"));
    }
    assert_eq!(string_attribute(statements[0], "db.operation.name"), Some("INSERT"));
    assert_eq!(string_attribute(statements[0], "db.collection.name"), Some("patients"));

    // The read: one SELECT under the server span.
    let read = server_spans[1];
    assert_eq!(hex(&read.trace_id), read_trace);
    assert_eq!(hex(&read.parent_span_id), read_parent);
    assert_eq!(read.name, "GET /api/v1/patients/{patient_id}");
    assert_eq!(names(&children(&spans, read)), ["SELECT patients"]);

    // The search started its own trace.
    let search = server_spans[2];
    assert!(search.parent_span_id.is_empty(), "a request without traceparent is a root span");
    assert!(![create_trace, read_trace].contains(&hex(&search.trace_id).as_str()));
    assert_eq!(names(&children(&spans, search)), ["SELECT patients"]);
    // Besides the requests' traces there is only the background purge of expired keys.
    let requests = [&create.trace_id, &read.trace_id, &search.trace_id];
    let others: Vec<&str> =
        spans.iter().filter(|s| !requests.contains(&&s.trace_id)).map(|s| s.name.as_str()).collect();
    assert!(others.iter().all(|name| *name == "DELETE idempotency_keys"), "{others:?}");

    // The access log names each request's trace and server span.
    let access = access_lines(&lines);
    assert_eq!(access.len(), 3);
    for (line, span) in access.iter().zip(&server_spans) {
        assert_eq!(line["trace_id"], hex(&span.trace_id), "{line}");
        assert_eq!(line["span_id"], hex(&span.span_id), "{line}");
    }
    assert_eq!(access[1]["actor"], "test-reader");
    assert_eq!(access[1]["patient_id"], id.as_str());

    // Nothing exported holds what the client sent as PHI, nor the query string.
    let exported: HashSet<String> = spans.iter().flat_map(strings_of).collect();
    for value in &exported {
        for secret in phi.iter().chain(&["family_name=", READER_KEY, WRITER_KEY]) {
            assert!(!value.contains(secret), "a span carries {secret:?}: {value}");
        }
        assert!(!value.contains(&id), "a span carries the patient id: {value}");
    }
    for line in &lines {
        for value in phi {
            assert!(!line.contains(value), "PHI reached the log: {line}");
        }
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
