//! The `entries` table: saving, loading and paging reflections.

use super::Store;
use crate::entry::{Entry, EntryInput, EntryPage, EntrySummary, ValidEntry};
use crate::error::{Error, Problem, Result};
use crate::id::{DraftId, EntryId};
use crate::time;
use rusqlite::{OptionalExtension, Row, params};

/// The guide of entries written with the quick form, before guided reflection exists.
pub const QUICK_GUIDE_ID: &str = "quick-capture";
pub const QUICK_GUIDE_VERSION: u32 = 1;

/// The most rows one journal page returns.
pub const MAX_PAGE_SIZE: u32 = 200;

const ENTRY_COLUMNS: &str = "id, occurred_on, title, outcome, notes, guide_id, guide_version, \
                             author_id, created_at, updated_at, revision";

impl Store {
    /// Saves a new entry durably; if it was typed into a draft, the draft goes in the same
    /// transaction, so there is never both or neither.
    pub fn create_entry(
        &mut self,
        input: &EntryInput,
        from_draft: Option<DraftId>,
    ) -> Result<Entry> {
        let valid = input.validate()?;
        let id = EntryId::new();
        let now = time::to_db(time::now());
        let author = self.installation_id;
        let tx = self
            .conn
            .transaction()
            .map_err(|e| Error::from_sqlite(&self.path, e))?;
        let written = (|| {
            tx.prepare_cached(
                "INSERT INTO entries (id, guide_id, guide_version, occurred_on, title, outcome, notes, \
                 author_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            )?
            .execute(params![
                id,
                QUICK_GUIDE_ID,
                QUICK_GUIDE_VERSION,
                valid.occurred_on.to_string(),
                valid.title,
                valid.outcome.code(),
                valid.notes,
                author,
                now
            ])?;
            if let Some(draft) = from_draft {
                tx.prepare_cached("DELETE FROM drafts WHERE id = ?1")?
                    .execute([draft])?;
            }
            tx.commit()
        })();
        written.map_err(|e| self.fail(e))?;
        self.get_entry(id)
    }

    /// Overwrites an entry's fields durably and bumps its revision; drops the draft it was
    /// edited in, in the same transaction.
    pub fn update_entry(
        &mut self,
        id: EntryId,
        input: &EntryInput,
        from_draft: Option<DraftId>,
    ) -> Result<Entry> {
        let ValidEntry {
            occurred_on,
            title,
            outcome,
            notes,
        } = input.validate()?;
        let now = time::to_db(time::now());
        let tx = self
            .conn
            .transaction()
            .map_err(|e| Error::from_sqlite(&self.path, e))?;
        let changed =
            (|| {
                let n = tx
                .prepare_cached(
                    "UPDATE entries SET occurred_on = ?2, title = ?3, outcome = ?4, notes = ?5, \
                     updated_at = ?6, revision = revision + 1 WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .execute(params![id, occurred_on.to_string(), title, outcome.code(), notes, now])?;
                if n == 1 {
                    if let Some(draft) = from_draft {
                        tx.prepare_cached("DELETE FROM drafts WHERE id = ?1")?
                            .execute([draft])?;
                    }
                    tx.commit()?;
                }
                Ok(n)
            })();
        match changed.map_err(|e| self.fail(e))? {
            1 => self.get_entry(id),
            _ => Err(Error::NotFound {
                what: "entry",
                id: id.to_string(),
            }),
        }
    }

    pub fn get_entry(&self, id: EntryId) -> Result<Entry> {
        let sql =
            format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?1 AND deleted_at IS NULL");
        self.conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row([id], entry_from_row).optional())
            .map_err(|e| self.fail(e))?
            .ok_or_else(|| Error::NotFound {
                what: "entry",
                id: id.to_string(),
            })
    }

    /// Looks an entry up by its full id, as typed or pasted (for the CLI).
    pub fn get_entry_by_text(&self, id: &str) -> Result<Entry> {
        let parsed = id.parse::<EntryId>().map_err(|_| {
            Error::invalid(
                "id",
                Problem::Malformed,
                format!("'{id}' is not an entry id"),
            )
        })?;
        self.get_entry(parsed)
    }

    /// One page of the journal, newest attempt first. Keyset paging: the cost of a page does
    /// not grow with the number of entries before it.
    pub fn list_entries(&self, cursor: Option<&str>, limit: u32) -> Result<EntryPage> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        let after = cursor.map(decode_cursor).transpose()?;
        let (day, id) = after.unwrap_or_else(|| ("9999-12-31".to_owned(), "~".to_owned()));
        let mut entries = self
            .conn
            .prepare_cached(
                "SELECT id, occurred_on, title, outcome, substr(notes, 1, 240), updated_at FROM entries \
                 WHERE deleted_at IS NULL AND (occurred_on, id) < (?1, ?2) \
                 ORDER BY occurred_on DESC, id DESC LIMIT ?3",
            )
            .and_then(|mut s| {
                s.query_map(params![day, id, limit + 1], summary_from_row)?.collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.fail(e))?;
        let next_cursor = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries
                .last()
                .map(|e| format!("{}|{}", e.occurred_on, e.id))
        } else {
            None
        };
        Ok(EntryPage {
            entries,
            next_cursor,
        })
    }

