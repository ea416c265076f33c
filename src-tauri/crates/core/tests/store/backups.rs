//! Backups: made consistently, verified, rotated, restored — and refused when they are not ours.

use crate::{encrypted, quick};
use eftertanke_core::backup::{self, BackupReason};
use eftertanke_core::journal::restore_database as restore;
use eftertanke_core::reflection::demo;
use eftertanke_core::store::verify_backup;
use eftertanke_core::vault::KdfParams;
use eftertanke_core::{ErrorKind, Journal, Locale, OpenOptions, Secret, Store};

#[test]
fn a_backup_is_verified_and_restoring_it_keeps_the_current_journal_aside() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, key) = encrypted(tmp.path());
    store.create_entry(&quick("2026-11-01", "Før", "failed"), None).unwrap();
    let made = store.back_up(BackupReason::Manual).unwrap();
    store
        .create_entry(&quick("2026-11-02", "Efter", "partly"), None)
        .unwrap();
    let path = backup::backup_dir(store.path()).join(&made.file_name);
    let check = verify_backup(&path, Some(&key)).unwrap();
    assert_eq!(check.entries, 1);
    assert!(
        backup::backup_dir(store.path()).join("eftertanke.key.json").is_file(),
        "the key file travels with the backups"
    );
    let db = store.path().to_path_buf();
    drop(store);

    let aside = restore(&db, &path, Some(&key))
        .unwrap()
        .expect("the current journal is kept");
    assert_eq!(aside.reason, BackupReason::BeforeRestore);
    let store = Store::open(&db, &OpenOptions::with_key(key.clone())).unwrap();
    assert_eq!(store.list_entries(None, 10).unwrap().entries.len(), 1);
    let kept = backup::backup_dir(&db).join(&aside.file_name);
    assert_eq!(
        verify_backup(&kept, Some(&key)).unwrap().entries,
        2,
        "nothing is lost by restoring"
    );
}

#[test]
fn files_that_are_not_backups_are_refused_and_nothing_changes() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, key) = encrypted(tmp.path());
    store
        .create_entry(&quick("2026-11-01", "Bliver", "failed"), None)
        .unwrap();
    let db = store.path().to_path_buf();
    let good = backup::backup_dir(&db).join(store.back_up(BackupReason::Manual).unwrap().file_name);
    drop(store);
    let before = std::fs::read(&db).unwrap();

    let text = tmp.path().join("notes.txt");
    std::fs::write(&text, "hello").unwrap();
    let truncated = tmp.path().join("truncated.sqlite3");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let tampered = tmp.path().join("tampered.sqlite3");
    let mut flipped = bytes.clone();
    let middle = flipped.len() / 2 + 100;
    flipped[middle] ^= 0x40;
    std::fs::write(&tampered, &flipped).unwrap();
    let foreign = tmp.path().join("foreign.sqlite3");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let other_key = {
        let other = tempfile::tempdir().unwrap();
        let (store, _) = encrypted(other.path());
        let made = store.back_up(BackupReason::Manual).unwrap();
        let copy = tmp.path().join("other-journal.sqlite3");
        std::fs::copy(backup::backup_dir(store.path()).join(made.file_name), &copy).unwrap();
        copy
    };

    for bad in [
        &text,
        &truncated,
        &tampered,
        &foreign,
        &other_key,
        &tmp.path().join("missing"),
    ] {
        let err = restore(&db, bad, Some(&key)).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotABackup, "{}: {err}", bad.display());
        assert_eq!(
            std::fs::read(&db).unwrap(),
            before,
            "{} changed the journal",
            bad.display()
        );
    }
    verify_backup(&good, Some(&key)).unwrap();
}

