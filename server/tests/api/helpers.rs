//! Test harness: every test gets its own database, cloned from a migrated template, and its
//! own server on a random port, talking real HTTP. Set `TEST_LOG=1` to see the server's logs.
use std::{sync::LazyLock, time::Duration};

use migration::{Migrator, MigratorTrait};
use patient_server::{
    config::{LogFormat, Settings},
    startup::Application,
    telemetry::{self, otel::TraceSettings},
};
use reqwest::{Client, Response, StatusCode};
use sea_orm::{ConnectionTrait, Database, DatabaseConnection, Statement};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tokio::sync::OnceCell;
use url::Url;
use uuid::Uuid;

pub const WRITER_KEY: &str = "test-writer-key-0123456789";
pub const READER_KEY: &str = "test-reader-key-0123456789";
pub const OTHER_WRITER_KEY: &str = "test-other-writer-key-0123";
pub const AUDITOR_KEY: &str = "test-auditor-key-0123456789";

static TELEMETRY: LazyLock<()> = LazyLock::new(|| {
    if std::env::var_os("TEST_LOG").is_some() {
        telemetry::init("info", LogFormat::Text, &TraceSettings::default()).ok();
    }
});

static TEMPLATE: OnceCell<String> = OnceCell::const_new();

pub struct TestApp {
    pub base_url: String,
    /// The metrics listener's `/metrics`.
    pub metrics_url: String,
    pub client: Client,
    pub db: DatabaseConnection,
    database_name: String,
}

/// The server's admin URL: `make test` sets DATABASE_URL (a throwaway cluster, or yours).
pub fn admin_url() -> Url {
    let raw = std::env::var("DATABASE_URL")
        .expect("DATABASE_URL must point at a PostgreSQL server the tests may create databases on (make test sets it)");
    Url::parse(&raw).expect("DATABASE_URL is a URL")
}

pub fn database_url(name: &str) -> String {
    let mut url = admin_url();
    url.set_path(&format!("/{name}"));
    url.to_string()
}

fn sha256_hex(key: &str) -> String {
    hex::encode(Sha256::digest(key.as_bytes()))
}

pub fn api_keys_json() -> String {
    json!([
        {"name": "test-writer", "sha256": sha256_hex(WRITER_KEY), "scopes": ["patient:read", "patient:write"]},
        {"name": "test-reader", "sha256": sha256_hex(READER_KEY), "scopes": ["patient:read"]},
        {"name": "test-other-writer", "sha256": sha256_hex(OTHER_WRITER_KEY), "scopes": ["patient:read", "patient:write"]},
        {"name": "test-auditor", "sha256": sha256_hex(AUDITOR_KEY), "scopes": ["audit:read"]},
    ])
    .to_string()
}

pub async fn admin_connection() -> DatabaseConnection {
    Database::connect(admin_url().as_str()).await.expect("connect to the admin database")
}

async fn execute(db: &DatabaseConnection, sql: &str) {
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql.to_owned()))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

/// A migrated template database, built once per schema version. An advisory lock makes
/// concurrent test processes build it once; it is published by rename only when complete.
async fn template() -> &'static str {
    TEMPLATE
        .get_or_init(|| async {
            let names: Vec<String> = Migrator::migrations().iter().map(|m| m.name().to_owned()).collect();
            let name = format!("patient_test_template_{}", &sha256_hex(&names.join(","))[..12]);
            let admin = admin_connection().await;
            execute(&admin, "SELECT pg_advisory_lock(8131)").await;
            let exists = admin
                .query_one_raw(Statement::from_string(
                    admin.get_database_backend(),
                    format!("SELECT 1 AS found FROM pg_database WHERE datname = '{name}'"),
                ))
                .await
                .unwrap()
                .is_some();
            if !exists {
                let building = format!("{name}_building");
                execute(&admin, &format!("DROP DATABASE IF EXISTS {building}")).await;
                execute(&admin, &format!("CREATE DATABASE {building}")).await;
                let db = Database::connect(database_url(&building)).await.unwrap();
                Migrator::up(&db, None).await.expect("migrations apply");
                db.close().await.unwrap();
                execute(&admin, &format!("ALTER DATABASE {building} RENAME TO {name}")).await;
            }
            execute(&admin, "SELECT pg_advisory_unlock(8131)").await;
            admin.close().await.unwrap();
            name
        })
        .await
}

/// Creates an empty (unmigrated) database for this test.
pub async fn empty_database() -> String {
    let name = format!("patient_test_{}", Uuid::new_v4().simple());
    let admin = admin_connection().await;
    execute(&admin, &format!("CREATE DATABASE {name}")).await;
    admin.close().await.unwrap();
    name
}

pub async fn migrated_database() -> String {
    let template = template().await;
    let name = format!("patient_test_{}", Uuid::new_v4().simple());
    let admin = admin_connection().await;
    execute(&admin, &format!("CREATE DATABASE {name} TEMPLATE {template}")).await;
    admin.close().await.unwrap();
    name
}

