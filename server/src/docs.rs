//! The API reference: the committed OpenAPI document at `GET /openapi.yaml` and a page that
//! renders it at `GET /docs` (Redoc's standalone bundle, vendored in `server/assets/`; its
//! README says where it came from and how to update it).
//!
//! Everything is embedded at build time, so the served spec is byte-identical to the committed
//! one and the page loads nothing from anywhere but this server. These routes are not part of
//! the v1 contract (the spec does not list them) and need no credentials: authentication and
//! validation apply to the contract's operations (`crate::contract`). They are merged into the main router,
//! so the request-id, access-log and error-body layers apply to them as to every route, and an
//! unknown path under `/docs` is the usual JSON `404 route_not_found`.
use axum::{
    Router,
    response::{IntoResponse, Response},
    routing::get,
};
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use sha2::{Digest, Sha256};

pub const SPEC_PATH: &str = "/openapi.yaml";
pub const PAGE_PATH: &str = "/docs";
pub const BUNDLE_PATH: &str = "/docs/redoc.standalone.js";
/// The bundle's third-party license notices, which its first line points to (by this name).
pub const BUNDLE_LICENSES_PATH: &str = "/docs/redoc.standalone.js.LICENSE.txt";

/// The contract, exactly as committed.
pub const SPEC: &str = crate::contract::SPEC_YAML;
const PAGE: &str = include_str!("../assets/docs.html");
const BUNDLE: &str = include_str!("../assets/redoc/redoc.standalone.js");
const BUNDLE_LICENSES: &str = include_str!("../assets/redoc/redoc.standalone.js.LICENSE.txt");

/// The vendored Redoc release and its bundle's SHA-256, as recorded in `server/assets/README.md`.
pub const REDOC_VERSION: &str = "2.5.4";
pub const REDOC_BUNDLE_SHA256: &str = "dcaf76612bc4a3fbcc923a8966dee2f6146a5f32e5ce1b6f02dd60cbbf89500b";

/// Only this server's own resources. Redoc injects its styles (styled-components), runs its
/// search index in a worker built from a `blob:` URL and fetches the spec (`connect-src`); the
/// page's icon is an empty `data:` URL. The bundle also shows a Redocly logo from a CDN in the
/// side menu: `img-src` blocks it in the browser and Redoc then leaves it out.
pub const PAGE_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src blob:; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";
/// For the other files: nothing may run or load in their context.
const FILE_CSP: &str = "default-src 'none'; frame-ancestors 'none'";

/// The spec and the page change with every release: caches must revalidate (cheap, by ETag).
const REVALIDATE: &str = "no-cache";
/// The bundle changes only when it is updated here; a day's staleness is harmless.
const LONG_LIVED: &str = "public, max-age=86400";

pub fn routes() -> Router {
    let spec = Asset::new(SPEC, "application/yaml", REVALIDATE, FILE_CSP);
    let page = Asset::new(PAGE, "text/html; charset=utf-8", REVALIDATE, PAGE_CSP);
    let bundle = Asset::new(BUNDLE, "text/javascript; charset=utf-8", LONG_LIVED, FILE_CSP);
    let licenses = Asset::new(BUNDLE_LICENSES, "text/plain; charset=utf-8", LONG_LIVED, FILE_CSP);
    Router::new()
        .route(SPEC_PATH, get(move |headers: HeaderMap| async move { spec.respond(&headers) }))
        .route(PAGE_PATH, get(move |headers: HeaderMap| async move { page.respond(&headers) }))
        .route(BUNDLE_PATH, get(move |headers: HeaderMap| async move { bundle.respond(&headers) }))
        .route(BUNDLE_LICENSES_PATH, get(move |headers: HeaderMap| async move { licenses.respond(&headers) }))
}

/// A static file with its headers, answered with `304 Not Modified` when the client has it.
#[derive(Clone)]
struct Asset {
    body: &'static str,
    etag: HeaderValue,
    headers: [(HeaderName, HeaderValue); 4],
}

impl Asset {
    fn new(body: &'static str, content_type: &'static str, cache_control: &'static str, csp: &'static str) -> Self {
        let digest = hex::encode(Sha256::digest(body.as_bytes()));
        let etag = HeaderValue::from_str(&format!("\"{}\"", &digest[..32])).expect("hex is a valid header value");
        let headers = [
            (header::CONTENT_TYPE, HeaderValue::from_static(content_type)),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache_control)),
            (header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            (header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(csp)),
        ];
        Self { body, etag, headers }
    }

    fn respond(&self, request: &HeaderMap) -> Response {
        let cached = request.get(header::IF_NONE_MATCH).and_then(|v| v.to_str().ok());
        let mut response = if cached.is_some_and(|tags| matches_any(tags, &self.etag)) {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            (self.headers.clone(), self.body).into_response()
        };
        let headers = response.headers_mut();
        headers.insert(header::ETAG, self.etag.clone());
        if !headers.contains_key(header::CACHE_CONTROL) {
            // A 304 repeats the caching headers of the 200 it stands for (RFC 9110 §15.4.5).
            headers.insert(header::CACHE_CONTROL, self.headers[1].1.clone());
        }
        response
    }
}

/// `If-None-Match` evaluation: weak comparison (RFC 9110 §13.1.2), `*` matches.
fn matches_any(if_none_match: &str, etag: &HeaderValue) -> bool {
    let ours = etag.to_str().unwrap_or_default();
    if_none_match.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_bundle_is_the_recorded_one() {
        let digest = hex::encode(Sha256::digest(BUNDLE.as_bytes()));
        assert_eq!(digest, REDOC_BUNDLE_SHA256, "update REDOC_BUNDLE_SHA256 and server/assets/README.md together");
        assert!(BUNDLE_LICENSES.contains(&format!("Version: \"{REDOC_VERSION}\"")), "REDOC_VERSION is stale");
        assert!(include_str!("../assets/README.md").contains(REDOC_BUNDLE_SHA256));
    }

    #[test]
    fn the_page_loads_only_local_files() {
        assert!(PAGE.contains(&format!("spec-url=\"{SPEC_PATH}\"")));
        assert!(PAGE.contains(&format!("src=\"{BUNDLE_PATH}\"")));
        assert!(!PAGE.contains("http:") && !PAGE.contains("https:") && !PAGE.contains("//"));
    }

    #[test]
    fn if_none_match_compares_weakly() {
        let etag = HeaderValue::from_static("\"abc\"");
        assert!(matches_any("\"abc\"", &etag));
        assert!(matches_any("W/\"abc\"", &etag));
        assert!(matches_any("\"x\", \"abc\"", &etag));
        assert!(matches_any("*", &etag));
        assert!(!matches_any("\"abcd\"", &etag));
        assert!(!matches_any("abc", &etag));
    }
}
