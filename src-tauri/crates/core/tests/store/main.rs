//! Integration tests of the core on real SQLite, in memory and in temporary directories.
//! One test binary, one module per area.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

mod drafts;
mod entries;
mod opening;
mod previous_release;

use eftertanke_core::EntryInput;

/// A valid input for the reference case's first attempt.
pub fn first_attempt() -> EntryInput {
    EntryInput {
        occurred_on: "2025-09-03".into(),
        title: "Danskkursus for somaliske mødre".into(),
        outcome: Some("failed".into()),
        notes: "Få mødte op. Det, der fyldte mest for dem, var de unges fremtid.".into(),
    }
}
