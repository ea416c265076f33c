//! Column readers that rows of every table share: a stored outcome, date or instant back into
//! its type, and the conversion error that names the column.

use crate::reflection::entry::Outcome;
use crate::time;
use rusqlite::Row;

pub(crate) fn conversion(idx: usize, err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, err.into())
}

pub(crate) fn outcome_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Outcome> {
    let code: String = row.get(idx)?;
    code.parse().map_err(|()| conversion(idx, format!("outcome {code}")))
}

pub(crate) fn date_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let text: String = row.get(idx)?;
    chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| conversion(idx, e))
}

pub(crate) fn instant_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    let text: String = row.get(idx)?;
    time::from_db(&text).map_err(|e| conversion(idx, e))
}
