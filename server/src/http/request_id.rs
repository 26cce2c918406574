//! `X-Request-Id`: taken from the client when well-formed, generated otherwise, echoed on
//! every response and attached to every log line of the request (a field of the server
//! span, `http::server_span`).
use axum::{extract::Request, middleware::Next, response::Response};
use http::{HeaderName, HeaderValue};

pub const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// The request's correlation id, available to handlers as a request extension.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestId(pub String);

/// 1–128 characters of `A-Z a-z 0-9 . _ : -` (the spec's pattern). Anything else could
/// carry log-injection payloads or PHI, so it is replaced rather than logged.
pub fn is_well_formed(candidate: &str) -> bool {
    (1..=128).contains(&candidate.len())
        && candidate.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b':' | b'-'))
}

pub async fn assign_request_id(mut request: Request, next: Next) -> Response {
    let id = request
        .headers()
        .get(&X_REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .filter(|value| is_well_formed(value))
        .map(str::to_owned)
        .unwrap_or_else(|| uuid::Uuid::new_v4().to_string());
    let header = HeaderValue::from_str(&id).expect("a well-formed request id is a valid header value");
    // The generated handlers read X-Request-Id too: give them the sanitized value.
    request.headers_mut().insert(X_REQUEST_ID, header.clone());
    request.extensions_mut().insert(RequestId(id));

    let mut response = next.run(request).await;
    response.headers_mut().insert(X_REQUEST_ID, header);
    response
}

#[cfg(test)]
mod tests {
    use super::is_well_formed;

    #[test]
    fn well_formed_ids() {
        for ok in ["a", "3f1e2d4c-5b6a-4789-8abc-def012345678", "trace:1.2_3", &"x".repeat(128)] {
            assert!(is_well_formed(ok), "{ok}");
        }
        for bad in ["", " ", "a b", "id\n", "ümlaut", "a/b", "<script>", &"x".repeat(129)] {
            assert!(!is_well_formed(bad), "{bad:?}");
        }
    }
}
