//! Realistic synthetic entries, in Danish and English, for benchmarks and screenshots.
//!
//! The text is assembled from fragments typical of co-production attempts in disadvantaged
//! neighbourhoods; people appear only as roles, never by name. A seed makes runs repeatable.

use crate::guide::vocabulary;
use crate::locale::Locale;
use crate::reflection::answers::Answers;
use crate::reflection::entry::{EntryInput, Outcome};
use chrono::{Datelike, Duration, NaiveDate};
use serde_json::json;

struct Phrases {
    /// Between an initiative and what happened in a headline: the short dash with spaces in
    /// Danish (docs/sprog.md), the long one in English.
    dash: &'static str,
    spring: &'static str,
    autumn: &'static str,
    themes: &'static [&'static str],
    initiatives: &'static [&'static str],
    events: &'static [&'static str],
    notes: &'static [&'static str],
}

const DA: Phrases = Phrases {
    dash: " – ",
    spring: "forår",
    autumn: "efterår",
    themes: &["unge", "mødre", "beskæftigelse", "fritid", "forening"],
    initiatives: &[
        "Lektiecafé i beboerhuset",
        "Mødregruppe om unges fremtid",
        "Fælles oprydningsdag i gården",
        "Jobcafé med boligsocial medarbejder",
        "Forældremøde om fritidsjob",
        "Madklub for nye beboere",
        "Dialogmøde med foreningens bestyrelse",
        "Sommeraktiviteter for børn",
    ],
    events: &[
        "Få mødte op; invitationen kom fra os og ikke fra beboerne",
        "Foreningens formand tog ordet og satte dagsordenen",
        "Borgerne havde selv forberedt et oplæg",
        "Vi præsenterede en færdig plan, og der blev stille",
        "Mødet blev flyttet til foreningens lokaler, og flere kom",
        "To mødre tilbød at stå for næste aften",
    ],
    notes: &[
        "Vi havde forventet omkring tyve deltagere.",
        "Borger A fortalte, at tidspunktet passede dårligt med afhentning af børn.",
        "Det, der fyldte mest for dem, var de unges fremtid – ikke kurset.",
        "Næste gang spørger vi først, hvad de selv ser som problemet.",
        "Foreningen har et netværk, vi ikke selv har adgang til.",
        "Vi skal aftale en opfølgning med formanden inden for to uger.",
    ],
};

const EN: Phrases = Phrases {
    dash: " — ",
    spring: "spring",
    autumn: "autumn",
    themes: &["young people", "mothers", "employment", "leisure", "association"],
    initiatives: &[
        "Homework café at the community house",
        "Mothers' group on young people's future",
        "Shared clean-up day in the courtyard",
        "Job café with the housing social worker",
        "Parents' meeting on after-school jobs",
        "Supper club for new residents",
        "Dialogue meeting with the association's board",
        "Summer activities for children",
    ],
    events: &[
        "Few came; the invitation came from us, not from the residents",
        "The association's chair took the floor and set the agenda",
        "The citizens had prepared a presentation of their own",
        "We presented a finished plan and the room went quiet",
        "The meeting moved to the association's premises and more people came",
        "Two mothers offered to run the next evening",
    ],
    notes: &[
        "We had expected about twenty participants.",
        "Citizen A told us the time clashed with picking up the children.",
        "What mattered most to them was the young people's future, not the course.",
        "Next time we ask first what they themselves see as the problem.",
        "The association has a network we cannot reach on our own.",
        "We need to agree a follow-up with the chair within two weeks.",
    ],
};

/// A small, fast, repeatable pseudo-random sequence (xorshift64*); quality is ample here.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Neighbourhoods (fictional) that make initiative names distinct at scale.
const AREAS: &[&str] = &[
    "Vestparken",
    "Nørreparken",
    "Søndermarken",
    "Toftegården",
    "Lindevang",
    "Bakkehuset",
    "Engparken",
    "Fjordhøj",
];

/// The name of initiative number `k` of a demo set.
fn initiative_name(phrases: &Phrases, k: usize) -> String {
    let base = phrases.initiatives[k % phrases.initiatives.len()];
    let area = AREAS[(k / phrases.initiatives.len()) % AREAS.len()];
    let round = k / (phrases.initiatives.len() * AREAS.len());
    if round == 0 {
        format!("{base}, {area}")
    } else {
        format!("{base}, {area} {}", round + 1)
    }
}

/// `count` entries of the co-production guide in `initiatives` initiatives, spread over the
/// three years before `until`, newest last. About a third went through the whole guide; the
/// rest are quick captures.
pub fn entries(count: usize, initiatives: usize, languages: &[Locale], seed: u64, until: NaiveDate) -> Vec<EntryInput> {
    entries_range(count, 0..count, initiatives, languages, seed, until)
}

