//! The lead's review queue: what arrived since the lead last went through the space, newest
//! first, narrowed by member, initiative, outcome and level; the lead's own shares never in it.

use super::*;
use eftertanke_core::Outcome;
use eftertanke_core::store::spaces::ReviewFilter;

fn titles_in(q: &eftertanke_core::store::spaces::ReviewQueue) -> Vec<&str> {
    q.items.iter().map(|i| i.entry.title.as_str()).collect()
}

#[test]
fn the_queue_holds_what_arrived_since_the_lead_last_looked_newest_first() {
    let mut t = team(2);
    let all = ReviewFilter::default();
    let a = entry(&mut t.members[0], "Madklub");
    t.members[0].share_entries(&t.space, &[a], Scope::Named, false).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let b = entry(&mut t.members[1], "Lektiecafé");
    t.members[1]
        .share_entries(&t.space, &[b], Scope::Anonymous, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let own = entry(&mut t.lead, "Ledermøde");
    t.lead.share_entries(&t.space, &[own], Scope::Named, false).unwrap();

    let q = t.lead.review_queue(&t.space, &all).unwrap();
    assert_eq!(q.reviewed_at, None);
    assert_eq!(
        titles_in(&q),
        ["Lektiecafé", "Madklub"],
        "newest arrival first, the lead's own left out"
    );

    // Gone through up to what was shown; what arrives after is new.
    t.lead
        .mark_reviewed(&t.space, q.items[0].arrived_at.as_deref())
        .unwrap();
    assert!(t.lead.review_queue(&t.space, &all).unwrap().items.is_empty());
    let c = entry(&mut t.members[0], "Fællesspisning");
    t.members[0].share_entries(&t.space, &[c], Scope::Named, false).unwrap();
    // An edit re-shared is new again too.
    t.members[1]
        .share_entries(&t.space, &[b], Scope::Anonymous, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let q = t.lead.review_queue(&t.space, &all).unwrap();
    let mut seen = titles_in(&q);
    seen.sort();
    assert_eq!(seen, ["Fællesspisning", "Lektiecafé"]);
    assert!(q.reviewed_at.is_some());

    // A mark never moves back, and a time past this computer's clock marks only up to now.
    t.lead
        .mark_reviewed(&t.space, Some("2001-01-01T00:00:00.000000Z"))
        .unwrap();
    assert_eq!(t.lead.review_queue(&t.space, &all).unwrap().items.len(), 2);
    t.lead
        .mark_reviewed(&t.space, Some("2999-01-01T00:00:00.000000Z"))
        .unwrap();
    assert!(t.lead.review_queue(&t.space, &all).unwrap().items.is_empty());
    let d = entry(&mut t.members[0], "Gadefest");
    t.members[0].share_entries(&t.space, &[d], Scope::Named, false).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles_in(&t.lead.review_queue(&t.space, &all).unwrap()), ["Gadefest"]);
    t.lead.mark_reviewed(&t.space, Some("not a time")).unwrap();
    assert!(t.lead.review_queue(&t.space, &all).unwrap().items.is_empty());
}

#[test]
fn the_queue_narrows_by_member_initiative_outcome_and_level() {
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
