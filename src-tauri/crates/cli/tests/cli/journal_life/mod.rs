//! The journal's life where processes meet: real `eftertanke` processes started at once, killed,
//! restoring under each other's feet. Each test is one of the ways a journal was lost before
//! the core owned its life (issue 9).

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

mod damaged;
mod disk_full;
mod file_modes;
mod first_runs;
mod journals;
mod messages;
mod restore;

/// Waits while other processes get to a point (a writer mid-save, a restore waiting): timing is
/// what these tests are about.
#[allow(clippy::disallowed_methods)]
pub(crate) fn pause(ms: u64) {
    std::thread::sleep(std::time::Duration::from_millis(ms));
}

pub(crate) use crate::process::{PASSPHRASE, cli, command, run, spawn, text};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

pub(crate) fn add(dir: &Path, title: &str) -> String {
    let out = run(dir, &["add", "--title", title, "--outcome", "partly"]);
    assert!(out.status.success(), "add {title}: {}", text(&out.stderr));
    text(&out.stdout).trim().to_owned()
}

/// The ids `list` prints, or the failure.
pub(crate) fn listed(dir: &Path) -> Result<HashSet<String>, String> {
    let out = run(dir, &["list", "--limit", "1000000"]);
    if !out.status.success() {
        return Err(text(&out.stderr));
    }
    Ok(text(&out.stdout)
        .lines()
        .filter_map(|l| {
            l.split_whitespace()
                .find(|w| w.len() == 36 && w.contains('-'))
                .map(str::to_owned)
        })
        .collect())
}

/// Is the entry in the journal (`show` finds it)?
pub(crate) fn has(dir: &Path, id: &str) -> bool {
    run(dir, &["show", id]).status.success()
}

/// How many entries the journal holds, counted by verifying a fresh backup of it.
pub(crate) fn entries_in(dir: &Path) -> String {
    let made = text(&run(dir, &["backup"]).stdout).trim().to_owned();
    let verified = text(&run(dir, &["verify", &made]).stdout);
    verified
        .split('\t')
        .nth(2)
        .unwrap_or_default()
        .split(',')
        .next()
        .unwrap_or_default()
        .to_owned()
}

pub(crate) fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

pub(crate) fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    for folder in [dir.to_path_buf(), dir.join("backups")] {
        for entry in std::fs::read_dir(&folder).unwrap().filter_map(|e| e.ok()) {
            if entry.file_type().unwrap().is_file() && entry.file_name() != "eftertanke.lock" {
                out.push((entry.path(), std::fs::read(entry.path()).unwrap()));
            }
        }
    }
    out.sort();
    out
}

/// An `add --json` that has opened the journal and waits for its entry on standard input: an
/// add caught in the middle, as a slow one would be when a restore starts.
pub(crate) fn add_waiting_for_input(dir: &Path) -> Child {
    let child = command(dir, &["add", "--json"]).stdin(Stdio::piped()).spawn().unwrap();
    // Unlocking (Argon2id) and opening take well under this.
    pause(2000);
    child
}

pub(crate) fn finish_add(mut child: Child, title: &str) -> Output {
    use std::io::Write;
    let json = format!(
        r#"{{"guideId":"co-production","answers":{{"occurred_on":"2026-01-15","headline":"{title}","outcome":"partly"}}}}"#
    );
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(json.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}
