//! What the window may do, by the app's real capability (capabilities/main-window.json): call
//! each of Eftertanke's commands, hear the events the app sends it, and nothing else.

use crate::shell_app::Shell;
use serde_json::json;

#[test]
fn the_capability_grants_every_command_and_nothing_unknown_runs() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    // Written by build.rs from the commands in src/commands/.
    let capability: serde_json::Value =
        serde_json::from_str(include_str!("../../capabilities/main-window.json")).unwrap();
    let commands: Vec<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p.as_str()?.strip_prefix("allow-"))
        .map(|c| c.replace('-', "_"))
        .collect();
    assert!(commands.len() >= 80, "the capability grants the commands: {commands:?}");
    for cmd in &commands {
        if let Err(err) = shell.invoke(cmd, json!({})) {
            let text = err.to_string();
            assert!(
                !text.contains("not allowed"),
                "{cmd} must be granted by capabilities/main-window.json: {text}"
            );
            assert!(
                !text.contains("not found"),
                "{cmd} must be registered (build.rs lists the handler for lib.rs): {text}"
            );
        }
    }
    let err = shell.invoke("read_any_file", json!({})).unwrap_err();
    assert!(!err.to_string().is_empty(), "an unknown command must be refused");
}

#[test]
fn the_window_may_hear_the_app_s_events_but_not_send_any() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    // What the window's onBackendEvent asks (ui/src/ipc/events.ts): without this grant the
    // team area never hears "spaces-read" and a colleague's share waits for a click.
    let listen = json!({ "event": "spaces-read", "target": { "kind": "Any" }, "handler": 7 });
    let id = shell
        .invoke("plugin:event|listen", listen)
        .expect("listening is granted");
    shell
        .invoke(
            "plugin:event|unlisten",
            json!({ "event": "spaces-read", "eventId": id }),
        )
        .expect("unlistening is granted");
    let emit = shell.invoke("plugin:event|emit", json!({ "event": "spaces-read", "payload": 1 }));
    let err = emit.expect_err("the window may not send events");
    assert!(err.to_string().contains("not allowed"), "{err}");
}
