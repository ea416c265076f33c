//! Restores (holes 2 and 4): after a crash and undone, and with adds open or starting while one runs.

use super::*;

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
    // A crash that leaves saved entries in the WAL only: while another process has the journal
    // open, a finished `add` does not fold the WAL into the file on closing (only the last one
    // to close does); then that other process is killed, so nobody folds it.
    let holder = add_waiting_for_input(dir);
    for n in 0..2 {
        before.insert(add(dir, &format!("Kun i WAL'en {n}")));
    }
    let mut holder = holder;
    holder.kill().unwrap();
    holder.wait().unwrap();
    let wal = dir.join("eftertanke.sqlite3-wal");
    let had_wal = std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0);
    assert!(had_wal, "the crash left saved entries in the WAL");

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
    // Not a fixed pause: on a loaded machine the restore may still be unlocking the journal
    // after half a second, and an add started then comes before it. Wait until the restore is
    // first in line for the lock: from then on every add comes after it.
    wait_until_in_line(dir);
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

/// Waits until some process is first in line for the journal's lock (holds the queue file).
fn wait_until_in_line(dir: &Path) {
    let queue = dir.join(eftertanke_core::journal::lock::QUEUE_FILE);
    for _ in 0..1_000 {
        if let Ok(file) = std::fs::File::options().write(true).open(&queue)
            && matches!(file.try_lock(), Err(std::fs::TryLockError::WouldBlock))
        {
            return;
        }
        pause(10);
    }
    panic!("the restore never took its place in line for the lock");
}
