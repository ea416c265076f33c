//! Reading a space's folder: new rosters first (signed by the space's lead), then every bundle
//! not read before, each applied all-or-nothing in one transaction after its checks —
//! decryption, size, format, space, the roster of its epoch, the author's membership and
//! signature, every record's shape, the guard on incoming texts (a CPR number is held back,
//! not merged), and a stop when one bundle withdraws more than a handful of records. The list
//! and what is remembered of each file are `store/spaces/folder_memory.rs`; one bundle's checks,
//! `apply.rs`.

use super::apply::Outcome;
use super::format::MAX_FILE_BYTES;
use super::format::bundle::Refusal;
use super::format::folder::{Found, Unread, check_folder, read_bounded, space_dir};
use super::format::keys::short_hash;
use super::format::removal::{NOTICE_EXT, open_notice};
use super::format::roster::{RosterRefusal, open_roster};
use crate::Store;
use crate::error::Result;
use crate::store::spaces::{FileProblem, FileState, HELD, NOT_OURS, Space, list_space, problem};
use serde::Serialize;
use ts_rs::TS;

/// What one read of the folder did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    /// Things in the space's folder that are not Eftertanke's files (other files, links,
    /// pipes, devices): left alone, counted, never listed one by one.
    pub not_ours: usize,
    /// The folder holds more than a read lists ([`crate::spaces::format::folder::MAX_FILES_LISTED`]).
    pub cut: bool,
    pub rosters: usize,
    pub bundles: usize,
    pub records: usize,
    /// Files seen before and left as they were.
    pub unchanged: usize,
    /// Files still arriving (empty placeholders), or waiting for a roster not read yet.
    pub waiting: usize,
    pub rejected: Vec<FileProblem>,
}

/// Every file Eftertanke writes into a space is an age file.
fn looks_like_age(bytes: &[u8]) -> bool {
    bytes.starts_with(b"age-encryption.org/v1\n")
}

/// The most files one read opens (reads, hashes and decrypts) that it has not seen before; the
/// rest wait for the next read, which the status counts as still to be read. A team's folder
/// stays far below it (20 members × 500 bundles is 10,000 files, read once each).
pub const MAX_NEW_FILES_PER_READ: usize = 50_000;

/// The epoch a roster file's name gives (`000004-….roster`).
fn epoch_of(f: &Found) -> Option<u64> {
    f.path.file_name()?.to_str()?.split('-').next()?.parse().ok()
}

