//! Sharing, reading, withdrawing; scopes; what the guard stops; a vanished file or folder.

use super::*;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};
use eftertanke_core::{ErrorKind, Problem};

#[test]
fn a_shared_reflection_reaches_the_lead_and_a_colleague_and_a_withdrawal_takes_it_back() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Lektiecafé i Bydelshuset");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    assert_ne!(shared[0], private.to_string(), "the private id never leaves");

    let report = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!((report.bundles, report.records), (1, 1), "{report:?}");
    let seen = t.lead.space_entries(&t.space).unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].title, "Lektiecafé i Bydelshuset");
    assert_eq!(seen[0].author.as_deref(), Some("Medarbejder 0"));
    assert!(!seen[0].mine);
    t.members[1].sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.members[1], &t.space), vec!["Lektiecafé i Bydelshuset"]);
    assert!(t.members[0].space_entries(&t.space).unwrap()[0].mine);
    // Reading twice changes nothing.
    let again = t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!((again.bundles, again.records), (0, 0));

    // The author's own view knows where the share came from, and that nothing changed since.
    let own = |m: &Store| {
        let v = m.space_entries(&t.space).unwrap().remove(0);
        (v.entry_id, v.changed_since_shared)
    };
    assert_eq!(own(&t.members[0]), (Some(private), false));
    assert_eq!(
        t.lead.space_entries(&t.space).unwrap()[0].entry_id,
        None,
        "a colleague's share names no private entry"
    );
    // Edited, the author's view says the team has an older version; re-shared, it is the
    // next revision of the same shared record, and up to date again.
    t.members[0]
        .update_entry(
            private,
            &quick("2026-03-12", "Lektiecafé i Bydelshuset, anden gang", "partly"),
            None,
        )
        .unwrap();
    assert_eq!(own(&t.members[0]), (Some(private), true));
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    assert_eq!(own(&t.members[0]), (Some(private), false));
    t.lead.sync_space(&t.space, false).unwrap();
    let seen = t.lead.space_entries(&t.space).unwrap();
    assert_eq!(
        (
            seen.len(),
            seen[0].id.as_str(),
            seen[0].revision,
            seen[0].title.as_str()
        ),
        (1, shared[0].as_str(), 2, "Lektiecafé i Bydelshuset, anden gang")
    );

    t.members[0].withdraw_share(&t.space, &shared[0]).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    assert!(t.lead.space_entries(&t.space).unwrap().is_empty());
    assert_eq!(t.lead.space_status(&t.space).unwrap().missing, vec![]);
}

#[test]
fn an_anonymous_share_holds_no_author_installation_or_exact_date() {
    let mut t = team(1);
    let private = entry(&mut t.members[0], "Fælles spisning");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Anonymous, false)
        .unwrap();
    let file = bundle_files(&t.folder)
        .into_iter()
        .find(|p| p.to_string_lossy().contains("anonymous"))
        .unwrap();
    let plain = age::decrypt(keys_of(&t.dbs[0]).identity(), &std::fs::read(&file).unwrap()).unwrap();
    let text = String::from_utf8(plain).unwrap();
    let author = keys_of(&t.dbs[1]);
    let installation = t.members[0].installation_id().to_string();
    let roster = t.lead.space_roster(&t.space).unwrap();
    let me = roster.members.iter().find(|m| m.name == "Medarbejder 0").unwrap();
    for needle in [
        author.public().key_id(),
        author.public().signing.clone(),
        author.public().age.clone(),
        installation,
        me.member.clone(),
        "Medarbejder 0".into(),
        "2026-03-12".into(),
        private.to_string(),
    ] {
        assert!(!text.contains(&needle), "the anonymous bundle holds {needle}");
    }
    assert!(text.contains("2026-03"), "the month stays");
    t.lead.sync_space(&t.space, false).unwrap();
    let seen = t.lead.space_entries(&t.space).unwrap();
    assert_eq!(
        (seen.len(), seen[0].author.clone(), seen[0].scope),
        (1, None, Scope::Anonymous)
    );
}

