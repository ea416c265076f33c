//! A database written by the previous release must open, migrate and read in this one.
//! `tests/fixtures/schema-v1.sqlite3` was written by release 0.1 (schema 1) with
//! `eftertanke --db … demo --entries 3 --language da --seed 1`; it is never regenerated.

use eftertanke_core::{OpenOptions, Store};

#[test]
fn a_database_from_the_previous_release_opens_and_reads() {
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("eftertanke.sqlite3");
    std::fs::copy(&fixture, &copy).expect("the fixture must be committed");
    let store = Store::open(&copy, &OpenOptions::default()).unwrap();
    let page = store.list_entries(None, 10).unwrap();
    assert_eq!(
        page.entries.len(),
        3,
        "every entry of the old database must still be there"
    );
    assert!(page.entries.iter().all(|e| !e.title.is_empty()));
}
