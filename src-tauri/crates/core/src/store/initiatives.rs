//! The `initiatives` table.

use super::Store;
use crate::error::{Error, Problem, Result};
use crate::id::{EntryId, InitiativeId};
use crate::records::InitiativeRecord;
use crate::timeline::initiative::{Initiative, InitiativeInput};
use rusqlite::{OptionalExtension, Row, Transaction, params};

/// The initiative with this title as people read it ([`crate::name_key`]: case, accents
/// composed or not, spacing), created if there is none — the oldest, if two share a name.
/// Typing the same name again puts the attempt in the same initiative.
pub(super) fn find_or_create(
    tx: &Transaction<'_>,
    title: &str,
    author: &str,
    now: &str,
) -> rusqlite::Result<InitiativeId> {
    let title = title.trim();
    let key = crate::name_key::name_key(title);
    let found: Option<InitiativeId> = tx
        .prepare_cached(
            "SELECT id FROM initiatives WHERE title_key = ?1 AND deleted_at IS NULL ORDER BY created_at, id LIMIT 1",
        )?
        .query_row([&key], |r| r.get(0))
        .optional()?;
    if let Some(id) = found {
        return Ok(id);
    }
    let id = InitiativeId::new();
    tx.prepare_cached(
        "INSERT INTO initiatives (id, title, title_key, author_id, created_at, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?
    .execute(params![id, title, key, author, now])?;
    Ok(id)
}

/// Keeps `last_on` (the newest attempt's day) true after entries change.
pub(super) fn refresh_last_on(tx: &Transaction<'_>, id: InitiativeId) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "UPDATE initiatives SET last_on = (SELECT max(occurred_on) FROM entries \
         WHERE initiative_id = ?1 AND deleted_at IS NULL) WHERE id = ?1",
    )?
    .execute([id])?;
    Ok(())
}

const COLUMNS: &str = "i.id, i.title, i.neighbourhood, i.citizen_group, i.purpose, i.last_on, \
     (SELECT count(*) FROM entries e WHERE e.initiative_id = i.id AND e.deleted_at IS NULL)";

pub(super) fn initiative_from_row(row: &Row<'_>) -> rusqlite::Result<Initiative> {
    let last: Option<String> = row.get(5)?;
    Ok(Initiative {
        id: row.get(0)?,
        title: row.get(1)?,
        neighbourhood: row.get(2)?,
        citizen_group: row.get(3)?,
        purpose: row.get(4)?,
        last_on: last.as_deref().and_then(crate::time::parse_date),
        attempts: row.get(6)?,
    })
}

impl Store {
    pub fn get_initiative(&self, id: InitiativeId) -> Result<Initiative> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM initiatives i WHERE i.id = ?1 AND i.deleted_at IS NULL"
            ))
            .and_then(|mut s| s.query_row([id], initiative_from_row).optional())
            .map_err(|e| self.fail(e))?
            .ok_or_else(|| Error::NotFound {
                what: "initiative",
                id: id.to_string(),
            })
    }

    /// Every initiative, most recently active first (for pickers and filters).
    pub fn list_initiatives(&self) -> Result<Vec<Initiative>> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM initiatives i WHERE i.deleted_at IS NULL ORDER BY i.last_on DESC, i.id DESC"
            ))
            .and_then(|mut s| s.query_map([], initiative_from_row)?.collect())
            .map_err(|e| self.fail(e))
    }

    /// The newest attempt in the initiative a person typed the name of (matched as
    /// [`find_or_create`] matches it), if there is one: what a new attempt follows up on.
    pub fn latest_attempt(&self, initiative: &str) -> Result<Option<crate::id::EntryId>> {
        self.conn
            .prepare_cached(
                "SELECT e.id FROM entries e WHERE e.deleted_at IS NULL AND e.initiative_id = \
                 (SELECT i.id FROM initiatives i WHERE i.title_key = ?1 AND i.deleted_at IS NULL \
                  ORDER BY i.created_at, i.id LIMIT 1) \
                 ORDER BY e.occurred_on DESC, e.id DESC LIMIT 1",
            )
            .and_then(|mut s| {
                s.query_row([crate::name_key::name_key(initiative)], |r| r.get(0))
                    .optional()
            })
            .map_err(|e| self.fail(e))
    }

    /// Describes an initiative: its neighbourhood, citizen group (as a role) and purpose.
    pub fn update_initiative(&mut self, id: InitiativeId, input: &InitiativeInput) -> Result<Initiative> {
        let title = input.title.trim();
        if title.is_empty() {
            return Err(Error::invalid(
                "title",
                Problem::Required,
                "an initiative needs a title",
            ));
        }
        let now = crate::time::to_db(crate::time::now());
        let n = self
            .conn
            .execute(
                "UPDATE initiatives SET title = ?2, title_key = ?7, neighbourhood = ?3, citizen_group = ?4, \
                 purpose = ?5, updated_at = ?6, revision = revision + 1 WHERE id = ?1 AND deleted_at IS NULL",
                params![
                    id,
                    title,
                    input.neighbourhood.trim(),
                    input.citizen_group.trim(),
                    input.purpose.trim(),
                    now,
                    crate::name_key::name_key(title)
                ],
            )
            .map_err(|e| self.fail(e))?;
        if n == 0 {
            return Err(Error::NotFound {
                what: "initiative",
                id: id.to_string(),
            });
        }
        self.get_initiative(id)
    }
}

impl Store {
    /// The initiatives of these entries, not deleted, as records that travel (by id).
    pub(crate) fn initiative_records_of(&self, entries: &[EntryId]) -> Result<Vec<InitiativeRecord>> {
        let ids = serde_json::to_string(entries).map_err(|e| Error::caused("listing the entries", e))?;
        self.conn
            .prepare(
                "SELECT id, title, neighbourhood, citizen_group, purpose, author_id, created_at, updated_at, revision \
                 FROM initiatives WHERE deleted_at IS NULL AND id IN \
                 (SELECT initiative_id FROM entries WHERE id IN (SELECT value FROM json_each(?1))) ORDER BY id",
            )
            .and_then(|mut s| {
                s.query_map([&ids], |r| {
                    Ok(InitiativeRecord {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        neighbourhood: r.get(2)?,
                        citizen_group: r.get(3)?,
                        purpose: r.get(4)?,
                        author: r.get(5)?,
                        created_at: r.get(6)?,
                        updated_at: r.get(7)?,
                        revision: r.get(8)?,
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }
}
