//! Checks request parameters and bodies against the contract's schemas, with a standard JSON
//! Schema validator, and reports each problem as a [`FieldError`] naming the field path and a
//! stable reason, never the value (it may be PHI).
//!
//! This is the schema half of validation (types, shapes, required fields, unknown fields,
//! lengths, formats, patterns, ranges); the domain types (`crate::domain`) add the business
//! rules the schema cannot express and normalize what is stored.
use jsonschema::{
    ValidationError, Validator,
    error::{TypeKind, ValidationErrorKind},
    paths::LocationSegment,
};
use serde_json::Value;

use super::schema::{resolve, to_json_schema};
use crate::error::FieldError;

fn validator(schema: &Value) -> Result<Validator, String> {
    jsonschema::options()
        .with_draft(jsonschema::Draft::Draft202012)
        .should_validate_formats(true)
        // Emails are checked by `domain::email`, whose rules (and reasons) are the contract's.
        .with_format("email", |_: &str| true)
        .build(schema)
        .map_err(|e| format!("schema does not compile: {e}"))
}

/// How a query or header parameter's text becomes a JSON value before it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scalar {
    String,
    Integer,
    Number,
    Boolean,
}

/// One query or header parameter of an operation.
pub struct ParamSchema {
    pub name: String,
    pub required: bool,
    /// `allowEmptyValue`: an empty value counts as absent.
    pub allow_empty: bool,
    /// The schema's `default`: what the operation does when the parameter is absent.
    pub default: Option<Value>,
    scalar: Scalar,
    validator: Validator,
}

impl std::fmt::Debug for ParamSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ParamSchema").field("name", &self.name).finish_non_exhaustive()
    }
}

impl ParamSchema {
    pub(super) fn compile(spec: &Value, param: &Value) -> Result<Self, String> {
        let name = param["name"].as_str().ok_or("a parameter has no name")?.to_owned();
        let schema = to_json_schema(spec, &param["schema"])?;
        let scalar = match schema["type"].as_str() {
            Some("integer") => Scalar::Integer,
            Some("number") => Scalar::Number,
            Some("boolean") => Scalar::Boolean,
            Some("string") | None => Scalar::String,
            Some(other) => return Err(format!("parameter {name}: type {other} is not supported")),
        };
        Ok(Self {
            default: schema.get("default").cloned(),
            required: param["required"].as_bool().unwrap_or(false),
            allow_empty: param["allowEmptyValue"].as_bool().unwrap_or(false),
            scalar,
            validator: validator(&schema).map_err(|e| format!("parameter {name}: {e}"))?,
            name,
        })
    }

    /// The problems of one raw value, reported under the parameter's name.
    pub fn check(&self, raw: &str) -> Vec<FieldError> {
        let value = match self.scalar {
            Scalar::String => Value::String(raw.to_owned()),
            Scalar::Integer => raw.parse::<i64>().map_or_else(|_| Value::String(raw.to_owned()), Value::from),
            Scalar::Number => raw
                .parse::<f64>()
                .ok()
                .and_then(serde_json::Number::from_f64)
                .map_or_else(|| Value::String(raw.to_owned()), Value::Number),
            Scalar::Boolean => match raw {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::String(raw.to_owned()),
            },
        };
        field_errors(self.validator.iter_errors(&value), &self.name, None)
    }
}

/// The JSON body of an operation.
pub struct BodySchema {
    pub required: bool,
    validator: Validator,
    /// The schema of the resource the operation answers with: a field of the resource that
    /// the body may not carry is server-owned (`read_only`), any other is `unknown_field`.
    resource: Option<Value>,
}

impl std::fmt::Debug for BodySchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BodySchema").field("required", &self.required).finish_non_exhaustive()
    }
}

impl BodySchema {
    /// `None` when the operation takes no JSON body.
    pub(super) fn compile(spec: &Value, request_body: &Value, operation: &Value) -> Result<Option<Self>, String> {
        let request_body = resolve(spec, request_body)?;
        let Some(schema) = request_body.pointer("/content/application~1json/schema") else { return Ok(None) };
        let resource = operation["responses"]
            .as_object()
            .into_iter()
            .flatten()
            .filter(|(status, _)| status.starts_with('2'))
            .find_map(|(_, response)| {
                let response = resolve(spec, response).ok()?;
                response.pointer("/content/application~1json/schema").map(|s| to_json_schema(spec, s))
            })
            .transpose()?;
        Ok(Some(Self {
            required: request_body["required"].as_bool().unwrap_or(false),
            validator: validator(&to_json_schema(spec, schema)?)?,
            resource,
        }))
    }

