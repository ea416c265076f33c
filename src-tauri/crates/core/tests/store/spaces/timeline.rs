//! The team's timeline: lanes by the initiative a share names, attempts oldest first, an
//! anonymous share only by its month, no cell of fewer than three, and what was shared only as
//! counts never in the timeline's charts (the lead's app counts it apart).

use super::super::with;
use super::team;
use eftertanke_core::spaces::record::Scope;
use eftertanke_core::{EntryId, Store};
use serde_json::json;

/// An attempt of `initiative` with the citizens in `role` (co_implementer is level 2).
fn attempt(store: &mut Store, day: &str, title: &str, initiative: &str, role: &str, outcome: &str) -> EntryId {
    let input = with(&[
        ("occurred_on", json!(day)),
        ("headline", json!(title)),
        ("initiative", json!(initiative)),
        ("outcome", json!(outcome)),
        ("participation", json!({"phase": "implementation", "role": role})),
    ]);
    store.create_entry(&input, None).unwrap().id
}

#[test]
fn the_team_timeline_has_the_shared_initiatives_as_lanes_and_counts_only_shares_apart() {
    let mut t = team(3);
    let s = t.space.clone();
    let [a, b, c] = &mut t.members[..] else { unreachable!() };
    let first = attempt(
        a,
        "2026-02-03",
        "Danskkursus",
        "Mødregruppen",
        "co_implementer",
        "failed",
    );
    let second = attempt(a, "2026-04-14", "Madklub", "Mødregruppen", "co_designer", "succeeded");
    a.share_entries(&s, &[second, first], Scope::Named, false).unwrap();
    let anon = attempt(b, "2026-03-21", "Lektiecafé", "Lektiecafé", "co_implementer", "partly");
    b.share_entries(&s, &[anon], Scope::Anonymous, false).unwrap();
    // Three aggregate-only contributions in one cell (level 1, failed), one alone in another.
    for (i, store) in [&mut *a, &mut *b, &mut *c].into_iter().enumerate() {
        let e = attempt(
            store,
            "2026-05-01",
            &format!("Hemmelig {i}"),
            "Skjult",
            "consulted",
            "failed",
        );
        store.share_entries(&s, &[e], Scope::Aggregate, false).unwrap();
    }
    let lone = attempt(c, "2026-05-02", "Alene", "Skjult", "co_initiator", "succeeded");
    c.share_entries(&s, &[lone], Scope::Aggregate, false).unwrap();
    t.lead.sync_space(&s, false).unwrap();

    let tl = t.lead.space_timeline(&s).unwrap();
    let lanes: Vec<(Option<&str>, Vec<&str>)> = tl
        .lanes
        .iter()
        .map(|l| {
            (
                l.initiative.as_deref(),
                l.nodes.iter().map(|n| n.title.as_str()).collect(),
            )
        })
        .collect();
    // Newest activity first; oldest attempt first in a lane; no lane for aggregate-only shares.
    assert_eq!(
        lanes,
        vec![
            (Some("Mødregruppen"), vec!["Danskkursus", "Madklub"]),
            (Some("Lektiecafé"), vec!["Lektiecafé"]),
        ]
    );
    let named = &tl.lanes[0].nodes[0];
    assert_eq!(named.author.as_deref(), Some("Medarbejder 0"));
    assert_eq!(named.occurred_on, "2026-02-03");
    assert_eq!(named.participation_level, Some(2));
    let anonymous = &tl.lanes[1].nodes[0];
    assert_eq!(anonymous.author, None);
    assert_eq!(
        anonymous.occurred_on, "2026-03",
        "an anonymous share shows only its month"
    );
    assert!(!named.mine && !anonymous.mine, "the lead shared none of them");

    assert_eq!(
        tl.aggregate, 4,
        "the counts the lead's app released, three people behind them"
    );
    let by_level = &tl.charts.outcomes_by_level;
    assert_eq!(by_level.len(), 5);
    assert_eq!(
        by_level[1].failed, 0,
        "counts-only shares are not in the timeline's charts"
    );
    assert_eq!(
        by_level[2].failed, 0,
        "a single named attempt is withheld from the counts"
    );
    // Withheld: the three shown attempts, each alone in its cell.
    assert_eq!(tl.withheld, 3, "{by_level:?}");
    let apart = t.lead.space_counts(&s).unwrap().counts_only.unwrap();
    let cells: Vec<(&str, Option<u8>, usize)> = apart
        .cells
        .iter()
        .map(|c| (c.outcome.as_str(), c.level, c.count))
        .collect();
    assert_eq!(cells, vec![("failed", Some(1), 3)], "three people make the cell");
    assert_eq!(apart.withheld, 1, "the lone one is withheld");
    let months: Vec<(&str, u32)> = tl
        .charts
        .level_over_time
        .iter()
        .map(|p| (p.month.as_str(), p.attempts))
        .collect();
    assert_eq!(
        months,
        vec![("2026-02", 1), ("2026-03", 1), ("2026-04", 1)],
        "aggregate shares carry no date"
    );

    // The author's view marks their own; a withdrawal leaves the lane.
    let mine = t.members[0].space_timeline(&s);
    let Ok(mine) = mine else { panic!("{mine:?}") };
    assert!(
        mine.lanes
            .iter()
            .flat_map(|l| &l.nodes)
            .filter(|n| n.title != "Lektiecafé")
            .all(|n| n.mine)
    );
    let shared = t.members[1].space_entries(&s).unwrap();
    let anon_id = shared.iter().find(|e| e.title == "Lektiecafé").unwrap().id.clone();
    t.members[1].withdraw_share(&s, &anon_id).unwrap();
    t.lead.sync_space(&s, false).unwrap();
    let after = t.lead.space_timeline(&s).unwrap();
    assert_eq!(after.lanes.len(), 1);
    assert_eq!(after.lanes[0].initiative.as_deref(), Some("Mødregruppen"));
}
