//! Initiatives, links, the change summary, carried-forward actions and timeline paging.

use eftertanke_core::Locale;
use eftertanke_core::reflection::demo::reference_case;
use eftertanke_core::{ChangeField, ErrorKind, LinkKind, Problem, Store, TimelineFilter};
use serde_json::json;

fn reference(store: &mut Store) -> (eftertanke_core::Entry, eftertanke_core::Entry) {
    let ids = store.create_entries(&reference_case(Locale::En)).unwrap();
    (store.get_entry(ids[0]).unwrap(), store.get_entry(ids[1]).unwrap())
}

#[test]
fn entries_naming_the_same_initiative_share_it() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, second) = reference(&mut store);
    assert!(first.initiative_id.is_some());
    assert_eq!(
        first.initiative_id, second.initiative_id,
        "the same name places both attempts in one initiative"
    );
    let initiative = store.get_initiative(first.initiative_id.unwrap()).unwrap();
    assert_eq!(initiative.attempts, 2);
    assert_eq!(initiative.last_on.map(|d| d.to_string()).as_deref(), Some("2025-10-08"));
}

#[test]
fn links_refuse_self_links_missing_targets_and_cycles() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, second) = reference(&mut store);
    let err = store.link_entries(first.id, first.id, LinkKind::Related).unwrap_err();
    assert_eq!(err.problem(), Some(Problem::SelfLink));
    let missing = eftertanke_core::EntryId::new();
    assert_eq!(
        store
            .link_entries(first.id, missing, LinkKind::BuildsOn)
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );
    store.link_entries(second.id, first.id, LinkKind::FollowsUp).unwrap();
    let err = store
        .link_entries(first.id, second.id, LinkKind::FollowsUp)
        .unwrap_err();
    assert_eq!(
        err.problem(),
        Some(Problem::Cycle),
        "follows-up chains never close into a circle"
    );
    // A longer circle is caught too.
    let third = store
        .create_entry(&super::quick("2026-01-05", "Third", "partly"), None)
        .unwrap();
    store.link_entries(third.id, second.id, LinkKind::FollowsUp).unwrap();
    assert_eq!(
        store
            .link_entries(first.id, third.id, LinkKind::FollowsUp)
            .unwrap_err()
            .problem(),
        Some(Problem::Cycle)
    );
    // Other kinds may point either way.
    store.link_entries(first.id, second.id, LinkKind::Related).unwrap();
    let again = store.link_entries(second.id, first.id, LinkKind::FollowsUp).unwrap();
    assert_eq!(
        store
            .links_of(second.id)
            .unwrap()
            .to
            .iter()
            .filter(|l| l.link_id == again)
            .count(),
        1,
        "linking twice is one link"
    );
}

#[test]
fn deleting_an_attempt_in_the_middle_leaves_a_visible_gap() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, second) = reference(&mut store);
    let third = store
        .create_entry(&super::quick("2026-01-05", "Third", "partly"), None)
        .unwrap();
    store.link_entries(second.id, first.id, LinkKind::FollowsUp).unwrap();
    store.link_entries(third.id, second.id, LinkKind::FollowsUp).unwrap();
    store.delete_entry(second.id).unwrap();
    assert_eq!(store.get_entry(second.id).unwrap_err().kind(), ErrorKind::NotFound);
    let links = store.links_of(third.id).unwrap();
    assert_eq!(links.to.len(), 1, "the link stays, pointing at the gap");
    assert!(!links.to[0].exists);
    assert_eq!(links.to[0].title, None, "a deleted entry's text is gone");
    assert_eq!(
        store.follows_up_on(third.id).unwrap(),
        None,
        "the chain is not silently re-linked to the first"
    );
    assert_eq!(store.delete_entry(second.id).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn the_change_summary_reads_the_reference_case() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, second) = reference(&mut store);
    let changes = eftertanke_core::reflection::changes::compare(&first, &second);
    let get = |f: ChangeField| changes.iter().find(|c| c.field == f).unwrap();
    let role = get(ChangeField::Role);
    assert_eq!(
        (role.before.as_deref(), role.after.as_deref()),
        (Some("co_implementer"), Some("co_initiator"))
    );
    let initiator = get(ChangeField::Initiator);
    assert_eq!(
        (initiator.before.as_deref(), initiator.after.as_deref()),
        (Some("us"), Some("citizens"))
    );
    let organised = get(ChangeField::Organised);
    assert_eq!(
        (organised.before.as_deref(), organised.after.as_deref()),
        (Some("no:individuals"), Some("yes:association"))
    );
    let alignment = get(ChangeField::InterestAlignment);
    assert_eq!(
        (alignment.before.as_deref(), alignment.after.as_deref()),
        (Some("low:1"), Some("high:5"))
    );
    assert!(get(ChangeField::ParticipationLevel).changed);
}

