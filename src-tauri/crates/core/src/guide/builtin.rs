//! The guides shipped with Eftertanke, embedded at build time from `assets/guides/`.

use super::validate::parse;
use super::{Guide, GuideError, GuideSummary};
use std::sync::OnceLock;

/// Every shipped guide file. A new version is a new file; old files stay so that entries
/// written with them keep rendering.
const SHIPPED: &[(&str, &str)] = &[
    (
        "co-production.v1.json",
        include_str!("../../../../../assets/guides/co-production.v1.json"),
    ),
    (
        "co-production.v2.json",
        include_str!("../../../../../assets/guides/co-production.v2.json"),
    ),
    (
        "gibbs.v1.json",
        include_str!("../../../../../assets/guides/gibbs.v1.json"),
    ),
    (
        "gibbs.v2.json",
        include_str!("../../../../../assets/guides/gibbs.v2.json"),
    ),
    (
        "after-action-review.v1.json",
        include_str!("../../../../../assets/guides/after-action-review.v1.json"),
    ),
    (
        "after-action-review.v2.json",
        include_str!("../../../../../assets/guides/after-action-review.v2.json"),
    ),
    (
        "quick-capture.v1.json",
        include_str!("../../../../../assets/guides/quick-capture.v1.json"),
    ),
    (
        "quick-capture.v2.json",
        include_str!("../../../../../assets/guides/quick-capture.v2.json"),
    ),
];

/// A set of guides, every version of each.
#[derive(Clone, Debug)]
pub struct Guides {
    all: Vec<Guide>,
}

impl Guides {
    /// The shipped guides. They are validated by this crate's tests, so a bad file fails the
    /// build's test run with the precise reason, never the app at run time.
    pub fn builtin() -> &'static Guides {
        static GUIDES: OnceLock<Guides> = OnceLock::new();
        GUIDES.get_or_init(|| Guides::parse(SHIPPED).expect("shipped guides are validated by the core's tests"))
    }

    /// Parses and validates guide files given as `(name, json)`.
    pub fn parse(files: &[(&str, &str)]) -> Result<Guides, GuideError> {
        let mut all = Vec::with_capacity(files.len());
        for (name, json) in files {
            let guide = parse(name, json)?;
            if all
                .iter()
                .any(|g: &Guide| g.id == guide.id && g.version == guide.version)
            {
                return Err(GuideError {
                    guide: (*name).to_owned(),
                    problem: "the same id and version twice".into(),
                });
            }
            all.push(guide);
        }
        Ok(Guides { all })
    }

    /// One guide at one version: what an entry was written with.
    pub fn get(&self, id: &str, version: u32) -> Option<&Guide> {
        self.all.iter().find(|g| g.id == id && g.version == version)
    }

    /// The newest version of a guide: what a new entry is written with.
    pub fn latest(&self, id: &str) -> Option<&Guide> {
        self.all.iter().filter(|g| g.id == id).max_by_key(|g| g.version)
    }

    /// A guide at `version`, or at its newest when none is asked for (old entries render with
    /// theirs); [`crate::Error::NotFound`] when there is no such guide.
    pub fn find(&self, id: &str, version: Option<u32>) -> crate::Result<&Guide> {
        match version {
            Some(v) => self.get(id, v),
            None => self.latest(id),
        }
        .ok_or_else(|| crate::Error::NotFound {
            what: "guide",
            id: id.to_owned(),
        })
    }

    /// The guide a new entry takes when none is chosen: the first offered, at its newest version.
    pub fn default_guide(&self) -> &Guide {
        self.all
            .iter()
            .find(|g| g.listed)
            .and_then(|g| self.latest(&g.id))
            .unwrap_or(&self.all[0])
    }

    /// The newest version of every guide offered for new entries, the default first.
    pub fn listed(&self) -> Vec<GuideSummary> {
        let mut ids: Vec<&str> = self.all.iter().filter(|g| g.listed).map(|g| g.id.as_str()).collect();
        ids.dedup();
        ids.iter()
            .filter_map(|id| self.latest(id))
            .map(Guide::summary)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::guide::Feeds;

    #[test]
    fn every_shipped_guide_is_valid() {
        if let Err(e) = Guides::parse(SHIPPED) {
            panic!("a shipped guide is invalid: {e}");
        }
    }

    #[test]
    fn three_guides_are_offered_the_co_production_guide_first() {
        let listed = Guides::builtin().listed();
        let ids: Vec<_> = listed.iter().map(|g| g.id.as_str()).collect();
        assert_eq!(ids, ["co-production", "gibbs", "after-action-review"]);
        assert_eq!(
            listed[0].step_count, 10,
            "the co-production guide has the ten steps of DOMAIN.md"
        );
    }

    #[test]
    fn every_guide_feeds_the_common_fields() {
        for summary in Guides::builtin().listed() {
            let guide = Guides::builtin().get(&summary.id, summary.version).unwrap();
            for field in [Feeds::WhatHappened, Feeds::Analysis, Feeds::Learning, Feeds::Actions] {
                assert!(
                    guide.question_feeding(field).is_some(),
                    "{} must feed {field:?} to stay comparable",
                    guide.id
                );
            }
        }
    }

    #[test]
    fn the_co_production_guide_asks_the_expectation_before_the_outcome() {
        let guide = Guides::builtin().latest("co-production").unwrap();
        let order: Vec<_> = guide.questions().map(|q| q.feeds).collect();
        let expectation = order.iter().position(|f| *f == Some(Feeds::Expectation)).unwrap();
        let outcome = order.iter().position(|f| *f == Some(Feeds::Outcome)).unwrap();
        assert!(expectation < outcome, "asking the expectation first avoids hindsight");
    }
}
