//! Benchmark: search at 100,000 entries, beside the same words on raw FTS5.
//!
//! 1. The first 20 results through the core (words, Danish stems, parts of words, ranking, the
//!    hits marked in a snippet) beside a plain FTS5 table of the same entries' texts (the default
//!    tokenizer, its own `snippet()`), one run of each in turn (target: within 3x).
//! 2. The size of the index, and of the database around it.
//! 3. The window's own connection (a `Searcher`), plain beside encrypted.
//!
//! What the index costs the writes (a save, an edit, an erasure, an import) is the `index_writes`
//! benchmark, on the same 100k journal.
//!
//! Run: `cargo bench -p eftertanke-core --bench search` (the 100k database is built once under
//! target/tmp and reused; RUNS=N to change the repetitions; ONLY_WINDOW=1 for part 3 alone;
//! JOURNAL=<data dir> with EFTERTANKE_PASSPHRASE for the window's typing on a journal as the app
//! opens it, e.g. the window benchmark's target/tmp/startup-100k-encrypted).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::search::SearchRequest;
use eftertanke_core::store::apply_pragmas;
use eftertanke_core::{OpenOptions, Store};
use rusqlite::Connection;
use std::path::Path;

mod fixture_100k;
mod timing;
use fixture_100k::{ensure_big, report};

use timing::{measure, measure_pair};

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let (big, raw_path) = fixture_100k::paths();
    ensure_big(&big, &raw_path);
    if let Some(dir) = std::env::var_os("JOURNAL") {
        journal_typing(Path::new(&dir), runs);
        return;
    }
    if std::env::var_os("ONLY_WINDOW").is_some() {
        // The window's connection alone: a lever on it measured in a minute.
        window_connection(&big, runs);
        return;
    }
    let store = Store::open(&big, &OpenOptions::default()).unwrap();
    let raw = Connection::open(&raw_path).unwrap();
    apply_pragmas(&raw, OpenOptions::default().busy_timeout).unwrap();
    println!(
        "search at {} entries, first 20 results, {runs} runs",
        store.count_entries().unwrap()
    );
    println!("{:<52} {:>10} {:>10} {:>8}", "", "p50", "p95", "hits");
    for (name, typed, raw_query) in [
        ("a common word: 'beboerne'", "beboerne ", "beboerne"),
        ("an accented word: 'lektiecafé'", "lektiecafé ", "lektiecafé"),
        ("two words: 'mødre aften'", "mødre aften ", "mødre AND aften"),
        ("as typed, a prefix: 'forvent'", "forvent", "forvent*"),
    ] {
        let request = SearchRequest {
            text: typed.into(),
            ..SearchRequest::default()
        };
        let mut hits = (0, 0);
        let (core, rawt) = measure_pair(
            runs,
            || hits.0 = store.search(&request).unwrap().total,
            || hits.1 = raw_search(&raw, raw_query),
        );
        report(&format!("{name}: core"), core, hits.0 as usize);
        report(&format!("{name}: raw FTS5"), rawt, hits.1);
        println!(
            "{:<52} {:>9.2}x {:>9.2}x   (target: within 3x)",
            format!("{name}: ratio"),
            core.0 / rawt.0,
            core.1 / rawt.1
        );
    }
    // Where the time goes: the same common word with one result shown (the finding and ranking)
    // beside twenty (the snippets of twenty entries on top).
    let one = SearchRequest {
        text: "beboerne ".into(),
        limit: Some(1),
        ..SearchRequest::default()
    };
    report(
        "'beboerne', 1 result: finding and ranking alone",
        measure(runs, || {
            store.search(&one).unwrap();
        }),
        0,
    );
    sizes(&big);
    drop(store);
    window_connection(&big, runs);
}

