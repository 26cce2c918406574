use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{WRITER_KEY, assert_error, detail_fields, header, patient_body, spawn_app};

#[tokio::test]
async fn create_returns_the_stored_patient_with_etag_and_location() {
    let app = spawn_app().await;
    let mut body = patient_body();
    body["email"] = json!("  Maria.Rivera@Example.ORG ");
    body["phone_e164"] = json!("+1 (415) 555-0123");
    body["preferred_language"] = json!("es-mx");
    body["address"]["country"] = json!("us");
    let response = app.create(&body).await;
    assert_eq!(response.status(), StatusCode::CREATED);
    let etag = header(&response, "etag");
    let location = header(&response, "location");
    let created: Value = response.json().await.unwrap();

    let id = created["patient_id"].as_str().unwrap();
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4);
    assert_eq!(location, format!("/api/v1/patients/{id}"));
    assert_eq!(etag, "\"1\"");
    assert_eq!(created["version"], 1);
    assert_eq!(created["given_name"], "María");
    assert_eq!(created["email"], "maria.rivera@example.org");
    assert_eq!(created["phone_e164"], "+14155550123");
    assert_eq!(created["preferred_language"], "es-MX");
    assert_eq!(created["address"]["country"], "US");
    assert_eq!(created["consent_to_contact"], true);
    assert_eq!(created["created_at"], created["updated_at"]);

    // The Location serves the same representation.
    let read = app.client.get(app.url(&location)).header("x-api-key", WRITER_KEY).send().await.unwrap();
    assert_eq!(header(&read, "etag"), etag);
    assert_eq!(read.json::<Value>().await.unwrap(), created);
}

#[tokio::test]
async fn optional_fields_default_to_null_and_consent_to_false() {
    let app = spawn_app().await;
    let body = json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03"});
    let (_, _, created) = app.create_ok(&body).await;
    for field in [
        "middle_name",
        "gender_identity",
        "gender_identity_other",
        "email",
        "phone_e164",
        "address",
        "preferred_language",
    ] {
        assert_eq!(created[field], Value::Null, "{field}");
    }
    assert_eq!(created["consent_to_contact"], false);
}

#[tokio::test]
async fn invalid_bodies_get_422_naming_every_field_and_store_nothing() {
    let app = spawn_app().await;
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (json!({"family_name": "Lee", "date_of_birth": "2001-02-03"}), vec!["given_name"]),
        (json!({"given_name": "", "family_name": "Lee", "date_of_birth": "2001-02-03"}), vec!["given_name"]),
        (
            json!({"given_name": "R2D2", "family_name": "x".repeat(101), "date_of_birth": "2001-02-03"}),
            vec!["given_name", "family_name"],
        ),
        (json!({"given_name": 42, "family_name": "Lee", "date_of_birth": "2001-02-03"}), vec!["given_name"]),
        (json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "3001-02-03"}), vec!["date_of_birth"]),
        (json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "1850-02-03"}), vec!["date_of_birth"]),
        (json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "03/02/2001"}), vec!["date_of_birth"]),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "gender_identity": "Female"}),
            vec!["gender_identity"],
        ),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "gender_identity": "other"}),
            vec!["gender_identity_other"],
        ),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "email": "nope"}),
            vec!["email"],
        ),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "phone_e164": "555-0123"}),
            vec!["phone_e164"],
        ),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "address": {"city": "Paris"}}),
            vec!["address.line1"],
        ),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "address": {"line1": "1 Rue", "postal_code": "75001"}}),
            vec!["address.country"],
        ),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "preferred_language": "english please"}),
            vec!["preferred_language"],
        ),
        (
            json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03", "consent_to_contact": "yes"}),
            vec!["consent_to_contact"],
        ),
        (json!([1, 2]), vec!["body"]),
    ];
    for (body, fields) in cases {
        let response = app.create(&body).await;
        let error = assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&error), fields, "body {body}");
        // Error bodies never echo submitted values.
        let printed = error.to_string();
        for secret in ["R2D2", "nope", "555-0123", "english please", "Paris", "75001"] {
            assert!(!printed.contains(secret), "{printed}");
        }
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 0);
}

#[tokio::test]
async fn malformed_and_non_json_bodies_get_400_and_415() {
    let app = spawn_app().await;
    let post = || app.client.post(app.url("/api/v1/patients")).header("x-api-key", WRITER_KEY);
    let response = post().header("content-type", "application/json").body("{\"given_name\": ").send().await.unwrap();
    assert_error(response, StatusCode::BAD_REQUEST, "malformed_json").await;
    let response = post().header("content-type", "text/plain").body("hello").send().await.unwrap();
    assert_error(response, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    let response = post().send().await.unwrap();
    assert_error(response, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let app = spawn_app().await;
    let mut body = patient_body();
    body["padding"] = json!("x".repeat(70 * 1024));
    let response = app.create(&body).await;
    assert_error(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test]
async fn unknown_and_server_owned_fields_are_refused() {
    let app = spawn_app().await;
    let cases = [
        ("nickname", json!("Mimi"), "unknown_field"),
        ("patient_id", json!("9f8c2e4a-3b5d-4c6e-8f7a-1b2c3d4e5f6a"), "read_only"),
        ("version", json!(7), "read_only"),
        ("created_at", json!("2020-01-01T00:00:00Z"), "read_only"),
        ("deleted_at", json!(null), "read_only"),
    ];
    for (field, value, reason) in cases {
        let mut body = patient_body();
        body[field] = value;
        let error = assert_error(app.create(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&error), [field]);
        assert_eq!(error["details"][0]["code"], reason);
    }
    let mut body = patient_body();
    body["address"]["planet"] = json!("Mars");
    let error = assert_error(app.create(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(detail_fields(&error), ["address.planet"]);
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);

    // The same rule holds for replace.
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    let mut body = patient_body();
    body["version"] = json!(1);
    let response = app.replace(&id, Some(&etag), &body).await;
    assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
}
