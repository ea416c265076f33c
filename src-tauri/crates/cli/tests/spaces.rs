//! `eftertanke space …` between real processes: a lead and two members, each with their own
//! journal, one shared folder, members sharing at the same moment, and bad input refused.

// Test helpers unwrap too: a panic there is the failure report.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

const PASSPHRASE: &str = "correct horse battery";

fn spawn(dir: &Path, args: &[&str], stdin: Option<&str>) -> Child {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eftertanke"))
        .args(args)
        .env("EFTERTANKE_DATA_DIR", dir)
        .env("EFTERTANKE_PASSPHRASE", PASSPHRASE)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child
}

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    spawn(dir, args, stdin).wait_with_output().unwrap()
}

/// Runs and expects success; returns standard output.
fn ok(dir: &Path, args: &[&str], stdin: Option<&str>) -> String {
    let out = run(dir, args, stdin);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn add(dir: &Path, title: &str) -> String {
    ok(
        dir,
        &["add", "--date", "2026-03-12", "--title", title, "--outcome", "partly"],
        None,
    )
    .trim()
    .to_owned()
}

#[test]
fn a_team_shares_through_a_folder_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let (lead, sara, ali) = (tmp.path().join("lead"), tmp.path().join("sara"), tmp.path().join("ali"));
    let folder = tmp.path().join("Delt mappe");
    std::fs::create_dir_all(&folder).unwrap();
    let folder_arg = folder.to_str().unwrap();
    let space = ok(
        &lead,
        &["space", "create", "Team Nord", "--folder", folder_arg, "--as", "Leder"],
        None,
    )
    .trim()
    .to_owned();
    assert!(uuid_like(&space), "{space}");

    let card = ok(&sara, &["space", "card", "--name", "Sara"], None);
    let card_file = tmp.path().join("sara.card.json");
    std::fs::write(&card_file, &card).unwrap();
    // The same card again, without the name.
    assert_eq!(ok(&sara, &["space", "card"], None), card);
    let code = ok(&ali, &["space", "card", "--name", "Ali", "--code"], None);
    assert!(code.starts_with("EFTERTANKE-CARD-1:"));
    ok(&lead, &["space", "invite", &space, card_file.to_str().unwrap()], None);
    ok(&lead, &["space", "invite", &space, "-"], Some(&code));
    // A card that is not one: exit 65, named, nothing changed.
    let bad = run(
        &lead,
        &["space", "invite", &space, "-"],
        Some("{\"kind\": \"something else\"}"),
    );
    assert_eq!(bad.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not an Eftertanke member card"));
    assert!(ok(&lead, &["space", "status", &space], None).contains("roster epoch 3"));

    assert_eq!(
        ok(&sara, &["space", "join", "--folder", folder_arg], None).trim(),
        space
    );
    assert_eq!(ok(&ali, &["space", "join", "--folder", folder_arg], None).trim(), space);

    // Both share at the same moment, from two processes, into the same folder.
    let s1 = add(&sara, "Lektiecafé");
    let s2 = add(&sara, "Madklub");
    let a1 = add(&ali, "Gårdfest");
    let one = spawn(&sara, &["space", "share", &space, &s1, &s2], None);
    let two = spawn(&ali, &["space", "share", &space, &a1, "--scope", "anonymous"], None);
    let (one, two) = (one.wait_with_output().unwrap(), two.wait_with_output().unwrap());
    assert!(one.status.success() && two.status.success(), "{one:?} {two:?}");
    let sara_shared: Vec<String> = String::from_utf8(one.stdout)
        .unwrap()
        .lines()
        .map(str::to_owned)
        .collect();
    assert_eq!(sara_shared.len(), 2);
    assert!(!sara_shared.contains(&s1), "the private id never leaves");

    ok(&lead, &["space", "sync"], None);
    let seen = ok(&lead, &["space", "entries", &space, "--json"], None);
    let seen: Vec<serde_json::Value> = seen.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(seen.len(), 3);
    let by_title = |t: &str| seen.iter().find(|e| e["title"] == t).unwrap().clone();
    assert_eq!(by_title("Lektiecafé")["author"], "Sara");
    assert_eq!(by_title("Gårdfest")["author"], serde_json::Value::Null);
    assert_eq!(by_title("Gårdfest")["occurredOn"], "2026-03");

    ok(&sara, &["space", "withdraw", &space, &sara_shared[0]], None);
    ok(&lead, &["space", "sync", &space], None);
    assert_eq!(
        ok(&lead, &["space", "entries", &space, "--json"], None).lines().count(),
        2
    );
    let status = ok(&lead, &["space", "status", &space], None);
    assert!(
        status.contains("Sara") && status.contains("Ali") && status.contains("Leder (lead) (you)"),
        "{status}"
    );

    // A CPR number does not leave: exit 65, the field named, the number not repeated.
    // Saved with the person's explicit override, it still stops at the share.
    let input = r#"{"guideId": "co-production", "answers": {"occurred_on": "2026-03-14", "headline": "Samtale",
        "outcome": "partly", "what_happened": "nr 010203-1234 her"}, "overridePersonalData": true}"#;
    let cpr = ok(&sara, &["add", "--json"], Some(input)).trim().to_owned();
    let refused = run(&sara, &["space", "share", &space, &cpr, "--accept-findings"], None);
    assert_eq!(refused.status.code(), Some(65));
    let why = String::from_utf8_lossy(&refused.stderr);
    assert!(
        why.contains("answers.what_happened") && why.contains("CPR") && !why.contains("1234"),
        "{why}"
    );

    // By hand: Ali's bundles copied out, read again by the lead (nothing new), and a file that
    // is not a bundle refused with exit 65.
    let carried = tmp.path().join("usb");
    assert!(
        ok(
            &ali,
            &["space", "export-bundle", &space, "--out", carried.to_str().unwrap()],
            None
        )
        .contains("copied 1")
    );
    let file = std::fs::read_dir(&carried).unwrap().next().unwrap().unwrap().path();
    assert!(ok(&lead, &["space", "import-bundle", &space, file.to_str().unwrap()], None).contains("0 new bundle"));
    let junk = tmp.path().join("junk.bundle");
    std::fs::write(&junk, b"age-encryption.org/v1\n-> X25519 nonsense").unwrap();
    let refused = run(&lead, &["space", "import-bundle", &space, junk.to_str().unwrap()], None);
    assert_eq!(
        refused.status.code(),
        Some(65),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
    assert!(String::from_utf8_lossy(&refused.stderr).contains("damaged"));

    // The shared folder gone: said so, exit 74, nothing changed.
    std::fs::rename(&folder, tmp.path().join("væk")).unwrap();
    let gone = run(&lead, &["space", "sync", &space], None);
    assert_eq!(gone.status.code(), Some(74));
    assert!(String::from_utf8_lossy(&gone.stderr).contains("not there"));
    assert_eq!(ok(&lead, &["space", "entries", &space], None).lines().count(), 2);
}

