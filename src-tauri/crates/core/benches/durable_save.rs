//! Benchmark: one durable save through the core, beside raw rusqlite writing the same rows with
//! the same pragmas, in the same run, interleaved so both see the same disk conditions.
//!
//! Two cases: a quick capture (one entry row), and the reference case's first attempt written
//! with the whole co-production guide (one entry row with every typed column, two actions) —
//! each unencrypted and encrypted (SQLCipher with a raw key, the app's real save; the raw side
//! gets the same key). The rows are all a save writes: the entry, its actions, its version in
//! the history and its rows in the search index (the words the store indexed for the same input,
//! so the raw side does not stem), so the ratio is what the core's checks and code cost.
//!
//! Beside both, the floor: a 4 KB append and an fsync on the same disk, timed in the same run
//! (what no durable save can go under), and what each save's commit writes: pages to the WAL.
//!
//! Run: `cargo bench -p eftertanke-core --bench durable_save` (SAVES=N to change the count).
//! Target: the core's p50 and p95 within 1.5x of the raw insert.

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::reference_case;
use eftertanke_core::store::apply_pragmas;
use eftertanke_core::{ActionId, DatabaseKey, Entry, EntryId, EntryInput, OpenOptions, Store};
use rusqlite::{Connection, named_params, params};
use std::time::{Duration, Instant};

fn main() {
    let saves: usize = std::env::var("SAVES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2_000);
    // On the real disk under target/, not a tmpfs where fsync costs nothing.
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    println!(
        "durable save, {saves} saves per line, WAL + synchronous=FULL, in {}",
        dir.path().display()
    );
    println!("{:<58} {:>10} {:>10}", "", "p50", "p95");
    let mut quick = reference_case(Locale::Da)[0].clone();
    quick
        .answers
        .retain(|k, _| ["occurred_on", "initiative", "headline", "expected", "outcome"].contains(&k.as_str()));
    quick.complete = false;
    let full = reference_case(Locale::Da)[0].clone();
    let floor = append_and_fsync(dir.path(), saves);
    println!(
        "{:<58} {:>10.3?} {:>10.3?}",
        "the floor: a 4 KB append + fsync, same disk", floor.0, floor.1
    );
    for (case, input) in [("quick capture", &quick), ("whole guide, 2 actions", &full)] {
        println!(
            "{:<58} {:>10.1}",
            format!("{case}: pages written to the WAL per save"),
            wal_pages_per_save(dir.path(), input)
        );
    }
    for encrypted in [false, true] {
        for (case, input) in [("quick capture", &quick), ("whole guide, 2 actions", &full)] {
            let name = if encrypted {
                format!("{case}, encrypted")
            } else {
                case.to_owned()
            };
            let core = run(dir.path(), &name, input, saves, encrypted, 0);
            println!(
                "{:<58} {:>9.2}x {:>9.2}x",
                format!("{name}: ratio core/floor"),
                core.0.as_secs_f64() / floor.0.as_secs_f64(),
                core.1.as_secs_f64() / floor.1.as_secs_f64()
            );
        }
    }
    // A save must not slow down as the journal grows (an unindexed statement once made it ten
    // times slower at 10,000 entries): the same save into a journal that already holds many.
    let _ = run(
        dir.path(),
        "whole guide, into 20,000 entries, encrypted",
        &full,
        saves,
        true,
        20_000,
    );
}

/// Fills a store with `n` whole-guide entries like `input` (two actions each).
fn prefill(store: &mut Store, input: &EntryInput, n: usize) {
    for start in (0..n).step_by(5_000) {
        let batch = vec![input.clone(); (start + 5_000).min(n) - start];
        store.create_entries(&batch).unwrap();
    }
}

/// A 4 KB append and an fsync, `n` times, to a file on the same disk: p50 and p95.
fn append_and_fsync(dir: &std::path::Path, n: usize) -> (Duration, Duration) {
    use std::io::Write;
    let mut f = std::fs::File::create(dir.join("floor.bin")).unwrap();
    let page = [7u8; 4096];
    let mut times: Vec<Duration> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f.write_all(&page).unwrap();
            f.sync_data().unwrap();
            t.elapsed()
        })
        .collect();
    percentiles(&mut times)
}

