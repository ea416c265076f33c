//! The team's reflection session: the lead's marks, the rules a session is recorded by
//! (`rules.rs`), actions that keep their ids across sessions and crashes (`carrying.rs`), and
//! what a member's journal makes of what arrives (`reading.rs`).

mod carrying;
mod reading;
mod rules;

use super::*;
use chrono::NaiveDate;
use eftertanke_core::Problem;
use eftertanke_core::sessions::{CarriedStatus, NewItem, SessionDraft, Verdict};

pub fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

pub fn item(text: &str, owner: &str, review_on: &str) -> NewItem {
    NewItem {
        text: text.into(),
        owner: owner.into(),
        review_on: day(review_on),
    }
}

pub fn verdict(id: &str, status: Verdict, why: &str) -> CarriedStatus {
    CarriedStatus {
        id: id.into(),
        status,
        why: why.into(),
        review_on: None,
    }
}

pub fn first_session() -> SessionDraft {
    SessionDraft {
        held_on: Some(day("2026-11-02")),
        improvement: Some(item(
            "Spørg borgerne om problemet før vi planlægger",
            "Teamleder",
            "2026-12-01",
        )),
        actions: vec![item("Ring til foreningens formand", "Medarbejder 0", "2026-11-20")],
        ..Default::default()
    }
}

pub fn problem_of(e: eftertanke_core::Error) -> (String, Problem, String) {
    let message = e.to_string();
    match (e.field(), e.problem()) {
        (Some(field), Some(problem)) => (field.to_owned(), problem, message),
        _ => panic!("expected a refusal naming its field, got {:?}: {message}", e.kind()),
    }
}
