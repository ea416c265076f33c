//! `eftertanke`: the command-line shell over the core. Parses arguments, calls one core
//! function per command, prints the result and maps errors to conventional exit codes.

mod args;
mod backups;
mod carry;
mod exit;
mod print;
mod search;
mod session;
mod space;
mod unlock;

use anyhow::Context;
use args::{Cli, Command, DemoLang, LinkArg};
use clap::Parser;
use eftertanke_core::Locale;
use eftertanke_core::reflection::demo;
use eftertanke_core::reflection::quick::QuickCapture;
use eftertanke_core::{EntryInput, Home, Place};
use std::io::{Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    // The core makes a meeting pack's data; Typst, here at the edge, lays it out.
    eftertanke_core::export::use_typesetter(Box::new(eftertanke_pdf::Typst));
    let cli = Cli::parse();
    let result = match &cli.command {
        // The guard needs no database, so it runs before (and without) opening one.
        Command::Scan { never_store } => scan(never_store),
        _ => run(cli).map(|()| ExitCode::SUCCESS),
    };
    result.unwrap_or_else(|err| exit::report(&err))
}

/// `eftertanke scan`: findings in standard input as JSON lines, char offsets.
fn scan(never_store: &[String]) -> anyhow::Result<ExitCode> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("reading the text from standard input")?;
    let text = String::from_utf8(bytes).map_err(|_| exit::NotText)?;
    let findings = eftertanke_core::privacy::scan(&text, never_store);
    let mut out = std::io::stdout().lock();
    for f in &findings {
        let line = serde_json::json!({
            "kind": f.kind.code(),
            "start": f.char_start,
            "end": f.char_end,
            "confidence": f.confidence.code(),
        });
        writeln!(out, "{line}")?;
    }
    out.flush()?;
    Ok(if findings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(exit::FOUND)
    })
}

