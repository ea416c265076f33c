//! The team's reflection session: the lead's marks, the rules a session is recorded by,
//! actions that keep their ids across sessions, and what a member's journal makes of it.

use super::*;
use chrono::NaiveDate;
use eftertanke_core::Problem;
use eftertanke_core::locale::Locale;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};
use eftertanke_core::store::spaces::{CarriedStatus, ItemStatus, Mark, MaterialNote, NewItem, SessionDraft, Verdict};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn item(text: &str, owner: &str, review_on: &str) -> NewItem {
    NewItem {
        text: text.into(),
        owner: owner.into(),
        review_on: day(review_on),
    }
}

fn verdict(id: &str, status: Verdict, why: &str) -> CarriedStatus {
    CarriedStatus {
        id: id.into(),
        status,
        why: why.into(),
        review_on: None,
    }
}

fn first_session() -> SessionDraft {
    SessionDraft {
        held_on: Some(day("2026-11-02")),
        improvement: Some(item(
            "Spørg borgerne om problemet før vi planlægger",
            "Teamleder",
            "2026-12-01",
        )),
        actions: vec![item("Ring til foreningens formand", "Medarbejder 0", "2026-11-20")],
        ..Default::default()
    }
}

fn problem_of(e: eftertanke_core::Error) -> (String, Problem, String) {
    let message = e.to_string();
    match (e.field(), e.problem()) {
        (Some(field), Some(problem)) => (field.to_owned(), problem, message),
        _ => panic!("expected a refusal naming its field, got {:?}: {message}", e.kind()),
    }
}

#[test]
fn a_session_closes_only_with_a_verdict_on_every_carried_item_and_exactly_one_improvement() {
    let mut t = team(1);
    let mut none = first_session();
    none.improvement = None;
    let (field, problem, _) = problem_of(t.lead.record_session(&t.space, &none, false).unwrap_err());
    assert_eq!((field.as_str(), problem), ("improvement", Problem::Required));
    // Two improvements cannot even be said: the document has one place for it.
    let two = r#"{"improvements": [{"text": "a", "owner": "Teamleder", "reviewOn": "2026-12-01"}]}"#;
    assert!(
        serde_json::from_str::<SessionDraft>(two).is_err(),
        "an unknown field is refused"
    );

    let first = t.lead.record_session(&t.space, &first_session(), false).unwrap();
    let open = t.lead.space_actions(&t.space).unwrap();
    assert_eq!(open.len(), 2, "the improvement and the action");

    // The next session: nothing said of last time's action.
    let mut next = SessionDraft {
        improvement: Some(item("Mød foreningen i deres lokaler", "Medarbejder 0", "2027-01-10")),
        carried: vec![verdict(&open[0].id, Verdict::Done, "")],
        ..Default::default()
    };
    let (field, problem, message) = problem_of(t.lead.record_session(&t.space, &next, false).unwrap_err());
    assert_eq!((field.as_str(), problem), ("carried", Problem::Required), "{message}");
    assert!(message.contains("needs a status"), "{message}");
    // Dropped without a line on why.
    next.carried.push(verdict(&open[1].id, Verdict::Dropped, "  "));
    let (field, _, _) = problem_of(t.lead.record_session(&t.space, &next, false).unwrap_err());
    assert_eq!(field, "why");
    // A verdict twice, an item that does not exist, an owner who is not in the space.
    next.carried[1] = verdict(&open[0].id, Verdict::Done, "");
    let (_, problem, _) = problem_of(t.lead.record_session(&t.space, &next, false).unwrap_err());
    assert_eq!(problem, Problem::Duplicate);
    next.carried[1] = verdict(&open[1].id, Verdict::Dropped, "Formanden er flyttet");
    next.actions = vec![item("Skriv til kommunen", "Borgmesteren", "2027-01-10")];
    let (field, _, _) = problem_of(t.lead.record_session(&t.space, &next, false).unwrap_err());
    assert_eq!(field, "owner");
    next.actions = vec![item("Skriv til kommunen", "medarbejder 0", "2026-01-10")];
    let (field, _, _) = problem_of(t.lead.record_session(&t.space, &next, false).unwrap_err());
    assert_eq!(field, "reviewOn", "a review date before the session");
    // A CPR number in a line on why blocks, as on a share.
    next.actions = vec![item("Skriv til kommunen", "medarbejder 0", "2027-01-10")];
    next.carried[1].why = "Borgeren 010203-1234 ville ikke".into();
    assert!(t.lead.record_session(&t.space, &next, false).is_err());
    assert_eq!(
        t.lead.space_sessions(&t.space).unwrap().len(),
        1,
        "nothing refused was recorded"
    );

    next.carried[1].why = "Formanden er flyttet".into();
    let second = t.lead.record_session(&t.space, &next, false).unwrap();
    assert!(first < second);
    // Only the lead records a session.
    t.members[0].sync_space(&t.space, false).unwrap();
    let (field, _, _) = problem_of(
        t.members[0]
            .record_session(&t.space, &first_session(), false)
            .unwrap_err(),
    );
    assert_eq!(field, "space");
}

