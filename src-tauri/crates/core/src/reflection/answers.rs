//! Answers to a guide's questions: checked against each question's type, normalised (empty
//! answers dropped), and projected onto the common fields and typed columns that make entries
//! from different guides comparable.

use crate::error::{Error, Problem, Result};
use crate::guide::{Feeds, Guide, Question, QuestionKind, vocabulary};
use crate::id::ActionId;
use crate::reflection::action::ValidAction;
use crate::reflection::categories::{Outcome, Participation};
use chrono::NaiveDate;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

pub type Answers = BTreeMap<String, Value>;

const SHORT_TEXT_MAX: usize = 200;
const LONG_TEXT_MAX: usize = 20_000;
const LIST_MAX: usize = 50;
/// The days an attempt or a review can plausibly fall on.
const FIRST_DAY: (i32, u32, u32) = (1970, 1, 1);
const LAST_DAY: (i32, u32, u32) = (2100, 12, 31);

/// The common text fields, gathered from every question that feeds them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommonText {
    pub expectation: String,
    pub what_happened: String,
    pub analysis: String,
    pub learning: String,
    pub feelings: String,
}

/// Answers that passed validation, with what they feed.
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    pub answers: Answers,
    pub occurred_on: Option<NaiveDate>,
    pub title: Option<String>,
    pub outcome: Option<Outcome>,
    pub initiative: Option<String>,
    pub participation: Participation,
    pub interest_alignment: Option<u8>,
    pub trust_before: Option<u8>,
    pub trust_after: Option<u8>,
    pub organisation: Option<String>,
    pub common: CommonText,
    pub actions: Vec<ValidAction>,
}

/// Checks every answer against its question and projects the result. Unknown question ids and
/// answers of the wrong type are refused, naming the question (`answers.<id>`).
pub fn project(guide: &Guide, answers: &Answers) -> Result<Projection> {
    if let Some(unknown) = answers.keys().find(|id| guide.question(id).is_none()) {
        return Err(Error::invalid(
            &format!("answers.{unknown}"),
            Problem::UnknownQuestion,
            format!("guide {} v{} has no question '{unknown}'", guide.id, guide.version),
        ));
    }
    let mut p = Projection {
        answers: Answers::new(),
        occurred_on: None,
        title: None,
        outcome: None,
        initiative: None,
        participation: Participation::default(),
        interest_alignment: None,
        trust_before: None,
        trust_after: None,
        organisation: None,
        common: CommonText::default(),
        actions: Vec::new(),
    };
    for q in guide.questions() {
        let Some(raw) = answers.get(&q.id) else { continue };
        let Some(value) = normalise(q, raw)? else { continue };
        feed(&mut p, q, &value);
        p.answers.insert(q.id.clone(), value);
    }
    Ok(p)
}

fn wrong(q: &Question, expected: &str) -> Error {
    Error::invalid(
        &format!("answers.{}", q.id),
        Problem::WrongType,
        format!("the answer to '{}' must be {expected}", q.id),
    )
}

/// One line (a title, a name, a role) or a long text with line breaks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Lines {
    One,
    Many,
}

fn text(q: &Question, raw: &Value, max: usize, lines: Lines) -> Result<Option<String>> {
    let s = raw.as_str().ok_or_else(|| wrong(q, "text"))?;
    checked_text(&format!("answers.{}", q.id), s, max, lines)
}

/// Trimmed, `None` when it shows nothing; refused with the field named when it holds what
/// [`crate::text_rules`] refuses or is longer than `max` characters.
fn checked_text(field: &str, s: &str, max: usize, lines: Lines) -> Result<Option<String>> {
    let refused = |r: crate::text_rules::Refused| Error::invalid(field, Problem::Malformed, r.message());
    let s = match lines {
        Lines::One => {
            crate::text_rules::check_line(s.trim()).map_err(refused)?;
            s.trim().to_owned()
        }
        Lines::Many => crate::text_rules::check_long(s.trim()).map_err(refused)?,
    };
    if s.chars().count() > max {
        return Err(Error::invalid(
            field,
            Problem::TooLong,
            format!("longer than {max} characters"),
        ));
    }
    Ok((!crate::text_rules::is_blank(&s)).then_some(s))
}

