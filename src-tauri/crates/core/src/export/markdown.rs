//! Entries as Markdown: the guide's questions as headings, each answer in words (the entry's
//! document, as the window shows it), and a person's words always literal — they never become
//! headings, lists, links or markup. With front matter (one file per entry) or without (many
//! entries in one file).

use super::words::{Parts, Words, parts, words};
use crate::locale::Locale;
use crate::reflection::document::{DocumentAnswer, EntryDocument};
use crate::reflection::entry::Entry;
use crate::written::literal;

/// A `YYYY-MM-DD` day as the reader of the text reads it: in words in Danish ("12. marts 2026",
/// docs/sprog.md), as written in English. The front matter keeps the day as data.
fn markdown_day(text: &str, locale: Locale) -> String {
    match locale {
        Locale::Da => crate::written::day_text(text, locale),
        Locale::En => text.to_owned(),
    }
}

fn answer(a: &DocumentAnswer, w: &Words, day: &dyn Fn(&str) -> String) -> String {
    match parts(a, w, day) {
        Parts::Text(text) => literal(&text),
        Parts::List(lines) => lines
            .iter()
            .map(|l| format!("- {}", literal(l)))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// A YAML value that is any text, quoted (JSON strings are YAML strings).
fn yaml(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// One entry as Markdown. `front_matter`: the entry's facts as YAML first (a file of its own);
/// else they are a line under its heading (one of many in a file).
pub fn entry(entry: &Entry, doc: &EntryDocument, locale: Locale, front_matter: bool) -> String {
    let w = words(locale);
    let mut out = String::new();
    let outcome = (w.outcome)(entry.outcome.code());
    if front_matter {
        out.push_str("---\n");
        out.push_str(&format!("id: {}\n", entry.id));
        out.push_str(&format!("date: {}\n", entry.occurred_on));
        out.push_str(&format!("title: {}\n", yaml(&entry.title)));
        out.push_str(&format!("outcome: {}\n", entry.outcome.code()));
        if let Some(i) = &entry.initiative {
            out.push_str(&format!("initiative: {}\n", yaml(i)));
        }
        let tags: Vec<String> = entry.tags.iter().map(|t| yaml(t)).collect();
        out.push_str(&format!("tags: [{}]\n", tags.join(", ")));
        out.push_str(&format!("guide: {} {}\n", entry.guide_id, entry.guide_version));
        out.push_str(&format!("revision: {}\n", entry.revision));
        out.push_str("---\n\n");
    }
    out.push_str(&format!("# {}\n\n", literal(&entry.title)));
    let on_day = |d: &str| markdown_day(d, locale);
    let occurred = on_day(&entry.occurred_on.to_string());
    let mut facts = vec![format!("{}: {}", w.date, occurred), outcome.to_owned()];
    if let Some(i) = &entry.initiative {
        facts.push(format!("{}: {}", w.initiative, literal(i)));
    }
    if !entry.tags.is_empty() {
        let tags: Vec<String> = entry.tags.iter().map(|t| literal(t)).collect();
        facts.push(format!("{}: {}", w.tags, tags.join(", ")));
    }
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
    for section in &doc.sections {
        out.push_str(&format!("## {}\n\n", literal(&section.title)));
        for item in &section.items {
            out.push_str(&format!(
                "### {}\n\n{}\n\n",
                literal(&item.label),
                answer(&item.answer, &w, &on_day)
            ));
        }
    }
    out
}