#[test]
fn actions_carried_across_three_sessions_keep_their_ids_and_history() {
    let mut t = team(1);
    t.lead.record_session(&t.space, &first_session(), false).unwrap();
    let open = t.lead.space_actions(&t.space).unwrap();
    let action = open.iter().find(|i| i.text.starts_with("Ring")).unwrap().id.clone();
    let first_improvement = open.iter().find(|i| i.text.starts_with("Spørg")).unwrap().id.clone();
    let second = SessionDraft {
        held_on: Some(day("2026-11-16")),
        carried: vec![
            CarriedStatus {
                review_on: Some(day("2026-11-30")),
                ..verdict(&action, Verdict::Continue, "Formanden var syg")
            },
            verdict(&first_improvement, Verdict::Done, "Det virkede"),
        ],
        improvement: Some(item("Mød foreningen i deres lokaler", "Medarbejder 0", "2026-12-14")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &second, false).unwrap();
    let agenda = t.lead.session_agenda(&t.space).unwrap();
    let carried: Vec<&str> = agenda.carried.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(carried.len(), 2, "the continued action and the new improvement");
    assert!(carried.contains(&action.as_str()), "the continued action keeps its id");
    let third = SessionDraft {
        held_on: Some(day("2026-11-30")),
        carried: agenda
            .carried
            .iter()
            .map(|i| verdict(&i.id, Verdict::Done, ""))
            .collect(),
        improvement: Some(item("Inviter borgerne med fra starten", "Teamleder", "2027-01-11")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &third, false).unwrap();

    // The member's journal, reading all three bundles, sees the same history.
    t.members[0].sync_space(&t.space, false).unwrap();
    let seen = t.members[0].space_actions(&t.space).unwrap();
    let a = seen.iter().find(|i| i.id == action).expect("the action kept its id");
    assert_eq!(
        a.history
            .iter()
            .map(|h| (h.status, h.why.as_str(), h.held_on.as_str()))
            .collect::<Vec<_>>(),
        [
            (ItemStatus::Continue, "Formanden var syg", "2026-11-16"),
            (ItemStatus::Done, "", "2026-11-30")
        ]
    );
    assert_eq!(a.review_on, "2026-11-30", "continue moved the review date");
    assert_eq!(a.status, ItemStatus::Done);
    assert!(a.owner_is_me, "Medarbejder 0 owns it");
    let sessions = t.members[0].space_sessions(&t.space).unwrap();
    assert_eq!(sessions.len(), 3);
    assert_eq!(
        sessions.iter().map(|s| s.held_on.as_str()).collect::<Vec<_>>(),
        ["2026-11-02", "2026-11-16", "2026-11-30"]
    );
    assert_eq!(sessions[1].carried.len(), 2);
    assert_eq!(sessions[1].carried[0].status, ItemStatus::Continue);
    assert_eq!(
        t.members[0]
            .space_actions(&t.space)
            .unwrap()
            .iter()
            .filter(|i| i.status.is_open())
            .count(),
        1,
        "only the third session's improvement is open"
    );
}

#[test]
fn an_owner_sees_their_action_due_and_a_session_goes_through_what_the_lead_took_to_it() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Lektiecafé");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Agenda, true).unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Agenda, true).unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Seen, true).unwrap();
    let agenda = t.lead.session_agenda(&t.space).unwrap();
    assert_eq!(agenda.material.len(), 1, "taken once, however often asked");
    // The author sees the lead's marks; only the lead marks.
    t.members[0].sync_space(&t.space, false).unwrap();
    let mine = &t.members[0].space_entries(&t.space).unwrap()[0];
    assert!(mine.on_agenda && mine.seen);
    assert!(t.members[0].mark_shared(&t.space, &shared, Mark::Seen, true).is_err());

    let mut draft = first_session();
    draft.held_on = None;
    draft.material = vec![MaterialNote {
        on: shared.clone(),
        note: "Borgerne kom først ind ved udførelsen".into(),
    }];
    draft.actions = vec![item("Ring til foreningens formand", "Medarbejder 1", "2026-01-01")];
    assert!(
        t.lead.record_session(&t.space, &draft, false).is_err(),
        "a review date before today's session"
    );
    let today = chrono::Utc::now().date_naive();
    draft.actions[0].review_on = today;
    draft.improvement.as_mut().unwrap().review_on = today + chrono::Days::new(14);
    t.lead.record_session(&t.space, &draft, false).unwrap();
    assert!(
        t.lead.session_agenda(&t.space).unwrap().material.is_empty(),
        "gone through"
    );
    assert!(!t.lead.space_entries(&t.space).unwrap()[0].on_agenda);

    t.members[1].sync_space(&t.space, false).unwrap();
    let due = t.members[1].team_actions(&today.to_string()).unwrap();
    assert_eq!(due.len(), 1, "{due:?}");
    assert!(due[0].due && due[0].item.text.starts_with("Ring"));
    assert!(
        !t.members[1]
            .team_actions(&today.pred_opt().unwrap().to_string())
            .unwrap()[0]
            .due
    );
    assert!(
        t.members[0].team_actions(&today.to_string()).unwrap().is_empty(),
        "not theirs"
    );
    assert!(
        t.members[0].team_actions("soon").is_err(),
        "a day that is not one is refused"
    );
    let session = &t.members[1].space_sessions(&t.space).unwrap()[0];
    assert_eq!(session.material[0].title, "Lektiecafé");
    assert!(session.material[0].received);
}

#[test]
fn a_session_naming_an_entry_the_reader_never_received_still_reads() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Fællesspisning");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    let entry_bundle = bundle_files(&t.folder).remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    let mut draft = first_session();
    draft.material = vec![MaterialNote {
        on: shared,
        note: "Et godt eksempel".into(),
    }];
    t.lead.record_session(&t.space, &draft, false).unwrap();
    // The entry's bundle has not reached the second member's computer.
    let away = t._tmp.path().join("away.bundle");
    std::fs::rename(&entry_bundle, &away).unwrap();
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    let session = &t.members[1].space_sessions(&t.space).unwrap()[0];
    assert!(!session.material[0].received, "named as not received");
    assert_eq!(session.material[0].note, "Et godt eksempel", "the note stays");
    let md = t.members[1]
        .session_markdown(&t.space, &session.id, Locale::Da)
        .unwrap();
    assert!(md.contains("ikke har modtaget"), "{md}");
    // When it arrives, the session shows it.
    std::fs::rename(&away, &entry_bundle).unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    assert!(t.members[1].space_sessions(&t.space).unwrap()[0].material[0].received);
}