/// Starts the server on a fresh, migrated database.
pub async fn spawn_app() -> TestApp {
    spawn_app_on(migrated_database().await).await
}

/// Starts the server on the named database (which the returned app drops at the end).
pub async fn spawn_app_on(database_name: String) -> TestApp {
    spawn_app_configured::<&str>(database_name, &[]).await
}

/// Rate limits for tests that do not test them: the suites send bursts far above the
/// production defaults from one key and one address.
const UNLIMITED: [(&str, &str); 4] = [
    ("RATE_LIMIT_RPS", "100000"),
    ("RATE_LIMIT_BURST", "100000"),
    ("RATE_LIMIT_UNAUTHENTICATED_RPS", "100000"),
    ("RATE_LIMIT_UNAUTHENTICATED_BURST", "100000"),
];

/// Starts the server on a fresh, migrated database with `extra` settings (variable, value).
pub async fn spawn_app_with<V: AsRef<str>>(extra: &[(&str, V)]) -> TestApp {
    spawn_app_configured(migrated_database().await, extra).await
}

/// Starts the server on the named database with `extra` settings, which win over the test
/// defaults (`DATABASE_URL` among them); the returned app drops the database at the end.
pub async fn spawn_app_configured<V: AsRef<str>>(database_name: String, extra: &[(&str, V)]) -> TestApp {
    LazyLock::force(&TELEMETRY);
    let url = database_url(&database_name);
    let keys = api_keys_json();
    let settings = Settings::from_lookup(|name| {
        let configured = extra.iter().find(|(n, _)| *n == name).map(|(_, v)| v.as_ref().to_owned());
        configured.or_else(|| match name {
            "DATABASE_URL" => Some(url.clone()),
            "API_KEYS" => Some(keys.clone()),
            "HOST" => Some("127.0.0.1".into()),
            "PORT" | "METRICS_PORT" => Some("0".into()),
            _ => UNLIMITED.iter().find(|(k, _)| *k == name).map(|(_, v)| (*v).to_owned()),
        })
    })
    .expect("test settings are valid");
    let app = Application::build(settings).await.expect("the application builds");
    let port = app.local_addr().unwrap().port();
    let metrics_port = app.metrics_addr().unwrap().port();
    tokio::spawn(app.run_until_stopped());
    let app = TestApp {
        base_url: format!("http://127.0.0.1:{port}"),
        metrics_url: format!("http://127.0.0.1:{metrics_port}/metrics"),
        client: Client::builder().timeout(Duration::from_secs(30)).build().unwrap(),
        db: Database::connect(url).await.unwrap(),
        database_name,
    };
    app.wait_for_startup_purge().await;
    app
}

/// Every test runs on a multi-threaded runtime (`#[tokio::test(flavor = "multi_thread",
/// worker_threads = 2)]`): the server it spawns runs on the worker threads while this drop
/// blocks the test's thread. On a current-thread runtime a connection the server was opening
/// stayed half-authenticated (password auth takes round trips), and `DROP DATABASE ... WITH
/// (FORCE)` waited for that backend until PostgreSQL's 60 s authentication_timeout.
impl Drop for TestApp {
    fn drop(&mut self) {
        drop_database_blocking(self.database_name.clone());
    }
}

/// Drops a test database, from sync or async code alike.
pub fn drop_database_blocking(name: String) {
    {
        // Drop runs outside async context: use a short-lived runtime on its own thread.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(async {
                if let Ok(admin) = Database::connect(admin_url().as_str()).await {
                    let sql = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                    let _ = admin.execute_raw(Statement::from_string(admin.get_database_backend(), sql)).await;
                    let _ = admin.close().await;
                }
            });
        })
        .join();
    }
}

/// The smallest valid create/replace body: the spec's required fields.
pub fn minimal_body() -> Value {
    json!({
        "given_name": "Ann",
        "family_name": "Lee",
        "date_of_birth": "2001-02-03",
        "sex_at_birth": "female",
        "gender_identity": "woman"
    })
}

/// A valid create/replace body with every field; tests change what they exercise.
pub fn patient_body() -> Value {
    json!({
        "given_name": "María",
        "middle_name": "José",
        "family_name": "Rivera",
        "date_of_birth": "1984-03-15",
        "sex_at_birth": "female",
        "gender_identity": "woman",
        "email": format!("maria.{}@example.org", Uuid::new_v4().simple()),
        "phone_e164": null,
        "address": {
            "line1": "123 Main St",
            "line2": "Apt 4B",
            "city": "San Francisco",
            "state_province": "CA",
            "postal_code": "94103",
            "country": "US"
        },
        "preferred_language": "es-MX",
        "consent_to_contact": true
    })
}

