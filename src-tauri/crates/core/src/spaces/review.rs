//! The facilitator's review queue ("til gennemsyn"): the colleagues' shared reflections whose
//! current version this journal has not gone through, newest arrival first, narrowed by initiative, outcome and participation level — never to one person: a
//! list of one colleague's failed attempts is appraisal, not the team's learning. Arrival is
//! this computer's own clock, and only the day for a share without a name; what members wrote is
//! never ordered by their clocks.

use super::read::SharedEntryView;
use crate::Store;
use crate::error::Result;
use crate::name_key::name_key;
use crate::reflection::categories::Outcome;
use serde::{Deserialize, Serialize};
use serde_json::Value;
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
    /// When its current version reached this journal: a time for a named share, only the day
    /// (`YYYY-MM-DD`) for one without a name (none: before arrivals were kept).
    pub arrived_at: Option<String>,
}

/// The queue, and when this journal last went through it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewQueue {
    pub items: Vec<ReviewItem>,
    /// When this journal last went through the queue.
    pub reviewed_at: Option<String>,
}

impl Store {
    /// What arrived in `space` that this journal has not gone through (a reflection whose
    /// current version it has not marked), this journal's own shares left out, newest arrival
    /// first. A share without a name arrived on a day, not at a time: it comes after the named
    /// ones of that day.
    pub fn review_queue(&self, space: &str, filter: &ReviewFilter) -> Result<ReviewQueue> {
        let s = self.space(space)?;
        let reviewed_at = self.reviewed_at(&s.info.id)?;
        let arrived = self.entry_arrivals(&s.info.id)?;
        let gone_through = self.gone_through(&s.info.id)?;
        let mut items: Vec<ReviewItem> = self
            .space_entries(&s.info.id)?
            .into_iter()
            .filter(|e| !e.mine && filter.matches(e))
            .filter(|e| gone_through.get(&e.id).is_none_or(|r| *r < e.revision as i64))
            .map(|entry| ReviewItem {
                arrived_at: arrived.get(&entry.id).cloned().flatten(),
                entry,
            })
            .collect();
        items.sort_by(|a, b| b.arrived_at.cmp(&a.arrived_at).then(b.entry.id.cmp(&a.entry.id)));
        Ok(ReviewQueue { items, reviewed_at })
    }

    /// Marks the reflections `shown` (their shared ids, as the queue showed them) as gone
    /// through, at the version they are now; everything in the queue when `shown` is none. A
    /// version that arrives later comes back to the queue.
    pub fn mark_reviewed(&mut self, space: &str, shown: Option<&[String]>) -> Result<()> {
        let s = self.space(space)?;
        let queue = self.review_queue(&s.info.id, &ReviewFilter::default())?;
        let items: Vec<(String, u64)> = queue
            .items
            .into_iter()
            .filter(|i| shown.is_none_or(|ids| ids.iter().any(|id| id.trim() == i.entry.id)))
            .map(|i| (i.entry.id, i.entry.revision))
            .collect();
        self.note_gone_through(&s.info.id, &items)
    }
}
