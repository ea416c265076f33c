//! `eftertanke export` and `import`: the journal taken with you, and brought back.

use crate::args::{DocLang, ExportFormatArg, FindingsArg};
use anyhow::Context;
use eftertanke_core::export::{ExportFormat, ExportRequest, FindingsChoice};
use eftertanke_core::text_rules::printable;
use eftertanke_core::{EntryId, Locale, Secret, Store};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The passphrase of an encrypted copy, for scripts and tests.
pub const EXPORT_PASSPHRASE_ENV: &str = "EFTERTANKE_EXPORT_PASSPHRASE";

pub struct ExportArgs {
    pub format: ExportFormatArg,
    pub out: PathBuf,
    pub ids: Vec<String>,
    pub findings: FindingsArg,
    pub encrypt: bool,
    pub lang: DocLang,
}

pub fn export(out: &mut impl Write, store: &Store, a: ExportArgs) -> anyhow::Result<()> {
    let entries = a
        .ids
        .iter()
        .map(|id| store.get_entry_by_text(id).map(|e| e.id))
        .collect::<Result<Vec<EntryId>, _>>()?;
    let findings = match a.findings {
        FindingsArg::Refuse => FindingsChoice::Refuse,
        FindingsArg::Keep => FindingsChoice::Keep,
        FindingsArg::Replace => FindingsChoice::Replace,
        FindingsArg::LeaveOut => FindingsChoice::LeaveOut,
    };
    let mut err = io::stderr().lock();
    if findings == FindingsChoice::Refuse {
        let found = store.export_findings(&entries)?;
        for f in &found {
            let place = f
                .question
                .as_deref()
                .map_or("tags".to_owned(), |q| format!("answers.{q}"));
            let _ = writeln!(
                err,
                "  {} in {:?} ({place}): {}",
                f.kind.code(),
                eftertanke_core::text_rules::printable(&f.title),
                eftertanke_core::text_rules::printable(&f.text)
            );
        }
    }
    let passphrase = if a.encrypt { Some(new_passphrase()?) } else { None };
    let request = ExportRequest {
        format: match a.format {
            ExportFormatArg::Json => ExportFormat::Json,
            ExportFormatArg::Md => ExportFormat::Markdown,
            ExportFormatArg::Pdf => ExportFormat::Pdf,
        },
        entries,
        path: absolute(&a.out)?,
        findings,
        locale: match a.lang {
            DocLang::Da => Locale::Da,
            DocLang::En => Locale::En,
        },
        passphrase,
    };
    let laying_out = request.format == ExportFormat::Pdf;
    let report = store.export(&request, &mut |p| {
        let then = if laying_out && p.done == p.total {
            ", laying out the pages"
        } else {
            ""
        };
        let _ = write!(err, "\rExporting {} of {} entries{then}", p.done, p.total);
        true
    })?;
    let _ = writeln!(err);
    for f in &report.files {
        writeln!(out, "{}", f.display())?;
    }
    let mut note = format!("{} entries exported", report.entries);
    if report.left_out > 0 {
        note.push_str(&format!(", {} left out for personal data", report.left_out));
    }
    if report.replaced > 0 {
        note.push_str(&format!(", {} findings replaced by role labels", report.replaced));
    }
    if report.encrypted {
        note.push_str(", encrypted with the passphrase");
    } else {
        note.push_str(". The file is not encrypted: anyone who can open it can read the entries");
    }
    let _ = writeln!(err, "{note}.");
    Ok(())
}

pub fn import(out: &mut impl Write, store: &mut Store, file: &Path, accept_changes: bool) -> anyhow::Result<()> {
    let passphrase = match std::env::var(EXPORT_PASSPHRASE_ENV) {
        Ok(p) => Some(Secret::new(p)),
        Err(_) if is_encrypted(file) && io::IsTerminal::is_terminal(&io::stdin()) => Some(Secret::new(
            rpassword::prompt_password("Passphrase of the encrypted copy: ").context("reading the passphrase")?,
        )),
        Err(_) => None,
    };
    // What the file would change here, named before anything is written.
    let preview = store.import_preview_file(file, passphrase.as_ref())?;
    if !preview.changes.is_empty() {
        writeln!(out, "{} entr(ies) here would change:", preview.changes.len())?;
        for c in &preview.changes {
            let retitled = c
                .title_in_file
                .as_deref()
                .map(|t| format!(" → \"{}\"", printable(t)))
                .unwrap_or_default();
            writeln!(
                out,
                "  {}  {}  \"{}\"{retitled}: {}",
                c.id,
                c.occurred_on,
                printable(&c.title),
                c.changed.join(", ")
            )?;
        }
        if !accept_changes {
            writeln!(
                out,
                "They were left as they are; run again with --accept-changes to take the file's versions (the versions replaced stay in each entry's history)."
            )?;
        }
    }
    let accept: Vec<_> = if accept_changes {
        preview.changes.iter().map(|c| c.id).collect()
    } else {
        Vec::new()
    };
    let mut err = io::stderr().lock();
    let r = store.import_file(file, passphrase.as_ref(), &accept, &mut |p| {
        let _ = write!(err, "\rImporting {} of {} entries", p.done, p.total);
        true
    })?;
    let _ = writeln!(err);
    writeln!(
        out,
        "{} added, {} updated, {} left as they are, {} already here, {} deleted here and left deleted; {} initiatives, {} links.",
        r.added, r.updated, r.declined, r.unchanged, r.deleted_here, r.initiatives, r.links
    )?;
    Ok(())
}

fn is_encrypted(file: &Path) -> bool {
    std::fs::File::open(file)
        .and_then(|mut f| {
            let mut head = [0u8; 21];
            std::io::Read::read_exact(&mut f, &mut head).map(|()| head)
        })
        .is_ok_and(|head| &head == b"age-encryption.org/v1")
}

fn new_passphrase() -> anyhow::Result<Secret> {
    if let Ok(p) = std::env::var(EXPORT_PASSPHRASE_ENV) {
        return Ok(Secret::new(p));
    }
    if !io::IsTerminal::is_terminal(&io::stdin()) {
        anyhow::bail!("--encrypt needs a passphrase: set {EXPORT_PASSPHRASE_ENV} or run the command in a terminal");
    }
    let first = rpassword::prompt_password("Passphrase for the encrypted copy: ").context("reading the passphrase")?;
    let again = rpassword::prompt_password("The same passphrase again: ").context("reading the passphrase")?;
    if first != again {
        anyhow::bail!("the two passphrases differ; nothing was written");
    }
    Ok(Secret::new(first))
}

fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    if path.is_absolute() {
        return Ok(path.to_path_buf());
    }
    Ok(std::env::current_dir()
        .context("finding the current folder")?
        .join(path))
}
