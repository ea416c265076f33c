//! What was shared only as counts, and how it is counted: the rules of the team's counts.
//!
//! A counts-only contribution carries the outcome, the participation level and its author's
//! contributor pseudonym (`MemberKeys::contributor`), written anonymously for the space's leads
//! alone: no colleague's journal receives it (what the record carries: `spaces/format/record.rs`,
//! `project`). The lead's app publishes the team's counts as one `counts` record, read by
//! everyone:
//! - a cell (outcome by level) is shown only when at least [`MIN_CELL`] *different people* stand
//!   behind it; the rest are counted together as withheld ([`tally`]);
//! - a new version is released only when at least [`MIN_CELL`] people's contributions changed
//!   (new, changed or withdrawn) since the last ([`people_changed`]), so no release isolates one
//!   person's share.
//!
//! The store keeps the rows: what was received, and what the lead's app remembers of the last
//! release, which never leaves it (`store/spaces/counts.rs`).

use super::format::record::{ENTRY, Record, Scope};
use crate::guide::vocabulary::OUTCOMES;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::TS;

/// The smallest count a cell of the team's counts shows: fewer contributions (or, for what was
/// shared only as counts, fewer people) could point at a person.
pub const MIN_CELL: usize = 3;

/// One cell of the team's counts: attempts with this outcome at this participation level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountCell {
    pub outcome: String,
    pub level: Option<u8>,
    pub count: usize,
}

/// The team's counts of what was shared only as counts, as the lead's app last released them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CountsOnly {
    /// Cells of at least three different people.
    pub cells: Vec<CountCell>,
    /// Contributions in cells of fewer than three people, not shown.
    pub withheld: usize,
    /// Every contribution this release counts.
    pub contributions: usize,
    /// The day of the release (`YYYY-MM-DD`).
    pub released_on: String,
}

/// A counts-only contribution as the lead's app holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contribution {
    /// The shared record's revision: a new one is a changed contribution.
    pub revision: i64,
    /// Who stands behind it: their contributor pseudonym, or the writer's one-off key.
    pub contributor: String,
    pub outcome: String,
    pub level: Option<u8>,
}

/// Whether the records of an anonymous bundle written for the leads alone are what such a
/// bundle may hold: counts-only shares (or their withdrawals), nothing else.
pub fn only_counts<'a>(mut records: impl Iterator<Item = &'a Record>) -> bool {
    records.all(|r| r.kind == ENTRY && r.scope == Some(Scope::Aggregate))
}

/// The contribution a counts-only record carries, if it is one: an outcome of the vocabulary,
/// a level of 0 to 4 or none, and the contributor's pseudonym (32 hex digits) or, for one
/// written before contributors existed, its `writer` (its own person); `revision` as received.
pub fn contribution(record: &Record, writer: &str, revision: i64) -> Option<Contribution> {
    let body = &record.body;
    let outcome = body
        .get("outcome")
        .and_then(Value::as_str)
        .filter(|o| OUTCOMES.contains(o))?;
    let level = body
        .get("level")
        .and_then(Value::as_u64)
        .and_then(|l| u8::try_from(l).ok())
        .filter(|l| *l <= 4);
    let contributor = body
        .get("contributor")
        .and_then(Value::as_str)
        .filter(|c| c.len() == 32 && c.bytes().all(|b| b.is_ascii_hexdigit()))
        .map_or_else(|| writer.to_owned(), str::to_owned);
    Some(Contribution {
        revision,
        contributor,
        outcome: outcome.to_owned(),
        level,
    })
}

/// The people whose contributions changed between the last release (`released`: shared id to
/// revision and contributor) and `now` — new, changed or withdrawn. A new release needs at
/// least [`MIN_CELL`] of them, so no release isolates one person's share.
pub fn people_changed<'a>(
    now: &'a BTreeMap<String, Contribution>,
    released: &'a BTreeMap<String, (i64, String)>,
) -> BTreeSet<&'a str> {
    let mut changed = BTreeSet::new();
    for (id, c) in now {
        if released.get(id).map(|(revision, _)| *revision) != Some(c.revision) {
            changed.insert(c.contributor.as_str());
        }
    }
    for (id, (_, who)) in released {
        if !now.contains_key(id) {
            changed.insert(who.as_str());
        }
    }
    changed
}