impl TestApp {
    /// Waits until the service's start-up purge of expired idempotency keys has run (it
    /// does at once, then every 15 minutes). On a loaded machine it could otherwise land in
    /// the middle of a test, and delete the expired key a test had just made, or hold a
    /// connection while a test reads the pool's gauges.
    async fn wait_for_startup_purge(&self) {
        let ran = |text: &str| {
            text.lines().any(|line| {
                line.starts_with("db_client_operation_duration_seconds_count{")
                    && line.contains("operation=\"DELETE\"")
                    && line.contains("table=\"idempotency_keys\"")
            })
        };
        for _ in 0..200 {
            let text = self.client.get(&self.metrics_url).send().await.unwrap().text().await.unwrap();
            if ran(&text) {
                return;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        panic!("the start-up purge of expired idempotency keys did not run within 10 s");
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base_url)
    }

    pub fn patient_url(&self, id: &str) -> String {
        self.url(&format!("/api/v1/patients/{id}"))
    }

    pub async fn create(&self, body: &Value) -> Response {
        self.client.post(self.url("/api/v1/patients")).header("x-api-key", WRITER_KEY).json(body).send().await.unwrap()
    }

    /// Creates a patient and returns its id, ETag and body.
    pub async fn create_ok(&self, body: &Value) -> (String, String, Value) {
        let response = self.create(body).await;
        assert_eq!(response.status(), StatusCode::CREATED);
        let etag = header(&response, "etag");
        let json: Value = response.json().await.unwrap();
        (json["patient_id"].as_str().unwrap().to_owned(), etag, json)
    }

    /// Creates with an `Idempotency-Key`, as the given API key.
    pub async fn create_with_key(&self, api_key: &str, idempotency_key: &str, body: &Value) -> Response {
        self.client
            .post(self.url("/api/v1/patients"))
            .header("x-api-key", api_key)
            .header("idempotency-key", idempotency_key)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn get(&self, id: &str) -> Response {
        self.client.get(self.patient_url(id)).header("x-api-key", READER_KEY).send().await.unwrap()
    }

    pub async fn replace(&self, id: &str, if_match: Option<&str>, body: &Value) -> Response {
        let mut request = self.client.put(self.patient_url(id)).header("x-api-key", WRITER_KEY).json(body);
        if let Some(etag) = if_match {
            request = request.header("if-match", etag);
        }
        request.send().await.unwrap()
    }

    pub async fn delete(&self, id: &str, if_match: Option<&str>) -> Response {
        let mut request = self.client.delete(self.patient_url(id)).header("x-api-key", WRITER_KEY);
        if let Some(etag) = if_match {
            request = request.header("if-match", etag);
        }
        request.send().await.unwrap()
    }

    pub async fn restore(&self, id: &str, if_match: Option<&str>) -> Response {
        let mut request =
            self.client.post(self.url(&format!("/api/v1/patients/{id}:restore"))).header("x-api-key", WRITER_KEY);
        if let Some(etag) = if_match {
            request = request.header("if-match", etag);
        }
        request.send().await.unwrap()
    }

    pub async fn list(&self, query: &[(&str, &str)]) -> Response {
        self.client.get(self.url("/api/v1/patients")).query(query).header("x-api-key", READER_KEY).send().await.unwrap()
    }

    /// Makes the test database refuse new connections and cuts the server's existing ones.
    pub async fn cut_off_database(&self) {
        let name = &self.database_name;
        let admin = admin_connection().await;
        admin.execute_unprepared(&format!("ALTER DATABASE {name} WITH ALLOW_CONNECTIONS false")).await.unwrap();
        admin
            .execute_unprepared(&format!(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            ))
            .await
            .unwrap();
        admin.close().await.unwrap();
    }

    /// Counts rows with a raw SQL query (`SELECT count(*) AS n …`).
    pub async fn count(&self, sql: &str) -> i64 {
        let row = self
            .db
            .query_one_raw(Statement::from_string(self.db.get_database_backend(), sql.to_owned()))
            .await
            .unwrap()
            .unwrap();
        row.try_get::<i64>("", "n").unwrap()
    }
}

pub fn header(response: &Response, name: &str) -> String {
    response.headers().get(name).unwrap_or_else(|| panic!("missing header {name}")).to_str().unwrap().to_owned()
}

/// Asserts an error response: status, JSON content type, the contract's shape and code.
pub async fn assert_error(response: Response, status: StatusCode, code: &str) -> Value {
    assert_eq!(response.status(), status, "unexpected status");
    let content_type = header(&response, "content-type");
    assert!(content_type.starts_with("application/json"), "error content type was {content_type}");
    assert!(response.headers().contains_key("x-request-id"));
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["code"], code, "body: {body}");
    assert!(body["message"].as_str().is_some_and(|m| !m.is_empty()), "body: {body}");
    let allowed = ["code", "message", "details"];
    assert!(body.as_object().unwrap().keys().all(|k| allowed.contains(&k.as_str())), "body: {body}");
    body
}

/// The `field` values of an error body's details.
pub fn detail_fields(body: &Value) -> Vec<String> {
    body["details"]
        .as_array()
        .map(|details| details.iter().map(|d| d["field"].as_str().unwrap().to_owned()).collect())
        .unwrap_or_default()
}
