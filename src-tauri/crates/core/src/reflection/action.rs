//! Actions: what a reflection decides to do, with an owner (a role) and a review date. Their
//! status is followed up when the next attempt starts from the last one.

use crate::id::{ActionId, EntryId};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Open,
    Done,
    Partly,
    Dropped,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [Self::Open, Self::Done, Self::Partly, Self::Dropped];

    pub fn code(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
            Self::Partly => "partly",
            Self::Dropped => "dropped",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// An action as stored.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: ActionId,
    pub entry_id: EntryId,
    pub text: String,
    /// A role ("team lead", "housing social worker"), not a name.
    pub owner: String,
    #[ts(type = "string | null")]
    pub review_on: Option<NaiveDate>,
    pub status: ActionStatus,
    pub status_note: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// An action from a validated answer: the id is kept when the action was saved before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidAction {
    pub id: Option<ActionId>,
    pub text: String,
    pub owner: String,
    pub review_on: Option<NaiveDate>,
}

/// An open action past its review date, for the home screen.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DueAction {
    pub action: Action,
    pub entry_title: String,
}