/// One cell as it is counted: the contributions in it, and the people behind them.
type Cell<'a> = (usize, BTreeSet<&'a str>);

/// The cells of `contributions`: each shown only when at least [`MIN_CELL`] different people
/// stand behind it.
pub fn tally<'a>(contributions: impl Iterator<Item = &'a Contribution>, released_on: String) -> CountsOnly {
    let mut cells: BTreeMap<(String, Option<u8>), Cell> = BTreeMap::new();
    let mut total = 0;
    for c in contributions {
        total += 1;
        let cell = cells.entry((c.outcome.clone(), c.level)).or_default();
        cell.0 += 1;
        cell.1.insert(&c.contributor);
    }
    let (shown, hidden): (Vec<_>, Vec<_>) = cells.into_iter().partition(|(_, (_, people))| people.len() >= MIN_CELL);
    CountsOnly {
        cells: shown
            .into_iter()
            .map(|((outcome, level), (count, _))| CountCell { outcome, level, count })
            .collect(),
        withheld: hidden.iter().map(|(_, (n, _))| n).sum(),
        contributions: total,
        released_on,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn given(contributor: &str, outcome: &str, level: Option<u8>) -> Contribution {
        Contribution {
            revision: 1,
            contributor: contributor.into(),
            outcome: outcome.into(),
            level,
        }
    }

    #[test]
    fn a_cell_shows_only_with_three_different_people_behind_it() {
        let all = [
            // Three contributions, two people: withheld.
            given("a", "failed", Some(1)),
            given("a", "failed", Some(1)),
            given("b", "failed", Some(1)),
            // Three people: shown.
            given("a", "partly", Some(2)),
            given("b", "partly", Some(2)),
            given("c", "partly", Some(2)),
        ];
        let counts = tally(all.iter(), "2026-12-07".into());
        assert_eq!(
            counts.cells,
            [CountCell {
                outcome: "partly".into(),
                level: Some(2),
                count: 3
            }]
        );
        assert_eq!((counts.withheld, counts.contributions), (3, 6));
    }

    #[test]
    fn a_release_is_due_when_three_people_changed_not_three_contributions() {
        let now: BTreeMap<String, Contribution> = [
            ("1".to_owned(), given("a", "failed", None)),
            (
                "2".to_owned(),
                Contribution {
                    revision: 2,
                    ..given("a", "partly", None)
                },
            ),
            ("3".to_owned(), given("a", "partly", None)),
        ]
        .into();
        let released: BTreeMap<String, (i64, String)> = [
            ("2".to_owned(), (1, "a".to_owned())),
            ("4".to_owned(), (1, "b".to_owned())),
        ]
        .into();
        // New (1, 3) and changed (2): all person a; withdrawn (4): person b.
        assert_eq!(people_changed(&now, &released), BTreeSet::from(["a", "b"]));
    }

    #[test]
    fn a_record_counts_only_with_an_outcome_of_the_vocabulary() {
        let record = |body: Value| Record {
            kind: ENTRY.into(),
            id: "x".into(),
            revision: 3,
            updated_at: "2026-12-07".into(),
            deleted: false,
            scope: Some(Scope::Aggregate),
            body,
            rest: Default::default(),
        };
        let pseudonym = "0123456789abcdef0123456789abcdef";
        let c = contribution(
            &record(json!({"outcome": "failed", "level": 2, "contributor": pseudonym})),
            "w",
            3,
        );
        assert_eq!(
            c,
            Some(Contribution {
                revision: 3,
                ..given(pseudonym, "failed", Some(2))
            })
        );
        assert_eq!(contribution(&record(json!({"outcome": "dunno"})), "w", 1), None);
        let old = contribution(
            &record(json!({"outcome": "partly", "level": 9, "contributor": "short"})),
            "w",
            1,
        );
        assert_eq!(
            old,
            Some(given("w", "partly", None)),
            "its writer stands behind it; no level past 4"
        );
    }
}
