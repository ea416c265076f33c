//! The `eftertanke` command as a script would use it: exit codes, messages, and that bad input
//! writes nothing.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

use crate::process::PASSPHRASE;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    run_with(dir, args, stdin, PASSPHRASE)
}

fn run_with(dir: &Path, args: &[&str], stdin: Option<&str>, passphrase: &str) -> Output {
    crate::process::run_with(dir, args, stdin.map(str::as_bytes), passphrase)
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn count(dir: &Path) -> usize {
    stdout(&run(dir, &["list", "--limit", "200"], None)).lines().count()
}

#[test]
fn add_from_flags_then_list_and_show() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &[
            "add",
            "--date",
            "2025-09-03",
            "--title",
            "Danskkursus",
            "--outcome",
            "failed",
            "--notes",
            "Få kom.",
        ],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    assert_eq!(id.len(), 36, "add prints the new id, for scripts");
    let list = stdout(&run(tmp.path(), &["list"], None));
    assert!(
        list.contains(&id) && list.contains("Danskkursus") && list.contains("failed"),
        "{list}"
    );
    let show = run(tmp.path(), &["show", &id], None);
    assert!(stdout(&show).contains("Få kom."), "{}", stdout(&show));
    let json = run(tmp.path(), &["show", &id, "--json"], None);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(value["occurredOn"], "2025-09-03");
}

#[test]
fn add_reads_json_from_standard_input() {
    let tmp = tempfile::tempdir().unwrap();
    let json = r#"{"guideId":"after-action-review","answers":{"occurred_on":"2026-01-15","headline":"Forening stiftet","outcome":"succeeded"}}"#;
    let out = run(tmp.path(), &["add", "--json"], Some(json));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(tmp.path()), 1);
}

#[test]
fn malformed_json_is_refused_with_exit_65_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["add", "--json"], Some("{\"title\": \"half"));
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr(&out).contains("not a valid entry in JSON"), "{}", stderr(&out));
    let out = run(
        tmp.path(),
        &["add", "--json"],
        Some(r#"{"guideId":"gibbs","mood":"good"}"#),
    );
    assert_eq!(
        out.status.code(),
        Some(65),
        "unknown fields are refused, not silently dropped"
    );
    assert!(stderr(&out).contains("mood"), "{}", stderr(&out));
    assert_eq!(count(tmp.path()), 0);
}

#[test]
fn bad_fields_are_named_with_exit_65_and_nothing_written() {
    let tmp = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 4] = [
        (
            &["add", "--date", "2025-09-03", "--title", "", "--outcome", "failed"],
            "headline",
        ),
        (
            &["add", "--date", "2025-02-29", "--title", "x", "--outcome", "failed"],
            "occurred_on",
        ),
        (&["add", "--date", "2025-09-03", "--title", "x"], "outcome"),
        (
            &["add", "--date", "2025-09-03", "--title", "x", "--outcome", "great"],
            "outcome",
        ),
    ];
    for (args, field) in cases {
        let out = run(tmp.path(), args, None);
        assert_eq!(out.status.code(), Some(65), "{args:?}");
        assert!(
            stderr(&out).contains(field),
            "the message must name {field}: {}",
            stderr(&out)
        );
    }
    assert_eq!(count(tmp.path()), 0);
}

#[test]
fn an_answer_of_the_wrong_type_names_the_question_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let json = r#"{"guideId":"co-production","answers":{"occurred_on":"2026-01-15","headline":"x","outcome":"partly","interest_alignment":"high"}}"#;
    let out = run(tmp.path(), &["add", "--json"], Some(json));
    assert_eq!(out.status.code(), Some(65));
    assert!(stderr(&out).contains("interest_alignment"), "{}", stderr(&out));
    assert_eq!(count(tmp.path()), 0);
}

#[test]
fn the_reference_case_loads_as_two_linked_attempts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["demo", "--reference-case", "--language", "en"], None);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = stdout(&run(tmp.path(), &["list"], None));
    assert!(list.contains("Danish course for mothers — few came"), "{list}");
    assert!(list.contains("crime prevention"), "{list}");
}

#[test]
fn an_unknown_id_exits_1_and_a_malformed_one_exits_65() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["show", "0190a5c4-0000-7000-8000-000000000000"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no entry"), "{}", stderr(&out));
    assert_eq!(run(tmp.path(), &["show", "abc"], None).status.code(), Some(65));
}

#[test]
fn a_damaged_database_exits_74_with_advice_and_is_not_touched() {
    let tmp = tempfile::tempdir().unwrap();
    assert!(
        run(tmp.path(), &["add", "--title", "x", "--outcome", "failed"], None)
            .status
            .success()
    );
    let db = tmp.path().join("eftertanke.sqlite3");
    std::fs::write(&db, vec![9u8; 4096]).unwrap();
    let out = run(tmp.path(), &["list"], None);
    assert_eq!(out.status.code(), Some(74));
    assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&db).unwrap(), vec![9u8; 4096]);

    // Without its key file an encrypted journal cannot be opened, and no new key replaces it.
    std::fs::remove_file(tmp.path().join("eftertanke.key.json")).unwrap();
    let out = run(tmp.path(), &["list"], None);
    assert_eq!(out.status.code(), Some(74));
    assert!(stderr(&out).contains("key file"), "{}", stderr(&out));
    assert!(!tmp.path().join("eftertanke.key.json").exists());
}

