//! A member's bundles as a chain: a number twice with different contents, or a bundle that
//! does not name the one before it, is named in the folder's state — and read all the same.

use super::*;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};
use eftertanke_core::spaces::{ChainBreak, ChainProblem};

#[test]
fn a_chain_that_does_not_hold_together_is_named_and_its_bundles_are_still_read() {
    let mut t = team(1);
    let first = entry(&mut t.members[0], "Madklub");
    t.members[0]
        .share_entries(&t.space, &[first], Scope::Named, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let status = t.lead.space_status(&t.space).unwrap();
    assert_eq!(
        (status.missing.len(), status.chain_breaks.len()),
        (0, 0),
        "one bundle is a whole chain"
    );

    let keys = keys_of(&t.dbs[1]);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let bundle = |seq: u64, title: &str| {
        let records = vec![SignedRecord {
            record: record(title, &uuid::Uuid::now_v7().to_string(), 1),
            writer: None,
            sig: None,
        }];
        // No predecessor named, as a writer that lost its own history would write.
        let m = Manifest::new(&roster, Some((&keys, seq, None)), records);
        seal_bundle(&m, Some(&keys), &roster).unwrap().0
    };
    // Bundle 2 names no predecessor although bundle 1 is here; bundle 3 twice, different.
    plant(&t, "00000002-a.bundle", &bundle(2, "Fællesspisning"));
    plant(&t, "00000003-a.bundle", &bundle(3, "Lektiecafé"));
    plant(&t, "00000003-b.bundle", &bundle(3, "Lektiecafé, den anden computer"));
    // Bundle 5 names none either, but 4 has not arrived: that is a gap, not a break.
    plant(&t, "00000005-a.bundle", &bundle(5, "Bydelsmødre"));
    let report = t.lead.sync_space(&t.space, false).unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);

    let status = t.lead.space_status(&t.space).unwrap();
    let name = status
        .chain_breaks
        .first()
        .map(|c| c.member.clone())
        .unwrap_or_default();
    assert_eq!(
        status.chain_breaks,
        vec![
            ChainBreak {
                member: name.clone(),
                seq: 2,
                problem: ChainProblem::Unlinked
            },
            ChainBreak {
                member: name.clone(),
                seq: 3,
                problem: ChainProblem::Fork
            },
        ]
    );
    assert!(
        !name.is_empty() && !name.chars().all(|c| c.is_ascii_hexdigit()),
        "named by display name: {name}"
    );
    assert_eq!(status.missing.iter().map(|m| m.seq).collect::<Vec<_>>(), vec![4]);
    // Read all the same: every record is in the team's view.
    assert_eq!(
        titles(&t.lead, &t.space),
        [
            "Bydelsmødre",
            "Fællesspisning",
            "Lektiecafé",
            "Lektiecafé, den anden computer",
            "Madklub"
        ]
    );
}

#[test]
fn a_member_s_own_chain_written_by_the_app_never_breaks() {
    let mut t = team(2);
    for round in 0..4 {
        for m in 0..2 {
            let id = entry(&mut t.members[m], &format!("Forsøg {round}.{m}"));
            t.members[m]
                .share_entries(&t.space, &[id], Scope::Named, false)
                .unwrap();
            // Colleagues read each other between writes, as a running app does.
            t.members[1 - m].sync_space(&t.space, false).unwrap();
        }
    }
    t.lead.sync_space(&t.space, false).unwrap();
    let status = t.lead.space_status(&t.space).unwrap();
    assert_eq!(status.chain_breaks, vec![], "{:?}", status.chain_breaks);
    assert_eq!(status.missing, vec![]);
    assert_eq!(titles(&t.lead, &t.space).len(), 8);
}
