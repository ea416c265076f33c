//! Reading a space's folder: new rosters first (signed by the space's lead), then every bundle
//! not read before, each applied all-or-nothing in one transaction after its checks —
//! decryption, size, format, space, the roster of its epoch, the author's membership and
//! signature, every record's shape, the guard on incoming texts (a CPR number is held back,
//! not merged), and a stop when one bundle withdraws more than a handful of records.

use super::super::Store;
use super::merge::{AppliedFile, Incoming, Merged, merge, remember_file};
use super::share::anonymous_writer;
use crate::error::Result;
use crate::spaces::MAX_FILE_BYTES;
use crate::spaces::bundle::{Opened, Refusal, Writer, open_bundle};
use crate::spaces::folder::{
    BUNDLE_EXT, Found, ROSTER_EXT, Stat, Unread, check_folder, list_all, read_bounded, space_dir,
};
use crate::spaces::keys::{bound_record_id, is_bound_record_id, short_hash};
use crate::spaces::record::{LEAD_ONLY, Record, texts_of};
use crate::spaces::removal::{NOTICE_EXT, open_notice};
use crate::spaces::roster::{RosterRefusal, open_roster};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

/// More withdrawals than this in one bundle are held until the person agrees.
pub const MASS_WITHDRAWAL: usize = 5;

/// The state of a file held until the person agrees to read it (`space_files.state`, beside
/// applied, rejected and not_for_me).
pub(super) const HELD: &str = "held";

/// A file's recorded state, and why it was refused (code and words), if it was.
type FileState = (String, Option<String>, Option<String>);

/// The state of a file that is not Eftertanke's (not an age file at all): counted, not listed.
const NOT_OURS: &str = "not_ours";

fn problem(f: &Found, why: &Refusal) -> FileProblem {
    FileProblem {
        name: f.name.clone(),
        code: why.code().into(),
        reason: why.message(),
    }
}

/// Every file Eftertanke writes into a space is an age file.
fn looks_like_age(bytes: &[u8]) -> bool {
    bytes.starts_with(b"age-encryption.org/v1\n")
}

/// A file of the folder that was not applied, and why, in words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileProblem {
    /// Its path below the space's folder (random ids only).
    pub name: String,
    pub code: String,
    pub reason: String,
}

/// What one read of the folder did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncReport {
    /// Things in the space's folder that are not Eftertanke's files (other files, links,
    /// pipes, devices): left alone, counted, never listed one by one.
    pub not_ours: usize,
    /// The folder holds more than a read lists ([`crate::spaces::folder::MAX_FILES_LISTED`]).
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

/// How a bundle file ended.
pub(super) enum Outcome {
    Applied(usize),
    Rejected(Refusal),
    NotForMe,
    /// To be read again later, not recorded.
    Waiting,
}

/// The most files one read opens (reads, hashes and decrypts) that it has not seen before; the
/// rest wait for the next read, which the status counts as still to be read. A team's folder
/// stays far below it (20 members × 500 bundles is 10,000 files, read once each).
pub const MAX_NEW_FILES_PER_READ: usize = 50_000;

/// The files of one read of the folder, as listed.
struct Listed {
    rosters: Vec<Found>,
    notices: Vec<Found>,
    bundles: Vec<Found>,
    /// Things that are not Eftertanke's files.
    not_ours: usize,
    cut: bool,
}

