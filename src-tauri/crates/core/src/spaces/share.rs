//! Sharing reflections into a space and withdrawing them: each is one new bundle from this
//! journal, written to the folder and applied to this journal's own view of the space in the
//! same transaction.

use super::format::MAX_FILE_BYTES;
use super::format::bundle::{Manifest, SignedRecord, Writer, open_bundle, seal_bundle};
use super::format::folder::{
    BUNDLE_EXT, anonymous_dir, check_folder, list, member_dir, read_bounded, space_dir, write_new,
};
use super::format::keys::{RecordKey, anonymous_writer, short_hash};
use super::format::record::{ENTRY, Record, Scope, project, texts_of};
use crate::Store;
use crate::error::{Error, Problem, Result};
use crate::id::EntryId;
use crate::privacy::{FindingKind, scan};
use crate::store::spaces::{AppliedFile, Incoming, ShareRow, Space};
use serde_json::Value;

/// One record this journal is about to publish, and what its private map keeps: the entry a
/// share came from (none for a comment).
pub(crate) struct Outgoing {
    pub record: Record,
    pub entry: Option<EntryId>,
    pub key: Option<RecordKey>,
}

impl Store {
    /// Shares `entries` into `space` with `scope`, in one bundle; returns their shared ids.
    /// An entry shared before (and not withdrawn) is re-shared as the next revision of the
    /// same shared record. The guard runs on every text that would leave: a CPR number or a
    /// word on the never-store list blocks, other findings block unless `accept_findings`.
    pub fn share_entries(
        &mut self,
        space: &str,
        entries: &[EntryId],
        scope: Scope,
        accept_findings: bool,
    ) -> Result<Vec<String>> {
        if entries.is_empty() {
            return Err(Error::invalid(
                "entries",
                Problem::Required,
                "choose at least one reflection to share",
            ));
        }
        let s = self.member_space(space)?;
        let never = self.never_store_words()?;
        let now = crate::time::now();
        let mut out = Vec::new();
        for id in entries {
            let entry = self.get_entry(*id)?;
            let existing = self.live_share_of(&s.info.id, *id)?;
            if let Some(ShareRow { scope: old, .. }) = &existing
                && old != scope.code()
            {
                return Err(Error::invalid(
                    "scope",
                    Problem::UnknownValue,
                    format!(
                        "'{}' is shared as {old} already; withdraw it first to share it as {}",
                        entry.title,
                        scope.code()
                    ),
                ));
            }
            let mut body = project(&entry, scope, self.guides().get(&entry.guide_id, entry.guide_version));
            if scope == Scope::Aggregate
                && let Some(map) = body.as_object_mut()
            {
                map.insert("contributor".into(), s.keys.contributor(&s.info.id).into());
            }
            guard(&body, &never, accept_findings)?;
            let (shared_id, revision, key) = match existing {
                Some(row) => (
                    row.shared_id,
                    row.revision as u64 + 1,
                    row.record_key.map(|k| RecordKey::from_seed(&k)).transpose()?,
                ),
                None => {
                    // An anonymous record's id is its own key's: no time in it, and nobody
                    // else can claim it first.
                    let key = scope.is_anonymous().then(RecordKey::generate).transpose()?;
                    let id = key
                        .as_ref()
                        .map_or_else(|| uuid::Uuid::now_v7().to_string(), RecordKey::record_id);
                    (id, 1, key)
                }
            };
            out.push(Outgoing {
                record: Record {
                    kind: ENTRY.into(),
                    id: shared_id,
                    revision,
                    updated_at: stamp(now, scope),
                    deleted: false,
                    scope: Some(scope),
                    body,
                    rest: Default::default(),
                },
                entry: Some(*id),
                key,
            });
        }
        let ids = out.iter().map(|o| o.record.id.clone()).collect();
        let leads = counted_by(&s, scope);
        self.publish(&s, out, scope.is_anonymous(), leads.as_deref())?;
        Ok(ids)
    }

    /// Withdraws a share of this journal's: a withdrawal record (the next revision, deleted)
    /// in a new bundle, and this journal's files that carried the share written again without
    /// it. Each journal that reads the withdrawal drops the share and erases its comments.
    pub fn withdraw_share(&mut self, space: &str, shared_id: &str) -> Result<()> {
        self.withdraw(space, shared_id, false)
    }

