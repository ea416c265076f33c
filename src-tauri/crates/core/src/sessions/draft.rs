//! What a session is recorded from: the window's flow and `space session --json` both build
//! one, and both are checked by the same rules (`write.rs`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// What became of an action or an improvement carried from an earlier session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Done,
    /// Kept open, perhaps with a new review date.
    Continue,
    /// Given up, with a line on why.
    Dropped,
}

impl Verdict {
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Done => "done",
            Verdict::Continue => "continue",
            Verdict::Dropped => "dropped",
        }
    }
}

/// The verdict on one carried item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarriedStatus {
    pub id: String,
    pub status: Verdict,
    /// Why it was dropped (needed then), or a word on how it went.
    #[serde(default)]
    pub why: String,
    /// For an item kept open: its next review date (its old one when left out).
    #[serde(default)]
    pub review_on: Option<NaiveDate>,
}

/// A new improvement or action: what, who (a member's display name in the space), and when
/// the team looks at it again.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewItem {
    pub text: String,
    pub owner: String,
    pub review_on: NaiveDate,
}

/// A shared entry the session went through, with the team's note on it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct MaterialNote {
    pub on: String,
    #[serde(default)]
    pub note: String,
}

/// A session as the lead records it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SessionDraft {
    /// The day it was held (today when left out).
    #[serde(default)]
    pub held_on: Option<NaiveDate>,
    /// A verdict on every open action and improvement from before.
    #[serde(default)]
    pub carried: Vec<CarriedStatus>,
    #[serde(default)]
    pub material: Vec<MaterialNote>,
    /// The team's answers to the team guide's questions, by question id.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Exactly one team improvement.
    #[serde(default)]
    pub improvement: Option<NewItem>,
    #[serde(default)]
    pub actions: Vec<NewItem>,
}
