//! The IPC surface from one source: `ui/src/ipc/commands.ts` is generated from the Rust
//! commands themselves (their names, their arguments as Tauri names them, camelCase, and what
//! they answer), read with `syn` from `src/commands/`. The UI's `call` takes its types from
//! that file, so a renamed or retyped argument, or a command that is gone, fails `npm run
//! check` and not only end to end. This test regenerates the file and fails if it differs; to
//! update it: `UPDATE_BINDINGS=1 cargo test -p eftertanke-app --test shell bindings`.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;
use syn::{FnArg, GenericArgument, Item, Pat, PathArguments, ReturnType, Type};

/// Arguments Tauri fills in itself: the webview never sends them.
const INJECTED: &[&str] = &["State", "AppHandle", "Window", "WebviewWindow", "Webview"];

/// Rust types the JSON carries as TypeScript's own.
fn builtin(name: &str) -> Option<&'static str> {
    Some(match name {
        "String" | "str" | "PathBuf" | "Secret" => "string",
        "u8" | "u16" | "u32" | "u64" | "usize" | "i32" | "i64" | "f32" | "f64" => "number",
        "bool" => "boolean",
        "Value" => "unknown",
        _ => return None,
    })
}

struct Command {
    name: String,
    args: Vec<(String, String)>,
    returns: String,
}

fn src() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn commands() -> Vec<Command> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(src().join("src/commands"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let parsed = syn::parse_file(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for item in parsed.items {
            let Item::Fn(f) = item else { continue };
            if !f
                .attrs
                .iter()
                .any(|a| a.path().segments.iter().any(|s| s.ident == "command"))
            {
                continue;
            }
            let mut args = Vec::new();
            for input in &f.sig.inputs {
                let FnArg::Typed(arg) = input else { continue };
                if INJECTED.contains(&last_name(&arg.ty).as_str()) {
                    continue;
                }
                let Pat::Ident(ident) = &*arg.pat else {
                    panic!("{}: an argument that is not a plain name", f.sig.ident)
                };
                let name = camel(ident.ident.to_string().trim_start_matches("r#"));
                // Tauri reads an `Option` argument that is not sent as `None`.
                let name = if last_name(&arg.ty) == "Option" {
                    format!("{name}?")
                } else {
                    name
                };
                args.push((name, ts(&arg.ty)));
            }
            let returns = match &f.sig.output {
                ReturnType::Default => "null".to_owned(),
                ReturnType::Type(_, ty) => ts(ty),
            };
            out.push(Command {
                name: f.sig.ident.to_string(),
                args,
                returns,
            });
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn last_name(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default(),
        Type::Reference(r) => last_name(&r.elem),
        _ => String::new(),
    }
}

fn generics(ty: &Type) -> Vec<&Type> {
    let Type::Path(p) = ty else { return Vec::new() };
    match p.path.segments.last().map(|s| &s.arguments) {
        Some(PathArguments::AngleBracketed(a)) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// The TypeScript for a Rust type as serde writes it to JSON.
fn ts(ty: &Type) -> String {
    if let Type::Tuple(t) = ty
        && t.elems.is_empty()
    {
        return "null".into();
    }
    let name = last_name(ty);
    let inner = generics(ty);
    match (name.as_str(), inner.as_slice()) {
        ("Result", [ok, ..]) => ts(ok),
        ("Option", [t]) => format!("{} | null", ts(t)),
        ("Vec", [t]) => {
            let t = ts(t);
            if t.contains(' ') {
                format!("({t})[]")
            } else {
                format!("{t}[]")
            }
        }
        ("Channel", [t]) => format!("Channel<{}>", ts(t)),
        (n, []) if builtin(n).is_some() => builtin(n).unwrap_or_default().to_owned(),
        (n, []) if bindings().contains(n) => n.to_owned(),
        _ => {
            panic!("no TypeScript for `{name}`: export it with the bindings (bindings.rs) or map it in commands_ts.rs")
        }
    }
}

/// The type names the ts-rs bindings define (one file each), read once.
fn bindings() -> &'static BTreeSet<String> {
    static NAMES: OnceLock<BTreeSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        std::fs::read_dir(src().join("../ui/src/ipc/bindings"))
            .unwrap()
            .filter_map(|e| {
                e.unwrap()
                    .file_name()
                    .to_string_lossy()
                    .strip_suffix(".ts")
                    .map(str::to_owned)
            })
            .collect()
    })
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.extend(c.to_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn generate() -> String {
    let commands = commands();
    let known = bindings();
    let mut used = BTreeSet::new();
    for c in &commands {
        for text in c.args.iter().map(|(_, t)| t).chain([&c.returns]) {
            for word in text.split(|ch: char| !ch.is_alphanumeric()) {
                if known.contains(word) {
                    used.insert(word.to_owned());
                }
            }
        }
    }
    let mut out = String::from(
        "// Generated from the Rust commands in src-tauri/src/commands/ by\n\
         // src-tauri/tests/shell/commands_ts.rs: do not edit. To regenerate:\n\
         // UPDATE_BINDINGS=1 cargo test -p eftertanke-app --test shell bindings\n\
         import type { Channel } from \"@tauri-apps/api/core\";\n",
    );
    for name in &used {
        writeln!(out, "import type {{ {name} }} from \"./bindings/{name}\";").unwrap();
    }
    out.push_str("\n/** Every command the window may call: the arguments it sends and what comes back. */\nexport interface Commands {\n");
    for c in &commands {
        let args = if c.args.is_empty() {
            "Record<string, never>".to_owned()
        } else {
            let fields: Vec<String> = c.args.iter().map(|(n, t)| format!("{n}: {t}")).collect();
            format!("{{ {} }}", fields.join("; "))
        };
        writeln!(out, "  {}: {{ args: {args}; returns: {} }};", c.name, c.returns).unwrap();
    }
    out.push_str("}\n");
    out
}

/// Writes `commands.ts` from the commands, after the bindings it imports are written.
pub(crate) fn write() {
    std::fs::write(committed(), generate()).unwrap();
}

fn committed() -> PathBuf {
    src().join("../ui/src/ipc/commands.ts")
}

#[test]
fn the_generated_command_bindings_match_the_rust_commands() {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        // Written by the bindings' test once the types it names are (see `write`).
        return;
    }
    let fresh = generate();
    let on_disk = std::fs::read_to_string(committed()).unwrap_or_default();
    assert!(
        on_disk == fresh,
        "ui/src/ipc/commands.ts is stale; run UPDATE_BINDINGS=1 cargo test -p eftertanke-app --test shell bindings and commit"
    );
}

#[test]
fn every_granted_command_has_its_types() {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        // The bindings are being written again by their own test, which then writes these.
        return;
    }
    let capability = std::fs::read_to_string(src().join("capabilities/main-window.json")).unwrap();
    let granted: BTreeSet<String> = capability
        .split('"')
        .filter_map(|s| s.strip_prefix("allow-"))
        .map(|s| s.replace('-', "_"))
        .collect();
    let typed: BTreeSet<String> = commands().into_iter().map(|c| c.name).collect();
    assert_eq!(
        granted, typed,
        "the commands read from src/commands/ and the ones the window may call"
    );
    assert!(
        typed.len() > 80,
        "read {} commands: the reader missed some",
        typed.len()
    );
}
