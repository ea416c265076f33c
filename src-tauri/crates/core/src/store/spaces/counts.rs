//! The rows of what was shared only as counts: the contributions the lead's app received, and
//! what it remembers of its last release (`space_counts_released`, which never leaves it). The
//! rules — which cells show, when a release is due — are `spaces/counts.rs`.

use super::super::Store;
use super::Space;
use super::share::Outgoing;
use crate::error::{Error, Result};
use crate::spaces::counts::{Contribution, CountsOnly, MIN_CELL, contribution, people_changed, tally};
use crate::spaces::record::{COUNTS, Record, Scope};
use rusqlite::params;
use std::collections::{BTreeMap, BTreeSet};

impl Store {
    /// The counts the lead's app last released for `space`, if it released any.
    pub(super) fn counts_only(&self, space: &str) -> Result<Option<CountsOnly>> {
        // Only the lead writes this kind (the reader refuses it from anyone else).
        let released = self.live_of(space, COUNTS)?.into_iter().next();
        Ok(released.and_then(|l| serde_json::from_value(l.record.body).ok()))
    }

    /// On the lead's journal: releases the counts again when at least three people's
    /// counts-only contributions changed since the last release. Returns whether it did.
    pub(super) fn release_counts(&mut self, s: &Space) -> Result<bool> {
        if s.lead_key != s.keys.public().key_id() || s.removed {
            return Ok(false);
        }
        let now = self.contributions(&s.info.id)?;
        let released: BTreeMap<String, (i64, String)> = self
            .conn
            .prepare("SELECT record_id, revision, contributor FROM space_counts_released WHERE space_id = ?1")
            .and_then(|mut st| {
                st.query_map([&s.info.id], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
                    .collect()
            })
            .map_err(|e| self.fail(e))?;
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
        let tx = self.conn.unchecked_transaction().map_err(|e| self.fail(e))?;
        tx.execute("DELETE FROM space_counts_released WHERE space_id = ?1", [&s.info.id])
            .map_err(|e| self.fail(e))?;
        for (id, c) in &now {
            tx.execute(
                "INSERT INTO space_counts_released (space_id, record_id, revision, contributor) VALUES (?1, ?2, ?3, ?4)",
                params![s.info.id, id, c.revision, c.contributor],
            )
            .map_err(|e| self.fail(e))?;
        }
        tx.commit().map_err(|e| self.fail(e))?;
        Ok(true)
    }

    /// The live counts-only contributions this journal holds, by shared id. One written before
    /// contributors existed counts as its own person (its writer's one-off key).
    /// Read with a query of their own, not through every shared record: the lead's app asks
    /// at each read of the folder, and a quiet read must stay quiet.
    fn contributions(&self, space: &str) -> Result<BTreeMap<String, Contribution>> {
        let mut rows: Vec<(String, String, i64, bool, String, String)> = self
            .conn
            .prepare_cached(
                "SELECT id, writer, revision, deleted, record, hash FROM space_records \
                 WHERE space_id = ?1 AND kind = 'entry' AND scope = 'aggregate' AND quarantine IS NULL",
            )
            .and_then(|mut st| {
                st.query_map([space], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
                })?
                .collect()
            })
            .map_err(|e| self.fail(e))?;
        rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.5.cmp(&b.5)));
        let withdrawn: BTreeSet<&str> = rows.iter().filter(|r| r.3).map(|r| r.0.as_str()).collect();
        let mut out = BTreeMap::new();
        for (id, writer, revision, _, json, _) in rows.iter().filter(|r| !withdrawn.contains(r.0.as_str())) {
            if out.contains_key(id) {
                continue;
            }
            let Ok(record) = serde_json::from_str::<Record>(json) else {
                continue;
            };
            if let Some(c) = contribution(&record, writer, *revision) {
                out.insert(id.clone(), c);
            }
        }
        Ok(out)
    }
}
