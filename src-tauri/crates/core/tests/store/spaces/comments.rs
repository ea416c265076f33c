//! Comments on a shared reflection: for the team, or for the author only — encrypted to the
//! author and the lead alone, so a third member's journal never holds it readable.

use super::*;
use eftertanke_core::spaces::Audience;
use eftertanke_core::spaces::bundle::{Manifest, SignedRecord, seal_bundle};
use eftertanke_core::{ErrorKind, Problem};

/// Every byte of a journal's database files, to look for a text in.
fn journal_bytes(db: &Path) -> Vec<u8> {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        if let Ok(b) = std::fs::read(std::path::PathBuf::from(p)) {
            all.extend(b);
        }
    }
    all
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

#[test]
fn an_author_only_comment_reaches_the_author_and_never_the_third_member() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Lektiecafé i Bydelshuset");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();

    const TEAM: &str = "Godt forsøg. Tag det med på refleksionsmødet";
    const PRIVATE: &str = "Hvordan havde du det efter mødet med foreningen?";
    let to_team = t
        .lead
        .comment(&t.space, &shared, None, TEAM, Audience::Team, false)
        .unwrap();
    let to_author = t
        .lead
        .comment(&t.space, &shared, None, PRIVATE, Audience::Author, false)
        .unwrap();
    assert!(to_team < to_author, "UUIDv7 ids order the comments as written");

    // The author reads both, and answers the private one, privately.
    t.members[0].sync_space(&t.space, false).unwrap();
    let seen = t.members[0].space_comments(&t.space, &shared).unwrap();
    assert_eq!(
        seen.iter()
            .map(|c| (c.text.as_str(), c.audience, c.author.as_str()))
            .collect::<Vec<_>>(),
        [
            (TEAM, Audience::Team, "Teamleder"),
            (PRIVATE, Audience::Author, "Teamleder")
        ]
    );
    let aloud = t.members[0]
        .comment(&t.space, &shared, Some(&to_author), "Bedre nu", Audience::Team, false)
        .unwrap_err();
    assert_eq!(
        aloud.field(),
        Some("audience"),
        "an answer to a private comment is not sent to the team"
    );
    let answer = t.members[0]
        .comment(
            &t.space,
            &shared,
            Some(&to_author),
            "Bedre, da vi talte om det bagefter",
            Audience::Author,
            false,
        )
        .unwrap();

    // The lead reads the thread: the answer right after what it answers.
    t.lead.sync_space(&t.space, false).unwrap();
    let thread = t.lead.space_comments(&t.space, &shared).unwrap();
    assert_eq!(
        thread.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        [to_team.as_str(), to_author.as_str(), answer.as_str()]
    );
    assert_eq!(thread[2].reply_to.as_deref(), Some(to_author.as_str()));
    assert_eq!(thread[2].author, "Medarbejder 0");

    // The third member: the team comment only, and the private words nowhere in the journal.
    t.members[1].sync_space(&t.space, false).unwrap();
    let third = t.members[1].space_comments(&t.space, &shared).unwrap();
    assert_eq!(third.iter().map(|c| c.text.as_str()).collect::<Vec<_>>(), [TEAM]);
    let bytes = journal_bytes(&t.dbs[2]);
    assert!(
        holds(&bytes, "Tag det med"),
        "the scan can see a comment the journal holds"
    );
    assert!(
        !holds(&bytes, "foreningen?") && !holds(&bytes, "talte om det"),
        "the private thread is not in the third journal"
    );
    let report = t.members[1].sync_space(&t.space, false).unwrap();
    assert!(
        report.rejected.is_empty(),
        "not written to them is not an error: {report:?}"
    );

    // The author finds the thread from the private reflection, through the private map.
    let on_mine = t.members[0].entry_comments(private).unwrap();
    assert_eq!(on_mine.len(), 1);
    assert_eq!(
        (on_mine[0].shared_id.as_str(), on_mine[0].space.name.as_str()),
        (shared.as_str(), "Team Nord")
    );
    assert_eq!(on_mine[0].comments.len(), 3);
    // Read twice, nothing changes.
    t.lead.sync_space(&t.space, false).unwrap();
    assert_eq!(t.lead.space_comments(&t.space, &shared).unwrap(), thread);

    t.members[0].withdraw_share(&t.space, &shared).unwrap();
    assert!(
        t.members[0].entry_comments(private).unwrap().is_empty(),
        "a withdrawn share's thread is not shown on the reflection"
    );
    // The withdrawal erases the thread in the lead's journal too.
    t.lead.sync_space(&t.space, false).unwrap();
    assert!(t.lead.space_comments(&t.space, &shared).unwrap().is_empty());
}

