//! Hostile, broken and unwelcome bundles: refused with a reason, and nothing changes.

use super::*;
use eftertanke_core::ErrorKind;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};

#[test]
fn hostile_and_broken_bundles_are_refused_with_a_reason_and_change_nothing() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Madklub");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    let before = serde_json::to_string(&t.lead.space_entries(&t.space).unwrap()).unwrap();
    let roster = t.lead.space_roster(&t.space).unwrap();
    let good = bundle_files(&t.folder)[0].clone();
    let bytes = std::fs::read(&good).unwrap();
    let member = keys_of(&t.dbs[1]);
    let stranger = MemberKeys::generate().unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let one = |title: &str| {
        vec![SignedRecord {
            record: record(title, &id, 1),
            writer: None,
            sig: None,
        }]
    };

    let mut cases: Vec<(&str, Vec<u8>, &str)> = Vec::new();
    cases.push(("truncated", bytes[..bytes.len() / 2].to_vec(), "damaged"));
    let mut flipped = bytes.clone();
    let at = flipped.len() - 40;
    flipped[at] ^= 0x01;
    cases.push(("one byte flipped", flipped, "damaged"));
    // Signed by someone the roster does not name.
    let m = Manifest::new(&roster, Some((&stranger, 1, None)), one("Fremmed"));
    cases.push((
        "a non-member's",
        seal_bundle(&m, Some(&stranger), &roster).unwrap().0,
        "not_a_member",
    ));
    // A member's key id with a stranger's signature.
    let m = Manifest::new(&roster, Some((&member, 50, None)), one("Forfalsket"));
    cases.push((
        "forged signature",
        seal_bundle(&m, Some(&stranger), &roster).unwrap().0,
        "bad_signature",
    ));
    // Neither signed nor with the membership code.
    let m = Manifest::new(&roster, None, one("Usigneret"));
    let mut other = roster.clone();
    other.membership_key = "AAAA".into();
    cases.push(("unsigned", seal_bundle(&m, None, &other).unwrap().0, "bad_signature"));
    // A future format.
    let mut m = Manifest::new(&roster, Some((&member, 51, None)), one("Fremtid"));
    m.format = 99;
    cases.push((
        "a future format",
        seal_bundle(&m, Some(&member), &roster).unwrap().0,
        "newer_format",
    ));
    // Another space's.
    let mut m = Manifest::new(&roster, Some((&member, 52, None)), one("Andet rum"));
    m.space = uuid::Uuid::now_v7().to_string();
    cases.push((
        "another space's",
        seal_bundle(&m, Some(&member), &roster).unwrap().0,
        "other_space",
    ));
    // Oversized.
    cases.push(("oversized", vec![b'a'; 17 * 1024 * 1024], "too_large"));
    // A record that is not one.
    let m = Manifest::new(
        &roster,
        Some((&member, 53, None)),
        vec![SignedRecord {
            record: "{}".into(),
            writer: None,
            sig: None,
        }],
    );
    cases.push((
        "a malformed record",
        seal_bundle(&m, Some(&member), &roster).unwrap().0,
        "bad_record",
    ));

    for (i, (_, bytes, _)) in cases.iter().enumerate() {
        plant(&t, &format!("{i:08}-hostile.bundle"), bytes);
    }
    let report = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(report.bundles, 0, "{report:?}");
    for (i, (what, _, code)) in cases.iter().enumerate() {
        let p = report
            .rejected
            .iter()
            .find(|p| p.name.contains(&format!("{i:08}-hostile")))
            .unwrap_or_else(|| panic!("{what} not refused: {report:?}"));
        assert_eq!(p.code, *code, "{what}: {}", p.reason);
        assert!(!p.reason.is_empty());
    }
    assert_eq!(
        serde_json::to_string(&t.lead.space_entries(&t.space).unwrap()).unwrap(),
        before,
        "nothing changed"
    );
    assert_eq!(t.lead.space_status(&t.space).unwrap().rejected.len(), cases.len());
}

