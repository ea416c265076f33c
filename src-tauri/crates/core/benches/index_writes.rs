//! Benchmark: what the search index costs the writes, at 100,000 entries (the journal the search
//! benchmark keeps in target/tmp).
//!
//! 1. A durable save: a new entry, an edit (its old words only marked deleted, migration 0020)
//!    and the erasure of an edited entry, beside the index rows alone written again with
//!    secure-delete on (as every edit did before) and off, and what merging each index into one
//!    segment costs.
//! 2. An import that changes IMPORT_CHANGED entries (1,000 unless set), as it is now beside the
//!    same with secure-delete on.
//!
//! Run: `cargo bench -p eftertanke-core --bench index_writes` (RUNS=N to change the repetitions).

#![allow(clippy::print_stdout, clippy::unwrap_used)]

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::reference_case;
use eftertanke_core::store::apply_pragmas;
use eftertanke_core::{OpenOptions, Store};
use rusqlite::Connection;
use std::path::Path;

mod fixture_100k;
#[allow(dead_code)] // the side-by-side timing is for the benchmarks with a baseline
mod timing;
use fixture_100k::{ensure_big, env_or, paths, report};
use timing::measure;

fn main() {
    let runs: usize = std::env::var("RUNS").ok().and_then(|s| s.parse().ok()).unwrap_or(100);
    let (big, raw_path) = paths();
    ensure_big(&big, &raw_path);
    save_cost(&big, runs.min(200));
    import_cost(&big, env_or("IMPORT_CHANGED", 1_000));
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
