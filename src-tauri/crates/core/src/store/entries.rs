//! The `entries` table: saving, loading and paging reflections.

use super::Store;
use crate::entry::{Entry, EntryInput, EntryPage, EntrySummary, Outcome, Participation, ValidEntry};
use crate::error::{Error, Problem, Result};
use crate::id::{DraftId, EntryId, InitiativeId};
use crate::privacy::check_before_saving;
use crate::time;
use rusqlite::{OptionalExtension, Row, Transaction, named_params, params};

/// The most rows one journal page returns.
pub const MAX_PAGE_SIZE: u32 = 200;

const ENTRY_COLUMNS: &str = "id, guide_id, guide_version, occurred_on, title, outcome, initiative, answers, \
     completed_at, phase_entered, citizen_role, participation_level, initiator, solution_predecided, \
     interest_alignment, trust_before, trust_after, organisation, expectation, what_happened, analysis, \
     learning, feelings, author_id, created_at, updated_at, revision, initiative_id";

impl Store {
    /// Saves a new entry durably, with its actions; if it was typed into a draft, the draft
    /// goes in the same transaction, so there is never both or neither.
    ///
    /// A CPR number in any answer refuses the save ([`Problem::PersonalData`]) unless the input
    /// carries the person's override, which is then recorded in the entry's history.
    pub fn create_entry(&mut self, input: &EntryInput, from_draft: Option<DraftId>) -> Result<Entry> {
        let valid = input.validate(self.guides)?;
        let overridden = check_before_saving(&valid.projection.answers, &valid.tags, input.override_personal_data)?;
        let id = EntryId::new();
        let now = time::to_db(time::now());
        let author = self.installation_id;
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&self.path, e))?;
        let written = (|| {
            insert(&tx, id, &valid, &author.to_string(), &now)?;
            super::events::record_override(&tx, id, &overridden, &now)?;
            super::actions::replace_for_entry(&tx, id, &valid.projection.actions, author, &now)?;
            place_in_initiative(&tx, id, &valid, &author.to_string(), &now, None)?;
            replace_tags(&tx, id, &valid.tags)?;
            if let Some(draft) = from_draft {
                tx.prepare_cached("DELETE FROM drafts WHERE id = ?1")?
                    .execute([draft])?;
            }
            tx.commit()
        })();
        written.map_err(|e| self.fail(e).with_draft_kept(from_draft.is_some()))?;
        self.get_entry(id)
    }

    /// Overwrites an entry's answers durably and bumps its revision; keeps the ids and status
    /// of actions that stay; drops the draft it was edited in, in the same transaction. The
    /// personal-data rule of [`Store::create_entry`] applies.
    pub fn update_entry(&mut self, id: EntryId, input: &EntryInput, from_draft: Option<DraftId>) -> Result<Entry> {
        let valid = input.validate(self.guides)?;
        let overridden = check_before_saving(&valid.projection.answers, &valid.tags, input.override_personal_data)?;
        let now = time::to_db(time::now());
        let author = self.installation_id;
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&self.path, e))?;
        let changed = (|| -> rusqlite::Result<usize> {
            let before: Option<InitiativeId> = tx
                .prepare_cached("SELECT initiative_id FROM entries WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?
                .flatten();
            let n = update(&tx, id, &valid, &now)?;
            if n == 1 {
                super::events::record_override(&tx, id, &overridden, &now)?;
                super::actions::replace_for_entry(&tx, id, &valid.projection.actions, author, &now)?;
                place_in_initiative(&tx, id, &valid, &author.to_string(), &now, before)?;
                replace_tags(&tx, id, &valid.tags)?;
                if let Some(draft) = from_draft {
                    tx.prepare_cached("DELETE FROM drafts WHERE id = ?1")?
                        .execute([draft])?;
                }
                tx.commit()?;
            }
            Ok(n)
        })();
        match changed.map_err(|e| self.fail(e).with_draft_kept(from_draft.is_some()))? {
            1 => self.get_entry(id),
            _ => Err(Error::NotFound {
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
        let after = cursor.map(decode_cursor).transpose()?;
        let (day, id) = after.unwrap_or_else(|| ("9999-12-31".to_owned(), "~".to_owned()));
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
            entries.last().map(|e| format!("{}|{}", e.occurred_on, e.id))
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
                    check_before_saving(&v.projection.answers, &v.tags, input.override_personal_data).map(|o| (v, o))
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
        let author = self.installation_id;
        let tx = self.conn.transaction().map_err(|e| Error::from_sqlite(&self.path, e))?;
        let written = (|| {
            let mut ids = Vec::with_capacity(valid.len());
            for (v, overridden) in &valid {
                let id = EntryId::new();
                insert(&tx, id, v, &author.to_string(), &now)?;
                super::events::record_override(&tx, id, overridden, &now)?;
                super::actions::replace_for_entry(&tx, id, &v.projection.actions, author, &now)?;
                place_in_initiative(&tx, id, v, &author.to_string(), &now, None)?;
                replace_tags(&tx, id, &v.tags)?;
                ids.push(id);
            }
            tx.commit()?;
            Ok(ids)
        })();
        written.map_err(|e| self.fail(e))
    }

    /// Deletes an entry: its text, answers and actions are removed; a tombstone (id, day and
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
            tx.prepare_cached("DELETE FROM actions WHERE entry_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM drafts WHERE entry_id = ?1")?
                .execute([id])?;
            tx.prepare_cached("DELETE FROM entry_tags WHERE entry_id = ?1")?
                .execute([id])?;
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

fn replace_tags(tx: &Transaction<'_>, id: EntryId, tags: &[String]) -> rusqlite::Result<()> {
    tx.prepare_cached("DELETE FROM entry_tags WHERE entry_id = ?1")?
        .execute([id])?;
    for tag in tags {
        tx.prepare_cached("INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?1, ?2)")?
            .execute(params![id, tag])?;
    }
    Ok(())
}

/// Puts the entry in the initiative named in its answers (created if new), or in none, and
/// keeps both initiatives' latest day true.
fn place_in_initiative(
    tx: &Transaction<'_>,
    id: EntryId,
    v: &ValidEntry,
    author: &str,
    now: &str,
    before: Option<InitiativeId>,
) -> rusqlite::Result<()> {
    let initiative = match v.projection.initiative.as_deref() {
        Some(name) => Some(super::initiatives::find_or_create(tx, name, author, now)?),
        None => None,
    };
    tx.prepare_cached("UPDATE entries SET initiative_id = ?2 WHERE id = ?1")?
        .execute(params![id, initiative])?;
    for touched in [before, initiative].into_iter().flatten() {
        super::initiatives::refresh_last_on(tx, touched)?;
    }
    Ok(())
}

fn insert(tx: &Transaction<'_>, id: EntryId, v: &ValidEntry, author: &str, now: &str) -> rusqlite::Result<usize> {
    let p = &v.projection;
    tx.prepare_cached(
        "INSERT INTO entries (id, guide_id, guide_version, occurred_on, title, outcome, initiative, answers, \
         completed_at, phase_entered, citizen_role, participation_level, initiator, solution_predecided, \
         interest_alignment, trust_before, trust_after, organisation, expectation, what_happened, analysis, \
         learning, feelings, author_id, created_at, updated_at) \
         VALUES (:id, :guide_id, :guide_version, :occurred_on, :title, :outcome, :initiative, :answers, \
         :completed_at, :phase, :role, :level, :initiator, :predecided, :alignment, :trust_before, :trust_after, \
         :organisation, :expectation, :what_happened, :analysis, :learning, :feelings, :author, :now, :now)",
    )?
    .execute(named_params! {
        ":id": id,
        ":guide_id": v.guide_id,
        ":guide_version": v.guide_version,
        ":occurred_on": v.occurred_on.to_string(),
        ":title": v.title,
        ":outcome": v.outcome.code(),
        ":initiative": p.initiative,
        ":answers": serde_json::to_string(&p.answers).unwrap_or_else(|_| "{}".into()),
        ":completed_at": v.complete.then_some(now),
        ":phase": p.participation.phase,
        ":role": p.participation.role,
        ":level": p.participation.level,
        ":initiator": p.participation.initiator,
        ":predecided": p.participation.predecided,
        ":alignment": p.interest_alignment,
        ":trust_before": p.trust_before,
        ":trust_after": p.trust_after,
        ":organisation": p.organisation,
        ":expectation": p.common.expectation,
        ":what_happened": p.common.what_happened,
        ":analysis": p.common.analysis,
        ":learning": p.common.learning,
        ":feelings": p.common.feelings,
        ":author": author,
        ":now": now,
    })
}

fn update(tx: &Transaction<'_>, id: EntryId, v: &ValidEntry, now: &str) -> rusqlite::Result<usize> {
    let p = &v.projection;
    tx.prepare_cached(
        "UPDATE entries SET guide_id = :guide_id, guide_version = :guide_version, occurred_on = :occurred_on, \
         title = :title, outcome = :outcome, initiative = :initiative, answers = :answers, \
         completed_at = CASE WHEN :complete THEN coalesce(completed_at, :now) ELSE completed_at END, \
         phase_entered = :phase, citizen_role = :role, participation_level = :level, initiator = :initiator, \
         solution_predecided = :predecided, interest_alignment = :alignment, trust_before = :trust_before, \
         trust_after = :trust_after, organisation = :organisation, expectation = :expectation, \
         what_happened = :what_happened, analysis = :analysis, learning = :learning, feelings = :feelings, \
         updated_at = :now, revision = revision + 1 WHERE id = :id AND deleted_at IS NULL",
    )?
    .execute(named_params! {
        ":id": id,
        ":guide_id": v.guide_id,
        ":guide_version": v.guide_version,
        ":occurred_on": v.occurred_on.to_string(),
        ":title": v.title,
        ":outcome": v.outcome.code(),
        ":initiative": p.initiative,
        ":answers": serde_json::to_string(&p.answers).unwrap_or_else(|_| "{}".into()),
        ":complete": v.complete,
        ":phase": p.participation.phase,
        ":role": p.participation.role,
        ":level": p.participation.level,
        ":initiator": p.participation.initiator,
        ":predecided": p.participation.predecided,
        ":alignment": p.interest_alignment,
        ":trust_before": p.trust_before,
        ":trust_after": p.trust_after,
        ":organisation": p.organisation,
        ":expectation": p.common.expectation,
        ":what_happened": p.common.what_happened,
        ":analysis": p.common.analysis,
        ":learning": p.common.learning,
        ":feelings": p.common.feelings,
        ":now": now,
    })
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

pub(super) fn conversion(idx: usize, err: impl Into<Box<dyn std::error::Error + Send + Sync>>) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, err.into())
}

pub(super) fn outcome_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<Outcome> {
    let code: String = row.get(idx)?;
    code.parse().map_err(|()| conversion(idx, format!("outcome {code}")))
}

pub(super) fn date_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::NaiveDate> {
    let text: String = row.get(idx)?;
    chrono::NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| conversion(idx, e))
}

pub(super) fn instant_col(row: &Row<'_>, idx: usize) -> rusqlite::Result<chrono::DateTime<chrono::Utc>> {
    let text: String = row.get(idx)?;
    time::from_db(&text).map_err(|e| conversion(idx, e))
}

fn entry_from_row(row: &Row<'_>) -> rusqlite::Result<Entry> {
    let answers: String = row.get(7)?;
    let completed_at: Option<String> = row.get(8)?;
    Ok(Entry {
        id: row.get(0)?,
        guide_id: row.get(1)?,
        guide_version: row.get(2)?,
        occurred_on: date_col(row, 3)?,
        title: row.get(4)?,
        outcome: outcome_col(row, 5)?,
        initiative: row.get(6)?,
        answers: serde_json::from_str(&answers).map_err(|e| conversion(7, e))?,
        completed_at: completed_at
            .map(|t| time::from_db(&t))
            .transpose()
            .map_err(|e| conversion(8, e))?,
        participation: Participation {
            phase: row.get(9)?,
            role: row.get(10)?,
            level: row.get(11)?,
            initiator: row.get(12)?,
            predecided: row.get(13)?,
        },
        interest_alignment: row.get(14)?,
        trust_before: row.get(15)?,
        trust_after: row.get(16)?,
        organisation: row.get(17)?,
        expectation: row.get(18)?,
        what_happened: row.get(19)?,
        analysis: row.get(20)?,
        learning: row.get(21)?,
        feelings: row.get(22)?,
        actions: Vec::new(),
        tags: Vec::new(),
        author_id: row.get(23)?,
        created_at: instant_col(row, 24)?,
        updated_at: instant_col(row, 25)?,
        revision: row.get(26)?,
        initiative_id: row.get(27)?,
    })
}

fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<EntrySummary> {
    let head: String = row.get(7)?;
    let first_line = head.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
    let mut excerpt: String = first_line.chars().take(160).collect();
    if first_line.chars().count() > 160 {
        excerpt.push('…');
    }
    Ok(EntrySummary {
        id: row.get(0)?,
        occurred_on: date_col(row, 1)?,
        title: row.get(2)?,
        outcome: outcome_col(row, 3)?,
        initiative: row.get(9)?,
        guide_id: row.get(4)?,
        complete: row.get(5)?,
        participation_level: row.get(6)?,
        excerpt,
        updated_at: instant_col(row, 8)?,
    })
}