fn uuid_like(s: &str) -> bool {
    s.len() == 36 && s.chars().filter(|c| *c == '-').count() == 4
}

/// Shares killed at random moments (SIGKILL, as a power cut or a crash would end them) leave
/// the folder readable and the journal whole: every bundle that reached the folder is read
/// without a refusal, no number is used twice, and the lead sees every share that finished.
#[test]
fn shares_killed_at_random_moments_leave_a_readable_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let (lead, sara) = (tmp.path().join("lead"), tmp.path().join("sara"));
    let folder = tmp.path().join("shared");
    std::fs::create_dir_all(&folder).unwrap();
    let folder_arg = folder.to_str().unwrap();
    let space = ok(&lead, &["space", "create", "Team", "--folder", folder_arg], None)
        .trim()
        .to_owned();
    let card = ok(&sara, &["space", "card", "--name", "Sara"], None);
    ok(&lead, &["space", "invite", &space, "-"], Some(&card));
    ok(&sara, &["space", "join", "--folder", folder_arg], None);
    let entry = add(&sara, "Forsøg");
    // How long one share takes here, to spread the kills over it.
    let t = std::time::Instant::now();
    ok(&sara, &["space", "share", &space, &entry], None);
    let span = t.elapsed().as_millis() as u64;
    let mut seed: u64 = 17;
    let mut finished = 1;
    for _ in 0..40 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        // Most of a run is opening the journal; the kills fall in its second half, where the
        // bundle is sealed, written, renamed and recorded.
        let delay = span / 2 + (seed >> 33) % (span / 2 + 20);
        let mut child = spawn(&sara, &["space", "share", &space, &entry], None);
        // The kill moment itself: nothing to wait on but the clock.
        #[allow(clippy::disallowed_methods)]
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            finished += 1;
        }
    }
    // One more, whole: the journal still shares after every kill.
    ok(&sara, &["space", "share", &space, &entry], None);
    finished += 1;
    let sync: serde_json::Value =
        serde_json::from_str(ok(&lead, &["space", "sync", &space, "--json"], None).trim()).unwrap();
    assert_eq!(sync["report"]["rejected"], serde_json::json!([]), "{sync}");
    let mut numbers: Vec<String> = std::fs::read_dir(folder.join(format!("eftertanke-{space}/members")))
        .unwrap()
        .flatten()
        .flat_map(|d| std::fs::read_dir(d.path()).unwrap().flatten())
        .map(|f| f.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".bundle") && !n.starts_with('.'))
        .map(|n| n[..8].to_owned())
        .collect();
    let files = numbers.len();
    eprintln!("span {span} ms, {finished} shares finished of 42, {files} bundles");
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), files, "a bundle number used twice");
    assert!(files >= finished, "{files} bundles for {finished} finished shares");
    let seen = ok(&lead, &["space", "entries", &space, "--json"], None);
    let seen: Vec<serde_json::Value> = seen.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(seen.len(), 1, "one shared reflection, re-shared");
    assert!(seen[0]["revision"].as_u64().unwrap() >= finished as u64);
}