    /// Writes a share's withdrawal: the first time, or `again` (a withdrawal a removal's seal
    /// left out, written once more at the new epoch).
    pub(crate) fn withdraw(&mut self, space: &str, shared_id: &str, again: bool) -> Result<()> {
        let s = self.member_space(space)?;
        let row = self.share_row(&s.info.id, shared_id.trim(), again)?;
        let Some(ShareRow {
            entry_id: entry,
            scope,
            revision,
            record_key: key,
            ..
        }) = row
        else {
            return Err(Error::NotFound {
                what: "share of this journal",
                id: shared_id.trim().to_owned(),
            });
        };
        let scope =
            Scope::from_code(&scope).ok_or_else(|| Error::internal(format!("a stored share's scope '{scope}'")))?;
        let record = Record {
            kind: ENTRY.into(),
            id: shared_id.trim().to_owned(),
            revision: revision as u64 + 1,
            updated_at: stamp(crate::time::now(), scope),
            deleted: true,
            scope: Some(scope),
            body: Value::Null,
            rest: Default::default(),
        };
        let key = key.map(|k| RecordKey::from_seed(&k)).transpose()?;
        let written = self.publish(
            &s,
            vec![Outgoing {
                record,
                entry: Some(entry),
                key,
            }],
            scope.is_anonymous(),
            counted_by(&s, scope).as_deref(),
        )?;
        // Gone from the folder too: this journal's own files that carried it are written again
        // without it (or removed), so nobody reads it there later.
        self.scrub(&s, &[shared_id.trim().to_owned()], &written)?;
        Ok(())
    }

    /// The space, refused when this journal is no longer in its newest roster or the folder
    /// is not there.
    pub(crate) fn member_space(&self, space: &str) -> Result<Space> {
        let s = self.space(space)?;
        if s.removed || s.roster.member_by_key(&s.keys.public().key_id()).is_none() {
            return Err(Error::invalid(
                "space",
                Problem::UnknownValue,
                "this journal was removed from the space; it can read what it has, but not share",
            ));
        }
        check_folder(&s.info.folder)?;
        Ok(s)
    }

    /// Is the file at `path` a bundle this journal wrote (opened with its keys, signed by it,
    /// checked against the roster of its epoch)?
    fn is_own_bundle(&self, s: &Space, path: &std::path::Path) -> bool {
        let Ok(bytes) = read_bounded(path, MAX_FILE_BYTES) else {
            return false;
        };
        let Ok(opened) = open_bundle(s.keys.identity(), &bytes) else {
            return false;
        };
        let Ok(Some(roster)) = self.roster_at(&s.info.id, opened.manifest.epoch) else {
            return false;
        };
        matches!(opened.verify(&roster, &s.info.id), Ok(Writer::Member(k)) if k == s.keys.public().key_id())
    }

