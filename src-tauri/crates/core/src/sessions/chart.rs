//! The team's own chart beside the session's questions: participation level over time, across
//! the reflections shared with their date (by name or without; the month of the attempt), and
//! outcome by level (the team's counts, with what was shared only as counts apart). A month,
//! like a cell, is shown only when at least three contributions make it, so no chart points at
//! one person.

use crate::error::Result;
use crate::spaces::SpaceCounts;
use crate::spaces::counts::MIN_CELL;
use crate::store::Store;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use ts_rs::TS;

/// The mean participation level (0–4) of one month's attempts.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LevelMonth {
    /// `YYYY-MM`: the month of the attempts.
    pub month: String,
    pub count: usize,
    pub mean_level: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamChart {
    pub months: Vec<LevelMonth>,
    /// Contributions with a level in months too small to show.
    pub withheld: usize,
    pub counts: SpaceCounts,
}

impl Store {
    pub(super) fn team_chart(&self, space: &str) -> Result<TeamChart> {
        let mut months: BTreeMap<String, Vec<u64>> = BTreeMap::new();
        for l in self.live(space)? {
            let Some(level) = l.record.body.get("level").and_then(Value::as_u64) else {
                continue;
            };
            // A counts-only contribution carries no date (and only the lead's app holds it).
            let Some(month) = l
                .record
                .body
                .get("occurred_on")
                .and_then(Value::as_str)
                .and_then(|d| d.get(..7))
            else {
                continue;
            };
            months.entry(month.to_owned()).or_default().push(level);
        }
        let withheld = months.values().filter(|l| l.len() < MIN_CELL).map(Vec::len).sum();
        Ok(TeamChart {
            months: months
                .into_iter()
                .filter(|(_, l)| l.len() >= MIN_CELL)
                .map(|(month, l)| LevelMonth {
                    count: l.len(),
                    mean_level: l.iter().sum::<u64>() as f64 / l.len() as f64,
                    month,
                })
                .collect(),
            withheld,
            counts: self.space_counts(space)?,
        })
    }
}
