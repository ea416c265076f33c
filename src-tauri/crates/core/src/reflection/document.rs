//! An entry as a document in one language: per step of the guide it was written with, the
//! questions answered, each worded as that guide version words it, with the answer in words
//! (a choice's label, not its id). The window renders it ("the whole reflection") and export
//! will print it, so both say the same thing in the same order.

use crate::guide::{ChoiceOption, Feeds, Guide, Question, QuestionKind};
use crate::locale::Locale;
use crate::reflection::answers::Answers;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

/// An entry's answers, step by step, in `locale`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EntryDocument {
    pub locale: Locale,
    /// The guide's title, in `locale`.
    pub guide: String,
    /// Only the steps with at least one answer.
    pub sections: Vec<DocumentSection>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentSection {
    /// The step's id.
    pub step: String,
    pub title: String,
    pub items: Vec<DocumentItem>,
}

/// One answered question.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentItem {
    pub question: String,
    pub label: String,
    #[ts(optional)]
    pub feeds: Option<Feeds>,
    pub answer: DocumentAnswer,
}

/// A value and its label, as the guide words it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Worded {
    pub value: String,
    pub label: String,
}

/// One part of the participation block: the part's label and the chosen option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct WordedPart {
    pub part: String,
    pub label: String,
    pub choice: Worded,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentAction {
    pub text: String,
    pub owner: String,
    /// `YYYY-MM-DD`, or none.
    pub review_on: Option<String>,
}

/// An answer in words, by the question's type.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum DocumentAnswer {
    Text {
        text: String,
    },
    Choice {
        choice: Worded,
    },
    Choices {
        choices: Vec<Worded>,
    },
    /// 1–5, with the scale's end labels.
    Scale {
        value: u8,
        low: Option<String>,
        high: Option<String>,
    },
    /// `YYYY-MM-DD`.
    Date {
        date: String,
    },
    Roles {
        roles: Vec<String>,
    },
    Participation {
        parts: Vec<WordedPart>,
    },
    Actions {
        actions: Vec<DocumentAction>,
    },
}

/// The document of an entry with `answers`, written with `guide`, in `locale`. Answers that do
/// not fit their question (an older draft, a hand-edited file) are left out, not guessed at.
pub fn entry_document(guide: &Guide, answers: &Answers, locale: Locale) -> EntryDocument {
    let sections = guide
        .steps
        .iter()
        .filter_map(|step| {
            let items: Vec<DocumentItem> = step
                .questions
                .iter()
                .filter_map(|q| {
                    let answer = worded(q, answers.get(&q.id)?, locale)?;
                    Some(DocumentItem {
                        question: q.id.clone(),
                        label: locale.text(&q.label).to_owned(),
                        feeds: q.feeds,
                        answer,
                    })
                })
                .collect();
            (!items.is_empty()).then(|| DocumentSection {
                step: step.id.clone(),
                title: locale.text(&step.title).to_owned(),
                items,
            })
        })
        .collect();
    EntryDocument {
        locale,
        guide: locale.text(&guide.title).to_owned(),
        sections,
    }
}