/// What the window's searches run on: a `Searcher` (a connection of its own), on the 100k
/// journal as the benchmark keeps it and on an encrypted copy (SQLCipher decrypts every page it
/// reads past its cache), side by side, for a word, two words and a word still being typed.
fn window_connection(big: &Path, runs: usize) {
    // Made again each run (a key is not kept between runs): SQLCipher's own export, ~20 s.
    let encrypted = big.with_file_name("search-100k-encrypted.sqlite3");
    let _ = std::fs::remove_file(&encrypted);
    let key = eftertanke_core::DatabaseKey::generate().unwrap();
    let plain = Connection::open(big).unwrap();
    plain
        .execute(
            &format!("ATTACH DATABASE ?1 AS enc KEY \"{}\"", &*key.sqlcipher_value()),
            [encrypted.to_string_lossy()],
        )
        .unwrap();
    plain
        .query_row("SELECT sqlcipher_export('enc')", [], |_| Ok(()))
        .unwrap();
    for pragma in ["user_version", "application_id"] {
        let value: i64 = plain
            .query_row(&format!("PRAGMA main.{pragma}"), [], |r| r.get(0))
            .unwrap();
        plain.pragma_update(Some("enc"), pragma, value).unwrap();
    }
    plain.execute_batch("DETACH DATABASE enc").unwrap();
    drop(plain);
    let plain = Store::open(big, &OpenOptions::default()).unwrap().searcher().unwrap();
    let enc_store = Store::open(&encrypted, &OpenOptions::with_key(key)).unwrap();
    let enc = enc_store.searcher().unwrap();
    println!("the window's connection (Searcher), plain beside encrypted, {runs} runs:");
    for typed in ["beboerne ", "mødre aften ", "forvent"] {
        let request = SearchRequest {
            text: typed.into(),
            ..SearchRequest::default()
        };
        let (p, e) = measure_pair(
            runs,
            || {
                plain.search(&request).unwrap();
            },
            || {
                enc.search(&request).unwrap();
            },
        );
        report(&format!("  '{}': plain", typed.trim()), p, 0);
        report(&format!("  '{}': encrypted", typed.trim()), e, 0);
    }
    // As a person types: a search at every key, the last one timed. Each key's search reads
    // other parts of the index, which is what a page cache must keep decrypted.
    let keys: Vec<String> = (1..="forvent".len()).map(|n| "forvent"[..n].to_owned()).collect();
    let typed = |s: &eftertanke_core::Searcher| {
        for text in &keys[..keys.len() - 1] {
            s.search(&SearchRequest {
                text: text.clone(),
                ..SearchRequest::default()
            })
            .unwrap();
        }
        let t = std::time::Instant::now();
        s.search(&SearchRequest {
            text: "forvent".into(),
            ..SearchRequest::default()
        })
        .unwrap();
        t.elapsed()
    };
    let (mut p, mut e) = (Vec::new(), Vec::new());
    for i in 0..=runs {
        let (a, b) = if i % 2 == 0 {
            (typed(&plain), typed(&enc))
        } else {
            let b = typed(&enc);
            (typed(&plain), b)
        };
        if i > 0 {
            p.push(a);
            e.push(b);
        }
    }
    report(
        "  'forvent' typed key by key, the last key: plain",
        timing::quantiles(p),
        0,
    );
    report(
        "  'forvent' typed key by key, the last key: encrypted",
        timing::quantiles(e),
        0,
    );
    drop((enc, enc_store));
    let _ = std::fs::remove_file(&encrypted);
}

/// Each query of the window benchmark typed key by key on a journal opened as the app opens
/// it (unlocked with its passphrase, searched on its `Searcher`), the last key timed: the core's
/// part of the window's round trip.
fn journal_typing(dir: &Path, runs: usize) {
    let passphrase = std::env::var("EFTERTANKE_PASSPHRASE").expect("EFTERTANKE_PASSPHRASE");
    let mut journal = eftertanke_core::Journal::open_with(
        eftertanke_core::Place::dir(dir),
        &passphrase.as_str().into(),
        eftertanke_core::vault::KdfParams::default(),
    )
    .unwrap();
    let searcher = journal.store().unwrap().searcher().unwrap();
    println!("typed key by key on {}, the last key, {runs} runs:", dir.display());
    for query in ["beboerne", "lektiecafé", "mødre aften", "forvent", "samarbejdsaftale"] {
        let times = (0..=runs)
            .map(|_| {
                let mut last = std::time::Duration::ZERO;
                for (end, _) in query.char_indices().skip(1).chain([(query.len(), ' ')]) {
                    let t = std::time::Instant::now();
                    searcher
                        .search(&SearchRequest {
                            text: query[..end].to_owned(),
                            ..SearchRequest::default()
                        })
                        .unwrap();
                    last = t.elapsed();
                }
                last
            })
            .skip(1)
            .collect();
        report(&format!("  '{query}'"), timing::quantiles(times), 0);
    }
}

/// The first 20 by FTS5's own rank, with its snippet, and the count of all matches: what a raw
/// FTS5 search shows.
fn raw_search(conn: &Connection, query: &str) -> usize {
    let mut st = conn
        .prepare_cached(
            "SELECT rowid, title, snippet(raw, 1, '[', ']', '…', 12) FROM raw \
             WHERE raw MATCH ?1 ORDER BY rank LIMIT 20",
        )
        .unwrap();
    let rows: Vec<(i64, String, String)> = st
        .query_map([query], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert!(rows.len() <= 20);
    // The core counts every match too.
    let total: i64 = conn
        .prepare_cached("SELECT count(*) FROM raw WHERE raw MATCH ?1")
        .unwrap()
        .query_row([query], |r| r.get(0))
        .unwrap();
    total as usize
}

fn sizes(path: &Path) {
    let conn = Connection::open(path).unwrap();
    let size = |like: &str| -> f64 {
        let bytes: i64 = conn
            .query_row(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name LIKE ?1",
                [like],
                |r| r.get(0),
            )
            .unwrap();
        bytes as f64 / 1e6
    };
    let (all, keys, docs, words, parts) = (
        size("%"),
        size("search_entries%"),
        size("search_docs%"),
        size("search_words%"),
        size("search_parts%"),
    );
    println!(
        "size: database {all:.1} MB; of it the search index {:.1} MB:",
        keys + docs + words + parts
    );
    println!("  search_entries (ranking, filters)  {keys:>6.1} MB");
    println!("  search_docs (the words indexed)    {docs:>6.1} MB");
    println!("  search_words (words, stems, folds) {words:>6.1} MB");
    println!("  search_parts (trigrams)            {parts:>6.1} MB");
    let versions = size("entry_versions%");
    println!("  (and the entries' history, entry_versions: {versions:.1} MB)");
}