    /// Every problem of a parsed body, by field path (`address.postal_code`).
    pub fn check(&self, body: &Value) -> Vec<FieldError> {
        field_errors(self.validator.iter_errors(body), "", self.resource.as_ref())
    }
}

/// One [`FieldError`] per offending field (the first problem found), in document order.
fn field_errors<'a>(
    errors: impl Iterator<Item = ValidationError<'a>>,
    base: &str,
    resource: Option<&Value>,
) -> Vec<FieldError> {
    let mut reported: Vec<FieldError> = Vec::new();
    for error in errors {
        let segments: Vec<String> = error.instance_path().segments().map(|s| segment(&s)).collect();
        let at = join(base, &segments);
        let found: Vec<FieldError> = match error.kind() {
            ValidationErrorKind::Required { property } => {
                let name = property.as_str().map_or_else(|| "(unnamed)".to_owned(), printable_name);
                vec![FieldError::new(join(&at, &[name]), "required", "is required")]
            }
            ValidationErrorKind::AdditionalProperties { unexpected } => unexpected
                .iter()
                .map(|name| {
                    let field = join(&at, &[printable_name(name)]);
                    let mut path: Vec<&str> = segments.iter().map(String::as_str).collect();
                    path.push(name);
                    if resource.is_some_and(|r| has_property(r, &path)) {
                        FieldError::new(field, "read_only", "is set by the server and cannot be sent")
                    } else {
                        FieldError::new(field, "unknown_field", "is not a field of this schema")
                    }
                })
                .collect(),
            kind => {
                let (reason, message) = describe(kind);
                let field = if at.is_empty() { "body".to_owned() } else { at };
                vec![FieldError::new(field, reason, message)]
            }
        };
        for error in found {
            if !reported.iter().any(|r| r.field == error.field) {
                reported.push(error);
            }
        }
    }
    reported
}

fn describe(kind: &ValidationErrorKind) -> (&'static str, String) {
    match kind {
        ValidationErrorKind::Type { kind } => {
            let expected: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string()],
                TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
            };
            ("invalid_type", format!("must be of JSON type {}", expected.join(" or ")))
        }
        ValidationErrorKind::Enum { options } => {
            let allowed: Vec<String> =
                options.as_array().into_iter().flatten().filter_map(Value::as_str).map(str::to_owned).collect();
            ("invalid_value", format!("must be one of: {}", allowed.join(", ")))
        }
        ValidationErrorKind::MinLength { limit: 1 } => ("required", "must not be empty".into()),
        ValidationErrorKind::MinLength { limit } => ("too_short", format!("must be at least {limit} characters")),
        ValidationErrorKind::MaxLength { limit } => ("too_long", format!("must be at most {limit} characters")),
        ValidationErrorKind::Minimum { limit } => ("out_of_range", format!("must be at least {limit}")),
        ValidationErrorKind::Maximum { limit } => ("out_of_range", format!("must be at most {limit}")),
        ValidationErrorKind::Format { format } => (
            "invalid_format",
            match format.as_str() {
                "date" => "must be a date in the form YYYY-MM-DD".into(),
                "uuid" => "must be a UUID".into(),
                "date-time" => "must be an RFC 3339 date-time".into(),
                other => format!("must be a valid {other}"),
            },
        ),
        ValidationErrorKind::Pattern { .. } => ("invalid_format", "is not in the documented format".into()),
        _ => ("invalid_value", "is not allowed here".into()),
    }
}

fn segment(segment: &LocationSegment<'_>) -> String {
    match segment {
        LocationSegment::Property(name) => printable_name(name),
        LocationSegment::Index(index) => format!("[{index}]"),
    }
}

fn join(base: &str, segments: &[String]) -> String {
    let mut path = base.to_owned();
    for segment in segments {
        if !path.is_empty() && !segment.starts_with('[') {
            path.push('.');
        }
        path.push_str(segment);
    }
    path
}

/// A client-chosen name (an unknown field or parameter) as it may appear in an error: names
/// made of identifier characters are echoed, anything else is not (it could carry PHI or
/// terminal escapes).
pub fn printable_name(name: &str) -> String {
    let printable = (1..=64).contains(&name.len())
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'));
    if printable { name.to_owned() } else { "(unprintable name)".to_owned() }
}

