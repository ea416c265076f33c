//! A removal's seal, as a reader keeps it: whether a bundle of an earlier epoch counts (the
//! first seal after its epoch must name it: `store/spaces/seals.rs`), what is taken back when a seal arrives after the
//! files it leaves out were applied, and this journal's own shares and withdrawals that missed
//! a seal, written again at the new epoch. The rule is in `docs/bundle-format.md`.

use super::format::MAX_FILE_BYTES;
use super::format::bundle::{Refusal, open_bundle, parse_records};
use super::format::folder::{read_bounded, space_dir};
use super::format::keys::anonymous_writer;
use super::format::record::Scope;
use crate::Store;
use crate::error::{Error, Result};
use crate::store::spaces::{Space, incoming};
use std::collections::BTreeSet;

impl Store {
    /// After a removal's seal arrives: every file applied before that the seal leaves out is
    /// taken back, so a reader that read a removed member's late bundle before the removal ends
    /// where a reader that read them the other way round does. Its records are removed from
    /// the team's view and merged again from the other files that carry them (read again from
    /// the folder).
    pub(crate) fn take_back_sealed_out(&mut self, s: &Space) -> Result<Vec<(String, Vec<String>)>> {
        let applied = self.applied_files_with_epoch(&s.info.id)?;
        let mut out = Vec::new();
        for (hash, name, epoch) in applied {
            if !self.counts_under_seals(&s.info.id, epoch as u64, &hash)? {
                out.push((hash, name));
            }
        }
        if out.is_empty() {
            return Ok(Vec::new());
        }
        let me = s.keys.public().key_id();
        let why = Refusal::SealedOut;
        self.in_one_transaction(|| {
            let mut own: Vec<(String, Vec<String>)> = Vec::new();
            let mut ids: BTreeSet<String> = BTreeSet::new();
            for (hash, _) in &out {
                let (carried, author) = self.file_records_and_author(&s.info.id, hash)?;
                if author.as_deref() == Some(me.as_str()) {
                    own.push((hash.clone(), carried.clone()));
                }
                ids.extend(carried);
                self.take_back_file(&s.info.id, hash, &why)?;
            }
            for id in &ids {
                self.drop_record(&s.info.id, id)?;
            }
            // The versions the other files that carry them hold, merged again (the merge keeps
            // the highest).
            let dir = space_dir(&s.info.folder, &s.info.id);
            let now = crate::time::to_db(crate::time::now());
            for name in self.applied_files_carrying(&s.info.id, &ids)? {
                let Ok(bytes) = read_bounded(&dir.join(&name), MAX_FILE_BYTES) else {
                    continue;
                };
                let Ok(opened) = open_bundle(s.keys.identity(), &bytes) else {
                    continue;
                };
                let Ok(records) = parse_records(&opened) else { continue };
                let author = opened.manifest.author.clone();
                for (record, json, anon_writer) in records.iter().filter(|(r, _, _)| ids.contains(&r.id)) {
                    let writer = match (&author, anon_writer) {
                        (Some(key), _) => key.clone(),
                        (None, Some(public)) => anonymous_writer(public),
                        (None, None) => continue,
                    };
                    self.merge_version(&incoming(&s.info.id, record, json, &writer, author.as_deref(), &now))?;
                }
            }
            Ok(own)
        })
    }

    /// This journal's own shares and withdrawals that a removal's seal left out (written at
    /// the moment of the removal, so the lead did not hold them yet): written again at the new
    /// epoch, where they count. A share the guard now stops stays named in the status.
    pub(crate) fn share_again(&mut self, space: &str, ids: &[String]) -> Result<bool> {
        let mut shares = Vec::new();
        for id in ids {
            if let Some((entry, scope, withdrawn)) = self.share_state(space, id)? {
                shares.push((id.clone(), entry, scope, withdrawn));
            }
        }
        let mut all = shares.len() == ids.len();
        for (id, entry, scope, withdrawn) in shares {
            let again = if withdrawn {
                self.withdraw(space, &id, true)
            } else {
                let scope = Scope::from_code(&scope)
                    .ok_or_else(|| Error::internal(format!("a stored share's scope '{scope}'")))?;
                self.share_entries(space, &[entry], scope, false).map(|_| ())
            };
            // Refused (the guard, a removed journal, the folder gone): the status names it.
            all &= again.is_ok();
        }
        Ok(all)
    }
}
