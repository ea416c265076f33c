//! The 100,000-entry journal the search and index-writes benchmarks share, built once under
//! target/tmp and reused (opening it migrates it, so a schema change rebuilds nothing by hand),
//! with a raw FTS5 table of the same texts beside it; and the line both print per measure.

// Each benchmark that includes this module uses part of it.
#![allow(dead_code)]

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::entries_range;
use eftertanke_core::{OpenOptions, Store};
use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const ENTRIES: usize = 100_000;

/// The journal and the raw table's file, under cargo's target/tmp.
pub fn paths() -> (PathBuf, PathBuf) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    (
        dir.join("search-100k.sqlite3"),
        dir.join("search-100k-raw-fts5.sqlite3"),
    )
}

pub fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
}

pub fn report(name: &str, (p50, p95): (f64, f64), hits: usize) {
    println!(
        "{name:<52} {:>10.3?} {:>10.3?} {hits:>8}",
        Duration::from_secs_f64(p50),
        Duration::from_secs_f64(p95)
    );
}

/// Builds the 100k journal and the raw FTS5 table of the same texts, once; reused after.
pub fn ensure_big(path: &Path, raw_path: &Path) {
    let ready = Store::open(path, &OpenOptions::default())
        .is_ok_and(|s| s.count_entries().unwrap_or(0) == ENTRIES as u64)
        && raw_path.exists();
    if ready {
        return;
    }
    let _ = std::fs::remove_file(path);
    let _ = std::fs::remove_file(raw_path);
    let mut store = Store::open(path, &OpenOptions::default()).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    for start in (0..ENTRIES).step_by(5_000) {
        let range = start..(start + 5_000).min(ENTRIES);
        store
            .create_entries(&entries_range(ENTRIES, range, 2_000, &Locale::ALL, 2026, today))
            .unwrap();
    }
    drop(store);
    let raw = Connection::open(raw_path).unwrap();
    raw.execute_batch(&format!(
        "CREATE VIRTUAL TABLE raw USING fts5 (title, body); \
         ATTACH '{}' AS app; \
         INSERT INTO raw (rowid, title, body) SELECT rowid, title, \
           concat_ws(' ', initiative, expectation, what_happened, analysis, learning, feelings, \
             (SELECT group_concat(value, ' ') FROM json_each(answers) WHERE type = 'text')) \
           FROM app.entries WHERE deleted_at IS NULL; \
         DETACH app;",
        path.display()
    ))
    .unwrap();
}
