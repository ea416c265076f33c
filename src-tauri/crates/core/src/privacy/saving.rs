//! The saving rule: a CPR number in any text of an entry (an answer, a role, an action, a tag)
//! stops the save, naming the first field that holds one, unless the input carries the
//! person's explicit override. Phone numbers, e-mail addresses and never-store words do not
//! stop a save here; the UI asks for a confirmation before saving those.
//!
//! Drafts are not checked: they are the autosave of typing, and the person may be about to
//! replace the number.

use crate::answers::Answers;
use crate::error::{Error, Problem, Result};
use serde::Serialize;
use serde_json::Value;

/// How many CPR numbers one field holds (never the numbers themselves).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldFindings {
    /// `answers.<question id>` or `tags`.
    pub field: String,
    pub findings: usize,
}

fn strings(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|v| strings(v, out)),
        Value::Object(map) => map.values().for_each(|v| strings(v, out)),
        _ => {}
    }
}

/// The fields that hold CPR numbers, in question-id order, then the tags.
pub fn cpr_fields(answers: &Answers, tags: &[String]) -> Vec<FieldFindings> {
    let count = |texts: &[String]| texts.iter().map(|t| super::count_cpr(t)).sum::<usize>();
    let mut found: Vec<FieldFindings> = answers
        .iter()
        .filter_map(|(id, value)| {
            let mut texts = Vec::new();
            strings(value, &mut texts);
            let findings = count(&texts);
            (findings > 0).then(|| FieldFindings {
                field: format!("answers.{id}"),
                findings,
            })
        })
        .collect();
    let in_tags = count(tags);
    if in_tags > 0 {
        found.push(FieldFindings {
            field: "tags".into(),
            findings: in_tags,
        });
    }
    found
}

/// Refuses a save with [`Problem::PersonalData`] when a CPR number is present and not
/// overridden. Returns the fields to record in the entry's history when it is overridden
/// (empty when there is nothing to record).
pub fn check_before_saving(answers: &Answers, tags: &[String], overridden: bool) -> Result<Vec<FieldFindings>> {
    let found = cpr_fields(answers, tags);
    match found.first() {
        Some(first) if !overridden => Err(Error::invalid(
            &first.field,
            Problem::PersonalData,
            format!(
                "{} looks like it holds a CPR number. Replace it with a role (\"borger A\"), or save \
                 with an explicit override, which is recorded in the entry's history",
                first.field
            ),
        )),
        _ => Ok(found),
    }
}
