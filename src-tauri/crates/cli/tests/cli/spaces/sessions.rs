//! `space mark`, `space session --json`, `space actions`, `space agenda`, `space sessions`
//! and `space session-doc`: a session recorded from a document, by the window's rules.

use super::*;
use serde_json::{Value, json};

#[test]
fn the_lead_records_a_session_from_json_and_the_owner_sees_the_action() {
    let tmp = tempfile::tempdir().unwrap();
    let (space, lead, sara, ali) = team_of_three(tmp.path());
    let private = add(&sara, "Lektiecafé");
    let shared = ok(&sara, &["space", "share", &space, &private], None).trim().to_owned();
    ok(&lead, &["space", "sync", &space], None);
    ok(&lead, &["space", "mark", &space, &shared, "agenda"], None);
    let agenda: Value = serde_json::from_str(&ok(&lead, &["space", "agenda", &space, "--json"], None)).unwrap();
    assert_eq!(agenda["material"][0]["id"], shared.as_str());
    assert_eq!(agenda["guide"]["questions"].as_array().unwrap().len(), 4);

    // Without an improvement: refused, naming it, exit 65, nothing recorded.
    let today = chrono::Utc::now().date_naive();
    let later = (today + chrono::Days::new(14)).to_string();
    let mut doc = json!({
        "material": [{"on": shared, "note": "Borgerne kom ind sent"}],
        "answers": {"whose_problem": "Vores, ikke deres"},
        "actions": [{"text": "Ring til foreningen", "owner": "Ali", "reviewOn": today.to_string()}]
    });
    let refused = run(&lead, &["space", "session", &space, "--json"], Some(&doc.to_string()));
    assert_eq!(refused.status.code(), Some(65), "{refused:?}");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("improvement"));
    assert_eq!(ok(&lead, &["space", "sessions", &space], None), "");
    // Not JSON at all: a clear word, not a crash.
    let garbage = run(&lead, &["space", "session", &space, "--json"], Some("{held"));
    assert_ne!(garbage.status.code(), Some(0));
    assert!(!String::from_utf8_lossy(&garbage.stderr).is_empty());

    doc["improvement"] = json!({"text": "Spørg borgerne først", "owner": "Leder", "reviewOn": later});
    let id = ok(&lead, &["space", "session", &space, "--json"], Some(&doc.to_string()))
        .trim()
        .to_owned();
    assert!(uuid_like(&id), "{id}");
    // A worker cannot record one.
    ok(&sara, &["space", "sync", &space], None);
    let not_lead = run(&sara, &["space", "session", &space, "--json"], Some(&doc.to_string()));
    assert_eq!(not_lead.status.code(), Some(65));

    ok(&ali, &["space", "sync", &space], None);
    let actions: Value = serde_json::from_str(&ok(&ali, &["space", "actions", &space, "--json"], None)).unwrap();
    let mine: Vec<&Value> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["ownerIsMe"] == true)
        .collect();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0]["text"], "Ring til foreningen");
    assert_eq!(mine[0]["status"], "open");
    let words = ok(&ali, &["space", "actions", &space], None);
    assert!(words.contains("[open] Ring til foreningen (owner Ali, you"), "{words}");

    let md_path = tmp.path().join("møde.md");
    ok(
        &ali,
        &[
            "space",
            "session-doc",
            &space,
            &id,
            "--lang",
            "en",
            "--out",
            md_path.to_str().unwrap(),
        ],
        None,
    );
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(
        md.contains("# Reflection session") && md.contains("Lektiecafé") && md.contains("Vores, ikke deres"),
        "{md}"
    );

    // The next session must say what became of both.
    let next = json!({"improvement": {"text": "Mød dem der", "owner": "Sara", "reviewOn": later}});
    let open = run(&lead, &["space", "session", &space, "--json"], Some(&next.to_string()));
    assert_eq!(open.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&open.stderr).contains("needs a status"));
}
