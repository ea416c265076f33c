//! Guides change; entries written with an old version keep rendering with that version, and a
//! bad guide definition is refused with the precise reason.

use eftertanke_core::guide::Guides;
use eftertanke_core::{EntryInput, Store};
use serde_json::{Value, json};

fn guide(version: u32, label: &str, extra_question: Option<Value>) -> String {
    let mut questions = vec![
        json!({"id": "day", "type": "date", "feeds": "occurred_on", "label": {"da": "Dato", "en": "Date"}, "help": {"da": "h", "en": "h"}}),
        json!({"id": "name", "type": "short_text", "feeds": "title", "label": {"da": label, "en": label}, "help": {"da": "h", "en": "h"}}),
        json!({"id": "how", "type": "single_choice", "feeds": "outcome", "label": {"da": "Hvordan", "en": "How"}, "help": {"da": "h", "en": "h"},
               "options": [
                 {"id": "failed", "label": {"da": "a", "en": "a"}}, {"id": "partly", "label": {"da": "b", "en": "b"}},
                 {"id": "succeeded", "label": {"da": "c", "en": "c"}}, {"id": "too_early", "label": {"da": "d", "en": "d"}}]}),
    ];
    questions.extend(extra_question);
    json!({"id": "test", "version": version, "title": {"da": "T", "en": "T"}, "description": {"da": "D", "en": "D"},
           "steps": [{"id": "one", "title": {"da": "Et", "en": "One"}, "questions": questions}]})
    .to_string()
}

fn leak(guides: Guides) -> &'static Guides {
    Box::leak(Box::new(guides))
}

#[test]
fn an_entry_keeps_the_guide_version_it_was_written_with() {
    let v1 = guide(1, "Overskrift", None);
    let v2 = guide(
        2,
        "Titel",
        Some(
            json!({"id": "why", "type": "long_text", "feeds": "analysis", "label": {"da": "Hvorfor", "en": "Why"}, "help": {"da": "h", "en": "h"}}),
        ),
    );
    let mut store = Store::open_in_memory().unwrap();
    store.set_guides(leak(Guides::parse(&[("v1", &v1)]).unwrap()));
    let answers = [
        ("day", json!("2025-01-02")),
        ("name", json!("Gammel")),
        ("how", json!("partly")),
    ];
    let input = EntryInput {
        guide_id: "test".into(),
        guide_version: None,
        answers: answers.iter().map(|(k, v)| ((*k).to_owned(), v.clone())).collect(),
        complete: true,
        tags: Vec::new(),
        override_personal_data: false,
        follows_up: None,
    };
    let old = store.create_entry(&input, None).unwrap();
    assert_eq!(
        old.guide_version, 1,
        "a new entry is written with the newest version there is"
    );

    // The guide changes: version 2 renames a label and adds a question. Both stay registered.
    let guides = leak(Guides::parse(&[("v1", &v1), ("v2", &v2)]).unwrap());
    store.set_guides(guides);
    let read = store.get_entry(old.id).unwrap();
    assert_eq!(read.guide_version, 1);
    let rendered_with = guides.get(&read.guide_id, read.guide_version).unwrap();
    assert_eq!(
        rendered_with.question("name").unwrap().label.da,
        "Overskrift",
        "old entries render with their version"
    );
    assert!(rendered_with.question("why").is_none());
    assert_eq!(
        guides.latest("test").unwrap().version,
        2,
        "new entries use the new version"
    );
    // And the old entry can still be edited with its own version.
    let mut edit = read.to_input();
    edit.answers.insert("name".into(), json!("Gammel, rettet"));
    assert_eq!(store.update_entry(old.id, &edit, None).unwrap().guide_version, 1);
}

#[test]
fn bad_guide_definitions_are_refused_with_the_precise_reason() {
    let good: Value = serde_json::from_str(&guide(1, "x", None)).unwrap();
    let spoil = |f: &dyn Fn(&mut Value)| {
        let mut g = good.clone();
        f(&mut g);
        Guides::parse(&[("test.v1.json", &g.to_string())])
            .unwrap_err()
            .to_string()
    };
    let q = |g: &mut Value, i: usize| g["steps"][0]["questions"][i].clone();
    let cases: Vec<(String, &str)> = vec![
        (
            spoil(&|g| g["steps"][0]["questions"][1]["type"] = json!("essay")),
            "unknown variant `essay`",
        ),
        (
            spoil(&|g| g["steps"][0]["questions"][1]["label"]["da"] = json!("")),
            "question 'name': the label has no Danish text",
        ),
        (
            spoil(&|g| g["steps"][0]["questions"][1]["help"]["en"] = json!(" ")),
            "question 'name': the help text has no English text",
        ),
        (
            spoil(&|g| {
                let dup = q(g, 1);
                g["steps"][0]["questions"].as_array_mut().unwrap().push(dup)
            }),
            "duplicate question id 'name'",
        ),
        (
            spoil(&|g| g["steps"][0]["questions"][2]["options"] = json!([])),
            "question 'how': a choice without options",
        ),
        (
            spoil(&|g| {
                g["steps"]
                    .as_array_mut()
                    .unwrap()
                    .push(json!({"id": "two", "title": {"da": "To", "en": "Two"}, "questions": []}))
            }),
            "step 'two' has no questions",
        ),
        (
            spoil(&|g| g["steps"][0]["questions"][1]["feeds"] = json!("analysis")),
            "no question feeds Title",
        ),
        (
            spoil(&|g| {
                g["steps"][0]["questions"][1]["label"]
                    .as_object_mut()
                    .unwrap()
                    .remove("en");
            }),
            "missing field `en`",
        ),
    ];
    for (message, expected) in cases {
        assert!(message.contains(expected), "expected «{expected}» in «{message}»");
        assert!(message.contains("test"), "the message names the guide: {message}");
    }
}
