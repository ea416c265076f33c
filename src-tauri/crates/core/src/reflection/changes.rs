//! What changed between two attempts: the structured co-production answers side by side, so a
//! follow-up shows at a glance how participation, initiative, organisation and interests moved.

use crate::reflection::entry::Entry;
use serde::Serialize;
use ts_rs::TS;

/// The fields compared, in the order they are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeField {
    ParticipationLevel,
    Phase,
    Role,
    Initiator,
    Organised,
    InterestAlignment,
    TrustBefore,
    TrustAfter,
}

/// One field before and after. Values are the stored codes (`co_implementer`, `3`, `yes`…);
/// the UI words them. `null` means not answered.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Change {
    pub field: ChangeField,
    pub before: Option<String>,
    pub after: Option<String>,
    pub changed: bool,
}

/// Interest alignment in words: 1–2 low, 3 medium, 4–5 high.
pub fn alignment_band(n: u8) -> &'static str {
    match n {
        0..=2 => "low",
        3 => "medium",
        _ => "high",
    }
}

/// Organised or not: an informal group or an association counts as organised.
pub fn organised(organisation: &str) -> &'static str {
    if organisation == "individuals" { "no" } else { "yes" }
}

/// The structured answers of `earlier` and `later` side by side.
pub fn compare(earlier: &Entry, later: &Entry) -> Vec<Change> {
    let pair = |field, f: &dyn Fn(&Entry) -> Option<String>| {
        let (before, after) = (f(earlier), f(later));
        Change {
            field,
            changed: before != after,
            before,
            after,
        }
    };
    vec![
        pair(ChangeField::ParticipationLevel, &|e| {
            e.participation.level.map(|n| n.to_string())
        }),
        pair(ChangeField::Phase, &|e| e.participation.phase.clone()),
        pair(ChangeField::Role, &|e| e.participation.role.clone()),
        pair(ChangeField::Initiator, &|e| e.participation.initiator.clone()),
        pair(ChangeField::Organised, &|e| {
            e.organisation.as_deref().map(|o| format!("{}:{o}", organised(o)))
        }),
        pair(ChangeField::InterestAlignment, &|e| {
            e.interest_alignment.map(|n| format!("{}:{n}", alignment_band(n)))
        }),
        pair(ChangeField::TrustBefore, &|e| e.trust_before.map(|n| n.to_string())),
        pair(ChangeField::TrustAfter, &|e| e.trust_after.map(|n| n.to_string())),
    ]
}
