//! Benchmark: search at 100,000 entries, beside the same words on raw FTS5.
//!
//! 1. The first 20 results through the core (words, Danish stems, parts of words, ranking, the
//!    hits marked in a snippet) beside a plain FTS5 table of the same entries' texts (the default
//!    tokenizer, its own `snippet()`), one run of each in turn (target: within 3x).
//! 2. The size of the index, and of the database around it.
//! 3. What the index adds to a durable save: a new entry, an edit (its old words only marked
//!    deleted, migration 0020) and the erasure of an edited entry, beside the index rows alone
//!    written again with secure-delete on (as every edit did before) and off, and what merging
//!    each index into one segment costs.
//!
//! Run: `cargo bench -p eftertanke-core --bench search` (the 100k database is built once under
//! target/tmp and reused; RUNS=N to change the repetitions).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::{entries_range, reference_case};
use eftertanke_core::search::SearchRequest;
use eftertanke_core::store::apply_pragmas;
use eftertanke_core::{OpenOptions, Store};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

mod timing;
use timing::{measure, measure_pair};

const ENTRIES: usize = 100_000;

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let big = dir.join("search-100k.sqlite3");
    let raw_path = dir.join("search-100k-raw-fts5.sqlite3");
    ensure_big(&big, &raw_path);
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
    save_cost(&big, runs.min(200));
    import_cost(&big, env_or("IMPORT_CHANGED", 1_000));
}

fn env_or(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|s| s.parse().ok()).unwrap_or(default)
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
    drop((enc, enc_store));
    let _ = std::fs::remove_file(&encrypted);
}

