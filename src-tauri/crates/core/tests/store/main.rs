//! Integration tests of the core on real SQLite, in memory and in temporary directories.
//! One test binary, one module per area.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

mod answers;
mod backups;
mod drafts;
mod encryption;
mod entries;
mod erasure;
mod export;
mod guide_versions;
mod history;
mod journals;
mod key_file;
mod merge_metadata;
mod opening;
mod previous_release;
mod privacy;
mod privacy_cases;
mod search;
mod spaces;
mod timeline;

use eftertanke_core::vault::{KdfParams, Vault};
use eftertanke_core::{DatabaseKey, EntryInput, OpenOptions, Store};
use serde_json::{Value, json};
use std::path::Path;

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
        follows_up: None,
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

/// A new encrypted journal in `dir` (with a cheap key derivation, to keep tests quick).
pub fn encrypted(dir: &Path) -> (Store, DatabaseKey) {
    let (key, _code) = Vault::with_kdf(dir, KdfParams::insecure_for_tests())
        .create("a passphrase for tests")
        .unwrap();
    let store = Store::open_in_dir(dir, &OpenOptions::with_key(key.clone())).unwrap();
    (store, key)
}

/// Every file under `dir` (recursively) that contains `needle`.
pub fn files_containing(dir: &Path, needle: &str) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let path = e.path();
            if path.is_dir() {
                stack.push(path);
            } else if std::fs::read(&path)
                .unwrap()
                .windows(needle.len())
                .any(|w| w == needle.as_bytes())
            {
                hits.push(path);
            }
        }
    }
    hits
}
