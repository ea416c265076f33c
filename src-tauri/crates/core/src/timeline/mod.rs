//! The learning timeline: initiatives as lanes, attempts as nodes in date order, chains of
//! "follows up on" as connectors, with filters and keyset paging by latest activity.

pub mod charts;
pub mod initiative;
pub mod link;

use crate::id::EntryId;
use crate::reflection::entry::Outcome;
use crate::timeline::initiative::Initiative;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What to show. Empty fields do not filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct TimelineFilter {
    pub initiative: Option<String>,
    #[ts(as = "Option<Outcome>")]
    pub outcome: Option<String>,
    /// A phase id of the participation block (`problem_definition` …).
    pub phase: Option<String>,
    /// A role id of the participation block (`co_initiator` …).
    pub role: Option<String>,
    /// First day, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only attempts with this tag.
    pub tag: Option<String>,
}

/// One attempt on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelineNode {
    pub id: EntryId,
    #[ts(type = "string")]
    pub occurred_on: NaiveDate,
    pub title: String,
    pub outcome: Outcome,
    pub participation_level: Option<u8>,
    pub complete: bool,
    pub open_actions: u32,
    /// The attempt this one follows up on (may be outside the filter, or deleted: a gap).
    pub follows_up_on: Option<EntryId>,
}

/// One initiative and its attempts (those that match the filter), oldest first.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Lane {
    /// `attempts` counts every attempt that matches the filter, shown or not.
    pub initiative: Initiative,
    pub nodes: Vec<TimelineNode>,
    /// Older matching attempts not on this page (a lane shows the newest twelve unless the
    /// timeline is filtered to this initiative).
    pub earlier_hidden: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimelinePage {
    pub lanes: Vec<Lane>,
    pub next_cursor: Option<String>,
    /// Entries that belong to no initiative (they are in the journal, not on the timeline).
    pub unplaced: u32,
}
