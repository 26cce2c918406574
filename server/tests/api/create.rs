use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::helpers::{WRITER_KEY, assert_error, detail_fields, header, minimal_body, patient_body, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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
    assert_eq!(created["sex_at_birth"], "female");
    assert_eq!(created["gender_identity"], "woman");
    assert_eq!(created["is_deleted"], false);
    assert_eq!(created["consent_to_contact"], true);
    assert_eq!(created["created_at"], created["updated_at"]);

    // The Location serves the same representation.
    let read = app.client.get(app.url(&location)).header("x-api-key", WRITER_KEY).send().await.unwrap();
    assert_eq!(header(&read, "etag"), etag);
    assert_eq!(read.json::<Value>().await.unwrap(), created);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn optional_fields_default_to_null_and_consent_to_false() {
    let app = spawn_app().await;
    let (_, _, created) = app.create_ok(&minimal_body()).await;
    for field in ["middle_name", "gender_identity_other", "email", "phone_e164", "address", "preferred_language"] {
        assert_eq!(created[field], Value::Null, "{field}");
    }
    assert_eq!(created["consent_to_contact"], false);
}

/// `minimal_body()` with `changes` applied (`null` removes a field).
fn minimal_with(changes: Value) -> Value {
    let mut body = minimal_body();
    for (field, value) in changes.as_object().unwrap() {
        if value.is_null() {
            body.as_object_mut().unwrap().remove(field);
        } else {
            body[field] = value.clone();
        }
    }
    body
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_spec_fields_are_required() {
    let app = spawn_app().await;
    for field in ["given_name", "family_name", "date_of_birth", "sex_at_birth", "gender_identity"] {
        let body = minimal_with(json!({ field: null }));
        let error = assert_error(app.create(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&error), [field]);
        assert_eq!(error["details"][0]["code"], "required");
        let mut nulled = minimal_body();
        nulled[field] = Value::Null;
        let error =
            assert_error(app.create(&nulled).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&error), [field], "{field}: null");
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_sex_at_birth_and_gender_identity_of_the_spec_is_stored() {
    let app = spawn_app().await;
    for sex in ["female", "male", "intersex", "unknown", "undisclosed"] {
        let (_, _, created) = app.create_ok(&minimal_with(json!({"sex_at_birth": sex}))).await;
        assert_eq!(created["sex_at_birth"], sex);
    }
    for gender in ["woman", "man", "nonbinary", "undisclosed"] {
        let (_, _, created) = app.create_ok(&minimal_with(json!({"gender_identity": gender}))).await;
        assert_eq!(created["gender_identity"], gender);
        assert_eq!(created["gender_identity_other"], Value::Null);
    }
    let other = minimal_with(json!({"gender_identity": "other", "gender_identity_other": "Two-Spirit"}));
    let (_, _, created) = app.create_ok(&other).await;
    assert_eq!(
        (created["gender_identity"].as_str(), created["gender_identity_other"].as_str()),
        (Some("other"), Some("Two-Spirit"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_bodies_get_422_naming_every_field_and_store_nothing() {
    let app = spawn_app().await;
    let address = |changes: Value| {
        let mut address = json!({"line1": "1 Rue", "city": "Paris", "state_province": "IDF", "postal_code": "75001", "country": "FR"});
        for (part, value) in changes.as_object().unwrap() {
            if value.is_null() {
                address.as_object_mut().unwrap().remove(part);
            } else {
                address[part] = value.clone();
            }
        }
        json!({ "address": address })
    };
    let cases: Vec<(Value, Vec<&str>)> = vec![
        (minimal_with(json!({"given_name": ""})), vec!["given_name"]),
        (minimal_with(json!({"given_name": "R2D2", "family_name": "Lee3"})), vec!["family_name", "given_name"]),
        // Schema problems are reported before business rules are checked.
        (minimal_with(json!({"given_name": "R2D2", "family_name": "x".repeat(101)})), vec!["family_name"]),
        (minimal_with(json!({"given_name": 42})), vec!["given_name"]),
        (minimal_with(json!({"date_of_birth": "3001-02-03"})), vec!["date_of_birth"]),
        (minimal_with(json!({"date_of_birth": "1850-02-03"})), vec!["date_of_birth"]),
        (minimal_with(json!({"date_of_birth": "03/02/2001"})), vec!["date_of_birth"]),
        (minimal_with(json!({"date_of_birth": "1990-1-2"})), vec!["date_of_birth"]),
        (minimal_with(json!({"gender_identity": "Female"})), vec!["gender_identity"]),
        (minimal_with(json!({"gender_identity": "female"})), vec!["gender_identity"]),
        (minimal_with(json!({"sex_at_birth": "f"})), vec!["sex_at_birth"]),
        (minimal_with(json!({"gender_identity": "other"})), vec!["gender_identity_other"]),
        (minimal_with(json!({"gender_identity": "man", "gender_identity_other": "x"})), vec!["gender_identity_other"]),
        (minimal_with(json!({"email": "nope"})), vec!["email"]),
        (minimal_with(json!({"phone_e164": "555-0123"})), vec!["phone_e164"]),
        (minimal_with(address(json!({"line1": null}))), vec!["address.line1"]),
        (minimal_with(address(json!({"city": null}))), vec!["address.city"]),
        (minimal_with(address(json!({"state_province": null}))), vec!["address.state_province"]),
        (minimal_with(address(json!({"country": null}))), vec!["address.country"]),
        (minimal_with(address(json!({"postal_code": null}))), vec!["address.postal_code"]),
        (minimal_with(address(json!({"postal_code": "7500"}))), vec!["address.postal_code"]),
        (minimal_with(json!({"address": ["1 Main St"]})), vec!["address"]),
        (minimal_with(json!({"preferred_language": "english please"})), vec!["preferred_language"]),
        (minimal_with(json!({"consent_to_contact": "yes"})), vec!["consent_to_contact"]),
        (json!([minimal_body()]), vec!["body"]),
    ];
    for (body, mut fields) in cases {
        let response = app.create(&body).await;
        let error = assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        let mut reported = detail_fields(&error);
        reported.sort();
        fields.sort();
        assert_eq!(reported, fields, "body {body}");
        // Error bodies never echo submitted values.
        let printed = error.to_string();
        for secret in ["R2D2", "nope", "555-0123", "english please", "Paris", "75001", "1 Main St"] {
            assert!(!printed.contains(secret), "{printed}");
        }
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
    assert_eq!(app.count("SELECT count(*) AS n FROM audit_log").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
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

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_names_a_field_twice_is_refused() {
    let app = spawn_app().await;
    let post = || app.client.post(app.url("/api/v1/patients")).header("x-api-key", WRITER_KEY);
    // Which of the two names is the patient's? The service does not guess.
    let rest = r#""family_name": "Rivera", "date_of_birth": "1990-01-02", "sex_at_birth": "female", "gender_identity": "woman""#;
    let twice = format!(r#"{{"given_name": "Ana", "given_name": "Zoe", {rest}}}"#);
    let nested = format!(
        r#"{{"given_name": "Ana", {rest},
            "address": {{"line1": "1 Main St", "line1": "2 Main St", "city": "Paris", "postal_code": "75001", "country": "FR"}}}}"#
    );
    for body in [twice, nested] {
        let response = post().header("content-type", "application/json").body(body).send().await.unwrap();
        let error = assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&error), ["body"]);
        assert_eq!(error["details"][0]["code"], "duplicate_field", "{error}");
        let printed = error.to_string();
        assert!(!printed.contains("given_name") && !printed.contains("line1"), "{printed}");
    }
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
    // The first body with `given_name` once is created, with the value that was sent.
    let once = format!(r#"{{"given_name": "Zoe", {rest}}}"#);
    let response = post().header("content-type", "application/json").body(once).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::CREATED);
    let created: serde_json::Value = response.json().await.unwrap();
    assert_eq!(created["given_name"], "Zoe");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_bodies_get_413() {
    let app = spawn_app().await;
    let mut body = patient_body();
    body["padding"] = json!("x".repeat(70 * 1024));
    let response = app.create(&body).await;
    assert_error(response, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_and_server_owned_fields_are_refused() {
    let app = spawn_app().await;
    let cases = [
        ("nickname", json!("Mimi"), "unknown_field"),
        ("patient_id", json!("9f8c2e4a-3b5d-4c6e-8f7a-1b2c3d4e5f6a"), "read_only"),
        ("version", json!(7), "read_only"),
        ("created_at", json!("2020-01-01T00:00:00Z"), "read_only"),
        ("is_deleted", json!(false), "read_only"),
        ("deleted_at", json!(null), "unknown_field"),
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
