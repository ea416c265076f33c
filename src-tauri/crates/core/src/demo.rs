//! Realistic synthetic entries, in Danish and English, for benchmarks and screenshots.
//!
//! The text is assembled from fragments typical of co-production attempts in disadvantaged
//! neighbourhoods; people appear only as roles, never by name. A seed makes runs repeatable.

use crate::entry::{EntryInput, Outcome};
use chrono::{Duration, NaiveDate};

/// Which language the generated text is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoLanguage {
    Da,
    En,
    /// Alternates, as in a team where some write Danish and some English.
    Mixed,
}

struct Phrases {
    initiatives: &'static [&'static str],
    events: &'static [&'static str],
    notes: &'static [&'static str],
}

const DA: Phrases = Phrases {
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
        "Det, der fyldte mest for dem, var de unges fremtid — ikke kurset.",
        "Næste gang spørger vi først, hvad de selv ser som problemet.",
        "Foreningen har et netværk, vi ikke selv har adgang til.",
        "Vi skal aftale en opfølgning med formanden inden for to uger.",
    ],
};

const EN: Phrases = Phrases {
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

/// `count` entries spread over the three years before `until`, newest last.
pub fn entries(
    count: usize,
    language: DemoLanguage,
    seed: u64,
    until: NaiveDate,
) -> Vec<EntryInput> {
    let mut seq = Sequence(seed | 1);
    let span_days = 3 * 365;
    (0..count)
        .map(|i| {
            let phrases = match language {
                DemoLanguage::Da => &DA,
                DemoLanguage::En => &EN,
                DemoLanguage::Mixed if i % 2 == 0 => &DA,
                DemoLanguage::Mixed => &EN,
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
            EntryInput {
                occurred_on: day.to_string(),
                title: format!(
                    "{} — {}",
                    seq.pick(phrases.initiatives),
                    seq.pick(phrases.events).to_lowercase()
                ),
                outcome: Some(outcome.code().to_owned()),
                notes,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_entries_are_valid_repeatable_and_dated_in_the_past() {
        let until = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let a = entries(50, DemoLanguage::Mixed, 7, until);
        assert_eq!(
            a,
            entries(50, DemoLanguage::Mixed, 7, until),
            "the same seed must give the same data"
        );
        for e in &a {
            let v = e
                .validate()
                .expect("demo data must pass the same validation as typed data");
            assert!(v.occurred_on <= until);
        }
    }
}
