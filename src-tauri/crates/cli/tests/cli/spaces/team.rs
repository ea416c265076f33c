//! A lead and two members share, withdraw and carry bundles by hand.

use super::*;

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

    let fingerprint = lead_fingerprint(&lead, &space);
    // A fingerprint that is not the lead's joins nothing, and says why.
    let wrong = run(
        &sara,
        &[
            "space",
            "join",
            "--folder",
            folder_arg,
            "--lead",
            "0000 0000 0000 0000 0000",
        ],
        None,
    );
    assert_eq!(wrong.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("not by the lead whose fingerprint you gave"));
    assert_eq!(
        ok(
            &sara,
            &["space", "join", "--folder", folder_arg, "--lead", &fingerprint],
            None
        )
        .trim(),
        space
    );
    // Typed in lower case without its spaces, it is the same fingerprint.
    let typed = fingerprint.replace(' ', "").to_lowercase();
    assert_eq!(
        ok(&ali, &["space", "join", "--folder", folder_arg, "--lead", &typed], None).trim(),
        space
    );

    // Both share at the same moment, from two processes, into the same folder.
    let s1 = add(&sara, "Lektiecafé");
    let s2 = add(&sara, "Madklub");
    let a1 = add(&ali, "Gårdfest");
    let one = spawn(&sara, &["space", "share", &space, &s1, &s2], None);
    let two = spawn(
        &ali,
        &["space", "share", &space, &a1, "--scope", "anonymous", "--now"],
        None,
    );
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

    // Without --now, a share without a name waits for its moment: not in the folder yet.
    let a2 = add(&ali, "Vente");
    ok(&ali, &["space", "share", &space, &a2, "--scope", "anonymous"], None);
    let status = ok(&ali, &["space", "status", &space], None);
    assert!(
        status.contains("1 of your files without a name wait for a random moment"),
        "{status}"
    );
    ok(&lead, &["space", "sync"], None);
    assert_eq!(
        ok(&lead, &["space", "entries", &space, "--json"], None).lines().count(),
        3
    );
    // Sent now on request, it arrives; withdrawn now, it goes again.
    assert!(ok(&ali, &["space", "send-waiting", &space], None).contains("wrote 1 waiting file"));
    ok(&lead, &["space", "sync"], None);
    let entries = ok(&lead, &["space", "entries", &space, "--json"], None);
    let vente = entries
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .find(|e| e["title"] == "Vente")
        .expect("the waiting share arrived once sent");
    ok(
        &ali,
        &["space", "withdraw", &space, vente["id"].as_str().unwrap(), "--now"],
        None,
    );
    ok(&lead, &["space", "sync"], None);
    assert_eq!(
        ok(&lead, &["space", "entries", &space, "--json"], None).lines().count(),
        3
    );

    ok(&sara, &["space", "withdraw", &space, &sara_shared[0]], None);
    ok(&lead, &["space", "sync", &space], None);
    assert_eq!(
        ok(&lead, &["space", "entries", &space, "--json"], None).lines().count(),
        2
    );
    // The team's timeline: what is left, each attempt once, the anonymous one without a name.
    let timeline = ok(&lead, &["space", "timeline", &space], None);
    assert!(
        timeline.contains("Madklub") && timeline.contains("(Sara)") && timeline.contains("Gårdfest"),
        "{timeline}"
    );
    assert!(
        timeline.contains("(anonymous)") && !timeline.contains("Lektiecafé"),
        "{timeline}"
    );
    let lanes: serde_json::Value =
        serde_json::from_str(&ok(&lead, &["space", "timeline", &space, "--json"], None)).unwrap();
    let nodes: usize = lanes["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["nodes"].as_array().unwrap().len())
        .sum();
    assert_eq!(nodes, 2, "{lanes}");
    let status = ok(&lead, &["space", "status", &space], None);
    assert!(
        status.contains("Sara") && status.contains("Ali") && status.contains("Leder (facilitator) (you)"),
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

    // By hand: Ali shared only without his name, and a file he carries would say who wrote
    // it, so none is copied; Sara's bundle is, and the lead reads it again (nothing new); a
    // file that is not a bundle is refused with exit 65.
    let carried = tmp.path().join("usb");
    let export = |who: &Path| {
        ok(
            who,
            &["space", "export-bundle", &space, "--out", carried.to_str().unwrap()],
            None,
        )
    };
    assert!(
        export(&ali).contains("copied 0"),
        "an anonymous bundle is never carried"
    );
    assert!(export(&sara).contains("copied 2"), "the share and the withdrawal");
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
    // Carried in again, it is refused again with its reason, not passed over as "unchanged".
    let again = run(&lead, &["space", "import-bundle", &space, junk.to_str().unwrap()], None);
    assert_eq!(again.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&again.stderr).contains("damaged"));

    // The shared folder gone: said so, exit 74, nothing changed.
    std::fs::rename(&folder, tmp.path().join("væk")).unwrap();
    let gone = run(&lead, &["space", "sync", &space], None);
    assert_eq!(gone.status.code(), Some(74));
    assert!(String::from_utf8_lossy(&gone.stderr).contains("not there"));
    assert_eq!(ok(&lead, &["space", "entries", &space], None).lines().count(), 2);
}
