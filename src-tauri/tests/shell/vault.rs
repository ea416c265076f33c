//! The vault and backups over IPC: locking, unlocking, the background daily backup, and
//! backups made, listed, checked and restored.

use super::shell_app::{PASSPHRASE, Shell, first_attempt};
use serde_json::{Value, json};

#[test]
fn locking_closes_the_journal_and_only_the_passphrase_reopens_it() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    shell.invoke("lock", json!({})).unwrap();
    let status = shell.invoke("app_status", json!({})).unwrap();
    assert_eq!(status["phase"], "locked");
    assert_eq!(
        status["settings"],
        Value::Null,
        "nothing of the journal is served while locked"
    );
    assert_eq!(
        shell.invoke("list_entries", json!({})).unwrap_err()["kind"],
        "vault_locked"
    );
    let wrong = shell
        .invoke(
            "unlock",
            json!({ "passphrase": "not the passphrase", "remember": false }),
        )
        .unwrap_err();
    assert_eq!(wrong["kind"], "wrong_passphrase");
    shell
        .invoke("unlock", json!({ "passphrase": PASSPHRASE, "remember": false }))
        .unwrap();
    assert_eq!(shell.entry_count(), 1);
}

#[test]
fn a_backup_is_made_listed_and_restored_over_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    // The first daily backup is made in the background on unlocking; let it finish first.
    wait_for_daily_backup(&shell);
    shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    let made = shell
        .invoke("back_up_now", json!({ "onProgress": "__CHANNEL__:1" }))
        .unwrap();
    assert_eq!(made["reason"], "manual");
    shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    let list = shell.invoke("list_backups", json!({})).unwrap();
    assert_eq!(list["backups"][0]["fileName"], made["fileName"]);
    let check = shell
        .invoke("verify_backup", json!({ "fileName": made["fileName"] }))
        .unwrap();
    assert_eq!(check["entries"], 1);
    for bad in ["../eftertanke.sqlite3", "eftertanke.key.json", "/etc/passwd"] {
        let err = shell.invoke("restore_backup", json!({ "fileName": bad })).unwrap_err();
        assert_eq!(err["kind"], "not_a_backup", "{bad}");
    }
    assert_eq!(shell.entry_count(), 2);
    let aside = shell
        .invoke("restore_backup", json!({ "fileName": made["fileName"] }))
        .unwrap();
    assert_eq!(aside["reason"], "before_restore");
    assert_eq!(shell.entry_count(), 1);
    let newest = shell.invoke("newest_good_backup", json!({})).unwrap();
    assert_eq!(
        newest["reason"], "before_restore",
        "the journal as it was is the newest backup"
    );
}

/// Waits for the daily backup that unlocking starts in the background.
// Polling for the background thread's result needs a pause between looks.
#[allow(clippy::disallowed_methods)]
fn wait_for_daily_backup(shell: &Shell) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let list = shell.invoke("list_backups", json!({})).unwrap();
        if list["backups"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["reason"] == "daily")
        {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no daily backup after unlocking: {list}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn opening_the_journal_makes_the_first_daily_backup_in_the_background() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    shell.invoke("lock", json!({})).unwrap();
    shell
        .invoke("unlock", json!({ "passphrase": PASSPHRASE, "remember": false }))
        .unwrap();
    wait_for_daily_backup(&shell);
}

#[test]
fn the_search_index_is_built_again_over_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    for _ in 0..3 {
        shell
            .invoke("create_entry", json!({ "input": first_attempt() }))
            .unwrap();
    }
    let built = shell
        .invoke("rebuild_search_index", json!({ "onProgress": "__CHANNEL__:1" }))
        .unwrap();
    assert_eq!(built, 3);
    let found = shell
        .invoke(
            "search_entries",
            json!({ "request": { "text": "danskkursus mødrene" } }),
        )
        .unwrap();
    assert_eq!(found["total"], 3, "the rebuilt index finds them: {found}");
}

/// A journal with the reference case's first attempt, found by a search (which makes the
/// window's searching connection).
fn with_one_entry_found(dir: &std::path::Path) -> Shell {
    let shell = Shell::start(dir);
    shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    let found = shell
        .invoke("search_entries", json!({ "request": { "text": "danskkursus" } }))
        .unwrap();
    assert_eq!(found["total"], 1);
    shell
}

/// The window's searches run on a connection of their own: closed with the journal, so a
/// locked window finds nothing, and made again at the next unlock.
#[test]
fn searching_follows_the_journal_through_a_lock() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = with_one_entry_found(tmp.path());
    let search = || shell.invoke("search_entries", json!({ "request": { "text": "danskkursus" } }));
    shell.invoke("lock", json!({})).unwrap();
    assert_eq!(
        search().unwrap_err()["kind"],
        "vault_locked",
        "a locked journal is not searched"
    );
    shell
        .invoke("unlock", json!({ "passphrase": PASSPHRASE, "remember": false }))
        .unwrap();
    assert_eq!(search().unwrap()["total"], 1, "searched again after the unlock");
    shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    assert_eq!(search().unwrap()["total"], 2, "a save is found at the next key");
}

/// A search does not wait for work that holds the journal (a save, a read of the team's folder):
/// it reads on a connection of its own. The work here holds the journal until the search has
/// answered, or for 10 seconds: a search that waited would answer only after that.
#[test]
fn a_search_answers_while_other_work_holds_the_journal() {
    use std::sync::mpsc;
    use std::time::{Duration, Instant};
    let tmp = tempfile::tempdir().unwrap();
    let shell = with_one_entry_found(tmp.path());
    let search = || shell.invoke("search_entries", json!({ "request": { "text": "danskkursus" } }));
    let state = shell.state();
    let (held_tx, held_rx) = mpsc::channel();
    let (done_tx, done_rx) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || {
            state
                .with_store(|_store| {
                    held_tx.send(()).unwrap();
                    let _ = done_rx.recv_timeout(Duration::from_secs(10));
                    Ok(())
                })
                .unwrap();
        });
        held_rx.recv().unwrap();
        let asked = Instant::now();
        let found = search();
        let waited = asked.elapsed();
        done_tx.send(()).unwrap();
        assert_eq!(found.unwrap()["total"], 1);
        assert!(
            waited < Duration::from_secs(5),
            "the search waited for the journal: {waited:?}"
        );
    });
}
