//! Enforces `additionalProperties: false` on request bodies, which the generated models do
//! not: a body with a field the schema does not define is refused with 422, naming each
//! such field (`unknown_field`, or `read_only` for server-owned ones such as `version`).
//! This also keeps clients from mass-assigning server-owned fields.
use axum::{
    body::{Body, to_bytes},
    extract::{MatchedPath, Request},
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{Method, header};
use http_body_util::LengthLimitError;
use patient_api::models;

use crate::error::{ApiError, FieldError, MAX_BODY_BYTES};

/// Server-owned fields of a patient: present in responses, never accepted in requests.
const SERVER_OWNED: &[&str] = &["patient_id", "version", "created_at", "updated_at", "deleted_at"];

/// Route layer: checks the bodies of the operations that take a `PatientInput`.
pub async fn reject_unknown_fields(matched: Option<MatchedPath>, request: Request, next: Next) -> Response {
    let takes_patient_input = matched.as_ref().is_some_and(|m| {
        let (method, route) = (request.method(), m.as_str());
        (method == Method::POST && route == "/api/v1/patients")
            || (method == Method::PUT && route == "/api/v1/patients/{patient_id}")
    });
    if !takes_patient_input || !is_json(&request) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(err) if is_length_limit(&err) => return ApiError::PayloadTooLarge.into_response(),
        Err(_) => return ApiError::BadRequest.into_response(),
    };
    let unknown = unknown_fields::<models::PatientInput>(&bytes);
    if !unknown.is_empty() {
        return ApiError::Validation(unknown).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes))).await
}

/// The fields of `json` that `T` does not define. Empty when `json` does not parse as `T`:
/// the generated extractor then reports that failure.
fn unknown_fields<T: serde::de::DeserializeOwned>(json: &[u8]) -> Vec<FieldError> {
    let mut ignored = Vec::new();
    let mut deserializer = serde_json::Deserializer::from_slice(json);
    // Option/Nullable wrappers show up as `?` segments; the contract's paths have none.
    let parsed: Result<T, _> = serde_ignored::deserialize(&mut deserializer, |path| {
        ignored.push(path.to_string().split('.').filter(|segment| *segment != "?").collect::<Vec<_>>().join("."))
    });
    if parsed.is_err() {
        return Vec::new();
    }
    ignored
        .into_iter()
        .map(|field| {
            if SERVER_OWNED.contains(&field.as_str()) {
                FieldError::new(field, "read_only", "is set by the server and cannot be sent")
            } else {
                FieldError::new(field, "unknown_field", "is not a field of this schema")
            }
        })
        .collect()
}

fn is_json(request: &Request) -> bool {
    request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"))
}

fn is_length_limit(err: &axum::Error) -> bool {
    let mut source: Option<&(dyn std::error::Error + 'static)> = Some(err);
    while let Some(current) = source {
        if current.is::<LengthLimitError>() {
            return true;
        }
        source = current.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reported(json: &str) -> Vec<(String, &'static str)> {
        unknown_fields::<models::PatientInput>(json.as_bytes()).into_iter().map(|f| (f.field, f.reason)).collect()
    }

    #[test]
    fn unknown_and_server_owned_fields_are_named() {
        let base = r#""given_name":"A","family_name":"B","date_of_birth":"2000-01-01""#;
        assert!(reported(&format!("{{{base}}}")).is_empty());
        assert_eq!(reported(&format!(r#"{{{base},"nickname":"x"}}"#)), [("nickname".into(), "unknown_field")]);
        assert_eq!(reported(&format!(r#"{{{base},"version":9}}"#)), [("version".into(), "read_only")]);
        assert_eq!(
            reported(&format!(r#"{{{base},"address":{{"line1":"x","planet":"Mars"}}}}"#)),
            [("address.planet".into(), "unknown_field")]
        );
    }

    #[test]
    fn bodies_that_do_not_parse_are_left_to_the_extractor() {
        assert!(reported(r#"{"nickname":"x"}"#).is_empty());
        assert!(reported("not json").is_empty());
    }
}
