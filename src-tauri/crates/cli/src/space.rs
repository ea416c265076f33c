//! `eftertanke space …`: reflection spaces from the command line, one core call per command.

use crate::args::{ScopeArg, SpaceCommand};
use anyhow::Context;
use eftertanke_core::Outcome;
use eftertanke_core::Store;
use eftertanke_core::spaces::Scope;
use eftertanke_core::spaces::{Audience, ChainProblem, FileProblem, ReviewFilter, SyncReport};
use eftertanke_core::text_rules::printable;
use std::io::{Read, Write};

pub fn run(out: &mut impl Write, store: &mut Store, action: SpaceCommand) -> anyhow::Result<()> {
    match action {
        SpaceCommand::Create {
            name,
            folder,
            lead_name,
        } => {
            writeln!(out, "{}", store.create_space(&name, &lead_name, &folder)?)?;
        }
        SpaceCommand::Card { name, code } => {
            let card = match name {
                Some(name) => store.member_card(&name)?,
                None => store
                    .latest_member_card()?
                    .context("no member card yet: make one with --name (a role or a first name)")?,
            };
            writeln!(out, "{}", if code { card.to_code() } else { card.to_json() })?;
            eprintln!(
                "fingerprint: {} (compare it aloud with the facilitator)",
                card.fingerprint
            );
        }
        SpaceCommand::Invite { space, card } => {
            let text = if card.as_os_str() == "-" {
                from_stdin("the card")?
            } else {
                std::fs::read_to_string(&card).with_context(|| format!("reading the card {}", card.display()))?
            };
            let epoch = store.invite_member(&space, &text)?;
            writeln!(out, "added; the roster is now at epoch {epoch}")?;
        }
        SpaceCommand::Remove { space, member } => {
            let epoch = store.remove_member(&space, &member)?;
            writeln!(
                out,
                "removed; the roster is now at epoch {epoch}. Copies the member already read cannot be recalled."
            )?;
        }
        SpaceCommand::Join { folder, lead } => {
            let joined = store.join_spaces(&folder, &lead)?;
            if joined.is_empty() {
                writeln!(
                    out,
                    "no space in that folder names this journal yet (has the lead added your card?)"
                )?;
            }
            for id in joined {
                writeln!(out, "{id}")?;
            }
        }
        SpaceCommand::Share {
            space,
            entries,
            scope,
            accept_findings,
            now,
        } => {
            store.send_anonymous_at_once(now);
            let ids = entries
                .iter()
                .map(|e| store.get_entry_by_text(e).map(|e| e.id))
                .collect::<Result<Vec<_>, _>>()?;
            let scope = match scope {
                ScopeArg::Named => Scope::Named,
                ScopeArg::Anonymous => Scope::Anonymous,
                ScopeArg::Aggregate => Scope::Aggregate,
            };
            for id in store.share_entries(&space, &ids, scope, accept_findings)? {
                writeln!(out, "{id}")?;
            }
        }
        SpaceCommand::SendWaiting { space } => {
            let n = store.send_waiting_now(&space)?;
            writeln!(out, "wrote {n} waiting file(s) without a name")?;
        }
        SpaceCommand::Withdraw { space, shared_id, now } => {
            store.send_anonymous_at_once(now);
            store.withdraw_share(&space, &shared_id)?;
            writeln!(out, "withdrawn. Copies colleagues already read cannot be recalled.")?;
        }
        SpaceCommand::Sync {
            space,
            allow_mass_withdrawal,
            json,
        } => {
            for (s, report) in store.sync_spaces(space.as_deref(), allow_mass_withdrawal)? {
                match (json, report) {
                    (true, report) => writeln!(out, "{}", serde_json::json!({"space": s, "report": report}))?,
                    (false, Some(report)) => sync_report(out, &s, &report)?,
                    (false, None) => writeln!(out, "{s}: the folder is not there (connect it); not read")?,
                }
            }
        }
        SpaceCommand::Entries { space, json } => {
            for e in store.space_entries(&space)? {
                if json {
                    writeln!(out, "{}", serde_json::to_string(&e)?)?;
                } else {
                    let who = e.author.as_deref().unwrap_or("(anonymous)");
                    writeln!(
                        out,
                        "{}  {}  {:<10} {}  {}{}",
                        e.id,
                        e.occurred_on,
                        e.outcome.as_deref().unwrap_or("-"),
                        printable(&e.title),
                        printable(who),
                        if e.conflict { "  [two versions]" } else { "" }
                    )?;
                }
            }
        }
        SpaceCommand::Status { space, json } => {
            for status in store.space_statuses(space.as_deref())? {
                if json {
                    writeln!(out, "{}", serde_json::to_string(&status)?)?;
                    continue;
                }
                writeln!(
                    out,
                    "{} ({}), roster epoch {}",
                    printable(&status.space.name),
                    status.space.id,
                    status.space.epoch
                )?;
                writeln!(
                    out,
                    "  folder: {}{}",
                    status.space.folder.display(),
                    if status.folder_present {
                        ""
                    } else {
                        " — NOT THERE (connect it)"
                    }
                )?;
                writeln!(
                    out,
                    "  lead's fingerprint: {} (a newcomer confirms it: space join --lead)",
                    status.space.lead_fingerprint
                )?;
                if status.removed {
                    writeln!(out, "  this journal was removed from the space")?;
                }
                for m in &status.members {
                    writeln!(
                        out,
                        "  {}{}{}  {}",
                        printable(&m.name),
                        if m.lead { " (facilitator)" } else { "" },
                        if m.me { " (you)" } else { "" },
                        m.fingerprint
                    )?;
                }
                writeln!(
                    out,
                    "  shared: {}, only as counts (released): {}, last read: {}",
                    status.shared,
                    status.aggregate,
                    status.last_read_at.as_deref().unwrap_or("never")
                )?;
                if let Some(r) = &status.retention {
                    writeln!(
                        out,
                        "  kept for {} months (set by the facilitator); {} go within 30 days{}",
                        r.months,
                        r.due_soon,
                        r.next_on
                            .as_deref()
                            .map(|d| format!(", the first on {d}"))
                            .unwrap_or_default()
                    )?;
                }
                if status.waiting > 0 {
                    writeln!(
                        out,
                        "  {} of your files without a name wait for a random moment within the next hours \
                         (so their time points at nobody)",
                        status.waiting
                    )?;
                }
                if status.to_remove > 0 {
                    writeln!(
                        out,
                        "  {} of your withdrawn files could not be removed from the folder yet; \
                         the next read tries again",
                        status.to_remove
                    )?;
                }
                for m in &status.missing {
                    writeln!(out, "  missing: bundle {} from {}", m.seq, printable(&m.member))?;
                }
                for c in &status.chain_breaks {
                    let what = match c.problem {
                        ChainProblem::Fork => "two different bundles carry this number",
                        ChainProblem::Unlinked => "it does not follow on from the bundle before it",
                    };
                    writeln!(
                        out,
                        "  chain broken: bundle {} from {}: {what} (read all the same; the journal may be in use on two computers, or restored from a backup)",
                        c.seq,
                        printable(&c.member)
                    )?;
                }
                for h in &status.held_back {
                    writeln!(out, "  held back by the guard: {} ({})", h.id, printable(&h.reason))?;
                }
                for epoch in &status.roster_forks {
                    writeln!(
                        out,
                        "  two different rosters of epoch {epoch}, both signed by the lead (the lead's journal used on two computers, or restored from a backup): the lead settles it by adding or removing a member once more, which writes a newer roster everyone takes"
                    )?;
                }
                refusals(out, &status.rejected, status.not_ours)?;
            }
        }
        SpaceCommand::Timeline { space, json } => {
            let timeline = store.space_timeline(&space)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&timeline)?)?;
            } else {
                for lane in &timeline.lanes {
                    let name = lane
                        .initiative
                        .as_deref()
                        .map_or("(no initiative named)".to_owned(), printable);
                    writeln!(out, "{name}")?;
                    for n in &lane.nodes {
                        let level = n.participation_level.map_or("-".to_owned(), |l| l.to_string());
                        writeln!(
                            out,
                            "  {:<10}  {:<10} level {level}  {}  ({})",
                            n.occurred_on,
                            n.outcome.as_deref().unwrap_or("-"),
                            printable(&n.title),
                            n.author.as_deref().map_or("anonymous".to_owned(), printable)
                        )?;
                    }
                }
                writeln!(
                    out,
                    "({} contributions shared only as counts, counted apart; {} in cells of fewer than 3, not shown)",
                    timeline.aggregate, timeline.withheld
                )?;
            }
        }
        SpaceCommand::Comment {
            space,
            shared_id,
            text,
            author_only,
            reply_to,
            accept_findings,
        } => {
            let text = if text == "-" { from_stdin("the comment")? } else { text };
            let audience = if author_only { Audience::Author } else { Audience::Team };
            let id = store.comment(
                &space,
                &shared_id,
                reply_to.as_deref(),
                &text,
                audience,
                accept_findings,
            )?;
            writeln!(out, "{id}")?;
        }
        SpaceCommand::Comments { space, shared_id, json } => {
            let comments = store.space_comments(&space, &shared_id)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&comments)?)?;
            } else {
                for c in &comments {
                    let to = match c.audience {
                        Audience::Team => "to the team",
                        Audience::Author => "to the author only",
                    };
                    let indent = if c.reply_to.is_some() { "    " } else { "" };
                    writeln!(
                        out,
                        "{indent}{} {}, {to}{}: {}",
                        c.written_at,
                        printable(&c.author),
                        if c.mine { " (you)" } else { "" },
                        c.text
                            .lines()
                            .map(printable)
                            .collect::<Vec<_>>()
                            .join(&format!("\n{indent}  "))
                    )?;
                }
            }
        }
        SpaceCommand::Review {
            space,
            initiative,
            outcome,
            level,
            json,
        } => {
            let outcome = outcome
                .map(|o| {
                    o.parse::<Outcome>().map_err(|()| {
                        eftertanke_core::Error::invalid(
                            "outcome",
                            eftertanke_core::Problem::UnknownValue,
                            format!(
                                "'{}' is not an outcome: failed, partly, succeeded or too_early",
                                printable(&o)
                            ),
                        )
                    })
                })
                .transpose()?;
            let filter = ReviewFilter {
                initiative,
                outcome,
                level,
            };
            let queue = store.review_queue(&space, &filter)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&queue)?)?;
            } else {
                writeln!(
                    out,
                    "{} to review (last gone through: {})",
                    queue.items.len(),
                    queue.reviewed_at.as_deref().unwrap_or("never")
                )?;
                for item in &queue.items {
                    let e = &item.entry;
                    writeln!(
                        out,
                        "{}  {}  {:<10} {}  ({})",
                        e.id,
                        e.occurred_on,
                        e.outcome.as_deref().unwrap_or("-"),
                        printable(&e.title),
                        e.author.as_deref().map_or("without a name".to_owned(), printable)
                    )?;
                }
            }
        }
        cmd @ (SpaceCommand::Mark { .. }
        | SpaceCommand::Actions { .. }
        | SpaceCommand::Session { .. }
        | SpaceCommand::Agenda { .. }
        | SpaceCommand::Sessions { .. }
        | SpaceCommand::SessionDoc { .. }) => crate::session::run(out, store, cmd)?,
        SpaceCommand::Retention { space, months, .. } => {
            store.set_retention(&space, months)?;
            match months {
                Some(m) => writeln!(out, "what is shared in the space is kept for {m} months")?,
                None => writeln!(
                    out,
                    "what is shared in the space is kept for as long as the space exists"
                )?,
            }
        }
        SpaceCommand::Reviewed { space } => {
            store.mark_reviewed(&space, None)?;
            writeln!(out, "gone through: the review starts empty again")?;
        }
        SpaceCommand::Counts { space, json } => {
            let counts = store.space_counts(&space)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&counts)?)?;
            } else {
                for c in &counts.cells {
                    let level = c.level.map_or("-".to_owned(), |l| l.to_string());
                    writeln!(out, "{:<10} level {level}  {}", c.outcome, c.count)?;
                }
                writeln!(
                    out,
                    "({} contributions in cells of fewer than 3, not shown)",
                    counts.withheld
                )?;
                match &counts.counts_only {
                    None => writeln!(out, "shared only as counts: nothing released yet")?,
                    Some(c) => {
                        writeln!(out, "shared only as counts (released {}):", c.released_on)?;
                        for cell in &c.cells {
                            let level = cell.level.map_or("-".to_owned(), |l| l.to_string());
                            writeln!(out, "{:<10} level {level}  {}", cell.outcome, cell.count)?;
                        }
                        writeln!(
                            out,
                            "({} of {} contributions in cells of fewer than 3 people, not shown)",
                            c.withheld, c.contributions
                        )?;
                    }
                }
            }
        }
        SpaceCommand::ExportBundle { space, out: dir } => {
            let n = store.export_bundles(&space, &dir)?;
            writeln!(out, "copied {n} bundle(s) to {}", dir.display())?;
        }
        SpaceCommand::ImportBundle {
            space,
            file,
            allow_mass_withdrawal,
        } => {
            let report = store.import_bundle_file(&space, &file, allow_mass_withdrawal)?;
            sync_report(out, &space, &report)?;
            if let Some(p) = report.rejected.first() {
                let why = format!("the bundle was not read: {}", p.reason);
                return Err(eftertanke_core::Error::invalid("file", eftertanke_core::Problem::Malformed, why).into());
            }
        }
        SpaceCommand::Move { space, folder } => {
            store.move_space_folder(&space, &folder)?;
            writeln!(out, "the space is read from {} now", folder.display())?;
        }
    }
    Ok(())
}