#[test]
fn rotation_keeps_the_newest_and_prunes_backups_older_than_an_erasure() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = encrypted(tmp.path());
    let id = store
        .create_entry(&quick("2026-11-01", "Slettes", "failed"), None)
        .unwrap()
        .id;
    assert!(store.rotation_due().unwrap(), "no backup yet");
    let first = store.rotate_backups(3).unwrap().expect("a first daily backup");
    assert!(!store.rotation_due().unwrap());
    assert!(store.rotate_backups(3).unwrap().is_none(), "not again the same day");
    for _ in 0..4 {
        store.back_up(BackupReason::Manual).unwrap();
    }
    store.rotate_backups(3).unwrap();
    assert_eq!(store.backups().unwrap().len(), 3, "only the newest three are kept");

    store.delete_entry(id).unwrap();
    assert!(store.rotation_due().unwrap(), "an erasure makes the old backups due");
    let fresh = store
        .rotate_backups(3)
        .unwrap()
        .expect("a backup without the deleted text");
    let left = store.backups().unwrap();
    assert_eq!(left.len(), 1, "every backup from before the erasure is gone: {left:?}");
    assert_eq!(left[0], fresh);
    assert_ne!(fresh.file_name, first.file_name);
}

#[test]
fn a_migration_is_always_preceded_by_a_backup() {
    let fixture = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/schema-v1.sqlite3");
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("eftertanke.sqlite3");
    std::fs::copy(&fixture, &db).unwrap();
    Store::open(&db, &OpenOptions::default()).unwrap();
    let made = backup::list(&db).unwrap();
    assert_eq!(made.len(), 1);
    assert_eq!(made[0].reason, BackupReason::BeforeMigration);
    let check = verify_backup(&backup::backup_dir(&db).join(&made[0].file_name), None).unwrap();
    assert_eq!(
        (check.schema_version, check.entries),
        (1, 3),
        "the backup is the old schema, whole"
    );
}

/// A journal of `entries` demo entries, through the journal (a backup job needs one).
fn journal_of(dir: &std::path::Path, entries: usize) -> Journal {
    let (mut journal, _code) = Journal::create(
        dir,
        &Secret::from("a passphrase for backups"),
        KdfParams::insecure_for_tests(),
    )
    .unwrap();
    let until = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let inputs = demo::entries(entries, entries / 50 + 1, &[Locale::Da], 7, until);
    journal.store().unwrap().create_entries(&inputs).unwrap();
    journal
}

#[test]
fn a_backup_reports_how_far_it_is_and_a_stopped_one_adds_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let journal = journal_of(tmp.path(), 6000);
    let dir = backup::backup_dir(&tmp.path().join("eftertanke.sqlite3"));
    let before = journal.backup_list().unwrap().backups.len();

    // Stopped at the first report: SQLite is interrupted, and no backup nor partial copy stays.
    let mut asked = 0;
    let err = journal
        .backup_job(BackupReason::Manual)
        .unwrap()
        .run_with(&mut |_| {
            asked += 1;
            false
        })
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Cancelled, "{err}");
    assert!(asked >= 1, "the copy reported before it ended");
    assert_eq!(
        journal.backup_list().unwrap().backups.len(),
        before,
        "no backup is added"
    );
    let left: Vec<_> = std::fs::read_dir(&dir)
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        left.iter().all(|n| !n.ends_with(".partial")),
        "no partial copy is left: {left:?}"
    );

    // Let run: the reports grow, never pass the total, and reach it while the copy is checked.
    let mut seen = Vec::new();
    let made = journal
        .backup_job(BackupReason::Manual)
        .unwrap()
        .run_with(&mut |p| {
            seen.push(p);
            true
        })
        .unwrap();
    assert!(!seen.is_empty(), "a backup of this size reports at least once");
    assert!(seen.windows(2).all(|w| w[0].done <= w[1].done), "{seen:?}");
    assert!(seen.iter().all(|p| p.done <= p.total && p.total > 0), "{seen:?}");
    assert_eq!(journal.verify_backup(&made.file_name).unwrap().entries, 6000);
}