    /// Saves many entries in one durable transaction (demo data, imports). All or nothing: if
    /// any input is invalid, nothing is written and the error names its position.
    pub fn create_entries(&mut self, inputs: &[EntryInput]) -> Result<usize> {
        let valid = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| {
                input.validate().map_err(|e| match e {
                    Error::Invalid {
                        field,
                        problem,
                        message,
                    } => Error::Invalid {
                        field: format!("[{i}].{field}"),
                        problem,
                        message,
                    },
                    other => other,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let now = time::to_db(time::now());
        let author = self.installation_id;
        let tx = self
            .conn
            .transaction()
            .map_err(|e| Error::from_sqlite(&self.path, e))?;
        let written = (|| {
            {
                let mut insert = tx.prepare_cached(
                    "INSERT INTO entries (id, guide_id, guide_version, occurred_on, title, outcome, notes, \
                     author_id, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
                )?;
                for v in &valid {
                    insert.execute(params![
                        EntryId::new(),
                        QUICK_GUIDE_ID,
                        QUICK_GUIDE_VERSION,
                        v.occurred_on.to_string(),
                        v.title,
                        v.outcome.code(),
                        v.notes,
                        author,
                        now
                    ])?;
                }
            }
            tx.commit()
        })();
        written.map_err(|e| self.fail(e))?;
        Ok(valid.len())
    }

    /// How many entries are stored (not counting deleted ones).
    pub fn count_entries(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row(
                "SELECT count(*) FROM entries WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.fail(e))?;
        Ok(n.unsigned_abs())
    }
}

fn decode_cursor(cursor: &str) -> Result<(String, String)> {
    let bad = || {
        Error::invalid(
            "cursor",
            Problem::Malformed,
            "the page cursor is not one this store handed out",
        )
    };
    let (day, id) = cursor.split_once('|').ok_or_else(bad)?;
    time::parse_date(day).ok_or_else(bad)?;
    id.parse::<EntryId>().map_err(|_| bad())?;
    Ok((day.to_owned(), id.to_owned()))
}

fn parse_col<T, E: std::error::Error + Send + Sync + 'static>(
    idx: usize,
    parsed: std::result::Result<T, E>,
) -> rusqlite::Result<T> {
    parsed.map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn outcome_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<crate::entry::Outcome> {
    let code: String = row.get(idx)?;
    code.parse().map_err(|()| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Text,
            format!("outcome {code}").into(),
        )
    })
}

fn date_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let text: String = row.get(idx)?;
    parse_col(idx, chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d"))
}

fn instant_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    let text: String = row.get(idx)?;
    parse_col(idx, time::from_db(&text))
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    Ok(Entry {
        id: row.get(0)?,
        occurred_on: date_col(row, 1)?,
        title: row.get(2)?,
        outcome: outcome_col(row, 3)?,
        notes: row.get(4)?,
        guide_id: row.get(5)?,
        guide_version: row.get(6)?,
        author_id: row.get(7)?,
        created_at: instant_col(row, 8)?,
        updated_at: instant_col(row, 9)?,
        revision: row.get(10)?,
    })
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<EntrySummary> {
    let head: String = row.get(4)?;
    let first_line = head
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut excerpt: String = first_line.chars().take(160).collect();
    if first_line.chars().count() > 160 {
        excerpt.push('…');
    }
    Ok(EntrySummary {
        id: row.get(0)?,
        occurred_on: date_col(row, 1)?,
        title: row.get(2)?,
        outcome: outcome_col(row, 3)?,
        excerpt,
        updated_at: instant_col(row, 5)?,
    })
}