/// Whether `schema` (JSON Schema) defines the property path `path`.
fn has_property(schema: &Value, path: &[&str]) -> bool {
    let Some((first, rest)) = path.split_first() else { return true };
    match schema.get("properties").and_then(|p| p.get(*first)) {
        Some(property) => has_property(property, rest),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::contract::contract;

    fn reasons(errors: Vec<FieldError>) -> Vec<(String, &'static str)> {
        errors.into_iter().map(|e| (e.field, e.reason)).collect()
    }

    fn create_body() -> &'static BodySchema {
        contract().operation("createPatient").body.as_ref().unwrap()
    }

    fn valid() -> Value {
        json!({"given_name": "Ann", "family_name": "Lee", "date_of_birth": "2001-02-03",
               "sex_at_birth": "female", "gender_identity": "woman"})
    }

    #[test]
    fn a_valid_body_has_no_problems() {
        assert!(create_body().check(&valid()).is_empty());
    }

    #[test]
    fn shapes_are_enforced() {
        let mut body = valid();
        body["address"] = json!(["1 Main St"]);
        assert_eq!(reasons(create_body().check(&body)), [("address".into(), "invalid_type")]);
        assert_eq!(reasons(create_body().check(&json!([valid()]))), [("body".into(), "invalid_type")]);
        body["address"] = json!({"line1": "1 Main", "city": "X", "state_province": "Y"});
        assert_eq!(reasons(create_body().check(&body)), [("address.country".into(), "required")]);
    }

    #[test]
    fn dates_are_exactly_yyyy_mm_dd() {
        for bad in ["1990-1-2", "-5000-01-01", "1990-02-30", "19900102", "1990-01-02T00:00:00Z"] {
            let mut body = valid();
            body["date_of_birth"] = json!(bad);
            assert_eq!(reasons(create_body().check(&body)), [("date_of_birth".into(), "invalid_format")], "{bad}");
        }
    }

    #[test]
    fn unknown_and_server_owned_fields_are_named() {
        let mut body = valid();
        body["nickname"] = json!("x");
        body["version"] = json!(3);
        body["is_deleted"] = json!(false);
        let mut found = reasons(create_body().check(&body));
        found.sort();
        assert_eq!(
            found,
            [("is_deleted".into(), "read_only"), ("nickname".into(), "unknown_field"), ("version".into(), "read_only")]
        );
        body = valid();
        body["address"] = json!({"line1": "1", "city": "c", "state_province": "s", "country": "US", "planet": "Mars"});
        assert_eq!(reasons(create_body().check(&body)), [("address.planet".into(), "unknown_field")]);
    }

    #[test]
    fn missing_required_fields_are_each_reported() {
        let found = reasons(create_body().check(&json!({})));
        let fields: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        for field in ["given_name", "family_name", "date_of_birth", "sex_at_birth", "gender_identity"] {
            assert!(fields.contains(&field), "{field} not reported: {found:?}");
        }
    }

    #[test]
    fn enums_are_strict() {
        for bad in ["Female", "female ", "non_binary", "prefer_not_to_say"] {
            let mut body = valid();
            body["gender_identity"] = json!(bad);
            assert_eq!(reasons(create_body().check(&body)), [("gender_identity".into(), "invalid_value")], "{bad}");
        }
    }

    #[test]
    fn query_parameters_are_coerced_and_checked() {
        let list = contract().operation("listPatients");
        let limit = list.query.iter().find(|p| p.name == "limit").unwrap();
        assert!(limit.check("20").is_empty());
        assert_eq!(reasons(limit.check("0")), [("limit".into(), "out_of_range")]);
        assert_eq!(reasons(limit.check("abc")), [("limit".into(), "invalid_type")]);
        let dob = list.query.iter().find(|p| p.name == "dob").unwrap();
        assert!(dob.check("1984-03-15").is_empty());
        assert_eq!(reasons(dob.check("-5000-01-01")), [("dob".into(), "invalid_format")]);
    }

    #[test]
    fn messages_never_quote_the_value() {
        let mut body = valid();
        body["given_name"] = json!("Zebulon".repeat(20));
        body["gender_identity"] = json!("Quixotic");
        for error in create_body().check(&body) {
            assert!(!error.message.contains("Zebulon") && !error.message.contains("Quixotic"), "{error:?}");
        }
    }

    #[test]
    fn client_chosen_names_are_echoed_only_when_harmless() {
        assert_eq!(printable_name("nickname"), "nickname");
        assert_eq!(printable_name("María Rivera"), "(unprintable name)");
        assert_eq!(printable_name(&"x".repeat(65)), "(unprintable name)");
    }
}