fn option(options: &[ChoiceOption], value: &str, locale: Locale) -> Worded {
    let label = options
        .iter()
        .find(|o| o.id == value)
        .map_or_else(|| value.to_owned(), |o| locale.text(&o.label).to_owned());
    Worded {
        value: value.to_owned(),
        label,
    }
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

fn worded(q: &Question, value: &Value, locale: Locale) -> Option<DocumentAnswer> {
    let answer = match q.kind {
        QuestionKind::ShortText | QuestionKind::LongText => {
            let text = value.as_str()?.trim();
            (!text.is_empty()).then(|| DocumentAnswer::Text { text: text.to_owned() })?
        }
        QuestionKind::SingleChoice => DocumentAnswer::Choice {
            choice: option(&q.options, value.as_str()?, locale),
        },
        QuestionKind::MultiChoice => {
            let choices: Vec<Worded> = strings(value).iter().map(|v| option(&q.options, v, locale)).collect();
            (!choices.is_empty()).then_some(DocumentAnswer::Choices { choices })?
        }
        QuestionKind::Scale => DocumentAnswer::Scale {
            value: u8::try_from(value.as_u64()?).ok()?,
            low: q.scale.as_ref().map(|s| locale.text(&s.low).to_owned()),
            high: q.scale.as_ref().map(|s| locale.text(&s.high).to_owned()),
        },
        QuestionKind::Date => DocumentAnswer::Date {
            date: value.as_str()?.to_owned(),
        },
        QuestionKind::Roles => {
            let roles = strings(value);
            (!roles.is_empty()).then_some(DocumentAnswer::Roles { roles })?
        }
        QuestionKind::Participation => {
            let chosen = value.as_object()?;
            let parts: Vec<WordedPart> = q
                .parts
                .iter()
                .filter_map(|p| {
                    let v = chosen.get(&p.id)?.as_str()?;
                    Some(WordedPart {
                        part: p.id.clone(),
                        label: locale.text(&p.label).to_owned(),
                        choice: option(&p.options, v, locale),
                    })
                })
                .collect();
            (!parts.is_empty()).then_some(DocumentAnswer::Participation { parts })?
        }
        QuestionKind::Actions => {
            let actions: Vec<DocumentAction> = value
                .as_array()?
                .iter()
                .filter_map(|a| {
                    let text = a.get("text")?.as_str()?.trim();
                    (!text.is_empty()).then(|| DocumentAction {
                        text: text.to_owned(),
                        owner: a.get("owner").and_then(Value::as_str).unwrap_or("").to_owned(),
                        review_on: a.get("reviewOn").and_then(Value::as_str).map(str::to_owned),
                    })
                })
                .collect();
            (!actions.is_empty()).then_some(DocumentAnswer::Actions { actions })?
        }
    };
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Guides;
    use serde_json::json;

    #[test]
    fn the_document_words_every_answer_as_the_guide_does_in_the_chosen_language() {
        let guide = Guides::builtin().latest("co-production").unwrap();
        let answers: Answers = serde_json::from_value(json!({
            "occurred_on": "2025-09-03",
            "headline": "Kursus for mødre",
            "outcome": "failed",
            "participants": ["borger A", " "],
            "participation": { "phase": "implementation", "role": "co_implementer" },
            "interest_alignment": 2,
            "actions": [{ "text": "Spørg foreningen", "owner": "mig", "reviewOn": "2025-10-01" }, { "text": " " }]
        }))
        .unwrap();
        for locale in Locale::ALL {
            let doc = entry_document(guide, &answers, locale);
            assert_eq!(doc.guide, locale.text(&guide.title));
            let steps: Vec<&str> = doc.sections.iter().map(|s| s.step.as_str()).collect();
            assert_eq!(
                steps,
                ["quick", "attempt", "participation", "interests", "learning"],
                "answered steps only, in guide order"
            );
            let item = |q: &str| {
                doc.sections
                    .iter()
                    .flat_map(|s| &s.items)
                    .find(|i| i.question == q)
                    .unwrap()
            };
            let outcome = guide.question("outcome").unwrap();
            assert_eq!(item("outcome").label, locale.text(&outcome.label));
            match &item("outcome").answer {
                DocumentAnswer::Choice { choice } => {
                    assert_eq!(choice.value, "failed");
                    assert_eq!(
                        choice.label,
                        locale.text(&outcome.options.iter().find(|o| o.id == "failed").unwrap().label)
                    );
                }
                other => panic!("a choice is worded: {other:?}"),
            }
            assert_eq!(
                item("participants").answer,
                DocumentAnswer::Roles {
                    roles: vec!["borger A".into()]
                },
                "blank roles are left out"
            );
            match &item("participation").answer {
                DocumentAnswer::Participation { parts } => assert_eq!(parts.len(), 2),
                other => panic!("{other:?}"),
            }
            match &item("actions").answer {
                DocumentAnswer::Actions { actions } => assert_eq!(actions.len(), 1, "an empty action is left out"),
                other => panic!("{other:?}"),
            }
        }
        let (da, en) = (
            entry_document(guide, &answers, Locale::Da),
            entry_document(guide, &answers, Locale::En),
        );
        assert_ne!(
            da.sections[0].title, en.sections[0].title,
            "the wording follows the locale"
        );
    }
}
