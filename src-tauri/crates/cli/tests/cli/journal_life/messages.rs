//! Messages that say what happened: not-UTF-8 passphrases, unreadable and foreign key files.

use super::*;

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
