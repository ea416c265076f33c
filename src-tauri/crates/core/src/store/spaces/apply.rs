//! One bundle applied, all or nothing, in one transaction after its checks: decryption, size,
//! format, space, the roster of its epoch, the author's membership and signature, every record's
//! shape, the guard on incoming texts (a CPR number is held back, not merged), and a stop when it
//! withdraws more than a handful of records.

use super::super::Store;
use super::folder_memory::HELD;
use super::merge::{AppliedFile, Incoming, Merged, merge, remember_file};
use super::share::anonymous_writer;
use crate::error::Result;
use crate::spaces::bundle::{Opened, Refusal, Writer, open_bundle};
use crate::spaces::folder::Found;
use crate::spaces::keys::{bound_record_id, is_bound_record_id};
use crate::spaces::record::{LEAD_ONLY, Record, texts_of};
use rusqlite::params;

/// More withdrawals than this in one bundle are held until the person agrees.
pub const MASS_WITHDRAWAL: usize = 5;

/// How a bundle file ended.
pub(super) enum Outcome {
    Applied(usize),
    Rejected(Refusal),
    NotForMe,
    /// To be read again later, not recorded.
    Waiting,
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

impl Store {
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
            && !crate::spaces::counts::only_counts(records.iter().map(|(r, _, _)| r))
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
}
