//! Personal names (and the free text for gender identity "other").
use unicode_normalization::{UnicodeNormalization, char::is_combining_mark};

use crate::error::FieldError;

/// A name: Unicode NFC, trimmed, every whitespace run collapsed to one space, 1–`max`
/// characters of letters and combining marks of any script, spaces, hyphens, apostrophes
/// (' and ’) and periods.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct PersonName(String);

impl PersonName {
    pub fn parse(raw: &str, field: &str, max_chars: usize) -> Result<Self, FieldError> {
        let normalized = normalize(raw);
        let length = normalized.chars().count();
        if length == 0 {
            return Err(FieldError::new(field, "required", "must not be empty"));
        }
        if length > max_chars {
            return Err(FieldError::new(field, "too_long", format!("must be at most {max_chars} characters")));
        }
        if !normalized.chars().all(is_allowed) {
            return Err(FieldError::new(
                field,
                "invalid_characters",
                "may contain only letters, spaces, hyphens, apostrophes and periods",
            ));
        }
        Ok(Self(normalized))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

/// NFC, trimmed, whitespace runs collapsed to one space (also used for name filters).
pub fn normalize(raw: &str) -> String {
    let composed: String = raw.nfc().collect();
    composed.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn is_allowed(c: char) -> bool {
    c.is_alphabetic() || is_combining_mark(c) || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_normalized() {
        let cases = [
            ("  Mary  ", "Mary"),
            ("Mary\t\n Ann", "Mary Ann"),
            ("O'Brien", "O'Brien"),
            ("O\u{2019}Brien", "O\u{2019}Brien"),
            ("Jean-Luc", "Jean-Luc"),
            ("St. John", "St. John"),
            ("Jose\u{301}", "Jos\u{e9}"),
            ("李", "李"),
            ("Мария", "Мария"),
            ("محمد", "محمد"),
        ];
        for (raw, expected) in cases {
            assert_eq!(PersonName::parse(raw, "given_name", 100).unwrap().as_str(), expected, "{raw:?}");
        }
    }

    #[test]
    fn invalid_names_are_rejected_with_a_reason() {
        let cases = [
            ("", "required"),
            ("   \t", "required"),
            ("R2D2", "invalid_characters"),
            ("Bob!", "invalid_characters"),
            ("Ann\u{0}", "invalid_characters"),
            ("a@b", "invalid_characters"),
        ];
        for (raw, reason) in cases {
            let err = PersonName::parse(raw, "given_name", 100).unwrap_err();
            assert_eq!(err.reason, reason, "{raw:?}");
            assert_eq!(err.field, "given_name");
            assert!(!err.message.contains(raw.trim()) || raw.trim().is_empty());
        }
    }

    #[test]
    fn length_counts_characters_after_normalization() {
        assert!(PersonName::parse(&"é".repeat(100), "f", 100).is_ok());
        assert!(PersonName::parse(&"e\u{301}".repeat(100), "f", 100).is_ok());
        assert_eq!(PersonName::parse(&"a".repeat(101), "f", 100).unwrap_err().reason, "too_long");
        assert!(PersonName::parse(&format!("  {}  ", "a".repeat(100)), "f", 100).is_ok());
    }
}
