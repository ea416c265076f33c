//! A database written by the previous release must open, migrate and read in this one.
//! `tests/fixtures/schema-v1.sqlite3` was written by release 0.1 (schema 1) with
//! `eftertanke --db … demo --entries 3 --language da --seed 1`; it is never regenerated.

use eftertanke_core::{OpenOptions, Store};

#[test]
fn a_database_from_the_previous_release_opens_and_reads() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
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
    for summary in &page.entries {
        let entry = store.get_entry(summary.id).unwrap();
        assert_eq!((entry.guide_id.as_str(), entry.guide_version), ("quick-capture", 1));
        assert_eq!(
            entry.answers["title"],
            entry.title.as_str(),
            "the first release's fields move into the answers"
        );
        assert!(
            !entry.what_happened.is_empty(),
            "the old free text becomes 'what happened'"
        );
        let guide = store
            .guides()
            .get(&entry.guide_id, entry.guide_version)
            .expect("the old guide is still shipped");
        assert!(
            entry.answers.keys().all(|id| guide.question(id).is_some()),
            "every old answer renders"
        );
        assert!(
            entry.completed_at.is_some(),
            "first-release entries were complete as written"
        );
    }
}
