//! The personal-data guard on real SQLite: the never-store list as a setting, the saving rule
//! for CPR numbers, and the override's record in the entry's history.

use super::{first_attempt, quick};
use eftertanke_core::privacy::{Confidence, FindingKind, scan};
use eftertanke_core::{ErrorKind, Problem, Store};
use serde_json::json;

#[test]
fn a_cpr_number_in_an_answer_blocks_the_save_and_names_the_field() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = first_attempt();
    input
        .answers
        .insert("what_happened".into(), json!("Borgeren (070761-4285) kom ikke."));
    let err = store.create_entry(&input, None).unwrap_err();
    assert_eq!(
        (err.kind(), err.field(), err.problem()),
        (
            ErrorKind::InvalidInput,
            Some("answers.what_happened"),
            Some(Problem::PersonalData)
        ),
        "the UI opens the replace-or-override dialog on this problem"
    );
    assert!(
        !err.to_string().contains("070761"),
        "the message must not repeat the number"
    );
    assert_eq!(store.count_entries().unwrap(), 0, "nothing is written");
}

#[test]
fn cpr_numbers_in_roles_actions_and_tags_block_too() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = first_attempt();
    input.tags = vec!["0707614285".into()];
    let err = store.create_entry(&input, None).unwrap_err();
    assert_eq!(err.field(), Some("tags"));
    let mut input = first_attempt();
    input.answers.insert(
        "actions".into(),
        json!([{ "text": "Ring om 070761-4285", "owner": "", "reviewOn": "" }]),
    );
    let err = store.create_entry(&input, None).unwrap_err();
    assert_eq!(err.field(), Some("answers.actions"));
}

#[test]
fn an_override_saves_and_is_recorded_without_the_number() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = first_attempt();
    input
        .answers
        .insert("what_happened".into(), json!("070761-4285 og 010203-1234 blev nævnt"));
    input.override_personal_data = true;
    let saved = store.create_entry(&input, None).unwrap();
    let events = store.entry_events(saved.id).unwrap();
    assert_eq!(events.len(), 1, "the override is in the entry's history");
    assert_eq!(events[0].kind, "personal_data_override");
    assert_eq!(events[0].id.as_uuid().get_version_num(), 7);
    assert_eq!(
        events[0].detail,
        json!({ "fields": [{ "field": "answers.what_happened", "findings": 2 }] })
    );
    assert!(
        !events[0].detail.to_string().contains("4285"),
        "the history must never hold the number itself"
    );
    // Editing with the override again adds a second record; editing it away adds none.
    let mut edit = saved.to_input();
    assert!(
        store.update_entry(saved.id, &edit, None).is_err(),
        "an edit needs its own override"
    );
    edit.override_personal_data = true;
    store.update_entry(saved.id, &edit, None).unwrap();
    edit.answers
        .insert("what_happened".into(), json!("borger A og borger B"));
    edit.override_personal_data = false;
    store.update_entry(saved.id, &edit, None).unwrap();
    assert_eq!(store.entry_events(saved.id).unwrap().len(), 2);
}

#[test]
fn the_history_is_append_only() {
    let mut input = first_attempt();
    input.answers.insert("what_happened".into(), json!("070761-4285"));
    input.override_personal_data = true;
    // A store on disk, so a second, raw connection can try to rewrite the history.
    let dir = tempfile::tempdir().unwrap();
    let mut disk = Store::open_in_dir(dir.path(), &Default::default()).unwrap();
    let saved = disk.create_entry(&input, None).unwrap();
    drop(disk);
    let conn = rusqlite::Connection::open(dir.path().join("eftertanke.sqlite3")).unwrap();
    let changed = conn.execute("UPDATE entry_events SET detail = '{}'", []);
    assert!(changed.is_err(), "history rows cannot be rewritten");
    let deleted = conn.execute("DELETE FROM entry_events", []);
    assert!(deleted.is_err(), "history rows cannot be removed");
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM entry_events WHERE entry_id = ?1",
            [saved.id.to_string()],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
}

#[test]
fn warnings_do_not_block_saving() {
    let mut store = Store::open_in_memory().unwrap();
    store.set_never_store_words(&["Fatima".into()]).unwrap();
    let mut input = quick("2025-09-03", "Møde med Fatima", "partly");
    input.answers.insert(
        "what_happened".into(),
        json!("Ring 22 34 56 78 eller skriv jens@example.dk"),
    );
    let saved = store.create_entry(&input, None).unwrap();
    assert!(store.entry_events(saved.id).unwrap().is_empty(), "nothing to record");
}

#[test]
fn drafts_are_not_blocked_by_a_cpr_number() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = first_attempt();
    input.answers.insert("what_happened".into(), json!("070761-4285"));
    let draft = store
        .save_draft(&eftertanke_core::DraftInput {
            input,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(draft.input.answers["what_happened"], json!("070761-4285"));
}

#[test]
fn the_never_store_list_is_kept_trimmed_and_without_duplicates() {
    let mut store = Store::open_in_memory().unwrap();
    assert!(store.never_store_words().unwrap().is_empty());
    let words = ["  Fatima ", "fatima", "", "Jens   Hansen", "Rosenhøj"].map(String::from);
    let stored = store.set_never_store_words(&words).unwrap();
    assert_eq!(stored, ["Fatima", "Jens Hansen", "Rosenhøj"]);
    assert_eq!(store.never_store_words().unwrap(), stored);
    let found = store.scan_text("Jens Hansen og FATIMA").unwrap();
    assert_eq!(found.len(), 2);
    assert!(found.iter().all(|f| f.kind == FindingKind::NeverStore));
    let too_long = store.set_never_store_words(&["x".repeat(81)]).unwrap_err();
    assert_eq!(too_long.problem(), Some(Problem::TooLong));
}

#[test]
fn confidence_rises_with_the_checksum_and_the_word_cpr() {
    let conf = |t: &str| scan(t, &[])[0].confidence;
    assert_eq!(conf("070761-4285"), Confidence::High, "hyphen and modulus 11");
    assert_eq!(conf("070761-4286"), Confidence::Medium, "hyphen, no modulus 11");
    assert_eq!(conf("0707614285"), Confidence::Medium, "unseparated, modulus 11");
    assert_eq!(conf("0707614286"), Confidence::Low, "unseparated, no modulus 11");
    assert_eq!(conf("CPR 0707614286"), Confidence::High, "named");
    assert_eq!(conf("+45 22 34 56 78"), Confidence::High);
    assert_eq!(conf("22 34 56 78"), Confidence::Medium);
    assert_eq!(conf("22345678"), Confidence::Low);
}
