//! The texts of an entry: every free-text answer (short and long texts), every role, every
//! action's text and owner, and every tag — in guide order, then the tags — each with the slot
//! it sits in, so a replacement made over all of them can be written back where it came from.
//!
//! This is the one definition: the guard's saving rule, the window's check before saving, and
//! later search, export and sharing all read an entry's texts through [`entry_texts`]. Choices,
//! scales and dates are not texts: the guide validates them against fixed values.

use crate::guide::{Guide, QuestionKind};
use crate::reflection::answers::Answers;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

/// One step of a slot: a key or a position.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum SlotPart {
    Key(String),
    Index(u32),
}

/// A text of an entry and where it sits: `["answers", questionId]`, `["answers", questionId,
/// index]`, `["answers", questionId, index, "text" | "owner"]` or `["tags", index]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryText {
    pub slot: Vec<SlotPart>,
    /// The question it answers; `None` for a tag.
    pub question: Option<String>,
    pub text: String,
}

impl EntryText {
    /// The field named in an error or in the history: `answers.<question id>` or `tags`.
    pub fn field(&self) -> String {
        match &self.question {
            Some(id) => format!("answers.{id}"),
            None => "tags".to_owned(),
        }
    }
}

fn key(k: &str) -> SlotPart {
    SlotPart::Key(k.to_owned())
}

/// The texts of an entry with these answers and tags, written with `guide`.
pub fn entry_texts(guide: &Guide, answers: &Answers, tags: &[String]) -> Vec<EntryText> {
    let mut out = Vec::new();
    for q in guide.questions() {
        let Some(value) = answers.get(&q.id) else {
            continue;
        };
        let mut push = |slot: Vec<SlotPart>, text: &str| {
            out.push(EntryText {
                slot,
                question: Some(q.id.clone()),
                text: text.to_owned(),
            });
        };
        match (q.kind, value) {
            (QuestionKind::ShortText | QuestionKind::LongText, Value::String(text)) => {
                push(vec![key("answers"), key(&q.id)], text);
            }
            (QuestionKind::Roles, Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::String(text) = item {
                        push(vec![key("answers"), key(&q.id), SlotPart::Index(i as u32)], text);
                    }
                }
            }
            (QuestionKind::Actions, Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    for part in ["text", "owner"] {
                        if let Some(Value::String(text)) = item.get(part) {
                            push(
                                vec![key("answers"), key(&q.id), SlotPart::Index(i as u32), key(part)],
                                text,
                            );
                        }
                    }
                }
            }
            _ => {}
        }
    }
    for (i, tag) in tags.iter().enumerate() {
        out.push(EntryText {
            slot: vec![key("tags"), SlotPart::Index(i as u32)],
            question: None,
            text: tag.clone(),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guides;
    use serde_json::json;

    #[test]
    fn free_text_roles_action_texts_and_owners_and_tags_are_texts_and_choices_and_dates_are_not() {
        let guide = Guides::builtin().latest("co-production").unwrap();
        let answers: Answers = serde_json::from_value(json!({
            "occurred_on": "2025-09-03",
            "headline": "Møde",
            "outcome": "failed",
            "what_happened": "070761-4285 kom",
            "participants": ["borger A", "Fatima"],
            "interest_alignment": 3,
            "participation": { "phase": "implementation" },
            "actions": [{ "text": "Ring 22 34 56 78", "owner": "leder", "reviewOn": "2025-10-01" }]
        }))
        .unwrap();
        let texts = entry_texts(guide, &answers, &["efterår".to_owned()]);
        let read: Vec<&str> = texts.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            read,
            [
                "Møde",
                "070761-4285 kom",
                "borger A",
                "Fatima",
                "Ring 22 34 56 78",
                "leder",
                "efterår"
            ],
            "guide order, then the tags"
        );
        assert_eq!(
            texts[4].slot,
            vec![key("answers"), key("actions"), SlotPart::Index(0), key("text")]
        );
        assert_eq!(texts[6].field(), "tags");
        assert_eq!(texts[1].field(), "answers.what_happened");
        assert_eq!(
            serde_json::to_value(&texts[2].slot).unwrap(),
            json!(["answers", "participants", 0]),
            "a slot is the path the window writes back into"
        );
    }
}
