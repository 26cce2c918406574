//! The API reference: the committed spec at `/openapi.yaml` and the Redoc page at `/docs`,
//! served by the service itself, without credentials or anything from the internet.
use reqwest::{Response, StatusCode};

use crate::helpers::{TestApp, assert_error, header, spawn_app};

/// The committed contract, read from the repository when the test runs.
fn committed_spec() -> Vec<u8> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.yaml");
    std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

async fn get(app: &TestApp, path: &str) -> Response {
    app.client.get(app.url(path)).send().await.unwrap()
}

fn assert_hardened(response: &Response) {
    assert_eq!(header(response, "x-content-type-options"), "nosniff");
    assert!(!header(response, "cache-control").is_empty());
    assert!(response.headers().contains_key("etag"));
    assert!(response.headers().contains_key("x-request-id"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_spec_is_served_byte_for_byte_without_credentials() {
    let app = spawn_app().await;
    let response = get(&app, "/openapi.yaml").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(header(&response, "content-type"), "application/yaml");
    assert_eq!(header(&response, "cache-control"), "no-cache");
    assert_hardened(&response);
    let served = response.bytes().await.unwrap();
    assert!(served.as_ref() == committed_spec().as_slice(), "/openapi.yaml differs from openapi/openapi.yaml");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_docs_page_uses_only_local_resources() {
    let app = spawn_app().await;
    let response = get(&app, "/docs").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "content-type").starts_with("text/html"));
    assert_hardened(&response);
    let csp = header(&response, "content-security-policy");
    for directive in ["default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'"] {
        assert!(csp.contains(directive), "CSP lacks {directive}: {csp}");
    }
    let html = response.text().await.unwrap();
    assert!(html.contains(r#"<script src="/docs/redoc.standalone.js">"#), "{html}");
    assert!(html.contains(r#"spec-url="/openapi.yaml""#), "{html}");
    assert!(!html.contains("http://") && !html.contains("https://") && !html.contains("src=\"//"), "{html}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_redoc_bundle_is_javascript() {
    let app = spawn_app().await;
    let response = get(&app, "/docs/redoc.standalone.js").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert!(header(&response, "content-type").starts_with("text/javascript"));
    assert_hardened(&response);
    let bundle = response.text().await.unwrap();
    assert!(bundle.len() > 100_000 && bundle.contains("Redoc"), "not the Redoc bundle");

    let licenses = get(&app, "/docs/redoc.standalone.js.LICENSE.txt").await;
    assert_eq!(licenses.status(), StatusCode::OK);
    assert!(header(&licenses, "content-type").starts_with("text/plain"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_cached_copy_is_revalidated_by_etag() {
    let app = spawn_app().await;
    for path in ["/openapi.yaml", "/docs", "/docs/redoc.standalone.js"] {
        let etag = header(&get(&app, path).await, "etag");
        let response = app.client.get(app.url(path)).header("if-none-match", &etag).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(header(&response, "etag"), etag);
        assert!(response.bytes().await.unwrap().is_empty());
        let stale = app.client.get(app.url(path)).header("if-none-match", "\"stale\"").send().await.unwrap();
        assert_eq!(stale.status(), StatusCode::OK, "{path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_docs_paths_and_methods_get_the_json_errors() {
    let app = spawn_app().await;
    for path in ["/docs/", "/docs/nope.js", "/docs/redoc.standalone.js.map", "/openapi.json"] {
        assert_error(get(&app, path).await, StatusCode::NOT_FOUND, "route_not_found").await;
    }
    let post = app.client.post(app.url("/docs")).send().await.unwrap();
    assert_error(post, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_api_key_is_not_needed_but_does_not_hurt() {
    let app = spawn_app().await;
    let response = app.client.get(app.url("/docs")).header("x-api-key", "not-a-configured-key").send().await.unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    // The API itself still wants a key.
    let response = app.client.get(app.url("/api/v1/patients")).send().await.unwrap();
    assert_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}
