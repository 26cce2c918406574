//! Gives every error response the contract's JSON body.
//!
//! The generated handlers and axum's extractors answer some rejections themselves, with
//! plain text or no body (malformed JSON, bad path/query/header values, 404/405, oversized
//! bodies). This layer, around the router, replaces any non-JSON error response with the
//! matching [`ApiError`]. The original text is only inspected to pick the code and field;
//! it is never passed on, since it can quote the submitted values.
use axum::{
    body::{Body, to_bytes},
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{StatusCode, header};

use crate::error::{ApiError, FieldError};

/// How much of a rejection's text is read to classify it.
const MAX_REJECTION_TEXT: usize = 4096;

pub async fn normalize_error_body(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) || is_json(&response) {
        return response;
    }
    let (parts, body) = response.into_parts();
    let text = to_bytes(body, MAX_REJECTION_TEXT).await.unwrap_or_default();
    let error = classify(status, &String::from_utf8_lossy(&text));

    let mut replaced = error.into_response();
    if let Some(allow) = parts.headers.get(header::ALLOW) {
        replaced.headers_mut().insert(header::ALLOW, allow.clone());
    }
    replaced.extensions_mut().extend(parts.extensions);
    replaced
}

fn is_json(response: &Response<Body>) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

/// Maps a status and rejection text from the generated code or axum to an [`ApiError`].
pub fn classify(status: StatusCode, text: &str) -> ApiError {
    match status {
        StatusCode::BAD_REQUEST => classify_bad_request(text),
        StatusCode::UNAUTHORIZED => ApiError::Unauthenticated,
        StatusCode::FORBIDDEN => ApiError::InsufficientScope(None),
        StatusCode::NOT_FOUND => ApiError::RouteNotFound,
        StatusCode::METHOD_NOT_ALLOWED => ApiError::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ApiError::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ApiError::UnsupportedMediaType,
        StatusCode::UNPROCESSABLE_ENTITY => ApiError::Validation(json_data_error_field(text).into_iter().collect()),
        StatusCode::SERVICE_UNAVAILABLE => ApiError::NotReady("temporarily unavailable"),
        s if s.is_client_error() => ApiError::BadRequest,
        s => ApiError::internal(format!("rejection with status {s} from the generated layer")),
    }
}

fn classify_bad_request(text: &str) -> ApiError {
    if text.starts_with("Failed to parse the request body as JSON") {
        ApiError::MalformedJson
    } else if text.starts_with("Failed to buffer the request body") {
        // A body that could not be read (e.g. a broken chunked encoding).
        ApiError::BadRequest
    } else if text.starts_with("Failed to deserialize query string") {
        ApiError::InvalidParameter(vec![FieldError::new(
            "query",
            "invalid_format",
            "a query parameter has the wrong type or format",
        )])
    } else if text.starts_with("Invalid URL") {
        // `patient_id` is the API's only path parameter.
        ApiError::InvalidParameter(vec![FieldError::new("patient_id", "invalid_format", "must be a UUID")])
    } else if let Some(rest) = text.strip_prefix("Invalid header ") {
        let name = rest.split(" - ").next().unwrap_or_default();
        ApiError::InvalidParameter(vec![FieldError::new(name, "invalid_format", "is not a valid header value")])
    } else if let Some(name) = text.strip_prefix("Missing required header ") {
        ApiError::InvalidParameter(vec![FieldError::new(name.trim(), "required", "is required")])
    } else {
        ApiError::BadRequest
    }
}

/// The field named by axum's "Failed to deserialize the JSON body into the target type:
/// {path}: {serde error}" rejection. Only the path (made of the schema's own field names)
/// is kept; the serde message can quote the submitted value.
fn json_data_error_field(text: &str) -> Option<FieldError> {
    let rest = text.strip_prefix("Failed to deserialize the JSON body into the target type: ")?;
    let (path, message) = match rest.split_once(": ") {
        Some((path, message)) if is_field_path(path) => (path, message),
        _ => (".", rest),
    };
    let prefix = if path == "." { String::new() } else { format!("{path}.") };
    if let Some(missing) = message.strip_prefix("missing field `").and_then(|m| m.split('`').next()) {
        return Some(FieldError::new(format!("{prefix}{missing}"), "required", "is required"));
    }
    // serde reads a struct from an array too, reporting `[0]`-style paths: a wrong shape.
    if path == "." || path.starts_with('[') {
        return Some(FieldError::new("body", "invalid_type", "must be a JSON object of the documented shape"));
    }
    let (reason, explanation) = if message.starts_with("invalid type") {
        ("invalid_type", "has the wrong JSON type")
    } else if message.starts_with("unknown variant") {
        ("invalid_value", "is not one of the allowed values")
    } else {
        ("invalid_format", "is not in the expected format")
    };
    Some(FieldError::new(path, reason, explanation))
}

fn is_field_path(candidate: &str) -> bool {
    !candidate.is_empty()
        && candidate.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'[' | b']'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn field_of(error: &ApiError) -> (String, &'static str) {
        match error {
            ApiError::Validation(fields) | ApiError::InvalidParameter(fields) => {
                (fields[0].field.clone(), fields[0].reason)
            }
            other => panic!("no fields in {other:?}"),
        }
    }

    #[test]
    fn statuses_map_to_catalog_codes() {
        let cases = [
            (StatusCode::UNAUTHORIZED, ErrorCode::Unauthenticated),
            (StatusCode::NOT_FOUND, ErrorCode::RouteNotFound),
            (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed),
            (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::PayloadTooLarge),
            (StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::UnsupportedMediaType),
            (StatusCode::IM_A_TEAPOT, ErrorCode::BadRequest),
            (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::InternalError),
        ];
        for (status, code) in cases {
            assert_eq!(classify(status, "").code(), code, "{status}");
        }
    }

    #[test]
    fn bad_requests_are_told_apart() {
        let json = classify(StatusCode::BAD_REQUEST, "Failed to parse the request body as JSON: EOF");
        assert_eq!(json.code(), ErrorCode::MalformedJson);
        let path = classify(StatusCode::BAD_REQUEST, "Invalid URL: Cannot parse `x` to a UUID");
        assert_eq!(field_of(&path).0, "patient_id");
        let header = classify(StatusCode::BAD_REQUEST, "Invalid header If-Match - bad");
        assert_eq!(field_of(&header).0, "If-Match");
        assert_eq!(classify(StatusCode::BAD_REQUEST, "something else").code(), ErrorCode::BadRequest);
    }

    #[test]
    fn json_data_errors_keep_only_the_field_path() {
        let prefix = "Failed to deserialize the JSON body into the target type: ";
        let typed = classify(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("{prefix}given_name: invalid type: integer `1234`, expected a string at line 1 column 9"),
        );
        assert_eq!(field_of(&typed), ("given_name".to_owned(), "invalid_type"));
        let missing = classify(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("{prefix}missing field `family_name` at line 1 column 20"),
        );
        assert_eq!(field_of(&missing), ("family_name".to_owned(), "required"));
        let nested = classify(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("{prefix}address: missing field `line1` at line 1 column 20"),
        );
        assert_eq!(field_of(&nested), ("address.line1".to_owned(), "required"));
        let variant = classify(
            StatusCode::UNPROCESSABLE_ENTITY,
            &format!("{prefix}gender_identity: unknown variant `Jane Doe`, expected one of `female`"),
        );
        assert_eq!(field_of(&variant), ("gender_identity".to_owned(), "invalid_value"));
        let body = format!("{:?}", variant.body());
        assert!(!body.contains("Jane Doe"), "the submitted value leaked: {body}");
    }
}
