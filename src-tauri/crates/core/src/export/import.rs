//! Import of Eftertanke's own JSON export, merged by id as sharing merges: an entry this
//! journal lacks is added, one it has in an older revision is replaced — only when the person
//! accepted that change, after [`Store::import_preview`] named it (title, date, what differs);
//! the version replaced stays in the entry's history —, one it has as it is (or newer) is left,
//! and one deleted here stays deleted. Everything is checked first (the file, every entry by its
//! guide's rules, the personal-data guard's CPR rule on every text the file brings — answers,
//! roles, actions and their notes, tags, initiatives —, the links), then written in one
//! transaction (`store/merged.rs`): a bad file, a CPR number or a cancel changes nothing.

use super::format::JournalFile;
use super::{ImportChange, ImportPreview, ImportReport};
use crate::error::{Error, Problem, Result};
use crate::id::EntryId;
use crate::progress::OnProgress;
use crate::reflection::action::ActionStatus;
use crate::reflection::check_before_saving;
use crate::reflection::entry::EntryInput;
use crate::reflection::entry_texts;
use crate::store::{Arriving, Merged, Store};
use crate::timeline::link::LinkKind;
use crate::vault::secret::Secret;
use std::path::Path;

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
        let file = super::reading::read(path, passphrase)?;
        self.import(&file, accept, on_progress)
    }

    /// What importing the export at `path` would do: every entry of this journal it would
    /// change, with its title, date and the answers that differ. Nothing is written.
    pub fn import_preview_file(&self, path: &Path, passphrase: Option<&Secret>) -> Result<ImportPreview> {
        let file = super::reading::read(path, passphrase)?;
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
                        .guides()
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

    /// Imports an export already read, changing only the existing entries named in `accept`.
    pub fn import(
        &mut self,
        file: &JournalFile,
        accept: &[EntryId],
        on_progress: &mut OnProgress<'_>,
    ) -> Result<ImportReport> {
        let checked = self.check_import(file)?;
        let merge = self.merge_arriving(&file.initiatives, &checked, &file.links, accept, on_progress)?;
        let count = |fate| merge.entries.iter().filter(|&&m| m == fate).count() as u32;
        Ok(ImportReport {
            added: count(Merged::Added),
            updated: count(Merged::Updated),
            unchanged: count(Merged::Unchanged),
            deleted_here: count(Merged::DeletedHere),
            declined: count(Merged::Declined),
            initiatives: merge.initiatives,
            links: merge.links,
        })
    }

    /// Every entry checked by its guide, the CPR rule and the file's own rules, before anything
    /// is written.
    fn check_import<'a>(&self, file: &'a JournalFile) -> Result<Vec<Arriving<'a>>> {
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
            let mut valid = input.validate(self.guides()).map_err(|e| at(i, e))?;
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
                input.guide(self.guides()).map_err(|e| at(i, e))?,
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
            out.push(Arriving {
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
