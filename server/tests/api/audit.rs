use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{AUDITOR_KEY, READER_KEY, TestApp, WRITER_KEY, assert_error, patient_body, spawn_app};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_change_writes_one_audit_row_with_actor_and_request_id() {
    let app = spawn_app().await;
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    let mut changed = patient_body();
    changed["given_name"] = json!("Marisol");
    changed["email"] = Value::Null;
    assert_eq!(app.replace(&id, Some(&etag), &changed).await.status(), StatusCode::OK);
    assert_eq!(app.delete(&id, None).await.status(), StatusCode::NO_CONTENT);
    let response = app
        .client
        .post(app.url(&format!("/api/v1/patients/{id}:restore")))
        .header("x-api-key", crate::helpers::WRITER_KEY)
        .header("x-request-id", "restore-req-1")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // A failed write leaves no row.
    assert_error(
        app.replace(&id, Some("\"1\""), &changed).await,
        StatusCode::PRECONDITION_FAILED,
        "precondition_failed",
    )
    .await;

    let rows = app
        .db
        .query_all_raw(Statement::from_string(
            app.db.get_database_backend(),
            format!(
                "SELECT actor, action, request_id, diff FROM audit_log WHERE patient_id = '{id}' ORDER BY audit_id"
            ),
        ))
        .await
        .unwrap();
    let actions: Vec<String> = rows.iter().map(|r| r.try_get::<String>("", "action").unwrap()).collect();
    assert_eq!(actions, ["create", "update", "delete", "restore"]);
    for row in &rows {
        assert_eq!(row.try_get::<String>("", "actor").unwrap(), "test-writer");
        assert!(!row.try_get::<String>("", "request_id").unwrap().is_empty());
    }
    assert_eq!(rows[3].try_get::<String>("", "request_id").unwrap(), "restore-req-1");

    let create: Value = rows[0].try_get("", "diff").unwrap();
    assert_eq!(create["given_name"], "María");
    assert_eq!(create["sex_at_birth"], "female");
    assert_eq!(create["address.postal_code"], "94103");
    for bookkeeping in ["patient_id", "version", "created_at", "updated_at"] {
        assert!(create.get(bookkeeping).is_none(), "{bookkeeping} in {create}");
    }
    let update: Value = rows[1].try_get("", "diff").unwrap();
    assert_eq!(update["given_name"], json!({"from": "María", "to": "Marisol"}));
    assert_eq!(update["email"]["to"], Value::Null);
    assert_eq!(update.as_object().unwrap().len(), 2, "only changed fields: {update}");
    let delete: Value = rows[2].try_get("", "diff").unwrap();
    assert_eq!(delete, json!({"is_deleted": {"from": false, "to": true}}));
    let restore: Value = rows[3].try_get("", "diff").unwrap();
    assert_eq!(restore, json!({"is_deleted": {"from": true, "to": false}}));
}

