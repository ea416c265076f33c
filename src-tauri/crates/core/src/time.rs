//! Timestamps as stored: UTC, fixed width, microsecond precision, so that text order is time
//! order in SQLite and across merged databases.

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

/// The current instant in UTC.
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Formats an instant the way every table stores it: `2026-11-27T05:20:00.123456Z`.
pub fn to_db(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Micros, true)
}

/// Reads an instant written by [`to_db`].
pub fn from_db(text: &str) -> Result<DateTime<Utc>, chrono::ParseError> {
    DateTime::parse_from_rfc3339(text).map(|t| t.with_timezone(&Utc))
}

/// Parses a calendar date in ISO form (`2026-03-12`); fails for dates that do not exist.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A day as the window sends it, or [`crate::Error::Invalid`] naming `field`.
pub fn day(field: &str, text: &str) -> crate::Result<NaiveDate> {
    parse_date(text).ok_or_else(|| crate::Error::invalid(field, crate::Problem::NotADate, "not a date"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_timestamps_have_fixed_width_so_text_sorts_like_time() {
        let a = from_db("2026-01-01T00:00:00Z").unwrap();
        let b = a + chrono::Duration::microseconds(1);
        assert_eq!(to_db(a).len(), to_db(b).len());
        assert!(to_db(a) < to_db(b));
    }

    #[test]
    fn dates_that_do_not_exist_are_refused() {
        assert!(parse_date("2026-02-29").is_none(), "2026 is not a leap year");
        assert!(parse_date("2028-02-29").is_some());
        assert!(parse_date("12-03-2024").is_none(), "only ISO dates cross the boundary");
    }
}
