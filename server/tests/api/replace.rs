use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{assert_error, header, minimal_body, patient_body, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replace_needs_if_match_and_bumps_the_version() {
    let app = spawn_app().await;
    let (id, etag, created) = app.create_ok(&patient_body()).await;
    let mut replacement = minimal_body();
    replacement["given_name"] = json!("Mara");
    replacement["family_name"] = json!("Rivera-Soto");
    replacement["gender_identity"] = json!("nonbinary");

    let response = app.replace(&id, None, &replacement).await;
    assert_error(response, StatusCode::PRECONDITION_REQUIRED, "precondition_required").await;

    let response = app.replace(&id, Some("\"999\""), &replacement).await;
    assert_error(response, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
    // A failed request changes nothing.
    let unchanged = app.get(&id).await;
    assert_eq!(header(&unchanged, "etag"), etag);
    assert_eq!(unchanged.json::<Value>().await.unwrap(), created);

    let response = app.replace(&id, Some(&etag), &replacement).await;
    assert_eq!(response.status(), StatusCode::OK);
    let new_etag = header(&response, "etag");
    assert_eq!(new_etag, "\"2\"");
    let replaced: Value = response.json().await.unwrap();
    assert_eq!(replaced["version"], 2);
    assert_eq!(replaced["given_name"], "Mara");
    assert_eq!(replaced["created_at"], created["created_at"]);
    assert_ne!(replaced["updated_at"], created["updated_at"]);
    // Full replace: fields left out are cleared or take their defaults.
    assert_eq!(replaced["gender_identity"], "nonbinary");
    for field in ["middle_name", "email", "address", "preferred_language", "gender_identity_other"] {
        assert_eq!(replaced[field], Value::Null, "{field}");
    }
    assert_eq!(replaced["consent_to_contact"], false);

    // The old ETag is now stale.
    let response = app.replace(&id, Some(&etag), &replacement).await;
    assert_error(response, StatusCode::PRECONDITION_FAILED, "precondition_failed").await;
    let read = app.get(&id).await;
    assert_eq!(header(&read, "etag"), new_etag);
    assert_eq!(read.json::<Value>().await.unwrap(), replaced);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn if_match_follows_rfc_9110() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    let body = patient_body();
    // A weak tag never matches under strong comparison.
    assert_error(
        app.replace(&id, Some("W/\"1\""), &body).await,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;
    // Malformed header values are a client error, not a mismatch.
    assert_error(app.replace(&id, Some("1"), &body).await, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    // A list matches when any strong tag matches; `*` matches any current version.
    assert_eq!(app.replace(&id, Some("\"7\", \"1\""), &body).await.status(), StatusCode::OK);
    assert_eq!(app.replace(&id, Some("*"), &body).await.status(), StatusCode::OK);
    assert_eq!(header(&app.get(&id).await, "etag"), "\"3\"");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replace_validates_like_create_and_changes_nothing_on_failure() {
    let app = spawn_app().await;
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    let mut body = patient_body();
    body["date_of_birth"] = json!("2999-01-01");
    let response = app.replace(&id, Some(&etag), &body).await;
    assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(header(&app.get(&id).await, "etag"), etag);
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log WHERE action = 'update'").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replace_of_unknown_or_deleted_patients_is_404() {
    let app = spawn_app().await;
    let unknown = uuid::Uuid::new_v4().to_string();
    assert_error(
        app.replace(&unknown, Some("\"1\""), &patient_body()).await,
        StatusCode::NOT_FOUND,
        "patient_not_found",
    )
    .await;
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    assert_eq!(app.delete(&id, None).await.status(), StatusCode::NO_CONTENT);
    // No write path revives a deleted patient.
    assert_error(app.replace(&id, Some("*"), &patient_body()).await, StatusCode::NOT_FOUND, "patient_not_found").await;
    assert_error(app.replace(&id, Some(&etag), &patient_body()).await, StatusCode::NOT_FOUND, "patient_not_found")
        .await;
    assert_eq!(app.get(&id).await.status(), StatusCode::NOT_FOUND);
}
