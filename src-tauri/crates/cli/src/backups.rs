//! `eftertanke backup`, `restore` and `verify`.

use crate::unlock;
use anyhow::{Context, bail};
use eftertanke_core::backup::{self, BackupReason};
use eftertanke_core::data_dir_lock::DataDirLock;
use eftertanke_core::{Error, Store, store};
use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};

pub fn backup(out: &mut impl Write, store: &Store, list: bool) -> anyhow::Result<()> {
    if list {
        for b in store.backups()? {
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
    let made = store.back_up(BackupReason::Manual)?;
    writeln!(
        out,
        "{}",
        backup::backup_dir(store.path()).join(&made.file_name).display()
    )?;
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

pub fn verify(out: &mut impl Write, dir: &Path, database: &Path, file: Option<&Path>) -> anyhow::Result<()> {
    let key = unlock::key_for(dir)?;
    let files: Vec<PathBuf> = match file {
        Some(f) => vec![resolve(database, f)],
        None => backup::list(database)?
            .into_iter()
            .map(|b| backup::backup_dir(database).join(b.file_name))
            .collect(),
    };
    if files.is_empty() {
        writeln!(out, "no backups yet")?;
        return Ok(());
    }
    let mut failed = None;
    for path in files {
        match store::verify_backup(&path, Some(&key)) {
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

pub fn restore(out: &mut impl Write, dir: &Path, database: &Path, file: &Path, yes: bool) -> anyhow::Result<()> {
    let from = resolve(database, file);
    let key = unlock::key_for(dir)?;
    // Refuse before asking anything: a file that is not a backup changes nothing.
    let check = store::verify_backup(&from, Some(&key))?;
    let _lock = DataDirLock::acquire(dir).map_err(|e| match e {
        Error::Locked { .. } => anyhow::anyhow!("Eftertanke is open on this journal; close it and run restore again"),
        other => other.into(),
    })?;
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
    let aside = store::restore(database, &from, Some(&key))?;
    // Opening proves the restored journal works (and brings its schema up to date).
    Store::open(database, &eftertanke_core::OpenOptions::with_key(key))?;
    writeln!(out, "restored {}", from.display())?;
    if let Some(aside) = aside {
        writeln!(out, "the journal as it was is kept as {}", aside.file_name)?;
    }
    Ok(())
}
