//! Gone from the folder: after a withdrawal, this journal's own files that carried the withdrawn
//! records are written again without them, and the old files removed — so a colleague who reads
//! the folder later (a newcomer of that epoch, a member offline for months, a removed member
//! with their old keys) finds nothing of them.
//!
//! - A named bundle is replaced under the same number, signed again, naming the manifest it
//!   replaces (`replaces`): the author's chain reads it as that bundle, so nothing is reported
//!   missing and the next bundle still follows on.
//! - An anonymous bundle has no number: it is written again with what remains (each record
//!   signed again with its own key), or removed when nothing remains.
//! - A file of an epoch a removal has since sealed is left as it is: a replacement would count
//!   for nobody there. Its records were read by the members of that epoch already.

use super::format::MAX_FILE_BYTES;
use super::format::bundle::{Manifest, SignedRecord, open_bundle, seal_bundle};
use super::format::folder::{BUNDLE_EXT, read_bounded, space_dir, write_new};
use super::format::keys::{RecordKey, short_hash};
use super::format::record::{Record, Scope};
use crate::Store;
use crate::error::Result;
use crate::store::spaces::{AppliedFile, OwnFile, Space};
use std::collections::BTreeSet;
use std::path::Path;

impl Store {
    /// Writes this journal's files that carry any of `ids` again without them (all but
    /// `except`, the file that carries the withdrawal itself). Returns how many it changed.
    pub(crate) fn scrub(&mut self, s: &Space, ids: &[String], except: &str) -> Result<usize> {
        let gone: BTreeSet<&str> = ids.iter().map(String::as_str).collect();
        let mut changed = 0;
        for file in self.own_files(&s.info.id, &s.keys.public().key_id())? {
            if file.hash == except || !file.records.iter().any(|r| gone.contains(r.as_str())) {
                continue;
            }
            let path = space_dir(&s.info.folder, &s.info.id).join(&file.name);
            // An anonymous bundle still waiting for its moment is changed where it waits.
            let waiting = file.seq.is_none() && self.waiting(&s.info.id, &file.name)?;
            if !waiting && !std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                continue;
            }
            // Sealed since: a replacement would count for nobody (no seal names "-").
            if !self.counts_under_seals(&s.info.id, file.epoch as u64, "-")? {
                continue;
            }
            let replaced = match file.seq {
                Some(seq) => self.replace_named(s, &file, &path, seq as u64, &gone)?,
                None => self.replace_anonymous(s, &file, &path, &gone, waiting)?,
            };
            if replaced {
                changed += 1;
            }
        }
        Ok(changed)
    }

    /// After a read: this journal's comments that a withdrawal erased (on a share its author
    /// withdrew) are taken out of this journal's files too.
    pub(crate) fn scrub_erased(&mut self, s: &Space) -> Result<usize> {
        let mut erased = Vec::new();
        for file in self.own_files(&s.info.id, &s.keys.public().key_id())? {
            for id in file.records {
                if !self.record_kept(&s.info.id, &id)? {
                    erased.push(id);
                }
            }
        }
        if erased.is_empty() {
            return Ok(0);
        }
        self.scrub(s, &erased, "")
    }

    /// Removes one of this journal's files (`name` in the space's folder) that a withdrawal
    /// replaced. When the folder refuses at this moment, the file is kept to be removed at the
    /// next read (`remove_what_is_due`): the withdrawal itself has been written and stands.
    fn remove_own_file(&self, s: &Space, name: &str, path: &Path) -> Result<()> {
        match std::fs::remove_file(path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(_) => self.note_to_remove(&s.info.id, name),
        }
    }

    /// At each read: this journal's replaced files the folder refused to let go of before are
    /// removed now (each forgotten once it is gone). Returns how many are still there.
    pub(crate) fn remove_what_is_due(&self, s: &Space) -> Result<usize> {
        let names = self.names_to_remove(&s.info.id)?;
        let dir = space_dir(&s.info.folder, &s.info.id);
        let mut left = 0;
        for name in names {
            let path = dir.join(&name);
            let gone = match std::fs::symlink_metadata(&path) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
                // Something else stands there now: not this journal's file to remove.
                Ok(m) if !m.is_file() => true,
                _ => std::fs::remove_file(&path).is_ok(),
            };
            if gone {
                self.forget_to_remove(&s.info.id, &name)?;
            } else {
                left += 1;
            }
        }
        Ok(left)
    }

    /// A named bundle of this journal's, written again under its number without `gone`.
    fn replace_named(
        &mut self,
        s: &Space,
        file: &OwnFile,
        path: &Path,
        seq: u64,
        gone: &BTreeSet<&str>,
    ) -> Result<bool> {
        let Ok(bytes) = read_bounded(path, MAX_FILE_BYTES) else {
            return Ok(false);
        };
        let Ok(opened) = open_bundle(s.keys.identity(), &bytes) else {
            return Ok(false);
        };
        let me = s.keys.public().key_id();
        let Some(roster) = self.roster_at(&s.info.id, opened.manifest.epoch)? else {
            return Ok(false);
        };
        if opened.manifest.author.as_deref() != Some(me.as_str()) || opened.manifest.seq != Some(seq) {
            return Ok(false);
        }
        let mut manifest = opened.manifest.clone();
        manifest
            .records
            .retain(|r| !gone.contains(record_id(&r.record).as_str()));
        manifest.replaces = Some(file.manifest_hash.clone().unwrap_or(opened.hash));
        let (bytes, _) = seal_bundle(&manifest, Some(&s.keys), &roster)?;
        let hash = short_hash(&[&bytes]);
        let name = format!("{seq:08}-{}.{BUNDLE_EXT}", &hash[..16]);
        self.write_replacement(s, file, path, &manifest, &bytes, &hash, &name)
    }

    /// An anonymous bundle of this journal's, written again without `gone` (each remaining
    /// record signed again by its own key), or removed when nothing remains.
    fn replace_anonymous(
        &mut self,
        s: &Space,
        file: &OwnFile,
        path: &Path,
        gone: &BTreeSet<&str>,
        waiting: bool,
    ) -> Result<bool> {
        let remaining: Vec<&String> = file.records.iter().filter(|r| !gone.contains(r.as_str())).collect();
        if remaining.is_empty() {
            if waiting {
                self.rewrite_waiting(&s.info.id, &file.name, None)?;
            } else {
                self.remove_own_file(s, &file.name, path)?;
            }
            return Ok(true);
        }
        let Some(roster) = self.roster_at(&s.info.id, file.epoch as u64)? else {
            return Ok(false);
        };
        let mut signed = Vec::new();
        let mut counts = false;
        for id in remaining {
            let found = self.share_key_and_record(&s.info.id, id)?;
            // A record this journal cannot sign again: the file stays as it is.
            let Some((Some(seed), json)) = found else {
                return Ok(false);
            };
            let key = RecordKey::from_seed(&seed)?;
            counts |= serde_json::from_str::<Record>(&json).is_ok_and(|r| r.scope == Some(Scope::Aggregate));
            signed.push(SignedRecord {
                sig: Some(key.sign(json.as_bytes())),
                writer: Some(key.public()),
                record: json,
            });
        }
        let mut manifest = Manifest::new(&roster, None, signed);
        if counts {
            let leads: Vec<String> = roster.leads().map(|l| l.keys.key_id()).collect();
            manifest = manifest.for_audience(&leads);
        }
        let (bytes, _) = seal_bundle(&manifest, None, &roster)?;
        let hash = short_hash(&[&bytes]);
        let mut r = [0u8; 16];
        crate::vault::random::fill(&mut r)?;
        let name = format!("{}.{BUNDLE_EXT}", data_encoding::HEXLOWER.encode(&r));
        if waiting {
            let new_name = format!("anonymous/{name}");
            self.rewrite_waiting(&s.info.id, &file.name, Some((&new_name, &bytes)))?;
            self.remember_replacement(s, file, &manifest, &hash, &new_name)?;
            return Ok(true);
        }
        self.write_replacement(s, file, path, &manifest, &bytes, &hash, &name)
    }

    /// Writes the replacement beside `path`, records it as this journal's, then removes `path`.
    #[allow(clippy::too_many_arguments)]
    fn write_replacement(
        &mut self,
        s: &Space,
        file: &OwnFile,
        path: &Path,
        manifest: &Manifest,
        bytes: &[u8],
        hash: &str,
        name: &str,
    ) -> Result<bool> {
        let Some(dir) = path.parent() else {
            return Ok(false);
        };
        let written = write_new(dir, name, bytes)?;
        let relative = file
            .name
            .rsplit_once('/')
            .map_or(name.to_owned(), |(d, _)| format!("{d}/{name}"));
        if let Err(e) = self.remember_replacement(s, file, manifest, hash, &relative) {
            let _ = std::fs::remove_file(&written);
            return Err(e);
        }
        self.remove_own_file(s, &file.name, path)?;
        Ok(true)
    }

    /// Records a replacement (`relative` to the space's folder) as this journal's own file.
    fn remember_replacement(
        &self,
        s: &Space,
        file: &OwnFile,
        manifest: &Manifest,
        hash: &str,
        relative: &str,
    ) -> Result<()> {
        let ids: Vec<String> = manifest.records.iter().map(|r| record_id(&r.record)).collect();
        let me = s.keys.public().key_id();
        let row = AppliedFile {
            space: &s.info.id,
            hash,
            name: relative,
            author: Some(&me),
            seq: file.seq,
            manifest_hash: file.seq.and(manifest.replaces.as_deref()),
            prev: file.prev.as_deref(),
            epoch: file.epoch,
        };
        self.in_one_transaction(|| self.remember_applied_file(&row, ids.iter().map(String::as_str)))
    }
}

/// The id of a record's exact JSON (empty when it is not a record).
fn record_id(json: &str) -> String {
    serde_json::from_str::<Record>(json).map(|r| r.id).unwrap_or_default()
}
