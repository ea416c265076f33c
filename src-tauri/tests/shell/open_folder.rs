//! "Open the data folder" and "Open the team's folder": the shell finds the folder itself and
//! hands it to the opener (here a recorder, in the app the system's file manager). The webview
//! names only which folder — a space's id — never a path.

use super::shell_app::Shell;
use serde_json::json;

#[test]
fn the_data_folder_and_a_team_s_folder_are_opened_where_the_shell_finds_them() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("Team");
    std::fs::create_dir_all(&folder).unwrap();
    let shell = Shell::start(&tmp.path().join("journal"));

    shell.invoke("open_data_folder", json!({})).unwrap();
    let about = shell.invoke("about", json!({})).unwrap();
    let data_dir = std::path::PathBuf::from(about["dataDir"].as_str().unwrap());
    assert_eq!(
        shell.opened(),
        vec![data_dir],
        "the folder About names is the one opened"
    );

    let space = shell
        .invoke(
            "create_space",
            json!({ "name": "Team Nord", "leadName": "Leder", "folder": folder }),
        )
        .unwrap();
    shell.invoke("open_space_folder", json!({ "space": space })).unwrap();
    assert_eq!(
        shell.opened().last(),
        Some(&std::fs::canonicalize(&folder).unwrap()),
        "the team's shared folder, as this computer reaches it"
    );
}

#[test]
fn a_folder_that_is_not_there_or_a_space_that_is_not_one_opens_nothing_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("Team");
    std::fs::create_dir_all(&folder).unwrap();
    let shell = Shell::start(&tmp.path().join("journal"));
    let space = shell
        .invoke(
            "create_space",
            json!({ "name": "Team Nord", "leadName": "Leder", "folder": folder }),
        )
        .unwrap();

    let unknown = shell
        .invoke("open_space_folder", json!({ "space": "no such space" }))
        .unwrap_err();
    assert_eq!(unknown["kind"], "not_found", "{unknown}");

    // The synced folder disconnected (a drive letter gone, a library unlinked).
    std::fs::remove_dir_all(&folder).unwrap();
    let gone = shell
        .invoke("open_space_folder", json!({ "space": space }))
        .unwrap_err();
    assert_eq!(gone["kind"], "not_found", "{gone}");
    assert!(shell.opened().is_empty(), "nothing was handed to the file manager");

    // A path where a space's id goes is not a space: nothing is opened.
    let path = shell
        .invoke("open_space_folder", json!({ "space": tmp.path() }))
        .unwrap_err();
    assert_eq!(path["kind"], "not_found", "{path}");
    assert!(shell.opened().is_empty());
}

#[test]
fn when_the_system_cannot_open_a_folder_the_window_is_told() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start_with_opener(&tmp.path().join("journal"), |_| Err("no file manager".into()));
    let failed = shell.invoke("open_data_folder", json!({})).unwrap_err();
    assert_eq!(failed["kind"], "internal", "{failed}");
    assert!(
        failed["message"].as_str().unwrap().contains("no file manager"),
        "{failed}"
    );
}

#[test]
fn show_in_folder_opens_the_folder_the_last_export_was_written_into() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(&tmp.path().join("journal"));
    shell
        .invoke("create_entry", json!({ "input": super::shell_app::first_attempt() }))
        .unwrap();

    let nothing = shell.invoke("show_last_export", json!({})).unwrap_err();
    assert_eq!(nothing["kind"], "internal", "{nothing}");
    assert!(shell.opened().is_empty(), "before an export there is nothing to show");

    let out = tmp.path().join("Eksporter");
    std::fs::create_dir_all(&out).unwrap();
    let request = json!({ "format": "json", "path": out.join("alt.json"), "locale": "da" });
    shell
        .invoke(
            "export_entries",
            json!({ "request": request, "onProgress": "__CHANNEL__:1" }),
        )
        .unwrap();
    // The window asks without naming a folder: the shell shows where the core wrote.
    shell.invoke("show_last_export", json!({})).unwrap();
    assert_eq!(shell.opened(), vec![out]);
}
