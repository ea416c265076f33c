//! Erasure: a deleted entry's text leaves the database file and the WAL.

use crate::{files_containing, quick};
use eftertanke_core::{OpenOptions, Store};

const CANARY: &str = "SLETMIG-b81e44";

#[test]
fn deleting_an_entry_leaves_its_text_in_no_file() {
    // Unencrypted on purpose: encryption would hide the canary whether or not it was erased.
    let tmp = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    let mut input = quick("2026-11-03", &format!("Titel {CANARY}"), "failed");
    input.answers.insert(
        "what_happened".into(),
        serde_json::json!(format!("Tekst {CANARY} tekst")),
    );
    input.tags = vec![format!("tag-{CANARY}")];
    let keep = store
        .create_entry(&quick("2026-11-04", "Bliver", "partly"), None)
        .unwrap();
    let entry = store.create_entry(&input, None).unwrap();
    store.update_entry(entry.id, &input, None).ok();
    assert!(
        !files_containing(tmp.path(), CANARY).is_empty(),
        "the canary is on disk before the deletion (else this test proves nothing)"
    );
    assert!(store.list_tags().unwrap().contains(&format!("tag-{CANARY}")));
    store.delete_entry(entry.id).unwrap();
    assert!(
        store.list_tags().unwrap().is_empty(),
        "a deleted entry's tags leave the tag list"
    );
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    drop(store);
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    let store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
    assert_eq!(store.get_entry(keep.id).unwrap().title, "Bliver");
}
