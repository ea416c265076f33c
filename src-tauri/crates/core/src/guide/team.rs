//! The team's guide for a reflection session: questions at team level, drawn from the same
//! research as the personal guides, in Danish and English. Data like them
//! (`assets/guides/team-session.v<version>.json`), checked by this crate's tests; the answers a
//! session records are keyed by question id, so a later version can add questions.

use super::{GuideError, LocalText};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;
use ts_rs::TS;

const SHIPPED: &str = include_str!("../../../../../assets/guides/team-session.v1.json");

/// The questions the team answers together in step 3 of a session.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamGuide {
    pub id: String,
    pub version: u32,
    pub title: LocalText,
    pub description: LocalText,
    pub questions: Vec<TeamQuestion>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct TeamQuestion {
    pub id: String,
    pub label: LocalText,
    pub help: LocalText,
}

impl TeamGuide {
    /// The shipped team guide.
    pub fn builtin() -> &'static TeamGuide {
        static GUIDE: OnceLock<TeamGuide> = OnceLock::new();
        GUIDE.get_or_init(|| TeamGuide::parse(SHIPPED).expect("the team guide is validated by the core's tests"))
    }

    /// Parses and checks a team guide: an id, a version from 1, texts in both languages, at
    /// least one question, no id twice.
    pub fn parse(json: &str) -> Result<TeamGuide, GuideError> {
        let fail = |problem: String| GuideError {
            guide: "team-session".into(),
            problem,
        };
        let guide: TeamGuide = serde_json::from_str(json).map_err(|e| fail(e.to_string()))?;
        let both = |t: &LocalText| !t.da.trim().is_empty() && !t.en.trim().is_empty();
        if guide.id.trim().is_empty() || guide.version == 0 {
            return Err(fail("a team guide needs an id and a version from 1".into()));
        }
        if !both(&guide.title) || !both(&guide.description) {
            return Err(fail("the title and description need Danish and English text".into()));
        }
        if guide.questions.is_empty() {
            return Err(fail("the team guide has no questions".into()));
        }
        let mut seen = std::collections::HashSet::new();
        for q in &guide.questions {
            if q.id.trim().is_empty() || !seen.insert(q.id.as_str()) {
                return Err(fail(format!("question id '{}' is empty or used twice", q.id)));
            }
            if !both(&q.label) || !both(&q.help) {
                return Err(fail(format!("question '{}' needs Danish and English text", q.id)));
            }
        }
        Ok(guide)
    }

    pub fn question(&self, id: &str) -> Option<&TeamQuestion> {
        self.questions.iter().find(|q| q.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::TeamGuide;

    #[test]
    fn the_shipped_team_guide_is_valid_and_asks_the_four_questions_of_the_research() {
        let g = TeamGuide::builtin();
        let ids: Vec<&str> = g.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "when_citizens_came_in",
                "whose_problem",
                "frames_kept_knowledge_out",
                "what_organising_changed"
            ]
        );
    }

    #[test]
    fn a_team_guide_without_both_languages_or_with_a_question_twice_is_refused() {
        let q = r#"{"id": "a", "label": {"da": "x", "en": "x"}, "help": {"da": "x", "en": "x"}}"#;
        let guide = |questions: &str, en: &str| {
            format!(
                r#"{{"id": "t", "version": 1, "title": {{"da": "T", "en": "{en}"}},
                    "description": {{"da": "D", "en": "D"}}, "questions": [{questions}]}}"#
            )
        };
        assert!(TeamGuide::parse(&guide(q, "T")).is_ok());
        assert!(TeamGuide::parse(&guide(q, " ")).is_err(), "no English title");
        assert!(
            TeamGuide::parse(&guide(&format!("{q}, {q}"), "T")).is_err(),
            "a question twice"
        );
        assert!(TeamGuide::parse(&guide("", "T")).is_err(), "no questions");
    }
}
