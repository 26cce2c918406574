//! JSON text to a [`Value`], refusing an object that names a member twice.
//!
//! `serde_json::Value` keeps the last of repeated names, so `{"given_name": "A",
//! "given_name": "B"}` would silently become `B`. A record of patient data must not guess
//! which one the client meant: such a body is refused, as the typed models refuse it.
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// Why a body did not parse.
#[derive(Debug, PartialEq, Eq)]
pub enum StrictJsonError {
    /// Not JSON at all.
    Syntax,
    /// An object names the same member more than once.
    RepeatedName,
}

pub fn parse(text: &[u8]) -> Result<Value, StrictJsonError> {
    match serde_json::from_slice::<StrictValue>(text) {
        Ok(StrictValue(value)) => Ok(value),
        // Our visitor's only error; serde_json classifies errors raised by visitors as data
        // errors, never as syntax errors.
        Err(err) if err.is_data() => Err(StrictJsonError::RepeatedName),
        Err(_) => Err(StrictJsonError::Syntax),
    }
}

struct StrictValue(Value);

impl<'de> Deserialize<'de> for StrictValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictValueVisitor).map(StrictValue)
    }
}

struct StrictValueVisitor;

impl<'de> Visitor<'de> for StrictValueVisitor {
    type Value = Value;

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        // JSON text has no NaN or infinity, so this is always a number.
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_owned()))
    }

    fn visit_string<E>(self, value: String) -> Result<Value, E> {
        Ok(Value::String(value))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(StrictValue(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(name) = map.next_key::<String>()? {
            let StrictValue(value) = map.next_value()?;
            // The name is the client's text: it stays out of the error.
            if members.insert(name, value).is_some() {
                return Err(de::Error::custom("an object names a member twice"));
            }
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn parses_what_serde_json_parses() {
        let text = br#"{"a": [1, -2, 3.5, 18446744073709551615, "x\u00e9", true, null, {}], "b": {"c": ""}}"#;
        assert_eq!(parse(text), Ok(serde_json::from_slice::<Value>(text).unwrap()));
        assert_eq!(parse(b"\"top\""), Ok(json!("top")));
    }

    #[test]
    fn a_repeated_name_is_refused_at_any_depth() {
        assert_eq!(parse(br#"{"a": 1, "a": 1}"#), Err(StrictJsonError::RepeatedName));
        assert_eq!(parse(br#"{"x": [{"a": 1, "b": 2, "a": 3}]}"#), Err(StrictJsonError::RepeatedName));
        assert_eq!(parse(br#"{"a": {"a": 1}}"#), Ok(json!({"a": {"a": 1}})));
    }

    #[test]
    fn broken_text_is_a_syntax_error() {
        for text in [&b"{"[..], b"{\"a\": }", b"", b"{} {}", b"[1,]", b"\xff"] {
            assert_eq!(parse(text), Err(StrictJsonError::Syntax), "{:?}", String::from_utf8_lossy(text));
        }
    }
}
