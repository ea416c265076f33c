//! Each member's bundles as a chain: numbered 1, 2, … and each naming the hash of the one
//! before. From what was applied, the folder's state tells which numbers have not arrived
//! and where a chain does not hold together — two different bundles under one number, or a
//! bundle that does not follow on from the one before it (the same journal used on two
//! computers, a journal restored from a backup, or a file put in by hand). Neither stops a
//! bundle being read: its records merge by id like every other, so nothing is lost either way.

use crate::Store;
use crate::error::Result;
use crate::store::spaces::{ChainLink, member_name};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use ts_rs::TS;

/// A bundle of a member's that is missing from the folder (not arrived yet, or lost).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MissingBundle {
    pub member: String,
    pub seq: u64,
}

/// How a member's chain of bundles breaks at one number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChainProblem {
    /// Two different bundles carry this number.
    Fork,
    /// The bundle does not name the one before it as its predecessor.
    Unlinked,
}

/// Where a member's chain of bundles does not hold together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChainBreak {
    pub member: String,
    pub seq: u64,
    pub problem: ChainProblem,
}

impl Store {
    /// The numbers missing from each member's chain, and where it breaks, from the bundles
    /// applied in `space`; members are named by `names` (their key id's start otherwise).
    pub(crate) fn chain_report(
        &self,
        space: &str,
        names: &BTreeMap<String, String>,
    ) -> Result<(Vec<MissingBundle>, Vec<ChainBreak>)> {
        let rows = self.chain_links(space)?;
        let mut per_author: BTreeMap<String, BTreeMap<u64, Vec<ChainLink>>> = BTreeMap::new();
        for (author, link) in rows {
            per_author
                .entry(author)
                .or_default()
                .entry(link.seq)
                .or_default()
                .push(link);
        }
        let mut missing = Vec::new();
        let mut breaks = Vec::new();
        for (author, chain) in &per_author {
            let member = member_name(names, author);
            let top = chain.keys().max().copied().unwrap_or(0);
            for seq in (1..top).filter(|n| !chain.contains_key(n)) {
                missing.push(MissingBundle {
                    member: member.clone(),
                    seq,
                });
            }
            // Links are judged between applied bundles only; a held one is judged once read.
            let applied = |n: u64| {
                chain
                    .get(&n)
                    .map(|ls| ls.iter().filter(|l| !l.held).collect::<Vec<_>>())
            };
            for &seq in chain.keys() {
                let links = applied(seq).unwrap_or_default();
                let distinct: BTreeSet<_> = links.iter().map(|l| &l.hash).collect();
                let problem = if distinct.len() > 1 {
                    Some(ChainProblem::Fork)
                } else {
                    // Checked only where the one before is here: a gap is already "missing".
                    let before = seq.checked_sub(1).and_then(applied).filter(|b| !b.is_empty());
                    before.and_then(|before| {
                        let follows = links
                            .iter()
                            .all(|l| before.iter().any(|b| b.hash.is_some() && b.hash == l.prev));
                        (!follows).then_some(ChainProblem::Unlinked)
                    })
                };
                if let Some(problem) = problem {
                    breaks.push(ChainBreak {
                        member: member.clone(),
                        seq,
                        problem,
                    });
                }
            }
        }
        Ok((missing, breaks))
    }
}
