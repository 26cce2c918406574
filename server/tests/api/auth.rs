use reqwest::StatusCode;

use crate::helpers::{READER_KEY, WRITER_KEY, assert_error, header, patient_body, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_or_unknown_keys_get_401_with_a_challenge() {
    let app = spawn_app().await;
    for key in [None, Some("not-a-key"), Some("")] {
        let mut request = app.client.get(app.url("/api/v1/patients"));
        if let Some(key) = key {
            request = request.header("x-api-key", key);
        }
        let response = request.send().await.unwrap();
        let challenge = header(&response, "www-authenticate");
        assert!(challenge.contains("X-API-Key"), "{challenge}");
        assert_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authentication_comes_before_request_parsing() {
    let app = spawn_app().await;
    let response = app
        .client
        .post(app.url("/api/v1/patients"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let response = app.client.get(app.url("/api/v1/patients/not-a-uuid")).send().await.unwrap();
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_issuer_configured_bearer_tokens_get_401() {
    let app = spawn_app().await;
    let response =
        app.client.get(app.url("/api/v1/patients")).bearer_auth("eyJhbGciOiJSUzI1NiJ9.e30.sig").send().await.unwrap();
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_read_only_key_can_read_but_not_write() {
    let app = spawn_app().await;
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    assert_eq!(app.get(&id).await.status(), StatusCode::OK);

    let create = app.client.post(app.url("/api/v1/patients")).header("x-api-key", READER_KEY).json(&patient_body());
    let replace = app
        .client
        .put(app.patient_url(&id))
        .header("x-api-key", READER_KEY)
        .header("if-match", &etag)
        .json(&patient_body());
    let delete = app.client.delete(app.patient_url(&id)).header("x-api-key", READER_KEY);
    let restore = app.client.post(app.url(&format!("/api/v1/patients/{id}:restore"))).header("x-api-key", READER_KEY);
    for request in [create, replace, delete, restore] {
        let body = assert_error(request.send().await.unwrap(), StatusCode::FORBIDDEN, "insufficient_scope").await;
        assert!(body["message"].as_str().unwrap().contains("patient:write"));
    }
    // Nothing changed.
    assert_eq!(app.count("SELECT count(*) AS n FROM patients").await, 1);
    assert_eq!(header(&app.get(&id).await, "etag"), etag);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn health_endpoints_need_no_credentials() {
    let app = spawn_app().await;
    for path in ["/healthz", "/readyz"] {
        let response = app.client.get(app.url(path)).header("x-api-key", "garbage").send().await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{path}");
    }
    let _ = WRITER_KEY;
}

/// Every operation of the contract, reached through the generated router at its public path,
/// is guarded by the scope the contract names: 401 without credentials, 403 with a key that
/// lacks that one scope. A new operation cannot ship without one (the contract would not load).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_of_the_contract_requires_its_scope() {
    use patient_server::{
        auth::Scope,
        contract::{Access, contract},
    };
    let app = spawn_app().await;
    let id = uuid::Uuid::new_v4().to_string();
    let mut guarded = 0;
    for operation in contract().operations() {
        let path = operation.path_with(&[("patient_id", &id)]);
        let request = |key: Option<&str>| {
            let mut request = app.client.request(operation.method.clone(), app.url(&path));
            if let Some(key) = key {
                request = request.header("x-api-key", key);
            }
            request
        };
        let anonymous = request(None).send().await.unwrap();
        match operation.access {
            Access::Public => assert_ne!(anonymous.status(), StatusCode::UNAUTHORIZED, "{}", operation.id),
            Access::Scope(scope) => {
                guarded += 1;
                assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
                let lacking = match scope {
                    Scope::PatientRead => crate::helpers::AUDITOR_KEY,
                    Scope::PatientWrite => READER_KEY,
                    Scope::AuditRead => WRITER_KEY,
                };
                let forbidden = request(Some(lacking)).send().await.unwrap();
                let body = assert_error(forbidden, StatusCode::FORBIDDEN, "insufficient_scope").await;
                assert!(body["message"].as_str().unwrap().contains(scope.as_str()), "{}: {body}", operation.id);
            }
        }
    }
    assert!(guarded >= 7, "only {guarded} guarded operations");
}