/// All of standard input, for an argument given as `-`.
fn from_stdin(what: &str) -> anyhow::Result<String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .with_context(|| format!("reading {what} from standard input"))?;
    Ok(text)
}

fn sync_report(out: &mut impl Write, space: &str, r: &SyncReport) -> std::io::Result<()> {
    writeln!(
        out,
        "{space}: {} new bundle(s) with {} record(s), {} roster(s); {} unchanged, {} still arriving",
        r.bundles, r.records, r.rosters, r.unchanged, r.waiting
    )?;
    if r.cut {
        writeln!(
            out,
            "  the folder holds more than {} files in one place; only so many were read — move what is not the team's out of it",
            eftertanke_core::spaces::folder::MAX_FILES_LISTED
        )?;
    }
    refusals(out, &r.rejected, r.not_ours)
}

/// The most refused files listed one by one; `--json` lists them all.
const LISTED_REFUSALS: usize = 20;

/// The refused files, at most [`LISTED_REFUSALS`] by name, and the things in the folder that
/// are not Eftertanke's as one line.
fn refusals(out: &mut impl Write, rejected: &[FileProblem], not_ours: usize) -> std::io::Result<()> {
    for p in rejected.iter().take(LISTED_REFUSALS) {
        writeln!(out, "  refused: {}: {}", p.name, p.reason)?;
    }
    if rejected.len() > LISTED_REFUSALS {
        writeln!(
            out,
            "  … and {} more refused file(s) (--json lists them all)",
            rejected.len() - LISTED_REFUSALS
        )?;
    }
    if not_ours > 0 {
        writeln!(
            out,
            "  {not_ours} file(s) in the space's folder are not Eftertanke's; they were left alone"
        )?;
    }
    Ok(())
}
