//! Reading a space's folder: new rosters first (signed by the space's lead), then every bundle
//! not read before, each applied all-or-nothing in one transaction after its checks —
//! decryption, size, format, space, the roster of its epoch, the author's membership and
//! signature, every record's shape, the guard on incoming texts (a CPR number is held back,
//! not merged), and a stop when one bundle withdraws more than a handful of records.

use super::super::Store;
use super::merge::{Incoming, Merged, merge};
use super::share::anonymous_writer;
use crate::error::Result;
use crate::spaces::bundle::{Opened, Refusal, Writer, open_bundle};
use crate::spaces::folder::{BUNDLE_EXT, Found, ROSTER_EXT, check_folder, list, space_dir};
use crate::spaces::keys::short_hash;
use crate::spaces::record::{LEAD_ONLY, Record, texts_of};
use crate::spaces::roster::{RosterRefusal, open_roster};
use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

/// More withdrawals than this in one bundle are held until the person agrees.
pub const MASS_WITHDRAWAL: usize = 5;

/// The state of a file held until the person agrees to read it (`space_files.state`, beside
/// applied, rejected and not_for_me).
pub(super) const HELD: &str = "held";

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

impl Store {
    /// Reads what arrived in the space's folder. A missing or emptied folder is refused and
    /// changes nothing; a file that vanished deletes nothing.
    pub fn sync_space(&mut self, space: &str, allow_mass_withdrawal: bool) -> Result<SyncReport> {
        let s = self.space(space)?;
        check_folder(&s.info.folder)?;
        let dir = space_dir(&s.info.folder, &s.info.id);
        let mut report = SyncReport::default();
        for f in list(&dir, "rosters", ROSTER_EXT) {
            let Ok(bytes) = std::fs::read(&f.path) else { continue };
            if bytes.is_empty() {
                report.waiting += 1;
                continue;
            }
            let (roster, signer) = match open_roster(s.keys.identity(), &bytes) {
                Ok(opened) => opened,
                // A newer epoch this journal cannot read: the lead removed it.
                Err(RosterRefusal::NotForMe) if epoch_of(&f).is_some_and(|e| e > s.roster.epoch) => {
                    self.conn
                        .execute(
                            "UPDATE spaces SET removed_at = coalesce(removed_at, ?2) WHERE id = ?1",
                            params![s.info.id, crate::time::to_db(crate::time::now())],
                        )
                        .map_err(|e| self.fail(e))?;
                    continue;
                }
                Err(_) => continue,
            };
            if roster.space == s.info.id && signer != s.lead_key {
                // Only the lead says who is in the space: said, and kept out.
                let why = Refusal::NotLead("roster".into());
                self.record_file(&s.info.id, &short_hash(&[&bytes]), &f, "rejected", Some(&why))?;
                report.rejected.push(FileProblem {
                    name: f.name.clone(),
                    code: why.code().into(),
                    reason: why.message(),
                });
                continue;
            }
            if roster.space == s.info.id && signer == s.lead_key && self.roster_at(&s.info.id, roster.epoch)?.is_none()
            {
                let json = serde_json::to_string(&roster).map_err(|e| crate::error::Error::Internal(e.to_string()))?;
                self.conn
                    .execute(
                        "INSERT INTO space_rosters (space_id, epoch, roster) VALUES (?1, ?2, ?3)",
                        params![s.info.id, roster.epoch as i64, json],
                    )
                    .map_err(|e| self.fail(e))?;
                report.rosters += 1;
            }
        }
        let mut files = list(&dir, "members", BUNDLE_EXT);
        files.extend(list(&dir, "anonymous", BUNDLE_EXT));
        for f in files {
            let Ok(bytes) = std::fs::read(&f.path) else { continue };
            if bytes.is_empty() {
                report.waiting += 1;
                continue;
            }
            let file_hash = short_hash(&[&bytes]);
            let seen: Option<(String, Option<String>, Option<String>)> = self
                .conn
                .query_row(
                    "SELECT state, code, reason FROM space_files WHERE space_id = ?1 AND file_hash = ?2",
                    params![s.info.id, file_hash],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()
                .map_err(|e| self.fail(e))?;
            // A file held for the person's agreement (a mass withdrawal) is read again once
            // they agree; every other file read before stays as it was.
            let agreed = allow_mass_withdrawal && seen.as_ref().is_some_and(|(state, _, _)| state == HELD);
            if let Some((state, code, reason)) = seen.filter(|_| !agreed) {
                report.unchanged += 1;
                if state == "rejected" || state == HELD {
                    report.rejected.push(FileProblem {
                        name: f.name.clone(),
                        code: code.unwrap_or_default(),
                        reason: reason.unwrap_or_default(),
                    });
                }
                continue;
            }
            match self.read_bundle(&s, &f, &bytes, &file_hash, allow_mass_withdrawal)? {
                Outcome::Applied(n) => {
                    report.bundles += 1;
                    report.records += n;
                }
                Outcome::NotForMe => report.unchanged += 1,
                Outcome::Waiting => report.waiting += 1,
                Outcome::Rejected(why) => report.rejected.push(FileProblem {
                    name: f.name.clone(),
                    code: why.code().into(),
                    reason: why.message(),
                }),
            }
        }
        self.conn
            .execute(
                "UPDATE spaces SET last_read_at = ?2 WHERE id = ?1",
                params![s.info.id, crate::time::to_db(crate::time::now())],
            )
            .map_err(|e| self.fail(e))?;
        Ok(report)
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
        let records = match parse_records(&opened) {
            Ok(r) => r,
            Err(why) => return self.reject(&s.info.id, file_hash, f, Refusal::BadRecord(why)),
        };
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
                (Some(key), _) => key.to_owned(),
                (None, Some(public)) => anonymous_writer(public),
                (None, None) => return self.reject(&s.info.id, file_hash, f, Refusal::BadSignature),
            };
            let quarantine = texts_of(&record.body)
                .into_iter()
                .find(|(_, t)| crate::privacy::count_cpr(t) > 0)
                .map(|(at, _)| format!("{at} holds a CPR number"));
            let merged = merge(
                &tx,
                &Incoming {
                    space: &s.info.id,
                    record,
                    json,
                    writer: &writer,
                    author_key: author,
                    quarantine,
                    arrived_at: &arrived_at,
                },
            )
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
        tx.execute(
            "INSERT OR REPLACE INTO space_files (space_id, file_hash, name, state, author, seq, manifest_hash, prev, read_at) \
             VALUES (?1, ?2, ?3, 'applied', ?4, ?5, ?6, ?7, ?8)",
            params![
                s.info.id,
                file_hash,
                f.name,
                author,
                opened.manifest.seq.map(|n| n as i64),
                opened.hash,
                opened.manifest.prev,
                crate::time::to_db(crate::time::now())
            ],
        )
        .map_err(|e| self.fail(e))?;
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

/// The epoch a roster file's name gives (`000004-….roster`).
fn epoch_of(f: &Found) -> Option<u64> {
    f.path.file_name()?.to_str()?.split('-').next()?.parse().ok()
}

/// Each record of the bundle parsed and checked for shape: a UUID id, a revision from 1.
/// Unknown kinds are kept as they came.
fn parse_records(opened: &Opened) -> std::result::Result<Vec<(Record, String, Option<String>)>, String> {
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