#[test]
fn a_vanished_file_deletes_nothing_and_a_vanished_folder_changes_nothing() {
    let mut t = team(1);
    let private = entry(&mut t.members[0], "Gårdfest");
    t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    for f in bundle_files(&t.folder) {
        std::fs::remove_file(f).unwrap();
    }
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), vec!["Gårdfest"]);
    let moved = t.folder.with_extension("moved");
    std::fs::rename(&t.folder, &moved).unwrap();
    let err = t.lead.sync_space(&t.space, false).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Unwritable);
    assert!(err.to_string().contains("not there"), "{err}");
    let another = entry(&mut t.members[0], "Endnu et forsøg");
    assert_eq!(
        t.members[0]
            .share_entries(&t.space, &[another], Scope::Named, false)
            .unwrap_err()
            .kind(),
        ErrorKind::Unwritable
    );
    assert!(!t.folder.exists(), "nothing made a new empty folder");
    assert_eq!(titles(&t.lead, &t.space), vec!["Gårdfest"]);
}

#[test]
fn the_guard_blocks_a_cpr_number_at_share_and_holds_one_back_at_import() {
    let mut t = team(1);
    let mut input = quick("2026-03-12", "Samtale", "partly");
    input.answers.insert(
        "what_happened".into(),
        json!("Borgeren gav sit nummer 010203-1234 ved døren."),
    );
    input.override_personal_data = true;
    let private = t.members[0].create_entry(&input, None).unwrap().id;
    let err = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, true)
        .unwrap_err();
    assert_eq!(err.problem(), Some(Problem::PersonalData));
    assert!(!err.to_string().contains("1234"), "the number is not repeated: {err}");
    assert!(bundle_files(&t.folder).is_empty(), "nothing left the journal");
    // A phone number asks first.
    let mut input = quick("2026-03-13", "Opringning", "partly");
    input
        .answers
        .insert("what_happened".into(), json!("Ring til 20 30 40 50 om mødet."));
    let phone = t.members[0].create_entry(&input, None).unwrap().id;
    assert_eq!(
        t.members[0]
            .share_entries(&t.space, &[phone], Scope::Named, false)
            .unwrap_err()
            .problem(),
        Some(Problem::PersonalData)
    );
    t.members[0]
        .share_entries(&t.space, &[phone], Scope::Named, true)
        .unwrap();

    // A colleague's build without the guard: the number arrives and is held back.
    let keys = keys_of(&t.dbs[1]);
    let roster = t.lead.space_roster(&t.space).unwrap();
    let id = uuid::Uuid::now_v7().to_string();
    let rec =
        json!({"kind": "entry", "id": id, "revision": 1, "updated_at": "2026-12-02T10:00:00.000Z", "scope": "named",
                     "body": {"title": "Ulovlig", "answers": {"what_happened": "cpr 010203-1234"}}})
        .to_string();
    let m = Manifest::new(
        &roster,
        Some((&keys, 40, None)),
        vec![SignedRecord {
            record: rec,
            writer: None,
            sig: None,
        }],
    );
    plant(
        &t,
        "00000040-cpr.bundle",
        &seal_bundle(&m, Some(&keys), &roster).unwrap().0,
    );
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), vec!["Opringning"]);
    let status = t.lead.space_status(&t.space).unwrap();
    assert_eq!(status.held_back.len(), 1);
    assert_eq!(status.held_back[0].author.as_deref(), Some("Medarbejder 0"));
    assert!(status.held_back[0].reason.contains("answers.what_happened"));
}

/// A comment is checked for personal data in the words the person wrote, never in the ids it
/// carries: a share whose id holds runs of digits (here, ones that read as a phone number)
/// takes comments as any other. (Found as a flaky test: a random id did so now and then.)
#[test]
fn a_comment_is_guarded_in_its_words_not_in_the_ids_it_carries() {
    use eftertanke_core::spaces::Audience;
    let mut t = team(1);
    let writer = keys_of(&t.dbs[1]);
    let roster = t.members[0].space_roster(&t.space).unwrap();
    let id = "29371845-abcd-4bcd-8bcd-abcdefabcdef";
    let named = Manifest::new(
        &roster,
        Some((&writer, 1, None)),
        vec![SignedRecord {
            record: record("Cifre i id'et", id, 1),
            writer: None,
            sig: None,
        }],
    );
    plant(
        &t,
        "00000001-digits.bundle",
        &seal_bundle(&named, Some(&writer), &roster).unwrap().0,
    );
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(titles(&t.lead, &t.space), ["Cifre i id'et"], "the share arrived");
    t.lead
        .comment(&t.space, id, None, "Godt forsøg", Audience::Team, false)
        .expect("the id is not the person's words");
    let err = t
        .lead
        .comment(&t.space, id, None, "Ring 29 37 18 45", Audience::Team, false)
        .unwrap_err();
    assert_eq!(
        err.problem(),
        Some(Problem::PersonalData),
        "the words still are: {err:?}"
    );
}
