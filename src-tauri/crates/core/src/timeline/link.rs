//! Typed links between entries. "Follows up on" makes the attempt chain (and never forms a
//! cycle); "builds on a lesson from" and "related to" connect across chains.

use crate::id::{EntryId, LinkId};
use crate::reflection::entry::Outcome;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LinkKind {
    FollowsUp,
    BuildsOn,
    Related,
}

impl LinkKind {
    pub const ALL: [LinkKind; 3] = [Self::FollowsUp, Self::BuildsOn, Self::Related];

    pub fn code(self) -> &'static str {
        match self {
            Self::FollowsUp => "follows_up",
            Self::BuildsOn => "builds_on",
            Self::Related => "related",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The entry at the other end of a link, or a gap where it was deleted.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkedEntry {
    pub link_id: LinkId,
    pub kind: LinkKind,
    pub entry_id: EntryId,
    /// `false` when the entry was deleted: the chain shows a gap, not a silent re-link.
    pub exists: bool,
    #[ts(type = "string | null")]
    pub occurred_on: Option<NaiveDate>,
    pub title: Option<String>,
    pub outcome: Option<Outcome>,
}

/// An entry's links: what it points to (`earlier`) and what points to it (`later`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryLinks {
    /// This entry follows up on / builds on / relates to these.
    pub to: Vec<LinkedEntry>,
    /// These follow up on / build on / relate to this entry.
    pub from: Vec<LinkedEntry>,
}
