//! What every readable export says the same way, in Danish and English: the words for an
//! entry's facts, and an answer as text or as a list of lines (before Markdown or the PDF
//! template lays it out).

use crate::locale::Locale;
use crate::reflection::document::DocumentAnswer;

pub(crate) struct Words {
    pub outcome: fn(&str) -> &str,
    pub tags: &'static str,
    pub initiative: &'static str,
    pub date: &'static str,
    pub owner: &'static str,
    pub review: &'static str,
    /// Between an action and its owner or review date on one line: the short dash with spaces
    /// in Danish (docs/sprog.md), the long one in English.
    pub dash: &'static str,
}

/// An outcome's words as the newest co-production guide offers it: one source for the window
/// (ui/src/i18n, pinned to the guide by `outcomes.test.ts`) and every export. The code itself
/// when the guide has no such option.
pub(crate) fn outcome_label(code: &str, locale: Locale) -> &str {
    crate::guide::Guides::builtin()
        .latest("co-production")
        .and_then(|g| g.question("outcome"))
        .and_then(|q| q.options.iter().find(|o| o.id == code))
        .map_or(code, |o| locale.text(&o.label))
}

pub(crate) fn words(locale: Locale) -> Words {
    match locale {
        Locale::Da => Words {
            outcome: |o| outcome_label(o, Locale::Da),
            tags: "Emneord",
            initiative: "Initiativ",
            date: "Dato",
            owner: "ansvarlig",
            review: "opfølgning",
            dash: " – ",
        },
        Locale::En => Words {
            outcome: |o| outcome_label(o, Locale::En),
            tags: "Tags",
            initiative: "Initiative",
            date: "Date",
            owner: "owner",
            review: "review",
            dash: " — ",
        },
    }
}

/// An answer in words: a text as written, or a list of lines.
pub(crate) enum Parts {
    Text(String),
    List(Vec<String>),
}

/// What comes between a label and its answer on one line: nothing after a question's "?".
fn after(label: &str) -> &'static str {
    if label.ends_with(['?', ':']) { "" } else { ":" }
}

/// The answer in words; `day` writes a `YYYY-MM-DD` date as the reader reads it.
pub(crate) fn parts(a: &DocumentAnswer, w: &Words, day: &dyn Fn(&str) -> String) -> Parts {
    match a {
        DocumentAnswer::Text { text } => Parts::Text(text.clone()),
        DocumentAnswer::Choice { choice } => Parts::Text(choice.label.clone()),
        DocumentAnswer::Choices { choices } => Parts::List(choices.iter().map(|c| c.label.clone()).collect()),
        DocumentAnswer::Scale { value, low, high } => Parts::Text(match (low, high) {
            (Some(l), Some(h)) => format!("{value} / 5 ({l} … {h})"),
            _ => format!("{value} / 5"),
        }),
        DocumentAnswer::Date { date } => Parts::Text(day(date)),
        DocumentAnswer::Roles { roles } => Parts::List(roles.clone()),
        DocumentAnswer::Participation { parts } => Parts::List(
            parts
                .iter()
                .map(|p| format!("{}{} {}", p.label, after(&p.label), p.choice.label))
                .collect(),
        ),
        DocumentAnswer::Actions { actions } => Parts::List(
            actions
                .iter()
                .map(|x| {
                    let mut line = x.text.clone();
                    if !x.owner.is_empty() {
                        line.push_str(&format!("{}{}: {}", w.dash, w.owner, x.owner));
                    }
                    if let Some(review) = &x.review_on {
                        line.push_str(&format!("{}{}: {}", w.dash, w.review, day(review)));
                    }
                    line
                })
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_words_are_the_guides() {
        assert_eq!(outcome_label("too_early", Locale::En), "Too early to tell");
        assert_eq!(outcome_label("too_early", Locale::Da), "For tidligt at sige");
        assert_eq!(outcome_label("failed", Locale::Da), "Mislykkedes");
        assert_eq!(outcome_label("not-an-outcome", Locale::En), "not-an-outcome");
    }
}