#[test]
fn a_session_or_roster_from_a_member_who_is_not_the_lead_is_refused_and_changes_nothing() {
    let mut t = team(2);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let member = keys_of(&t.dbs[1]);
    let session = json!({"kind": "session", "id": uuid::Uuid::now_v7().to_string(), "revision": 1,
        "updated_at": "2026-12-02T10:00:00.000Z", "scope": "named",
        "body": {"held_on": "2026-12-02", "carried": [], "material": [], "answers": {},
                 "improvement": "", "actions": []}});
    let records = vec![SignedRecord {
        record: session.to_string(),
        writer: None,
        sig: None,
    }];
    let m = Manifest::new(&roster, Some((&member, 1, None)), records);
    plant(
        &t,
        "00000001-session.bundle",
        &seal_bundle(&m, Some(&member), &roster).unwrap().0,
    );
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert_eq!(
        report.rejected.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
        ["not_lead"],
        "{report:?}"
    );
    assert!(report.rejected[0].reason.contains("only the space's lead"));
    assert!(t.members[1].space_sessions(&t.space).unwrap().is_empty());

    // A roster signed by a member: said, and not taken.
    let mut forged = roster.next("2026-12-02T10:00:00.000Z").unwrap();
    forged.members.retain(|m| m.keys.key_id() == member.public().key_id());
    let bytes = forged.seal(&member).unwrap();
    let dir = t.folder.join(format!("eftertanke-{}/rosters", t.space));
    std::fs::write(dir.join(format!("{:06}-forged.roster", forged.epoch)), bytes).unwrap();
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert!(report.rejected.iter().any(|p| p.code == "not_lead"), "{report:?}");
    assert_eq!(t.members[1].space_roster(&t.space).unwrap().epoch, roster.epoch);
    assert!(
        t.members[1]
            .space_status(&t.space)
            .unwrap()
            .rejected
            .iter()
            .any(|p| p.code == "not_lead"),
        "the folder's status names it"
    );
}

