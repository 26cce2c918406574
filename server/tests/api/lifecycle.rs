use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{WRITER_KEY, assert_error, header, patient_body, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_hides_and_restore_brings_back() {
    let app = spawn_app().await;
    let (id, _, created) = app.create_ok(&patient_body()).await;

    let response = app.delete(&id, None).await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert!(response.headers().contains_key("x-request-id"));
    assert!(response.bytes().await.unwrap().is_empty());

    assert_error(app.get(&id).await, StatusCode::NOT_FOUND, "patient_not_found").await;
    let page: Value = app.list(&[]).await.json().await.unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 0);
    // Soft: the row is still there.
    assert_eq!(app.count("SELECT count(*) AS n FROM patients WHERE deleted_at IS NOT NULL").await, 1);

    let response = app.restore(&id, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "etag"), "\"3\"");
    let restored: Value = response.json().await.unwrap();
    assert_eq!(restored["version"], 3);
    assert_eq!(restored["given_name"], created["given_name"]);
    assert_eq!(restored["email"], created["email"]);

    let read = app.get(&id).await;
    assert_eq!(read.status(), StatusCode::OK);
    assert_eq!(read.json::<Value>().await.unwrap(), restored);
    let page: Value = app.list(&[]).await.json().await.unwrap();
    assert_eq!(page["items"][0]["patient_id"], id.as_str());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn repeated_deletes_and_restores_get_consistent_answers() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    assert_error(app.restore(&id, None).await, StatusCode::CONFLICT, "patient_not_deleted").await;
    assert_eq!(app.delete(&id, None).await.status(), StatusCode::NO_CONTENT);
    assert_error(app.delete(&id, None).await, StatusCode::NOT_FOUND, "patient_not_found").await;
    assert_eq!(app.restore(&id, None).await.status(), StatusCode::OK);
    assert_error(app.restore(&id, None).await, StatusCode::CONFLICT, "patient_not_deleted").await;

    let unknown = uuid::Uuid::new_v4().to_string();
    assert_error(app.delete(&unknown, None).await, StatusCode::NOT_FOUND, "patient_not_found").await;
    assert_error(app.restore(&unknown, None).await, StatusCode::NOT_FOUND, "patient_not_found").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_and_restore_honour_if_match() {
    let app = spawn_app().await;
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    assert_error(app.delete(&id, Some("\"5\"")).await, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
    assert_eq!(app.get(&id).await.status(), StatusCode::OK);
    let deleted = app.delete(&id, Some(&etag)).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    // The deleted state's ETag comes back, so the client can restore conditionally.
    let deleted_etag = header(&deleted, "etag");
    assert_eq!(deleted_etag, "\"2\"");
    assert_error(app.restore(&id, Some(&etag)).await, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
    assert_eq!(app.get(&id).await.status(), StatusCode::NOT_FOUND);
    let restored = app.restore(&id, Some(&deleted_etag)).await;
    assert_eq!(restored.status(), StatusCode::OK);
    assert_eq!(header(&restored, "etag"), "\"3\"");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_internal_restore_route_is_not_public() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    assert_eq!(app.delete(&id, None).await.status(), StatusCode::NO_CONTENT);
    let response = app
        .client
        .post(app.url(&format!("/api/v1/patients/{id}/restore")))
        .header("x-api-key", WRITER_KEY)
        .send()
        .await
        .unwrap();
    assert_error(response, StatusCode::NOT_FOUND, "route_not_found").await;
    assert_eq!(app.get(&id).await.status(), StatusCode::NOT_FOUND);
    // A percent-encoded colon is the same public path.
    let response = app
        .client
        .post(app.url(&format!("/api/v1/patients/{id}%3Arestore")))
        .header("x-api-key", WRITER_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}
