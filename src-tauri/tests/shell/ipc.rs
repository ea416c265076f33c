//! Commands invoked the way the webview invokes them, through the real capability file: entries,
//! drafts, guides, the timeline, a damaged database, settings and the personal-data guard.

use crate::shell_app::{Shell, first_attempt, set_up_vault};
use serde_json::{Value, json};

#[test]
fn an_entry_created_over_ipc_is_listed_and_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let created = shell
        .invoke("create_entry", json!({ "input": first_attempt() }))
        .unwrap();
    assert_eq!(created["title"], "Danskkursus for mødre");
    assert_eq!(created["outcome"], "failed");
    let page = shell.invoke("list_entries", json!({})).unwrap();
    assert_eq!(page["entries"][0]["id"], created["id"]);
    assert_eq!(page["nextCursor"], Value::Null);
    let read = shell.invoke("get_entry", json!({ "id": created["id"] })).unwrap();
    assert_eq!(read, created);
}

#[test]
fn errors_cross_ipc_as_kind_message_field_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let mut input = first_attempt();
    input["answers"]["headline"] = json!("  ");
    let err = shell.invoke("create_entry", json!({ "input": input })).unwrap_err();
    assert_eq!(err["kind"], "invalid_input", "the UI branches on kind: {err}");
    assert_eq!(err["field"], "answers.headline", "the UI marks the question named here");
    assert_eq!(err["problem"], "required");
    assert!(err["message"].as_str().unwrap().contains("title"));
    let obj = err.as_object().unwrap();
    assert_eq!(
        obj.len(),
        4,
        "the error shape is exactly {{kind, message, field, problem}}: {err}"
    );
}

#[test]
fn a_draft_round_trips_and_is_consumed_by_the_save() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let draft = shell
        .invoke("save_draft", json!({ "draft": { "input": first_attempt() } }))
        .unwrap();
    assert_eq!(
        shell
            .invoke("list_drafts", json!({}))
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    shell
        .invoke(
            "create_entry",
            json!({ "input": draft["input"], "draftId": draft["id"] }),
        )
        .unwrap();
    assert_eq!(shell.invoke("list_drafts", json!({})).unwrap(), json!([]));
}

#[test]
fn an_answer_of_the_wrong_type_is_refused_naming_the_question() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let mut input = first_attempt();
    input["answers"]["trust_before"] = json!("quite a lot");
    let err = shell.invoke("create_entry", json!({ "input": input })).unwrap_err();
    assert_eq!(
        (err["field"].as_str(), err["problem"].as_str()),
        (Some("answers.trust_before"), Some("wrong_type"))
    );
    assert_eq!(
        shell.invoke("list_entries", json!({})).unwrap()["entries"],
        json!([]),
        "nothing is written"
    );
}

#[test]
fn guides_are_listed_and_served_by_version() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let listed = shell.invoke("list_guides", json!({})).unwrap();
    assert_eq!(listed[0]["id"], "co-production");
    let guide = shell
        .invoke("get_guide", json!({ "id": "co-production", "version": 1 }))
        .unwrap();
    assert_eq!(guide["steps"].as_array().unwrap().len(), 10);
    assert_eq!(
        shell.invoke("get_guide", json!({ "id": "nope" })).unwrap_err()["kind"],
        "not_found"
    );
}

#[test]
fn the_example_loads_in_the_asked_language_and_the_lens_finds_deficit_words() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    assert_eq!(shell.invoke("load_example", json!({ "language": "da" })).unwrap(), 2);
    let page = shell.invoke("list_entries", json!({})).unwrap();
    assert_eq!(page["entries"][1]["title"], "Danskkursus for mødre – få mødte op");
    let found = shell
        .invoke("scan_framing", json!({ "text": "de udsatte mødre" }))
        .unwrap();
    assert_eq!(found[0]["text"], "udsatte");
}

#[test]
fn an_entry_document_is_worded_in_the_asked_locale() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    shell.invoke("load_example", json!({ "language": "da" })).unwrap();
    let page = shell.invoke("list_entries", json!({})).unwrap();
    let id = page["entries"][1]["id"].clone();
    let da = shell
        .invoke("entry_document", json!({ "id": id, "locale": "da" }))
        .unwrap();
    let en = shell
        .invoke("entry_document", json!({ "id": id, "locale": "en" }))
        .unwrap();
    assert_eq!(da["locale"], "da");
    let first = |doc: &Value| doc["sections"][0]["items"][0].clone();
    assert_eq!(first(&da)["question"], first(&en)["question"], "the same answers");
    assert_ne!(
        da["sections"][0]["title"], en["sections"][0]["title"],
        "worded in each language"
    );
    let outcome = da["sections"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["question"] == "outcome")
        .unwrap()
        .clone();
    assert_eq!(outcome["answer"]["type"], "choice");
    assert_eq!(outcome["answer"]["choice"]["value"], "failed");
    assert_ne!(outcome["answer"]["choice"]["label"], "failed", "a choice in words");
    let err = shell
        .invoke("entry_document", json!({ "id": id, "locale": "de" }))
        .unwrap_err();
    assert!(!err.to_string().is_empty());
}

