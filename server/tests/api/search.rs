//! `POST /api/v1/patients:search`: the list's filters, paging and scope, with the filters in
//! the body so PHI never travels in a URL — or reaches a log line.
use reqwest::StatusCode;
use serde_json::{Value, json};

use crate::{
    helpers::{AUDITOR_KEY, READER_KEY, TestApp, WRITER_KEY, assert_error, detail_fields, spawn_app},
    process::{ServerProcess, access_lines},
};

fn person(family: &str, dob: &str, email: Option<&str>, phone: Option<&str>) -> Value {
    json!({
        "given_name": "Ann", "family_name": family, "date_of_birth": dob,
        "sex_at_birth": "unknown", "gender_identity": "undisclosed",
        "email": email, "phone_e164": phone,
    })
}

async fn search(app: &TestApp, body: &Value) -> reqwest::Response {
    app.client.post(app.url("/api/v1/patients:search")).header("x-api-key", READER_KEY).json(body).send().await.unwrap()
}

async fn ids(app: &TestApp, body: Value) -> Vec<String> {
    let response = search(app, &body).await;
    assert_eq!(response.status(), StatusCode::OK, "{body}");
    let page: Value = response.json().await.unwrap();
    page["items"].as_array().unwrap().iter().map(|p| p["patient_id"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_filters_like_the_list_with_the_filters_in_the_body() {
    let app = spawn_app().await;
    let (a, _, _) = app.create_ok(&person("Garcia", "1990-01-01", Some("ann@example.org"), Some("+14155550101"))).await;
    let (b, _, _) = app.create_ok(&person("GARCIA", "1985-05-05", Some("bo@example.org"), None)).await;
    let (c, _, _) = app.create_ok(&person("Smith", "1990-01-01", None, None)).await;

    assert_eq!(ids(&app, json!({})).await, [a.clone(), b.clone(), c.clone()]);
    assert_eq!(ids(&app, json!({"family_name": "garcia"})).await, [a.clone(), b.clone()]);
    assert_eq!(ids(&app, json!({"email": "ANN@Example.org"})).await, vec![a.clone()]);
    assert_eq!(ids(&app, json!({"phone": "+1 (415) 555-0101"})).await, vec![a.clone()]);
    assert_eq!(ids(&app, json!({"dob": "1990-01-01", "family_name": "Smith"})).await, vec![c.clone()]);
    // The same answer as the list.
    let listed: Value = app.list(&[("dob", "1990-01-01")]).await.json().await.unwrap();
    let searched: Value = search(&app, &json!({"dob": "1990-01-01"})).await.json().await.unwrap();
    assert_eq!(listed, searched);
    // The percent-encoded form of the `:` is the same operation.
    let encoded = app
        .client
        .post(app.url("/api/v1/patients%3Asearch"))
        .header("x-api-key", READER_KEY)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(encoded.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_pages_with_the_cursor_in_the_body() {
    let app = spawn_app().await;
    let mut created = Vec::new();
    for i in 0..5 {
        created.push(app.create_ok(&person("Page", &format!("1990-01-0{}", i + 1), None, None)).await.0);
    }
    let mut seen = Vec::new();
    let mut cursor = Value::Null;
    loop {
        let mut body = json!({"family_name": "Page", "limit": 2});
        if !cursor.is_null() {
            body["cursor"] = cursor.clone();
        }
        let page: Value = search(&app, &body).await.json().await.unwrap();
        seen.extend(page["items"].as_array().unwrap().iter().map(|p| p["patient_id"].as_str().unwrap().to_owned()));
        cursor = page["next_cursor"].clone();
        if cursor.is_null() {
            break;
        }
    }
    assert_eq!(seen, created);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_needs_read_scope_and_a_valid_body() {
    let app = spawn_app().await;
    let url = app.url("/api/v1/patients:search");
    let anonymous = app.client.post(&url).json(&json!({})).send().await.unwrap();
    assert_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let auditor = app.client.post(&url).header("x-api-key", AUDITOR_KEY).json(&json!({})).send().await.unwrap();
    assert_error(auditor, StatusCode::FORBIDDEN, "insufficient_scope").await;
    let writer = app.client.post(&url).header("x-api-key", WRITER_KEY).json(&json!({})).send().await.unwrap();
    assert_eq!(writer.status(), StatusCode::OK);

    let body = assert_error(
        search(&app, &json!({"surname": "x"})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    assert_eq!(detail_fields(&body), ["surname"]);
    for (field, value) in [("email", "no-at-sign"), ("phone", "12345"), ("dob", "1990-13-01"), ("family_name", "R2D2")]
    {
        let response = search(&app, &json!({ field: value })).await;
        let body = assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
        assert_eq!(detail_fields(&body), [field]);
        assert!(!body.to_string().contains(value), "the error echoes the value: {body}");
    }
    let response = search(&app, &json!({"limit": 101})).await;
    assert_error(response, StatusCode::UNPROCESSABLE_ENTITY, "validation_failed").await;
    let response = search(&app, &json!({"cursor": "bm90LWEtY3Vyc29y"})).await;
    assert_error(response, StatusCode::BAD_REQUEST, "invalid_cursor").await;
    let internal = app
        .client
        .post(app.url("/api/v1/patient-search"))
        .header("x-api-key", READER_KEY)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_error(internal, StatusCode::NOT_FOUND, "route_not_found").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_search_by_email_leaves_no_phi_in_any_log_line() {
    let server = ServerProcess::start(&[("LOG_LEVEL", "debug")]).await;
    let client = reqwest::Client::new();
    let email = "quentin.searchable@example.net";
    let created = client
        .post(format!("{}/api/v1/patients", server.base_url))
        .header("x-api-key", WRITER_KEY)
        .json(&person("Oyelaran-Whitfield", "1972-11-23", Some(email), Some("+14155550188")))
        .send()
        .await
        .unwrap();
    assert_eq!(created.status(), StatusCode::CREATED);
    let found = client
        .post(format!("{}/api/v1/patients:search", server.base_url))
        .header("x-api-key", READER_KEY)
        .json(
            &json!({"email": email, "family_name": "Oyelaran-Whitfield", "dob": "1972-11-23", "phone": "+14155550188"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(found.status(), StatusCode::OK);
    assert_eq!(found.json::<Value>().await.unwrap()["items"].as_array().unwrap().len(), 1);
    let lines = server.stop();
    for line in &lines {
        for phi in [email, "quentin", "Oyelaran", "1972-11-23", "+14155550188", "4155550188"] {
            assert!(!line.to_lowercase().contains(&phi.to_lowercase()), "PHI reached the log: {line}");
        }
    }
    let access = access_lines(&lines);
    assert_eq!(access.last().unwrap()["route"], "/api/v1/patients:search");
}