#[test]
fn sessions_and_comments_merge_to_the_same_journal_in_any_order() {
    let mut t = team(1);
    let (reader, reader_db) = journal(t._tmp.path(), "reader");
    let mut reader = reader;
    let card = reader.member_card("Læser").unwrap();
    t.lead.invite_member(&t.space, &card.to_json()).unwrap();
    reader.join_spaces(&t.folder).unwrap();
    drop(reader);
    t.members[0].sync_space(&t.space, false).unwrap();
    let private = entry(&mut t.members[0], "Madklub");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    let c = t
        .lead
        .comment(
            &t.space,
            &shared,
            None,
            "Tag det med",
            eftertanke_core::store::spaces::Audience::Team,
            false,
        )
        .unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    t.members[0]
        .comment(
            &t.space,
            &shared,
            Some(&c),
            "Gerne",
            eftertanke_core::store::spaces::Audience::Team,
            false,
        )
        .unwrap();
    t.lead.mark_shared(&t.space, &shared, Mark::Agenda, true).unwrap();
    let mut draft = first_session();
    draft.material = vec![MaterialNote {
        on: shared.clone(),
        note: String::new(),
    }];
    t.lead.record_session(&t.space, &draft, false).unwrap();
    let open = t.lead.space_actions(&t.space).unwrap();
    let second = SessionDraft {
        held_on: Some(day("2026-11-30")),
        carried: open.iter().map(|i| verdict(&i.id, Verdict::Continue, "")).collect(),
        improvement: Some(item("Mød foreningen", "Medarbejder 0", "2026-12-30")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &second, false).unwrap();

    let files = bundle_files(&t.folder);
    let mut results = Vec::new();
    for reversed in [false, true] {
        // The rosters are in the reader's folder; the bundles come by hand.
        let (_dir, _folder, mut r) = fresh_reader(&t, &reader_db);
        r.sync_space(&t.space, false).unwrap();
        assert!(
            r.space_sessions(&t.space).unwrap().is_empty(),
            "nothing read from the folder"
        );
        let mut order = files.clone();
        if reversed {
            order.reverse();
        }
        // In this order, and each twice.
        for f in order.iter().chain(order.iter()) {
            r.import_bundle_file(&t.space, f, false).unwrap();
        }
        results.push(
            serde_json::to_string(&(
                r.space_sessions(&t.space).unwrap(),
                r.space_actions(&t.space).unwrap(),
                r.space_comments(&t.space, &shared).unwrap(),
                r.session_agenda(&t.space).unwrap().material.len(),
            ))
            .unwrap(),
        );
    }
    assert_eq!(
        results[0], results[1],
        "the same sessions, actions and comments in any order"
    );
    assert!(results[0].contains("Gerne") && results[0].contains("Mød foreningen"));
}

#[test]
fn a_session_as_markdown_keeps_people_s_words_from_becoming_markup() {
    let mut t = team(1);
    let mut draft = first_session();
    draft.actions[0].text = "# Ring [her](javascript:x) *nu*".into();
    draft
        .answers
        .insert("whose_problem".into(), "1. Vores\n- og deres".into());
    let id = t.lead.record_session(&t.space, &draft, false).unwrap();
    let en = t.lead.session_markdown(&t.space, &id, Locale::En).unwrap();
    assert!(en.starts_with("# Reflection session 2026-11-02"), "{en}");
    assert!(en.contains("Whose problem was it?"), "{en}");
    assert!(en.contains(r"\# Ring \[her\](javascript:x) \*nu\*"), "{en}");
    assert!(en.contains("1\\. Vores  \n\\- og deres"), "{en}");
    let da = t.lead.session_markdown(&t.space, &id, Locale::Da).unwrap();
    assert!(
        da.contains("Teamets forbedring") && da.contains("Hvis problem var det?"),
        "{da}"
    );
    let mut bad = SessionDraft::default();
    bad.answers.insert("no_such_question".into(), "x".into());
    bad.improvement = first_session().improvement;
    assert!(t.lead.record_session(&t.space, &bad, false).is_err());
}

#[test]
fn the_session_being_run_is_kept_as_typed_and_gone_once_published() {
    let mut t = team(1);
    assert_eq!(t.lead.session_draft(&t.space).unwrap(), None);
    t.lead
        .save_session_draft(&t.space, r#"{"step": 2, "notes": {"x": "Borgerne kom sent"}}"#)
        .unwrap();
    t.lead.save_session_draft(&t.space, r#"{"step": 3}"#).unwrap();
    assert_eq!(
        t.lead.session_draft(&t.space).unwrap().as_deref(),
        Some(r#"{"step": 3}"#)
    );
    assert!(t.lead.save_session_draft(&t.space, "{step").is_err(), "not JSON");
    assert!(
        t.lead
            .save_session_draft(&t.space, &format!("\"{}\"", "x".repeat(600 * 1024)))
            .is_err(),
        "too large"
    );
    assert_eq!(
        t.lead.session_draft(&t.space).unwrap().as_deref(),
        Some(r#"{"step": 3}"#),
        "a refused save keeps the last"
    );
    // Kept across closing the journal.
    drop(t.lead);
    let mut lead = Store::open(&t.dbs[0], &OpenOptions::default()).unwrap();
    assert!(lead.session_draft(&t.space).unwrap().is_some());
    lead.record_session(&t.space, &first_session(), false).unwrap();
    assert_eq!(
        lead.session_draft(&t.space).unwrap(),
        None,
        "published: the draft is gone"
    );
}

#[test]
fn the_team_chart_shows_months_of_at_least_three_and_counts_the_undated_beside() {
    let mut t = team(1);
    let mut share = |day: &str, role: &str, scope: Scope| {
        let input = super::super::with(&[
            ("occurred_on", json!(day)),
            ("headline", json!(format!("Forsøg {day}"))),
            ("outcome", json!("partly")),
            ("participation", json!({"phase": "design", "role": role})),
        ]);
        let id = t.members[0].create_entry(&input, None).unwrap().id;
        t.members[0].share_entries(&t.space, &[id], scope, false).unwrap();
    };
    for (day, role) in [
        ("2026-10-05", "co_implementer"),
        ("2026-10-12", "co_designer"),
        ("2026-10-26", "co_initiator"),
    ] {
        share(day, role, Scope::Anonymous);
    }
    share("2026-09-01", "consulted", Scope::Named);
    share("2026-09-02", "consulted", Scope::Named);
    share("2026-11-02", "co_initiator", Scope::Aggregate);
    t.lead.sync_space(&t.space, false).unwrap();
    let chart = t.lead.session_agenda(&t.space).unwrap().chart;
    assert_eq!(chart.months.len(), 1, "{chart:?}");
    assert_eq!((chart.months[0].month.as_str(), chart.months[0].count), ("2026-10", 3));
    assert!(
        (chart.months[0].mean_level - 3.0).abs() < 1e-9,
        "co-implementer 2, co-designer 3, co-initiator 4"
    );
    assert_eq!(chart.withheld, 2, "September's two are too few to show");
    let counted: usize = chart.counts.cells.iter().map(|c| c.count).sum::<usize>() + chart.counts.withheld;
    assert_eq!(
        counted, 6,
        "the counts hold every contribution, the undated aggregate one too"
    );
}

#[test]
fn a_session_from_a_computer_whose_clock_is_far_off_shows_its_dates_as_written_and_keeps_its_place() {
    let mut t = team(1);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let lead_keys = keys_of(&t.dbs[0]);
    // The lead's laptop thinks it is 2099: its stamps say so; its record id is what it is.
    let early = uuid::Uuid::now_v7().to_string();
    let improvement = uuid::Uuid::now_v7().to_string();
    let record = |kind: &str, id: &str, body: serde_json::Value| SignedRecord {
        record: json!({"kind": kind, "id": id, "revision": 1, "updated_at": "2099-01-01T08:00:00.000000Z",
                       "scope": "named", "body": body})
        .to_string(),
        writer: None,
        sig: None,
    };
    let owner = lead_keys.public().key_id();
    let records = vec![
        record(
            "improvement",
            &improvement,
            json!({"text": "Spørg borgerne først", "owner": owner, "review_on": "2099-02-01",
                   "from_session": early, "history": []}),
        ),
        record(
            "session",
            &early,
            json!({"held_on": "2099-01-01", "carried": [], "material": [], "answers": {},
                   "improvement": improvement, "actions": []}),
        ),
    ];
    let m = Manifest::new(&roster, Some((&lead_keys, 40, None)), records);
    plant(
        &t,
        "00000040-clock.bundle",
        &seal_bundle(&m, Some(&lead_keys), &roster).unwrap().0,
    );
    let report = t.members[0].sync_space(&t.space, false).unwrap();
    assert!(
        report.rejected.is_empty(),
        "a wrong clock is not a reason to refuse: {report:?}"
    );
    // Then the lead's clock is right again, and the next session carries the improvement.
    t.lead.sync_space(&t.space, false).unwrap();
    let open = t.lead.space_actions(&t.space).unwrap();
    assert_eq!(open.len(), 1);
    let next = SessionDraft {
        carried: vec![verdict(&open[0].id, Verdict::Done, "")],
        improvement: Some(item("Mød foreningen", "Medarbejder 0", "2027-06-01")),
        ..Default::default()
    };
    t.lead.record_session(&t.space, &next, false).unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    let sessions = t.members[0].space_sessions(&t.space).unwrap();
    assert_eq!(
        sessions.iter().map(|s| s.held_on.as_str()).collect::<Vec<_>>(),
        ["2099-01-01", sessions[1].held_on.as_str()],
        "shown as written, in the order of their ids, not of their dates"
    );
    assert_eq!(sessions[0].id, early);
    let improvement_now = t.members[0].space_actions(&t.space).unwrap();
    let first = improvement_now.iter().find(|i| i.id == improvement).unwrap();
    assert_eq!(
        first.status,
        ItemStatus::Done,
        "the later session's verdict stands, whatever the stamps said"
    );
    assert_eq!(first.review_on, "2099-02-01");
}

#[test]
fn a_session_bundle_the_journal_did_not_record_before_a_crash_is_read_before_the_next_one_is_built() {
    let mut t = team(1);
    t.lead.record_session(&t.space, &first_session(), false).unwrap();
    let stale_agenda = t.lead.session_agenda(&t.space).unwrap();
    // The journal as it was before the next session: as if the power went between the bundle
    // reaching the folder and the journal's commit.
    let lead_db = t.dbs[0].clone();
    let saved = t._tmp.path().join("lead-before.sqlite3");
    drop(std::mem::replace(&mut t.lead, journal(t._tmp.path(), "scratch").0));
    std::fs::copy(&lead_db, &saved).unwrap();
    let _ = std::fs::remove_file(lead_db.with_extension("sqlite3-wal"));
    let mut lead = Store::open(&lead_db, &OpenOptions::default()).unwrap();
    let all_done = |agenda: &eftertanke_core::store::spaces::SessionAgenda, text: &str| SessionDraft {
        carried: agenda
            .carried
            .iter()
            .map(|i| verdict(&i.id, Verdict::Done, ""))
            .collect(),
        improvement: Some(item(text, "Teamleder", "2027-03-01")),
        ..Default::default()
    };
    lead.record_session(&t.space, &all_done(&stale_agenda, "Anden"), false)
        .unwrap();
    drop(lead);
    std::fs::copy(&saved, &lead_db).unwrap();
    let _ = std::fs::remove_file(lead_db.with_extension("sqlite3-wal"));
    let mut lead = Store::open(&lead_db, &OpenOptions::default()).unwrap();
    assert_eq!(
        lead.space_sessions(&t.space).unwrap().len(),
        1,
        "the journal does not know its second session"
    );

    // Built on what the journal knew, the next session would fork last time's items: it is
    // refused, saying why, once the folder is read.
    let refused = lead.record_session(&t.space, &all_done(&stale_agenda, "Tredje"), false);
    let message = refused.unwrap_err().to_string();
    assert!(message.contains("closed by an earlier session"), "{message}");
    let fresh = lead.session_agenda(&t.space).unwrap();
    assert_eq!(fresh.carried.len(), 1, "only the second session's improvement is open");
    lead.record_session(&t.space, &all_done(&fresh, "Tredje"), false)
        .unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    let sessions = t.members[0].space_sessions(&t.space).unwrap();
    assert_eq!(sessions.len(), 3);
    for i in t.members[0].space_actions(&t.space).unwrap() {
        let carried_by = sessions
            .iter()
            .filter(|s| s.carried.iter().any(|c| c.id == i.id))
            .count();
        assert_eq!(carried_by, i.history.len(), "one version per verdict: {i:?}");
        assert!(carried_by <= 1, "no item was judged twice: {i:?}");
    }
}
