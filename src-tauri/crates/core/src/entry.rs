//! A reflection entry: one co-production attempt, reflected on.
//!
//! Input arrives as [`EntryInput`] (strings, as typed or sent over IPC or the CLI) and becomes a
//! [`ValidEntry`] only through [`EntryInput::validate`], so the store never sees unchecked data.

use crate::error::{Error, Problem, Result};
use crate::id::{EntryId, InstallationId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// Longest title accepted, in characters. A title is one line that names the attempt.
pub const TITLE_MAX_CHARS: usize = 200;
/// Longest free text accepted, in characters (about forty pages).
pub const NOTES_MAX_CHARS: usize = 100_000;

/// How the attempt went, as the worker judges it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Failed,
    Partly,
    Succeeded,
    TooEarly,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Failed,
        Outcome::Partly,
        Outcome::Succeeded,
        Outcome::TooEarly,
    ];

    /// The stable code stored in the database and accepted over IPC and the CLI.
    pub fn code(self) -> &'static str {
        match self {
            Outcome::Failed => "failed",
            Outcome::Partly => "partly",
            Outcome::Succeeded => "succeeded",
            Outcome::TooEarly => "too_early",
        }
    }
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Outcome {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Outcome::ALL
            .into_iter()
            .find(|o| o.code() == s.trim())
            .ok_or(())
    }
}

/// An entry as typed: every field is text so that bad input can be named field by field.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct EntryInput {
    /// The day of the attempt, `YYYY-MM-DD`.
    pub occurred_on: String,
    pub title: String,
    /// One of the [`Outcome`] codes.
    #[ts(as = "Option<Outcome>")]
    pub outcome: Option<String>,
    pub notes: String,
}

/// An [`EntryInput`] that passed validation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidEntry {
    pub occurred_on: NaiveDate,
    pub title: String,
    pub outcome: Outcome,
    pub notes: String,
}

impl EntryInput {
    /// Checks every field and names the first one that is wrong.
    pub fn validate(&self) -> Result<ValidEntry> {
        let occurred_on = self.occurred_on.trim();
        if occurred_on.is_empty() {
            return Err(Error::invalid(
                "occurredOn",
                Problem::Required,
                "the date of the attempt is required",
            ));
        }
        let occurred_on = crate::time::parse_date(occurred_on).ok_or_else(|| {
            Error::invalid(
                "occurredOn",
                Problem::NotADate,
                format!("'{occurred_on}' is not a date that exists; write it as YYYY-MM-DD, e.g. 2026-03-12"),
            )
        })?;
        let title = self.title.trim();
        if title.is_empty() {
            return Err(Error::invalid(
                "title",
                Problem::Required,
                "a title is required",
            ));
        }
        if title.chars().count() > TITLE_MAX_CHARS {
            return Err(Error::invalid(
                "title",
                Problem::TooLong,
                format!("the title is longer than {TITLE_MAX_CHARS} characters"),
            ));
        }
        let outcome = match self.outcome.as_deref().map(str::trim) {
            None | Some("") => {
                return Err(Error::invalid(
                    "outcome",
                    Problem::Required,
                    "choose how the attempt went",
                ));
            }
            Some(code) => code.parse::<Outcome>().map_err(|()| {
                Error::invalid(
                    "outcome",
                    Problem::UnknownValue,
                    format!(
                        "'{code}' is not an outcome; use failed, partly, succeeded or too_early"
                    ),
                )
            })?,
        };
        if self.notes.chars().count() > NOTES_MAX_CHARS {
            return Err(Error::invalid(
                "notes",
                Problem::TooLong,
                format!("the text is longer than {NOTES_MAX_CHARS} characters"),
            ));
        }
        Ok(ValidEntry {
            occurred_on,
            title: title.to_owned(),
            outcome,
            notes: self.notes.clone(),
        })
    }
}

/// A stored entry.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub id: EntryId,
    #[ts(type = "string")]
    pub occurred_on: NaiveDate,
    pub title: String,
    pub outcome: Outcome,
    pub notes: String,
    /// The guide the entry was written with, and its version.
    pub guide_id: String,
    pub guide_version: u32,
    pub author_id: InstallationId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Counts saves; lets merges later tell which copy is newer.
    pub revision: u32,
}

impl Entry {
    /// The entry's fields as editable input, e.g. to start a draft from it.
    pub fn to_input(&self) -> EntryInput {
        EntryInput {
            occurred_on: self.occurred_on.to_string(),
            title: self.title.clone(),
            outcome: Some(self.outcome.code().to_owned()),
            notes: self.notes.clone(),
        }
    }
}

/// One row of the journal list.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntrySummary {
    pub id: EntryId,
    #[ts(type = "string")]
    pub occurred_on: NaiveDate,
    pub title: String,
    pub outcome: Outcome,
    /// The first line of the free text, shortened.
    pub excerpt: String,
    pub updated_at: DateTime<Utc>,
}

/// A page of the journal, newest attempt first, with the cursor for the next page.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryPage {
    pub entries: Vec<EntrySummary>,
    /// Pass back to get the next page; `null` on the last page.
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> EntryInput {
        EntryInput {
            occurred_on: "2026-03-12".into(),
            title: "Kursus for mødre".into(),
            outcome: Some("failed".into()),
            notes: String::new(),
        }
    }

    #[test]
    fn a_complete_input_validates() {
        let valid = input().validate().unwrap();
        assert_eq!(valid.outcome, Outcome::Failed);
        assert_eq!(
            valid.occurred_on,
            NaiveDate::from_ymd_opt(2026, 3, 12).unwrap()
        );
    }

    #[test]
    fn each_bad_field_is_named() {
        type Spoil = fn(&mut EntryInput);
        let cases: [(Spoil, &str, Problem); 6] = [
            (|i| i.title = "   ".into(), "title", Problem::Required),
            (
                |i| i.title = "x".repeat(TITLE_MAX_CHARS + 1),
                "title",
                Problem::TooLong,
            ),
            (
                |i| i.occurred_on = String::new(),
                "occurredOn",
                Problem::Required,
            ),
            (
                |i| i.occurred_on = "2026-02-30".into(),
                "occurredOn",
                Problem::NotADate,
            ),
            (|i| i.outcome = None, "outcome", Problem::Required),
            (
                |i| i.outcome = Some("great".into()),
                "outcome",
                Problem::UnknownValue,
            ),
        ];
        for (spoil, field, problem) in cases {
            let mut bad = input();
            spoil(&mut bad);
            let err = bad.validate().unwrap_err();
            assert_eq!(
                err.field(),
                Some(field),
                "the message must name the field the user has to fix"
            );
            assert_eq!(err.problem(), Some(problem));
        }
    }

    #[test]
    fn outcome_codes_round_trip() {
        for o in Outcome::ALL {
            assert_eq!(o.code().parse::<Outcome>(), Ok(o));
            assert_eq!(
                serde_json::to_value(o).unwrap(),
                serde_json::Value::String(o.code().into())
            );
        }
    }
}