fn list_space(dir: &std::path::Path) -> Listed {
    let rosters = list_all(dir, "rosters", ROSTER_EXT);
    let notices = list_all(dir, "rosters", NOTICE_EXT);
    let members = list_all(dir, "members", BUNDLE_EXT);
    let anonymous = list_all(dir, "anonymous", BUNDLE_EXT);
    // A roster file is among the notices' "others" and the reverse: a thing counts as not ours
    // only when neither listing of the folder took it.
    let not_ours = rosters
        .others
        .iter()
        .filter(|n| !notices.files.iter().any(|f| &&f.name == n))
        .count()
        + members.others.len()
        + anonymous.others.len();
    let cut = rosters.cut || members.cut || anonymous.cut;
    let mut bundles = members.files;
    bundles.extend(anonymous.files);
    Listed {
        rosters: rosters.files,
        notices: notices.files,
        bundles,
        not_ours,
        cut,
    }
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
        let rosters_tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
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
        rosters_tx.commit().map_err(|e| self.fail(e))?;
        self.read_notices(&s, &listed.notices)?;
        if report.rosters > 0 {
            for (file, ids) in self.take_back_sealed_out(&s)? {
                if self.share_again(space, &ids)? {
                    // Written again where it counts: no longer this journal's problem to name.
                    self.conn
                        .execute(
                            "UPDATE space_files SET state = 'shared_again' WHERE space_id = ?1 AND file_hash = ?2",
                            params![s.info.id, file],
                        )
                        .map_err(|e| self.fail(e))?;
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
                None => self
                    .conn
                    .query_row(
                        "SELECT state, code, reason FROM space_files WHERE space_id = ?1 AND file_hash = ?2",
                        params![s.info.id, file_hash],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()
                    .map_err(|e| self.fail(e))?,
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
        self.conn
            .execute(
                "UPDATE spaces SET last_read_at = ?2, not_ours = ?3 WHERE id = ?1",
                params![
                    s.info.id,
                    crate::time::to_db(crate::time::now()),
                    report.not_ours as i64
                ],
            )
            .map_err(|e| self.fail(e))?;
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
        s: &super::Space,
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
        let json = serde_json::to_string(&roster).map_err(|e| crate::error::Error::Internal(e.to_string()))?;
        let roster_hash = short_hash(&[json.as_bytes()]);
        self.conn
            .execute(
                "INSERT OR IGNORE INTO space_roster_files (space_id, epoch, file_hash, roster_hash, name)                  VALUES (?1, ?2, ?3, ?4, ?5)",
                params![s.info.id, roster.epoch as i64, file_hash, roster_hash, f.name],
            )
            .map_err(|e| self.fail(e))?;
        if self.keep_roster(&roster)? {
            report.rosters += 1;
        }
        Ok(None)
    }

    /// The lead's removal notices: this journal counts itself removed only on one signed by
    /// the lead key it joined with, for this space and its own key. The lead writes a notice
    /// again for every removal whose notice is not in the folder (a removal made before
    /// notices existed, or a notice deleted).
    fn read_notices(&mut self, s: &super::Space, notices: &[Found]) -> Result<()> {
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
                self.conn
                    .execute(
                        "UPDATE spaces SET removed_at = coalesce(removed_at, ?2) WHERE id = ?1",
                        params![s.info.id, crate::time::to_db(crate::time::now())],
                    )
                    .map_err(|e| self.fail(e))?;
                break;
            }
        }
        Ok(())
    }

    /// What the last read saw of every file of the space, by name: loaded once per read, so a
    /// quiet read of a large folder costs a lookup per file, not a query.
    fn last_seen(&self, space: &str) -> Result<std::collections::HashMap<String, (Stat, String)>> {
        self.conn
            .prepare("SELECT name, size, modified_ns, file_id, file_hash FROM space_file_stats WHERE space_id = ?1")
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    let stat = Stat {
                        size: r.get::<_, i64>(1)? as u64,
                        modified_ns: r.get(2)?,
                        file_id: r.get::<_, i64>(3)? as u64,
                    };
                    Ok((r.get::<_, String>(0)?, (stat, r.get::<_, String>(4)?)))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// What this journal recorded of each file it read before, by hash: its state and, when
    /// refused, why. Loaded once per read.
    fn recorded(&self, space: &str) -> Result<std::collections::HashMap<String, FileState>> {
        self.conn
            .prepare("SELECT file_hash, state, code, reason FROM space_files WHERE space_id = ?1")
            .and_then(|mut st| {
                st.query_map([space], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?, r.get(3)?))))?
                    .collect()
            })
            .map_err(|e| self.fail(e))
    }

    /// What this read saw of the files it opened, and the files it found not to be
    /// Eftertanke's, in one transaction.
    fn remember_stats(&self, space: &str, seen: &[(&Found, String)], not_ours: &[(&Found, String)]) -> Result<()> {
        if seen.is_empty() && not_ours.is_empty() {
            return Ok(());
        }
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        {
            let mut insert = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO space_file_stats (space_id, name, size, modified_ns, file_id, file_hash) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                )
                .map_err(|e| self.fail(e))?;
            for (f, file_hash) in seen {
                insert
                    .execute(params![
                        space,
                        f.name,
                        f.stat.size as i64,
                        f.stat.modified_ns,
                        f.stat.file_id as i64,
                        file_hash
                    ])
                    .map_err(|e| self.fail(e))?;
            }
            let mut mark = tx
                .prepare_cached(
                    "INSERT OR REPLACE INTO space_files (space_id, file_hash, name, state, read_at) VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .map_err(|e| self.fail(e))?;
            let now = crate::time::to_db(crate::time::now());
            for (f, file_hash) in not_ours {
                mark.execute(params![space, file_hash, f.name, NOT_OURS, now])
                    .map_err(|e| self.fail(e))?;
            }
        }
        tx.commit().map_err(|e| self.fail(e))
    }

    /// Files gone from the folder are forgotten: their sizes and times, and every refusal,
    /// hold or "not ours" of theirs, so nothing in the status outlives its cause. What was
    /// applied stays applied (a missing file is never a deletion).
    fn forget_what_is_gone(&self, space: &str, listed: &Listed) -> Result<()> {
        if listed.cut {
            // Not every file was listed: nothing can be called gone.
            return Ok(());
        }
        let present: std::collections::HashSet<&str> = listed
            .rosters
            .iter()
            .chain(&listed.notices)
            .chain(&listed.bundles)
            .map(|f| f.name.as_str())
            .collect();
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        for (table, filter) in [
            ("space_file_stats", ""),
            ("space_roster_files", ""),
            (
                "space_files",
                " AND state IN ('rejected', 'held', 'not_for_me', 'not_ours')",
            ),
        ] {
            let names: Vec<String> = tx
                .prepare(&format!(
                    "SELECT DISTINCT name FROM {table} WHERE space_id = ?1{filter}"
                ))
                .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
                .map_err(|e| self.fail(e))?;
            let mut delete = tx
                .prepare(&format!(
                    "DELETE FROM {table} WHERE space_id = ?1 AND name = ?2{filter}"
                ))
                .map_err(|e| self.fail(e))?;
            for name in names.iter().filter(|n| !present.contains(n.as_str())) {
                delete.execute(params![space, name]).map_err(|e| self.fail(e))?;
            }
        }
        tx.commit().map_err(|e| self.fail(e))
    }

    /// Reads every space's folder, as the app does while it runs: a space whose folder is not
    /// there is skipped (its status says so) and does not stop the others. Returns how many
    /// new rosters and bundles were applied.
    pub fn sync_all_spaces(&mut self) -> Result<usize> {
        let mut applied = 0;
        for space in self.spaces()?.into_iter().filter(|s| s.folder.is_dir()) {
            let r = self.sync_space(&space.id, false)?;
            applied += r.rosters + r.bundles;
        }
        Ok(applied)
    }

    /// What the last read found odd in the folder: how many things are not Eftertanke's, and
    /// the epochs with two different rosters signed by the lead (a fork).
    pub(super) fn folder_oddities(&self, space: &str) -> Result<(usize, Vec<u64>)> {
        let not_ours: i64 = self
            .conn
            .query_row("SELECT not_ours FROM spaces WHERE id = ?1", [space], |r| r.get(0))
            .map_err(|e| self.fail(e))?;
        let forks: Vec<i64> = self
            .conn
            .prepare(
                "SELECT epoch FROM space_roster_files WHERE space_id = ?1 GROUP BY epoch \
                 HAVING count(DISTINCT roster_hash) > 1 ORDER BY epoch",
            )
            .and_then(|mut st| st.query_map([space], |r| r.get(0))?.collect())
            .map_err(|e| self.fail(e))?;
        Ok((not_ours as usize, forks.into_iter().map(|e| e as u64).collect()))
    }

    /// The files of the space that were refused, each with its code and reason.
    pub(super) fn refused_files(&self, space: &str) -> Result<Vec<FileProblem>> {
        self.conn
            .prepare(
                "SELECT name, code, reason FROM space_files WHERE space_id = ?1 AND state IN ('rejected', 'held') \
                 ORDER BY read_at, name",
            )
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    Ok(FileProblem {
                        name: r.get(0)?,
                        code: r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                        reason: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    })
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))
    }

    pub(super) fn read_bundle(
        &mut self,
        s: &super::Space,
        f: &Found,
        bytes: &[u8],
        file_hash: &str,
        allow_mass: bool,
    ) -> Result<Outcome> {
        let opened = match open_bundle(s.keys.identity(), bytes) {
            Ok(o) => o,
            Err(Refusal::NotForMe) => {
                self.record_file(&s.info.id, file_hash, f, "not_for_me", None)?;
                return Ok(Outcome::NotForMe);
            }
            // A file cut short may still be arriving: its hash changes when it is whole.
            Err(why) => return self.reject(&s.info.id, file_hash, f, why),
        };
        if opened.manifest.space != s.info.id {
            return self.reject(&s.info.id, file_hash, f, Refusal::OtherSpace);
        }
        // A roster this journal has not read yet: the bundle waits for it (and is read again).
        let Some(roster) = self.roster_at(&s.info.id, opened.manifest.epoch)? else {
            return Ok(Outcome::Waiting);
        };
        // A member removed at a later epoch is refused for bundles past their last one too.
        let mut roster = roster;
        roster.removed = s.roster.removed.clone();
        let writer = match opened.verify(&roster, &s.info.id) {
            Ok(w) => w,
            Err(why) => return self.reject(&s.info.id, file_hash, f, why),
        };
        if !self.counts_under_seals(&s.info.id, opened.manifest.epoch, file_hash)? {
            return self.reject(&s.info.id, file_hash, f, Refusal::SealedOut);
        }
        let records = match parse_records(&opened) {
            Ok(r) => r,
            Err(why) => return self.reject(&s.info.id, file_hash, f, Refusal::BadRecord(why)),
        };
        // Written anonymously for the leads alone: only counts-only shares.
        if opened.manifest.audience.is_some()
            && writer == Writer::Anonymous
            && !super::counts::only_counts(records.iter().map(|(r, _, _)| r))
        {
            let why = Refusal::BadRecord("a bundle for the leads alone holds more than counts".into());
            return self.reject(&s.info.id, file_hash, f, why);
        }
        // Sessions, their actions and the lead's marks come from the lead alone.
        if let Some((r, _, _)) = records.iter().find(|(r, _, _)| LEAD_ONLY.contains(&r.kind.as_str())) {
            let lead = matches!(&writer, Writer::Member(key) if *key == s.lead_key);
            if !lead {
                return self.reject(&s.info.id, file_hash, f, Refusal::NotLead(r.kind.clone()));
            }
        }
        let withdrawals = records.iter().filter(|(r, _, _)| r.deleted).count();
        if withdrawals > MASS_WITHDRAWAL && !allow_mass {
            // Held, with its reason in the folder's status, until the person agrees.
            let why = Refusal::MassWithdrawal(withdrawals);
            self.record_file(&s.info.id, file_hash, f, HELD, Some(&why))?;
            // Its number is here, only not applied: the chain does not call it missing.
            if let (Writer::Member(key), Some(seq)) = (&writer, opened.manifest.seq) {
                self.conn
                    .execute(
                        "UPDATE space_files SET author = ?3, seq = ?4 WHERE space_id = ?1 AND file_hash = ?2",
                        params![s.info.id, file_hash, key, seq as i64],
                    )
                    .map_err(|e| self.fail(e))?;
            }
            return Ok(Outcome::Rejected(why));
        }
        let author = match &writer {
            Writer::Member(key) => Some(key.as_str()),
            Writer::Anonymous => None,
        };
        let arrived_at = crate::time::to_db(crate::time::now());
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        let mut taken = 0;
        for (record, json, anon_writer) in &records {
            let writer = match (author, anon_writer) {
                (Some(_), _) if is_bound_record_id(&record.id) => {
                    drop(tx);
                    let why = format!(
                        "record {} has an id only an anonymous record's own key makes",
                        record.id
                    );
                    return self.reject(&s.info.id, file_hash, f, Refusal::BadRecord(why));
                }
                (Some(key), _) => key.to_owned(),
                (None, Some(public)) if is_bound_record_id(&record.id) && record.id != bound_record_id(public) => {
                    drop(tx);
                    let why = format!("record {} claims an id that is not its writer's", record.id);
                    return self.reject(&s.info.id, file_hash, f, Refusal::BadRecord(why));
                }
                (None, Some(public)) => anonymous_writer(public),
                (None, None) => return self.reject(&s.info.id, file_hash, f, Refusal::BadSignature),
            };
            let merged = merge(&tx, &incoming(&s.info.id, record, json, &writer, author, &arrived_at))
                .map_err(|e| self.fail(e))?;
            match merged {
                Merged::Taken => taken += 1,
                Merged::Unchanged => {}
                Merged::OtherWriter => {
                    drop(tx);
                    return self.reject(
                        &s.info.id,
                        file_hash,
                        f,
                        Refusal::BadRecord(format!("record {} belongs to another writer", record.id)),
                    );
                }
            }
        }
        let file = AppliedFile {
            space: &s.info.id,
            hash: file_hash,
            name: &f.name,
            author,
            seq: opened.manifest.seq.map(|n| n as i64),
            // A replacement stands in for the bundle it names, in its author's chain.
            manifest_hash: Some(author.and(opened.manifest.replaces.as_deref()).unwrap_or(&opened.hash)),
            prev: opened.manifest.prev.as_deref(),
            epoch: opened.manifest.epoch as i64,
        };
        remember_file(&tx, &file, records.iter().map(|(r, _, _)| r.id.as_str())).map_err(|e| self.fail(e))?;
        tx.commit().map_err(|e| self.fail(e))?;
        Ok(Outcome::Applied(taken))
    }

    fn reject(&self, space: &str, file_hash: &str, f: &Found, why: Refusal) -> Result<Outcome> {
        self.record_file(space, file_hash, f, "rejected", Some(&why))?;
        Ok(Outcome::Rejected(why))
    }

    fn record_file(&self, space: &str, file_hash: &str, f: &Found, state: &str, why: Option<&Refusal>) -> Result<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO space_files (space_id, file_hash, name, state, code, reason, read_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    space,
                    file_hash,
                    f.name,
                    state,
                    why.map(Refusal::code),
                    why.map(Refusal::message),
                    crate::time::to_db(crate::time::now())
                ],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}

