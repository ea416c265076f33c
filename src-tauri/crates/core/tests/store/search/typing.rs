//! Search as a person types: on a connection of its own that sees every save at once, counting
//! no further than a person reads, and with one or two letters as words, not beginnings.

use super::{found, said, search};
use crate::encrypted;
use crate::with;
use eftertanke_core::search::{RANKED_MOST, SearchRequest, TOTAL_CAP};
use eftertanke_core::timeline::TimelineFilter;
use serde_json::json;

fn request(text: &str) -> SearchRequest {
    SearchRequest {
        text: text.into(),
        ..SearchRequest::default()
    }
}

#[test]
fn the_searcher_reads_the_encrypted_journal_and_sees_each_save_at_once() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _key) = encrypted(tmp.path());
    let first = store.create_entry(&said("Kaffe i opgangen", "Tre kom."), None).unwrap();
    let searcher = store.searcher().unwrap();
    let hits = |text: &str| -> Vec<_> {
        searcher
            .search(&request(text))
            .unwrap()
            .hits
            .iter()
            .map(|h| h.id)
            .collect()
    };
    assert_eq!(hits("kaffe"), [first.id]);
    assert_eq!(
        hits("kaffe"),
        found(&store, "kaffe"),
        "the same answer as the store's own"
    );

    // Saved after the searcher was opened: found at the next key, gone after an edit or erasure.
    let second = store.create_entry(&said("Kaffe igen", "Fem kom."), None).unwrap();
    assert_eq!(hits("kaffe").len(), 2, "a save is seen at once");
    store
        .update_entry(second.id, &said("Te igen", "Fem kom."), None)
        .unwrap();
    assert_eq!(hits("kaffe "), [first.id], "an edit is seen at once");
    store.delete_entry(first.id).unwrap();
    assert!(hits("kaffe").is_empty(), "an erasure is seen at once");

    // It only reads.
    drop(searcher);
    assert_eq!(found(&store, "te "), [second.id]);
}

#[test]
fn matches_are_counted_up_to_the_cap_and_past_it_said_to_be_more() {
    let mut store = eftertanke_core::Store::open_in_memory().unwrap();
    let many: Vec<_> = (0..TOTAL_CAP as usize + 5)
        .map(|i| said(&format!("Møde {i}"), "Beboerne kom."))
        .collect();
    store.create_entries(&many).unwrap();
    store.create_entries(&[said("Sjælden", "Kun én kom.")]).unwrap();

    let lots = search(&store, "beboerne");
    assert_eq!(
        (lots.total, lots.more),
        (TOTAL_CAP, true),
        "more than the cap: the cap, and 'more'"
    );
    assert_eq!(lots.hits.len(), 20);
    let one = search(&store, "sjælden");
    assert_eq!((one.total, one.more), (1, false), "under the cap: exact");
}

/// A word in more entries than are ranked: the ones most recently added are ranked, and every
/// other match is still found — counted, and shown after the ranked ones or when a filter
/// narrows to it. (Ranked in full, the first entry, with the word in its title thrice, would
/// come first.)
#[test]
fn past_the_ranked_matches_every_match_is_still_found() {
    let mut store = eftertanke_core::Store::open_in_memory().unwrap();
    let first = store
        .create_entries(&[with(&[
            ("occurred_on", json!("2026-10-01")),
            ("headline", json!("Kaffe, kaffe, kaffe")),
            ("outcome", json!("failed")),
            ("what_happened", json!("Kaffe og kaffe.")),
        ])])
        .unwrap()[0];
    let many: Vec<_> = (0..RANKED_MOST as usize)
        .map(|i| said(&format!("Møde {i}"), "Der var kaffe."))
        .collect();
    store.create_entries(&many).unwrap();
    let last = store.create_entries(&[said("Kaffe", "Kaffe og kage.")]).unwrap()[0];

    let all = search(&store, "kaffe");
    assert_eq!((all.total, all.more), (TOTAL_CAP, true));
    assert_eq!(all.hits[0].id, last, "the best of the ranked first");
    assert!(
        all.hits.iter().all(|h| h.id != first),
        "the first added is past the ranked ones"
    );
    // Two words: every entry with both is found; the ranked ones first.
    assert_eq!(
        found(&store, "kaffe og"),
        [last, first],
        "both found, the one past the ranked after"
    );
    let failed = store
        .search(&SearchRequest {
            text: "kaffe".into(),
            filter: TimelineFilter {
                outcome: Some("failed".into()),
                ..TimelineFilter::default()
            },
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(
        failed.hits.iter().map(|h| h.id).collect::<Vec<_>>(),
        [first],
        "still found"
    );
}

#[test]
fn one_or_two_letters_find_those_words_and_three_find_the_words_they_begin() {
    let mut store = eftertanke_core::Store::open_in_memory().unwrap();
    let ids = store
        .create_entries(&[said("Kaffe", "De kom."), said("Ka", "Ordet ka alene.")])
        .unwrap();
    assert_eq!(
        found(&store, "ka"),
        [ids[1]],
        "two letters: the word 'ka', not every word it begins"
    );
    assert_eq!(found(&store, "kaf"), [ids[0]], "three letters: the words they begin");
}
