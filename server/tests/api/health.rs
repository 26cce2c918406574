use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{assert_error, empty_database, spawn_app, spawn_app_on};

#[tokio::test]
async fn healthz_answers_without_credentials() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert!(response.headers().contains_key("x-request-id"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn readyz_is_ready_on_a_migrated_database() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["status"], "ready");
}

#[tokio::test]
async fn readyz_is_not_ready_while_migrations_are_pending() {
    let app = spawn_app_on(empty_database().await).await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "not_ready").await;
    // Liveness does not depend on the database.
    let response = app.client.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn readyz_is_not_ready_when_the_database_is_gone() {
    let app = spawn_app().await;
    app.cut_off_database().await;
    let response = app.client.get(app.url("/readyz")).send().await.unwrap();
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "not_ready").await;
    // Patient operations fail cleanly too, as a retryable 503.
    let response = app.list(&[]).await;
    assert_error(response, StatusCode::SERVICE_UNAVAILABLE, "not_ready").await;
}
