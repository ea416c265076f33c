//! Input that was accepted once and should not be: control characters and invisible titles,
//! lists cut without a word, a question answered twice, days no attempt falls on, bytes that
//! are not text — each refused with exit 65, the field named, and nothing written. And a closed
//! pipe ends a command quietly.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

use crate::process::{PASSPHRASE, run_with, text};
use std::path::Path;
use std::process::{Command, Output};

fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> Output {
    run_with(dir, args, Some(stdin), PASSPHRASE)
}

fn entry(answers: serde_json::Value) -> Vec<u8> {
    serde_json::json!({ "guideId": "co-production", "answers": answers })
        .to_string()
        .into_bytes()
}

fn base() -> serde_json::Map<String, serde_json::Value> {
    let serde_json::Value::Object(map) = serde_json::json!({
        "occurred_on": "2026-03-02", "headline": "Et forsøg", "outcome": "partly"
    }) else {
        unreachable!()
    };
    map
}

fn with(key: &str, value: serde_json::Value) -> Vec<u8> {
    let mut answers = base();
    answers.insert(key.to_owned(), value);
    entry(serde_json::Value::Object(answers))
}

fn count(dir: &Path) -> usize {
    text(&run(dir, &["list"], b"").stdout).lines().count()
}

#[test]
fn bad_input_is_refused_with_the_field_named_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let fifty_one: Vec<_> = (0..51).map(|n| serde_json::json!(format!("rolle {n}"))).collect();
    let fifty_one_actions: Vec<_> = (0..51)
        .map(|n| serde_json::json!({ "text": format!("gør {n}") }))
        .collect();
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("escape codes in a title", with("headline", "a\u{1b}[2J\u{1b}[Hb".into()), "answers.headline"),
        ("a NUL in a title", with("headline", "nul\u{0}byte".into()), "answers.headline"),
        ("a forged row", with("headline", "x\n2026-01-01  succeeded  forged".into()), "answers.headline"),
        ("a carriage return", with("headline", "over\rwritten".into()), "answers.headline"),
        ("a right-to-left override", with("headline", "\u{202E}gnidaeh".into()), "answers.headline"),
        ("zero-width only", with("headline", "\u{200B}\u{200D}\u{FEFF}".into()), "headline"),
        ("a bell in a long text", with("what_happened", "ding\u{7}".into()), "answers.what_happened"),
        ("an escape in an action", with("actions", serde_json::json!([{ "text": "ring\u{1b}[31m" }])), "answers.actions[0].text"),
        ("51 roles", with("participants", fifty_one.into()), "answers.participants"),
        ("51 actions", with("actions", fifty_one_actions.into()), "answers.actions"),
        ("year 0", with("occurred_on", "0000-01-01".into()), "answers.occurred_on"),
        ("year 9999", with("occurred_on", "9999-12-31".into()), "answers.occurred_on"),
        ("year +10000", with("occurred_on", "+10000-01-01".into()), "answers.occurred_on"),
        ("a review in 3000", with("actions", serde_json::json!([{ "text": "se igen", "reviewOn": "3000-01-01" }])), "reviewOn"),
        (
            "a question answered twice",
            br#"{"guideId":"co-production","answers":{"occurred_on":"2026-03-02","headline":"Et","headline":"To","outcome":"partly"}}"#.to_vec(),
            "answers.headline",
        ),
        (
            "an action's text given twice",
            br#"{"guideId":"co-production","answers":{"occurred_on":"2026-03-02","headline":"Et","outcome":"partly","actions":[{"text":"ring","text":"skriv"}]}}"#.to_vec(),
            "answers.actions",
        ),
        (
            "a part of participation given twice",
            br#"{"guideId":"co-production","answers":{"occurred_on":"2026-03-02","headline":"Et","outcome":"partly","participation":{"role":"consulted","role":"co_initiator"}}}"#.to_vec(),
            "answers.participation",
        ),
        ("bytes that are not UTF-8", b"{\"guideId\":\"co-production\",\"answers\":{\"headline\":\"\xff\xfe\"}}".to_vec(), "UTF-8"),
    ];
    for (what, input, field) in cases {
        let out = run(dir, &["add", "--json"], &input);
        assert_eq!(out.status.code(), Some(65), "{what}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains(field),
            "{what}: the message names {field}: {}",
            text(&out.stderr)
        );
    }
    assert_eq!(count(dir), 0, "nothing was written");

    // The edges that stay allowed.
    for (what, input) in [
        ("1970", with("occurred_on", "1970-01-01".into())),
        ("2100", with("occurred_on", "2100-12-31".into())),
        (
            "a long text with lines and tabs",
            with("what_happened", "første\r\nanden\tlinje".into()),
        ),
        (
            "50 roles",
            with(
                "participants",
                (0..50).map(|n| serde_json::json!(format!("rolle {n}"))).collect(),
            ),
        ),
        ("Arabic and Hebrew letters", with("headline", "مرحبا שלום".into())),
    ] {
        let out = run(dir, &["add", "--json"], &input);
        assert!(out.status.success(), "{what}: {}", text(&out.stderr));
    }
    assert_eq!(count(dir), 5);
}

