//! Checks every request against its operation's schemas in the contract before the handler
//! runs: query parameters (unknown and repeated ones included), header parameters and the
//! JSON body. A request that breaks the schema gets `400 invalid_parameter`,
//! `400 malformed_json` or `422 validation_failed` naming every offending field. The parsed
//! body goes on to the operation's extractor, so its text is parsed once.
use std::collections::HashSet;

use axum::{
    body::{Body, to_bytes},
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use http::{HeaderMap, header};
use http_body_util::LengthLimitError;
use patient_api::server::ParsedJsonBody;

use super::{
    operation::CurrentOperation,
    strict_json::{self, StrictJsonError},
};
use crate::{
    contract::{Operation, validation::printable_name},
    error::{ApiError, FieldError, MAX_BODY_BYTES},
};

/// Route layer, inside authentication: unauthenticated callers learn nothing about schemas.
pub async fn validate_request(request: Request, next: Next) -> Response {
    let Some(CurrentOperation(operation)) = request.extensions().get::<CurrentOperation>().copied() else {
        return next.run(request).await;
    };
    let mut problems = query_problems(operation, request.uri().query());
    problems.extend(header_problems(operation, request.headers()));
    if !problems.is_empty() {
        return ApiError::InvalidParameter(problems).into_response();
    }
    // A body that is not JSON is left to the generated extractor, which answers 415.
    let Some(schema) = &operation.body else { return next.run(request).await };
    if !is_json(request.headers()) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => bytes,
        Err(err) if is_length_limit(&err) => return ApiError::PayloadTooLarge.into_response(),
        Err(_) => return ApiError::BadRequest.into_response(),
    };
    let parsed = match strict_json::parse(&bytes) {
        Ok(parsed) => parsed,
        Err(StrictJsonError::Syntax) => return ApiError::MalformedJson.into_response(),
        Err(StrictJsonError::RepeatedName) => return ApiError::Validation(vec![repeated_name()]).into_response(),
    };
    let problems = schema.check(&parsed);
    if !problems.is_empty() {
        return ApiError::Validation(problems).into_response();
    }
    let mut request = Request::from_parts(parts, Body::empty());
    request.extensions_mut().insert(ParsedJsonBody(parsed));
    next.run(request).await
}

fn repeated_name() -> FieldError {
    FieldError::new("body", "duplicate_field", "an object in the body names the same member more than once")
}

/// Unknown, repeated and malformed query parameters, and missing required ones. An empty
/// value of an `allowEmptyValue` parameter counts as absent.
fn query_problems(operation: &Operation, query: Option<&str>) -> Vec<FieldError> {
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for (name, value) in form_urlencoded::parse(query.unwrap_or_default().as_bytes()) {
        let Some(param) = operation.query.iter().find(|p| p.name == name) else {
            problems.push(FieldError::new(
                printable_name(&name),
                "unknown_parameter",
                "is not a parameter of this operation",
            ));
            continue;
        };
        if !seen.insert(param.name.as_str()) {
            problems.push(FieldError::new(param.name.clone(), "duplicate_parameter", "must be sent at most once"));
            continue;
        }
        if value.is_empty() && param.allow_empty {
            seen.remove(param.name.as_str());
            continue;
        }
        problems.extend(param.check(&value));
    }
    for param in operation.query.iter().filter(|p| p.required && !seen.contains(p.name.as_str())) {
        problems.push(FieldError::new(param.name.clone(), "required", "is required"));
    }
    problems
}

/// Header parameters that break their schema. Values that are not visible ASCII are left
/// to the generated code, which refuses them.
fn header_problems(operation: &Operation, headers: &HeaderMap) -> Vec<FieldError> {
    let mut problems = Vec::new();
    for param in &operation.headers {
        let values: Result<Vec<&str>, _> = headers.get_all(param.name.as_str()).iter().map(|v| v.to_str()).collect();
        match values {
            Ok(values) if values.is_empty() => {
                if param.required {
                    problems.push(FieldError::new(param.name.clone(), "required", "is required"));
                }
            }
            Ok(values) => problems.extend(param.check(&values.join(", "))),
            Err(_) => {}
        }
    }
    problems
}

/// The generated extractor's rule (axum's `Json`): `application/json` or `application/*+json`.
fn is_json(headers: &HeaderMap) -> bool {
    let Some(mime) =
        headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).and_then(|v| v.parse::<mime::Mime>().ok())
    else {
        return false;
    };
    mime.type_() == "application" && (mime.subtype() == "json" || mime.suffix().is_some_and(|s| s == "json"))
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
    use crate::contract::contract;

    fn problems(query: &str) -> Vec<(String, &'static str)> {
        query_problems(contract().operation("listPatients"), Some(query))
            .into_iter()
            .map(|e| (e.field, e.reason))
            .collect()
    }

    #[test]
    fn unknown_repeated_and_malformed_parameters_are_named() {
        assert!(problems("family_name=Rivera&limit=5&cursor=").is_empty());
        assert_eq!(problems("familyname=Rivera"), [("familyname".into(), "unknown_parameter")]);
        assert_eq!(problems("limit=1&limit=2"), [("limit".into(), "duplicate_parameter")]);
        assert_eq!(problems("limit=0"), [("limit".into(), "out_of_range")]);
        assert_eq!(problems("dob=1990-1-2"), [("dob".into(), "invalid_format")]);
        assert_eq!(problems("Mar%C3%ADa=1"), [("(unprintable name)".into(), "unknown_parameter")]);
    }

    #[test]
    fn json_content_types_follow_the_extractor() {
        for (value, json) in [
            ("application/json", true),
            ("application/json; charset=utf-8", true),
            ("application/merge-patch+json", true),
            ("text/plain", false),
            ("application/jsonx", false),
        ] {
            let mut headers = HeaderMap::new();
            headers.insert(header::CONTENT_TYPE, value.parse().unwrap());
            assert_eq!(is_json(&headers), json, "{value}");
        }
        assert!(!is_json(&HeaderMap::new()));
    }
}
