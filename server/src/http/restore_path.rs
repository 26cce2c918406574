//! The public restore path `/api/v1/patients/{patient_id}:restore` has a literal suffix after
//! a parameter in one segment, which axum's router cannot express. The generated router
//! serves it at an internal path instead (the operation's `x-internal-route`); this layer,
//! in front of the router, rewrites the public form to the internal one, and makes the
//! internal form unreachable from outside so it never becomes a second public path.
use axum::extract::Request;
use http::{Uri, uri::PathAndQuery};

const PATIENTS_PREFIX: &str = "/api/v1/patients/";
const INTERNAL_TEMPLATE: &str = "/api/v1/patients/{patient_id}/restore";
const PUBLIC_TEMPLATE: &str = "/api/v1/patients/{patient_id}:restore";
/// A path no route matches: requests addressed to the internal form go here (→ 404).
const UNROUTABLE: &str = "/.internal-route-not-public";

/// Maps a matched route template to the one clients see (for logs).
pub fn public_template(template: &str) -> &str {
    if template == INTERNAL_TEMPLATE { PUBLIC_TEMPLATE } else { template }
}

/// Rewrites a request's path as described in the module docs; other requests pass unchanged.
pub fn rewrite(mut request: Request) -> Request {
    if let Some(path) = routed_path(request.uri().path()) {
        let path_and_query = match request.uri().query() {
            Some(query) => format!("{path}?{query}"),
            None => path,
        };
        if let Ok(path_and_query) = PathAndQuery::try_from(path_and_query) {
            let mut parts = request.uri().clone().into_parts();
            parts.path_and_query = Some(path_and_query);
            if let Ok(uri) = Uri::from_parts(parts) {
                *request.uri_mut() = uri;
            }
        }
    }
    request
}

/// The path to route instead of `path`, when it differs.
fn routed_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix(PATIENTS_PREFIX)?;
    match rest.split_once('/') {
        // The internal form, sent by a client.
        Some((id, "restore")) if !id.is_empty() => Some(UNROUTABLE.to_owned()),
        Some(_) => None,
        None => {
            let id = [":restore", "%3Arestore", "%3arestore"].iter().find_map(|s| rest.strip_suffix(s))?;
            (!id.is_empty()).then(|| format!("{PATIENTS_PREFIX}{id}/restore"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_restore_path_is_rewritten_to_the_internal_route() {
        let id = "9f8c2e4a-3b5d-4c6e-8f7a-1b2c3d4e5f6a";
        let expected = format!("/api/v1/patients/{id}/restore");
        assert_eq!(routed_path(&format!("/api/v1/patients/{id}:restore")), Some(expected.clone()));
        assert_eq!(routed_path(&format!("/api/v1/patients/{id}%3Arestore")), Some(expected));
    }

    #[test]
    fn internal_route_is_not_public() {
        assert_eq!(routed_path("/api/v1/patients/abc/restore"), Some(UNROUTABLE.to_owned()));
    }

    #[test]
    fn other_paths_are_untouched() {
        for path in [
            "/api/v1/patients",
            "/api/v1/patients/abc",
            "/api/v1/patients/:restore",
            "/healthz",
            "/api/v1/patients/a/b/restore",
        ] {
            assert_eq!(routed_path(path), None, "{path}");
        }
    }

    #[test]
    fn query_strings_survive_the_rewrite() {
        let request = Request::builder().uri("/api/v1/patients/x:restore?a=1").body(axum::body::Body::empty()).unwrap();
        assert_eq!(rewrite(request).uri().to_string(), "/api/v1/patients/x/restore?a=1");
    }

    #[test]
    fn templates_are_reported_in_public_form() {
        assert_eq!(public_template(INTERNAL_TEMPLATE), PUBLIC_TEMPLATE);
        assert_eq!(public_template("/healthz"), "/healthz");
    }
}
