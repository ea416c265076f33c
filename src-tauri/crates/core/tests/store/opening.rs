//! Opening safely: every way a database can be unusable gets its own error, and the file is
//! left exactly as it was.

use eftertanke_core::store::migrations::LATEST_VERSION;
use eftertanke_core::{ErrorKind, OpenOptions, Store};
use rusqlite::Connection;
use std::path::Path;
use std::time::Duration;

fn quick() -> OpenOptions {
    OpenOptions {
        busy_timeout: Duration::from_millis(100),
        ..OpenOptions::default()
    }
}

/// A hash of the file's bytes, to show it was left exactly as it was.
fn fingerprint(path: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(path)
        .expect("the file must still exist")
        .hash(&mut hasher);
    hasher.finish()
}

#[test]
fn a_missing_directory_is_created_and_reopening_keeps_entries_and_identity() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("nested/data");
    let (id, author) = {
        let mut store = Store::open_in_dir(&dir, &quick()).unwrap();
        let entry = store.create_entry(&super::first_attempt(), None).unwrap();
        (entry.id, store.installation_id())
    };
    let store = Store::open_in_dir(&dir, &quick()).unwrap();
    assert_eq!(store.get_entry(id).unwrap().title, "Danskkursus for somaliske mødre");
    assert_eq!(
        store.installation_id(),
        author,
        "the installation id must survive restarts: it names the author"
    );
    assert_eq!(store.schema_version().unwrap(), LATEST_VERSION);
}

#[test]
fn a_damaged_file_is_reported_as_corrupt_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("eftertanke.sqlite3");
    std::fs::write(
        &path,
        b"this is not a database, it is a shopping list: milk, bread, coffee, tea".repeat(100),
    )
    .unwrap();
    let before = fingerprint(&path);
    let err = Store::open(&path, &quick()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
    assert_eq!(
        fingerprint(&path),
        before,
        "a damaged file must never be overwritten or repaired silently"
    );
}

#[test]
fn a_truncated_database_is_reported_as_corrupt() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("eftertanke.sqlite3");
    {
        let mut store = Store::open(&path, &quick()).unwrap();
        let many: Vec<_> = (0..300).map(|_| super::first_attempt()).collect();
        store.create_entries(&many).unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    std::fs::write(&path, &bytes[..bytes.len() / 3]).unwrap();
    let err = Store::open(&path, &quick())
        .and_then(|s| s.list_entries(None, 200))
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("other.sqlite3");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE invoices (n INTEGER);")
        .unwrap();
    let before = fingerprint(&path);
    let err = Store::open(&path, &quick()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotEftertanke, "{err}");
    assert_eq!(fingerprint(&path), before);
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("eftertanke.sqlite3");
    drop(Store::open(&path, &quick()).unwrap());
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", LATEST_VERSION + 1)
        .unwrap();
    let before = fingerprint(&path);
    let err = Store::open(&path, &quick()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NewerSchema, "{err}");
    assert!(
        err.to_string().contains("newer version"),
        "the message must say to install the newer version"
    );
    assert_eq!(
        fingerprint(&path),
        before,
        "an older version must not touch a newer schema"
    );
}

#[test]
fn a_database_held_locked_by_another_program_is_reported_as_locked_on_open() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("eftertanke.sqlite3");
    let holder = Connection::open(&path).unwrap();
    holder
        .execute_batch("CREATE TABLE t (x); BEGIN EXCLUSIVE; INSERT INTO t VALUES (1);")
        .unwrap();
    let err = Store::open(&path, &quick()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Locked, "{err}");
}

#[test]
fn a_write_blocked_by_another_writer_is_reported_as_locked_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("eftertanke.sqlite3");
    let mut store = Store::open(&path, &quick()).unwrap();
    let holder = Connection::open(&path).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE;").unwrap();
    let err = store.create_entry(&super::first_attempt(), None).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Locked, "{err}");
    holder.execute_batch("ROLLBACK;").unwrap();
    assert_eq!(
        store.count_entries().unwrap(),
        0,
        "a refused save must leave nothing behind"
    );
}

#[test]
fn a_data_directory_that_is_a_file_is_reported_as_unwritable() {
    let tmp = tempfile::tempdir().unwrap();
    let not_a_dir = tmp.path().join("data");
    std::fs::write(&not_a_dir, b"x").unwrap();
    let err = Store::open_in_dir(&not_a_dir, &quick()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unwritable, "{err}");
}

#[cfg(unix)]
#[test]
fn a_read_only_directory_is_reported_as_unwritable_before_anything_is_created() {
    use std::os::unix::fs::PermissionsExt;
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("ro");
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o555)).unwrap();
    let err = Store::open_in_dir(&dir, &quick()).unwrap_err();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(err.kind(), ErrorKind::Unwritable, "{err}");
    assert_eq!(
        std::fs::read_dir(&dir).unwrap().count(),
        0,
        "nothing may be created in a refused directory"
    );
}

#[test]
fn every_connection_gets_wal_and_full_sync() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("eftertanke.sqlite3");
    drop(Store::open(&path, &quick()).unwrap());
    let conn = Connection::open(&path).unwrap();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    assert_eq!(
        mode, "wal",
        "WAL is persistent in the file; a crash mid-write must roll back cleanly"
    );
    // synchronous is per connection, so check it through a connection set up like the store's.
    eftertanke_core::store::apply_pragmas(&conn, Duration::from_millis(10)).unwrap();
    let sync: i64 = conn.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
    assert_eq!(sync, 2, "synchronous=FULL is the durability promise the UI makes");
    let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(fk, 1);
}
