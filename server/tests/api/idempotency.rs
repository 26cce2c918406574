use std::sync::Arc;

use reqwest::{Response, StatusCode};
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::helpers::{OTHER_WRITER_KEY, WRITER_KEY, assert_error, patient_body, spawn_app};

/// Status, the headers a replay repeats, and the body.
async fn parts(response: Response) -> (StatusCode, String, String, Option<String>, Value) {
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().unwrap().to_owned());
    let (status, etag, location, replayed) =
        (response.status(), header("etag").unwrap(), header("location").unwrap(), header("idempotent-replayed"));
    (status, etag, location, replayed, response.json().await.unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_with_the_same_key_replays_the_original_response() {
    let app = spawn_app().await;
    let body = patient_body();
    let first = parts(app.create_with_key(WRITER_KEY, "key-1", &body).await).await;
    assert_eq!(first.0, StatusCode::CREATED);
    assert_eq!(first.3, None);

    // The same request after normalization (email case, spacing) is the same request.
    let mut retry_body = body.clone();
    retry_body["email"] = json!(body["email"].as_str().unwrap().to_uppercase());
    retry_body["given_name"] = json!("  María ");
    let retry = parts(app.create_with_key(WRITER_KEY, "key-1", &retry_body).await).await;
    assert_eq!(retry.0, StatusCode::CREATED);
    assert_eq!((&retry.1, &retry.2, &retry.4), (&first.1, &first.2, &first.4));
    assert_eq!(retry.3.as_deref(), Some("true"));

    // Even after the patient changed, the replay is the original response.
    let id = first.4["patient_id"].as_str().unwrap();
    assert_eq!(app.replace(id, Some(&first.1), &patient_body()).await.status(), StatusCode::OK);
    let later = parts(app.create_with_key(WRITER_KEY, "key-1", &body).await).await;
    assert_eq!(later.4, first.4);

    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 1);
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log WHERE action = 'create'").await, 1);
    // Keys are stored hashed.
    assert_eq!(
        app.count(
            "SELECT count(*) AS n FROM idempotency_keys WHERE position('key-1' in encode(key_hash, 'escape')) > 0"
        )
        .await,
        0
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_same_key_with_a_different_request_is_a_conflict() {
    let app = spawn_app().await;
    let body = patient_body();
    assert_eq!(app.create_with_key(WRITER_KEY, "key-2", &body).await.status(), StatusCode::CREATED);
    let mut other = body.clone();
    other["family_name"] = json!("Someone-Else");
    let response = app.create_with_key(WRITER_KEY, "key-2", &other).await;
    assert_error(response, StatusCode::CONFLICT, "idempotency_key_reused").await;
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn keys_are_scoped_to_the_principal() {
    let app = spawn_app().await;
    let mut mine = patient_body();
    mine["email"] = json!("mine@example.org");
    let mut theirs = patient_body();
    theirs["email"] = json!("theirs@example.org");
    let first = parts(app.create_with_key(WRITER_KEY, "shared-key", &mine).await).await;
    let second = parts(app.create_with_key(OTHER_WRITER_KEY, "shared-key", &theirs).await).await;
    assert_eq!(second.0, StatusCode::CREATED);
    assert_eq!(second.3, None, "another principal's response must never be replayed");
    assert_ne!(first.4["patient_id"], second.4["patient_id"]);
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rejected_requests_store_nothing_so_the_key_can_be_reused() {
    let app = spawn_app().await;
    let mut invalid = patient_body();
    invalid["date_of_birth"] = json!("2999-01-01");
    let response = app.create_with_key(WRITER_KEY, "key-3", &invalid).await;
    assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    // A conflict during execution rolls the claim back too.
    let (_, _, existing) = app.create_ok(&patient_body()).await;
    let mut duplicate = patient_body();
    duplicate["email"] = existing["email"].clone();
    let response = app.create_with_key(WRITER_KEY, "key-3", &duplicate).await;
    assert_error(response, StatusCode::CONFLICT, "duplicate_email").await;
    assert_eq!(app.count("SELECT count(*) AS n FROM idempotency_keys").await, 0);

    let response = app.create_with_key(WRITER_KEY, "key-3", &patient_body()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert_eq!(app.count("SELECT count(*) AS n FROM idempotency_keys").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_conflicting_create_leaves_an_expired_key_as_it_was() {
    use sea_orm::ConnectionTrait;
    let app = spawn_app().await;
    let (.., first) = parts(app.create_with_key(WRITER_KEY, "reused-key", &patient_body()).await).await;
    app.db.execute_unprepared("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'").await.unwrap();
    let held = "SELECT count(*) AS n FROM idempotency_keys WHERE expires_at < now()";
    let mut duplicate = patient_body();
    duplicate["email"] = first["email"].clone();
    let response = app.create_with_key(WRITER_KEY, "reused-key", &duplicate).await;
    assert_error(response, StatusCode::CONFLICT, "duplicate_email").await;
    assert_eq!(app.count(held).await, 1, "the expired record is not taken over");
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 1);
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_keys_are_400() {
    let app = spawn_app().await;
    for key in ["k".repeat(256), "caf\u{e9}".to_owned()] {
        let response = app
            .client
            .post(app.url("/api/v1/patients"))
            .header("x-api-key", WRITER_KEY)
            .header("idempotency-key", key.as_bytes())
            .json(&patient_body())
            .send()
            .await
            .unwrap();
        assert!(response.status() == StatusCode::BAD_REQUEST, "{key}: {}", response.status());
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_with_one_key_create_exactly_one_patient() {
    let app = Arc::new(spawn_app().await);
    let body = patient_body();
    let mut requests = JoinSet::new();
    for _ in 0..12 {
        let (app, body) = (app.clone(), body.clone());
        requests.spawn(async move { parts(app.create_with_key(WRITER_KEY, "storm-key", &body).await).await });
    }
    let mut responses = Vec::new();
    while let Some(response) = requests.join_next().await {
        responses.push(response.unwrap());
    }
    for response in &responses {
        assert_eq!(response.0, StatusCode::CREATED);
        assert_eq!((&response.1, &response.2, &response.4), (&responses[0].1, &responses[0].2, &responses[0].4));
    }
    assert_eq!(responses.iter().filter(|r| r.3.is_none()).count(), 1, "exactly one request ran");
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 1);
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn expired_keys_are_purged_and_can_be_reused() {
    let app = spawn_app().await;
    assert_eq!(app.create_with_key(WRITER_KEY, "old-key", &patient_body()).await.status(), StatusCode::CREATED);
    use sea_orm::ConnectionTrait;
    app.db.execute_unprepared("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'").await.unwrap();
    let response = app.create_with_key(WRITER_KEY, "old-key", &patient_body()).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    assert!(response.headers().get("idempotent-replayed").is_none());
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 2);

    app.db.execute_unprepared("UPDATE idempotency_keys SET expires_at = now() - interval '1 second'").await.unwrap();
    let db = patient_server::store::db::Db::new(app.db.clone(), patient_server::metrics::Metrics::new());
    let purged = patient_server::store::idempotency::purge_expired(&db).await.unwrap();
    assert_eq!(purged, 1);
    assert_eq!(app.count("SELECT count(*) AS n FROM idempotency_keys").await, 0);
}