/// A day an attempt or a review can fall on, or the field named.
fn plausible_day(field: &str, s: &str) -> Result<NaiveDate> {
    let day = crate::time::parse_date(s).ok_or_else(|| {
        Error::invalid(
            field,
            Problem::NotADate,
            format!("'{s}' is not a date that exists; write it as YYYY-MM-DD"),
        )
    })?;
    let bound = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    if day < bound(FIRST_DAY) || day > bound(LAST_DAY) {
        return Err(Error::invalid(
            field,
            Problem::OutOfRange,
            format!("{day} is not a day this can be on: use a day from 1970 to 2100"),
        ));
    }
    Ok(day)
}

fn too_many(q: &Question, what: &str) -> Error {
    Error::invalid(
        &format!("answers.{}", q.id),
        Problem::TooLong,
        format!("more than {LIST_MAX} {what}; keep at most {LIST_MAX}"),
    )
}

fn choice(q: &Question, raw: &Value, options: &[&str]) -> Result<Option<String>> {
    let s = raw.as_str().ok_or_else(|| wrong(q, "one of its options"))?;
    if s.is_empty() {
        return Ok(None);
    }
    if !options.contains(&s) {
        return Err(Error::invalid(
            &format!("answers.{}", q.id),
            Problem::UnknownValue,
            format!("'{s}' is not an option of '{}'; use one of {options:?}", q.id),
        ));
    }
    Ok(Some(s.to_owned()))
}

/// The answer in its stored form, or `None` when it is empty (unanswered).
fn normalise(q: &Question, raw: &Value) -> Result<Option<Value>> {
    if raw.is_null() {
        return Ok(None);
    }
    let options: Vec<&str> = q.options.iter().map(|o| o.id.as_str()).collect();
    Ok(match q.kind {
        QuestionKind::ShortText => text(q, raw, SHORT_TEXT_MAX, Lines::One)?.map(Value::String),
        QuestionKind::LongText => text(q, raw, LONG_TEXT_MAX, Lines::Many)?.map(Value::String),
        QuestionKind::SingleChoice => choice(q, raw, &options)?.map(Value::String),
        QuestionKind::MultiChoice => {
            let items = raw.as_array().ok_or_else(|| wrong(q, "a list of its options"))?;
            let mut chosen: Vec<String> = Vec::new();
            for item in items {
                if let Some(c) = choice(q, item, &options)?
                    && !chosen.contains(&c)
                {
                    chosen.push(c);
                }
            }
            (!chosen.is_empty()).then(|| Value::from(chosen))
        }
        QuestionKind::Scale => {
            let n = raw
                .as_u64()
                .filter(|n| (1..=5).contains(n))
                .ok_or_else(|| wrong(q, "a whole number from 1 to 5"))?;
            Some(Value::from(n))
        }
        QuestionKind::Date => match raw.as_str().ok_or_else(|| wrong(q, "a date, YYYY-MM-DD"))?.trim() {
            "" => None,
            s => Some(Value::String(
                plausible_day(&format!("answers.{}", q.id), s)?.to_string(),
            )),
        },
        QuestionKind::Participation => participation(q, raw)?,
        QuestionKind::Roles => {
            let items = raw.as_array().ok_or_else(|| wrong(q, "a list of role labels"))?;
            if items.len() > LIST_MAX {
                return Err(too_many(q, "roles"));
            }
            let mut roles = Vec::new();
            for item in items {
                if let Some(r) = text(q, item, 80, Lines::One)? {
                    roles.push(r);
                }
            }
            (!roles.is_empty()).then(|| Value::from(roles))
        }
        QuestionKind::Actions => actions(q, raw)?,
    })
}

fn participation(q: &Question, raw: &Value) -> Result<Option<Value>> {
    let obj = raw
        .as_object()
        .ok_or_else(|| wrong(q, "an object with phase, role, initiator and predecided"))?;
    let mut out = Map::new();
    for (key, value) in obj {
        let vocab = vocabulary::PARTS
            .iter()
            .find(|(id, _)| id == key)
            .map(|(_, v)| *v)
            .ok_or_else(|| {
                Error::invalid(
                    &format!("answers.{}.{key}", q.id),
                    Problem::UnknownQuestion,
                    format!("no part '{key}'"),
                )
            })?;
        if value.is_null() {
            continue;
        }
        let s = value.as_str().ok_or_else(|| wrong(q, "option ids in each part"))?;
        if s.is_empty() {
            continue;
        }
        if !vocab.contains(&s) {
            return Err(Error::invalid(
                &format!("answers.{}.{key}", q.id),
                Problem::UnknownValue,
                format!("'{s}' is not an option of {key}; use one of {vocab:?}"),
            ));
        }
        out.insert(key.clone(), Value::String(s.to_owned()));
    }
    Ok((!out.is_empty()).then_some(Value::Object(out)))
}