#[test]
fn demo_fills_the_database_and_db_flag_picks_the_file() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("bench.sqlite3");
    let out = run(
        tmp.path(),
        &["--db", file.to_str().unwrap(), "demo", "--entries", "120"],
        None,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = run(
        tmp.path(),
        &["--db", file.to_str().unwrap(), "list", "--limit", "200"],
        None,
    );
    assert_eq!(stdout(&listed).lines().count(), 120);
    assert_eq!(
        count(tmp.path()),
        0,
        "--db must not touch the data directory's database"
    );
}

#[test]
fn a_wrong_passphrase_exits_77_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(
            dir.path(),
            &["add", "--title", "Første møde", "--outcome", "failed"],
            None
        )
        .status
        .success()
    );
    let key_file = std::fs::read(dir.path().join("eftertanke.key.json")).unwrap();
    let out = run_with(dir.path(), &["list"], None, "not the passphrase");
    assert_eq!(out.status.code(), Some(77), "{}", stderr(&out));
    assert!(stderr(&out).contains("does not unlock"), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.path().join("eftertanke.key.json")).unwrap(), key_file);
    assert_eq!(count(dir.path()), 1, "the right passphrase still opens it");
}

#[test]
fn backup_verify_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(
            dir.path(),
            &["add", "--title", "Før backup", "--outcome", "partly"],
            None
        )
        .status
        .success()
    );
    let made = run(dir.path(), &["backup"], None);
    assert!(made.status.success(), "{}", stderr(&made));
    let path = stdout(&made).trim().to_owned();
    assert!(Path::new(&path).is_file(), "backup at {path}");
    assert!(
        run(
            dir.path(),
            &["add", "--title", "Efter backup", "--outcome", "failed"],
            None
        )
        .status
        .success()
    );
    assert_eq!(count(dir.path()), 2);

    let verified = run(dir.path(), &["verify"], None);
    assert!(verified.status.success(), "{}", stderr(&verified));
    assert!(stdout(&verified).starts_with("ok\t"), "{}", stdout(&verified));

    let refused = run(dir.path(), &["restore", &path], None);
    assert_ne!(refused.status.code(), Some(0), "restore without a terminal needs --yes");
    assert_eq!(count(dir.path()), 2, "an unconfirmed restore changes nothing");

    let restored = run(dir.path(), &["restore", &path, "--yes"], None);
    assert!(restored.status.success(), "{}", stderr(&restored));
    assert_eq!(count(dir.path()), 1, "the journal is as it was at the backup");
    assert!(stdout(&restored).contains("before-restore"), "{}", stdout(&restored));
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_with_65_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    assert!(
        run(
            dir.path(),
            &["add", "--title", "Bliver", "--outcome", "succeeded"],
            None
        )
        .status
        .success()
    );
    let stranger = dir.path().join("notes.sqlite3");
    std::fs::write(&stranger, b"SQLite format 3\0 but then nothing of the sort").unwrap();
    for args in [
        vec!["verify", stranger.to_str().unwrap()],
        vec!["restore", stranger.to_str().unwrap(), "--yes"],
    ] {
        let out = run(dir.path(), &args, None);
        assert_eq!(out.status.code(), Some(65), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains("not an Eftertanke backup"), "{}", stderr(&out));
    }
    assert_eq!(count(dir.path()), 1);
}

#[test]
fn scan_prints_one_json_line_per_finding_with_char_offsets_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "Æble: 070761-4285, ring 22 34 56 78 eller skriv til Fatima på x@y.dk";
    let out = run(tmp.path(), &["scan", "--never-store", "fatima"], Some(text));
    assert_eq!(out.status.code(), Some(1), "something was found: {}", stderr(&out));
    let lines: Vec<serde_json::Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kinds: Vec<&str> = lines.iter().map(|l| l["kind"].as_str().unwrap()).collect();
    assert_eq!(kinds, ["cpr", "phone", "never_store", "email"]);
    assert_eq!(
        (lines[0]["start"].as_u64(), lines[0]["end"].as_u64()),
        (Some(6), Some(17)),
        "offsets count characters, so Æ is one"
    );
    assert_eq!(lines[0]["confidence"], "high");
    assert_eq!(
        lines[0].as_object().unwrap().len(),
        4,
        "exactly kind, start, end, confidence"
    );
    let chars: Vec<char> = text.chars().collect();
    let found: String = chars[6..17].iter().collect();
    assert_eq!(found, "070761-4285");
}

#[test]
fn scan_of_clean_text_prints_nothing_and_exits_0() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(
        tmp.path(),
        &["scan"],
        Some("Mødet 12-03-2024 kl. 12:30 kostede 1.250,00 kr., sag 2024-123456."),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).is_empty());
}

#[test]
fn scan_needs_no_database() {
    let tmp = tempfile::tempdir().unwrap();
    let not_a_dir = tmp.path().join("file");
    std::fs::write(&not_a_dir, "x").unwrap();
    let out = run(&not_a_dir, &["scan"], Some("0707614285"));
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(!tmp.path().join("eftertanke.sqlite3").exists());
}

#[test]
fn scan_refuses_input_that_is_not_text() {
    let tmp = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_eftertanke"))
        .arg("scan")
        .env("EFTERTANKE_DATA_DIR", tmp.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&[0xff, 0xfe, 0x00]).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(65), "bad input is a data error, not a finding");
    assert!(stderr(&out).contains("UTF-8"));
}

#[test]
fn version_prints_the_workspace_version() {
    let tmp = tempfile::tempdir().unwrap();
    let out = run(tmp.path(), &["--version"], None);
    assert!(out.status.success(), "--version needs no journal: {}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        format!("eftertanke {}", env!("CARGO_PKG_VERSION")),
        "the CLI reports the one version of the workspace"
    );
    assert_eq!(
        std::fs::read_dir(tmp.path()).unwrap().count(),
        0,
        "--version creates nothing"
    );
}
