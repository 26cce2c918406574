//! Strong entity tags derived from a patient's version, and `If-Match` evaluation
//! (RFC 9110 §13.1.1: strong comparison, so weak tags never match).
use crate::error::{ApiError, FieldError};

/// The `ETag` of a patient at `version`.
pub fn for_version(version: i64) -> String {
    format!("\"{version}\"")
}

/// What an `If-Match` header allows a write to proceed on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Precondition {
    /// No header, or `*`: any current version.
    Any,
    /// Only these versions (possibly none, when every listed tag is weak or foreign).
    Versions(Vec<i64>),
}

impl Precondition {
    pub fn from_if_match(header: Option<&str>) -> Result<Self, ApiError> {
        let Some(raw) = header else { return Ok(Precondition::Any) };
        if raw.trim() == "*" {
            return Ok(Precondition::Any);
        }
        let tags = parse_entity_tags(raw).ok_or_else(|| {
            ApiError::InvalidParameter(vec![FieldError::new(
                "If-Match",
                "invalid_format",
                "must be * or a list of entity tags such as \"3\"",
            )])
        })?;
        Ok(Precondition::Versions(
            tags.into_iter().filter(|tag| !tag.weak).filter_map(|tag| tag.opaque.parse::<i64>().ok()).collect(),
        ))
    }

    pub fn allows(&self, version: i64) -> bool {
        match self {
            Precondition::Any => true,
            Precondition::Versions(versions) => versions.contains(&version),
        }
    }
}

struct EntityTag<'a> {
    weak: bool,
    opaque: &'a str,
}

/// `1#entity-tag`, where entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE. `None` when malformed.
fn parse_entity_tags(raw: &str) -> Option<Vec<EntityTag<'_>>> {
    let mut tags = Vec::new();
    let mut rest = raw.trim_start_matches([' ', '\t', ',']);
    while !rest.is_empty() {
        let (weak, after_prefix) = match rest.strip_prefix("W/") {
            Some(r) => (true, r),
            None => (false, rest),
        };
        let quoted = after_prefix.strip_prefix('"')?;
        let end = quoted.find('"')?;
        let opaque = &quoted[..end];
        if !opaque.bytes().all(|b| b == 0x21 || (0x23..=0x7E).contains(&b) || b >= 0x80) {
            return None;
        }
        tags.push(EntityTag { weak, opaque });
        rest = quoted[end + 1..].trim_start_matches([' ', '\t']);
        if !rest.is_empty() {
            rest = rest.strip_prefix(',')?.trim_start_matches([' ', '\t', ',']);
        }
    }
    (!tags.is_empty()).then_some(tags)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_strong_and_quoted() {
        assert_eq!(for_version(7), "\"7\"");
    }

    #[test]
    fn if_match_lists_are_parsed() {
        let cases = [
            (None, Precondition::Any),
            (Some("*"), Precondition::Any),
            (Some("\"3\""), Precondition::Versions(vec![3])),
            (Some("\"1\", \"2\""), Precondition::Versions(vec![1, 2])),
            (Some("W/\"3\""), Precondition::Versions(vec![])),
            (Some("\"abc\",W/\"4\", \"5\""), Precondition::Versions(vec![5])),
        ];
        for (header, expected) in cases {
            assert_eq!(Precondition::from_if_match(header).unwrap(), expected, "{header:?}");
        }
    }

    #[test]
    fn malformed_if_match_is_rejected() {
        for header in ["3", "\"3", "\"3\" \"4\"", "", "W/3", "\"a\"b"] {
            assert!(Precondition::from_if_match(Some(header)).is_err(), "{header:?}");
        }
    }

    #[test]
    fn preconditions_allow_only_listed_versions() {
        assert!(Precondition::Any.allows(9));
        assert!(Precondition::Versions(vec![2, 3]).allows(3));
        assert!(!Precondition::Versions(vec![2]).allows(3));
        assert!(!Precondition::Versions(vec![]).allows(1));
    }
}
