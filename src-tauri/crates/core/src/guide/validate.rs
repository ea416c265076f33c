//! Checks a guide definition and says precisely what is wrong with it.

use super::{Feeds, Guide, LocalText, Question, QuestionKind, vocabulary};
use std::collections::HashSet;
use std::fmt;

/// Why a guide definition was refused: which guide, and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GuideError {
    pub guide: String,
    pub problem: String,
}

impl fmt::Display for GuideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "guide {}: {}", self.guide, self.problem)
    }
}

impl std::error::Error for GuideError {}

/// Parses and validates one guide file; `name` is used in messages (e.g. the file name).
pub fn parse(name: &str, json: &str) -> Result<Guide, GuideError> {
    let guide: Guide = serde_json::from_str(json).map_err(|e| GuideError {
        guide: name.to_owned(),
        problem: e.to_string(),
    })?;
    validate(&guide)?;
    Ok(guide)
}

/// Checks everything serde cannot: texts present in both languages, unique ids, choices with
/// options, steps with questions, and the fields every entry needs.
pub fn validate(guide: &Guide) -> Result<(), GuideError> {
    let fail = |problem: String| {
        Err(GuideError {
            guide: format!("{} v{}", guide.id, guide.version),
            problem,
        })
    };
    if guide.id.trim().is_empty() {
        return fail("the guide has no id".into());
    }
    if guide.version == 0 {
        return fail("versions start at 1".into());
    }
    texts(&guide.title, "the title")
        .and(texts(&guide.description, "the description"))
        .or_else(fail)?;
    if guide.steps.is_empty() {
        return fail("the guide has no steps".into());
    }
    let mut step_ids = HashSet::new();
    let mut question_ids = HashSet::new();
    for step in &guide.steps {
        if !step_ids.insert(step.id.as_str()) {
            return fail(format!("duplicate step id '{}'", step.id));
        }
        texts(&step.title, &format!("step '{}' title", step.id)).or_else(fail)?;
        if let Some(intro) = &step.intro {
            texts(intro, &format!("step '{}' intro", step.id)).or_else(fail)?;
        }
        if step.questions.is_empty() {
            return fail(format!("step '{}' has no questions", step.id));
        }
        for q in &step.questions {
            if !question_ids.insert(q.id.as_str()) {
                return fail(format!("duplicate question id '{}'", q.id));
            }
            question(q).or_else(|p| fail(format!("question '{}': {p}", q.id)))?;
        }
    }
    for (field, kind) in [
        (Feeds::OccurredOn, QuestionKind::Date),
        (Feeds::Title, QuestionKind::ShortText),
        (Feeds::Outcome, QuestionKind::SingleChoice),
    ] {
        let feeding: Vec<_> = guide.questions().filter(|q| q.feeds == Some(field)).collect();
        match feeding.as_slice() {
            [q] if q.kind == kind => {}
            [q] => {
                return fail(format!(
                    "question '{}' feeds {field:?} but is not a {kind:?} question",
                    q.id
                ));
            }
            [] => return fail(format!("no question feeds {field:?}; every entry needs one")),
            _ => return fail(format!("more than one question feeds {field:?}")),
        }
    }
    Ok(())
}

fn texts(text: &LocalText, what: &str) -> Result<(), String> {
    if text.da.trim().is_empty() {
        return Err(format!("{what} has no Danish text"));
    }
    if text.en.trim().is_empty() {
        return Err(format!("{what} has no English text"));
    }
    Ok(())
}

fn question(q: &Question) -> Result<(), String> {
    if q.id.trim().is_empty() {
        return Err("the id is empty".into());
    }
    texts(&q.label, "the label")?;
    texts(&q.help, "the help text")?;
    let choice = matches!(q.kind, QuestionKind::SingleChoice | QuestionKind::MultiChoice);
    if choice {
        if q.options.is_empty() {
            return Err("a choice without options".into());
        }
        let mut ids = HashSet::new();
        for o in &q.options {
            if !ids.insert(o.id.as_str()) {
                return Err(format!("duplicate option id '{}'", o.id));
            }
            texts(&o.label, &format!("option '{}'", o.id))?;
        }
    } else if !q.options.is_empty() {
        return Err(format!("options are only for choices, not {:?}", q.kind));
    }
    if q.kind == QuestionKind::Participation {
        let ids: Vec<_> = q.parts.iter().map(|p| p.id.as_str()).collect();
        let expected: Vec<_> = vocabulary::PARTS.iter().map(|(id, _)| *id).collect();
        if ids != expected {
            return Err(format!(
                "a participation block has the parts {expected:?}, found {ids:?}"
            ));
        }
        for (part, (_, vocab)) in q.parts.iter().zip(vocabulary::PARTS) {
            texts(&part.label, &format!("part '{}' label", part.id))?;
            texts(&part.help, &format!("part '{}' help text", part.id))?;
            same_options(
                part.options.iter().map(|o| o.id.as_str()),
                vocab,
                &format!("part '{}'", part.id),
            )?;
            for o in &part.options {
                texts(&o.label, &format!("option '{}'", o.id))?;
            }
        }
    } else if !q.parts.is_empty() {
        return Err("parts are only for participation blocks".into());
    }
    if let Some(scale) = &q.scale {
        if q.kind != QuestionKind::Scale {
            return Err("scale labels on a question that is not a scale".into());
        }
        texts(&scale.low, "the scale's low label")?;
        texts(&scale.high, "the scale's high label")?;
    }
    feeds_fit(q)
}

fn same_options<'a>(found: impl Iterator<Item = &'a str>, expected: &[&str], what: &str) -> Result<(), String> {
    let found: Vec<_> = found.collect();
    if found != expected {
        return Err(format!(
            "{what} must offer exactly {expected:?} in that order, found {found:?}"
        ));
    }
    Ok(())
}

/// A question may feed a common field only if its answers have that field's shape.
fn feeds_fit(q: &Question) -> Result<(), String> {
    use QuestionKind as K;
    let Some(feeds) = q.feeds else { return Ok(()) };
    let fits = match feeds {
        Feeds::OccurredOn => q.kind == K::Date,
        Feeds::Title | Feeds::Initiative => q.kind == K::ShortText,
        Feeds::Outcome => {
            q.kind == K::SingleChoice
                && same_options(
                    q.options.iter().map(|o| o.id.as_str()),
                    vocabulary::OUTCOMES,
                    "the outcome",
                )
                .is_ok()
        }
        Feeds::Organised => {
            q.kind == K::SingleChoice
                && same_options(
                    q.options.iter().map(|o| o.id.as_str()),
                    vocabulary::ORGANISATION,
                    "organisation",
                )
                .is_ok()
        }
        Feeds::Expectation | Feeds::WhatHappened | Feeds::Analysis | Feeds::Learning | Feeds::Feelings => {
            matches!(q.kind, K::ShortText | K::LongText)
        }
        Feeds::Actions => q.kind == K::Actions,
        Feeds::Participation => q.kind == K::Participation,
        Feeds::InterestAlignment | Feeds::TrustBefore | Feeds::TrustAfter => q.kind == K::Scale,
    };
    if fits {
        Ok(())
    } else {
        Err(format!(
            "a {:?} question cannot feed {feeds:?} (or its options are not the fixed vocabulary)",
            q.kind
        ))
    }
}
