//! An entry's history: every saved version kept, what changed, one version read whole, an older
//! one restored as a new revision (the saving rules and the search index included), and the
//! history erased with the entry.

use crate::search::{found, said};
use crate::{files_containing, quick};
use eftertanke_core::{ErrorKind, Locale, OpenOptions, Problem, Store};
use serde_json::json;

#[test]
fn every_save_keeps_a_version_and_says_what_changed() {
    let mut store = Store::open_in_memory().unwrap();
    let first = store.create_entry(&said("Kaffe i opgangen", "Tre kom."), None).unwrap();
    store
        .update_entry(first.id, &said("Kaffe i opgangen", "Fem kom."), None)
        .unwrap();
    let mut tagged = said("Te i opgangen", "Fem kom.");
    tagged.tags = vec!["efterår".into()];
    store.update_entry(first.id, &tagged, None).unwrap();

    let history = store.entry_history(first.id).unwrap();
    let seen: Vec<(u32, bool, Vec<String>)> = history
        .iter()
        .map(|v| (v.revision, v.current, v.changed.clone()))
        .collect();
    assert_eq!(
        seen,
        [
            (3, true, vec!["headline".to_owned(), "tags".to_owned()]),
            (2, false, vec!["what_happened".to_owned()]),
            (1, false, vec![]),
        ],
        "newest first, each naming what it changed in the guide's order"
    );
    assert!(history[0].saved_at >= history[2].saved_at);

    let old = store.entry_version(first.id, 1, Locale::Da).unwrap();
    let words: Vec<String> = old
        .document
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| serde_json::to_string(&i.answer).unwrap()))
        .collect();
    assert!(
        words.iter().any(|w| w.contains("Tre kom.")),
        "the old version reads as it was: {words:?}"
    );
    assert_eq!(old.differs_from_current, ["headline", "what_happened", "tags"]);
    assert!(old.tags.is_empty());
}

#[test]
fn an_older_version_is_restored_as_a_new_revision_and_found_again() {
    let mut store = Store::open_in_memory().unwrap();
    let e = store.create_entry(&said("Kaffe i opgangen", "Tre kom."), None).unwrap();
    store
        .update_entry(e.id, &said("Te i opgangen", "Ingen kom."), None)
        .unwrap();
    assert_eq!(found(&store, "kaffe "), []);

    let restored = store.restore_version(e.id, 1).unwrap();
    assert_eq!((restored.revision, restored.title.as_str()), (3, "Kaffe i opgangen"));
    assert_eq!(restored.what_happened, "Tre kom.");
    let history = store.entry_history(e.id).unwrap();
    assert_eq!(
        history.iter().map(|v| v.revision).collect::<Vec<_>>(),
        [3, 2, 1],
        "the version in between stays"
    );
    assert_eq!(
        found(&store, "kaffe "),
        [e.id],
        "the restore is a save like any other: the index follows"
    );
    assert_eq!(found(&store, "ingen "), []);
}

#[test]
fn a_restore_obeys_the_saving_rules_and_a_missing_version_is_named() {
    let mut store = Store::open_in_memory().unwrap();
    let mut with_cpr = said("Opgangen", "Borgeren 070761-4285 kom.");
    with_cpr.override_personal_data = true;
    let e = store.create_entry(&with_cpr, None).unwrap();
    store
        .update_entry(e.id, &said("Opgangen", "Borgeren kom."), None)
        .unwrap();

    let err = store.restore_version(e.id, 1).unwrap_err();
    assert_eq!(
        (err.kind(), err.problem()),
        (ErrorKind::InvalidInput, Some(Problem::PersonalData))
    );
    assert_eq!(
        store.get_entry(e.id).unwrap().revision,
        2,
        "a refused restore changes nothing"
    );

    assert_eq!(
        store.entry_version(e.id, 9, Locale::En).unwrap_err().kind(),
        ErrorKind::NotFound
    );
    assert_eq!(store.restore_version(e.id, 9).unwrap_err().kind(), ErrorKind::NotFound);
    store.delete_entry(e.id).unwrap();
    assert_eq!(store.entry_history(e.id).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn deleting_an_entry_erases_every_version_of_it() {
    // Unencrypted on purpose, as in erasure.rs. The canary is only in the first version: the
    // entry as it is now no longer holds it, its history does.
    const CANARY: &str = "SLETOGSAAHISTORIK-7d1c";
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    let keep = store
        .create_entry(&quick("2026-11-04", "Bliver", "partly"), None)
        .unwrap();
    let mut first = quick("2026-11-03", "Forsøget", "failed");
    first
        .answers
        .insert("what_happened".into(), json!(format!("Tekst {CANARY}")));
    let e = store.create_entry(&first, None).unwrap();
    store
        .update_entry(e.id, &quick("2026-11-03", "Forsøget", "failed"), None)
        .unwrap();
    store.checkpoint().unwrap();
    assert!(
        !files_containing(tmp.path(), CANARY).is_empty(),
        "the history holds it (else this proves nothing)"
    );
    store.delete_entry(e.id).unwrap();
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    assert_eq!(
        store.entry_history(keep.id).unwrap().len(),
        1,
        "another entry's history stays"
    );
}

#[test]
fn the_entries_of_an_older_database_start_their_history_with_what_they_hold() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
    let tmp = tempfile::tempdir().unwrap();
    let copy = tmp.path().join("eftertanke.sqlite3");
    std::fs::copy(&fixture, &copy).unwrap();
    let store = Store::open(&copy, &OpenOptions::default()).unwrap();
    for s in store.list_entries(None, 10).unwrap().entries {
        let history = store.entry_history(s.id).unwrap();
        assert_eq!(history.len(), 1);
        assert!(history[0].current);
        store.entry_version(s.id, history[0].revision, Locale::Da).unwrap();
    }
}
