//! Dates of birth: exactly `YYYY-MM-DD`, not in the future, at most 120 years ago.
use chrono::{Months, NaiveDate};

use crate::error::FieldError;

/// Oldest accepted date of birth, in years before today.
pub const MAX_AGE_YEARS: u32 = 120;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(transparent)]
pub struct DateOfBirth(NaiveDate);

impl DateOfBirth {
    /// Checks `raw` against `today` (the service's calendar day, UTC).
    pub fn parse(raw: &str, today: NaiveDate, field: &str) -> Result<Self, FieldError> {
        let date = parse_date(raw, field)?;
        if date > today {
            return Err(FieldError::new(field, "in_future", "must not be after today"));
        }
        let oldest = today.checked_sub_months(Months::new(12 * MAX_AGE_YEARS)).unwrap_or(NaiveDate::MIN);
        if date < oldest {
            return Err(FieldError::new(field, "too_old", format!("must not be more than {MAX_AGE_YEARS} years ago")));
        }
        Ok(Self(date))
    }

    pub fn date(self) -> NaiveDate {
        self.0
    }
}

/// A calendar date written exactly `YYYY-MM-DD` (four-digit year, two-digit month and day).
/// chrono alone would take `1990-1-2` or `+001990-01-02`.
pub fn parse_date(raw: &str, field: &str) -> Result<NaiveDate, FieldError> {
    let invalid = || FieldError::new(field, "invalid_format", "must be a date in the form YYYY-MM-DD");
    let shaped = raw.len() == 10
        && raw.bytes().enumerate().all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(invalid());
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| invalid())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn dates_are_bounded() {
        let reason = |raw: &str| DateOfBirth::parse(raw, today(), "date_of_birth").map_err(|e| e.reason);
        assert_eq!(reason("2026-11-23"), Err("in_future"));
        assert_eq!(reason("1906-11-21"), Err("too_old"));
        assert!(reason("1906-11-22").is_ok());
        assert!(reason("2026-11-22").is_ok());
    }

    #[test]
    fn only_yyyy_mm_dd_is_a_date() {
        for raw in
            ["1990-1-2", "1990-01-2", "+01990-01-02", "-5000-01-01", "1990-02-30", "1990/01/02", "", "1990-01-02 "]
        {
            assert_eq!(parse_date(raw, "dob").unwrap_err().reason, "invalid_format", "{raw:?}");
        }
        assert_eq!(parse_date("0001-01-01", "dob").unwrap(), NaiveDate::from_ymd_opt(1, 1, 1).unwrap());
    }
}
