//! Strong entity tags derived from a patient's version, and `If-Match` evaluation (RFC 9110
//! §13.1.1: strong comparison, so weak tags never match), with the `headers` crate.
//!
//! The syntax of an `If-Match` value is the contract's (its pattern is checked before a
//! handler runs); here it is only evaluated.
use headers::{ETag, Header, IfMatch};
use http::HeaderValue;

/// The `ETag` of a patient at `version`.
pub fn for_version(version: i64) -> String {
    format!("\"{version}\"")
}

/// What an `If-Match` header allows a write to proceed on.
#[derive(Debug, Clone, PartialEq)]
pub enum Precondition {
    /// No header: any current version.
    Any,
    Header(IfMatch),
    /// A header that cannot be decoded at all matches nothing (the contract's check refuses
    /// such values before a handler runs).
    Unmatchable,
}

impl Precondition {
    /// From the header's value, `None` when it was not sent.
    pub fn from_if_match(header: Option<&str>) -> Self {
        let Some(raw) = header else { return Precondition::Any };
        HeaderValue::from_str(raw)
            .ok()
            .and_then(|value| IfMatch::decode(&mut std::iter::once(&value)).ok())
            .map_or(Precondition::Unmatchable, Precondition::Header)
    }

    pub fn allows(&self, version: i64) -> bool {
        match self {
            Precondition::Any => true,
            Precondition::Header(if_match) => {
                for_version(version).parse::<ETag>().is_ok_and(|etag| if_match.precondition_passes(&etag))
            }
            Precondition::Unmatchable => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_strong_and_quoted() {
        assert_eq!(for_version(7), "\"7\"");
    }

    #[test]
    fn if_match_allows_exactly_the_listed_strong_versions() {
        let cases: [(Option<&str>, &[i64], &[i64]); 7] = [
            (None, &[1, 9], &[]),
            (Some("*"), &[1, 9], &[]),
            (Some("\"3\""), &[3], &[2, 4, 33]),
            (Some("\"1\", \"2\""), &[1, 2], &[3]),
            (Some("W/\"3\""), &[], &[3]),
            (Some("\"abc\",W/\"4\", \"5\""), &[5], &[4]),
            (Some("\"a,3\""), &[], &[3]),
        ];
        for (header, allowed, refused) in cases {
            let precondition = Precondition::from_if_match(header);
            for version in allowed {
                assert!(precondition.allows(*version), "{header:?} should allow {version}");
            }
            for version in refused {
                assert!(!precondition.allows(*version), "{header:?} should refuse {version}");
            }
        }
    }

    /// The contract's pattern and this evaluation agree: whatever the pattern admits is a
    /// list of entity tags the `headers` crate reads the same way.
    #[test]
    fn the_contract_pattern_admits_what_is_evaluated() {
        let op = crate::contract::contract().operation("replacePatient");
        let if_match = op.headers.iter().find(|h| h.name == "If-Match").unwrap();
        for accepted in ["*", "\"3\"", " \"3\" ", "\"1\", \"2\"", "W/\"3\"", "\"1\",,\"2\"", "\"\""] {
            assert!(if_match.check(accepted).is_empty(), "{accepted:?} should match the pattern");
        }
        for refused in ["0", "3", "\"3", "\"3\" \"4\"", "W/3", "\"a\"b", "*, \"1\"", "\u{7f}", ""] {
            assert!(!if_match.check(refused).is_empty(), "{refused:?} should not match the pattern");
        }
    }
}
