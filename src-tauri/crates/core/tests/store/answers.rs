//! Every question type round-trips through the store, wrong types are refused with the question
//! named, and the structured answers land in their typed columns.

use super::with;
use eftertanke_core::{ActionStatus, ErrorKind, Problem, Store};
use serde_json::{Value, json};

fn full_answers() -> Vec<(&'static str, Value)> {
    vec![
        ("occurred_on", json!("2025-03-12")),
        ("initiative", json!("Mødregruppen i Vestparken")),
        ("headline", json!("Danskkursus — få mødte op")),
        ("expected", json!("15–20 mødre")),
        ("outcome", json!("failed")),
        ("what_happened", json!("Tre kom.")),
        ("participants", json!(["kursusleder", "tre mødre"])),
        (
            "participation",
            json!({"phase": "implementation", "role": "co_implementer", "initiator": "us", "predecided": "yes"}),
        ),
        ("problem_defined_by", json!("us")),
        ("interest_alignment", json!(1)),
        ("trust_before", json!(2)),
        ("trust_after", json!(3)),
        ("citizen_resources", json!("Et stærkt netværk.")),
        ("organisation", json!("individuals")),
        ("ties_existing", json!(["bonding", "linking"])),
        ("learning", json!("Tal om interesser tidligt.")),
        (
            "actions",
            json!([{"text": "Invitere til samtale", "owner": "boligsocial medarbejder", "reviewOn": "2025-04-15"}]),
        ),
    ]
}

#[test]
fn every_question_type_round_trips_through_the_store() {
    let mut store = Store::open_in_memory().unwrap();
    let mut input = with(&full_answers());
    input.complete = true;
    let saved = store.create_entry(&input, None).unwrap();
    let read = store.get_entry(saved.id).unwrap();
    for (id, value) in full_answers() {
        if id == "actions" {
            continue; // Stored with ids; checked below.
        }
        assert_eq!(
            read.answers.get(id),
            Some(&value),
            "answer '{id}' must read back exactly as saved"
        );
    }
    assert_eq!(read.actions.len(), 1);
    assert_eq!(read.actions[0].owner, "boligsocial medarbejder");
    assert_eq!(
        read.actions[0].review_on.map(|d| d.to_string()).as_deref(),
        Some("2025-04-15")
    );
    assert_eq!(read.actions[0].status, ActionStatus::Open);
    assert!(
        read.completed_at.is_some(),
        "finishing the guide marks the entry complete"
    );
}

#[test]
fn structured_answers_fill_the_typed_columns() {
    let mut store = Store::open_in_memory().unwrap();
    let entry = store.create_entry(&with(&full_answers()), None).unwrap();
    assert_eq!(entry.participation.role.as_deref(), Some("co_implementer"));
    assert_eq!(entry.participation.level, Some(2), "co-implementer is level 2 of 0–4");
    assert_eq!(entry.participation.phase.as_deref(), Some("implementation"));
    assert_eq!(entry.participation.initiator.as_deref(), Some("us"));
    assert_eq!(
        (entry.interest_alignment, entry.trust_before, entry.trust_after),
        (Some(1), Some(2), Some(3))
    );
    assert_eq!(entry.organisation.as_deref(), Some("individuals"));
    assert_eq!(entry.initiative.as_deref(), Some("Mødregruppen i Vestparken"));
    assert_eq!(
        entry.expectation, "15–20 mødre",
        "the expectation feeds the common field"
    );
    assert!(
        entry.analysis.contains("Et stærkt netværk."),
        "resources feed the analysis"
    );
    assert!(
        entry.completed_at.is_none(),
        "not finished: a quick capture still to complete"
    );
}