#[test]
fn a_removed_member_cannot_read_later_bundles_and_their_later_bundles_are_refused() {
    let mut t = team(2);
    let removed_keys = keys_of(&t.dbs[2]);
    t.lead.remove_member(&t.space, "Medarbejder 1").unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    t.members[1].sync_space(&t.space, false).unwrap();
    let private = entry(&mut t.members[0], "Efter udmeldelsen");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    // The removed member's journal reads nothing of it, and its keys cannot decrypt it.
    t.members[1].sync_space(&t.space, false).unwrap();
    assert!(t.members[1].space_entries(&t.space).unwrap().is_empty());
    let newest = bundle_files(&t.folder).into_iter().last().unwrap();
    assert!(age::decrypt(removed_keys.identity(), &std::fs::read(&newest).unwrap()).is_err());
    // It cannot share any more.
    let own = entry(&mut t.members[1], "Forsøg");
    let err = t.members[1]
        .share_entries(&t.space, &[own], Scope::Named, false)
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(t.members[1].space_status(&t.space).unwrap().removed);
    // A bundle it writes anyway at the last epoch it read is refused by the others.
    let roster_before = t.members[1].space_roster(&t.space).unwrap();
    assert!(roster_before.epoch < t.lead.space_roster(&t.space).unwrap().epoch);
    let id = uuid::Uuid::now_v7().to_string();
    let m = Manifest::new(
        &roster_before,
        Some((&removed_keys, 9, None)),
        vec![SignedRecord {
            record: record("Sneget ind", &id, 1),
            writer: None,
            sig: None,
        }],
    );
    plant(
        &t,
        "00000009-late.bundle",
        &seal_bundle(&m, Some(&removed_keys), &roster_before).unwrap().0,
    );
    let report = t.lead.sync_space(&t.space, false).unwrap();
    let p = report.rejected.iter().find(|p| p.name.contains("late")).unwrap();
    assert_eq!(p.code, "removed_member", "{}", p.reason);
    assert!(!titles(&t.lead, &t.space).contains(&"Sneget ind".to_owned()));
}

/// Seven reflections shared by the team's one member and read by the lead, and a bundle of
/// the member's that withdraws all seven at once (a colleague's journal, or a broken build).
fn seven_shared_and_a_bundle_withdrawing_them() -> (Team, Vec<u8>) {
    let mut t = team(1);
    let ids: Vec<EntryId> = (0..7)
        .map(|i| entry(&mut t.members[0], &format!("Forsøg {i}")))
        .collect();
    let shared = t.members[0].share_entries(&t.space, &ids, Scope::Named, false).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(t.lead.space_entries(&t.space).unwrap().len(), 7);
    // A colleague's journal (or a broken build) withdraws all seven in one bundle.
    let keys = keys_of(&t.dbs[1]);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let records = shared
        .iter()
        .map(|id| SignedRecord {
            record: json!({"kind": "entry", "id": id, "revision": 2, "updated_at": "2026-12-02T10:00:00.000Z",
                           "deleted": true, "scope": "named", "body": null})
            .to_string(),
            writer: None,
            sig: None,
        })
        .collect();
    // Numbered next after the member's one bundle.
    let m = Manifest::new(&roster, Some((&keys, 2, None)), records);
    let bytes = seal_bundle(&m, Some(&keys), &roster).unwrap().0;
    (t, bytes)
}

#[test]
fn a_bundle_withdrawing_many_records_waits_for_agreement() {
    let (mut t, bytes) = seven_shared_and_a_bundle_withdrawing_them();
    plant(&t, "00000002-all.bundle", &bytes);
    let held = t.lead.sync_space(&t.space, false).unwrap();
    assert!(
        held.rejected.iter().any(|p| p.reason.contains("withdraws 7 records")),
        "{held:?}"
    );
    assert_eq!(
        t.lead.space_entries(&t.space).unwrap().len(),
        7,
        "nothing withdrawn yet"
    );
    // The folder's status says it waits (the window offers to read it from there), also
    // after a read that did not agree, as the background reads do.
    let waiting = |lead: &Store| {
        lead.space_status(&t.space)
            .unwrap()
            .rejected
            .into_iter()
            .filter(|p| p.code == "mass_withdrawal")
            .count()
    };
    assert_eq!(waiting(&t.lead), 1);
    // Asked again, it is still waiting; agreed, it applies, and leaves the status.
    assert_eq!(t.lead.sync_space(&t.space, false).unwrap().rejected.len(), 1);
    assert_eq!(t.lead.sync_all_spaces().unwrap(), 0, "a background read does not agree");
    assert_eq!(waiting(&t.lead), 1);
    let agreed = t.lead.sync_space(&t.space, true).unwrap();
    assert_eq!((agreed.bundles, agreed.records), (1, 7), "{agreed:?}");
    assert!(t.lead.space_entries(&t.space).unwrap().is_empty());
    assert_eq!(waiting(&t.lead), 0);
    let again = t.lead.sync_space(&t.space, true).unwrap();
    assert_eq!((again.bundles, again.rejected.len()), (0, 0), "read once: {again:?}");
}

