//! Import of Eftertanke's own JSON export, merged by id as sharing merges: an entry this
//! journal lacks is added, one it has in an older revision is replaced — only when the person
//! accepted that change, after [`Store::import_preview`] named it (title, date, what differs);
//! the version replaced stays in the entry's history —, one it has as it is (or newer) is left,
//! and one deleted here stays deleted. Everything is checked first (the file, every entry by its
//! guide's rules, the personal-data guard's CPR rule on every text the file brings — answers,
//! roles, actions and their notes, tags, initiatives —, the links), then written in one
//! transaction: a bad file, a CPR number or a cancel changes nothing.

use super::Store;
use super::entry_meta::Meta;
use crate::error::{Error, Problem, Result};
use crate::export::format::{EntryRecord, InitiativeRecord, JournalFile};
use crate::export::{ImportChange, ImportPreview, ImportReport};
use crate::id::EntryId;
use crate::progress::{OnProgress, Progress};
use crate::reflection::action::ActionStatus;
use crate::reflection::check_before_saving;
use crate::reflection::entry::{EntryInput, ValidEntry};
use crate::reflection::entry_texts;
use crate::reflection::texts::EntryText;
use crate::timeline::link::LinkKind;
use crate::vault::secret::Secret;
use rusqlite::{OptionalExtension, Transaction, params};
use std::path::Path;

/// An entry of the file, checked.
struct Checked<'a> {
    record: &'a EntryRecord,
    valid: ValidEntry,
    texts: Vec<EntryText>,
}

/// Names a field of the `i`-th entry of the file.
fn at(i: usize, e: Error) -> Error {
    match e {
        Error::Invalid {
            field,
            problem,
            message,
        } => Error::Invalid {
            field: format!("entries[{i}].{field}"),
            problem,
            message: format!("{message}. Nothing was imported"),
        },
        other => other,
    }
}

/// A text of the file holds a CPR number: refused as saving refuses it, the number not repeated.
fn holds_cpr(field: String) -> Error {
    Error::invalid(
        &field,
        Problem::PersonalData,
        "it holds a CPR number, which Eftertanke does not keep; remove it from the file. Nothing was imported",
    )
}

fn bad(field: String, message: String) -> Error {
    Error::invalid(&field, Problem::Malformed, format!("{message}. Nothing was imported"))
}

impl Store {
    /// Imports the export at `path` (an `.age` file needs its `passphrase`), changing only the
    /// existing entries named in `accept`.
    pub fn import_file(
        &mut self,
        path: &Path,
        passphrase: Option<&Secret>,
        accept: &[EntryId],
        on_progress: &mut OnProgress<'_>,
    ) -> Result<ImportReport> {
        let file = crate::export::reading::read(path, passphrase)?;
        self.import(&file, accept, on_progress)
    }

    /// What importing the export at `path` would do: every entry of this journal it would
    /// change, with its title, date and the answers that differ. Nothing is written.
    pub fn import_preview_file(&self, path: &Path, passphrase: Option<&Secret>) -> Result<ImportPreview> {
        let file = crate::export::reading::read(path, passphrase)?;
        self.import_preview(&file)
    }

    /// [`Store::import_preview_file`] of an export already read.
    pub fn import_preview(&self, file: &JournalFile) -> Result<ImportPreview> {
        let checked = self.check_import(file)?;
        let mut preview = ImportPreview::default();
        for c in &checked {
            match self.revision_here(c.record.id)? {
                None => preview.added += 1,
                Some((_, true)) => preview.deleted_here += 1,
                Some((rev, false)) if rev >= i64::from(c.record.revision) => preview.unchanged += 1,
                Some(_) => {
                    let here = self.get_entry(c.record.id)?;
                    let order: Vec<&str> = self
                        .guides
                        .get(&c.record.guide_id, c.record.guide_version)
                        .map(|g| g.questions().map(|q| q.id.as_str()).collect())
                        .unwrap_or_default();
                    let title_in_file = c.valid.title.clone();
                    preview.changes.push(ImportChange {
                        id: here.id,
                        changed: crate::reflection::history::changed(
                            (&here.answers, &here.tags),
                            (&c.valid.projection.answers, &c.valid.tags),
                            &order,
                        ),
                        title_in_file: (title_in_file != here.title).then_some(title_in_file),
                        title: here.title,
                        occurred_on: here.occurred_on,
                        guide_id: c.record.guide_id.clone(),
                        guide_version: c.record.guide_version,
                    });
                }
            }
        }
        Ok(preview)
    }

