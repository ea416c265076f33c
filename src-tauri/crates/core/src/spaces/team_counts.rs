//! The team's counts as the lead's app releases them, and as every journal reads the last
//! release. The rules — which cells show, when a release is due — are `counts.rs`; the rows,
//! `store/spaces/counts.rs`.

use super::counts::{Contribution, CountsOnly, MIN_CELL, contribution, people_changed, tally};
use super::format::record::{COUNTS, Record, Scope};
use super::share::Outgoing;
use crate::Store;
use crate::error::{Error, Result};
use crate::store::spaces::Space;
use std::collections::{BTreeMap, BTreeSet};

impl Store {
    /// The counts the lead's app last released for `space`, if it released any.
    pub(crate) fn counts_only(&self, space: &str) -> Result<Option<CountsOnly>> {
        // Only the lead writes this kind (the reader refuses it from anyone else).
        let released = self.live_of(space, COUNTS)?.into_iter().next();
        Ok(released.and_then(|l| serde_json::from_value(l.record.body).ok()))
    }

    /// On the lead's journal: releases the counts again when at least three people's
    /// counts-only contributions changed since the last release. Returns whether it did.
    pub(crate) fn release_counts(&mut self, s: &Space) -> Result<bool> {
        if s.lead_key != s.keys.public().key_id() || s.removed {
            return Ok(false);
        }
        let now = self.contributions(&s.info.id)?;
        let released = self.counts_released(&s.info.id)?;
        if people_changed(&now, &released).len() < MIN_CELL {
            return Ok(false);
        }
        let today = crate::time::now().date_naive().to_string();
        let counts = tally(now.values(), today.clone());
        let (id, revision) = match self.live_of(&s.info.id, COUNTS)?.into_iter().next() {
            Some(l) => (l.version.id, l.version.revision as u64 + 1),
            None => (uuid::Uuid::now_v7().to_string(), 1),
        };
        let record = Record {
            kind: COUNTS.into(),
            id,
            revision,
            updated_at: today,
            deleted: false,
            scope: Some(Scope::Named),
            body: serde_json::to_value(&counts).map_err(|e| Error::caused("writing the counts", e))?,
            rest: Default::default(),
        };
        let out = vec![Outgoing {
            record,
            entry: None,
            key: None,
        }];
        self.publish(s, out, false, None)?;
        self.note_counts_released(
            &s.info.id,
            now.iter()
                .map(|(id, c)| (id.as_str(), c.revision, c.contributor.as_str())),
        )?;
        Ok(true)
    }

    /// The live counts-only contributions this journal holds, by shared id. One written before
    /// contributors existed counts as its own person (its writer's one-off key).
    fn contributions(&self, space: &str) -> Result<BTreeMap<String, Contribution>> {
        let mut rows = self.aggregate_rows(space)?;
        rows.sort_by(|a, b| a.id.cmp(&b.id).then(a.hash.cmp(&b.hash)));
        let withdrawn: BTreeSet<&str> = rows.iter().filter(|r| r.deleted).map(|r| r.id.as_str()).collect();
        let mut out = BTreeMap::new();
        for row in rows.iter().filter(|r| !withdrawn.contains(r.id.as_str())) {
            if out.contains_key(&row.id) {
                continue;
            }
            let Ok(record) = serde_json::from_str::<Record>(&row.record) else {
                continue;
            };
            if let Some(c) = contribution(&record, &row.writer, row.revision) {
                out.insert(row.id.clone(), c);
            }
        }
        Ok(out)
    }
}