#[test]
fn an_answer_of_the_wrong_type_is_refused_naming_the_question_and_nothing_is_written() {
    let mut store = Store::open_in_memory().unwrap();
    let cases: [(&str, Value, Problem); 7] = [
        ("interest_alignment", json!("high"), Problem::WrongType),
        ("interest_alignment", json!(7), Problem::WrongType),
        ("participants", json!("tre mødre"), Problem::WrongType),
        ("organisation", json!("club"), Problem::UnknownValue),
        ("participation", json!({"role": "boss"}), Problem::UnknownValue),
        ("ties_existing", json!("bonding"), Problem::WrongType),
        ("no_such_question", json!("x"), Problem::UnknownQuestion),
    ];
    for (question, value, problem) in cases {
        let mut answers = full_answers();
        answers.retain(|(id, _)| *id != question);
        answers.push((question, value));
        let err = store.create_entry(&with(&answers), None).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(
            err.field()
                .unwrap_or_default()
                .starts_with(&format!("answers.{question}")),
            "{err}"
        );
        assert_eq!(err.problem(), Some(problem), "{question}: {err}");
    }
    assert_eq!(store.count_entries().unwrap(), 0);
}

#[test]
fn an_action_needs_a_text_and_a_real_date_and_empty_rows_are_dropped() {
    let mut store = Store::open_in_memory().unwrap();
    let mut answers = full_answers();
    answers.retain(|(id, _)| *id != "actions");
    answers.push((
        "actions",
        json!([{"text": "", "owner": "", "reviewOn": ""}, {"text": "", "owner": "teamleder"}]),
    ));
    let err = store.create_entry(&with(&answers), None).unwrap_err();
    assert_eq!(err.field(), Some("answers.actions[1].text"));
    answers.pop();
    answers.push(("actions", json!([{"text": "Ring", "reviewOn": "2025-02-30"}])));
    assert_eq!(
        store.create_entry(&with(&answers), None).unwrap_err().field(),
        Some("answers.actions[0].reviewOn")
    );
    answers.pop();
    answers.push(("actions", json!([{"text": "", "owner": "", "reviewOn": ""}])));
    assert!(store.create_entry(&with(&answers), None).unwrap().actions.is_empty());
}

#[test]
fn editing_keeps_the_ids_of_actions_that_stay_and_removes_the_others() {
    let mut store = Store::open_in_memory().unwrap();
    let mut answers = full_answers();
    answers.retain(|(id, _)| *id != "actions");
    answers.push(("actions", json!([{"text": "A"}, {"text": "B"}])));
    let saved = store.create_entry(&with(&answers), None).unwrap();
    let kept = &saved.actions[1];
    let mut input = saved.to_input();
    input.answers.insert(
        "actions".into(),
        json!([{"id": kept.id.to_string(), "text": "B, reworded"}]),
    );
    let updated = store.update_entry(saved.id, &input, None).unwrap();
    assert_eq!(updated.actions.len(), 1);
    assert_eq!(
        updated.actions[0].id, kept.id,
        "an action keeps its id (and later its status) across edits"
    );
    assert_eq!(updated.actions[0].text, "B, reworded");
}

#[test]
fn empty_answers_are_dropped_rather_than_stored() {
    let mut store = Store::open_in_memory().unwrap();
    let mut answers = full_answers();
    answers.push(("frames", json!("   ")));
    answers.push(("ties_built", json!([])));
    answers.push(("aim", Value::Null));
    let saved = store.create_entry(&with(&answers), None).unwrap();
    for id in ["frames", "ties_built", "aim"] {
        assert!(
            !saved.answers.contains_key(id),
            "an unanswered question leaves no trace: {id}"
        );
    }
}

#[test]
fn a_missing_required_answer_names_the_question_of_that_guide() {
    let mut store = Store::open_in_memory().unwrap();
    let err = store.create_entry(
        &with(&[("occurred_on", json!("2025-01-01")), ("headline", json!("x"))]),
        None,
    );
    let err = err.unwrap_err();
    assert_eq!(
        (err.field(), err.problem()),
        (Some("answers.outcome"), Some(Problem::Required))
    );
}
