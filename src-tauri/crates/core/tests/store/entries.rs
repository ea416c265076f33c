//! Saving, reading, editing and paging entries.

use super::quick;
use eftertanke_core::{EntryId, EntryInput, ErrorKind, Outcome, Problem, Store};
use serde_json::json;

#[test]
fn a_saved_entry_reads_back_with_author_guide_and_revision() {
    let mut store = Store::open_in_memory().unwrap();
    let saved = store.create_entry(&super::first_attempt(), None).unwrap();
    let read = store.get_entry(saved.id).unwrap();
    assert_eq!(read, saved);
    assert_eq!(read.outcome, Outcome::Failed);
    assert_eq!(read.author_id, store.installation_id());
    assert_eq!(read.revision, 1);
    assert_eq!(read.id.as_uuid().get_version_num(), 7);
}

#[test]
fn invalid_input_names_the_field_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut bad = super::first_attempt();
    bad.answers.insert("occurred_on".into(), json!("2025-02-29"));
    let err = store.create_entry(&bad, None).unwrap_err();
    assert_eq!(
        (err.kind(), err.field(), err.problem()),
        (
            ErrorKind::InvalidInput,
            Some("answers.occurred_on"),
            Some(Problem::NotADate)
        )
    );
    assert_eq!(store.count_entries().unwrap(), 0);
}

#[test]
fn editing_bumps_the_revision_and_keeps_the_creation_time() {
    let mut store = Store::open_in_memory().unwrap();
    let saved = store.create_entry(&super::first_attempt(), None).unwrap();
    let mut edit = saved.to_input();
    edit.answers.insert("outcome".into(), json!("partly"));
    edit.answers.insert("headline".into(), json!("Danskkursus — evalueret"));
    let updated = store.update_entry(saved.id, &edit, None).unwrap();
    assert_eq!(
        updated.revision, 2,
        "the revision lets a later merge tell which copy is newer"
    );
    assert_eq!(updated.created_at, saved.created_at);
    assert!(updated.updated_at >= saved.updated_at);
    assert_eq!(updated.outcome, Outcome::Partly);
}

#[test]
fn an_unknown_id_is_not_found_for_reading_and_editing() {
    let mut store = Store::open_in_memory().unwrap();
    let id = EntryId::new();
    assert_eq!(store.get_entry(id).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(
        store
            .update_entry(id, &super::first_attempt(), None)
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    assert_eq!(store.get_entry_by_text("not-an-id").unwrap_err().field(), Some("id"));
}

fn on(day: &str, title: &str) -> EntryInput {
    quick(day, title, "too_early")
}

#[test]
fn pages_are_newest_first_and_cover_every_entry_once_even_on_shared_days() {
    let mut store = Store::open_in_memory().unwrap();
    // Seven entries on one day sit across a page boundary: the id breaks the tie.
    let mut inputs: Vec<_> = (0..7).map(|i| on("2026-05-01", &format!("same day {i}"))).collect();
    inputs.extend((1..=6).map(|d| on(&format!("2026-04-{d:02}"), "earlier")));
    store.create_entries(&inputs).unwrap();
    let mut seen = Vec::new();
    let mut cursor = None;
    loop {
        let page = store.list_entries(cursor.as_deref(), 3).unwrap();
        assert!(page.entries.len() <= 3);
        seen.extend(page.entries.iter().map(|e| (e.occurred_on, e.id)));
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    assert_eq!(seen.len(), 13, "every entry appears exactly once across pages");
    let mut sorted = seen.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(seen, sorted, "newest attempt first, ties broken by id");
}

#[test]
fn a_page_exactly_full_has_no_next_cursor() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_entries(&[on("2026-01-01", "a"), on("2026-01-02", "b")])
        .unwrap();
    assert_eq!(store.list_entries(None, 2).unwrap().next_cursor, None);
    assert!(store.list_entries(None, 1).unwrap().next_cursor.is_some());
}

#[test]
fn a_forged_cursor_is_refused() {
    let store = Store::open_in_memory().unwrap();
    let err = store.list_entries(Some("2026-01-01|drop table"), 10).unwrap_err();
    assert_eq!(err.field(), Some("cursor"));
}

#[test]
fn the_excerpt_is_the_first_written_line_cut_with_an_ellipsis_only_when_long() {
    let mut store = Store::open_in_memory().unwrap();
    let mut short = on("2026-01-02", "a");
    short
        .answers
        .insert("what_happened".into(), json!("\nFirst line.\nSecond line."));
    let mut long = on("2026-01-01", "b");
    long.answers.insert("what_happened".into(), json!("x".repeat(200)));
    store.create_entries(&[short, long]).unwrap();
    let page = store.list_entries(None, 10).unwrap();
    assert_eq!(page.entries[0].excerpt, "First line.");
    assert_eq!(page.entries[1].excerpt, format!("{}…", "x".repeat(160)));
}

#[test]
fn a_batch_with_one_bad_entry_writes_none_and_names_its_position() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store
        .create_entries(&[on("2026-01-01", "fine"), on("2026-01-01", "")])
        .unwrap_err();
    assert_eq!(err.field(), Some("[1].answers.headline"));
    assert_eq!(store.count_entries().unwrap(), 0);
}
