use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{assert_error, empty_database, spawn_app, spawn_app_on};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn healthz_answers_without_credentials() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("x-request-id"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_is_ready_on_a_migrated_database() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ready");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_is_not_ready_while_migrations_are_pending() {
    let app = spawn_app_on(empty_database().await).await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "not_ready").await;
    // Liveness does not depend on the database.
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn readyz_is_not_ready_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.cut_off_database().await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "not_ready").await;
    // Patient operations fail cleanly too, as a retryable 503.
    let response = app.list(&[]).await;
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "not_ready").await;
}

/// The container health check (`patient-server healthcheck`) against a real server.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_healthcheck_probe_follows_liveness_and_readiness() {
    use std::{net::SocketAddr, time::Duration};

    use patient_server::healthcheck::probe;

    let ready = spawn_app().await;
    let pending = spawn_app_on(empty_database().await).await;
    let addr =
        |app: &crate::helpers::TestApp| -> SocketAddr { app.base_url.trim_start_matches("http://").parse().unwrap() };
    let (ready_addr, pending_addr) = (addr(&ready), addr(&pending));
    let timeout = Duration::from_secs(3);
    let (ready_live, ready_ready, pending_live, pending_ready) = tokio::task::spawn_blocking(move || {
        (
            probe(ready_addr, "/healthz", timeout),
            probe(ready_addr, "/readyz", timeout),
            probe(pending_addr, "/healthz", timeout),
            probe(pending_addr, "/readyz", timeout),
        )
    })
    .await
    .unwrap();
    assert!(ready_live.is_ok(), "a running server is alive: {ready_live:?}");
    assert!(ready_ready.is_ok(), "a server on a migrated database is ready: {ready_ready:?}");
    assert!(pending_live.is_ok(), "pending migrations do not make a server dead: {pending_live:?}");
    assert_eq!(pending_ready.map_err(|e| e.to_string()), Err("/readyz answered 503".to_owned()));
}
