//! Encryption at rest: the passphrase, the recovery code, and files that give nothing away.

use crate::{encrypted, files_containing, quick};
use eftertanke_core::vault::{KdfParams, Vault, VaultState};
use eftertanke_core::{ErrorKind, OpenOptions, Store};

const CANARY: &str = "KANARIEFUGL-7f3a9c";

fn vault(dir: &std::path::Path) -> Vault {
    Vault::with_kdf(dir, KdfParams::insecure_for_tests())
}

#[test]
fn no_file_in_the_data_directory_shows_the_text_written() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _key) = encrypted(tmp.path());
    let mut input = quick("2026-11-02", &format!("Møde om {CANARY}"), "failed");
    input.answers.insert(
        "what_happened".into(),
        serde_json::json!(format!("Borgeren sagde {CANARY}")),
    );
    store.create_entry(&input, None).unwrap();
    store.back_up(eftertanke_core::backup::BackupReason::Manual).unwrap();
    // With the store still open the WAL holds the write; it must be encrypted too.
    assert!(tmp.path().join("eftertanke.sqlite3-wal").exists());
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    drop(store);
    assert_eq!(files_containing(tmp.path(), CANARY), Vec::<std::path::PathBuf>::new());
    // The same check can fail: an unencrypted journal shows the canary.
    let plain = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_dir(plain.path(), &OpenOptions::default()).unwrap();
    store.create_entry(&input, None).unwrap();
    assert!(!files_containing(plain.path(), CANARY).is_empty());
}

#[test]
fn the_database_does_not_open_without_the_key() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _key) = encrypted(tmp.path());
    drop(store);
    let err = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap_err();
    assert_eq!(
        err.kind(),
        ErrorKind::Corrupt,
        "without the key it reads as noise: {err}"
    );
    let other = eftertanke_core::DatabaseKey::generate().unwrap();
    let err = Store::open_in_dir(tmp.path(), &OpenOptions::with_key(other)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Corrupt);
}

#[test]
fn a_wrong_passphrase_is_refused_and_can_be_retried() {
    let tmp = tempfile::tempdir().unwrap();
    let (mut store, _) = encrypted(tmp.path());
    store
        .create_entry(&quick("2026-11-02", "Bliver", "partly"), None)
        .unwrap();
    drop(store);
    let v = vault(tmp.path());
    assert_eq!(v.state().unwrap(), VaultState::Locked);
    for _ in 0..5 {
        assert_eq!(
            v.unlock("a passphrase for Tests").unwrap_err().kind(),
            ErrorKind::WrongPassphrase
        );
    }
    let key = v.unlock("a passphrase for tests").unwrap();
    let store = Store::open_in_dir(tmp.path(), &OpenOptions::with_key(key)).unwrap();
    assert_eq!(store.list_entries(None, 10).unwrap().entries.len(), 1);
}

#[test]
fn changing_the_passphrase_keeps_every_entry_and_the_recovery_code_still_works() {
    let tmp = tempfile::tempdir().unwrap();
    let v = vault(tmp.path());
    let (key, code) = v.create("the first passphrase").unwrap();
    let mut store = Store::open_in_dir(tmp.path(), &OpenOptions::with_key(key)).unwrap();
    store
        .create_entry(&quick("2026-11-02", "Første", "failed"), None)
        .unwrap();
    drop(store);

    assert_eq!(
        v.change_passphrase("not it at all", "a second passphrase")
            .unwrap_err()
            .kind(),
        ErrorKind::WrongPassphrase
    );
    assert_eq!(
        v.change_passphrase("the first passphrase", "short").unwrap_err().kind(),
        ErrorKind::InvalidInput
    );
    v.change_passphrase("the first passphrase", "a second passphrase")
        .unwrap();
    assert_eq!(
        v.unlock("the first passphrase").unwrap_err().kind(),
        ErrorKind::WrongPassphrase
    );
    let key = v.unlock("a second passphrase").unwrap();
    let store = Store::open_in_dir(tmp.path(), &OpenOptions::with_key(key)).unwrap();
    assert_eq!(store.list_entries(None, 10).unwrap().entries.len(), 1);
    drop(store);

    // Forgotten: the recovery code, typed sloppily, sets a new passphrase.
    let typed = code.as_str().to_lowercase().replace('-', " ");
    assert_eq!(
        v.recover("AAAA-BBBB", "a third passphrase").unwrap_err().kind(),
        ErrorKind::WrongRecoveryCode
    );
    let key = v.recover(&typed, "a third passphrase").unwrap();
    let store = Store::open_in_dir(tmp.path(), &OpenOptions::with_key(key)).unwrap();
    assert_eq!(store.list_entries(None, 10).unwrap().entries.len(), 1);
    v.unlock("a third passphrase").unwrap();
}

#[test]
fn a_tampered_key_file_is_named_and_an_encrypted_journal_without_one_is_not_reset() {
    let tmp = tempfile::tempdir().unwrap();
    let (store, _) = encrypted(tmp.path());
    drop(store);
    let v = vault(tmp.path());
    let key_file = v.key_file();
    let original = std::fs::read_to_string(&key_file).unwrap();

    std::fs::write(&key_file, "{ not json").unwrap();
    assert_eq!(
        v.unlock("a passphrase for tests").unwrap_err().kind(),
        ErrorKind::KeyFile
    );

    std::fs::remove_file(&key_file).unwrap();
    assert_eq!(v.state().unwrap_err().kind(), ErrorKind::KeyFile);
    assert_eq!(
        v.create("a brand new passphrase").unwrap_err().kind(),
        ErrorKind::KeyFile,
        "a new key must never be made over encrypted data"
    );
    std::fs::write(&key_file, original).unwrap();
    v.unlock("a passphrase for tests").unwrap();
}

#[test]
fn a_journal_from_before_encryption_is_encrypted_on_first_setup() {
    let tmp = tempfile::tempdir().unwrap();
    {
        let mut store = Store::open_in_dir(tmp.path(), &OpenOptions::default()).unwrap();
        store
            .create_entry(&quick("2026-11-02", CANARY, "failed"), None)
            .unwrap();
    }
    assert!(!files_containing(tmp.path(), CANARY).is_empty());
    let (key, _) = vault(tmp.path()).create("a passphrase for tests").unwrap();
    assert!(
        files_containing(tmp.path(), CANARY).is_empty(),
        "no plaintext copy is left"
    );
    let store = Store::open_in_dir(tmp.path(), &OpenOptions::with_key(key)).unwrap();
    let page = store.list_entries(None, 10).unwrap();
    assert_eq!(page.entries.len(), 1);
    assert_eq!(page.entries[0].title, CANARY);
}
