//! OpenAPI 3.0 schema objects → self-contained JSON Schema (2020-12) documents.
//!
//! OpenAPI 3.0 schemas are a dialect: `nullable` instead of a `"null"` type, `$ref`s into
//! `components`, and annotation keywords JSON Schema does not know. The conversion inlines
//! every `$ref` (the contract's schemas are not recursive) and spells `nullable` the JSON
//! Schema way, so a standard validator checks exactly what the contract says.
use serde_json::{Map, Value, json};

/// Keywords that describe rather than constrain, or have no JSON Schema meaning.
const ANNOTATIONS: &[&str] =
    &["nullable", "example", "description", "readOnly", "writeOnly", "deprecated", "xml", "externalDocs"];

/// Follows a local `$ref` (`#/components/...`) until an object without one is reached.
pub fn resolve<'a>(spec: &'a Value, node: &'a Value) -> Result<&'a Value, String> {
    let mut current = node;
    for _ in 0..16 {
        let Some(reference) = current.get("$ref").and_then(Value::as_str) else { return Ok(current) };
        let pointer =
            reference.strip_prefix('#').ok_or_else(|| format!("only local $refs are supported: {reference}"))?;
        current = spec.pointer(pointer).ok_or_else(|| format!("dangling $ref {reference}"))?;
    }
    Err("a $ref chain is too long (recursive?)".into())
}

/// The JSON Schema equivalent of an OpenAPI schema object.
pub fn to_json_schema(spec: &Value, schema: &Value) -> Result<Value, String> {
    let schema = resolve(spec, schema)?;
    let Some(object) = schema.as_object() else { return Ok(schema.clone()) };
    let mut out = Map::new();
    for (keyword, value) in object {
        if ANNOTATIONS.contains(&keyword.as_str()) || keyword.starts_with("x-") {
            continue;
        }
        let converted = match keyword.as_str() {
            "properties" => Value::Object(
                value
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(name, property)| Ok((name.clone(), to_json_schema(spec, property)?)))
                    .collect::<Result<_, String>>()?,
            ),
            "items" | "not" => to_json_schema(spec, value)?,
            "additionalProperties" if value.is_object() => to_json_schema(spec, value)?,
            "allOf" | "anyOf" | "oneOf" => Value::Array(
                value.as_array().into_iter().flatten().map(|s| to_json_schema(spec, s)).collect::<Result<_, _>>()?,
            ),
            _ => value.clone(),
        };
        out.insert(keyword.clone(), converted);
    }
    if object.get("nullable") == Some(&Value::Bool(true)) {
        if let Some(kind) = out.get("type").cloned() {
            out.insert("type".into(), json!([kind, "null"]));
        }
        if let Some(Value::Array(options)) = out.get_mut("enum")
            && !options.contains(&Value::Null)
        {
            options.push(Value::Null);
        }
    }
    Ok(Value::Object(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refs_are_inlined_and_nullable_becomes_a_null_type() {
        let spec = json!({"components": {"schemas": {
            "Address": {"type": "object", "nullable": true, "description": "x",
                        "properties": {"line1": {"type": "string", "example": "1 Main"}}},
            "Kind": {"type": "string", "enum": ["a", "b"], "nullable": true}
        }}});
        let converted = to_json_schema(&spec, &json!({"$ref": "#/components/schemas/Address"})).unwrap();
        assert_eq!(converted, json!({"type": ["object", "null"], "properties": {"line1": {"type": "string"}}}));
        let kind = to_json_schema(&spec, &json!({"$ref": "#/components/schemas/Kind"})).unwrap();
        assert_eq!(kind, json!({"type": ["string", "null"], "enum": ["a", "b", null]}));
    }

    #[test]
    fn bad_refs_are_reported() {
        let spec = json!({"components": {}});
        assert!(to_json_schema(&spec, &json!({"$ref": "#/components/schemas/Nope"})).is_err());
        assert!(to_json_schema(&spec, &json!({"$ref": "other.yaml#/x"})).is_err());
        let looping = json!({"a": {"$ref": "#/a"}});
        assert!(resolve(&looping, &json!({"$ref": "#/a"})).is_err());
    }
}