/// An import that changes `n` entries of the 100k journal (each a newer revision with one answer
/// changed), as it is now beside the same with FTS5's secure-delete on, as every edit ran
/// before migration 0020: two copies of the journal, the same file imported into each.
fn import_cost(big: &Path, n: usize) {
    use eftertanke_core::export::{ExportFormat, ExportRequest, FindingsChoice};
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let store = Store::open(big, &OpenOptions::default()).unwrap();
    let mut ids = Vec::new();
    let mut cursor = None;
    while ids.len() < n {
        let page = store.list_entries(cursor.as_deref(), 200).unwrap();
        ids.extend(page.entries.iter().map(|e| e.id));
        cursor = page.next_cursor;
        if cursor.is_none() {
            break;
        }
    }
    ids.truncate(n);
    let file = tmp.path().join("changed.json");
    store
        .export(
            &ExportRequest {
                format: ExportFormat::Json,
                entries: ids.clone(),
                path: file.clone(),
                findings: FindingsChoice::Keep,
                locale: Locale::Da,
                passphrase: None,
            },
            &mut |_| true,
        )
        .unwrap();
    drop(store);
    let mut changed = eftertanke_core::export::reading::read(&file, None).unwrap();
    for e in &mut changed.entries {
        e.revision += 1;
        e.updated_at = "2026-12-01T10:00:00.000Z".into();
        e.answers.insert(
            "what_happened".into(),
            serde_json::json!("Ændret ved import: færre kom, men de blev længe."),
        );
    }
    let mut times = Vec::new();
    for secure in [true, false] {
        let copy = tmp.path().join(format!("import-{secure}.sqlite3"));
        std::fs::copy(big, &copy).unwrap();
        let mut store = Store::open(&copy, &OpenOptions::default()).unwrap();
        if secure {
            let conn = Connection::open(&copy).unwrap();
            conn.execute_batch(
                "INSERT INTO search_words (search_words, rank) VALUES ('secure-delete', 1); \
                 INSERT INTO search_parts (search_parts, rank) VALUES ('secure-delete', 1);",
            )
            .unwrap();
        }
        let t = std::time::Instant::now();
        let report = store.import(&changed, &ids, &mut |_| true).unwrap();
        times.push(t.elapsed());
        assert!(report.updated as usize >= n.min(ids.len()) / 2, "{report:?}");
    }
    println!(
        "importing {} changed entries into the 100k journal: {:.2?} (secure-delete on, as before 0020: {:.2?})",
        ids.len(),
        times[1],
        times[0]
    );
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

/// A durable save into the 100k journal, and what the index's share of it costs.
fn save_cost(big: &Path, saves: usize) {
    let tmp = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let copy = tmp.path().join("copy.sqlite3");
    std::fs::copy(big, &copy).unwrap();
    let mut store = Store::open(&copy, &OpenOptions::default()).unwrap();
    let input = reference_case(Locale::Da)[0].clone();
    let mut ids = Vec::new();
    let with_index = measure(saves, || ids.push(store.create_entry(&input, None).unwrap().id));
    // An edit: the entry's old words leave the index (secure-delete) and its new ones go in.
    let mut edited = input.clone();
    edited.answers.insert(
        "what_happened".into(),
        serde_json::json!("Nogle få kom, og de blev til kaffen."),
    );
    let mut k = 0;
    let edit = measure(saves, || {
        store.update_entry(ids[k % ids.len()], &edited, None).unwrap();
        k += 1;
    });
    let mut gone = ids.split_off(ids.len() / 2);
    drop(store);
    // The index's writes for the same entries, alone: each entry's rows written again in a
    // durable transaction of its own, with secure-delete on (as every edit ran before 0020).
    let conn = Connection::open(&copy).unwrap();
    apply_pragmas(&conn, OpenOptions::default().busy_timeout).unwrap();
    let index_alone = replace_rows(&conn, &ids, saves, true, true);
    // Levers: the same rows replaced with FTS5's secure-delete off for one index or both (an
    // old word then stays in the index's older segments, marked deleted, until they merge).
    let parts_plain = replace_rows(&conn, &ids, saves, true, false);
    let both_plain = replace_rows(&conn, &ids, saves, false, false);
    drop(conn);
    // Erasing an edited entry: its words out with secure-delete, then both indexes merged into
    // one segment each, so no version's words stay (migration 0020). The first after many
    // writes merges every segment; the next ones find one big segment and a few small ones.
    let mut store = Store::open(&copy, &OpenOptions::default()).unwrap();
    let t = std::time::Instant::now();
    store.delete_entry(gone.pop().unwrap()).unwrap();
    let first_erasure = t.elapsed();
    let erase = measure(5.min(gone.len() - 1), || {
        store.delete_entry(gone.pop().unwrap()).unwrap();
    });
    drop(store);
    let conn = Connection::open(&copy).unwrap();
    apply_pragmas(&conn, OpenOptions::default().busy_timeout).unwrap();
    let merged = replace_rows(&conn, &ids, saves, true, true);
    println!("durable save of the reference case's first attempt into the 100k journal, {saves} saves:");
    report("  a new entry, the whole save (with its index rows)", with_index, 0);
    report("  an edit, the whole save (old words out, new in)", edit, 0);
    report("  the index rows alone, secure-delete on (before 0020)", index_alone, 0);
    report("  the same, secure-delete off for the trigrams", parts_plain, 0);
    report("  the same, secure-delete off for both indexes (0020)", both_plain, 0);
    println!(
        "  the first erasure of an edited entry (merges every segment): {:.2?}",
        first_erasure
    );
    report("  the next erasures of edited entries", erase, 0);
    report("  the index rows, secure-delete on, once merged", merged, 0);
}

/// Each of `ids`' index rows written again in a durable transaction of its own, with FTS5's
/// secure-delete as given for the words and the parts index (set back off afterwards, as the
/// journal keeps it since 0020).
fn replace_rows(
    conn: &Connection,
    ids: &[eftertanke_core::EntryId],
    saves: usize,
    words: bool,
    parts: bool,
) -> (f64, f64) {
    let set = |table: &str, on: bool| {
        conn.execute(
            &format!("INSERT INTO {table} ({table}, rank) VALUES ('secure-delete', ?1)"),
            [i64::from(on)],
        )
        .unwrap();
    };
    set("search_words", words);
    set("search_parts", parts);
    let mut i = 0;
    let cost = measure(saves, || {
        let id = ids[i % ids.len()].to_string();
        i += 1;
        let tx = conn.unchecked_transaction().unwrap();
        let row: i64 = tx
            .query_row("SELECT row FROM search_entries WHERE id = ?1", [&id], |r| r.get(0))
            .unwrap();
        tx.execute(
            "INSERT INTO search_words (search_words, rowid, title, body, stems, folded) \
             SELECT 'delete', row, title, body, stems, folded FROM search_docs WHERE row = ?1",
            [row],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO search_parts (search_parts, rowid, words) SELECT 'delete', row, words FROM search_docs_parts WHERE row = ?1",
            [row],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO search_words (rowid, title, body, stems, folded) SELECT row, title, body, stems, folded FROM search_docs WHERE row = ?1",
            [row],
        )
        .unwrap();
        tx.execute(
            "INSERT INTO search_parts (rowid, words) SELECT row, words FROM search_docs_parts WHERE row = ?1",
            [row],
        )
        .unwrap();
        tx.commit().unwrap();
    });
    set("search_words", false);
    set("search_parts", false);
    cost
}

fn report(name: &str, (p50, p95): (f64, f64), hits: usize) {
    println!(
        "{name:<52} {:>10.3?} {:>10.3?} {hits:>8}",
        Duration::from_secs_f64(p50),
        Duration::from_secs_f64(p95)
    );
}

/// Builds the 100k journal and the raw FTS5 table of the same texts, once; reused after.
fn ensure_big(path: &Path, raw_path: &Path) {
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
