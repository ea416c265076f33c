//! The facilitator's review queue: what they have not gone through, newest arrival first (an
//! anonymous share's arrival only by its day), narrowed by initiative, outcome and level, never
//! to one person; the facilitator's own shares never in it.

use super::*;
use eftertanke_core::Outcome;
use eftertanke_core::spaces::ReviewFilter;

fn titles_in(q: &eftertanke_core::spaces::ReviewQueue) -> Vec<&str> {
    q.items.iter().map(|i| i.entry.title.as_str()).collect()
}

#[test]
fn the_queue_holds_what_the_facilitator_has_not_gone_through_and_an_anonymous_arrival_only_by_its_day() {
    let mut t = team(2);
    let all = ReviewFilter::default();
    let b = entry(&mut t.members[1], "Lektiecafé");
    t.members[1]
        .share_entries(&t.space, &[b], Scope::Anonymous, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let a = entry(&mut t.members[0], "Madklub");
    t.members[0].share_entries(&t.space, &[a], Scope::Named, false).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let own = entry(&mut t.lead, "Ledermøde");
    t.lead.share_entries(&t.space, &[own], Scope::Named, false).unwrap();

    let q = t.lead.review_queue(&t.space, &all).unwrap();
    assert_eq!(q.reviewed_at, None);
    assert_eq!(
        titles_in(&q),
        ["Madklub", "Lektiecafé"],
        "a day's named arrivals first, the one without a name after them; the lead's own left out"
    );
    let anonymous = q.items[1].arrived_at.as_deref().unwrap();
    assert_eq!(
        anonymous.len(),
        10,
        "an anonymous share arrived on a day, not at a time: {anonymous}"
    );
    assert!(q.items[0].arrived_at.as_deref().unwrap().len() > 10);
    // Not in the screen, and not in the facilitator's journal either.
    let conn = rusqlite::Connection::open(&t.dbs[0]).unwrap();
    let stored: Vec<String> = conn
        .prepare("SELECT arrived_at FROM space_records WHERE scope = 'anonymous'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(stored.iter().all(|a| a.len() == 10), "{stored:?}");

    // Gone through what was shown; what arrives after, and an edit shared again, are new.
    let shown: Vec<String> = q.items.iter().map(|i| i.entry.id.clone()).collect();
    let c = entry(&mut t.members[0], "Fællesspisning");
    t.members[0].share_entries(&t.space, &[c], Scope::Named, false).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    t.lead.mark_reviewed(&t.space, Some(&shown)).unwrap();
    assert_eq!(
        titles_in(&t.lead.review_queue(&t.space, &all).unwrap()),
        ["Fællesspisning"],
        "what the screen did not show stays"
    );
    t.members[1]
        .share_entries(&t.space, &[b], Scope::Anonymous, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let q = t.lead.review_queue(&t.space, &all).unwrap();
    let mut seen = titles_in(&q);
    seen.sort();
    assert_eq!(seen, ["Fællesspisning", "Lektiecafé"]);
    assert!(q.reviewed_at.is_some());
    // Ids that are not in the queue change nothing; none marks everything.
    t.lead.mark_reviewed(&t.space, Some(&["not an id".to_owned()])).unwrap();
    assert_eq!(t.lead.review_queue(&t.space, &all).unwrap().items.len(), 2);
    t.lead.mark_reviewed(&t.space, None).unwrap();
    assert!(t.lead.review_queue(&t.space, &all).unwrap().items.is_empty());
}

#[test]
fn the_queue_narrows_by_initiative_outcome_and_level_never_by_person() {
    let mut t = team(2);
    // The level follows from the citizens' role: consulted is 1, co-designers 3.
    let mut share = |m: usize, title: &str, initiative: &str, outcome: &str, role: &str, scope: Scope| {
        let input = super::super::with(&[
            ("occurred_on", json!("2026-03-12")),
            ("headline", json!(title)),
            ("initiative", json!(initiative)),
            ("outcome", json!(outcome)),
            ("participation", json!({"role": role})),
        ]);
        let id = t.members[m].create_entry(&input, None).unwrap().id;
        t.members[m].share_entries(&t.space, &[id], scope, false).unwrap();
    };
    share(0, "Madklub", "Ældrecaféen", "failed", "consulted", Scope::Named);
    share(
        0,
        "Madklub igen",
        "Ældrecaféen",
        "succeeded",
        "co_designer",
        Scope::Named,
    );
    share(1, "Lektiecafé", "Lektier", "failed", "co_designer", Scope::Named);
    share(1, "Uden navn", "Lektier", "failed", "co_designer", Scope::Anonymous);
    t.lead.sync_space(&t.space, false).unwrap();
    let narrowed = |f: ReviewFilter| {
        let mut v: Vec<String> = t
            .lead
            .review_queue(&t.space, &f)
            .unwrap()
            .items
            .into_iter()
            .map(|i| i.entry.title)
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        narrowed(ReviewFilter {
            initiative: Some("ÆLDRECAFÉEN".into()),
            ..Default::default()
        }),
        ["Madklub", "Madklub igen"]
    );
    assert_eq!(
        narrowed(ReviewFilter {
            outcome: Some(Outcome::Failed),
            level: Some(3),
            ..Default::default()
        }),
        ["Lektiecafé", "Uden navn"]
    );
    // Never narrowed to one person: a filter naming a member is not a filter the core reads.
    let per_person: Result<ReviewFilter, _> = serde_json::from_str(r#"{"member": "Medarbejder 0"}"#);
    assert_eq!(
        per_person.unwrap(),
        ReviewFilter::default(),
        "a member is no way to narrow the review"
    );
}
