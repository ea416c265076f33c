//! The one rule for what leaves the computer, as a table: for each scope, every field of the
//! shared record's body, and what the window's preview shows is exactly what the share sends.

use super::team;
use crate::with;
use eftertanke_core::spaces::record::Scope;
use serde_json::{Value, json};

/// A reflection with every kind of answer filled: the day, a headline, an initiative, free
/// text, who took part, participation, scales, ties, actions with owners and review dates.
fn full_input() -> eftertanke_core::EntryInput {
    let mut input = with(&[
        ("occurred_on", json!("2026-03-12")),
        ("headline", json!("Lektiecafé i Vestparken")),
        ("initiative", json!("Lektiecafé")),
        ("outcome", json!("failed")),
        ("what_happened", json!("Få kom.")),
        ("participants", json!(["tre mødre", "Amirs kollega"])),
        (
            "participation",
            json!({"phase": "design", "role": "consulted", "initiator": "us", "predecided": "yes"}),
        ),
        ("trust_before", json!(2)),
        ("trust_after", json!(3)),
        ("ties_existing", json!(["bonding"])),
        ("learning", json!("Spørg før vi planlægger.")),
        (
            "actions",
            json!([{"text": "Spørg mødrene", "owner": "Amir", "reviewOn": "2026-04-09"}]),
        ),
    ]);
    input.tags = vec!["amirs sager".into()];
    input
}

fn keys(body: &Value) -> Vec<&str> {
    let mut k: Vec<&str> = body.as_object().unwrap().keys().map(String::as_str).collect();
    k.sort();
    k
}

#[test]
fn each_scope_sends_exactly_its_fields_and_the_preview_is_what_is_sent() {
    let mut t = team(1);
    let id = t.members[0].create_entry(&full_input(), None).unwrap().id;
    let categorical = [
        "guide_id",
        "guide_version",
        "initiative",
        "initiator",
        "interest_alignment",
        "level",
        "occurred_on",
        "organisation",
        "outcome",
        "phase",
        "predecided",
        "role",
        "title",
        "trust_after",
        "trust_before",
    ];
    let cases: [(Scope, Vec<&str>); 3] = [
        (Scope::Named, [&categorical[..], &["answers", "tags"]].concat()),
        (Scope::Anonymous, [&categorical[..], &["answers"]].concat()),
        (Scope::Aggregate, vec!["level", "outcome"]),
    ];
    for (scope, mut fields) in cases {
        fields.sort();
        let preview = t.members[0].share_preview(&t.space, id, scope).unwrap();
        let named = scope == Scope::Named;
        assert_eq!(
            preview.author.as_deref(),
            named.then_some("Medarbejder 0"),
            "{scope:?}: the name"
        );
        let preview = preview.body;
        assert_eq!(keys(&preview), fields, "{scope:?}: the body's fields");
        let shared = t.members[0].share_entries(&t.space, &[id], scope, false).unwrap();
        t.lead.sync_space(&t.space, false).unwrap();
        if scope != Scope::Aggregate {
            let seen = t.lead.space_entries(&t.space).unwrap();
            let body = &seen.iter().find(|e| e.id == shared[0]).unwrap().body;
            assert_eq!(body, &preview, "{scope:?}: the lead holds exactly the preview");
        }
        t.members[0].withdraw_share(&t.space, &shared[0]).unwrap();
    }
}

#[test]
fn an_anonymous_body_keeps_no_owner_review_date_day_roles_tags_or_action_id() {
    let mut t = team(0);
    let id = t.lead.create_entry(&full_input(), None).unwrap().id;
    let named = t.lead.share_preview(&t.space, id, Scope::Named).unwrap().body;
    let anonymous = t.lead.share_preview(&t.space, id, Scope::Anonymous).unwrap().body;
    assert_eq!(named["answers"]["actions"][0]["owner"], "Amir");
    assert_eq!(named["tags"], json!(["amirs sager"]));
    assert_eq!(anonymous["answers"]["actions"], json!([{"text": "Spørg mødrene"}]));
    assert_eq!(anonymous["occurred_on"], "2026-03");
    let answers = anonymous["answers"].as_object().unwrap();
    for gone in ["occurred_on", "participants"] {
        assert!(!answers.contains_key(gone), "{gone} travels without a name");
    }
    for kept in ["what_happened", "learning", "participation", "headline"] {
        assert_eq!(answers.get(kept), named["answers"].get(kept), "{kept}");
    }
    let text = anonymous.to_string();
    for trace in ["Amir", "amir", "2026-03-12", "2026-04", "owner", "reviewOn"] {
        assert!(!text.contains(trace), "'{trace}' in the anonymous body: {text}");
    }
}
