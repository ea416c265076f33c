//! Danish queries and the entries they must and must not find, each with its reason.

use super::{found, said};
use eftertanke_core::search::SearchRequest;
use eftertanke_core::{EntryId, Store};
use std::collections::BTreeMap;

/// The entries of the table, by a short name.
const ENTRIES: &[(&str, &str, &str)] = &[
    ("forsøg", "Et forsøg i opgangen", "Vi gjorde et forsøg med kaffe."),
    (
        "forening",
        "Mødet med bestyrelsen",
        "Beboerforeningen sagde ja til lokalet.",
    ),
    ("år", "Sidste år", "Hvert år kommer færre."),
    ("ar", "Et ar", "Han viste et ar på armen."),
    ("blå", "Den blå dør", "Vi mødtes ved den blå dør."),
    ("bla", "Bla bla", "Det blev bare bla bla fra os."),
    ("bør", "Hvad vi bør", "Vi bør spørge først."),
    ("bor", "Hvor de bor", "De bor i blok 4."),
    ("århus", "Tur til Århus", "Bussen kørte til Århus."),
    ("aarhus", "Tur til Aarhus", "Bussen kørte til Aarhus."),
    ("møder", "Tre møder", "Møderne lå om aftenen."),
    ("lektiecafé", "Lektiecaféen", "Lektiecaféen åbnede i kælderen."),
    ("grøn", "Det grønne område", "Grønne Gård fik nye bænke."),
];

/// A query, whether the fold is on, what it must find, what it must not find, and why.
type Case = (
    &'static str,
    bool,
    &'static [&'static str],
    &'static [&'static str],
    &'static str,
);

const TABLE: &[Case] = &[
    (
        "forsøget",
        false,
        &["forsøg"],
        &[],
        "a Danish stem: the definite form finds the bare noun",
    ),
    (
        "forsøg ",
        false,
        &["forsøg"],
        &["forening"],
        "the bare noun finds itself, not a word that only begins alike",
    ),
    (
        "forening ",
        false,
        &["forening"],
        &[],
        "a part of a compound: 'forening' inside 'beboerforeningen'",
    ),
    (
        "år ",
        false,
        &["år"],
        &["ar"],
        "å is its own letter: 'år' is not 'ar' (FTS5's remove_diacritics would fold it)",
    ),
    ("ar ", false, &["ar"], &["år"], "and back: 'ar' is not 'år'"),
    ("blå ", false, &["blå"], &["bla"], "'blå' is not 'bla'"),
    ("bla ", false, &["bla"], &["blå"], "'bla' is not 'blå'"),
    (
        "bør ",
        false,
        &["bør"],
        &["bor"],
        "ø is its own letter: 'bør' is not 'bor'",
    ),
    ("bor ", false, &["bor"], &["bør"], "'bor' is not 'bør'"),
    (
        "Aarhus ",
        false,
        &["aarhus"],
        &["århus"],
        "the old spelling finds only itself unless the fold is asked for",
    ),
    (
        "Aarhus ",
        true,
        &["aarhus", "århus"],
        &[],
        "with the fold, 'aa' is read as 'å'",
    ),
    ("Århus ", true, &["aarhus", "århus"], &[], "the fold works both ways"),
    (
        "møde ",
        false,
        &["møder", "forening"],
        &[],
        "a stem: 'møde' finds 'møder', 'Møderne' and 'Mødet'",
    ),
    ("BEBOERFORENINGEN ", false, &["forening"], &[], "case does not matter"),
    (
        "lektiecafeen ",
        false,
        &["lektiecafé"],
        &[],
        "an accent on a letter Danish does not have is folded: 'cafe' finds 'café'",
    ),
    (
        "lektiecaféen ",
        false,
        &["lektiecafé"],
        &[],
        "and the word as written finds itself",
    ),
    (
        "bla ",
        false,
        &["bla"],
        &["blå"],
        "but å keeps its ring: folding é does not fold å",
    ),
    ("grønne ", false, &["grøn"], &[], "an adjective's forms"),
    (
        "mød",
        false,
        &["møder", "forening", "blå"],
        &[],
        "as you type: 'mød' finds words that begin with it",
    ),
    (
        "blok 4",
        false,
        &["bor"],
        &["bør"],
        "every word must be there: 'blok' and '4'",
    ),
    (
        "kaffe forening ",
        false,
        &[],
        &["forsøg", "forening"],
        "two words in two entries: neither has both",
    ),
];

#[test]
fn danish_queries_find_what_they_must_and_nothing_they_must_not() {
    let mut store = Store::open_in_memory().unwrap();
    let mut ids: BTreeMap<&str, EntryId> = BTreeMap::new();
    for (name, title, text) in ENTRIES {
        ids.insert(name, store.create_entry(&said(title, text), None).unwrap().id);
    }
    let name_of = |id: &EntryId| ids.iter().find(|(_, v)| *v == id).map(|(k, _)| *k).unwrap();
    let mut failures = Vec::new();
    for (query, fold, must, must_not, why) in TABLE {
        let got: Vec<&str> = if *fold {
            store
                .search(&SearchRequest {
                    text: (*query).into(),
                    fold_aa: true,
                    ..SearchRequest::default()
                })
                .unwrap()
                .hits
                .iter()
                .map(|h| name_of(&h.id))
                .collect()
        } else {
            found(&store, query).iter().map(name_of).collect()
        };
        let missing: Vec<_> = must.iter().filter(|m| !got.contains(m)).collect();
        let wrong: Vec<_> = must_not.iter().filter(|m| got.contains(m)).collect();
        if !missing.is_empty() || !wrong.is_empty() {
            failures.push(format!(
                "{query:?} (fold {fold}): found {got:?}; missing {missing:?}, wrong {wrong:?} — {why}"
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn whole_words_rank_above_stems_and_parts_and_titles_above_texts() {
    let mut store = Store::open_in_memory().unwrap();
    let part = store
        .create_entry(&said("Et møde", "Beboerforeningen var der."), None)
        .unwrap();
    let text = store
        .create_entry(&said("Et møde", "Vi talte med foreningen."), None)
        .unwrap();
    let title = store.create_entry(&said("Foreningen", "Vi talte."), None).unwrap();
    assert_eq!(found(&store, "foreningen "), [title.id, text.id, part.id]);
}

#[test]
fn the_hits_are_marked_in_the_title_and_in_a_snippet_of_the_text_they_are_in() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .create_entry(
            &said(
                "Forsøget i opgangen",
                "Først kom ingen. Så kom Beboerforeningen med kage.",
            ),
            None,
        )
        .unwrap();
    let r = super::search(&store, "forsøg forening");
    let hit = &r.hits[0];
    let marked = |segments: &[eftertanke_core::search::Segment]| -> Vec<String> {
        segments.iter().filter(|s| s.hit).map(|s| s.text.clone()).collect()
    };
    assert_eq!(marked(&hit.title), ["Forsøget"]);
    assert_eq!(marked(&hit.snippet), ["Beboerforeningen"]);
    assert_eq!(hit.question.as_deref(), Some("what_happened"));
    assert_eq!(r.terms, ["forsøg", "forening"]);
}
