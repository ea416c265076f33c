//! The saving rule: a CPR number in any text of an entry (an answer, a role, an action, a tag)
//! stops the save, naming the first field that holds one, unless the input carries the
//! person's explicit override. Phone numbers, e-mail addresses and never-store words do not
//! stop a save here; the UI asks for a confirmation before saving those.
//!
//! Drafts are not checked: they are the autosave of typing, and the person may be about to
//! replace the number.

use super::texts::EntryText;
use crate::error::{Error, Problem, Result};
use serde::Serialize;

/// How many CPR numbers one field holds (never the numbers themselves).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FieldFindings {
    /// `answers.<question id>` or `tags`.
    pub field: String,
    pub findings: usize,
}

/// The fields that hold CPR numbers, in the order of the entry's texts (guide order, then the
/// tags), each once.
pub fn cpr_fields(texts: &[EntryText]) -> Vec<FieldFindings> {
    let mut found: Vec<FieldFindings> = Vec::new();
    for text in texts {
        let findings = crate::privacy::count_cpr(&text.text);
        if findings == 0 {
            continue;
        }
        let field = text.field();
        match found.iter_mut().find(|f| f.field == field) {
            Some(f) => f.findings += findings,
            None => found.push(FieldFindings { field, findings }),
        }
    }
    found
}

/// Refuses a save with [`Problem::PersonalData`] when a CPR number is present and not
/// overridden. Returns the fields to record in the entry's history when it is overridden
/// (empty when there is nothing to record).
pub fn check_before_saving(texts: &[EntryText], overridden: bool) -> Result<Vec<FieldFindings>> {
    let found = cpr_fields(texts);
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
