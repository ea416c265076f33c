//! Initiatives: a co-production effort with one citizen group over time, described by roles and
//! places, never by names. Entries belong to one; the timeline draws one lane per initiative.

use crate::id::InitiativeId;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Initiative {
    pub id: InitiativeId,
    pub title: String,
    pub neighbourhood: String,
    /// The citizen group as a role ("Danish-Somali mothers"), never names.
    pub citizen_group: String,
    pub purpose: String,
    /// The day of the newest attempt, if any.
    #[ts(type = "string | null")]
    pub last_on: Option<NaiveDate>,
    pub attempts: u32,
}

/// The editable description of an initiative.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
pub struct InitiativeInput {
    pub title: String,
    pub neighbourhood: String,
    pub citizen_group: String,
    pub purpose: String,
}