fn actions(q: &Question, raw: &Value) -> Result<Option<Value>> {
    let items = raw.as_array().ok_or_else(|| wrong(q, "a list of actions"))?;
    if items.len() > LIST_MAX {
        return Err(too_many(q, "actions"));
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let field = |name: &str| format!("answers.{}[{i}].{name}", q.id);
        let obj = item
            .as_object()
            .ok_or_else(|| wrong(q, "a list of {text, owner, reviewOn}"))?;
        let get = |name: &str| -> Result<String> {
            match obj.get(name) {
                None | Some(Value::Null) => Ok(String::new()),
                Some(Value::String(s)) => {
                    Ok(checked_text(&field(name), s, SHORT_TEXT_MAX, Lines::One)?.unwrap_or_default())
                }
                Some(_) => Err(Error::invalid(
                    &field(name),
                    Problem::WrongType,
                    format!("{name} must be text"),
                )),
            }
        };
        let (text, owner, review) = (get("text")?, get("owner")?, get("reviewOn")?);
        if text.is_empty() && owner.is_empty() && review.is_empty() {
            continue; // An empty row left in the form.
        }
        if text.is_empty() {
            return Err(Error::invalid(
                &field("text"),
                Problem::Required,
                "an action needs a text",
            ));
        }
        if !review.is_empty() {
            plausible_day(&field("reviewOn"), &review)?;
        }
        let id = get("id")?;
        if !id.is_empty() && id.parse::<ActionId>().is_err() {
            return Err(Error::invalid(&field("id"), Problem::Malformed, "not an action id"));
        }
        let mut action = Map::new();
        if !id.is_empty() {
            action.insert("id".into(), Value::String(id));
        }
        action.insert("text".into(), Value::String(text));
        action.insert("owner".into(), Value::String(owner));
        action.insert("reviewOn".into(), Value::String(review));
        out.push(Value::Object(action));
    }
    Ok((!out.is_empty()).then(|| Value::from(out)))
}

fn feed(p: &mut Projection, q: &Question, value: &Value) {
    let Some(feeds) = q.feeds else { return };
    let text = || value.as_str().unwrap_or_default().to_owned();
    let scale = || value.as_u64().map(|n| n as u8);
    let append = |target: &mut String, more: String| {
        if !target.is_empty() {
            target.push_str("\n\n");
        }
        target.push_str(&more);
    };
    match feeds {
        Feeds::OccurredOn => p.occurred_on = crate::time::parse_date(&text()),
        Feeds::Title => p.title = Some(text()),
        Feeds::Outcome => p.outcome = text().parse().ok(),
        Feeds::Initiative => p.initiative = Some(text()),
        Feeds::Expectation => append(&mut p.common.expectation, text()),
        Feeds::WhatHappened => append(&mut p.common.what_happened, text()),
        Feeds::Analysis => append(&mut p.common.analysis, text()),
        Feeds::Learning => append(&mut p.common.learning, text()),
        Feeds::Feelings => append(&mut p.common.feelings, text()),
        Feeds::InterestAlignment => p.interest_alignment = scale(),
        Feeds::TrustBefore => p.trust_before = scale(),
        Feeds::TrustAfter => p.trust_after = scale(),
        Feeds::Organised => p.organisation = Some(text()),
        Feeds::Participation => {
            let part = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_owned);
            p.participation = Participation {
                phase: part("phase"),
                level: part("role").as_deref().and_then(vocabulary::participation_level),
                role: part("role"),
                initiator: part("initiator"),
                predecided: part("predecided"),
            };
        }
        Feeds::Actions => {
            p.actions = value
                .as_array()
                .into_iter()
                .flatten()
                .map(|a| {
                    let s = |k: &str| a.get(k).and_then(Value::as_str).unwrap_or_default();
                    ValidAction {
                        id: s("id").parse().ok(),
                        text: s("text").to_owned(),
                        owner: s("owner").to_owned(),
                        review_on: crate::time::parse_date(s("reviewOn")),
                    }
                })
                .collect();
        }
    }
}