#[test]
fn the_timeline_links_and_change_summary_work_over_ipc() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    shell.invoke("load_example", json!({ "language": "en" })).unwrap();
    let page = shell.invoke("timeline_page", json!({ "filter": {} })).unwrap();
    let nodes = page["lanes"][0]["nodes"].as_array().unwrap().clone();
    assert_eq!(nodes.len(), 2);
    let (first, second) = (nodes[0]["id"].clone(), nodes[1]["id"].clone());
    shell
        .invoke(
            "link_entries",
            json!({ "from": second, "to": first, "kind": "follows_up" }),
        )
        .unwrap();
    let err = shell
        .invoke(
            "link_entries",
            json!({ "from": first, "to": second, "kind": "follows_up" }),
        )
        .unwrap_err();
    assert_eq!(err["problem"], "cycle");
    let changes = shell
        .invoke("compare_entries", json!({ "earlier": first, "later": second }))
        .unwrap();
    let role = changes
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["field"] == "role")
        .unwrap()
        .clone();
    assert_eq!(
        (role["before"].as_str(), role["after"].as_str()),
        (Some("co_implementer"), Some("co_initiator"))
    );
    let bad = shell
        .invoke("timeline_page", json!({ "filter": { "outcome": "great" } }))
        .unwrap_err();
    assert_eq!(bad["field"], "outcome");
    let due = shell
        .invoke("overdue_actions", json!({ "today": "2026-01-01" }))
        .unwrap();
    assert_eq!(
        due.as_array().unwrap().len(),
        4,
        "all four actions of the example are past their review date"
    );
}

#[test]
fn a_corrupt_database_is_reported_by_status_and_by_every_command() {
    let tmp = tempfile::tempdir().unwrap();
    set_up_vault(tmp.path());
    std::fs::write(tmp.path().join("eftertanke.sqlite3"), vec![7u8; 8192]).unwrap();
    let shell = Shell::start(tmp.path());
    let status = shell.invoke("app_status", json!({})).unwrap();
    assert_eq!(
        status["error"]["kind"], "corrupt",
        "the UI shows its recovery screen from this: {status}"
    );
    assert_eq!(status["settings"], Value::Null);
    let err = shell.invoke("list_entries", json!({})).unwrap_err();
    assert_eq!(err["kind"], "corrupt");
    assert_eq!(shell.invoke("retry_open", json!({})).unwrap_err()["kind"], "corrupt");
}

#[test]
fn retry_opens_the_store_once_the_problem_is_gone() {
    let tmp = tempfile::tempdir().unwrap();
    set_up_vault(tmp.path());
    let db = tmp.path().join("eftertanke.sqlite3");
    let good = std::fs::read(&db).unwrap();
    std::fs::write(&db, vec![7u8; 8192]).unwrap();
    let shell = Shell::start(tmp.path());
    assert!(shell.invoke("list_entries", json!({})).is_err());
    // The problem goes away: the good file is put back (a deleted one would be damage too).
    std::fs::write(&db, good).unwrap();
    shell.invoke("retry_open", json!({})).unwrap();
    assert!(shell.invoke("list_entries", json!({})).is_ok());
}

#[test]
fn the_language_setting_is_saved() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let status = shell.invoke("app_status", json!({})).unwrap();
    assert_eq!(
        status["settings"]["language"],
        Value::Null,
        "a new installation follows the OS language"
    );
    shell.invoke("set_language", json!({ "language": "da" })).unwrap();
    assert_eq!(
        shell.invoke("app_status", json!({})).unwrap()["settings"]["language"],
        "da"
    );
    shell.invoke("set_language", json!({ "language": null })).unwrap();
    assert_eq!(
        shell.invoke("app_status", json!({})).unwrap()["settings"]["language"],
        Value::Null,
        "back to following the OS"
    );
    assert!(
        shell.invoke("set_language", json!({ "language": "system" })).is_err(),
        "only a locale or null"
    );
}

