//! A reflection entry: one co-production attempt, reflected on with a guide.
//!
//! Input arrives as [`EntryInput`] (the guide and the answers keyed by question id, as typed
//! or sent over IPC or the CLI) and becomes a [`ValidEntry`] only through
//! [`EntryInput::validate`], so the store never sees unchecked data.

use crate::error::{Error, Problem, Result};
use crate::guide::{Feeds, Guide, Guides};
use crate::id::{EntryId, InitiativeId, InstallationId};
use crate::reflection::action::Action;
use crate::reflection::answers::{Answers, Projection, project};
pub use crate::reflection::categories::{Outcome, Participation};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An entry as typed: the guide and the answers keyed by question id.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct EntryInput {
    pub guide_id: String,
    /// The guide version; `null` means the newest.
    pub guide_version: Option<u32>,
    #[ts(type = "Record<string, unknown>")]
    #[serde(deserialize_with = "crate::reflection::unique_keys::unique_answers")]
    pub answers: Answers,
    /// The person went through the whole guide (rather than saving a quick capture).
    pub complete: bool,
    /// Free tags for finding and filtering ("homework", "autumn 2025").
    pub tags: Vec<String>,
    /// The person chose to save although an answer holds a CPR number. Recorded in the
    /// entry's history (without the number); without it such a save is refused.
    pub override_personal_data: bool,
    /// The earlier attempt this one follows up on: linked in the save's own transaction, so the
    /// entry and its place in the learning chain are saved together or not at all.
    #[ts(optional)]
    pub follows_up: Option<EntryId>,
}

/// An [`EntryInput`] that passed validation.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidEntry {
    pub guide_id: String,
    pub guide_version: u32,
    pub occurred_on: NaiveDate,
    pub title: String,
    pub outcome: Outcome,
    pub complete: bool,
    pub tags: Vec<String>,
    pub projection: Projection,
}

impl EntryInput {
    /// The guide this input is written with.
    pub fn guide<'g>(&self, guides: &'g Guides) -> Result<&'g Guide> {
        let found = match self.guide_version {
            Some(v) => guides.get(&self.guide_id, v),
            None => guides.latest(&self.guide_id),
        };
        found.ok_or_else(|| {
            Error::invalid(
                "guideId",
                Problem::UnknownValue,
                format!(
                    "there is no guide '{}' (version {:?})",
                    self.guide_id, self.guide_version
                ),
            )
        })
    }

    /// Checks every answer and that the date, title and outcome are there, naming the first
    /// question that is wrong.
    pub fn validate(&self, guides: &Guides) -> Result<ValidEntry> {
        let guide = self.guide(guides)?;
        let projection = project(guide, &self.answers)?;
        let required = |field: Feeds, what: &str| {
            let q = guide.question_feeding(field).map(|q| q.id.as_str()).unwrap_or("?");
            Error::invalid(
                &format!("answers.{q}"),
                Problem::Required,
                format!("{what} is required (question '{q}')"),
            )
        };
        let occurred_on = projection
            .occurred_on
            .ok_or_else(|| required(Feeds::OccurredOn, "the date of the attempt"))?;
        let title = projection
            .title
            .clone()
            .ok_or_else(|| required(Feeds::Title, "a title"))?;
        let outcome = projection
            .outcome
            .ok_or_else(|| required(Feeds::Outcome, "how it went"))?;
        let tags = valid_tags(&self.tags)?;
        Ok(ValidEntry {
            tags,
            guide_id: guide.id.clone(),
            guide_version: guide.version,
            occurred_on,
            title,
            outcome,
            complete: self.complete,
            projection,
        })
    }
}

/// Longest tag, in characters, and most tags on one entry.
const TAG_MAX_CHARS: usize = 40;
const TAGS_MAX: usize = 20;

/// Trimmed, without duplicates (ignoring case), each short.
fn valid_tags(tags: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !crate::text_rules::is_blank(t))
    {
        if let Err(refused) = crate::text_rules::check_line(tag) {
            return Err(Error::invalid(
                "tags",
                Problem::Malformed,
                format!("a tag {}", refused.message()),
            ));
        }
        if tag.chars().count() > TAG_MAX_CHARS {
            return Err(Error::invalid(
                "tags",
                Problem::TooLong,
                format!("a tag is longer than {TAG_MAX_CHARS} characters"),
            ));
        }
        if !out
            .iter()
            .any(|t| crate::name_key::name_key(t) == crate::name_key::name_key(tag))
        {
            out.push(tag.to_owned());
        }
    }
    if out.len() > TAGS_MAX {
        return Err(Error::invalid(
            "tags",
            Problem::TooLong,
            format!("more than {TAGS_MAX} tags"),
        ));
    }
    Ok(out)
}

/// A stored entry.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    pub id: EntryId,
    /// The guide the entry was written with, and its version.
    pub guide_id: String,
    pub guide_version: u32,
    #[ts(type = "string")]
    pub occurred_on: NaiveDate,
    pub title: String,
    pub outcome: Outcome,
    pub initiative: Option<String>,
    pub initiative_id: Option<InitiativeId>,
    #[ts(type = "Record<string, unknown>")]
    pub answers: Answers,
    /// When the whole guide was finished; `null` for a quick capture still to complete.
    pub completed_at: Option<DateTime<Utc>>,
    pub participation: Participation,
    pub interest_alignment: Option<u8>,
    pub trust_before: Option<u8>,
    pub trust_after: Option<u8>,
    /// `individuals`, `informal_group` or `association`.
    pub organisation: Option<String>,
    pub expectation: String,
    pub what_happened: String,
    pub analysis: String,
    pub learning: String,
    pub feelings: String,
    pub actions: Vec<Action>,
    pub tags: Vec<String>,
    pub author_id: InstallationId,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Counts saves; lets merges later tell which copy is newer.
    pub revision: u32,
}

impl Entry {
    /// The entry's answers as editable input, e.g. to start a draft from it.
    pub fn to_input(&self) -> EntryInput {
        EntryInput {
            guide_id: self.guide_id.clone(),
            guide_version: Some(self.guide_version),
            answers: self.answers.clone(),
            complete: self.completed_at.is_some(),
            tags: self.tags.clone(),
            override_personal_data: false,
            follows_up: None,
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
    pub initiative: Option<String>,
    pub guide_id: String,
    pub complete: bool,
    pub participation_level: Option<u8>,
    /// The first line of what happened, shortened.
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

/// One event in an entry's history. The detail never holds personal data itself.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryEvent {
    pub id: crate::id::EntryEventId,
    pub entry_id: EntryId,
    /// `personal_data_override`.
    pub kind: String,
    pub occurred_at: DateTime<Utc>,
    /// For an override: `{"fields": [{"field": "answers.what_happened", "findings": 1}]}`.
    #[ts(type = "unknown")]
    pub detail: serde_json::Value,
}