impl Store {
    /// Reads what arrived in the space's folder. A missing or emptied folder is refused and
    /// changes nothing; a file that vanished deletes nothing. Only regular files are opened,
    /// each read no further than the largest file a space holds; a file unchanged since the
    /// last read is neither read nor hashed again.
    pub fn sync_space(&mut self, space: &str, allow_mass_withdrawal: bool) -> Result<SyncReport> {
        let s = self.space(space)?;
        check_folder(&s.info.folder)?;
        // This journal's anonymous bundles whose moment has come.
        self.flush_outbox(&s)?;
        let dir = space_dir(&s.info.folder, &s.info.id);
        let mut report = SyncReport::default();
        let listed = list_space(&dir);
        report.not_ours = listed.not_ours;
        report.cut = listed.cut;
        let mut budget = MAX_NEW_FILES_PER_READ;
        let last_seen = self.last_seen(&s.info.id)?;
        let unchanged = |f: &Found| {
            last_seen
                .get(&f.name)
                .filter(|(stat, _)| *stat == f.stat)
                .map(|(_, hash)| hash.clone())
        };
        // What this read saw of each file it opened, written in one transaction at the end (a
        // write per file would sync the journal once per file).
        let mut seen_now: Vec<(&Found, String)> = Vec::new();
        let mut not_ours_now: Vec<(&Found, String)> = Vec::new();
        // The rosters of this read in one transaction: one sync of the journal, not one a file.
        self.in_one_transaction(|| {
            for f in &listed.rosters {
                if unchanged(f).is_some() {
                    report.unchanged += 1;
                    continue;
                }
                if budget == 0 {
                    report.waiting += 1;
                    continue;
                }
                budget -= 1;
                let bytes = match read_bounded(&f.path, MAX_FILE_BYTES) {
                    Ok(b) => b,
                    Err(Unread::Gone) => continue,
                    Err(_) => {
                        report.not_ours += 1;
                        continue;
                    }
                };
                if bytes.is_empty() {
                    report.waiting += 1;
                    continue;
                }
                let file_hash = short_hash(&[&bytes]);
                if let Some(why) = self.read_roster(&s, f, &bytes, &file_hash, &mut report)? {
                    self.record_file(&s.info.id, &file_hash, f, "rejected", Some(&why))?;
                }
                seen_now.push((f, file_hash.clone()));
            }
            Ok(())
        })?;
        self.read_notices(&s, &listed.notices)?;
        if report.rosters > 0 {
            for (file, ids) in self.take_back_sealed_out(&s)? {
                if self.share_again(space, &ids)? {
                    // Written again where it counts: no longer this journal's problem to name.
                    self.note_shared_again(&s.info.id, &file)?;
                }
            }
        }
        // The newest roster, with every removal, after the rosters of this read.
        let s = self.space(space)?;
        let recorded = self.recorded(&s.info.id)?;
        for f in &listed.bundles {
            let cached = unchanged(f);
            let (bytes, file_hash) = match cached {
                Some(hash) => (None, hash),
                None => {
                    if budget == 0 {
                        report.waiting += 1;
                        continue;
                    }
                    budget -= 1;
                    match read_bounded(&f.path, MAX_FILE_BYTES) {
                        Ok(b) if b.is_empty() => {
                            report.waiting += 1;
                            continue;
                        }
                        Ok(b) => {
                            let hash = short_hash(&[&b]);
                            (Some(b), hash)
                        }
                        Err(Unread::Gone) => continue,
                        Err(Unread::TooLarge) => {
                            let why = Refusal::TooLarge;
                            self.record_file(&s.info.id, &format!("size:{}", f.name), f, "rejected", Some(&why))?;
                            report.rejected.push(problem(f, &why));
                            continue;
                        }
                        Err(Unread::NotRegular) => {
                            report.not_ours += 1;
                            continue;
                        }
                    }
                }
            };
            // Recorded before this read (a lookup), or by this read itself under another name (a
            // carrier's copy of the same bytes: asked of the journal).
            let seen: Option<FileState> = match recorded.get(&file_hash) {
                Some(state) => Some(state.clone()),
                None => self.file_state(&s.info.id, &file_hash)?,
            };
            // A file held for the person's agreement (a mass withdrawal) is read again once
            // they agree; every other file read before stays as it was.
            let agreed = allow_mass_withdrawal && seen.as_ref().is_some_and(|(state, _, _)| state == HELD);
            if let Some((state, code, reason)) = seen.filter(|_| !agreed) {
                if state == NOT_OURS {
                    report.not_ours += 1;
                } else {
                    report.unchanged += 1;
                }
                if state == "rejected" || state == HELD {
                    report.rejected.push(FileProblem {
                        name: f.name.clone(),
                        code: code.unwrap_or_default(),
                        reason: reason.unwrap_or_default(),
                    });
                }
                if bytes.is_some() {
                    seen_now.push((f, file_hash.clone()));
                }
                continue;
            }
            // Seen by its size and time, but never recorded (it was waiting for a roster, or
            // a mass withdrawal is now agreed to): read it after all.
            let bytes = match bytes {
                Some(b) => b,
                None => match read_bounded(&f.path, MAX_FILE_BYTES) {
                    Ok(b) => b,
                    Err(_) => continue,
                },
            };
            if !looks_like_age(&bytes) {
                // Not an Eftertanke file at all: counted, never listed one by one.
                report.not_ours += 1;
                not_ours_now.push((f, file_hash.clone()));
                seen_now.push((f, file_hash.clone()));
                continue;
            }
            match self.read_bundle(&s, f, &bytes, &file_hash, allow_mass_withdrawal)? {
                Outcome::Applied(n) => {
                    report.bundles += 1;
                    report.records += n;
                }
                Outcome::NotForMe => report.unchanged += 1,
                Outcome::Waiting => report.waiting += 1,
                Outcome::Rejected(why) => report.rejected.push(problem(f, &why)),
            }
            seen_now.push((f, file_hash.clone()));
        }
        self.remember_stats(&s.info.id, &seen_now, &not_ours_now)?;
        self.forget_what_is_gone(&s.info.id, &listed)?;
        self.note_read(&s.info.id, report.not_ours)?;
        // What is older than the space's retention period goes, here and from this journal's files.
        self.apply_retention(&s)?;
        // The lead's app releases the team's counts when enough has changed.
        self.release_counts(&s)?;
        // This journal's comments a withdrawal erased leave its files too (only a read that
        // took something can have erased any).
        if !s.removed && report.records > 0 {
            self.scrub_erased(&s)?;
        }
        // And what a withdrawal could not remove at its moment goes now.
        self.remove_what_is_due(&s)?;
        Ok(report)
    }