#[test]
fn actions_carry_their_status_and_overdue_ones_are_found() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, _) = reference(&mut store);
    let today = chrono::NaiveDate::from_ymd_opt(2025, 4, 20).unwrap();
    let due = store.overdue_actions(today).unwrap();
    assert_eq!(
        due.len(),
        1,
        "only the first attempt's action due 2025-04-15 is past on 2025-04-20"
    );
    let action = &first.actions[0];
    let updated = store
        .set_action_status(action.id, "done", "We met the mothers twice.")
        .unwrap();
    assert_eq!(updated.status, eftertanke_core::ActionStatus::Done);
    assert_eq!(updated.status_note, "We met the mothers twice.");
    assert!(
        store.overdue_actions(today).unwrap().is_empty(),
        "a done action is no longer due"
    );
    let err = store.set_action_status(action.id, "finished", "").unwrap_err();
    assert_eq!(
        (err.field(), err.problem()),
        (Some("status"), Some(Problem::UnknownValue))
    );
    // The status survives editing the entry, since the action keeps its id.
    let mut input = store.get_entry(first.id).unwrap().to_input();
    let mut actions = json!([]);
    for a in &store.get_entry(first.id).unwrap().actions {
        actions
            .as_array_mut()
            .unwrap()
            .push(json!({"id": a.id.to_string(), "text": a.text, "owner": a.owner}));
    }
    input.answers.insert("actions".into(), actions);
    let edited = store.update_entry(first.id, &input, None).unwrap();
    assert_eq!(edited.actions[0].status, eftertanke_core::ActionStatus::Done);
}

#[test]
fn timeline_pages_cover_every_initiative_once_newest_activity_first() {
    let mut store = Store::open_in_memory().unwrap();
    let inputs = eftertanke_core::reflection::demo::entries(
        120,
        30,
        &Locale::ALL,
        3,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    );
    store.create_entries(&inputs).unwrap();
    let (mut seen, mut cursor, mut last) = (Vec::new(), None, None);
    loop {
        let page = store
            .timeline_page(&TimelineFilter::default(), cursor.as_deref(), 7)
            .unwrap();
        for lane in &page.lanes {
            assert!(
                last.is_none_or(|l| lane.initiative.last_on <= l),
                "newest activity first"
            );
            last = Some(lane.initiative.last_on);
            assert!(
                lane.nodes.windows(2).all(|w| w[0].occurred_on <= w[1].occurred_on),
                "attempts oldest first"
            );
            seen.push(lane.initiative.id);
        }
        match page.next_cursor {
            Some(c) => cursor = Some(c),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        (seen.len(), unique.len()),
        (30, 30),
        "every initiative exactly once across pages"
    );
}

#[test]
fn timeline_filters_narrow_lanes_and_attempts_and_bad_values_are_named() {
    let mut store = Store::open_in_memory().unwrap();
    reference(&mut store);
    store
        .create_entry(&super::quick("2026-01-05", "Unplaced", "partly"), None)
        .unwrap();
    let only = |filter: TimelineFilter| store.timeline_page(&filter, None, 10).unwrap();
    let page = only(TimelineFilter {
        role: Some("co_initiator".into()),
        ..Default::default()
    });
    assert_eq!(page.lanes.len(), 1);
    assert_eq!(page.lanes[0].nodes.len(), 1, "only the co-initiator attempt");
    assert_eq!(page.unplaced, 1, "an entry without initiative is counted, not lost");
    assert!(
        only(TimelineFilter {
            outcome: Some("partly".into()),
            ..Default::default()
        })
        .lanes
        .is_empty()
    );
    let dated = only(TimelineFilter {
        from: Some("2025-06-01".into()),
        to: Some("2025-12-31".into()),
        ..Default::default()
    });
    assert_eq!(dated.lanes[0].nodes.len(), 1);
    for (filter, field) in [
        (
            TimelineFilter {
                role: Some("boss".into()),
                ..Default::default()
            },
            "role",
        ),
        (
            TimelineFilter {
                from: Some("2025-02-30".into()),
                ..Default::default()
            },
            "from",
        ),
        (
            TimelineFilter {
                initiative: Some("x".into()),
                ..Default::default()
            },
            "initiative",
        ),
    ] {
        assert_eq!(store.timeline_page(&filter, None, 10).unwrap_err().field(), Some(field));
    }
    assert_eq!(
        store
            .timeline_page(&TimelineFilter::default(), Some("2025-01-01|nope"), 5)
            .unwrap_err()
            .field(),
        Some("cursor")
    );
}

#[test]
fn a_lane_shows_its_chain_and_open_actions() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, second) = reference(&mut store);
    store.link_entries(second.id, first.id, LinkKind::FollowsUp).unwrap();
    let page = store.timeline_page(&TimelineFilter::default(), None, 10).unwrap();
    let nodes = &page.lanes[0].nodes;
    assert_eq!(nodes[1].follows_up_on, Some(first.id));
    assert_eq!(nodes[0].open_actions, 2);
    assert_eq!(
        (nodes[0].participation_level, nodes[1].participation_level),
        (Some(2), Some(4))
    );
}

