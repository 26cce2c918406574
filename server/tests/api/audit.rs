use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Statement};
use serde_json::{Value, json};

use crate::helpers::{assert_error, patient_body, spawn_app};

#[tokio::test]
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
    let update: Value = rows[1].try_get("", "diff").unwrap();
    assert_eq!(update["given_name"], json!({"from": "María", "to": "Marisol"}));
    assert_eq!(update["email"]["to"], Value::Null);
    assert_eq!(update.as_object().unwrap().len(), 2, "only changed fields: {update}");
    let delete: Value = rows[2].try_get("", "diff").unwrap();
    assert_eq!(delete, json!({"deleted": {"from": false, "to": true}}));
    let restore: Value = rows[3].try_get("", "diff").unwrap();
    assert_eq!(restore, json!({"deleted": {"from": true, "to": false}}));
}
