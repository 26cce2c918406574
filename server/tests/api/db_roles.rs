//! The service's database role (migration `m20261202_000006_service_roles`): it runs the
//! whole API, and it cannot rewrite the audit trail, truncate, or change the schema.
use reqwest::StatusCode;
use sea_orm::{ConnectionTrait, Database, DatabaseConnection};
use serde_json::Value;

use crate::helpers::{
    AUDITOR_KEY, WRITER_KEY, admin_connection, database_url, header, migrated_database, minimal_body, patient_body,
    spawn_app_configured,
};

/// The migration gives the login role no password (in the cloud it signs in with IAM); a
/// test cluster with password authentication needs one. Roles are cluster-wide, so every
/// test sets the same one.
const SERVICE_ROLE_TEST_PASSWORD: &str = "service-role-test-only";

/// The migrated database's URL, signed in as the service's login role.
async fn service_role_url(database: &str) -> String {
    let admin = admin_connection().await;
    admin
        // Serialized: concurrent ALTER ROLEs of one role fail with "tuple concurrently updated".
        .execute_unprepared(&format!(
            "SELECT pg_advisory_xact_lock(6006); ALTER ROLE patient_service PASSWORD '{SERVICE_ROLE_TEST_PASSWORD}'"
        ))
        .await
        .unwrap();
    admin.close().await.unwrap();
    let mut url = url::Url::parse(&database_url(database)).unwrap();
    url.set_username("patient_service").unwrap();
    url.set_password(Some(SERVICE_ROLE_TEST_PASSWORD)).unwrap();
    url.to_string()
}

async fn as_service_role(database: &str) -> DatabaseConnection {
    Database::connect(service_role_url(database).await).await.expect("the service role signs in")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_service_role_cannot_rewrite_the_audit_trail_truncate_or_change_the_schema() {
    let database = migrated_database().await;
    let app = spawn_app_configured(database.clone(), &[("DATABASE_URL", service_role_url(&database).await)]).await;
    // An audit row, so a refused UPDATE/DELETE is the privilege check, not an empty table.
    let (id, _, _) = app.create_ok(&patient_body()).await;
    let db = as_service_role(&database).await;
    let refused = [
        format!("UPDATE audit_log SET actor = 'someone-else' WHERE patient_id = '{id}'"),
        format!("DELETE FROM audit_log WHERE patient_id = '{id}'"),
        format!("DELETE FROM patients WHERE patient_id = '{id}'"),
        "TRUNCATE audit_log".into(),
        "TRUNCATE patients CASCADE".into(),
        "TRUNCATE idempotency_keys".into(),
        "DROP TABLE idempotency_keys".into(),
        "ALTER TABLE patients ADD COLUMN note text".into(),
        "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only".into(),
        "CREATE INDEX patients_note_idx ON patients (given_name)".into(),
        "CREATE TABLE shadow (id int)".into(),
        "CREATE SCHEMA shadow".into(),
        "INSERT INTO seaql_migrations (version, applied_at) VALUES ('m9', 0)".into(),
        "UPDATE seaql_migrations SET applied_at = 0".into(),
        // Only operators flip the write switch.
        "UPDATE write_switch SET writes_enabled = false".into(),
        "DELETE FROM write_switch_history".into(),
    ];
    for sql in &refused {
        let err = db.execute_unprepared(sql).await.expect_err(sql).to_string();
        assert!(
            err.contains("permission denied") || err.contains("must be owner"),
            "{sql} was refused for another reason: {err}"
        );
    }
    // What it may do.
    for sql in [
        "SELECT count(*) FROM audit_log",
        "SELECT version FROM seaql_migrations",
        "SELECT count(*) FROM write_switch",
        "DELETE FROM idempotency_keys WHERE expires_at < now()",
    ] {
        db.execute_unprepared(sql).await.unwrap_or_else(|e| panic!("{sql}: {e}"));
    }
    db.close().await.unwrap();
    assert_eq!(app.count(&format!("SELECT count(*) AS n FROM audit_log WHERE patient_id = '{id}'")).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_whole_api_works_as_the_service_role() {
    let database = migrated_database().await;
    let app = spawn_app_configured(database.clone(), &[("DATABASE_URL", service_role_url(&database).await)]).await;
    assert_eq!(app.client.get(app.url("/readyz")).send().await.unwrap().status(), StatusCode::OK);
    let (id, etag, _) = app.create_ok(&patient_body()).await;
    let replaced = app.replace(&id, Some(&etag), &patient_body()).await;
    assert_eq!(replaced.status(), StatusCode::OK);
    let etag = header(&replaced, "etag");
    let deleted = app.delete(&id, Some(&etag)).await;
    assert_eq!(deleted.status(), StatusCode::NO_CONTENT);
    let restored = app.restore(&id, None).await;
    assert_eq!(restored.status(), StatusCode::OK, "{:?}", restored.text().await);
    assert_eq!(app.list(&[]).await.status(), StatusCode::OK);
    let trail = app
        .client
        .get(app.url(&format!("/api/v1/patients/{id}/audit")))
        .header("x-api-key", AUDITOR_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(trail.status(), StatusCode::OK);
    let trail: Value = trail.json().await.unwrap();
    assert_eq!(trail["items"].as_array().unwrap().len(), 4, "{trail}");
    // An idempotent create stores its key and replays it.
    let first = app.create_with_key(WRITER_KEY, "role-test-key", &minimal_body()).await;
    assert_eq!(first.status(), StatusCode::CREATED);
    let again = app.create_with_key(WRITER_KEY, "role-test-key", &minimal_body()).await;
    assert_eq!(again.status(), StatusCode::CREATED);
    assert_eq!(header(&first, "location"), header(&again, "location"));
    // A keyed create whose email is taken undoes its claim (the role may call the function that does it).
    let (.., holder) = app.create_ok(&patient_body()).await;
    let mut taken = patient_body();
    taken["email"] = holder["email"].clone();
    let conflicted = app.create_with_key(WRITER_KEY, "role-conflict-key", &taken).await;
    assert_eq!(conflicted.status(), StatusCode::CONFLICT, "{:?}", conflicted.text().await);
}
