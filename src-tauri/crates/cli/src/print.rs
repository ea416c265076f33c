//! What the commands print: a readable table by default, JSON for scripts.

use eftertanke_core::{Entry, EntrySummary, JournalInfo, TimelinePage};
use std::io::{self, Write};
use std::path::Path;

/// A one-line text as it may be printed: control characters shown as `\u{…}`, never sent to
/// the terminal raw (an older version stored what it was given).
fn line(text: &str) -> String {
    eftertanke_core::text_rules::printable(text)
}

/// A long text, its line breaks kept and every other control character shown.
fn long(text: &str) -> String {
    text.split('\n').map(line).collect::<Vec<_>>().join("\n")
}

pub fn entry_list(out: &mut impl Write, entries: &[EntrySummary], json: bool) -> io::Result<()> {
    for e in entries {
        if json {
            writeln!(out, "{}", serde_json::to_string(e).map_err(io::Error::other)?)?;
        } else {
            writeln!(
                out,
                "{}  {:<10}  {}  {}",
                e.occurred_on,
                e.outcome.code(),
                e.id,
                line(&e.title)
            )?;
        }
    }
    Ok(())
}

pub fn entry(out: &mut impl Write, entry: &Entry, json: bool) -> io::Result<()> {
    if json {
        return writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(entry).map_err(io::Error::other)?
        );
    }
    writeln!(out, "{}", line(&entry.title))?;
    writeln!(out, "date:     {}", entry.occurred_on)?;
    writeln!(out, "outcome:  {}", entry.outcome.code())?;
    writeln!(
        out,
        "guide:    {} v{}{}",
        entry.guide_id,
        entry.guide_version,
        if entry.completed_at.is_some() {
            ""
        } else {
            " (quick capture)"
        }
    )?;
    if let Some(level) = entry.participation.level {
        writeln!(
            out,
            "participation: {level} of 4 ({})",
            line(entry.participation.role.as_deref().unwrap_or("?"))
        )?;
    }
    writeln!(out, "id:       {}", entry.id)?;
    writeln!(
        out,
        "saved:    {} (revision {})",
        entry.updated_at.format("%Y-%m-%d %H:%M UTC"),
        entry.revision
    )?;
    for (heading, text) in [
        ("Expected", &entry.expectation),
        ("What happened", &entry.what_happened),
        ("Analysis", &entry.analysis),
        ("Learning", &entry.learning),
    ] {
        if !text.is_empty() {
            writeln!(out, "\n{heading}:\n{}", long(text))?;
        }
    }
    for action in &entry.actions {
        let review = action.review_on.map(|d| format!(", review {d}")).unwrap_or_default();
        writeln!(
            out,
            "- action: {} ({}{review}; {})",
            line(&action.text),
            line(&action.owner),
            action.status.code()
        )?;
    }
    Ok(())
}

/// One journal per line: its name (or "(no name)" for one from before names) and its id.
pub fn journals(out: &mut impl Write, journals: &[JournalInfo], json: bool) -> anyhow::Result<()> {
    for j in journals {
        if json {
            writeln!(out, "{}", serde_json::to_string(j)?)?;
        } else {
            writeln!(out, "{}\t{}", line(j.name.as_deref().unwrap_or("(no name)")), j.id)?;
        }
    }
    Ok(())
}

pub fn created(out: &mut impl Write, entry: &Entry) -> io::Result<()> {
    writeln!(out, "{}", entry.id)
}

pub fn demo_done(out: &mut impl Write, written: usize, db: &Path) -> io::Result<()> {
    writeln!(out, "wrote {written} demo entries to {}", db.display())
}

pub fn timeline(out: &mut impl Write, page: &TimelinePage, json: bool) -> io::Result<()> {
    if json {
        return writeln!(out, "{}", serde_json::to_string(page).map_err(io::Error::other)?);
    }
    for lane in &page.lanes {
        writeln!(
            out,
            "{}  ({} attempts, {})",
            line(&lane.initiative.title),
            lane.nodes.len(),
            lane.initiative.id
        )?;
        for node in &lane.nodes {
            let level = node
                .participation_level
                .map(|l| format!("level {l}"))
                .unwrap_or_else(|| "level ?".into());
            let chain = if node.follows_up_on.is_some() { "└ " } else { "• " };
            writeln!(
                out,
                "  {chain}{}  {:<10} {level:<8} {}",
                node.occurred_on,
                node.outcome.code(),
                line(&node.title)
            )?;
        }
    }
    if page.unplaced > 0 {
        writeln!(
            out,
            "({} entries belong to no initiative; see `eftertanke list`)",
            page.unplaced
        )?;
    }
    Ok(())
}
