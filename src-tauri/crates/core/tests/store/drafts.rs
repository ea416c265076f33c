//! Autosaved drafts: kept whatever they hold, consumed by the save that finishes them.

use eftertanke_core::{DraftInput, Store};
use serde_json::json;

#[test]
fn a_draft_keeps_invalid_typing_and_its_step_and_is_overwritten_in_place() {
    let mut store = Store::open_in_memory().unwrap();
    let half = super::with(&[("headline", json!("Kursus")), ("occurred_on", json!("2026-02-3"))]);
    let draft = store
        .save_draft(&DraftInput {
            id: None,
            entry_id: None,
            input: half,
            step: 2,
        })
        .unwrap();
    let mut more = draft.input.clone();
    more.answers.insert("headline".into(), json!("Kursus for mødre"));
    let again = store
        .save_draft(&DraftInput {
            id: Some(draft.id),
            entry_id: None,
            input: more,
            step: 3,
        })
        .unwrap();
    assert_eq!(again.id, draft.id);
    assert_eq!(again.input.answers["headline"], "Kursus for mødre");
    assert_eq!(
        again.input.answers["occurred_on"], "2026-02-3",
        "a draft keeps what was typed, valid or not"
    );
    assert_eq!(again.step, 3, "the wizard resumes on the step the person left");
    assert_eq!(store.list_drafts().unwrap().len(), 1);
}

#[test]
fn saving_an_entry_from_a_draft_consumes_the_draft_in_the_same_transaction() {
    let mut store = Store::open_in_memory().unwrap();
    let draft = store
        .save_draft(&DraftInput {
            input: super::first_attempt(),
            ..Default::default()
        })
        .unwrap();
    store.create_entry(&draft.input, Some(draft.id)).unwrap();
    assert!(store.list_drafts().unwrap().is_empty());
}

#[test]
fn a_failed_save_keeps_the_draft() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = super::first_attempt();
    input.answers.remove("headline");
    let draft = store
        .save_draft(&DraftInput {
            input: input.clone(),
            ..Default::default()
        })
        .unwrap();
    assert!(store.create_entry(&input, Some(draft.id)).is_err());
    assert_eq!(
        store.list_drafts().unwrap().len(),
        1,
        "nothing typed may be lost when a save is refused"
    );
}

#[test]
fn an_entry_being_edited_has_at_most_one_draft() {
    let mut store = Store::open_in_memory().unwrap();
    let entry = store.create_entry(&super::first_attempt(), None).unwrap();
    let edit = DraftInput {
        id: None,
        entry_id: Some(entry.id),
        input: entry.to_input(),
        step: 1,
    };
    let a = store.save_draft(&edit).unwrap();
    let b = store.save_draft(&edit).unwrap();
    assert_eq!(a.id, b.id, "a second editor window must continue the same draft");
    assert_eq!(store.draft_for_entry(entry.id).unwrap().map(|d| d.id), Some(a.id));
    store.update_entry(entry.id, &entry.to_input(), Some(a.id)).unwrap();
    assert!(store.draft_for_entry(entry.id).unwrap().is_none());
}

#[test]
fn discarding_a_draft_twice_is_harmless() {
    let mut store = Store::open_in_memory().unwrap();
    let draft = store.save_draft(&DraftInput::default()).unwrap();
    store.discard_draft(draft.id).unwrap();
    store.discard_draft(draft.id).unwrap();
    assert!(store.list_drafts().unwrap().is_empty());
}

#[test]
fn a_full_disk_refuses_the_save_names_itself_and_keeps_the_draft() {
    use eftertanke_core::ErrorKind;
    let tmp = tempfile::tempdir().unwrap();
    let mut store = eftertanke_core::Store::open_in_dir(tmp.path(), &eftertanke_core::OpenOptions::default()).unwrap();
    let mut input = crate::quick("2026-11-05", "Skrevet før disken blev fuld", "partly");
    let draft = store
        .save_draft(&DraftInput {
            id: None,
            entry_id: None,
            input: input.clone(),
            step: 0,
        })
        .unwrap();
    let pages: u32 = rusqlite::Connection::open(store.path())
        .unwrap()
        .query_row("PRAGMA page_count", [], |r| r.get(0))
        .unwrap();
    store.simulate_full_disk(Some(pages)).unwrap();
    input
        .answers
        .insert("what_happened".into(), serde_json::json!("x".repeat(19_000)));
    let err = store.create_entry(&input, Some(draft.id)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::DiskFull, "{err}");
    assert!(err.to_string().contains("draft is kept"), "{err}");
    assert_eq!(
        store.list_entries(None, 10).unwrap().entries.len(),
        0,
        "nothing half-saved"
    );
    assert_eq!(
        store.get_draft(draft.id).unwrap().input.answers["headline"],
        "Skrevet før disken blev fuld"
    );
    // Space again: the same save goes through.
    store.simulate_full_disk(None).unwrap();
    store.create_entry(&input, Some(draft.id)).unwrap();
    assert_eq!(store.list_entries(None, 10).unwrap().entries.len(), 1);
}
