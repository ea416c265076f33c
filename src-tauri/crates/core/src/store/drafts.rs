//! The `drafts` table: autosaved typing, one draft per new entry or per entry being edited.

use super::Store;
use crate::error::{Error, Result};
use crate::id::{DraftId, EntryId};
use crate::reflection::draft::{Draft, DraftInput};
use crate::reflection::entry::EntryInput;
use crate::time;
use rusqlite::{OptionalExtension, Row, params};

/// Autosave refuses drafts larger than this (bytes of JSON), far beyond any real reflection.
const MAX_DRAFT_BYTES: usize = 1_000_000;

impl Store {
    /// Writes a draft durably and returns it. With no id, a new draft is started — unless the
    /// entry being edited already has one, which is then overwritten, so an entry never has two.
    pub fn save_draft(&mut self, draft: &DraftInput) -> Result<Draft> {
        let payload = serde_json::to_string(&Payload {
            input: draft.input.clone(),
            step: draft.step,
        })
        .map_err(|e| Error::caused("keeping the draft", e))?;
        if payload.len() > MAX_DRAFT_BYTES {
            return Err(Error::invalid(
                "answers",
                crate::Problem::TooLong,
                "the draft is larger than 1 MB",
            ));
        }
        let existing = match (draft.id, draft.entry_id) {
            (Some(id), _) => Some(id),
            (None, Some(entry)) => self.draft_for_entry(entry)?.map(|d| d.id),
            (None, None) => None,
        };
        let id = existing.unwrap_or_default();
        let now = time::to_db(time::now());
        self.conn
            .prepare_cached(
                "INSERT INTO drafts (id, entry_id, payload, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?4) \
                 ON CONFLICT (id) DO UPDATE SET payload = excluded.payload, updated_at = excluded.updated_at",
            )
            .and_then(|mut s| s.execute(params![id, draft.entry_id, payload, now]))
            .map_err(|e| self.fail(e))?;
        self.get_draft(id)
    }

    pub fn get_draft(&self, id: DraftId) -> Result<Draft> {
        self.conn
            .prepare_cached("SELECT id, entry_id, payload, created_at, updated_at FROM drafts WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], draft_from_row).optional())
            .map_err(|e| self.fail(e))?
            .ok_or_else(|| Error::NotFound {
                what: "draft",
                id: id.to_string(),
            })
    }

    /// The draft in which an entry is being edited, if there is one.
    pub fn draft_for_entry(&self, entry: EntryId) -> Result<Option<Draft>> {
        self.conn
            .prepare_cached("SELECT id, entry_id, payload, created_at, updated_at FROM drafts WHERE entry_id = ?1")
            .and_then(|mut s| s.query_row([entry], draft_from_row).optional())
            .map_err(|e| self.fail(e))
    }

    /// Every draft, most recently typed first.
    pub fn list_drafts(&self) -> Result<Vec<Draft>> {
        self.conn
            .prepare_cached(
                "SELECT id, entry_id, payload, created_at, updated_at FROM drafts ORDER BY updated_at DESC, id DESC",
            )
            .and_then(|mut s| s.query_map([], draft_from_row)?.collect())
            .map_err(|e| self.fail(e))
    }

    /// Throws a draft away. Discarding one that is already gone is not an error.
    pub fn discard_draft(&mut self, id: DraftId) -> Result<()> {
        self.conn
            .execute("DELETE FROM drafts WHERE id = ?1", [id])
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}

/// What a draft row's `payload` holds.
#[derive(serde::Serialize, serde::Deserialize)]
struct Payload {
    input: EntryInput,
    #[serde(default)]
    step: u32,
}

fn draft_from_row(row: &Row<'_>) -> rusqlite::Result<Draft> {
    let payload: String = row.get(2)?;
    // A payload from an older release (the first one stored the bare one-page form) still
    // yields the draft, with what could be read, rather than hiding the person's typing.
    let Payload { input, step } = serde_json::from_str(&payload)
        .or_else(|_| serde_json::from_str::<serde_json::Value>(&payload).map(|v| lenient_payload(&v)))
        .unwrap_or(Payload {
            input: EntryInput::default(),
            step: 0,
        });
    let at = |idx: usize| -> rusqlite::Result<_> {
        let text: String = row.get(idx)?;
        time::from_db(&text)
            .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e)))
    };
    Ok(Draft {
        id: row.get(0)?,
        entry_id: row.get(1)?,
        input,
        step,
        created_at: at(3)?,
        updated_at: at(4)?,
    })
}

/// Reads a first-release draft (`{occurredOn, title, outcome, notes}`) as a draft of the
/// one-page guide it was typed in.
fn lenient_payload(value: &serde_json::Value) -> Payload {
    let mut answers = crate::reflection::answers::Answers::new();
    for (from, to) in [
        ("occurredOn", "occurred_on"),
        ("title", "title"),
        ("outcome", "outcome"),
        ("notes", "notes"),
    ] {
        if let Some(v) = value.get(from).filter(|v| v.is_string()) {
            answers.insert(to.to_owned(), v.clone());
        }
    }
    let input = EntryInput {
        guide_id: "quick-capture".into(),
        guide_version: Some(1),
        answers,
        complete: false,
        tags: Vec::new(),
        override_personal_data: false,
        follows_up: None,
    };
    Payload { input, step: 0 }
}
