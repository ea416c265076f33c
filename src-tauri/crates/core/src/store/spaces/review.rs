//! The facilitator's review queue ("til gennemsyn"): the colleagues' shared reflections whose
//! current version reached this journal since it last went through the space, newest arrival
//! first, narrowed by initiative, outcome and participation level — never to one person: a
//! list of one colleague's failed attempts is appraisal, not the team's learning. Arrival is
//! this computer's own clock; what members wrote is never ordered by their clocks.

use super::super::Store;
use super::read::SharedEntryView;
use crate::error::Result;
use crate::name_key::name_key;
use crate::reflection::categories::Outcome;
use rusqlite::params;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;
use ts_rs::TS;

/// What the queue is narrowed to; every field left out lets everything through.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct ReviewFilter {
    /// An initiative as the shares name it, matched as people read it (case, accents).
    pub initiative: Option<String>,
    pub outcome: Option<Outcome>,
    /// A participation level, 0–4.
    pub level: Option<u8>,
}

impl ReviewFilter {
    pub fn matches(&self, e: &SharedEntryView) -> bool {
        let initiative = self
            .initiative
            .as_ref()
            .is_none_or(|i| e.initiative.as_deref().is_some_and(|x| name_key(x) == name_key(i)));
        let outcome = self.outcome.is_none_or(|o| e.outcome.as_deref() == Some(o.code()));
        let level = self
            .level
            .is_none_or(|l| e.body.get("level").and_then(Value::as_u64) == Some(u64::from(l)));
        initiative && outcome && level
    }
}

/// One reflection waiting for the lead.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewItem {
    pub entry: SharedEntryView,
    /// When its current version reached this journal (none: before arrivals were kept).
    pub arrived_at: Option<String>,
}

/// The queue, and when this journal last went through it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewQueue {
    pub items: Vec<ReviewItem>,
    pub reviewed_at: Option<String>,
}

impl Store {
    /// What arrived in `space` since this journal last marked it reviewed (everything, the
    /// first time), this journal's own shares left out, newest arrival first.
    pub fn review_queue(&self, space: &str, filter: &ReviewFilter) -> Result<ReviewQueue> {
        let s = self.space(space)?;
        let reviewed_at: Option<String> = self
            .conn
            .query_row("SELECT reviewed_at FROM spaces WHERE id = ?1", [&s.info.id], |r| {
                r.get(0)
            })
            .map_err(|e| self.fail(e))?;
        let arrived: BTreeMap<String, Option<String>> = self
            .conn
            .prepare("SELECT id, max(arrived_at) FROM space_records WHERE space_id = ?1 AND kind = 'entry' GROUP BY id")
            .and_then(|mut st| st.query_map([&s.info.id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect())
            .map_err(|e| self.fail(e))?;
        let mut items: Vec<ReviewItem> = self
            .space_entries(&s.info.id)?
            .into_iter()
            .filter(|e| !e.mine && filter.matches(e))
            .filter_map(|entry| {
                let arrived_at = arrived.get(&entry.id).cloned().flatten();
                let new = match (&reviewed_at, &arrived_at) {
                    (None, _) => true,
                    (Some(seen), Some(at)) => at > seen,
                    (Some(_), None) => false,
                };
                new.then_some(ReviewItem { entry, arrived_at })
            })
            .collect();
        items.sort_by(|a, b| b.arrived_at.cmp(&a.arrived_at).then(b.entry.id.cmp(&a.entry.id)));
        Ok(ReviewQueue { items, reviewed_at })
    }

    /// Marks what arrived in `space` up to `until` (an arrival time the queue showed; now,
    /// when none) as gone through. Never moves the mark back.
    pub fn mark_reviewed(&mut self, space: &str, until: Option<&str>) -> Result<()> {
        let s = self.space(space)?;
        let now = crate::time::to_db(crate::time::now());
        // A time that is not one, or one past this computer's clock, marks up to now.
        let until = until
            .map(str::trim)
            .filter(|u| crate::time::from_db(u).is_ok() && *u <= now.as_str())
            .unwrap_or(&now);
        self.conn
            .execute(
                "UPDATE spaces SET reviewed_at = max(coalesce(reviewed_at, ''), ?2) WHERE id = ?1",
                params![s.info.id, until],
            )
            .map_err(|e| self.fail(e))?;
        Ok(())
    }
}