#[test]
fn scan_text_uses_the_stored_never_store_list_and_counts_utf16_units() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    assert_eq!(shell.invoke("never_store_words", json!({})).unwrap(), json!([]));
    let stored = shell
        .invoke(
            "set_never_store_words",
            json!({ "words": [" Fatima ", "fatima", "Rosenhøj"] }),
        )
        .unwrap();
    assert_eq!(stored, json!(["Fatima", "Rosenhøj"]), "trimmed, without duplicates");
    let found = shell
        .invoke("scan_text", json!({ "text": "😀 Fatima: 070761-4285" }))
        .unwrap();
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 2);
    assert_eq!(found[0]["kind"], "never_store");
    assert_eq!(found[1]["kind"], "cpr");
    assert_eq!(found[1]["confidence"], "high");
    assert_eq!(
        (found[1]["start"].as_u64(), found[1]["charStart"].as_u64()),
        (Some(11), Some(10)),
        "start is in UTF-16 units for the webview, charStart in chars"
    );
    assert_eq!(found[1]["text"], "070761-4285");
}

#[test]
fn check_entry_scans_every_text_of_an_entry_once_and_says_where_each_sits() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    shell
        .invoke("set_never_store_words", json!({ "words": ["Rosenhøj"] }))
        .unwrap();
    let input = json!({
        "guideId": "co-production",
        "guideVersion": null,
        "answers": {
            "headline": "Mødet i Rosenhøj",
            "outcome": "failed",
            "participants": ["borger A", "CPR010203\u{2014}1234"],
            "actions": [{ "text": "Ring 22 34 56 78", "owner": "mig", "reviewOn": null }]
        },
        "complete": false,
        "tags": ["kursus"],
        "overridePersonalData": false
    });
    let check = shell.invoke("check_entry", json!({ "input": input })).unwrap();
    let texts = check["texts"].as_array().unwrap();
    let slots: Vec<&Value> = texts.iter().map(|t| &t["slot"]).collect();
    assert_eq!(
        slots,
        vec![
            &json!(["answers", "headline"]),
            &json!(["answers", "participants", 0]),
            &json!(["answers", "participants", 1]),
            &json!(["answers", "actions", 0, "text"]),
            &json!(["answers", "actions", 0, "owner"]),
            &json!(["tags", 0]),
        ],
        "every text in guide order, then the tags; a choice is not a text"
    );
    let kinds = |i: usize| -> Vec<&str> {
        texts[i]["findings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["kind"].as_str().unwrap())
            .collect()
    };
    assert_eq!(kinds(0), vec!["never_store"]);
    assert_eq!(
        kinds(2),
        vec!["cpr"],
        "glued to a word and with an em dash, still found"
    );
    assert_eq!(texts[2]["findings"][0]["text"], "010203\u{2014}1234");
    assert_eq!(kinds(3), vec!["phone"]);
    assert!(kinds(1).is_empty() && kinds(4).is_empty() && kinds(5).is_empty());

    let unknown = shell
        .invoke("check_entry", json!({ "input": { "guideId": "nope", "guideVersion": null, "answers": {}, "complete": false, "tags": [], "overridePersonalData": false } }))
        .unwrap_err();
    assert!(unknown.to_string().contains("guideId"), "{unknown}");
}

#[test]
fn pseudonymise_replaces_a_finding_in_every_text_with_the_next_free_label() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let finding = shell.invoke("scan_text", json!({ "text": "070761-4285" })).unwrap()[0].clone();
    let out = shell
        .invoke(
            "pseudonymise",
            json!({
                "texts": ["borger A kom. 070761-4285 kom ikke.", "Ring til 0707614285"],
                "finding": finding,
                "language": "da",
            }),
        )
        .unwrap();
    assert_eq!(out["label"], "borger B", "borger A is already in the entry");
    assert_eq!(
        out["texts"],
        json!(["borger A kom. borger B kom ikke.", "Ring til borger B"])
    );
    assert_eq!(out["replaced"], 2);
}

#[test]
fn a_cpr_number_refuses_the_save_until_the_override_is_given() {
    let tmp = tempfile::tempdir().unwrap();
    let shell = Shell::start(tmp.path());
    let mut input = first_attempt();
    input["answers"]["what_happened"] = json!("Borgeren 070761-4285 kom ikke.");
    let err = shell.invoke("create_entry", json!({ "input": input })).unwrap_err();
    assert_eq!(err["kind"], "invalid_input");
    assert_eq!(
        err["problem"], "personal_data",
        "the UI opens its dialog on this problem"
    );
    assert_eq!(err["field"], "answers.what_happened");
    input["overridePersonalData"] = json!(true);
    let saved = shell.invoke("create_entry", json!({ "input": input })).unwrap();
    assert_eq!(saved["whatHappened"], "Borgeren 070761-4285 kom ikke.");
}
