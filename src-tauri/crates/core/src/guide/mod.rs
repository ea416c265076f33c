//! Guides: versioned definitions of a guided reflection — steps, questions, question types,
//! Danish and English text, and for each question the common field it feeds.
//!
//! Guides are data (`assets/guides/<id>.v<version>.json`), embedded at build time and checked
//! by [`validate`]. Every guide feeds the same common fields, so entries written with different
//! guides stay comparable on the timeline. An entry records the guide id and version it was
//! written with; old versions stay in the registry so old entries keep rendering.

mod builtin;
mod team;
mod validate;

pub use builtin::Guides;
pub use team::{TeamGuide, TeamQuestion};
pub use validate::{GuideError, validate};

/// A text in both interface languages: a foundation type (`crate::locale`), written in guides.
pub use crate::locale::LocalText;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Guide {
    pub id: String,
    pub version: u32,
    pub title: LocalText,
    pub description: LocalText,
    /// `false` for guides kept only so that old entries render (not offered for new ones).
    #[serde(default = "listed_default")]
    pub listed: bool,
    pub steps: Vec<Step>,
}

fn listed_default() -> bool {
    true
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: LocalText,
    #[serde(default)]
    #[ts(optional)]
    pub intro: Option<LocalText>,
    /// Shown as optional in the wizard (every step can be skipped; this one says so).
    #[serde(default)]
    pub optional: bool,
    pub questions: Vec<Question>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Question {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionKind,
    pub label: LocalText,
    pub help: LocalText,
    /// The common field this answer feeds, if any.
    #[serde(default)]
    #[ts(optional)]
    pub feeds: Option<Feeds>,
    /// Choices of `single_choice` and `multi_choice`.
    #[serde(default)]
    pub options: Vec<ChoiceOption>,
    /// The sub-questions of a `participation` block.
    #[serde(default)]
    pub parts: Vec<Part>,
    /// Anchor labels of a `scale` (1–5).
    #[serde(default)]
    #[ts(optional)]
    pub scale: Option<ScaleLabels>,
    /// A language lens applied to the answer while typing.
    #[serde(default)]
    #[ts(optional)]
    pub lens: Option<Lens>,
    /// The card of an entry's summary that shows this answer, if any (the guide, not the
    /// window, says which answers tell who held the problem and what citizens brought).
    #[serde(default)]
    #[ts(optional)]
    pub summary: Option<SummaryCard>,
}

/// A card of the composed summary of a reflection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SummaryCard {
    /// Who defined the problem, and whether the definitions matched.
    Problem,
    /// The citizens' resources.
    Resources,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    ShortText,
    LongText,
    SingleChoice,
    MultiChoice,
    /// A whole number from 1 to 5.
    Scale,
    /// `YYYY-MM-DD`.
    Date,
    /// Phase entered, role, who took the initiative, and whether the solution was decided
    /// before citizens came in.
    Participation,
    /// A list of role labels ("borger A", "the chair"), never names.
    Roles,
    /// A list of actions with text, owner and review date.
    Actions,
}

/// The fields every guide feeds, so entries from different guides can be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Feeds {
    OccurredOn,
    Title,
    Outcome,
    Initiative,
    Expectation,
    WhatHappened,
    Analysis,
    Learning,
    Feelings,
    Actions,
    Participation,
    InterestAlignment,
    TrustBefore,
    TrustAfter,
    Organised,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: LocalText,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Part {
    pub id: String,
    pub label: LocalText,
    pub help: LocalText,
    pub options: Vec<ChoiceOption>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct ScaleLabels {
    pub low: LocalText,
    pub high: LocalText,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Lens {
    /// Highlights words that frame citizens by deficit and asks about their resources.
    Deficit,
}

/// A guide as listed for choosing one.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GuideSummary {
    pub id: String,
    pub version: u32,
    pub title: LocalText,
    pub description: LocalText,
    pub step_count: u32,
}

impl Guide {
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.steps.iter().flat_map(|s| s.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// The question that feeds `field` first (entries need exactly one for the date, title and
    /// outcome; [`validate`] checks that).
    pub fn question_feeding(&self, field: Feeds) -> Option<&Question> {
        self.questions().find(|q| q.feeds == Some(field))
    }

    pub fn summary(&self) -> GuideSummary {
        GuideSummary {
            id: self.id.clone(),
            version: self.version,
            title: self.title.clone(),
            description: self.description.clone(),
            step_count: self.steps.len() as u32,
        }
    }
}

/// Option ids of the participation block's parts: the vocabulary the typed columns and the
/// timeline rely on. A guide may word them freely but must use exactly these ids.
pub mod vocabulary {
    pub const PHASES: &[&str] = &[
        "problem_definition",
        "design",
        "implementation",
        "evaluation",
        "not_at_all",
    ];
    /// Roles, from most to least involved; the participation level is 4 minus the position.
    pub const ROLES: &[&str] = &[
        "co_initiator",
        "co_designer",
        "co_implementer",
        "consulted",
        "not_involved",
    ];
    pub const INITIATORS: &[&str] = &["us", "citizens", "jointly", "third_party"];
    pub const PREDECIDED: &[&str] = &["yes", "partly", "no"];
    pub const OUTCOMES: &[&str] = &["failed", "partly", "succeeded", "too_early"];
    pub const ORGANISATION: &[&str] = &["individuals", "informal_group", "association"];
    pub const PARTS: &[(&str, &[&str])] = &[
        ("phase", PHASES),
        ("role", ROLES),
        ("initiator", INITIATORS),
        ("predecided", PREDECIDED),
    ];

    /// The participation level 0–4 of a role: not involved (0) … co-initiator (4).
    pub fn participation_level(role: &str) -> Option<u8> {
        ROLES.iter().position(|r| *r == role).map(|i| 4 - i as u8)
    }
}
