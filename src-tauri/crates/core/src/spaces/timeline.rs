//! The team's learning timeline: the same lanes and charts as the private one, drawn from what
//! the team shared. Lanes are the initiatives the shares name; nodes are the named and
//! anonymous reflections, oldest first. A cell of outcomes by level with fewer than three
//! contributions shows nothing and is counted as withheld. What was shared only as counts is
//! never here: the lead's app counts it apart (`team_counts.rs`).

use super::counts::MIN_CELL;
use super::format::record::Scope;
use crate::Store;
use crate::error::Result;
use crate::store::spaces::Live;
use crate::timeline::charts::{ChartData, LevelPoint, OutcomesAtLevel};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;
use ts_rs::TS;

/// One shared attempt on the team's timeline.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamNode {
    /// The shared record's id (never the author's private entry id).
    pub id: String,
    pub title: String,
    /// `YYYY-MM-DD`, or `YYYY-MM` for an anonymous share (its day is coarsened).
    pub occurred_on: String,
    pub outcome: Option<String>,
    pub participation_level: Option<u8>,
    pub scope: Scope,
    /// The member's display name when shared by name.
    pub author: Option<String>,
    pub mine: bool,
}

/// One initiative as the team's shares name it, and its shared attempts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamLane {
    /// `None`: shares that name no initiative.
    pub initiative: Option<String>,
    /// The newest attempt's date (day or month).
    pub last_on: String,
    pub nodes: Vec<TeamNode>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TeamTimeline {
    /// Newest activity first.
    pub lanes: Vec<TeamLane>,
    /// Level over time from the shown attempts; outcomes by level from every live
    /// contribution, cells of fewer than three left empty.
    pub charts: ChartData,
    /// Contributions in cells of outcomes by level too small to show.
    pub withheld: u32,
    /// Contributions shared only as counts, in the counts the lead's app last released (never
    /// in these charts, never shown one by one).
    pub aggregate: u32,
}

impl Store {
    /// The team's timeline of `space`, as this journal holds it.
    pub fn space_timeline(&self, space: &str) -> Result<TeamTimeline> {
        let s = self.space(space)?;
        let me = s.keys.public().key_id();
        let names = self.names(&s.info.id)?;
        let live = self.live(&s.info.id)?;
        let (charts, withheld) = charts(&live);
        let aggregate = self.counts_only(&s.info.id)?.map_or(0, |c| c.contributions) as u32;
        let mut lanes: BTreeMap<Option<String>, Vec<TeamNode>> = BTreeMap::new();
        for l in live.iter().filter(|l| l.scope != Scope::Aggregate) {
            let body = &l.record.body;
            let initiative = text(body, "initiative").filter(|t| !t.trim().is_empty());
            lanes.entry(initiative).or_default().push(TeamNode {
                id: l.version.id.clone(),
                title: text(body, "title").unwrap_or_default(),
                occurred_on: text(body, "occurred_on").unwrap_or_default(),
                outcome: text(body, "outcome"),
                participation_level: level(body),
                scope: l.scope,
                author: l.version.author_key.as_ref().and_then(|k| names.get(k).cloned()),
                mine: l.version.writer == me || self.is_my_share(&s.info.id, &l.version.id)?,
            });
        }
        let mut lanes: Vec<TeamLane> = lanes
            .into_iter()
            .map(|(initiative, mut nodes)| {
                nodes.sort_by(|a, b| a.occurred_on.cmp(&b.occurred_on).then(a.id.cmp(&b.id)));
                TeamLane {
                    initiative,
                    last_on: nodes.last().map(|n| n.occurred_on.clone()).unwrap_or_default(),
                    nodes,
                }
            })
            .collect();
        lanes.sort_by(|a, b| b.last_on.cmp(&a.last_on).then(a.initiative.cmp(&b.initiative)));
        Ok(TeamTimeline {
            lanes,
            charts,
            withheld,
            aggregate,
        })
    }
}

fn text(body: &Value, key: &str) -> Option<String> {
    body.get(key).and_then(Value::as_str).map(str::to_owned)
}

fn level(body: &Value) -> Option<u8> {
    body.get("level")
        .and_then(Value::as_u64)
        .and_then(|l| u8::try_from(l).ok())
        .filter(|l| *l <= 4)
}

/// The charts, and how many contributions their small cells withheld.
fn charts(live: &[Live]) -> (ChartData, u32) {
    let mut months: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut cells = [[0u32; 4]; 5];
    // What was shared only as counts is counted apart, by the lead's app (`team_counts.rs`).
    for l in live.iter().filter(|l| l.scope != Scope::Aggregate) {
        let body = &l.record.body;
        let Some(level) = level(body) else { continue };
        if let Some(month) = text(body, "occurred_on").and_then(|d| d.get(..7).map(str::to_owned)) {
            let m = months.entry(month).or_default();
            m.0 += u32::from(level);
            m.1 += 1;
        }
        let column = match text(body, "outcome").as_deref() {
            Some("failed") => 0,
            Some("partly") => 1,
            Some("succeeded") => 2,
            Some("too_early") => 3,
            _ => continue,
        };
        cells[usize::from(level)][column] += 1;
    }
    let mut withheld = 0;
    for row in cells.iter_mut() {
        for cell in row.iter_mut().filter(|c| **c > 0 && (**c as usize) < MIN_CELL) {
            withheld += *cell;
            *cell = 0;
        }
    }
    let charts = ChartData {
        level_over_time: months
            .into_iter()
            .map(|(month, (sum, attempts))| LevelPoint {
                month,
                mean_level: f64::from(sum) / f64::from(attempts),
                attempts,
            })
            .collect(),
        outcomes_by_level: cells
            .iter()
            .enumerate()
            .map(|(level, [failed, partly, succeeded, too_early])| OutcomesAtLevel {
                level: level as u8,
                failed: *failed,
                partly: *partly,
                succeeded: *succeeded,
                too_early: *too_early,
            })
            .collect(),
    };
    (charts, withheld)
}
