//! The journal's life where processes meet: real `eftertanke` processes started at once, killed,
//! restoring under each other's feet. Each test is one of the ways a journal was lost before
//! the core owned its life (issue 9).

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

/// Waits while other processes get to a point (a writer mid-save, a restore waiting): timing is
/// what these tests are about.
#[allow(clippy::disallowed_methods)]
fn pause(ms: u64) {
    std::thread::sleep(std::time::Duration::from_millis(ms));
}

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};

const PASSPHRASE: &str = "correct horse battery";

fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_eftertanke"));
    cmd.args(args)
        .env("EFTERTANKE_DATA_DIR", dir)
        .env("EFTERTANKE_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn run(dir: &Path, args: &[&str]) -> Output {
    command(dir, args).output().unwrap()
}

fn spawn(dir: &Path, args: &[&str]) -> Child {
    command(dir, args).spawn().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn add(dir: &Path, title: &str) -> String {
    let out = run(dir, &["add", "--title", title, "--outcome", "partly"]);
    assert!(out.status.success(), "add {title}: {}", text(&out.stderr));
    text(&out.stdout).trim().to_owned()
}

/// The ids `list` prints, or the failure.
fn listed(dir: &Path) -> Result<HashSet<String>, String> {
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
fn has(dir: &Path, id: &str) -> bool {
    run(dir, &["show", id]).status.success()
}

/// How many entries the journal holds, counted by verifying a fresh backup of it.
fn entries_in(dir: &Path) -> String {
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

fn backups(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("backups"))
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
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

#[test]
fn concurrent_first_runs_make_exactly_one_journal_and_every_reported_save_is_readable() {
    for trial in 0..6 {
        let tmp = tempfile::tempdir().unwrap();
        let children: Vec<Child> = ["A", "B", "C"]
            .iter()
            .map(|t| spawn(tmp.path(), &["add", "--title", t, "--outcome", "partly"]))
            .collect();
        let mut reported = HashSet::new();
        let mut codes = 0;
        for child in children {
            let out = child.wait_with_output().unwrap();
            if out.status.success() {
                reported.insert(text(&out.stdout).trim().to_owned());
            } else {
                panic!(
                    "trial {trial}: every add succeeds, one after the other: {}",
                    text(&out.stderr)
                );
            }
            codes += usize::from(text(&out.stderr).contains("recovery code"));
        }
        assert_eq!(
            codes, 1,
            "trial {trial}: exactly one process made the journal and showed its code"
        );
        let found = listed(tmp.path()).unwrap_or_else(|e| panic!("trial {trial}: the journal must open: {e}"));
        assert!(
            reported.is_subset(&found),
            "trial {trial}: every save reported must be in the one journal: {reported:?} vs {found:?}"
        );
        let temps: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp") || n.contains("creating"))
            .collect();
        assert!(temps.is_empty(), "trial {trial}: no temporary file is left: {temps:?}");
    }
}

#[test]
fn restore_after_a_crash_and_undoing_it_give_every_entry_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut before = HashSet::new();
    before.insert(add(dir, "Første"));
    let backup = text(&run(dir, &["backup"]).stdout).trim().to_owned();
    for n in 0..8 {
        before.insert(add(dir, &format!("Efter backup {n}")));
    }
    // A crash: a writer killed with SIGKILL leaves a WAL beside the database.
    let mut writer = spawn(dir, &["demo", "--entries", "20000"]);
    pause(1500);
    writer.kill().unwrap();
    writer.wait().unwrap();
    assert!(before.iter().all(|id| has(dir, id)), "the crash lost nothing reported");
    // `list` closed cleanly; make the WAL a crash's again: one more killed writer.
    let mut writer = spawn(dir, &["demo", "--entries", "20000"]);
    pause(1500);
    writer.kill().unwrap();
    writer.wait().unwrap();
    let wal = dir.join("eftertanke.sqlite3-wal");
    let had_wal = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);

    let out = run(dir, &["restore", &backup, "--yes"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(listed(dir).unwrap().len(), 1, "the journal is as it was at the backup");
    let aside = text(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("the journal as it was is kept as "))
        .unwrap()
        .to_owned();
    let verified = text(&run(dir, &["verify", &aside]).stdout);
    let undo = run(dir, &["restore", &aside, "--yes"]);
    assert!(undo.status.success(), "{}", text(&undo.stderr));
    assert!(
        before.iter().all(|id| has(dir, id)),
        "undoing the restore gives every reported entry back (WAL at the crash: {had_wal})"
    );
    let back = entries_in(dir);
    assert!(
        verified.contains(&format!("\t{back},")),
        "verify counted exactly what undoing the restore gives back: {verified} vs {back}"
    );
}

#[test]
fn an_emptied_deleted_or_truncated_database_beside_its_key_file_is_damaged_and_nothing_is_created() {
    type Damage = fn(&Path);
    let cases: [(&str, Damage); 4] = [
        ("emptied", |db| std::fs::write(db, b"").unwrap()),
        ("deleted", |db| std::fs::remove_file(db).unwrap()),
        ("cut mid-page", |db| {
            let len = std::fs::metadata(db).unwrap().len();
            std::fs::File::options()
                .write(true)
                .open(db)
                .unwrap()
                .set_len(len / 2 + 100)
                .unwrap();
        }),
        ("cut at a page", |db| {
            let len = std::fs::metadata(db).unwrap().len();
            std::fs::File::options()
                .write(true)
                .open(db)
                .unwrap()
                .set_len(len / 2 / 4096 * 4096)
                .unwrap();
        }),
    ];
    for (what, damage) in cases {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let out = run(dir, &["demo", "--entries", "300"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert!(run(dir, &["backup"]).status.success());
        let db = dir.join("eftertanke.sqlite3");
        damage(&db);
        let files = snapshot(dir);
        let kept_backups = backups(dir);
        for args in [&["list"][..], &["add", "--title", "Ny", "--outcome", "partly"][..]] {
            let out = run(dir, args);
            assert_eq!(out.status.code(), Some(74), "{what}, {args:?}: {}", text(&out.stderr));
            assert!(
                text(&out.stderr).contains("damaged") && text(&out.stderr).contains("backup"),
                "{what}, {args:?}: says damaged and offers a backup: {}",
                text(&out.stderr)
            );
        }
        assert_eq!(snapshot(dir), files, "{what}: nothing was created or changed");
        assert_eq!(backups(dir), kept_backups, "{what}: the backups are untouched");
        let verify = run(dir, &["verify"]);
        assert!(
            verify.status.success(),
            "{what}: the backups still verify: {}",
            text(&verify.stderr)
        );
    }
}

/// An `add --json` that has opened the journal and waits for its entry on standard input: an
/// add caught in the middle, as a slow one would be when a restore starts.
fn add_waiting_for_input(dir: &Path) -> Child {
    let child = command(dir, &["add", "--json"]).stdin(Stdio::piped()).spawn().unwrap();
    // Unlocking (Argon2id) and opening take well under this.
    pause(2000);
    child
}

fn finish_add(mut child: Child, title: &str) -> Output {
    use std::io::Write;
    let json = format!(
        r#"{{"guideId":"co-production","answers":{{"occurred_on":"2026-01-15","headline":"{title}","outcome":"partly"}}}}"#
    );
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(json.as_bytes()).unwrap();
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn a_restore_waits_for_an_open_add_so_the_add_never_lands_in_the_copy_put_aside_after_the_fact() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    add(dir, "Før backup");
    let backup = text(&run(dir, &["backup"]).stdout).trim().to_owned();
    add(dir, "Efter backup");

    let open_add = add_waiting_for_input(dir);
    let mut restore = spawn(dir, &["restore", &backup, "--yes"]);
    pause(1000);
    assert!(
        restore.try_wait().unwrap().is_none(),
        "the restore waits while an add has the journal open"
    );
    let added = finish_add(open_add, "Under restore");
    assert!(added.status.success(), "{}", text(&added.stderr));
    let id = text(&added.stdout).trim().to_owned();
    let restored = restore.wait_with_output().unwrap();
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    // The add finished before the restore began: it is part of the journal as it was, which
    // the restore kept aside whole — and undoing the restore brings it back.
    let aside = text(&restored.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("the journal as it was is kept as "))
        .unwrap()
        .to_owned();
    assert!(!has(dir, &id), "the journal is the backup's");
    assert!(
        text(&run(dir, &["verify", &aside]).stdout).contains("\t3 entries"),
        "the copy holds the add"
    );
    assert!(run(dir, &["restore", &aside, "--yes"]).status.success());
    assert!(has(dir, &id), "undoing the restore gives the add back");
}

#[test]
fn a_restore_refuses_when_an_add_stays_open_and_the_add_lands_in_the_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    add(dir, "Før backup");
    let backup = text(&run(dir, &["backup"]).stdout).trim().to_owned();
    let open_add = add_waiting_for_input(dir);
    let refused = run(dir, &["restore", &backup, "--yes"]);
    assert_eq!(
        refused.status.code(),
        Some(75),
        "busy is temporary: {}",
        text(&refused.stderr)
    );
    assert!(text(&refused.stderr).contains("busy"), "{}", text(&refused.stderr));
    let added = finish_add(open_add, "Mens restore ventede");
    assert!(added.status.success(), "{}", text(&added.stderr));
    assert!(
        has(dir, text(&added.stdout).trim()),
        "the add is in the journal, which the refused restore left alone"
    );
}

#[test]
fn adds_started_during_a_restore_land_in_the_restored_journal() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let out = run(dir, &["demo", "--entries", "3000"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let backup = text(&run(dir, &["backup"]).stdout).trim().to_owned();
    // Holding the journal open makes the restore wait; the adds start while it waits and
    // while it works, and must wait in turn for it to finish.
    let open_add = add_waiting_for_input(dir);
    let restore = spawn(dir, &["restore", &backup, "--yes"]);
    pause(500);
    let adds: Vec<Child> = (0..3)
        .map(|n| {
            spawn(
                dir,
                &["add", "--title", &format!("Under restore {n}"), "--outcome", "partly"],
            )
        })
        .collect();
    pause(300);
    assert!(finish_add(open_add, "Åben").status.success());
    let restored = restore.wait_with_output().unwrap();
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    for child in adds {
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            let id = text(&out.stdout).trim().to_owned();
            assert!(
                has(dir, &id),
                "an add reported as done is in the restored journal, not in the copy put aside"
            );
        } else {
            assert!(
                text(&out.stderr).contains("busy"),
                "a refused add says why: {}",
                text(&out.stderr)
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn everything_the_cli_creates_is_private_whatever_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    // umask 022 is inherited from the shell that runs the test, as a worker's session would.
    let shell = format!(
        "umask 022 && {exe} add --title x --outcome partly && {exe} backup && {exe} list",
        exe = env!("CARGO_BIN_EXE_eftertanke")
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(&shell)
        .env("EFTERTANKE_DATA_DIR", &dir)
        .env("EFTERTANKE_PASSPHRASE", PASSPHRASE)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let mut seen = 0;
    let mut stack = vec![dir.clone()];
    while let Some(path) = stack.pop() {
        let meta = std::fs::metadata(&path).unwrap();
        let mode = meta.permissions().mode() & 0o777;
        if meta.is_dir() {
            assert_eq!(mode, 0o700, "{} is a private folder", path.display());
            stack.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
        } else {
            assert_eq!(mode, 0o600, "{} is a private file", path.display());
        }
        seen += 1;
    }
    assert!(
        seen >= 6,
        "the folder, db, key file, lock, backups and a backup were checked"
    );
}

#[cfg(unix)]
#[test]
fn an_existing_open_folder_is_tightened_when_the_journal_opens() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    add(tmp.path(), "x");
    let key = tmp.path().join("eftertanke.key.json");
    std::fs::set_permissions(tmp.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    listed(tmp.path()).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(
        mode(tmp.path()),
        0o700,
        "an older version's 0755 folder is made private"
    );
    assert_eq!(mode(&key), 0o600, "and its key file");
}

#[cfg(unix)]
#[test]
fn a_passphrase_that_is_not_utf8_is_named_as_such() {
    use std::os::unix::ffi::OsStrExt;
    let tmp = tempfile::tempdir().unwrap();
    let out = command(tmp.path(), &["list"])
        .env(
            "EFTERTANKE_PASSPHRASE",
            std::ffi::OsStr::from_bytes(b"caf\xe9 au lait!"),
        )
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("not valid UTF-8"), "{}", text(&out.stderr));
    assert!(!tmp.path().join("eftertanke.key.json").exists(), "nothing was set up");
}

#[test]
fn a_key_file_that_cannot_be_read_is_not_called_unwritable() {
    let tmp = tempfile::tempdir().unwrap();
    add(tmp.path(), "x");
    let key = tmp.path().join("eftertanke.key.json");
    let saved = std::fs::read(&key).unwrap();
    std::fs::remove_file(&key).unwrap();
    std::fs::create_dir(&key).unwrap();
    let out = run(tmp.path(), &["list"]);
    assert!(!out.status.success());
    let err = text(&out.stderr);
    assert!(err.contains("cannot be read") && !err.contains("cannot write"), "{err}");
    std::fs::remove_dir(&key).unwrap();
    std::fs::write(&key, saved).unwrap();
}

#[test]
fn another_journals_key_file_is_named_as_such() {
    let ours = tempfile::tempdir().unwrap();
    let theirs = tempfile::tempdir().unwrap();
    add(ours.path(), "ours");
    assert!(run(ours.path(), &["backup"]).status.success());
    add(theirs.path(), "theirs");
    std::fs::copy(
        theirs.path().join("eftertanke.key.json"),
        ours.path().join("eftertanke.key.json"),
    )
    .unwrap();
    let out = run(ours.path(), &["list"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("another journal"), "{}", text(&out.stderr));
}

#[test]
fn stale_partial_backups_are_removed_when_the_journal_opens() {
    let tmp = tempfile::tempdir().unwrap();
    add(tmp.path(), "x");
    let partial = tmp
        .path()
        .join("backups/eftertanke-20260101T000000.000Z-daily.sqlite3.partial");
    std::fs::create_dir_all(partial.parent().unwrap()).unwrap();
    std::fs::write(&partial, vec![0u8; 8192]).unwrap();
    listed(tmp.path()).unwrap();
    assert!(!partial.exists(), "an interrupted backup's partial copy is gone");
    let made = run(tmp.path(), &["backup"]);
    assert!(made.status.success(), "and a backup is simply made again");
}
