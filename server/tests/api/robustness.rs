use reqwest::{Method, StatusCode};

use crate::helpers::{WRITER_KEY, assert_error, header, patient_body, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_routes_and_wrong_methods_get_json_errors() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/api/v2/patients")).header("x-api-key", WRITER_KEY).send().await.unwrap();
    assert_error(response, StatusCode::NOT_FOUND, "route_not_found").await;
    let response = app.client.get(app.url("/")).send().await.unwrap();
    assert_error(response, StatusCode::NOT_FOUND, "route_not_found").await;

    let response = app
        .client
        .request(Method::PATCH, app.url("/api/v1/patients"))
        .header("x-api-key", WRITER_KEY)
        .send()
        .await
        .unwrap();
    let allow = header(&response, "allow");
    assert!(allow.contains("GET") && allow.contains("POST"), "{allow}");
    assert_error(response, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
    let response = app.client.delete(app.url("/healthz")).send().await.unwrap();
    assert_error(response, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_patient_ids_are_400() {
    let app = spawn_app().await;
    for id in ["not-a-uuid", "123", "9f8c2e4a-3b5d-4c6e-8f7a-1b2c3d4e5f6", "%00"] {
        let response = app.get(id).await;
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn request_ids_are_echoed_when_well_formed_and_replaced_otherwise() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/healthz")).header("x-request-id", "trace-123.abc:9").send().await.unwrap();
    assert_eq!(header(&response, "x-request-id"), "trace-123.abc:9");

    for bad in ["has space", "<script>", &"x".repeat(129)] {
        let response = app.client.get(app.url("/healthz")).header("x-request-id", bad).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        let echoed = header(&response, "x-request-id");
        assert_ne!(echoed, bad);
        assert!(uuid::Uuid::parse_str(&echoed).is_ok(), "{echoed}");
    }
    // Errors carry one too.
    let response = app.client.get(app.url("/api/v1/patients")).header("x-request-id", "abc").send().await.unwrap();
    assert_eq!(header(&response, "x-request-id"), "abc");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_input_never_causes_a_server_error() {
    let app = spawn_app().await;
    let bodies = [
        "null",
        "\"string\"",
        "{}",
        "{\"given_name\": \"\\u0000\", \"family_name\": \"x\", \"sex_at_birth\": \"female\", \"gender_identity\": \"woman\", \"date_of_birth\": \"2000-01-01\"}",
        "{\"given_name\": \"a\", \"family_name\": \"b\", \"sex_at_birth\": \"female\", \"gender_identity\": \"woman\", \"date_of_birth\": \"2000-02-30\"}",
        "{\"given_name\": \"a\", \"family_name\": \"b\", \"sex_at_birth\": \"female\", \"gender_identity\": \"woman\", \"date_of_birth\": \"-2000-01-01\"}",
        "{\"given_name\": \"a\", \"family_name\": \"b\", \"sex_at_birth\": \"female\", \"gender_identity\": \"woman\", \"date_of_birth\": \"2000-01-01\", \"address\": []}",
        "{\"given_name\": \"a\", \"family_name\": \"b\", \"sex_at_birth\": \"female\", \"gender_identity\": \"woman\", \"date_of_birth\": \"2000-01-01\", \"address\": {\"line1\": \"\\u0007\"}}",
        "{\"given_name\": [\"a\"], \"family_name\": {}, \"date_of_birth\": 20000101}",
        "{\"given_name\": \"\u{1F600}\", \"family_name\": \"b\", \"sex_at_birth\": \"female\", \"gender_identity\": \"woman\", \"date_of_birth\": \"2000-01-01\"}",
        "\u{FEFF}{}",
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]",
    ];
    for body in bodies {
        let response = app
            .client
            .post(app.url("/api/v1/patients"))
            .header("x-api-key", WRITER_KEY)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        let status = response.status();
        assert!(status.is_client_error(), "{body} → {status}");
        assert!(header(&response, "content-type").starts_with("application/json"));
    }
    let (id, _, _) = app.create_ok(&patient_body()).await;
    for if_match in ["\"", "W/", "\u{7f}", "\"1\",,,\"2\"", "*, \"1\"", "0"] {
        let response = app
            .client
            .put(app.patient_url(&id))
            .header("x-api-key", WRITER_KEY)
            .header("if-match", if_match.as_bytes())
            .json(&patient_body())
            .send()
            .await;
        if let Ok(response) = response {
            assert!(
                response.status().is_client_error() || response.status().is_success(),
                "{if_match:?} → {}",
                response.status()
            );
        }
    }
    // Malformed entity tags are a client error on every operation that takes If-Match.
    let etag = header(&app.get(&id).await, "etag");
    for if_match in ["0", "1", "W/1"] {
        let response = app
            .client
            .delete(app.patient_url(&id))
            .header("x-api-key", WRITER_KEY)
            .header("if-match", if_match)
            .send()
            .await
            .unwrap();
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    }
    assert_eq!(header(&app.get(&id).await, "etag"), etag);
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn responses_are_never_cached() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    let responses = [
        app.get(&id).await,
        app.list(&[]).await,
        app.get(&uuid::Uuid::new_v4().to_string()).await,
        app.client.get(app.url("/api/v1/patients")).send().await.unwrap(),
        app.client.get(app.url("/healthz")).send().await.unwrap(),
    ];
    for response in responses {
        assert_eq!(header(&response, "cache-control"), "no-store", "{}", response.url());
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arrays_are_not_objects() {
    let app = spawn_app().await;
    let mut body = patient_body();
    body["address"] = serde_json::json!(["123 Main St", "San Francisco"]);
    assert_error(app.create(&body).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let whole = serde_json::json!([patient_body()]);
    assert_error(app.create(&whole).await, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 0);
}
