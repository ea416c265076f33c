//! The index stays in step with every write of an entry, is erased with it, is built for the
//! entries of an older database, and can be built again from the entries.

use super::{found, said};
use crate::files_containing;
use eftertanke_core::{ErrorKind, OpenOptions, Store};

#[test]
fn every_write_path_keeps_the_index_in_step() {
    let mut store = Store::open_in_memory().unwrap();
    let created = store.create_entry(&said("Kaffe i opgangen", "Tre kom."), None).unwrap();
    assert!(store.is_indexed(created.id).unwrap());
    assert_eq!(found(&store, "kaffe"), [created.id], "a new entry is found at once");

    store
        .update_entry(created.id, &said("Te i opgangen", "Tre kom."), None)
        .unwrap();
    assert_eq!(found(&store, "kaffe "), [], "an edit's old words leave the index");
    assert_eq!(found(&store, "te "), [created.id], "and its new words are found");

    let many = store
        .create_entries(&[said("Lektiecafé", "Mange kom."), said("Lektiecafé igen", "Færre kom.")])
        .unwrap();
    assert_eq!(
        found(&store, "lektiecafé").len(),
        2,
        "entries saved together (demo, import) are found"
    );

    store.delete_entry(many[0]).unwrap();
    assert!(!store.is_indexed(many[0]).unwrap());
    assert_eq!(found(&store, "lektiecafé"), [many[1]], "a deleted entry is not found");
    assert_eq!(found(&store, "mange"), []);
}

/// How many rows the FTS5 index `table` of the database at `db` holds for `term`, read with
/// FTS5's own vocabulary table.
fn in_index(db: &std::path::Path, table: &str, term: &str) -> i64 {
    let raw = rusqlite::Connection::open(db).unwrap();
    raw.execute_batch(&format!(
        "CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, {table}, 'row')"
    ))
    .unwrap();
    raw.query_row("SELECT count(*) FROM temp.v WHERE term = ?1", [term], |r| r.get(0))
        .unwrap()
}

#[test]
fn erasure_covers_the_index() {
    // Unencrypted on purpose, as in erasure.rs: encryption would hide the canary either way.
    const CANARY: &str = "zqxkanariefugl";
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    let keep = store.create_entry(&said("Bliver", "Alt det andet."), None).unwrap();
    let mut input = said(
        &format!("{CANARY} i titlen"),
        &format!("Og {CANARY} i teksten, og kanariefuglene."),
    );
    input.tags = vec![CANARY.into()];
    let entry = store.create_entry(&input, None).unwrap();
    store.checkpoint().unwrap();
    let db = eftertanke_core::data_dir::database_path(tmp.path());
    let terms = |table: &str, term: &str| in_index(&db, table, term);
    assert_eq!(
        terms("search_words", CANARY),
        1,
        "the word is in the index before (else this test proves nothing)"
    );
    assert_eq!(terms("search_parts", "zqx"), 1, "and its parts");
    assert!(!files_containing(tmp.path(), CANARY).is_empty());

    store.delete_entry(entry.id).unwrap();
    if std::env::var_os("KEEP_CANARY").is_some() {
        std::fs::copy(&db, "/tmp/canary.sqlite3").unwrap();
    }
    assert_eq!(terms("search_words", CANARY), 0, "the word left the index");
    assert_eq!(terms("search_words", "kanariefugl"), 0, "and its stem");
    assert_eq!(terms("search_parts", "zqx"), 0, "and its parts");
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    drop(store);
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    let store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    assert_eq!(found(&store, "andet"), [keep.id], "what was kept is still found");
}

/// An edit only marks its old words deleted (cheap); the erasure of an edited entry must still
/// leave no word of any version in the index or in any file.
#[test]
fn erasure_covers_the_words_of_every_version_an_edit_left_behind() {
    const CANARY: &str = "zqxgammelfugl";
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    let keep = store.create_entry(&said("Bliver", "Alt det andet."), None).unwrap();
    let entry = store
        .create_entry(
            &said(&format!("{CANARY} først"), &format!("Og {CANARY} i teksten.")),
            None,
        )
        .unwrap();
    // Edited twice, the canary gone from the text after the first edit.
    store
        .update_entry(entry.id, &said("Nu uden", "Et andet ord."), None)
        .unwrap();
    store
        .update_entry(entry.id, &said("Nu helt uden", "Et tredje ord."), None)
        .unwrap();
    assert!(found(&store, CANARY).is_empty(), "an edit's old words are not found");
    store.checkpoint().unwrap();
    let db = eftertanke_core::data_dir::database_path(tmp.path());
    let rows = |table: &str, term: &str| in_index(&db, table, term);
    assert!(
        !files_containing(tmp.path(), CANARY).is_empty(),
        "the old text is still in the history before the erasure (else this test proves nothing)"
    );

    store.delete_entry(entry.id).unwrap();
    assert_eq!(
        rows("search_words", CANARY),
        0,
        "no version's word is left in the index"
    );
    assert_eq!(rows("search_parts", "zqx"), 0, "nor its parts");
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    drop(store);
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    let store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    assert_eq!(found(&store, "andet"), [keep.id], "what was kept is still found");
}

#[test]
fn the_index_is_built_for_the_entries_of_an_older_database() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("eftertanke.sqlite3");
    std::fs::copy(&fixture, &copy).unwrap();
    let store = Store::open(&copy, &OpenOptions::default()).unwrap();
    for summary in store.list_entries(None, 10).unwrap().entries {
        let word = summary.title.split_whitespace().last().unwrap().to_owned();
        assert!(
            found(&store, &word).contains(&summary.id),
            "{word:?} from {:?} is found after the migration",
            summary.title
        );
    }
}

#[test]
fn the_index_can_be_built_again_from_the_entries_and_a_cancelled_rebuild_changes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    let inputs: Vec<_> = (0..600)
        .map(|i| said(&format!("Møde nummer {i}"), "Beboerforeningen kom."))
        .collect();
    store.create_entries(&inputs).unwrap();
    store.checkpoint().unwrap();
    {
        // The index lost, as a damaged or hand-edited file might lose it.
        let raw = rusqlite::Connection::open(eftertanke_core::data_dir::database_path(tmp.path())).unwrap();
        raw.execute_batch(
            "INSERT INTO search_words (search_words) VALUES ('delete-all'); \
             INSERT INTO search_parts (search_parts) VALUES ('delete-all'); DELETE FROM search_docs; DELETE FROM search_entries;",
        )
        .unwrap();
    }
    assert_eq!(found(&store, "beboerforeningen"), []);

    let mut calls = 0;
    let err = store
        .rebuild_search_index(&mut |p| {
            calls += 1;
            p.done < 250
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled);
    assert!(calls >= 2);
    assert_eq!(
        found(&store, "beboerforeningen"),
        [],
        "a cancelled rebuild leaves the index as it was"
    );

    let mut seen = Vec::new();
    let n = store
        .rebuild_search_index(&mut |p| {
            seen.push(p);
            true
        })
        .unwrap();
    assert_eq!(n, 600);
    assert_eq!(seen.last().map(|p| (p.done, p.total)), Some((600, 600)));
    assert!(
        seen.windows(2).all(|w| w[0].done <= w[1].done),
        "progress only goes forward"
    );
    let r = super::search(&store, "forening");
    assert_eq!(r.total, 600, "every entry is found again");
}
