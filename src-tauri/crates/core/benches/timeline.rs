//! Benchmark: the timeline at 100,000 entries in 2,000 initiatives.
//!
//! 1. The first timeline page and a filtered page through the core, beside the same SQL on raw
//!    rusqlite against the same database, with the same pragmas (`apply_pragmas`), measured in
//!    turn run by run so neither side has the machine or the shared page pool to itself
//!    (target: within 2x).
//! 2. Start to first timeline page (open the store, read page one) with 0 and with 100,000
//!    entries (target: within 10% of each other).
//!
//! Run: `cargo bench -p eftertanke-core --bench timeline` (the 100k database is built once under
//! target/tmp and reused; RUNS=N to change the repetitions).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::{entries_range, follow_up_links};
use eftertanke_core::store::apply_pragmas;
use eftertanke_core::store::timeline::{lanes_sql, nodes_sql};
use eftertanke_core::{OpenOptions, Store, TimelineFilter};
use rusqlite::{Connection, named_params};
use std::path::Path;
use std::time::Duration;

mod timing;
use timing::{measure, measure_pair};

const ENTRIES: usize = 100_000;
const INITIATIVES: usize = 2_000;
const LANES: u32 = 20;

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let big = dir.join("timeline-100k.sqlite3");
    ensure_big(&big);
    let empty_dir = tempfile::tempdir_in(dir).unwrap();
    let empty = empty_dir.path().join("empty.sqlite3");
    drop(Store::open(&empty, &OpenOptions::default()).unwrap());

    let store = Store::open(&big, &OpenOptions::default()).unwrap();
    let raw = Connection::open(&big).unwrap();
    apply_pragmas(&raw, OpenOptions::default().busy_timeout).unwrap();
    println!(
        "timeline at {} entries in {INITIATIVES} initiatives, {LANES} lanes a page, {runs} runs",
        store.count_entries().unwrap()
    );
    println!("{:<46} {:>10} {:>10}", "", "p50", "p95");
    let filtered = TimelineFilter {
        role: Some("co_initiator".into()),
        outcome: Some("succeeded".into()),
        ..Default::default()
    };
    for (name, filter) in [
        ("first page", TimelineFilter::default()),
        ("filtered (co-initiator, succeeded)", filtered),
    ] {
        let (core, rawt) = measure_pair(
            runs,
            || {
                let page = store.timeline_page(&filter, None, LANES).unwrap();
                assert_eq!(page.lanes.len(), LANES as usize);
            },
            || raw_page(&raw, &filter),
        );
        report(&format!("{name}: core"), core);
        report(&format!("{name}: raw SQL"), rawt);
        println!(
            "{:<46} {:>9.2}x {:>9.2}x   (target: within 2x)",
            format!("{name}: ratio"),
            core.0 / rawt.0,
            core.1 / rawt.1
        );
    }
    let start = |path: &Path| {
        measure(runs.min(100), || {
            let store = Store::open(path, &OpenOptions::default()).unwrap();
            store.timeline_page(&TimelineFilter::default(), None, LANES).unwrap();
        })
    };
    // The same first page (20 lanes of their newest 12 attempts) from a database 100 times smaller: what
    // start-up costs when only the number of entries grows.
    let small = empty_dir.path().join("small.sqlite3");
    build(&small, 1_000, LANES as usize);
    let (at0, at1k, at100k) = (start(&empty), start(&small), start(&big));
    report("open + first page, 0 entries", at0);
    report("open + first page, 1,000 entries (same page)", at1k);
    report("open + first page, 100,000 entries", at100k);
    let pct = |a: (f64, f64), b: (f64, f64)| ((a.0 / b.0 - 1.0) * 100.0, (a.1 / b.1 - 1.0) * 100.0);
    let (d50, d95) = pct(at100k, at1k);
    println!(
        "{:<46} {d50:>+9.1}% {d95:>+9.1}%   (target: within 10%)",
        "100,000 vs 1,000, same first page"
    );
    let (d50, d95) = pct(at100k, at0);
    println!(
        "{:<46} {d50:>+9.1}% {d95:>+9.1}%   (page one shows 240 attempts vs none)",
        "100,000 vs 0"
    );
}

/// The same two statements the core runs, on a bare connection, reading the same columns.
fn raw_page(conn: &Connection, f: &TimelineFilter) {
    let mut lanes = conn.prepare_cached(&lanes_sql()).unwrap();
    let ids: Vec<String> = lanes
        .query_map(
            named_params! {":after_on": "9999-12-31", ":after_id": "~", ":initiative": f.initiative, ":outcome": f.outcome,
            ":phase": f.phase, ":role": f.role, ":from": f.from, ":to": f.to, ":tag": f.tag, ":limit": LANES + 1},
            |r| {
                let _row: (String, String, String, String, String, Option<String>, i64) =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?);
                Ok(_row.0)
            },
        )
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let ids = serde_json::to_string(&ids[..ids.len().min(LANES as usize)]).unwrap();
    let mut nodes = conn.prepare_cached(&nodes_sql()).unwrap();
    let n = nodes
        .query_map(
            named_params! {":lanes": ids, ":outcome": f.outcome, ":phase": f.phase, ":role": f.role, ":from": f.from, ":to": f.to,
            ":tag": f.tag, ":per_lane": eftertanke_core::store::timeline::NODES_PER_LANE},
            |r| {
                let row: NodeRow =
                    (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?, r.get(9)?);
                Ok(row)
            },
        )
        .unwrap()
        .count();
    assert!(n > 0);
    let _: u32 = conn
        .query_row(
            "SELECT count(*) FROM entries WHERE initiative_id IS NULL AND deleted_at IS NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
}

/// The columns of one timeline node, as the raw side reads them.
type NodeRow = (
    String,
    String,
    String,
    String,
    String,
    Option<u8>,
    bool,
    u32,
    Option<String>,
    u32,
);

fn report(name: &str, (p50, p95): (f64, f64)) {
    println!(
        "{name:<46} {:>10.3?} {:>10.3?}",
        Duration::from_secs_f64(p50),
        Duration::from_secs_f64(p95)
    );
}

/// Builds the 100k database once (about 15 s); reused while its count is right.
fn ensure_big(path: &Path) {
    if let Ok(store) = Store::open(path, &OpenOptions::default())
        && store.count_entries().unwrap_or(0) == ENTRIES as u64
    {
        return;
    }
    let _ = std::fs::remove_file(path);
    build(path, ENTRIES, INITIATIVES);
}

fn build(path: &Path, entries: usize, initiatives: usize) {
    let mut store = Store::open(path, &OpenOptions::default()).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 1).unwrap();
    let mut ids = Vec::with_capacity(entries);
    for start in (0..entries).step_by(5_000) {
        let range = start..(start + 5_000).min(entries);
        let batch = entries_range(entries, range, initiatives, &Locale::ALL, 2026, today);
        ids.extend(store.create_entries(&batch).unwrap());
    }
    store.link_many(&follow_up_links(&ids, initiatives)).unwrap();
}
