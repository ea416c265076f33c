//! The rules a session is recorded by, the session's document, the draft kept as it is typed,
//! and the team's chart.

use super::*;
use eftertanke_core::locale::Locale;

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
fn the_team_chart_shows_months_of_at_least_three_and_counts_only_shares_apart() {
    let mut t = team(1);
    let mut share = |day: &str, role: &str, scope: Scope| {
        let input = crate::with(&[
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
        counted, 5,
        "the counts hold the reflections shared one by one; counts-only ones are counted apart"
    );
    assert_eq!(
        chart.counts.counts_only, None,
        "one person's counts-only share is not released"
    );
}
