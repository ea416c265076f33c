//! Several journals under one data root: each its own folder, key and passphrase; nothing of
//! one readable from another; names unique; a journal remembered only when asked.

use super::{files_containing, quick};
use eftertanke_core::journal::journals::{JOURNALS_DIR, NAME_FILE, ROOT_ID};
use eftertanke_core::vault::KdfParams;
use eftertanke_core::{Error, ErrorKind, Journal, Journals, Problem, Secret};
use std::path::Path;

fn kdf() -> KdfParams {
    KdfParams::insecure_for_tests()
}

fn secret(s: &str) -> Secret {
    Secret::new(s.to_owned())
}

/// A journal named `name` with one entry titled `canary`; returns its id and recovery code.
fn journal_with(journals: &Journals, name: &str, passphrase: &str, canary: &str) -> (String, String) {
    let (mut journal, code, info) = journals.create(name, &secret(passphrase), kdf()).unwrap();
    journal
        .store()
        .unwrap()
        .create_entry(&quick("2026-03-02", canary, "partly"), None)
        .unwrap();
    journal.lock();
    (info.id, code.as_str().to_owned())
}

#[test]
fn two_journals_on_one_root_cannot_read_each_other() {
    let root = tempfile::tempdir().unwrap();
    let journals = Journals::at(root.path());
    let (a, a_code) = journal_with(&journals, "AB", "passphrase of AB", "CANARY-of-journal-AB");
    let (b, _) = journal_with(&journals, "Bostøtte", "passphrase of B", "CANARY-of-journal-B");
    assert_ne!(a, b);
    let a_dir = journals.place(&a).unwrap().dir;
    let b_dir = journals.place(&b).unwrap().dir;
    assert_ne!(a_dir, b_dir);
    assert!(!a_dir.starts_with(&b_dir) && !b_dir.starts_with(&a_dir));

    // No file anywhere under the root — the other's folder, the shelf's own files — shows
    // either journal's text.
    for canary in ["CANARY-of-journal-AB", "CANARY-of-journal-B"] {
        assert_eq!(files_containing(root.path(), canary), Vec::<std::path::PathBuf>::new());
    }

    // Neither passphrase nor recovery code opens the other journal.
    let wrong = journals
        .unlock(&a, &secret("passphrase of B"), kdf(), false)
        .unwrap_err();
    assert!(matches!(wrong, Error::WrongPassphrase), "{wrong}");
    let wrong = journals
        .recover(&b, &secret(&a_code), &secret("a new passphrase"), kdf())
        .unwrap_err();
    assert!(matches!(wrong, Error::WrongRecoveryCode), "{wrong}");

    // Each sees its own entries only.
    for (id, passphrase, own, other) in [
        (&a, "passphrase of AB", "CANARY-of-journal-AB", "CANARY-of-journal-B"),
        (&b, "passphrase of B", "CANARY-of-journal-B", "CANARY-of-journal-AB"),
    ] {
        let mut journal = journals.unlock(id, &secret(passphrase), kdf(), false).unwrap();
        journal.open().unwrap();
        let titles: Vec<String> = journal
            .store()
            .unwrap()
            .list_entries(None, 50)
            .unwrap()
            .entries
            .into_iter()
            .map(|e| e.title)
            .collect();
        assert_eq!(titles, [own.to_owned()], "not {other}");
    }

    // A's database carried into B's folder is not readable with B's key, and says why.
    let b_db = eftertanke_core::data_dir::database_path(&b_dir);
    std::fs::remove_file(&b_db).unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", b_db.display()));
    }
    std::fs::copy(eftertanke_core::data_dir::database_path(&a_dir), &b_db).unwrap();
    let mut journal = journals.unlock(&b, &secret("passphrase of B"), kdf(), false).unwrap();
    let refused = journal.open().unwrap_err();
    assert_eq!(refused.kind(), ErrorKind::Corrupt, "{refused}");
}

#[test]
fn journals_are_listed_by_name_and_a_name_is_taken_once_whatever_its_case() {
    let root = tempfile::tempdir().unwrap();
    let journals = Journals::at(root.path());
    assert_eq!(journals.list().unwrap(), []);
    for name in ["Ørestad", "ab", "Sagsbehandler"] {
        journal_with(&journals, name, "a passphrase for tests", "x");
    }
    let names: Vec<_> = journals.list().unwrap().into_iter().filter_map(|j| j.name).collect();
    assert_eq!(names, ["ab", "Sagsbehandler", "Ørestad"]);

    for taken in ["AB", " ab ", "ØRESTAD"] {
        let refused = journals
            .create(taken, &secret("a passphrase for tests"), kdf())
            .unwrap_err();
        assert_eq!(
            (refused.field(), refused.problem()),
            (Some("name"), Some(Problem::Duplicate)),
            "{taken}"
        );
    }
    for (bad, problem) in [("", Problem::Required), ("two\nlines", Problem::Malformed)] {
        let refused = journals
            .create(bad, &secret("a passphrase for tests"), kdf())
            .unwrap_err();
        assert_eq!(refused.problem(), Some(problem), "{bad:?}");
    }
    // A refused name leaves no folder behind.
    assert_eq!(
        std::fs::read_dir(root.path().join(JOURNALS_DIR))
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().is_dir())
            .count(),
        3
    );
    assert_eq!(
        journals.find("SAGSBEHANDLER").unwrap().unwrap().name.as_deref(),
        Some("Sagsbehandler")
    );
}