fn run(cli: Cli) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    if let Command::Journals { new, json } = &cli.command {
        return journals(&mut out, new.as_deref(), *json);
    }
    let place = locate(&cli)?;
    // Commands on backups work on files, and must work when the database will not open.
    match &cli.command {
        Command::Restore { file, yes } => return backups::restore(&mut out, &place, file, *yes),
        Command::Verify { file } => return backups::verify(&mut out, &place, file.as_deref()),
        _ => {}
    }
    // Held until the command ends: the journal's shared lock, the key and the store.
    let mut journal = unlock::open(&place)?;
    if let Command::Backup { list } = cli.command {
        return backups::backup(&mut out, &journal, list);
    }
    let store = journal.store()?;
    match cli.command {
        Command::Restore { .. } | Command::Verify { .. } | Command::Backup { .. } | Command::Journals { .. } => {
            unreachable!("handled above")
        }
        Command::List { limit, json } => {
            let page = store.list_entries(None, limit)?;
            print::entry_list(&mut out, &page.entries, json)?;
        }
        Command::Show { id, json } => {
            let entry = store.get_entry_by_text(&id)?;
            print::entry(&mut out, &entry, json)?;
        }
        Command::Add {
            json,
            date,
            title,
            outcome,
            notes,
        } => {
            let input = if json {
                read_json_input()?
            } else {
                QuickCapture {
                    occurred_on: date,
                    title,
                    outcome,
                    notes,
                }
                .entry(chrono::Utc::now().date_naive())
            };
            let entry = store.create_entry(&input, None)?;
            print::created(&mut out, &entry)?;
        }
        Command::Timeline { filter, limit, json } => {
            let page = store.timeline_page(&filter.into(), None, limit)?;
            print::timeline(&mut out, &page, json)?;
        }
        Command::Search {
            query,
            filter,
            fold_aa,
            limit,
            json,
            rebuild,
        } => {
            if rebuild {
                search::rebuild(&mut out, store)?;
            } else {
                let request = eftertanke_core::search::SearchRequest {
                    text: query.unwrap_or_default(),
                    filter: filter.into(),
                    fold_aa,
                    limit: Some(limit),
                };
                search::search(&mut out, store, &request, json)?;
            }
        }
        Command::Export {
            format,
            out: path,
            ids,
            findings,
            encrypt,
            lang,
        } => carry::export(
            &mut out,
            store,
            carry::ExportArgs {
                format,
                out: path,
                ids,
                findings,
                encrypt,
                lang,
            },
        )?,
        Command::Import { file, accept_changes } => carry::import(&mut out, store, &file, accept_changes)?,
        Command::History { id, json } => {
            let entry = store.get_entry_by_text(&id)?;
            let history = store.entry_history(entry.id)?;
            if json {
                writeln!(out, "{}", serde_json::to_string(&history)?)?;
            } else {
                for v in &history {
                    let changed = if v.revision == 1 && v.changed.is_empty() {
                        "first version".to_owned()
                    } else if v.changed.is_empty() {
                        "no answer changed".to_owned()
                    } else {
                        format!("changed: {}", v.changed.join(", "))
                    };
                    writeln!(
                        out,
                        "revision {}  {}{}  {changed}",
                        v.revision,
                        v.saved_at.format("%Y-%m-%d %H:%M"),
                        if v.current { "  (now)" } else { "" }
                    )?;
                }
            }
        }
        Command::Link { from, to, kind } => {
            let kind = match kind {
                LinkArg::FollowsUp => eftertanke_core::LinkKind::FollowsUp,
                LinkArg::BuildsOn => eftertanke_core::LinkKind::BuildsOn,
                LinkArg::Related => eftertanke_core::LinkKind::Related,
            };
            let (from, to) = (store.get_entry_by_text(&from)?.id, store.get_entry_by_text(&to)?.id);
            let id = store.link_entries(from, to, kind)?;
            writeln!(out, "{id}")?;
        }
        Command::Demo {
            entries,
            initiatives,
            language,
            seed,
            reference_case,
        } => {
            let languages: &[Locale] = match language {
                DemoLang::Da => &[Locale::Da],
                DemoLang::En => &[Locale::En],
                DemoLang::Mixed => &Locale::ALL,
            };
            if reference_case {
                // Danish unless --language en.
                let locale = if matches!(language, DemoLang::En) {
                    Locale::En
                } else {
                    Locale::Da
                };
                let written = store.create_entries(&demo::reference_case(locale))?.len();
                print::demo_done(&mut out, written, store.path())?;
                return Ok(());
            }
            let today = chrono::Utc::now().date_naive();
            let initiatives = initiatives.unwrap_or_else(|| (entries / 50).clamp(1, 2_000));
            let mut ids = Vec::with_capacity(entries);
            // Batches keep memory flat at 100,000 entries; each batch is one durable transaction.
            for start in (0..entries).step_by(5_000) {
                let range = start..(start + 5_000).min(entries);
                let batch = demo::entries_range(entries, range, initiatives, languages, seed, today);
                ids.extend(store.create_entries(&batch)?);
            }
            store.link_many(&demo::follow_up_links(&ids, initiatives))?;
            print::demo_done(&mut out, ids.len(), store.path())?;
        }
        Command::Space { action } => space::run(&mut out, store, action)?,
        Command::Scan { .. } => unreachable!("scan runs from main, without a store"),
    }
    Ok(())
}

/// The journal: `--db PATH` (the key file beside it), else `EFTERTANKE_DATA_DIR`, else the one
/// `--journal` names among the OS data directory's (or the only one there). Nothing is created
/// here; the core makes the folder private when it does.
fn locate(cli: &Cli) -> anyhow::Result<Place> {
    match &cli.db {
        Some(path) => Ok(Place::file(path)),
        None => Ok(home()?.locate(cli.journal.as_deref())?),
    }
}

fn home() -> anyhow::Result<Home> {
    Home::from_env().context("no data directory: set EFTERTANKE_DATA_DIR or pass --db PATH")
}

/// `eftertanke journals`: the journals' names (and ids), or a new journal with `--new`.
fn journals(out: &mut impl Write, new: Option<&str>, json: bool) -> anyhow::Result<()> {
    let Home::Shelf(journals) = home()? else {
        anyhow::bail!(
            "{} names one journal's folder, so there are no journals to list or add: unset it to use several",
            eftertanke_core::data_dir::DATA_DIR_ENV
        );
    };
    if let Some(name) = new {
        let info = unlock::create_named(&journals, name)?;
        return print::journals(out, std::slice::from_ref(&info), json);
    }
    print::journals(out, &journals.list()?, json)
}

fn read_json_input() -> anyhow::Result<EntryInput> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .read_to_end(&mut bytes)
        .context("reading the entry from standard input")?;
    let text = String::from_utf8(bytes).map_err(|_| exit::NotText)?;
    serde_json::from_str(&text).map_err(|e| exit::MalformedJson(e.to_string()).into())
}