/// Pages each save's commit writes to the WAL: the WAL's growth over 50 saves (fewer than its
/// automatic checkpoint lets accumulate), in frames of a page and a 24-byte header.
fn wal_pages_per_save(dir: &std::path::Path, input: &EntryInput) -> f64 {
    let path = dir.join(format!("wal-{}.sqlite3", EntryId::new()));
    let mut store = Store::open(&path, &OpenOptions::default()).unwrap();
    store.create_entry(input, None).unwrap();
    store.checkpoint().unwrap();
    let wal = std::path::PathBuf::from(format!("{}-wal", path.display()));
    let size = || std::fs::metadata(&wal).map_or(0, |m| m.len());
    let before = size();
    for _ in 0..50 {
        store.create_entry(input, None).unwrap();
    }
    (size() - before) as f64 / (4096.0 + 24.0) / 50.0
}

fn run(
    dir: &std::path::Path,
    name: &str,
    input: &EntryInput,
    saves: usize,
    encrypted: bool,
    already: usize,
) -> (Duration, Duration) {
    let key = encrypted.then(|| DatabaseKey::generate().unwrap());
    let options = key.clone().map(OpenOptions::with_key).unwrap_or_default();
    let file = name.replace([' ', ','], "_");
    let mut store = Store::open(&dir.join(format!("core-{file}.sqlite3")), &options).unwrap();
    prefill(&mut store, input, already);
    // The raw side gets a database with the same schema, made by the store, then reopened bare,
    // and writes exactly the rows the store wrote for the same input.
    let raw_path = dir.join(format!("raw-{file}.sqlite3"));
    let mut raw_store = Store::open(&raw_path, &options).unwrap();
    prefill(&mut raw_store, input, already);
    let template: Entry = raw_store.create_entry(input, None).unwrap();
    drop(raw_store);
    let mut raw = Connection::open(&raw_path).unwrap();
    if let Some(key) = &key {
        raw.pragma_update(None, "key", &*key.sqlcipher_value()).unwrap();
    }
    apply_pragmas(&raw, options.busy_timeout).unwrap();
    let answers = serde_json::to_string(&template.answers).unwrap();
    // What the store indexed for the template: the raw side writes the same search rows.
    let (doc, initiative_id): ([String; 4], Option<String>) = raw
        .query_row(
            "SELECT d.title, d.body, d.stems, d.folded, e.initiative_id FROM search_docs d \
             JOIN search_entries e ON e.row = d.row WHERE e.id = ?1",
            [template.id],
            |r| Ok(([r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?], r.get(4)?)),
        )
        .unwrap();

    let mut core_times = Vec::with_capacity(saves);
    let mut raw_times = Vec::with_capacity(saves);
    for _ in 0..saves {
        let t = Instant::now();
        store.create_entry(input, None).unwrap();
        core_times.push(t.elapsed());

        let t = Instant::now();
        let now = eftertanke_core::time::to_db(eftertanke_core::time::now());
        let id = EntryId::new();
        let tx = raw.transaction().unwrap();
        tx.prepare_cached(
            "INSERT INTO entries (id, guide_id, guide_version, occurred_on, title, outcome, initiative, answers, \
             completed_at, phase_entered, citizen_role, participation_level, initiator, solution_predecided, \
             interest_alignment, trust_before, trust_after, organisation, expectation, what_happened, analysis, \
             learning, feelings, author_id, created_at, updated_at) VALUES (:id, :g, 1, :day, :title, :outcome, \
             :initiative, :answers, :completed, :phase, :role, :level, :initiator, :pre, :align, :tb, :ta, :org, \
             :exp, :what, :analysis, :learning, :feelings, :author, :now, :now)",
        )
        .unwrap()
        .execute(named_params! {
            ":id": id, ":g": template.guide_id, ":day": template.occurred_on.to_string(), ":title": template.title,
            ":outcome": template.outcome.code(), ":initiative": template.initiative, ":answers": answers,
            ":completed": template.completed_at.map(|_| now.clone()), ":phase": template.participation.phase,
            ":role": template.participation.role, ":level": template.participation.level,
            ":initiator": template.participation.initiator, ":pre": template.participation.predecided,
            ":align": template.interest_alignment, ":tb": template.trust_before, ":ta": template.trust_after,
            ":org": template.organisation, ":exp": template.expectation, ":what": template.what_happened,
            ":analysis": template.analysis, ":learning": template.learning, ":feelings": template.feelings,
            ":author": template.author_id, ":now": now,
        })
        .unwrap();
        for (position, a) in template.actions.iter().enumerate() {
            tx.prepare_cached(
                "INSERT INTO actions (id, entry_id, position, text, owner, review_on, author_id, created_at, \
                 updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
            )
            .unwrap()
            .execute(params![
                ActionId::new(),
                id,
                position as i64,
                a.text,
                a.owner,
                a.review_on.map(|d| d.to_string()),
                template.author_id,
                now
            ])
            .unwrap();
        }
        // The version in the history, and the rows of the search index.
        tx.prepare_cached(
            "INSERT INTO entry_versions (entry_id, revision, saved_at, guide_id, guide_version, complete, answers, tags) \
             VALUES (?1, 1, ?2, ?3, ?4, ?5, ?6, '[]')",
        )
        .unwrap()
        .execute(params![id, now, template.guide_id, template.guide_version, template.completed_at.is_some(), answers])
        .unwrap();
        tx.prepare_cached(
            "INSERT INTO search_entries (id, occurred_on, outcome, phase_entered, citizen_role, initiative_id) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )
        .unwrap()
        .execute(params![
            id,
            template.occurred_on.to_string(),
            template.outcome.code(),
            template.participation.phase,
            template.participation.role,
            initiative_id
        ])
        .unwrap();
        let row = tx.last_insert_rowid();
        tx.prepare_cached("INSERT INTO search_docs (row, title, body, stems, folded) VALUES (?1, ?2, ?3, ?4, ?5)")
            .unwrap()
            .execute(params![row, doc[0], doc[1], doc[2], doc[3]])
            .unwrap();
        tx.prepare_cached("INSERT INTO search_words (rowid, title, body, stems, folded) VALUES (?1, ?2, ?3, ?4, ?5)")
            .unwrap()
            .execute(params![row, doc[0], doc[1], doc[2], doc[3]])
            .unwrap();
        tx.prepare_cached("INSERT INTO search_parts (rowid, words) VALUES (?1, ?2)")
            .unwrap()
            .execute(params![row, format!("{} {}", doc[0], doc[1])])
            .unwrap();
        tx.commit().unwrap();
        raw_times.push(t.elapsed());
    }
    let (c50, c95) = percentiles(&mut core_times);
    let (r50, r95) = percentiles(&mut raw_times);
    println!(
        "{:<58} {:>10.3?} {:>10.3?}",
        format!("{name}: core Store::create_entry"),
        c50,
        c95
    );
    println!(
        "{:<58} {:>10.3?} {:>10.3?}",
        format!("{name}: raw rusqlite, same rows"),
        r50,
        r95
    );
    println!(
        "{:<58} {:>9.2}x {:>9.2}x   (target: within 1.5x)",
        format!("{name}: ratio core/raw"),
        c50.as_secs_f64() / r50.as_secs_f64(),
        c95.as_secs_f64() / r95.as_secs_f64()
    );
    (c50, c95)
}

fn percentiles(times: &mut [Duration]) -> (Duration, Duration) {
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q).round() as usize];
    (at(0.50), at(0.95))
}
