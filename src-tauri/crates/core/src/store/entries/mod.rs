//! The `entries` table: saving, loading and paging reflections. Every write goes through
//! [`write::write`]; rows are read by [`rows`].

mod rows;
mod write;

use super::entry_meta::Meta;

use super::Store;
use crate::error::{Error, Problem, Result};
use crate::id::{DraftId, EntryId, InitiativeId};
use crate::locale::Locale;
use crate::reflection::check_before_saving;
use crate::reflection::entry::{Entry, EntryInput, EntryPage};
use crate::reflection::{EntryDocument, entry_document, entry_texts};
use crate::time;
use rows::{ENTRY_COLUMNS, entry_from_row, summary_from_row};
use rusqlite::{OptionalExtension, params};

/// The most rows one journal page returns.
pub const MAX_PAGE_SIZE: u32 = 200;

impl Store {
    /// Every entry not deleted, newest first (an export of the whole journal).
    pub(crate) fn alive_entry_ids(&self) -> Result<Vec<EntryId>> {
        self.conn
            .prepare("SELECT id FROM entries WHERE deleted_at IS NULL ORDER BY occurred_on DESC, id DESC")
            .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))
    }

    /// Saves a new entry durably, with its actions; if it was typed into a draft, the draft
    /// goes in the same transaction, so there is never both or neither.
    ///
    /// A CPR number in any answer refuses the save ([`Problem::PersonalData`]) unless the input
    /// carries the person's override, which is then recorded in the entry's history.
    pub fn create_entry(&mut self, input: &EntryInput, from_draft: Option<DraftId>) -> Result<Entry> {
        let valid = input.validate(self.guides)?;
        let texts = entry_texts(input.guide(self.guides)?, &valid.projection.answers, &valid.tags);
        let overridden = check_before_saving(&texts, input.override_personal_data)?;
        let now = time::to_db(time::now());
        let meta = Meta::new_here(self.installation_id.to_string(), &now, valid.complete);
        let id = meta.id;
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&path, e))?;
        let written = (|| -> Result<()> {
            let sql = |e| Error::from_sqlite(&path, e);
            write::write(&tx, &meta, &valid, &texts, None).map_err(sql)?;
            super::events::record_override(&tx, id, &overridden, &now).map_err(sql)?;
            follow_up(&tx, &path, &meta, input.follows_up)?;
            drop_draft(&tx, from_draft).map_err(sql)?;
            tx.commit().map_err(sql)
        })();
        written.map_err(|e| e.with_draft_kept(from_draft.is_some()))?;
        self.get_entry(id)
    }

    /// Overwrites an entry's answers durably and bumps its revision; keeps the ids and status
    /// of actions that stay; drops the draft it was edited in, in the same transaction. The
    /// personal-data rule of [`Store::create_entry`] applies.
    pub fn update_entry(&mut self, id: EntryId, input: &EntryInput, from_draft: Option<DraftId>) -> Result<Entry> {
        let valid = input.validate(self.guides)?;
        let texts = entry_texts(input.guide(self.guides)?, &valid.projection.answers, &valid.tags);
        let overridden = check_before_saving(&texts, input.override_personal_data)?;
        let now = time::to_db(time::now());
        let path = self.path.clone();
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&path, e))?;
        let changed = (|| -> Result<bool> {
            let sql = |e| Error::from_sqlite(&path, e);
            let Some((existing, before)) = write::existing(&tx, id).map_err(sql)? else {
                return Ok(false);
            };
            let meta = Meta::edit(id, existing, &now, valid.complete);
            write::write(&tx, &meta, &valid, &texts, Some(before)).map_err(sql)?;
            super::events::record_override(&tx, id, &overridden, &now).map_err(sql)?;
            follow_up(&tx, &path, &meta, input.follows_up)?;
            drop_draft(&tx, from_draft).map_err(sql)?;
            tx.commit().map_err(sql)?;
            Ok(true)
        })();
        match changed.map_err(|e| e.with_draft_kept(from_draft.is_some()))? {
            true => self.get_entry(id),
            false => Err(Error::NotFound {
                what: "entry",
                id: id.to_string(),
            }),
        }
    }

    pub fn get_entry(&self, id: EntryId) -> Result<Entry> {
        let sql = format!("SELECT {ENTRY_COLUMNS} FROM entries WHERE id = ?1 AND deleted_at IS NULL");
        let mut entry = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut s| s.query_row([id], entry_from_row).optional())
            .map_err(|e| self.fail(e))?
            .ok_or_else(|| Error::NotFound {
                what: "entry",
                id: id.to_string(),
            })?;
        entry.actions = self.actions_of(id)?;
        entry.tags = self.tags_of(id)?;
        Ok(entry)
    }

    /// An entry as a document in `locale`, worded as the guide version it was written with.
    pub fn entry_document(&self, id: EntryId, locale: Locale) -> Result<EntryDocument> {
        let entry = self.get_entry(id)?;
        let guide = self
            .guides
            .get(&entry.guide_id, entry.guide_version)
            .ok_or_else(|| Error::NotFound {
                what: "guide",
                id: format!("{} v{}", entry.guide_id, entry.guide_version),
            })?;
        Ok(entry_document(guide, &entry.answers, locale))
    }

    /// What changed from one saved entry to a later one (the timeline's "what changed").
    pub fn compare_entries(&self, earlier: EntryId, later: EntryId) -> Result<Vec<crate::reflection::changes::Change>> {
        Ok(crate::reflection::changes::compare(
            &self.get_entry(earlier)?,
            &self.get_entry(later)?,
        ))
    }

    /// Looks an entry up by its full id, as typed or pasted (for the CLI).
    pub fn get_entry_by_text(&self, id: &str) -> Result<Entry> {
        let parsed = id
            .parse::<EntryId>()
            .map_err(|_| Error::invalid("id", Problem::Malformed, format!("'{id}' is not an entry id")))?;
        self.get_entry(parsed)
    }

    /// One page of the journal, newest attempt first. Keyset paging: the cost of a page does
    /// not grow with the number of entries before it.
    pub fn list_entries(&self, cursor: Option<&str>, limit: u32) -> Result<EntryPage> {
        let limit = limit.clamp(1, MAX_PAGE_SIZE);
        let (day, id) = super::cursor::decode::<EntryId>(cursor)?;
        let mut entries = self
            .conn
            .prepare_cached(
                "SELECT id, occurred_on, title, outcome, guide_id, completed_at IS NOT NULL, participation_level, \
                 substr(what_happened, 1, 240), updated_at, initiative FROM entries \
                 WHERE deleted_at IS NULL AND (occurred_on, id) < (?1, ?2) \
                 ORDER BY occurred_on DESC, id DESC LIMIT ?3",
            )
            .and_then(|mut s| {
                s.query_map(rusqlite::params![day, id, limit + 1], summary_from_row)?
                    .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.fail(e))?;
        let next_cursor = if entries.len() > limit as usize {
            entries.truncate(limit as usize);
            entries.last().map(|e| super::cursor::encode(e.occurred_on, e.id))
        } else {
            None
        };
        Ok(EntryPage { entries, next_cursor })
    }

    /// Saves many entries in one durable transaction (demo data, imports). All or nothing: if
    /// any input is invalid (a CPR number without an override included), nothing is written
    /// and the error names its position.
    pub fn create_entries(&mut self, inputs: &[EntryInput]) -> Result<Vec<EntryId>> {
        let valid = inputs
            .iter()
            .enumerate()
            .map(|(i, input)| {
                let checked = input.validate(self.guides).and_then(|v| {
                    let texts = entry_texts(input.guide(self.guides)?, &v.projection.answers, &v.tags);
                    check_before_saving(&texts, input.override_personal_data).map(|o| (v, texts, o))
                });
                checked.map_err(|e| match e {
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
        let author = self.installation_id.to_string();
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&self.path, e))?;
        let written = (|| {
            let mut ids = Vec::with_capacity(valid.len());
            for (v, texts, overridden) in &valid {
                let meta = Meta::new_here(author.clone(), &now, v.complete);
                write::write(&tx, &meta, v, texts, None)?;
                super::events::record_override(&tx, meta.id, overridden, &now)?;
                ids.push(meta.id);
            }
            tx.commit()?;
            Ok(ids)
        })();
        written.map_err(|e| self.fail(e))
    }

    /// Deletes an entry: its text, answers, actions, saved versions and row in the search index are removed; a tombstone (id, day and
    /// deletion time) stays so links to it show a gap and the deletion can merge elsewhere.
    pub fn delete_entry(&mut self, id: EntryId) -> Result<()> {
        let now = time::to_db(time::now());
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&self.path, e))?;
        let deleted = (|| -> rusqlite::Result<usize> {
            let initiative: Option<InitiativeId> = tx
                .prepare_cached("SELECT initiative_id FROM entries WHERE id = ?1 AND deleted_at IS NULL")?
                .query_row([id], |r| r.get(0))
                .optional()?
                .flatten();
            let n = tx
                .prepare_cached(
                    "UPDATE entries SET deleted_at = ?2, updated_at = ?2, revision = revision + 1, title = '', \
                     initiative = NULL, answers = '{}', notes = '', expectation = '', what_happened = '', \
                     analysis = '', learning = '', feelings = '' WHERE id = ?1 AND deleted_at IS NULL",
                )?
                .execute(params![id, now])?;
            super::actions::tombstone_for_entry(&tx, id, &now)?;
            tx.prepare_cached("DELETE FROM drafts WHERE entry_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM entry_tags WHERE entry_id = ?1")?
                .execute([id])?;
            super::search::unindex(&tx, id)?;
            super::history::erase(&tx, id)?;
            if let Some(initiative) = initiative {
                super::initiatives::refresh_last_on(&tx, initiative)?;
            }
            tx.commit()?;
            Ok(n)
        })();
        match deleted.map_err(|e| self.fail(e))? {
            1 => self.after_erasure(),
            _ => Err(Error::NotFound {
                what: "entry",
                id: id.to_string(),
            }),
        }
    }

    /// How many entries are stored (not counting deleted ones).
    pub fn count_entries(&self) -> Result<u64> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM entries WHERE deleted_at IS NULL", [], |r| {
                r.get(0)
            })
            .map_err(|e| self.fail(e))?;
        Ok(n.unsigned_abs())
    }
}