#[test]
fn a_journal_is_chosen_in_advance_only_when_its_owner_asked_or_it_is_the_only_one() {
    let root = tempfile::tempdir().unwrap();
    let journals = Journals::at(root.path());
    let (a, _) = journal_with(&journals, "AB", "a passphrase for tests", "x");
    assert_eq!(
        journals.preselected(&journals.list().unwrap()),
        Some(a.clone()),
        "the only journal"
    );
    let (b, _) = journal_with(&journals, "CD", "a passphrase for tests", "x");
    let shown = || journals.preselected(&journals.list().unwrap());
    assert_eq!(shown(), None, "creating one does not make it remembered");

    let unlock = |id: &str, remember: bool| {
        drop(
            journals
                .unlock(id, &secret("a passphrase for tests"), kdf(), remember)
                .unwrap(),
        )
    };
    unlock(&b, false);
    assert_eq!(shown(), None, "the journal used last is not shown");
    unlock(&a, true);
    assert_eq!(shown(), Some(a.clone()));
    unlock(&b, false);
    assert_eq!(shown(), Some(a.clone()), "another person's choice stays");
    unlock(&b, true);
    assert_eq!(shown(), Some(b.clone()));
    unlock(&b, false);
    assert_eq!(shown(), None, "unticked: forgotten");
}

#[test]
fn a_journal_from_before_names_is_listed_from_the_root_and_new_ones_get_folders() {
    let root = tempfile::tempdir().unwrap();
    drop(Journal::create(root.path(), &secret("the old passphrase"), kdf()).unwrap());
    let journals = Journals::at(root.path());
    let listed = journals.list().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!((listed[0].id.as_str(), listed[0].name.as_deref()), (ROOT_ID, None));
    let (new, _) = journal_with(&journals, "AB", "a passphrase for tests", "x");
    assert!(
        journals
            .place(&new)
            .unwrap()
            .dir
            .starts_with(root.path().join(JOURNALS_DIR))
    );
    let mut old = journals
        .unlock(ROOT_ID, &secret("the old passphrase"), kdf(), false)
        .unwrap();
    old.open().unwrap();
    assert_eq!(journals.list().unwrap().len(), 2);
}

#[test]
fn an_interrupted_first_run_is_not_a_journal_and_a_folder_with_a_database_is_never_cleared() {
    let root = tempfile::tempdir().unwrap();
    let journals = Journals::at(root.path());
    let shelf = root.path().join(JOURNALS_DIR);
    let only_a_name = shelf.join("01930000-0000-7000-8000-000000000001");
    let with_a_database = shelf.join("01930000-0000-7000-8000-000000000002");
    for dir in [&only_a_name, &with_a_database] {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join(NAME_FILE), br#"{"format":1,"name":"half"}"#).unwrap();
    }
    std::fs::write(with_a_database.join("eftertanke.sqlite3"), b"not empty").unwrap();
    assert_eq!(journals.list().unwrap(), []);
    assert!(
        journals
            .unlock(
                "01930000-0000-7000-8000-000000000001",
                &secret("whatever it is"),
                kdf(),
                false
            )
            .is_err()
    );

    journal_with(&journals, "half", "a passphrase for tests", "x");
    assert!(!only_a_name.exists(), "nothing but a name: cleared");
    assert!(
        with_a_database.join("eftertanke.sqlite3").exists(),
        "a database is never removed"
    );
}

#[test]
fn an_id_from_outside_names_no_folder_outside_the_root() {
    let root = tempfile::tempdir().unwrap();
    let journals = Journals::at(&root.path().join("data"));
    std::fs::create_dir_all(root.path().join("data")).unwrap();
    drop(Journal::create(root.path(), &secret("a journal outside"), kdf()).unwrap());
    for id in ["..", "../", "/", "main/..", "journals/../..", "0193-not-a-uuid"] {
        let refused = journals.place(id).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::NotFound, "{id:?}");
    }
}

#[cfg(unix)]
#[test]
fn the_root_the_shelf_and_their_files_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let journals = Journals::at(&data);
    let (a, _) = journal_with(&journals, "AB", "a passphrase for tests", "x");
    drop(
        journals
            .unlock(&a, &secret("a passphrase for tests"), kdf(), true)
            .unwrap(),
    );
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&data), 0o700);
    assert_eq!(mode(&data.join(JOURNALS_DIR)), 0o700);
    for entry in walk(&data) {
        let expected = if entry.is_dir() { 0o700 } else { 0o600 };
        assert_eq!(mode(&entry), expected, "{}", entry.display());
    }
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut all = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let path = e.path();
        if path.is_dir() {
            all.extend(walk(&path));
        }
        all.push(path);
    }
    all
}
