//! Any text is a query: syntax characters, quotes, a lone `*`, 10,000 characters or only
//! punctuation return results or none, never an error. A bad filter is named.

use super::{found, said, search};
use eftertanke_core::search::SearchRequest;
use eftertanke_core::{ErrorKind, Store, TimelineFilter};

#[test]
fn any_text_at_all_returns_results_or_none_and_never_an_error() {
    let mut store = Store::open_in_memory().unwrap();
    let e = store
        .create_entry(&said("Mødet \"i\" kælderen", "NOT AND OR NEAR(x) * ^ col:word"), None)
        .unwrap();
    let long = "æ".repeat(10_000);
    let hostile = [
        "\"",
        "\"\"",
        "\"unclosed",
        "*",
        "**",
        "-",
        "NOT",
        "AND",
        "OR",
        "NEAR(",
        "NEAR(a b, 3)",
        "a:b",
        "{title}",
        "^",
        "(",
        ")",
        "()",
        "' OR 1=1 --",
        "%",
        "_",
        "\\",
        "\0",
        ",.;:!?",
        "   ",
        "",
        long.as_str(),
        "🙂",
        "ǅ",
    ];
    for text in hostile {
        let r = store
            .search(&SearchRequest {
                text: text.into(),
                ..SearchRequest::default()
            })
            .unwrap_or_else(|err| panic!("{text:?} gave an error: {err}"));
        assert!(r.total as usize >= r.hits.len());
    }
    assert_eq!(
        found(&store, "NOT"),
        [e.id],
        "an operator's name is a word like any other"
    );
    assert_eq!(found(&store, "near"), [e.id]);
    assert_eq!(found(&store, "\"i\" kælderen"), [e.id], "quotes are punctuation");
    assert!(search(&store, "*").terms.is_empty(), "a lone star holds no word");
    assert!(search(&store, ",.;:!?").hits.is_empty());
}

#[test]
fn the_filters_are_the_timelines_and_a_bad_one_is_named() {
    let mut store = Store::open_in_memory().unwrap();
    let mut failed = said("Opgangen", "Ingen kom.");
    failed.answers.insert("outcome".into(), serde_json::json!("failed"));
    let failed = store.create_entry(&failed, None).unwrap();
    let partly = store.create_entry(&said("Opgangen igen", "Nogle kom."), None).unwrap();
    let only = |filter: TimelineFilter| {
        store
            .search(&SearchRequest {
                text: "opgangen".into(),
                filter,
                ..SearchRequest::default()
            })
            .map(|r| r.hits.iter().map(|h| h.id).collect::<Vec<_>>())
    };
    assert_eq!(
        only(TimelineFilter {
            outcome: Some("failed".into()),
            ..TimelineFilter::default()
        })
        .unwrap(),
        [failed.id]
    );
    assert_eq!(only(TimelineFilter::default()).unwrap().len(), 2);
    assert_eq!(
        only(TimelineFilter {
            from: Some("2026-10-02".into()),
            ..TimelineFilter::default()
        })
        .unwrap(),
        []
    );
    let err = only(TimelineFilter {
        outcome: Some("won".into()),
        ..TimelineFilter::default()
    })
    .unwrap_err();
    assert_eq!((err.kind(), err.field()), (ErrorKind::InvalidInput, Some("outcome")));
    let _ = partly;
}

#[test]
fn the_limit_caps_the_hits_and_the_total_counts_them_all() {
    let mut store = Store::open_in_memory().unwrap();
    let inputs: Vec<_> = (0..30).map(|i| said(&format!("Møde {i}"), "Lektiecafé")).collect();
    store.create_entries(&inputs).unwrap();
    let r = store
        .search(&SearchRequest {
            text: "lektiecafé".into(),
            limit: Some(5),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!((r.hits.len(), r.total), (5, 30));
    let r = store
        .search(&SearchRequest {
            text: "lektiecafé".into(),
            limit: Some(100_000),
            ..SearchRequest::default()
        })
        .unwrap();
    assert_eq!(r.hits.len(), 30, "a huge limit is capped, not refused");
}
