//! Reads the app's commands from `src/commands/` — every `#[tauri::command]` function there,
//! the one place a command's name is written — and makes of that one list:
//! - the `allow-…` permission of each (Tauri's app manifest);
//! - the window's capability, `capabilities/main-window.json`, written when it differs;
//! - the handler `src/lib.rs` registers (`$OUT_DIR/handler.rs`, included there).

use serde_json::json;
use std::path::Path;

/// What the window may do besides calling the commands: hear the events the app sends it.
const EVENTS: [&str; 2] = ["core:event:allow-listen", "core:event:allow-unlisten"];

fn main() {
    println!("cargo:rerun-if-changed=src/commands");
    let commands = commands(Path::new("src/commands"));
    let names: Vec<String> = commands.iter().map(|(_, name)| name.clone()).collect();
    write_capability(Path::new("capabilities/main-window.json"), &names);
    write_handler(&commands);
    // `AppManifest` keeps the names for the build's whole run.
    let names: Vec<&'static str> = names.into_iter().map(|c| &*Box::leak(c.into_boxed_str())).collect();
    let manifest = tauri_build::AppManifest::new().commands(Box::leak(names.into_boxed_slice()));
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri configuration and capabilities must be valid");
}

/// The `#[tauri::command]` functions of the folder's files as (module, name), file by file
/// (sorted), each in the order written.
fn commands(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("src/commands is readable")
        .map(|e| e.expect("src/commands is readable").path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a command file is readable");
        let parsed = syn::parse_file(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for item in parsed.items {
            let syn::Item::Fn(f) = item else { continue };
            let is_command = f.attrs.iter().any(|a| {
                let path: Vec<String> = a.path().segments.iter().map(|s| s.ident.to_string()).collect();
                path == ["tauri", "command"]
            });
            if is_command {
                let module = file.file_stem().expect("a file name").to_string_lossy().into_owned();
                out.push((module, f.sig.ident.to_string()));
            }
        }
    }
    assert!(!out.is_empty(), "no #[tauri::command] found in {}", dir.display());
    out
}

/// The handler of every command, for `src/lib.rs` to include.
fn write_handler(commands: &[(String, String)]) {
    let paths: Vec<String> = commands
        .iter()
        .map(|(module, name)| format!("    commands::{module}::{name},\n"))
        .collect();
    let text = format!("tauri::generate_handler![\n{}]\n", paths.concat());
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("handler.rs"), text).expect("OUT_DIR is writable");
}

/// Writes the capability if it says anything else than the list grants (so a clean checkout,
/// whose file is in step, is never written to).
fn write_capability(path: &Path, commands: &[String]) {
    let permissions: Vec<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .chain(EVENTS.iter().map(|e| (*e).to_owned()))
        .collect();
    let capability = json!({
        "$schema": "../gen/schemas/desktop-schema.json",
        "identifier": "main-window",
        "description": "The journal window may call Eftertanke's own commands and hear the events the app sends it \
            (listen, unlisten; not emit), and nothing else: no file system, shell, HTTP or other plugin access. \
            Written by build.rs from the commands in src/commands/.",
        "windows": ["main"],
        "permissions": permissions,
    });
    let text = serde_json::to_string_pretty(&capability).expect("JSON") + "\n";
    if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(path, text).expect("the capability can be written");
    }
}