    /// An entry's revision here and whether it is deleted, if this journal has it.
    fn revision_here(&self, id: EntryId) -> Result<Option<(i64, bool)>> {
        self.conn
            .prepare_cached("SELECT revision, deleted_at IS NOT NULL FROM entries WHERE id = ?1")
            .and_then(|mut s| s.query_row([id], |row| Ok((row.get(0)?, row.get(1)?))).optional())
            .map_err(|e| self.fail(e))
    }

    /// Imports an export already read, changing only the existing entries named in `accept`.
    pub fn import(
        &mut self,
        file: &JournalFile,
        accept: &[EntryId],
        on_progress: &mut OnProgress<'_>,
    ) -> Result<ImportReport> {
        let checked = self.check_import(file)?;
        let path = self.path.clone();
        let sql = |e| Error::from_sqlite(&path, e);
        let total = checked.len() as u64;
        let tx = self.conn.transaction().map_err(sql)?;
        let mut report = ImportReport::default();
        for i in &file.initiatives {
            report.initiatives += u32::from(merge_initiative(&tx, i).map_err(sql)?);
        }
        for (n, c) in checked.iter().enumerate() {
            if n % 100 == 0 && !on_progress(Progress { done: n as u64, total }) {
                return Err(Error::Cancelled { what: "the import" });
            }
            merge_entry(&tx, c, accept.contains(&c.record.id), &mut report).map_err(sql)?;
        }
        for l in &file.links {
            let kind = LinkKind::from_code(&l.kind).unwrap_or(LinkKind::Related);
            report.links += u32::from(super::links::import_link(&tx, &path, l, kind)?);
        }
        if !on_progress(Progress { done: total, total }) {
            return Err(Error::Cancelled { what: "the import" });
        }
        tx.commit().map_err(sql)?;
        Ok(report)
    }

    /// Every entry checked by its guide, the CPR rule and the file's own rules, before anything
    /// is written.
    fn check_import<'a>(&self, file: &'a JournalFile) -> Result<Vec<Checked<'a>>> {
        let mut seen = std::collections::HashSet::new();
        let mut out = Vec::with_capacity(file.entries.len());
        for (i, r) in file.entries.iter().enumerate() {
            if !seen.insert(r.id) {
                return Err(bad(
                    format!("entries[{i}].id"),
                    format!("the entry {} is in the file twice", r.id),
                ));
            }
            for (field, t) in [
                ("createdAt", Some(&r.created_at)),
                ("updatedAt", Some(&r.updated_at)),
                ("completedAt", r.completed_at.as_ref()),
            ] {
                if let Some(t) = t
                    && crate::time::from_db(t).is_err()
                {
                    return Err(bad(format!("entries[{i}].{field}"), format!("'{t}' is not a time")));
                }
            }
            if r.revision == 0 || r.author.trim().is_empty() {
                return Err(bad(
                    format!("entries[{i}]"),
                    "an entry needs an author and a revision of 1 or more".into(),
                ));
            }
            if let Some(a) = r.actions.iter().find(|a| ActionStatus::from_code(&a.status).is_none()) {
                return Err(bad(
                    format!("entries[{i}].actions"),
                    format!("'{}' is not a status of an action", a.status),
                ));
            }
            let input = EntryInput {
                guide_id: r.guide_id.clone(),
                guide_version: Some(r.guide_version),
                answers: r.answers.clone(),
                complete: r.completed_at.is_some(),
                tags: r.tags.clone(),
                override_personal_data: false,
                follows_up: None,
            };
            let mut valid = input.validate(self.guides).map_err(|e| at(i, e))?;
            if r.actions.len() > valid.projection.actions.len() {
                return Err(bad(
                    format!("entries[{i}].actions"),
                    "there are more actions than the answers hold".into(),
                ));
            }
            // The actions keep their ids: the i-th record is the i-th action of the answers.
            for (a, record) in valid.projection.actions.iter_mut().zip(&r.actions) {
                if self.action_elsewhere(record.id, r.id)? {
                    return Err(bad(
                        format!("entries[{i}].actions"),
                        format!("the action {} belongs to another entry", record.id),
                    ));
                }
                for t in [&record.created_at, &record.updated_at] {
                    if crate::time::from_db(t).is_err() {
                        return Err(bad(format!("entries[{i}].actions"), format!("'{t}' is not a time")));
                    }
                }
                a.id = Some(record.id);
            }
            let texts = entry_texts(
                input.guide(self.guides).map_err(|e| at(i, e))?,
                &valid.projection.answers,
                &valid.tags,
            );
            check_before_saving(&texts, false).map_err(|e| at(i, e))?;
            // An action's status note is a text the file brings too.
            if let Some(a) = r
                .actions
                .iter()
                .position(|a| crate::privacy::count_cpr(&a.status_note) > 0)
            {
                return Err(holds_cpr(format!("entries[{i}].actions[{a}].statusNote")));
            }
            out.push(Checked {
                record: r,
                valid,
                texts,
            });
        }
        for (i, init) in file.initiatives.iter().enumerate() {
            for (field, text) in [
                ("title", &init.title),
                ("neighbourhood", &init.neighbourhood),
                ("citizenGroup", &init.citizen_group),
                ("purpose", &init.purpose),
            ] {
                if crate::privacy::count_cpr(text) > 0 {
                    return Err(holds_cpr(format!("initiatives[{i}].{field}")));
                }
            }
        }
        for (i, l) in file.links.iter().enumerate() {
            if LinkKind::from_code(&l.kind).is_none() {
                return Err(bad(
                    format!("links[{i}].kind"),
                    format!("'{}' is not a kind of link", l.kind),
                ));
            }
        }
        Ok(out)
    }
}