/// The initiative of the live entry `id` (for a merge that replaces it).
pub(super) fn existing_initiative(
    tx: &rusqlite::Transaction<'_>,
    id: EntryId,
) -> rusqlite::Result<Option<InitiativeId>> {
    Ok(write::existing(tx, id)?.and_then(|(_, initiative)| initiative))
}

/// Writes an entry merged from elsewhere (an import) with its own metadata: the one write path.
pub(super) fn write_merged(
    tx: &rusqlite::Transaction<'_>,
    meta: &Meta,
    valid: &crate::reflection::entry::ValidEntry,
    texts: &[crate::reflection::EntryText],
    before: Option<Option<InitiativeId>>,
) -> rusqlite::Result<()> {
    write::write(tx, meta, valid, texts, before)
}

/// "Follows up on" `to`, linked inside the save's transaction: a link the rules refuse (a
/// circle, a deleted attempt) refuses the save, naming `followsUp`, and nothing is written.
fn follow_up(tx: &rusqlite::Transaction<'_>, path: &std::path::Path, meta: &Meta, to: Option<EntryId>) -> Result<()> {
    let Some(to) = to else { return Ok(()) };
    super::links::link(
        tx,
        path,
        meta.id,
        to,
        crate::LinkKind::FollowsUp,
        &meta.author,
        &meta.updated_at,
    )
    .map(|_| ())
    .map_err(|e| match e {
        Error::Invalid { problem, message, .. } => Error::Invalid {
            field: "followsUp".into(),
            problem,
            message,
        },
        Error::NotFound { .. } => Error::invalid(
            "followsUp",
            Problem::UnknownValue,
            format!("the attempt {to} to follow up on does not exist (it may have been deleted)"),
        ),
        other => other,
    })
}

/// The draft a save came from goes in the save's transaction: never both, never neither.
fn drop_draft(tx: &rusqlite::Transaction<'_>, draft: Option<DraftId>) -> rusqlite::Result<()> {
    if let Some(draft) = draft {
        tx.prepare_cached("DELETE FROM drafts WHERE id = ?1")?
            .execute([draft])?;
    }
    Ok(())
}