/// One version as it is merged: with the guard's verdict on its texts.
pub(super) fn incoming<'a>(
    space: &'a str,
    record: &'a Record,
    json: &'a str,
    writer: &'a str,
    author_key: Option<&'a str>,
    arrived_at: &'a str,
) -> Incoming<'a> {
    Incoming {
        space,
        record,
        json,
        writer,
        author_key,
        quarantine: quarantine_of(record),
        arrived_at,
    }
}

/// Why the guard holds a version back at reading, if it does: a CPR number in any of its texts.
fn quarantine_of(record: &Record) -> Option<String> {
    texts_of(&record.body)
        .into_iter()
        .find(|(_, t)| crate::privacy::count_cpr(t) > 0)
        .map(|(at, _)| format!("{at} holds a CPR number"))
}

/// The epoch a roster file's name gives (`000004-….roster`).
fn epoch_of(f: &Found) -> Option<u64> {
    f.path.file_name()?.to_str()?.split('-').next()?.parse().ok()
}

/// Each record of the bundle parsed and checked for shape: a UUID id, a revision from 1.
/// Unknown kinds are kept as they came.
pub(super) fn parse_records(opened: &Opened) -> std::result::Result<Vec<(Record, String, Option<String>)>, String> {
    opened
        .manifest
        .records
        .iter()
        .map(|sr| {
            let record: Record = serde_json::from_str(&sr.record).map_err(|e| format!("not a record ({e})"))?;
            if uuid::Uuid::parse_str(&record.id).is_err() {
                return Err("a record id is not a UUID".into());
            }
            if record.revision == 0 {
                return Err(format!("record {} has revision 0", record.id));
            }
            if sr.record.len() > 1024 * 1024 {
                return Err(format!("record {} is larger than any Eftertanke writes", record.id));
            }
            Ok((record, sr.record.clone(), sr.writer.clone()))
        })
        .collect()
}