    /// Writes `out` as this journal's next bundle, for every member of the epoch or for
    /// `audience` (an author-only comment; counts for the leads); applied to this journal's own view in the same transaction.
    pub(crate) fn publish(
        &mut self,
        s: &Space,
        out: Vec<Outgoing>,
        anonymous: bool,
        audience: Option<&[String]>,
    ) -> Result<String> {
        let me = s.keys.public().key_id();
        let mut signed = Vec::new();
        for o in &out {
            let json = serde_json::to_string(&o.record).map_err(|e| Error::caused("keeping a shared record", e))?;
            signed.push(match (&o.key, anonymous) {
                (Some(key), true) => SignedRecord {
                    sig: Some(key.sign(json.as_bytes())),
                    writer: Some(key.public()),
                    record: json,
                },
                _ => SignedRecord {
                    record: json,
                    writer: None,
                    sig: None,
                },
            });
        }
        let (next_seq, last_hash) = self.bundle_position(&s.info.id)?;
        let pseudonym = s
            .roster
            .member_by_key(&me)
            .map(|m| m.member.clone())
            .ok_or_else(|| Error::internal("not in the roster"))?;
        // A bundle written just before a crash, whose number the journal did not keep, is
        // never overwritten: the next number is past every bundle of this member's in the
        // folder. Only a file that opens as this journal's own, signed, counts: a file named
        // like a bundle with a high number moves nothing.
        let on_disk = list(
            &space_dir(&s.info.folder, &s.info.id),
            &format!("members/{pseudonym}"),
            BUNDLE_EXT,
        )
        .iter()
        .filter_map(|f| Some((f.path.file_name()?.to_str()?.split('-').next()?.parse::<i64>().ok()?, f)))
        .filter(|(seq, f)| *seq >= next_seq && self.is_own_bundle(s, &f.path))
        .map(|(seq, _)| seq)
        .max()
        .unwrap_or(0);
        let seq = next_seq.max(on_disk + 1) as u64;
        let mut manifest = Manifest::new(
            &s.roster,
            (!anonymous).then_some((&s.keys, seq, last_hash)),
            signed.clone(),
        );
        if let Some(ids) = audience {
            manifest = manifest.for_audience(ids);
        }
        let (bytes, manifest_hash) = seal_bundle(&manifest, (!anonymous).then_some(&s.keys), &s.roster)?;
        let file_hash = short_hash(&[&bytes]);
        let (dir, name) = if anonymous {
            let mut r = [0u8; 16];
            crate::vault::random::fill(&mut r)?;
            (
                anonymous_dir(&s.info.folder, &s.info.id),
                format!("{}.{BUNDLE_EXT}", data_encoding::HEXLOWER.encode(&r)),
            )
        } else {
            (
                member_dir(&s.info.folder, &s.info.id, &pseudonym),
                format!("{seq:08}-{}.{BUNDLE_EXT}", &file_hash[..16]),
            )
        };
        let now = crate::time::to_db(crate::time::now());
        let relative = format!(
            "{}/{name}",
            dir.strip_prefix(space_dir(&s.info.folder, &s.info.id))
                .unwrap_or(&dir)
                .display()
        );
        let file = AppliedFile {
            space: &s.info.id,
            hash: &file_hash,
            name: &relative,
            // Kept locally for anonymous bundles too (to export them), never written out.
            author: Some(&me),
            seq: (!anonymous).then_some(seq as i64),
            manifest_hash: Some(&manifest_hash),
            prev: manifest.prev.as_deref(),
            epoch: s.roster.epoch as i64,
        };
        // Applied to this journal's own view, and the file written, in one transaction: a
        // file written but not kept is removed again.
        self.in_one_transaction_or_undo(
            || {
                for (o, sr) in out.iter().zip(&signed) {
                    let writer = match &sr.writer {
                        Some(public) => anonymous_writer(public),
                        None => me.clone(),
                    };
                    self.merge_version(&Incoming {
                        space: &s.info.id,
                        record: &o.record,
                        json: &sr.record,
                        writer: &writer,
                        author_key: (!anonymous).then_some(me.as_str()),
                        quarantine: None,
                        arrived_at: &now,
                    })?;
                    let Some(entry) = o.entry else { continue };
                    let scope = o
                        .record
                        .scope
                        .ok_or_else(|| Error::internal("a share of an entry without a scope"))?;
                    let row = ShareRow {
                        shared_id: o.record.id.clone(),
                        entry_id: entry,
                        scope: scope.code().to_owned(),
                        revision: o.record.revision as i64,
                        record_key: o.key.as_ref().map(|k| k.seed().to_vec()),
                    };
                    self.note_share(&s.info.id, &row, &now, o.record.deleted.then_some(now.as_str()))?;
                }
                if !anonymous {
                    self.note_bundle_written(&s.info.id, seq, &manifest_hash)?;
                }
                self.remember_applied_file(&file, out.iter().map(|o| o.record.id.as_str()))?;
                if anonymous {
                    // Written at a random moment later, so its time points at nobody (`outbox.rs`).
                    self.send_anonymous(s, &format!("anonymous/{name}"), &bytes)
                } else {
                    write_new(&dir, &name, &bytes).map(Some)
                }
            },
            |path| {
                if let Some(path) = path {
                    let _ = std::fs::remove_file(path);
                }
            },
        )?;
        Ok(file_hash)
    }
}

/// Who a share of `scope` is written for, when not for every member: a counts-only share goes
/// to the space's leads alone, whose app counts it.
fn counted_by(s: &Space, scope: Scope) -> Option<Vec<String>> {
    (scope == Scope::Aggregate).then(|| s.roster.leads().map(|l| l.keys.key_id()).collect())
}

/// When a version was written: to the second when named, to the day when anonymous.
pub(crate) fn stamp(now: chrono::DateTime<chrono::Utc>, scope: Scope) -> String {
    if scope.is_anonymous() {
        now.date_naive().to_string()
    } else {
        crate::time::to_db(now)
    }
}

/// The guard on what would leave the device. Never names the text found, only where.
pub(crate) fn guard(body: &Value, never: &[String], accept_findings: bool) -> Result<()> {
    for (at, text) in texts_of(body) {
        for f in scan(&text, never) {
            let what = match f.kind {
                FindingKind::Cpr => "a CPR number",
                FindingKind::NeverStore => "a word on your never-store list",
                FindingKind::Phone => "a phone number",
                FindingKind::Email => "an e-mail address",
            };
            let blocks = matches!(f.kind, FindingKind::Cpr | FindingKind::NeverStore);
            if blocks {
                return Err(Error::invalid(
                    &at,
                    Problem::PersonalData,
                    format!("{at} holds {what}; replace it in the reflection before sharing it"),
                ));
            }
            if !accept_findings {
                return Err(Error::invalid(
                    &at,
                    Problem::PersonalData,
                    format!("{at} holds what looks like {what}; replace it, or share knowing it leaves with the text"),
                ));
            }
        }
    }
    Ok(())
}
