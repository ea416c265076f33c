//! Shares ended by SIGKILL at random moments.

use super::*;

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
    let fingerprint = lead_fingerprint(&lead, &space);
    ok(
        &sara,
        &["space", "join", "--folder", folder_arg, "--lead", &fingerprint],
        None,
    );
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
