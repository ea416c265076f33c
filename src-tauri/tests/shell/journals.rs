//! Several journals on one computer, over IPC: the first run names the journal, the unlock
//! screen offers a choice, nothing of one journal is served to another, and the webview can
//! name a journal only by its id — never by a path.

use super::shell_app::{PASSPHRASE, Shell, first_attempt};
use eftertanke_core::{Home, Journals};
use serde_json::{Value, json};

fn status(shell: &Shell) -> Value {
    shell.invoke("app_status", json!({})).unwrap()
}

fn id_of(status: &Value, name: &str) -> String {
    status["choices"]["journals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["name"] == name)
        .unwrap_or_else(|| panic!("{name} is not offered: {status}"))["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[test]
fn the_unlock_screen_offers_each_journal_and_opens_only_the_one_chosen() {
    let root = tempfile::tempdir().unwrap();
    let shell = Shell::on(Home::Shelf(Journals::at(root.path())));
    let first = status(&shell);
    assert_eq!(first["phase"], "setup");
    assert_eq!(
        first["choices"],
        json!({ "canChoose": true, "journals": [], "preselected": null, "remembered": null })
    );

    let unnamed = shell
        .invoke("create_passphrase", json!({ "passphrase": PASSPHRASE }))
        .unwrap_err();
    assert_eq!(
        (&unnamed["field"], &unnamed["problem"]),
        (&json!("name"), &json!("required"))
    );
    shell
        .invoke("create_passphrase", json!({ "name": "AB", "passphrase": PASSPHRASE }))
        .unwrap();
    assert_eq!(status(&shell)["journal"]["name"], "AB");
    shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    shell.invoke("lock", json!({})).unwrap();

    let locked = status(&shell);
    assert_eq!(locked["phase"], "locked");
    assert_eq!(locked["journal"], Value::Null);
    let ab = id_of(&locked, "AB");
    assert_eq!(locked["choices"]["preselected"], json!(ab), "the only journal");

    // A second person starts their own from the unlock screen.
    let taken = shell
        .invoke("create_passphrase", json!({ "name": "ab", "passphrase": PASSPHRASE }))
        .unwrap_err();
    assert_eq!(taken["problem"], "duplicate");
    shell
        .invoke(
            "create_passphrase",
            json!({ "name": "Rådgiver", "passphrase": "another passphrase" }),
        )
        .unwrap();
    assert_eq!(shell.entry_count(), 0, "a new journal holds nothing of the other");
    shell.invoke("lock", json!({})).unwrap();
    let two = status(&shell);
    assert_eq!(
        two["choices"]["preselected"],
        Value::Null,
        "the journal used last is not shown"
    );
    let radgiver = id_of(&two, "Rådgiver");

    let unlock = |journal: Value, passphrase: &str, remember: bool| {
        shell.invoke(
            "unlock",
            json!({ "journal": journal, "passphrase": passphrase, "remember": remember }),
        )
    };
    assert_eq!(unlock(Value::Null, PASSPHRASE, false).unwrap_err()["field"], "journal");
    for path in ["..", "../..", "/tmp", "journals/../..", "main/.."] {
        assert_eq!(
            unlock(json!(path), PASSPHRASE, false).unwrap_err()["kind"],
            "not_found",
            "{path}"
        );
    }
    assert_eq!(
        unlock(json!(radgiver), PASSPHRASE, false).unwrap_err()["kind"],
        "wrong_passphrase"
    );
    unlock(json!(ab), PASSPHRASE, true).unwrap();
    assert_eq!(shell.entry_count(), 1);
    assert_eq!(status(&shell)["journal"]["name"], "AB");
    shell.invoke("lock", json!({})).unwrap();
    assert_eq!(
        status(&shell)["choices"]["preselected"],
        json!(ab),
        "remembered, as asked"
    );

    unlock(json!(radgiver), "another passphrase", false).unwrap();
    assert_eq!(shell.entry_count(), 0);
    let about = shell.invoke("about", json!({})).unwrap();
    assert!(about["dataDir"].as_str().unwrap().contains(&radgiver), "{about}");
}

#[test]
fn under_one_folder_there_is_no_choice_and_no_name_to_give() {
    let dir = tempfile::tempdir().unwrap();
    let shell = Shell::start(dir.path());
    let open = status(&shell);
    assert_eq!(open["choices"]["canChoose"], false);
    assert_eq!(open["journal"]["name"], Value::Null);
}
