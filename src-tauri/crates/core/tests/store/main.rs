//! Integration tests of the core on real SQLite, in memory and in temporary directories.
//! One test binary, one module per area.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

mod answers;
mod drafts;
mod entries;
mod guide_versions;
mod opening;
mod previous_release;
mod privacy;
mod privacy_cases;
mod timeline;

use eftertanke_core::EntryInput;
use serde_json::{Value, json};

/// A quick capture with the co-production guide.
pub fn quick(day: &str, title: &str, outcome: &str) -> EntryInput {
    with(&[
        ("occurred_on", json!(day)),
        ("headline", json!(title)),
        ("outcome", json!(outcome)),
    ])
}

/// A co-production entry with exactly these answers.
pub fn with(answers: &[(&str, Value)]) -> EntryInput {
    EntryInput {
        guide_id: "co-production".into(),
        guide_version: Some(1),
        answers: answers.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        complete: false,
        tags: Vec::new(),
        override_personal_data: false,
    }
}

/// A valid input for the reference case's first attempt, as a quick capture.
pub fn first_attempt() -> EntryInput {
    let mut input = quick("2025-09-03", "Danskkursus for somaliske mødre", "failed");
    input.answers.insert(
        "what_happened".into(),
        json!("Få mødte op. Det, der fyldte mest, var de unges fremtid."),
    );
    input
}
