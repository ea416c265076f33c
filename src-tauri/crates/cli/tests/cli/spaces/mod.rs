//! `eftertanke space …` between real processes: a lead and two members, each with their own
//! journal, one shared folder, members sharing at the same moment, shares killed midway, a
//! shared folder that is full, read-only or pulled out, and bad input refused.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

use crate::process::{PASSPHRASE, expect_ok, spawn_with};
#[allow(unused_imports)]
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

mod comments;
mod folder_trouble;
mod hostile_folder;
mod kills;
mod review;
mod session_kills;
mod sessions;
mod team;

pub(crate) fn spawn(dir: &Path, args: &[&str], stdin: Option<&str>) -> Child {
    spawn_with(dir, args, stdin.map(str::as_bytes), PASSPHRASE)
}

pub(crate) fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    spawn(dir, args, stdin).wait_with_output().unwrap()
}

/// Runs and expects success; returns standard output.
pub(crate) fn ok(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    expect_ok(args, run(dir, args, stdin))
}

pub(crate) fn add(dir: &Path, title: &str) -> String {
    ok(
        dir,
        &["add", "--date", "2026-03-12", "--title", title, "--outcome", "partly"],
        None,
    )
    .trim()
    .to_owned()
}

pub(crate) fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

/// The lead's fingerprint as `space status --json` gives it: what the lead reads aloud to a
/// newcomer, who gives it to `space join --lead`.
pub(crate) fn lead_fingerprint(lead: &Path, space: &str) -> String {
    let status: serde_json::Value =
        serde_json::from_str(&ok(lead, &["space", "status", space, "--json"], None)).unwrap();
    status["space"]["leadFingerprint"].as_str().unwrap().to_owned()
}

/// A lead and two members in one space through the CLI; returns (space, lead, sara, ali).
pub(crate) fn team_of_three(tmp: &Path) -> (String, std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let (lead, sara, ali) = (tmp.join("lead"), tmp.join("sara"), tmp.join("ali"));
    let folder = tmp.join("Delt mappe");
    std::fs::create_dir_all(&folder).unwrap();
    let folder_arg = folder.to_str().unwrap();
    let space = ok(
        &lead,
        &["space", "create", "Team Nord", "--folder", folder_arg, "--as", "Leder"],
        None,
    )
    .trim()
    .to_owned();
    for (dir, name) in [(&sara, "Sara"), (&ali, "Ali")] {
        let code = ok(dir, &["space", "card", "--name", name, "--code"], None);
        ok(&lead, &["space", "invite", &space, "-"], Some(&code));
    }
    let fingerprint = lead_fingerprint(&lead, &space);
    for dir in [&sara, &ali] {
        ok(
            dir,
            &["space", "join", "--folder", folder_arg, "--lead", &fingerprint],
            None,
        );
    }
    (space, lead, sara, ali)
}
