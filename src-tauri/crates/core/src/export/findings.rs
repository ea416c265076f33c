//! Before anything leaves as a readable file, the personal-data guard reads every text of every
//! entry in it, and the person chooses: stop and look (the default), go on as it is, replace what
//! was found by role labels in the exported copy, or leave those entries out. The journal itself
//! is never changed by an export.

use crate::id::EntryId;
use crate::locale::Locale;
use crate::privacy::{FindingKind, pseudonymise, scan};
use crate::reflection::answers::Answers;
use crate::reflection::texts::{EntryText, SlotPart};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// What to do about personal data found in what is exported.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingsChoice {
    /// Write nothing, and say what was found.
    #[default]
    Refuse,
    /// Export it as it is.
    Keep,
    /// Replace each finding with a role label ("borger A") in the exported copy.
    Replace,
    /// Leave out the entries that hold any.
    LeaveOut,
}

/// One thing the guard found in an entry about to be exported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportFinding {
    pub entry: EntryId,
    pub title: String,
    /// The question whose answer holds it; `None` for a tag.
    pub question: Option<String>,
    pub kind: FindingKind,
    /// What was found, as written.
    pub text: String,
}

/// What the guard finds in one entry's texts.
pub fn find(entry: EntryId, title: &str, texts: &[EntryText], never_store: &[String]) -> Vec<ExportFinding> {
    texts
        .iter()
        .flat_map(|t| {
            scan(&t.text, never_store).into_iter().map(|f| ExportFinding {
                entry,
                title: title.to_owned(),
                question: t.question.clone(),
                kind: f.kind,
                text: t
                    .text
                    .chars()
                    .skip(f.char_start as usize)
                    .take((f.char_end - f.char_start) as usize)
                    .collect(),
            })
        })
        .collect()
}

/// The entry's answers and tags with every finding replaced by a role label; the number of
/// occurrences replaced.
pub fn replaced(
    answers: &Answers,
    tags: &[String],
    texts: &[EntryText],
    found: &[ExportFinding],
    locale: Locale,
) -> (Answers, Vec<String>, u32) {
    let mut current: Vec<String> = texts.iter().map(|t| t.text.clone()).collect();
    let mut count = 0;
    for f in found {
        let p = pseudonymise(&current, f.kind, &f.text, locale);
        count += p.replaced;
        current = p.texts;
    }
    let (mut answers, mut tags) = (answers.clone(), tags.to_vec());
    for (t, text) in texts.iter().zip(current) {
        set(&mut answers, &mut tags, &t.slot, text);
    }
    (answers, tags, count)
}

/// Writes `text` into the place `slot` names (see [`EntryText::slot`]).
fn set(answers: &mut Answers, tags: &mut [String], slot: &[SlotPart], text: String) {
    match slot {
        [SlotPart::Key(k), SlotPart::Index(i)] if k == "tags" => {
            if let Some(t) = tags.get_mut(*i as usize) {
                *t = text;
            }
        }
        [SlotPart::Key(a), SlotPart::Key(q), rest @ ..] if a == "answers" => {
            let Some(mut at) = answers.get_mut(q) else { return };
            for part in rest {
                let next = match part {
                    SlotPart::Index(i) => at.get_mut(*i as usize),
                    SlotPart::Key(k) => at.get_mut(k.as_str()),
                };
                let Some(next) = next else { return };
                at = next;
            }
            *at = Value::String(text);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guides;
    use crate::reflection::entry_texts;
    use serde_json::json;

    #[test]
    fn findings_are_replaced_where_they_are_in_the_exported_copy() {
        let guide = Guides::builtin().latest("co-production").unwrap();
        let answers: Answers = serde_json::from_value(json!({
            "headline": "Møde",
            "what_happened": "Ring 22 34 56 78, sagde 070761-4285.",
            "participants": ["070761-4285"],
            "actions": [{ "text": "Skriv til a@b.dk", "owner": "leder" }]
        }))
        .unwrap();
        let texts = entry_texts(guide, &answers, &[]);
        let id = EntryId::new();
        let found = find(id, "Møde", &texts, &[]);
        assert_eq!(found.len(), 4, "{found:?}");
        let (out, _, n) = replaced(&answers, &[], &texts, &found, Locale::Da);
        let all = serde_json::to_string(&out).unwrap();
        assert!(
            !all.contains("070761") && !all.contains("22 34") && !all.contains("a@b.dk"),
            "{all}"
        );
        assert!(all.contains("borger A"), "{all}");
        assert_eq!(out["headline"], "Møde");
        assert!(n >= 4);
    }
}