/// Entries `range` of a demo set of `total` (so a large set can be written in batches): entry
/// `i` belongs to initiative `i % initiatives`, and dates grow with `i`.
pub fn entries_range(
    total: usize,
    range: std::ops::Range<usize>,
    initiatives: usize,
    languages: &[Locale],
    seed: u64,
    until: NaiveDate,
) -> Vec<EntryInput> {
    let mut seq = Sequence((seed ^ (range.start as u64).wrapping_mul(0x9E37_79B9)) | 1);
    let span_days = 3 * 365;
    let count = total;
    range
        .map(|i| {
            // Several languages alternate, as in a team where some write Danish and some English.
            let phrases = match languages.get(i % languages.len().max(1)) {
                Some(Locale::En) => &EN,
                _ => &DA,
            };
            let back = span_days - (i as i64 * span_days / count.max(1) as i64);
            let day = until - Duration::days(back.max(0));
            let outcome = Outcome::ALL[(seq.next() % 4) as usize];
            // Three different sentences, in an order that varies from entry to entry.
            let start = seq.next() as usize;
            let notes = (0..3)
                .map(|k| phrases.notes[(start + k * 2) % phrases.notes.len()])
                .collect::<Vec<_>>()
                .join("\n");
            let initiative = initiative_name(phrases, i % initiatives.max(1));
            let base = initiative.split(',').next().unwrap_or_default().to_owned();
            let mut answers = Answers::new();
            answers.insert("occurred_on".into(), json!(day.to_string()));
            answers.insert("initiative".into(), json!(initiative));
            let event = seq.pick(phrases.events).to_lowercase();
            let dash = phrases.dash;
            answers.insert("headline".into(), json!(format!("{base}{dash}{event}")));
            answers.insert("outcome".into(), json!(outcome.code()));
            answers.insert("what_happened".into(), json!(notes));
            let complete = seq.next().is_multiple_of(3);
            if complete {
                let role = vocabulary::ROLES[(seq.next() % 5) as usize];
                let phase = vocabulary::PHASES[(seq.next() % 5) as usize];
                answers.insert("participation".into(), json!({ "phase": phase, "role": role }));
                answers.insert("interest_alignment".into(), json!(1 + seq.next() % 5));
            }
            // A few tags, as a team would use them: the season and a theme.
            let season = format!(
                "{} {}",
                if day.month() >= 7 {
                    phrases.autumn
                } else {
                    phrases.spring
                },
                day.year()
            );
            let tags = vec![season, seq.pick(phrases.themes).to_owned()];
            EntryInput {
                guide_id: "co-production".into(),
                // The newest version of the guide, as a person writing today would use.
                guide_version: None,
                answers,
                complete,
                tags,
                override_personal_data: false,
                follows_up: None,
            }
        })
        .collect()
}

/// The two attempts of the reference case (DOMAIN.md): a course the municipality designed,
/// then the mothers' own association. In Danish or English.
pub fn reference_case(locale: Locale) -> Vec<EntryInput> {
    let json = match locale {
        Locale::En => include_str!("../../../../../assets/demo/reference-case.en.json"),
        Locale::Da => include_str!("../../../../../assets/demo/reference-case.da.json"),
    };
    serde_json::from_str(json).expect("the shipped reference case is checked by a test")
}

/// "Follows up on" links for demo entries: each attempt follows up on the one before it in the
/// same initiative, as `ids` were created from [`entries`] with `initiatives`.
pub fn follow_up_links(
    ids: &[crate::EntryId],
    initiatives: usize,
) -> Vec<(crate::EntryId, crate::EntryId, crate::LinkKind)> {
    let lanes = initiatives.max(1);
    ids.iter()
        .enumerate()
        .skip(lanes)
        .map(|(i, id)| (*id, ids[i - lanes], crate::LinkKind::FollowsUp))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Guides;

    #[test]
    fn demo_entries_are_valid_repeatable_and_dated_in_the_past() {
        let until = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let a = entries(50, 5, &Locale::ALL, 7, until);
        assert_eq!(
            a,
            entries(50, 5, &Locale::ALL, 7, until),
            "the same seed must give the same data"
        );
        for e in &a {
            let v = e
                .validate(Guides::builtin())
                .expect("demo data must pass the same validation as typed data");
            assert!(v.occurred_on <= until);
        }
    }

    #[test]
    fn the_reference_case_is_valid_in_both_languages_and_moves_from_implementer_to_initiator() {
        for lang in Locale::ALL {
            let case = reference_case(lang);
            assert_eq!(case.len(), 2);
            let first = case[0].validate(Guides::builtin()).unwrap();
            let second = case[1].validate(Guides::builtin()).unwrap();
            assert_eq!(first.projection.participation.role.as_deref(), Some("co_implementer"));
            assert_eq!(second.projection.participation.role.as_deref(), Some("co_initiator"));
            assert_eq!((first.outcome, second.outcome), (Outcome::Failed, Outcome::Succeeded));
            assert_eq!(second.projection.organisation.as_deref(), Some("association"));
        }
    }
}