#[test]
fn chart_data_counts_outcomes_by_participation_level() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, _) = reference(&mut store);
    let all = store.chart_data(None).unwrap();
    assert_eq!(
        all.outcomes_by_level.len(),
        5,
        "always the five levels, even when empty"
    );
    assert_eq!(
        all.outcomes_by_level[2].failed, 1,
        "the course: co-implementers, failed"
    );
    assert_eq!(
        all.outcomes_by_level[4].succeeded, 1,
        "the association: co-initiators, succeeded"
    );
    assert_eq!(
        all.level_over_time.iter().map(|p| p.month.as_str()).collect::<Vec<_>>(),
        ["2025-03", "2025-10"]
    );
    let one = store.chart_data(first.initiative_id).unwrap();
    assert_eq!(one.level_over_time.len(), 2);
}

#[test]
fn a_long_lane_shows_its_newest_attempts_and_counts_the_rest_unless_shown_alone() {
    let mut store = Store::open_in_memory().unwrap();
    let inputs = eftertanke_core::reflection::demo::entries(
        40,
        1,
        &[Locale::En],
        5,
        chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    );
    store.create_entries(&inputs).unwrap();
    let page = store.timeline_page(&TimelineFilter::default(), None, 10).unwrap();
    let lane = &page.lanes[0];
    assert_eq!(lane.nodes.len(), 12);
    assert_eq!((lane.initiative.attempts, lane.earlier_hidden), (40, 28));
    let newest = store.list_entries(None, 1).unwrap().entries[0].occurred_on;
    assert_eq!(
        lane.nodes.last().unwrap().occurred_on,
        newest,
        "the newest attempts are the ones shown"
    );
    let alone = TimelineFilter {
        initiative: Some(lane.initiative.id.to_string()),
        ..Default::default()
    };
    let page = store.timeline_page(&alone, None, 10).unwrap();
    assert_eq!((page.lanes[0].nodes.len(), page.lanes[0].earlier_hidden), (40, 0));
}

#[test]
fn tags_are_kept_once_and_filter_the_timeline() {
    let mut store = Store::open_in_memory().unwrap();
    let (first, second) = reference(&mut store);
    let mut input = first.to_input();
    input.tags = vec!["mothers".into(), " Mothers ".into(), "course".into(), " ".into()];
    let tagged = store.update_entry(first.id, &input, None).unwrap();
    assert_eq!(
        tagged.tags,
        ["course", "mothers"],
        "trimmed, once regardless of case, blank dropped"
    );
    let page = store
        .timeline_page(
            &TimelineFilter {
                tag: Some("course".into()),
                ..Default::default()
            },
            None,
            10,
        )
        .unwrap();
    assert_eq!(page.lanes[0].nodes.iter().map(|n| n.id).collect::<Vec<_>>(), [first.id]);
    assert!(!page.lanes[0].nodes.iter().any(|n| n.id == second.id));
    assert_eq!(store.list_tags().unwrap(), ["course", "mothers"]);
    input.tags = vec!["x".repeat(41)];
    assert_eq!(
        store.update_entry(first.id, &input, None).unwrap_err().field(),
        Some("tags")
    );
}
