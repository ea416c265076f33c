//! `eftertanke space mark|actions|session|agenda|sessions|session-doc`: the team's reflection
//! session from the command line, through the same core calls and rules as the window.

use crate::args::{DocLang, MarkArg, SpaceCommand};
use crate::exit;
use anyhow::Context;
use eftertanke_core::Locale;
use eftertanke_core::Store;
use eftertanke_core::sessions::{ItemKind, ItemStatus, ItemView, SessionDraft};
use eftertanke_core::spaces::Mark;
use eftertanke_core::text_rules::printable;
use std::io::{Read, Write};

pub fn run(out: &mut impl Write, store: &mut Store, cmd: SpaceCommand) -> anyhow::Result<()> {
    match cmd {
        SpaceCommand::Mark {
            space,
            shared_id,
            mark,
            off,
        } => {
            let mark = match mark {
                MarkArg::Agenda => Mark::Agenda,
                MarkArg::Seen => Mark::Seen,
            };
            store.mark_shared(&space, &shared_id, mark, !off)?;
        }
        SpaceCommand::Actions { space, json } => {
            let items = store.space_actions(&space)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&items)?)?;
            } else {
                for i in &items {
                    item_line(out, i)?;
                }
            }
        }
        SpaceCommand::Session {
            space,
            json: _,
            accept_findings,
        } => {
            let draft = read_session()?;
            writeln!(out, "{}", store.record_session(&space, &draft, accept_findings)?)?;
        }
        SpaceCommand::Agenda { space, json } => {
            let agenda = store.session_agenda(&space)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&agenda)?)?;
            } else {
                writeln!(out, "Last time (each needs a status):")?;
                for i in &agenda.carried {
                    item_line(out, i)?;
                }
                writeln!(out, "Taken to the session:")?;
                for e in &agenda.material {
                    writeln!(out, "  {} {}", e.id, printable(&e.title))?;
                }
            }
        }
        SpaceCommand::Sessions { space, json } => {
            let sessions = store.space_sessions(&space)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&sessions)?)?;
            } else {
                for s in &sessions {
                    let improvement = s.improvement.as_ref().map(|i| printable(&i.text)).unwrap_or_default();
                    writeln!(
                        out,
                        "{} held {}: improvement \"{improvement}\", {} action(s), {} entr(ies) gone through",
                        s.id,
                        s.held_on,
                        s.actions.len(),
                        s.material.len()
                    )?;
                }
            }
        }
        SpaceCommand::SessionDoc {
            space,
            session_id,
            lang,
            out: file,
        } => {
            let locale = if lang == DocLang::En { Locale::En } else { Locale::Da };
            match file {
                Some(path) => {
                    let path = std::path::absolute(&path).with_context(|| format!("finding {}", path.display()))?;
                    store.save_session_markdown(&space, &session_id, locale, &path)?;
                }
                None => write!(out, "{}", store.session_markdown(&space, &session_id, locale)?)?,
            }
        }
        _ => unreachable!("space.rs hands only the session's commands here"),
    }
    Ok(())
}

fn item_line(out: &mut impl Write, i: &ItemView) -> std::io::Result<()> {
    let kind = match i.kind {
        ItemKind::Action => "action",
        ItemKind::Improvement => "improvement",
    };
    let status = match i.status {
        ItemStatus::Open => "open",
        ItemStatus::Continue => "continue",
        ItemStatus::Done => "done",
        ItemStatus::Dropped => "dropped",
    };
    writeln!(
        out,
        "  {} {kind} [{status}] {} (owner {}{}, review {})",
        i.id,
        printable(&i.text),
        printable(&i.owner),
        if i.owner_is_me { ", you" } else { "" },
        i.review_on
    )
}

fn read_session() -> anyhow::Result<SessionDraft> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("reading the session from standard input")?;
    let text = String::from_utf8(bytes).map_err(|_| exit::NotText)?;
    serde_json::from_str(&text).map_err(|e| exit::MalformedJson(e.to_string()).into())
}
