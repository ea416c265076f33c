//! One bundle applied, all or nothing, in one transaction after its checks: decryption, size,
//! format, space, the roster of its epoch, the author's membership and signature, every record's
//! shape, the guard on incoming texts (a CPR number is held back, not merged), and a stop when it
//! withdraws more than a handful of records.

use super::format::bundle::{Refusal, Writer, open_bundle, parse_records};
use super::format::folder::Found;
use super::format::keys::anonymous_writer;
use super::format::keys::{bound_record_id, is_bound_record_id};
use super::format::record::LEAD_ONLY;
use crate::Store;
use crate::error::Result;
use crate::store::spaces::{AppliedFile, BundleMerged, HELD, Space};

/// More withdrawals than this in one bundle are held until the person agrees.
pub const MASS_WITHDRAWAL: usize = 5;

/// How a bundle file ended.
pub(crate) enum Outcome {
    Applied(usize),
    Rejected(Refusal),
    NotForMe,
    /// To be read again later, not recorded.
    Waiting,
}

impl Store {
    pub(crate) fn read_bundle(
        &mut self,
        s: &Space,
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
                self.note_held_link(&s.info.id, file_hash, key, seq)?;
            }
            return Ok(Outcome::Rejected(why));
        }
        let author = match &writer {
            Writer::Member(key) => Some(key.as_str()),
            Writer::Anonymous => None,
        };
        let arrived_at = crate::time::to_db(crate::time::now());
        // Each record's writer, checked before anything is merged.
        let mut merging = Vec::with_capacity(records.len());
        for (record, json, anon_writer) in &records {
            let writer = match (author, anon_writer) {
                (Some(_), _) if is_bound_record_id(&record.id) => {
                    let why = format!(
                        "record {} has an id only an anonymous record's own key makes",
                        record.id
                    );
                    return self.reject(&s.info.id, file_hash, f, Refusal::BadRecord(why));
                }
                (Some(key), _) => key.to_owned(),
                (None, Some(public)) if is_bound_record_id(&record.id) && record.id != bound_record_id(public) => {
                    let why = format!("record {} claims an id that is not its writer's", record.id);
                    return self.reject(&s.info.id, file_hash, f, Refusal::BadRecord(why));
                }
                (None, Some(public)) => anonymous_writer(public),
                (None, None) => return self.reject(&s.info.id, file_hash, f, Refusal::BadSignature),
            };
            merging.push((record, json.as_str(), writer));
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
        match self.merge_bundle(&merging, author, &arrived_at, &file)? {
            BundleMerged::Taken(n) => Ok(Outcome::Applied(n)),
            BundleMerged::OtherWriter(id) => self.reject(
                &s.info.id,
                file_hash,
                f,
                Refusal::BadRecord(format!("record {id} belongs to another writer")),
            ),
        }
    }

    fn reject(&self, space: &str, file_hash: &str, f: &Found, why: Refusal) -> Result<Outcome> {
        self.record_file(space, file_hash, f, "rejected", Some(&why))?;
        Ok(Outcome::Rejected(why))
    }
}
