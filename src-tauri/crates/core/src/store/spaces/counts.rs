//! What was shared only as counts, counted by the lead's app alone.
//!
//! A counts-only contribution carries the outcome, the participation level and its author's
//! contributor pseudonym (`MemberKeys::contributor`), written anonymously for the space's leads
//! alone: no colleague's journal receives it. The lead's app publishes the team's counts as one
//! `counts` record, read by everyone:
//! - a cell (outcome by level) is shown only when at least [`MIN_CELL`] *different people* stand
//!   behind it; the rest are counted together as withheld;
//! - a new version is released only when at least [`MIN_CELL`] people's contributions changed
//!   (new, changed or withdrawn) since the last, so no release isolates one person's share.
//!
//! What the lead's app remembers of the release (`space_counts_released`) never leaves it.

use super::super::Store;
use super::Space;
use super::share::Outgoing;
use crate::error::{Error, Result};
use crate::guide::vocabulary::OUTCOMES;
use crate::spaces::record::{COUNTS, ENTRY, Record, Scope};
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::TS;

/// The smallest count a cell of the team's counts shows: fewer contributions (or, for what was
/// shared only as counts, fewer people) could point at a person.
pub const MIN_CELL: usize = 3;

/// One cell of the team's counts: attempts with this outcome at this participation level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountCell {
    pub outcome: String,
    pub level: Option<u8>,
    pub count: usize,
}

/// The team's counts of what was shared only as counts, as the lead's app last released them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountsOnly {
    /// Cells of at least three different people.
    pub cells: Vec<CountCell>,
    /// Contributions in cells of fewer than three people, not shown.
    pub withheld: usize,
    /// Every contribution this release counts.
    pub contributions: usize,
    /// The day of the release (`YYYY-MM-DD`).
    pub released_on: String,
}

/// A counts-only contribution as the lead's app holds it.
struct Contribution {
    revision: i64,
    contributor: String,
    outcome: String,
    level: Option<u8>,
}

/// Whether the records of an anonymous bundle written for the leads alone are what such a
/// bundle may hold: counts-only shares (or their withdrawals), nothing else.
pub(super) fn only_counts<'a>(mut records: impl Iterator<Item = &'a Record>) -> bool {
    records.all(|r| r.kind == ENTRY && r.scope == Some(Scope::Aggregate))
}

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
        let mut changed = BTreeSet::new();
        for (id, c) in &now {
            if released.get(id).map(|(revision, _)| *revision) != Some(c.revision) {
                changed.insert(c.contributor.as_str());
            }
        }
        for (id, (_, who)) in &released {
            if !now.contains_key(id) {
                changed.insert(who.as_str());
            }
        }
        if changed.len() < MIN_CELL {
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
            let body = &record.body;
            let Some(outcome) = body
                .get("outcome")
                .and_then(Value::as_str)
                .filter(|o| OUTCOMES.contains(o))
            else {
                continue;
            };
            let level = body
                .get("level")
                .and_then(Value::as_u64)
                .and_then(|l| u8::try_from(l).ok())
                .filter(|l| *l <= 4);
            let contributor = body
                .get("contributor")
                .and_then(Value::as_str)
                .filter(|c| c.len() == 32 && c.bytes().all(|b| b.is_ascii_hexdigit()))
                .map_or_else(|| writer.clone(), str::to_owned);
            out.insert(
                id.clone(),
                Contribution {
                    revision: *revision,
                    contributor,
                    outcome: outcome.to_owned(),
                    level,
                },
            );
        }
        Ok(out)
    }
}

/// One cell as it is counted: the contributions in it, and the people behind them.
type Cell<'a> = (usize, BTreeSet<&'a str>);

/// The cells of `contributions`: each shown only when at least [`MIN_CELL`] different people
/// stand behind it.
fn tally<'a>(contributions: impl Iterator<Item = &'a Contribution>, released_on: String) -> CountsOnly {
    let mut cells: BTreeMap<(String, Option<u8>), Cell> = BTreeMap::new();
    let mut total = 0;
    for c in contributions {
        total += 1;
        let cell = cells.entry((c.outcome.clone(), c.level)).or_default();
        cell.0 += 1;
        cell.1.insert(&c.contributor);
    }
    let (shown, hidden): (Vec<_>, Vec<_>) = cells.into_iter().partition(|(_, (_, people))| people.len() >= MIN_CELL);
    CountsOnly {
        cells: shown
            .into_iter()
            .map(|((outcome, level), (count, _))| CountCell { outcome, level, count })
            .collect(),
        withheld: hidden.iter().map(|(_, (n, _))| n).sum(),
        contributions: total,
        released_on,
    }
}
