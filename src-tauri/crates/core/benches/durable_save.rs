//! Benchmark: one durable save through the core, beside a raw rusqlite insert of the same row
//! with the same pragmas, in the same run, interleaved so both see the same disk conditions.
//!
//! Run: `cargo bench -p eftertanke-core --bench durable_save` (SAVES=N to change the count).
//! Target: the core's p50 and p95 within 1.5x of the raw insert.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::store::apply_pragmas;
use eftertanke_core::{EntryId, EntryInput, OpenOptions, Store};
use rusqlite::{Connection, params};
use std::time::{Duration, Instant};

fn main() {
    let saves: usize = std::env::var("SAVES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    // On the real disk under target/, not a tmpfs where fsync costs nothing.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let options = OpenOptions::default();
    let mut store = Store::open(&dir.path().join("core.sqlite3"), &options).unwrap();
    // The raw side gets a database with the same schema, made by the store, then reopened bare.
    let raw_path = dir.path().join("raw.sqlite3");
    let author = Store::open(&raw_path, &options).unwrap().installation_id();
    let raw = Connection::open(&raw_path).unwrap();
    apply_pragmas(&raw, options.busy_timeout).unwrap();

    let input = EntryInput {
        occurred_on: "2026-03-12".into(),
        title: "Kursus for mødre — få mødte op".into(),
        outcome: Some("failed".into()),
        notes: "Vi havde forventet omkring tyve deltagere.\nDet, der fyldte mest, var de unges fremtid.".into(),
    };
    let mut core_times = Vec::with_capacity(saves);
    let mut raw_times = Vec::with_capacity(saves);
    for _ in 0..saves {
        let t = Instant::now();
        store.create_entry(&input, None).unwrap();
        core_times.push(t.elapsed());

        let t = Instant::now();
        let now = eftertanke_core::time::to_db(eftertanke_core::time::now());
        raw.prepare_cached(
            "INSERT INTO entries (id, guide_id, guide_version, occurred_on, title, outcome, notes, author_id, \
             created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        )
        .unwrap()
        .execute(params![
            EntryId::new(),
            "quick-capture",
            1,
            input.occurred_on,
            input.title,
            "failed",
            input.notes,
            author,
            now
        ])
        .unwrap();
        raw_times.push(t.elapsed());
    }
    let (c50, c95) = percentiles(&mut core_times);
    let (r50, r95) = percentiles(&mut raw_times);
    println!(
        "durable save, {saves} saves each, WAL + synchronous=FULL, {}",
        dir.path().display()
    );
    println!("{:<28} {:>10} {:>10}", "", "p50", "p95");
    println!(
        "{:<28} {:>10.3?} {:>10.3?}",
        "core Store::create_entry", c50, c95
    );
    println!(
        "{:<28} {:>10.3?} {:>10.3?}",
        "raw rusqlite INSERT", r50, r95
    );
    println!(
        "{:<28} {:>10.2}x {:>9.2}x   (target: within 1.5x)",
        "ratio core/raw",
        c50.as_secs_f64() / r50.as_secs_f64(),
        c95.as_secs_f64() / r95.as_secs_f64()
    );
}

fn percentiles(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.95))
}