impl Store {
    /// Whether the action `id` is in this journal under another entry than `entry`.
    fn action_elsewhere(&self, id: crate::id::ActionId, entry: crate::id::EntryId) -> Result<bool> {
        self.conn
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM actions WHERE id = ?1 AND entry_id != ?2)")
            .and_then(|mut s| s.query_row(params![id, entry], |r| r.get(0)))
            .map_err(|e| self.fail(e))
    }
}

/// An initiative the journal lacks is added; one it has in an older revision takes the file's
/// words. Returns whether anything changed.
fn merge_initiative(tx: &Transaction<'_>, i: &InitiativeRecord) -> rusqlite::Result<bool> {
    let have: Option<i64> = tx
        .prepare_cached("SELECT revision FROM initiatives WHERE id = ?1")?
        .query_row([i.id], |r| r.get(0))
        .optional()?;
    let key = crate::name_key::name_key(i.title.trim());
    let n = match have {
        None => tx
            .prepare_cached(
                "INSERT INTO initiatives (id, title, title_key, neighbourhood, citizen_group, purpose, author_id, \
                 created_at, updated_at, revision) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                i.id, i.title.trim(), key, i.neighbourhood, i.citizen_group, i.purpose, i.author, i.created_at, i.updated_at, i.revision
            ])?,
        Some(rev) if rev < i64::from(i.revision) => tx
            .prepare_cached(
                "UPDATE initiatives SET title = ?2, title_key = ?3, neighbourhood = ?4, citizen_group = ?5, purpose = ?6, \
                 updated_at = ?7, revision = ?8 WHERE id = ?1 AND deleted_at IS NULL",
            )?
            .execute(params![i.id, i.title.trim(), key, i.neighbourhood, i.citizen_group, i.purpose, i.updated_at, i.revision])?,
        Some(_) => 0,
    };
    Ok(n > 0)
}

fn merge_entry(
    tx: &Transaction<'_>,
    c: &Checked<'_>,
    accepted: bool,
    report: &mut ImportReport,
) -> rusqlite::Result<()> {
    let r = c.record;
    let have: Option<(i64, bool)> = tx
        .prepare_cached("SELECT revision, deleted_at IS NOT NULL FROM entries WHERE id = ?1")?
        .query_row([r.id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    let before = match have {
        Some((_, true)) => {
            report.deleted_here += 1;
            return Ok(());
        }
        Some((rev, false)) if rev >= i64::from(r.revision) => {
            report.unchanged += 1;
            return Ok(());
        }
        Some(_) if !accepted => {
            report.declined += 1;
            return Ok(());
        }
        Some(_) => {
            report.updated += 1;
            Some(super::entries::existing_initiative(tx, r.id)?)
        }
        None => {
            report.added += 1;
            None
        }
    };
    let meta = Meta {
        id: r.id,
        author: r.author.clone(),
        created_at: r.created_at.clone(),
        updated_at: r.updated_at.clone(),
        revision: i64::from(r.revision),
        completed_at: r.completed_at.clone(),
    };
    super::entries::write_merged(tx, &meta, &c.valid, &c.texts, before)?;
    for a in &r.actions {
        tx.prepare_cached(
            "UPDATE actions SET status = ?3, status_note = ?4, created_at = ?5, updated_at = ?6 WHERE id = ?1 AND entry_id = ?2",
        )?
        .execute(params![a.id, r.id, a.status, a.status_note, a.created_at, a.updated_at])?;
    }
    Ok(())
}
