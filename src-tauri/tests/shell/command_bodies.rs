//! Every Tauri command is a one-screen adapter: one core call (through the state) plus error
//! mapping. Checked on the source, since "no business rule in the shell" is otherwise only a
//! habit. A command that must still do more is on the allow-list below, with its reason.

use std::path::Path;

/// Commands allowed to do more than one call, and why. Each is a follow-up, not a pattern.
/// (None now: `app_status`, the last, reads the state once, `AppState::status`.)
const ALLOWED: &[(&str, &str)] = &[];

/// Words that mean a decision or a loop — a rule living in the shell.
const RULE_WORDS: &[&str] = &[
    "if ", "match ", "for ", "while ", "loop ", "SELECT ", "INSERT ", "UPDATE ", "DELETE ",
];

#[test]
fn every_command_body_is_one_core_call_plus_error_mapping() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/commands");
    let mut checked = 0;
    let mut offenders = Vec::new();
    for file in std::fs::read_dir(&dir).unwrap() {
        let path = file.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        for (name, body) in commands(&source) {
            checked += 1;
            let allowed = ALLOWED.iter().any(|(allowed, _)| *allowed == name);
            let statements = body.matches(';').count();
            let rules: Vec<&&str> = RULE_WORDS.iter().filter(|w| body.contains(**w)).collect();
            // `state.x(...)` or a core function, optionally `?` and a background kick, then `Ok`.
            let core_calls = body.matches("state.").count() + body.matches("eftertanke_core::").count();
            let kicks = body.matches("background::").count();
            let more = !rules.is_empty() || statements > 1 + kicks || core_calls > 1;
            if allowed && !more {
                // The allow-list stays true: a command that became one call leaves it.
                offenders.push(format!("{name} is one core call now: take it off the allow-list"));
            } else if more && !allowed {
                offenders.push(format!(
                    "{}: {name} ({statements} statements, {core_calls} core calls, rules {rules:?})",
                    path.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(checked >= 40, "the check found the commands: {checked}");
    assert!(
        offenders.is_empty(),
        "a command body must be one core call plus error mapping; move the rest into the core:\n{}",
        offenders.join("\n")
    );
}

/// The `#[tauri::command]` functions of a file and their bodies.
fn commands(source: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find("#[tauri::command") {
        rest = &rest[at..];
        let fn_at = rest.find("pub fn ").unwrap();
        let name: String = rest[fn_at + 7..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        let open = fn_at + rest[fn_at..].find('{').unwrap();
        let mut depth = 0;
        let mut end = open;
        for (i, c) in rest[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        end = open + i;
                        break;
                    }
                }
                _ => {}
            }
        }
        out.push((name, rest[open + 1..end].to_owned()));
        rest = &rest[end..];
    }
    out
}