#[test]
fn a_comment_is_checked_like_a_share_and_an_anonymous_share_has_no_author_to_write_to() {
    let mut t = team(1);
    let named = entry(&mut t.members[0], "Madklub");
    let anonymous = entry(&mut t.members[0], "Fællesspisning");
    let named = t.members[0]
        .share_entries(&t.space, &[named], Scope::Named, false)
        .unwrap()
        .remove(0);
    let anonymous = t.members[0]
        .share_entries(&t.space, &[anonymous], Scope::Anonymous, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    let files = bundle_files(&t.folder).len();

    let refused = |r: eftertanke_core::Result<String>| {
        let e = r.unwrap_err();
        (e.kind(), e.field().map(str::to_owned), e.problem())
    };
    assert_eq!(
        refused(
            t.lead
                .comment(&t.space, &named, None, "Ring til mor 010203-1234", Audience::Team, true)
        ),
        (
            ErrorKind::InvalidInput,
            Some("text".into()),
            Some(Problem::PersonalData)
        ),
        "a CPR number blocks even when findings are accepted"
    );
    assert_eq!(
        refused(
            t.lead
                .comment(&t.space, &named, None, " \u{200B} ", Audience::Team, false)
        )
        .2,
        Some(Problem::Required)
    );
    assert_eq!(
        refused(
            t.lead
                .comment(&t.space, &named, None, &"ord ".repeat(1001), Audience::Team, false)
        )
        .2,
        Some(Problem::TooLong)
    );
    assert_eq!(
        refused(
            t.lead
                .comment(&t.space, &anonymous, None, "Til forfatteren", Audience::Author, false)
        )
        .1,
        Some("audience".into())
    );
    assert_eq!(
        refused(t.lead.comment(
            &t.space,
            "0190a000-0000-7000-8000-000000000000",
            None,
            "Hej",
            Audience::Team,
            false
        ))
        .0,
        ErrorKind::NotFound
    );
    assert_eq!(
        refused(
            t.lead
                .comment(&t.space, &named, Some("no-such-comment"), "Hej", Audience::Team, false)
        )
        .0,
        ErrorKind::NotFound
    );
    assert_eq!(bundle_files(&t.folder).len(), files, "nothing refused was written");
    // A share without a name takes a comment to the team.
    t.lead
        .comment(
            &t.space,
            &anonymous,
            None,
            "Godt gået, hvem du end er",
            Audience::Team,
            false,
        )
        .unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    assert_eq!(t.members[0].space_comments(&t.space, &anonymous).unwrap().len(), 1);
}

#[test]
fn a_bundle_for_a_few_that_leaves_out_the_lead_is_refused() {
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Madklub");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.members[1].sync_space(&t.space, false).unwrap();
    // The second member writes "privately" to the author, past the lead.
    let keys = keys_of(&t.dbs[2]);
    let author = keys_of(&t.dbs[1]).public().key_id();
    let roster = t.lead.space_roster(&t.space).unwrap();
    let record = json!({"kind": "comment", "id": uuid::Uuid::now_v7().to_string(), "revision": 1,
                        "updated_at": "2026-12-02T10:00:00.000000Z", "scope": "named",
                        "body": {"on": shared, "audience": "author", "text": "Uden om lederen"}})
    .to_string();
    let m = Manifest::new(
        &roster,
        Some((&keys, 40, None)),
        vec![SignedRecord {
            record,
            writer: None,
            sig: None,
        }],
    )
    .for_audience(&[author, keys.public().key_id()]);
    plant(
        &t,
        "00000040-past-the-lead.bundle",
        &seal_bundle(&m, Some(&keys), &roster).unwrap().0,
    );
    let report = t.members[0].sync_space(&t.space, false).unwrap();
    let p = report
        .rejected
        .iter()
        .find(|p| p.name.contains("past-the-lead"))
        .expect("refused");
    assert_eq!(p.code, "wrong_recipients", "{}", p.reason);
    assert!(t.members[0].space_comments(&t.space, &shared).unwrap().is_empty());
    assert!(
        t.lead.sync_space(&t.space, false).unwrap().rejected.is_empty(),
        "the lead cannot read it: not for them"
    );
}

#[test]
fn a_comment_is_new_to_its_reader_until_they_open_the_thread() {
    let mut t = team(1);
    let private = entry(&mut t.members[0], "Bydelsmødre");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Named, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    t.lead
        .comment(&t.space, &shared, None, "Spændende", Audience::Team, false)
        .unwrap();
    assert_eq!(
        t.lead.space_entries(&t.space).unwrap()[0].new_comments,
        0,
        "one's own comment is not new"
    );
    let author = &mut t.members[0];
    author.sync_space(&t.space, false).unwrap();
    let new = |s: &Store| s.space_entries(&t.space).unwrap()[0].new_comments;
    assert_eq!(new(author), 1);
    assert!(author.space_comments(&t.space, &shared).unwrap()[0].new);
    assert!(
        author.entry_comments(private).unwrap()[0].comments[0].new,
        "also on the private entry"
    );
    author.mark_thread_read(&t.space, &shared).unwrap();
    assert_eq!(new(author), 0);
    assert!(!author.space_comments(&t.space, &shared).unwrap()[0].new);
    // A later comment is new again (no clock decides it).
    t.lead
        .comment(&t.space, &shared, None, "Og godt skrevet", Audience::Team, false)
        .unwrap();
    let author = &mut t.members[0];
    author.sync_space(&t.space, false).unwrap();
    assert_eq!(new(author), 1);
}

/// "Without a name" holds for the author too: under their own share without a name, the
/// author answers as "the author" — written anonymously, signed with the share's own key, its
/// id and stamp cut to the day — and nothing in the comment or its file names them. A
/// colleague's anonymous comment is not taken for the author's.
#[test]
fn the_author_of_a_share_without_a_name_answers_as_the_author_and_never_by_name() {
    use eftertanke_core::spaces::keys::RecordKey;
    let mut t = team(2);
    let private = entry(&mut t.members[0], "Uden navn");
    let shared = t.members[0]
        .share_entries(&t.space, &[private], Scope::Anonymous, false)
        .unwrap()
        .remove(0);
    t.lead.sync_space(&t.space, false).unwrap();
    let question = t
        .lead
        .comment(&t.space, &shared, None, "Hvad gjorde I så?", Audience::Team, false)
        .unwrap();
    t.members[0].sync_space(&t.space, false).unwrap();
    assert!(
        t.members[0]
            .comment(
                &t.space,
                &shared,
                Some(&question),
                "Vi spurgte igen",
                Audience::Author,
                false
            )
            .is_err(),
        "to the author and the facilitator: the author writes to the team"
    );
    let files_before = bundle_files(&t.folder);
    let answer = t.members[0]
        .comment(
            &t.space,
            &shared,
            Some(&question),
            "Vi spurgte mødrene igen",
            Audience::Team,
            false,
        )
        .unwrap();
    let id = uuid::Uuid::parse_str(&answer).unwrap();
    let (secs, _) = id.get_timestamp().unwrap().to_unix();
    assert_eq!(secs % 86_400, 0, "the id's time is the day only");

    // The file: anonymous, and no name, no member key, no pseudonym in it.
    let new: Vec<_> = bundle_files(&t.folder)
        .into_iter()
        .filter(|f| !files_before.contains(f))
        .collect();
    assert_eq!(new.len(), 1);
    assert!(new[0].to_string_lossy().contains("/anonymous/"));
    let plain = age::decrypt(keys_of(&t.dbs[2]).identity(), &std::fs::read(&new[0]).unwrap()).unwrap();
    let text = String::from_utf8_lossy(&plain);
    let roster = t.members[1].space_roster(&t.space).unwrap();
    let author_key = keys_of(&t.dbs[1]).public().key_id();
    let member = roster.member_by_key(&author_key).unwrap();
    for trace in [member.name.as_str(), author_key.as_str(), member.member.as_str()] {
        assert!(!text.contains(trace), "'{trace}' is in the author's answer");
    }

    // The colleague and the lead read it as the author's, answering the question.
    t.members[1].sync_space(&t.space, false).unwrap();
    t.lead.sync_space(&t.space, false).unwrap();
    for store in [&t.members[1], &t.lead] {
        let thread = store.space_comments(&t.space, &shared).unwrap();
        let a = thread
            .iter()
            .find(|c| c.id == answer)
            .expect("the author's answer is shown");
        assert!(a.by_author && a.author.is_empty() && !a.mine);
        assert_eq!(a.reply_to.as_deref(), Some(question.as_str()));
    }
    let own = t.members[0].space_comments(&t.space, &shared).unwrap();
    let mine = own.iter().find(|c| c.id == answer).unwrap();
    assert!(
        mine.mine && mine.by_author && !mine.new,
        "the author's own answer is theirs and not new"
    );

    // A colleague's anonymous comment, signed with a key of their own, is not the author's.
    let roster = t.members[1].space_roster(&t.space).unwrap();
    let key = RecordKey::generate().unwrap();
    let json = json!({"kind": "comment", "id": uuid::Uuid::now_v7().to_string(), "revision": 1,
                      "updated_at": "2026-12-02", "scope": "anonymous",
                      "body": {"on": shared, "reply_to": null, "audience": "team", "text": "Det var mig, forfatteren"}})
    .to_string();
    plant_anonymous(&t, &roster, &key, json, None, "forged.bundle");
    t.lead.sync_space(&t.space, false).unwrap();
    let thread = t.lead.space_comments(&t.space, &shared).unwrap();
    assert!(
        thread.iter().all(|c| !c.text.contains("forfatteren")),
        "an anonymous comment by anyone but the author is shown"
    );
}
