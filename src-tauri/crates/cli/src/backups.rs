//! `eftertanke backup`, `restore` and `verify`: the arguments and the printing; the work is
//! the core's [`Journal`].

use crate::unlock;
use anyhow::{Context, bail};
use eftertanke_core::backup::{self, BackupReason};
use eftertanke_core::{Journal, Place};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn backup(out: &mut impl Write, journal: &Journal, list: bool) -> anyhow::Result<()> {
    if list {
        for b in journal.backup_list()?.backups {
            writeln!(
                out,
                "{}\t{}\t{:?}\t{} KB",
                b.file_name,
                b.created_at.format("%Y-%m-%d %H:%M UTC"),
                b.reason,
                b.size_bytes.div_ceil(1024)
            )?;
        }
        return Ok(());
    }
    // How far the copy is, on standard error (a large journal takes seconds); Ctrl+C stops it,
    // and the partial copy is cleared up on the next start.
    let mut err = std::io::stderr().lock();
    let made = journal.backup_job(BackupReason::Manual)?.run_with(&mut |p| {
        let percent = p.done.saturating_mul(100) / p.total.max(1);
        let step = if p.done >= p.total {
            "checking the copy"
        } else {
            "copying"
        };
        let _ = write!(err, "\rBacking up: {percent:>3} % ({step})");
        true
    })?;
    let _ = writeln!(err);
    let folder = backup::backup_dir(&journal.database());
    writeln!(out, "{}", folder.join(&made.file_name).display())?;
    Ok(())
}

/// A bare file name means one in the backups folder.
fn resolve(database: &Path, file: &Path) -> PathBuf {
    if file.components().count() == 1 && !file.exists() {
        backup::backup_dir(database).join(file)
    } else {
        file.to_path_buf()
    }
}

pub fn verify(out: &mut impl Write, place: &Place, file: Option<&Path>) -> anyhow::Result<()> {
    let journal = unlock::unlock(place)?;
    let files: Vec<PathBuf> = match file {
        Some(f) => vec![resolve(&place.database, f)],
        None => {
            let list = journal.backup_list()?;
            list.backups
                .into_iter()
                .map(|b| Path::new(&list.folder).join(b.file_name))
                .collect()
        }
    };
    if files.is_empty() {
        writeln!(out, "no backups yet")?;
        return Ok(());
    }
    let mut failed = None;
    for path in files {
        match journal.verify_file(&path) {
            Ok(check) => writeln!(
                out,
                "ok\t{}\t{} entries, schema {}",
                path.display(),
                check.entries,
                check.schema_version
            )?,
            Err(err) => {
                writeln!(out, "FAILED\t{}\t{err}", path.display())?;
                failed = Some(err);
            }
        }
    }
    match failed {
        Some(err) => Err(err.into()),
        None => Ok(()),
    }
}

pub fn restore(out: &mut impl Write, place: &Place, file: &Path, yes: bool) -> anyhow::Result<()> {
    let from = resolve(&place.database, file);
    let mut journal = unlock::unlock(place)?;
    // Refuse before asking anything: a file that is not a backup changes nothing.
    let check = journal.verify_file(&from)?;
    if !yes {
        if !std::io::stdin().is_terminal() {
            bail!("restore replaces the journal: pass --yes to confirm");
        }
        eprint!(
            "Replace the journal with {} ({} entries)? The current one is kept as a backup. [y/N] ",
            from.display(),
            check.entries
        );
        let mut answer = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut answer)
            .context("reading the answer")?;
        if !matches!(answer.trim(), "y" | "Y" | "yes" | "j" | "ja") {
            writeln!(out, "nothing was changed")?;
            return Ok(());
        }
    }
    // Waits for every other Eftertanke on this journal to finish, then swaps and reopens.
    let aside = journal.restore(&from)?;
    writeln!(out, "restored {}", from.display())?;
    if let Some(aside) = aside {
        writeln!(out, "the journal as it was is kept as {}", aside.file_name)?;
    }
    Ok(())
}