async fn read_trail(app: &TestApp, id: &str, key: &str, query: &[(&str, &str)]) -> reqwest::Response {
    app.client
        .get(app.url(&format!("/api/v1/patients/{id}/audit")))
        .query(query)
        .header("x-api-key", key)
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_trail_lists_every_change_oldest_first_even_after_delete() {
    let app = spawn_app().await;
    let body = patient_body();
    let (id, etag, _) = app.create_ok(&body).await;
    let mut changed = body.clone();
    changed["address"]["postal_code"] = json!("94110");
    assert_eq!(app.replace(&id, Some(&etag), &changed).await.status(), StatusCode::OK);
    assert_eq!(app.delete(&id, None).await.status(), StatusCode::NO_CONTENT);
    // Someone else's history is not in this one.
    app.create_ok(&patient_body()).await;

    let response = read_trail(&app, &id, AUDITOR_KEY, &[]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let page: Value = response.json().await.unwrap();
    assert_eq!(page["next_cursor"], Value::Null);
    let items = page["items"].as_array().unwrap();
    let actions: Vec<&str> = items.iter().map(|e| e["action"].as_str().unwrap()).collect();
    assert_eq!(actions, ["create", "update", "delete"]);
    for entry in items {
        assert_eq!(entry["patient_id"], id.as_str());
        assert_eq!(entry["actor"], "test-writer");
        assert!(entry["occurred_at"].as_str().unwrap().parse::<chrono::DateTime<chrono::Utc>>().is_ok(), "{entry}");
    }
    assert!(items.windows(2).all(|w| w[0]["audit_id"].as_i64() < w[1]["audit_id"].as_i64()));
    assert_eq!(items[0]["changes"]["family_name"], "Rivera");
    assert_eq!(items[1]["changes"], json!({"address.postal_code": {"from": "94103", "to": "94110"}}));
    assert_eq!(items[2]["changes"], json!({"is_deleted": {"from": false, "to": true}}));

    // Paging visits each entry once and ends with a null cursor.
    let mut seen = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut query = vec![("limit", "1")];
        if let Some(c) = cursor.as_deref() {
            query.push(("cursor", c));
        }
        let page: Value = read_trail(&app, &id, AUDITOR_KEY, &query).await.json().await.unwrap();
        for entry in page["items"].as_array().unwrap() {
            seen.push(entry["audit_id"].as_i64().unwrap());
        }
        match page["next_cursor"].as_str() {
            Some(next) => cursor = Some(next.to_owned()),
            None => break,
        }
        assert!(seen.len() <= 3, "paging does not end: {seen:?}");
    }
    let all: Vec<i64> = items.iter().map(|e| e["audit_id"].as_i64().unwrap()).collect();
    assert_eq!(seen, all);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_audit_trail_needs_its_own_scope_and_a_known_patient() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    for key in [WRITER_KEY, READER_KEY] {
        assert_error(read_trail(&app, &id, key, &[]).await, StatusCode::FORBIDDEN, "insufficient_scope").await;
    }
    let response = app.client.get(app.url(&format!("/api/v1/patients/{id}/audit"))).send().await.unwrap();
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    // The auditor reads history, not patients.
    let response = app.client.get(app.patient_url(&id)).header("x-api-key", AUDITOR_KEY).send().await.unwrap();
    assert_error(response, StatusCode::FORBIDDEN, "insufficient_scope").await;

    let unknown = uuid::Uuid::new_v4().to_string();
    assert_error(read_trail(&app, &unknown, AUDITOR_KEY, &[]).await, StatusCode::NOT_FOUND, "patient_not_found").await;
    assert_error(read_trail(&app, "not-a-uuid", AUDITOR_KEY, &[]).await, StatusCode::BAD_REQUEST, "invalid_parameter")
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_audit_paging_parameters_are_400() {
    let app = spawn_app().await;
    let (id, _, _) = app.create_ok(&patient_body()).await;
    for limit in ["0", "101", "-1", "ten"] {
        let response = read_trail(&app, &id, AUDITOR_KEY, &[("limit", limit)]).await;
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_parameter").await;
    }
    // Patient-list cursors and garbage are not audit cursors.
    app.create_ok(&crate::helpers::minimal_body()).await;
    let list: Value = app.list(&[("limit", "1")]).await.json().await.unwrap();
    let patient_cursor = list["next_cursor"].as_str().unwrap().to_owned();
    for cursor in [patient_cursor.as_str(), "garbage!", "eyJhIjoieCJ9"] {
        let response = read_trail(&app, &id, AUDITOR_KEY, &[("cursor", cursor)]).await;
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_cursor").await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_rolled_back_write_leaves_no_audit_row() {
    let app = spawn_app().await;
    let first_body = patient_body();
    let (first, _, _) = app.create_ok(&first_body).await;
    let other = patient_body();
    let (second, etag, _) = app.create_ok(&other).await;
    // The duplicate is found after the version check passed, inside the write's transaction.
    let mut clash = other.clone();
    clash["email"] = first_body["email"].clone();
    assert_error(app.replace(&second, Some(&etag), &clash).await, StatusCode::CONFLICT, "duplicate_email").await;
    for (id, expected) in [(&first, 1), (&second, 1)] {
        let rows = app.count(&format!("SELECT count(*) AS n FROM audit_log WHERE patient_id = '{id}'")).await;
        assert_eq!(rows, expected, "{id}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn removing_an_address_records_each_part() {
    let app = spawn_app().await;
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    let mut without = patient_body();
    without["address"] = Value::Null;
    assert_eq!(app.replace(&id, Some(&etag), &without).await.status(), StatusCode::OK);
    let page: Value = read_trail(&app, &id, AUDITOR_KEY, &[]).await.json().await.unwrap();
    let update = &page["items"][1]["changes"];
    assert_eq!(update["address.line1"], json!({"from": "123 Main St", "to": null}), "{update}");
    assert_eq!(update["address.country"], json!({"from": "US", "to": null}), "{update}");
}
