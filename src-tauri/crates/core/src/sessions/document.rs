//! A session as a Markdown document, in Danish or English: to print, to save beside the
//! team's minutes, to hand to someone who was not there. Roles, never names, for the entries;
//! owners by their display names in the space, as the team sees them.

use super::read::{ItemStatus, ItemView, SessionView};
use crate::error::{Error, Problem, Result};
use crate::guide::TeamGuide;
use crate::locale::Locale;
use crate::store::Store;
use crate::written::literal;
use std::fmt::Write;
use std::path::{Path, PathBuf};

struct Words {
    title: &'static str,
    held: &'static str,
    last_time: &'static str,
    nothing_carried: &'static str,
    material: &'static str,
    no_material: &'static str,
    not_received: &'static str,
    across: &'static str,
    improvement: &'static str,
    actions: &'static str,
    no_actions: &'static str,
    owner: &'static str,
    review: &'static str,
    status: [&'static str; 4],
    /// Before why an item was dropped: the short dash with spaces in Danish (docs/sprog.md).
    dash: &'static str,
    /// A `YYYY-MM-DD` day as the document writes it.
    day: fn(&str) -> String,
}

/// A day in words, as Danish writes it: "12. marts 2026" (docs/sprog.md).
fn da_day(day: &str) -> String {
    crate::written::day_text(day, Locale::Da)
}

/// A day as it is stored, "2026-03-12", as the English document writes it.
fn en_day(day: &str) -> String {
    day.to_owned()
}

const DA: Words = Words {
    title: "Refleksionsmøde",
    held: "Holdt",
    last_time: "Fra sidst",
    nothing_carried: "Intet var åbent fra sidst.",
    material: "Materialet",
    no_material: "Ingen refleksioner var taget med på mødet.",
    not_received: "en refleksion, som denne computer ikke har modtaget",
    across: "På tværs af forsøgene",
    improvement: "Teamets forbedring",
    actions: "Handlinger",
    no_actions: "Ingen handlinger.",
    owner: "ansvarlig",
    review: "følges op",
    status: ["åben", "fortsætter", "gennemført", "droppet"],
    dash: " – ",
    day: da_day,
};

const EN: Words = Words {
    title: "Reflection session",
    held: "Held",
    last_time: "Last time",
    nothing_carried: "Nothing was open from last time.",
    material: "The material",
    no_material: "No reflections were taken to the session.",
    not_received: "a reflection this computer has not received",
    across: "Across the attempts",
    improvement: "The team's improvement",
    actions: "Actions",
    no_actions: "No actions.",
    owner: "owner",
    review: "review",
    status: ["open", "continue", "done", "dropped"],
    dash: " — ",
    day: en_day,
};

fn status(w: &Words, s: ItemStatus) -> &'static str {
    match s {
        ItemStatus::Open => w.status[0],
        ItemStatus::Continue => w.status[1],
        ItemStatus::Done => w.status[2],
        ItemStatus::Dropped => w.status[3],
    }
}

fn item_line(w: &Words, i: &ItemView) -> String {
    format!(
        "{} ({}: {}; {}: {})",
        literal(&i.text),
        w.owner,
        literal(&i.owner),
        w.review,
        (w.day)(&i.review_on)
    )
}

/// The Markdown of one session.
pub fn markdown(session: &SessionView, locale: Locale) -> String {
    let w = match locale {
        Locale::Da => &DA,
        Locale::En => &EN,
    };
    let guide = TeamGuide::builtin();
    let mut md = String::new();
    let held_on = (w.day)(&session.held_on);
    let _ = writeln!(md, "# {} {held_on}\n", w.title);
    let _ = writeln!(md, "{}: {held_on}\n", w.held);
    let _ = writeln!(md, "## 1. {}\n", w.last_time);
    if session.carried.is_empty() {
        let _ = writeln!(md, "{}\n", w.nothing_carried);
    }
    for c in &session.carried {
        let why = if c.why.is_empty() {
            String::new()
        } else {
            format!("{}{}", w.dash, literal(&c.why))
        };
        let _ = writeln!(md, "- {}: **{}**{why}", literal(&c.text), status(w, c.status));
    }
    let _ = writeln!(md, "\n## 2. {}\n", w.material);
    if session.material.is_empty() {
        let _ = writeln!(md, "{}\n", w.no_material);
    }
    for m in &session.material {
        let title = if m.received {
            literal(&m.title)
        } else {
            format!("({})", w.not_received)
        };
        let _ = writeln!(md, "### {title}\n");
        let facts: Vec<String> = [m.role.clone(), m.outcome.clone(), m.level.map(|l| format!("{l}/4"))]
            .into_iter()
            .flatten()
            .map(|f| literal(&f))
            .collect();
        if !facts.is_empty() {
            let _ = writeln!(md, "{}\n", facts.join(" · "));
        }
        if !m.note.is_empty() {
            let _ = writeln!(md, "{}\n", literal(&m.note));
        }
    }
    let _ = writeln!(md, "## 3. {}\n", w.across);
    for a in &session.answers {
        let label = guide
            .question(&a.question)
            .map(|q| locale.text(&q.label).to_owned())
            .unwrap_or_else(|| a.question.clone());
        let _ = writeln!(md, "### {}\n\n{}\n", literal(&label), literal(&a.text));
    }
    let _ = writeln!(md, "## 4. {}\n", w.improvement);
    if let Some(i) = &session.improvement {
        let _ = writeln!(md, "{}\n", item_line(w, i));
    }
    let _ = writeln!(md, "## 5. {}\n", w.actions);
    if session.actions.is_empty() {
        let _ = writeln!(md, "{}", w.no_actions);
    }
    for a in &session.actions {
        let _ = writeln!(md, "- {}", item_line(w, a));
    }
    md
}

impl Store {
    /// The session `id` of `space` as a Markdown document in `locale`.
    pub fn session_markdown(&self, space: &str, id: &str, locale: Locale) -> Result<String> {
        Ok(markdown(&self.session_view(space, id)?, locale))
    }

    /// Saves the session's document at `path` (a whole file or none: a full disk or a
    /// read-only folder leaves nothing under that name). The path must be absolute.
    pub fn save_session_markdown(&self, space: &str, id: &str, locale: Locale, path: &Path) -> Result<()> {
        if !path.is_absolute() || path.file_name().is_none() {
            return Err(Error::invalid(
                "path",
                Problem::Malformed,
                "give the whole path of the file to save, such as /home/you/Documents/session.md",
            ));
        }
        let md = self.session_markdown(space, id, locale)?;
        crate::files::atomic_file::write(path, md.as_bytes())
    }
}

/// Where a session's document is offered to be saved: the person's Documents folder (or
/// Dokumenter), else their home folder, with a name from the day it was held.
pub fn suggested_document_path(held_on: &str, locale: Locale) -> PathBuf {
    let dir = crate::files::documents_dir();
    let name = match locale {
        Locale::Da => "refleksionsmoede",
        Locale::En => "reflection-session",
    };
    dir.join(format!("{name}-{held_on}.md"))
}
