//! Sessions ended by SIGKILL at random moments.

use super::*;
use serde_json::{Value, json};

/// The session for what the agenda holds now: a verdict on every open item, one improvement.
fn next_session(lead: &std::path::Path, space: &str, n: usize) -> String {
    let agenda: Value = serde_json::from_str(&ok(lead, &["space", "agenda", space, "--json"], None)).unwrap();
    let carried: Vec<Value> = agenda["carried"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!({"id": i["id"], "status": "continue"}))
        .collect();
    let later = (chrono::Utc::now().date_naive() + chrono::Days::new(30)).to_string();
    json!({"carried": carried, "improvement": {"text": format!("Forbedring {n}"), "owner": "Leder", "reviewOn": later}})
        .to_string()
}

/// Sessions killed at random moments (as a power cut would end them) never fork an action: a
/// bundle that reached the folder before the journal recorded it is read before the next
/// session is built, so every carried item has one version per revision, and a member reads
/// every session that reached the folder without a refusal.
#[test]
fn sessions_killed_at_random_moments_never_fork_what_they_carry() {
    let tmp = tempfile::tempdir().unwrap();
    let (space, lead, sara, _ali) = team_of_three(tmp.path());
    let t = std::time::Instant::now();
    ok(
        &lead,
        &["space", "session", &space, "--json"],
        Some(&next_session(&lead, &space, 0)),
    );
    let span = t.elapsed().as_millis() as u64;
    let mut seed: u64 = 29;
    let mut finished = 1;
    for n in 1..=25 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let delay = span / 2 + (seed >> 33) % (span / 2 + 20);
        let doc = next_session(&lead, &space, n);
        let mut child = spawn(&lead, &["space", "session", &space, "--json"], Some(&doc));
        // The kill moment itself: nothing to wait on but the clock.
        #[allow(clippy::disallowed_methods)]
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        if child.wait().unwrap().success() {
            finished += 1;
        }
    }
    // One more, whole, built on whatever the kills left.
    let last = run(
        &lead,
        &["space", "session", &space, "--json"],
        Some(&next_session(&lead, &space, 99)),
    );
    if !last.status.success() {
        // Built on an agenda a killed run had already moved on: refused, and said; the next
        // agenda is the one to use.
        assert!(
            String::from_utf8_lossy(&last.stderr).contains("status")
                || String::from_utf8_lossy(&last.stderr).contains("closed")
        );
        ok(
            &lead,
            &["space", "session", &space, "--json"],
            Some(&next_session(&lead, &space, 100)),
        );
    }
    finished += 1;
    let sync: Value = serde_json::from_str(ok(&sara, &["space", "sync", &space, "--json"], None).trim()).unwrap();
    assert_eq!(sync["report"]["rejected"], json!([]), "{sync}");
    let sessions: Vec<Value> =
        serde_json::from_str(&ok(&sara, &["space", "sessions", &space, "--json"], None)).unwrap();
    assert!(
        sessions.len() >= finished,
        "{} sessions for {finished} finished runs",
        sessions.len()
    );
    let actions: Vec<Value> = serde_json::from_str(&ok(&sara, &["space", "actions", &space, "--json"], None)).unwrap();
    let open: Vec<&Value> = actions.iter().filter(|a| a["status"] == "open").collect();
    assert_eq!(open.len(), 1, "only the last session's improvement is open: {open:?}");
    // Every improvement carried by every later session, once each: no fork.
    for (i, a) in actions.iter().enumerate() {
        let carried_by = sessions
            .iter()
            .filter(|s| s["carried"].as_array().unwrap().iter().any(|c| c["id"] == a["id"]))
            .count();
        assert_eq!(carried_by, a["history"].as_array().unwrap().len(), "item {i}: {a}");
    }
    eprintln!(
        "span {span} ms, {finished} sessions finished, {} in the folder",
        sessions.len()
    );
}