#[test]
fn a_roster_signed_by_someone_who_is_not_the_lead_changes_nothing() {
    use eftertanke_core::spaces::roster::Role;
    let mut t = team(2);
    let attacker = keys_of(&t.dbs[1]);
    let mut forged = t.lead.space_roster(&t.space).unwrap();
    forged.epoch += 1;
    // The member makes themselves the lead and drops the real one.
    forged.members.retain(|m| m.role != Role::Lead);
    for m in &mut forged.members {
        if m.keys.key_id() == attacker.public().key_id() {
            m.role = Role::Lead;
        }
    }
    let bytes = forged.seal(&attacker).unwrap();
    let dir = t.folder.join(format!("eftertanke-{}/rosters", t.space));
    std::fs::write(dir.join(format!("{:06}-forged.roster", forged.epoch)), bytes).unwrap();
    // A bundle at the forged epoch, signed by the "lead".
    let id = uuid::Uuid::now_v7().to_string();
    let m = Manifest::new(
        &forged,
        Some((&attacker, 60, None)),
        vec![SignedRecord {
            record: record("Kuppet", &id, 1),
            writer: None,
            sig: None,
        }],
    );
    plant(
        &t,
        "00000060-coup.bundle",
        &seal_bundle(&m, Some(&attacker), &forged).unwrap().0,
    );
    let epoch = t.members[1].space_roster(&t.space).unwrap().epoch;
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert_eq!(report.rosters, 0, "{report:?}");
    assert_eq!(report.bundles, 0, "{report:?}");
    assert_eq!(t.members[1].space_roster(&t.space).unwrap().epoch, epoch);
    let status = t.members[1].space_status(&t.space).unwrap();
    assert!(
        status.members.iter().any(|m| m.lead && m.name == "Teamleder"),
        "the real lead still leads"
    );
    assert!(!titles(&t.members[1], &t.space).contains(&"Kuppet".to_owned()));
}

#[test]
fn a_mass_withdrawal_carried_by_hand_waits_for_agreement_too() {
    let (mut t, bytes) = seven_shared_and_a_bundle_withdrawing_them();
    let file = t.folder.parent().unwrap().join("from-the-stick.bundle");
    std::fs::write(&file, &bytes).unwrap();
    for _ in 0..2 {
        let r = t.lead.import_bundle_file(&t.space, &file, false).unwrap();
        assert_eq!(
            r.rejected.iter().map(|p| p.code.as_str()).collect::<Vec<_>>(),
            ["mass_withdrawal"],
            "carried in twice, it waits twice: {r:?}"
        );
        assert_eq!(t.lead.space_entries(&t.space).unwrap().len(), 7);
    }
    let r = t.lead.import_bundle_file(&t.space, &file, true).unwrap();
    assert_eq!((r.bundles, r.records), (1, 7), "{r:?}");
    assert!(t.lead.space_entries(&t.space).unwrap().is_empty());
    let r = t.lead.import_bundle_file(&t.space, &file, true).unwrap();
    assert_eq!(
        (r.bundles, r.unchanged, r.rejected.len()),
        (0, 1, 0),
        "read once: {r:?}"
    );
}

#[test]
fn a_held_bundle_is_neither_missing_nor_a_break_in_its_writer_s_chain() {
    let (mut t, bytes) = seven_shared_and_a_bundle_withdrawing_them();
    plant(&t, "00000002-all.bundle", &bytes);
    // The member's next bundle arrives while number 2 waits for the lead's yes.
    let keys = keys_of(&t.dbs[1]);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let next = vec![SignedRecord {
        record: record("Bagefter", &id, 1),
        writer: None,
        sig: None,
    }];
    let m = Manifest::new(&roster, Some((&keys, 3, None)), next);
    plant(
        &t,
        "00000003-next.bundle",
        &seal_bundle(&m, Some(&keys), &roster).unwrap().0,
    );
    t.lead.sync_space(&t.space, false).unwrap();
    let status = t.lead.space_status(&t.space).unwrap();
    assert!(
        status.rejected.iter().any(|p| p.code == "mass_withdrawal"),
        "{:?}",
        status.rejected
    );
    assert_eq!(status.missing, vec![], "number 2 is here, only waiting");
    assert_eq!(
        status.chain_breaks,
        vec![],
        "a held bundle's links are judged once it is read"
    );
}
