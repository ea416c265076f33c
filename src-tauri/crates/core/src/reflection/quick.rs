//! A reflection begun in a few words, as the CLI's `add` takes them (a date, a title, an
//! outcome, a note): each goes under the question of the default guide that feeds it, so no
//! shell needs to know a guide's question ids.

use crate::guide::{Feeds, Guides};
use crate::reflection::answers::Answers;
use crate::reflection::entry::EntryInput;
use chrono::NaiveDate;

/// What a quick capture says. Each part may be left out; the date is then today.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuickCapture {
    pub occurred_on: Option<String>,
    pub title: Option<String>,
    pub outcome: Option<String>,
    pub notes: Option<String>,
}

impl QuickCapture {
    /// The entry to save: the default guide's newest version, not complete, each part under
    /// the question that feeds its field. Checked by the save like any entry.
    pub fn entry(self, today: NaiveDate) -> EntryInput {
        let guides = Guides::builtin();
        let guide = guides.default_guide();
        let mut answers = Answers::new();
        let parts = [
            (
                Feeds::OccurredOn,
                Some(self.occurred_on.unwrap_or_else(|| today.to_string())),
            ),
            (Feeds::Title, Some(self.title.unwrap_or_default())),
            (Feeds::Outcome, self.outcome),
            (Feeds::WhatHappened, self.notes),
        ];
        for (field, value) in parts {
            if let (Some(q), Some(v)) = (guide.question_feeding(field), value) {
                answers.insert(q.id.clone(), v.into());
            }
        }
        EntryInput {
            guide_id: guide.id.clone(),
            guide_version: None,
            answers,
            ..EntryInput::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Feeds;

    #[test]
    fn the_default_guide_has_a_question_for_every_part() {
        let guide = Guides::builtin().default_guide();
        for field in [Feeds::OccurredOn, Feeds::Title, Feeds::Outcome, Feeds::WhatHappened] {
            assert!(
                guide.question_feeding(field).is_some(),
                "{} takes no {field:?}",
                guide.id
            );
        }
    }

    #[test]
    fn every_part_goes_under_its_question_and_the_date_is_today_when_left_out() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 7).unwrap_or_default();
        let input = QuickCapture {
            title: Some("Lektiecafé".into()),
            outcome: Some("failed".into()),
            notes: Some("Ingen kom.".into()),
            ..QuickCapture::default()
        }
        .entry(today);
        let guide = Guides::builtin().default_guide();
        let id = |f| guide.question_feeding(f).map(|q| q.id.clone()).unwrap_or_default();
        assert_eq!(input.guide_id, guide.id);
        assert_eq!(
            input.answers.get(&id(Feeds::OccurredOn)),
            Some(&serde_json::Value::from("2026-12-07"))
        );
        assert_eq!(
            input.answers.get(&id(Feeds::Title)),
            Some(&serde_json::Value::from("Lektiecafé"))
        );
        assert_eq!(
            input.answers.get(&id(Feeds::Outcome)),
            Some(&serde_json::Value::from("failed"))
        );
        assert_eq!(
            input.answers.get(&id(Feeds::WhatHappened)),
            Some(&serde_json::Value::from("Ingen kom."))
        );
        assert!(!input.complete);
        assert!(
            input.validate(Guides::builtin()).is_ok(),
            "a quick capture is a valid entry"
        );
    }
}