    /// One roster file: taken up when the lead this journal joined with signed it for this
    /// space; refused (with its reason) when it is not a roster of this space or someone else
    /// signed it. A file this journal cannot open never counts as its removal: only the lead's
    /// notice does (`read_notices`).
    fn read_roster(
        &self,
        s: &Space,
        f: &Found,
        bytes: &[u8],
        file_hash: &str,
        report: &mut SyncReport,
    ) -> Result<Option<Refusal>> {
        let (roster, signer) = match open_roster(s.keys.identity(), bytes) {
            Ok(opened) => opened,
            // A roster of an epoch before this journal joined, or after it was removed.
            Err(RosterRefusal::NotForMe) if s.removed || epoch_of(f).is_some_and(|e| e <= s.roster.epoch) => {
                return Ok(None);
            }
            Err(RosterRefusal::NewerFormat(v)) => return Ok(Some(Refusal::NewerFormat(v))),
            Err(_) => return Ok(Some(Refusal::NotARoster)),
        };
        if roster.space != s.info.id {
            return Ok(Some(Refusal::NotARoster));
        }
        if signer != s.lead_key {
            // Only the lead says who is in the space: said, and kept out.
            return Ok(Some(Refusal::NotLead("roster".into())));
        }
        let json = serde_json::to_string(&roster).map_err(|e| crate::error::Error::caused("keeping the roster", e))?;
        let roster_hash = short_hash(&[json.as_bytes()]);
        self.remember_roster_file(&s.info.id, roster.epoch, file_hash, &roster_hash, &f.name)?;
        if self.keep_roster(&roster)? {
            report.rosters += 1;
        }
        Ok(None)
    }

    /// The lead's removal notices: this journal counts itself removed only on one signed by
    /// the lead key it joined with, for this space and its own key. The lead writes a notice
    /// again for every removal whose notice is not in the folder (a removal made before
    /// notices existed, or a notice deleted).
    fn read_notices(&mut self, s: &Space, notices: &[Found]) -> Result<()> {
        let me = s.keys.public().key_id();
        if s.info.lead {
            return self.write_missing_notices(s, notices);
        }
        if s.removed {
            return Ok(());
        }
        let Some(lead) = self.lead_keys(s)? else { return Ok(()) };
        let mine = format!("-{}.{NOTICE_EXT}", &me[..16.min(me.len())]);
        for f in notices.iter().filter(|f| f.name.ends_with(&mine)) {
            let Ok(bytes) = read_bounded(&f.path, MAX_FILE_BYTES) else {
                continue;
            };
            if open_notice(s.keys.identity(), &bytes, &lead, &s.info.id, &me).is_some() {
                self.note_removed(&s.info.id)?;
                break;
            }
        }
        Ok(())
    }

    /// Reads every space's folder, as the app does while it runs: a space whose folder is not
    /// there is skipped (its status says so) and does not stop the others. Returns how many
    /// new rosters and bundles were applied.
    pub fn sync_all_spaces(&mut self) -> Result<usize> {
        Ok(self
            .sync_spaces(None, false)?
            .iter()
            .filter_map(|(_, r)| r.as_ref())
            .map(|r| r.rosters + r.bundles)
            .sum())
    }

    /// Reads `only` that space's folder, or every space's, for both shells: each space with
    /// what its read did, or `None` when its folder is not there (skipped: a space whose folder
    /// is not connected does not stop the others; `only` a space whose folder is not there is
    /// refused, saying so).
    pub fn sync_spaces(
        &mut self,
        only: Option<&str>,
        allow_mass_withdrawal: bool,
    ) -> Result<Vec<(String, Option<SyncReport>)>> {
        if let Some(space) = only {
            return Ok(vec![(
                space.to_owned(),
                Some(self.sync_space(space, allow_mass_withdrawal)?),
            )]);
        }
        let mut out = Vec::new();
        for space in self.spaces()? {
            let report = if space.folder.is_dir() {
                Some(self.sync_space(&space.id, allow_mass_withdrawal)?)
            } else {
                None
            };
            out.push((space.id, report));
        }
        Ok(out)
    }
}
