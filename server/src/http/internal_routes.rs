//! Some public paths have a literal suffix after a parameter in one segment
//! (`/api/v1/patients/{patient_id}:restore`), which axum's router cannot express, or a `:`
//! action on a collection (`/api/v1/patients:search`), which would sit awkwardly beside
//! the collection's own routes. The
//! generated router serves such an operation at its `x-internal-route` instead; this layer,
//! in front of the router, rewrites the public form to the internal one, and makes the
//! internal form unreachable from outside so it never becomes a second public path.
use std::sync::LazyLock;

use axum::extract::Request;
use http::{Uri, uri::PathAndQuery};

use crate::contract::contract;

/// A path no route matches: requests addressed to an internal form go here (→ 404).
const UNROUTABLE: &str = "/.internal-route-not-public";

enum Segment {
    Literal(String),
    /// `{name}` followed by a literal suffix (possibly empty).
    Param {
        name: String,
        suffix: String,
    },
}

struct Rewrite {
    public: Vec<Segment>,
    internal: Vec<Segment>,
}

static REWRITES: LazyLock<Vec<Rewrite>> = LazyLock::new(|| {
    contract()
        .operations()
        .iter()
        .filter(|op| op.route != op.path)
        .map(|op| Rewrite { public: segments(&op.path), internal: segments(&op.route) })
        .collect()
});

fn segments(template: &str) -> Vec<Segment> {
    template
        .split('/')
        .map(|segment| match segment.strip_prefix('{').and_then(|rest| rest.split_once('}')) {
            Some((name, suffix)) => Segment::Param { name: name.to_owned(), suffix: suffix.to_owned() },
            None => Segment::Literal(segment.to_owned()),
        })
        .collect()
}

/// Binds the request path's parameters if it has the template's shape.
fn bind<'p>(template: &'p [Segment], path: &'p str) -> Option<Vec<(&'p str, &'p str)>> {
    let parts: Vec<&str> = path.split('/').collect();
    if parts.len() != template.len() {
        return None;
    }
    let mut bound = Vec::new();
    for (segment, part) in template.iter().zip(parts) {
        match segment {
            Segment::Literal(literal) if suffix_variants(literal).iter().any(|variant| variant == part) => {}
            Segment::Literal(_) => return None,
            Segment::Param { name, suffix } => {
                let value = suffix_variants(suffix).iter().find_map(|s| part.strip_suffix(s.as_str()))?;
                if value.is_empty() {
                    return None;
                }
                bound.push((name.as_str(), value));
            }
        }
    }
    Some(bound)
}

/// A suffix as clients may send it: `:` may arrive percent-encoded.
fn suffix_variants(suffix: &str) -> Vec<String> {
    let mut variants = vec![suffix.to_owned()];
    if suffix.contains(':') {
        variants.push(suffix.replace(':', "%3A"));
        variants.push(suffix.replace(':', "%3a"));
    }
    variants
}

fn fill(template: &[Segment], bound: &[(&str, &str)]) -> String {
    template
        .iter()
        .map(|segment| match segment {
            Segment::Literal(literal) => literal.clone(),
            Segment::Param { name, suffix } => {
                let value = bound.iter().find(|(n, _)| n == name).map_or("", |(_, v)| v);
                format!("{value}{suffix}")
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// The path to route instead of `path`, when it differs.
fn routed_path(path: &str) -> Option<String> {
    for rewrite in REWRITES.iter() {
        if let Some(bound) = bind(&rewrite.public, path) {
            return Some(fill(&rewrite.internal, &bound));
        }
        if bind(&rewrite.internal, path).is_some() {
            return Some(UNROUTABLE.to_owned());
        }
    }
    None
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
    fn public_search_path_is_rewritten_to_the_internal_route() {
        assert_eq!(routed_path("/api/v1/patients:search"), Some("/api/v1/patient-search".to_owned()));
        assert_eq!(routed_path("/api/v1/patients%3Asearch"), Some("/api/v1/patient-search".to_owned()));
        assert_eq!(routed_path("/api/v1/patients:searches"), None);
    }

    #[test]
    fn internal_route_is_not_public() {
        assert_eq!(routed_path("/api/v1/patients/abc/restore"), Some(UNROUTABLE.to_owned()));
        assert_eq!(routed_path("/api/v1/patient-search"), Some(UNROUTABLE.to_owned()));
    }

    #[test]
    fn other_paths_are_untouched() {
        for path in [
            "/api/v1/patients",
            "/api/v1/patients/abc",
            "/api/v1/patients/:restore",
            "/api/v1/patients/abc/audit",
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
}
