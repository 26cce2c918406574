//! Opaque keyset cursors: the last row's sort key, encoded so clients pass it back unchanged
//! instead of building it. Patients sort by `(created_at, patient_id)`, audit entries by
//! `audit_id`.
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chrono::{DateTime, Datelike, Utc};
use serde::{Deserialize, Serialize, de::DeserializeOwned};
use uuid::Uuid;

/// The cursor is not one this service issued (or was altered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("invalid cursor")]
pub struct InvalidCursor;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageCursor {
    /// `created_at` in microseconds since the epoch (PostgreSQL's precision).
    #[serde(rename = "t")]
    created_at_micros: i64,
    #[serde(rename = "i")]
    patient_id: Uuid,
}

impl PageCursor {
    pub fn after(created_at: DateTime<Utc>, patient_id: Uuid) -> Self {
        Self { created_at_micros: created_at.timestamp_micros(), patient_id }
    }

    pub fn created_at(&self) -> DateTime<Utc> {
        DateTime::from_timestamp_micros(self.created_at_micros).expect("decode admits only representable instants")
    }

    pub fn patient_id(&self) -> Uuid {
        self.patient_id
    }

    pub fn encode(&self) -> String {
        encode(self)
    }

    /// Only instants in years 1–9999 are positions this service can have issued, and all of
    /// them are within PostgreSQL's `timestamptz` range.
    pub fn decode(raw: &str) -> Result<Self, InvalidCursor> {
        let cursor: Self = decode(raw)?;
        let at = DateTime::from_timestamp_micros(cursor.created_at_micros).ok_or(InvalidCursor)?;
        if !(1..=9999).contains(&at.year()) {
            return Err(InvalidCursor);
        }
        Ok(cursor)
    }
}

/// The position after one audit entry of a patient's trail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditCursor {
    #[serde(rename = "a")]
    audit_id: i64,
}

impl AuditCursor {
    pub fn after(audit_id: i64) -> Self {
        Self { audit_id }
    }

    pub fn audit_id(&self) -> i64 {
        self.audit_id
    }

    pub fn encode(&self) -> String {
        encode(self)
    }

    pub fn decode(raw: &str) -> Result<Self, InvalidCursor> {
        decode(raw)
    }
}

/// base64url of the key's JSON: opaque to clients, trivially versionable here.
fn encode<T: Serialize>(key: &T) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(key).expect("a cursor always serializes"))
}

/// Anything that is not a cursor of the expected kind is `invalid_cursor`, never a 500.
fn decode<T: DeserializeOwned>(raw: &str) -> Result<T, InvalidCursor> {
    let bytes = URL_SAFE_NO_PAD.decode(raw.trim()).map_err(|_| InvalidCursor)?;
    serde_json::from_slice(&bytes).map_err(|_| InvalidCursor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip_at_microsecond_precision() {
        let at = DateTime::from_timestamp_micros(1_763_805_600_123_456).unwrap();
        let cursor = PageCursor::after(at, Uuid::new_v4());
        let decoded = PageCursor::decode(&cursor.encode()).unwrap();
        assert_eq!(decoded, cursor);
        assert_eq!(decoded.created_at(), at);
    }

    #[test]
    fn audit_cursors_round_trip_and_are_not_patient_cursors() {
        let cursor = AuditCursor::after(42);
        assert_eq!(AuditCursor::decode(&cursor.encode()).unwrap(), cursor);
        let patient_cursor = PageCursor::after(Utc::now(), Uuid::new_v4()).encode();
        assert!(matches!(AuditCursor::decode(&patient_cursor), Err(InvalidCursor)));
        assert!(matches!(PageCursor::decode(&cursor.encode()), Err(InvalidCursor)));
    }

    #[test]
    fn garbage_is_an_invalid_cursor() {
        let extreme = URL_SAFE_NO_PAD.encode(r#"{"t":-300000000000000000,"i":"00000000-0000-0000-0000-000000000000"}"#);
        let far_future =
            URL_SAFE_NO_PAD.encode(r#"{"t":300000000000000000,"i":"00000000-0000-0000-0000-000000000000"}"#);
        for raw in ["", "!!!", "bm90LWpzb24", "eyJ0IjoxfQ", &"A".repeat(600), &extreme, &far_future] {
            assert!(matches!(PageCursor::decode(raw), Err(InvalidCursor)), "{raw}");
        }
    }
}