#[test]
fn a_closed_pipe_ends_a_command_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    assert!(run(dir, &["demo", "--entries", "3000"], b"").status.success());
    // Far more than a pipe holds (the JSON of 50 lanes), read 10 bytes of: the writer must meet
    // the closed pipe.
    let out = Command::new("bash")
        .arg("-c")
        .arg(format!(
            "set -o pipefail; {} timeline --json --limit 50 | head -c 10 >/dev/null; echo $?",
            env!("CARGO_BIN_EXE_eftertanke")
        ))
        .env("EFTERTANKE_DATA_DIR", dir)
        .env("EFTERTANKE_PASSPHRASE", "correct horse battery")
        .output()
        .unwrap();
    assert_eq!(text(&out.stderr), "", "no 'Broken pipe' for the person to read");
    assert_eq!(text(&out.stdout).trim(), "141", "pipefail still sees the pipe closed");
}

#[test]
fn cpr_numbers_written_past_the_old_guard_are_refused_by_add() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    // Each once saved with exit 0; the whole classes are in the core's table test.
    for what in [
        "cpr 010203-1234 2 børn",
        "nr 1 010203-1234",
        "010203\n1234",
        "010203\t1234",
        "010203  1234",
        "010203 - 1234",
        "01.02.03-1234",
        "010203.1234",
        "010203/1234",
        "010203\u{2014}1234",
        "010203\u{2212}1234",
        "010203\u{2012}1234",
        "010203\u{00AD}1234",
        "010203\u{FF0D}1234",
        "CPR010203-1234",
        "A010203-1234",
        "\u{FF10}\u{FF11}\u{FF10}\u{FF12}\u{FF10}\u{FF13}-\u{FF11}\u{FF12}\u{FF13}\u{FF14}",
        "\u{660}\u{661}\u{660}\u{662}\u{660}\u{663}-\u{661}\u{662}\u{663}\u{664}",
        "\u{1D7CE}\u{1D7CF}\u{1D7CE}\u{1D7D0}\u{1D7CE}\u{1D7D1}-\u{1D7CF}\u{1D7D0}\u{1D7D1}\u{1D7D2}",
        "0102\u{200B}03-1234",
        "01\u{200D}0203-1234",
        "010203-12\u{2060}34",
        "010203\u{FEFF}-1234",
    ] {
        let out = run(dir, &["add", "--json"], &with("what_happened", what.into()));
        assert_eq!(out.status.code(), Some(65), "{what:?}: {}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("answers.what_happened") && text(&out.stderr).contains("CPR"),
            "{what:?}: the message names the field and says why: {}",
            text(&out.stderr)
        );
    }
    assert_eq!(count(dir), 0, "nothing was written");
    // The look-alikes the issue names still save.
    for what in [
        "kr. 120.000",
        "sag 2023-123456",
        "KLE 27.24.00",
        "01.02.2023",
        "10:15-12:30",
    ] {
        let out = run(dir, &["add", "--json"], &with("what_happened", what.into()));
        assert!(out.status.success(), "{what:?}: {}", text(&out.stderr));
    }
}
