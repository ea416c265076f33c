//! The shared folder in trouble, for real: a small file system (tmpfs, in a private mount
//! namespace) stands for the team's USB stick or share. Filled to its last byte, remounted
//! read-only, then unmounted as a stick is pulled out, and an empty stick put in its place.
//! Each time the share or the read is refused in words that say what to do, nothing is half
//! written into the folder, nothing is recorded as shared that did not leave, and what the lead
//! already read stays.
//!
//! The journals stay on the ordinary disk (a journal never lives on a removable or network
//! folder); only the shared folder is on the small file system. Like the full-disk test of the
//! journal's life, the test re-runs itself inside `unshare --user --map-root-user --mount` and,
//! under CI, fails where the system refuses such a namespace.

use super::*;
use crate::namespace::{fill, mount, rerun_inside};
use std::path::PathBuf;

const INNER: &str = "EFTERTANKE_SHARE_FOLDER_INNER";
const NAME: &str = "spaces::folder_trouble::a_full_read_only_or_pulled_out_shared_folder_is_named_and_loses_nothing";

#[test]
fn a_full_read_only_or_pulled_out_shared_folder_is_named_and_loses_nothing() {
    if let Some(scratch) = std::env::var_os(INNER) {
        return inside(Path::new(&scratch));
    }
    let scratch = tempfile::tempdir().unwrap();
    rerun_inside(NAME, INNER, scratch.path(), "the shared-folder test");
}

fn inside(scratch: &Path) {
    let (lead, sara) = (scratch.join("lead"), scratch.join("sara"));
    let stick = scratch.join("stick");
    std::fs::create_dir(&stick).unwrap();
    mount(&stick, &["-t", "tmpfs", "-o", "size=1m", "eftertanke-stick"]);
    let folder = stick.join("Team Nord");
    std::fs::create_dir(&folder).unwrap();
    let folder_arg = folder.to_str().unwrap();
    let space = ok(&lead, &["space", "create", "Team Nord", "--folder", folder_arg], None)
        .trim()
        .to_owned();
    let card = ok(&sara, &["space", "card", "--name", "Sara"], None);
    ok(&lead, &["space", "invite", &space, "-"], Some(&card));
    let fingerprint = lead_fingerprint(&lead, &space);
    ok(
        &sara,
        &["space", "join", "--folder", folder_arg, "--lead", &fingerprint],
        None,
    );
    let first = add(&sara, "Lektiecafé");
    let second = add(&sara, "Gårdfest");
    ok(&sara, &["space", "share", &space, &first], None);
    let files_before = files_under(&folder);

    // 1. Full: refused as full, with what to do; nothing half written, nothing recorded.
    let filler = stick.join("filler");
    fill(&filler);
    let full = run(&sara, &["space", "share", &space, &second], None);
    refused(&full, 74, &["is full", "Free some space"]);
    assert_eq!(
        files_under(&folder),
        files_before,
        "a refused share leaves no file behind"
    );
    assert_eq!(mine(&sara, &space), ["Lektiecafé"], "only what left is shown as shared");
    // Reading a full folder works: the lead reads the first share.
    ok(&lead, &["space", "sync", &space], None);
    assert_eq!(titles(&lead, &space), ["Lektiecafé"]);

    // Space freed: the same share goes, numbered next, with no gap for the lead to miss.
    std::fs::remove_file(&filler).unwrap();
    ok(&sara, &["space", "share", &space, &second], None);
    ok(&lead, &["space", "sync", &space], None);
    assert_eq!(titles(&lead, &space), ["Gårdfest", "Lektiecafé"]);
    let status = ok(&lead, &["space", "status", &space], None);
    assert!(!status.contains("missing"), "no bundle is missing: {status}");

    // 2. Read-only (a share whose permissions were changed): refused, said so; reading works.
    mount(&stick, &["-o", "remount,ro"]);
    let files_before = files_under(&folder);
    let shared: Vec<String> = ok(&sara, &["space", "entries", &space, "--json"], None)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let withdraw = run(&sara, &["space", "withdraw", &space, &shared[0]], None);
    refused(
        &withdraw,
        74,
        &["shared folder cannot be written", "nothing changed", "ask IT"],
    );
    assert_eq!(files_under(&folder), files_before);
    assert_eq!(mine(&sara, &space).len(), 2, "the refused withdrawal withdrew nothing");
    ok(&lead, &["space", "sync", &space], None);
    assert_eq!(titles(&lead, &space).len(), 2);
    mount(&stick, &["-o", "remount,rw"]);

    // 3. Pulled out: the folder is not there. Refused, exit 74, nothing changed.
    unmount(&stick);
    let pulled = run(&sara, &["space", "share", &space, &first], None);
    refused(&pulled, 74, &["not there", "connect it"]);
    let pulled = run(&lead, &["space", "sync", &space], None);
    refused(&pulled, 74, &["not there"]);
    // Every space read at once (none named), as the app reads them: this one named, skipped.
    let all = ok(&lead, &["space", "sync"], None);
    assert!(all.contains(&format!("{space}: the folder is not there")), "{all}");
    assert_eq!(titles(&lead, &space).len(), 2, "a pulled-out stick deletes nothing");

    // 4. An empty stick in its place, the folder made again by hand: nothing there is no deletion.
    mount(&stick, &["-t", "tmpfs", "-o", "size=1m", "eftertanke-other-stick"]);
    std::fs::create_dir(&folder).unwrap();
    let _ = run(&lead, &["space", "sync", &space], None);
    assert_eq!(titles(&lead, &space).len(), 2, "an emptied folder deletes nothing");
    assert_eq!(mine(&sara, &space).len(), 2);
}

/// Unmounts `at`, as a stick is pulled out.
fn unmount(at: &Path) {
    let status = Command::new("umount").arg(at).status().unwrap();
    assert!(status.success(), "umount {}", at.display());
}

/// The exit code and every part of the message; no internal error.
fn refused(out: &Output, code: i32, says: &[&str]) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(code), "{stderr}");
    for part in says {
        assert!(stderr.contains(part), "says {part:?}: {stderr}");
    }
    assert!(!stderr.contains("unexpected"), "{stderr}");
}

/// Every file under `dir`, temporary ones included, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        for item in std::fs::read_dir(&d).unwrap().flatten() {
            if item.file_type().unwrap().is_dir() {
                todo.push(item.path());
            } else {
                found.push(item.path());
            }
        }
    }
    found.sort();
    found
}

/// The titles the space shows this journal, sorted.
fn titles(dir: &Path, space: &str) -> Vec<String> {
    let mut titles: Vec<String> = ok(dir, &["space", "entries", space, "--json"], None)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    titles.sort();
    titles
}

/// The titles of what this journal shared there itself.
fn mine(dir: &Path, space: &str) -> Vec<String> {
    let mut titles: Vec<String> = ok(dir, &["space", "entries", space, "--json"], None)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|e| e["mine"] == true)
        .map(|e| e["title"].as_str().unwrap().to_owned())
        .collect();
    titles.sort();
    titles
}
