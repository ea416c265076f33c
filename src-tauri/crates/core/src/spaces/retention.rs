//! How long the space keeps what was shared in it. The facilitator sets a retention period
//! (in months; one `retention` record per space, shown to everyone); at each read of the
//! folder, every journal then
//! - withdraws its own shares, comments and (the facilitator's) sessions, actions and marks
//!   last written longer ago than that, which takes them out of its own files too;
//! - erases from its own view whatever of anyone's is older, and the comments on what it erased,
//!   so a colleague who never opens the app again does not keep the space's past in others'
//!   journals.
//!
//! Data about citizens slips into free text however careful people are; GDPR's storage
//! limitation asks that it is kept no longer than needed.

use super::format::record::{ACKNOWLEDGEMENT, ACTION, COMMENT, ENTRY, IMPROVEMENT, RETENTION, Record, SESSION, Scope};
use super::share::{Outgoing, stamp};
use crate::Store;
use crate::error::{Error, Problem, Result};
use crate::store::spaces::Space;
use chrono::{DateTime, Months, Utc};
use serde::Serialize;
use serde_json::{Value, json};
use ts_rs::TS;

/// The longest retention period a facilitator can set, in months.
pub const MAX_RETENTION_MONTHS: u32 = 120;
/// What the status counts as due to go soon.
const SOON_DAYS: u64 = 30;
/// The kinds a retention period erases.
const KINDS: [&str; 6] = [ENTRY, COMMENT, SESSION, ACTION, IMPROVEMENT, ACKNOWLEDGEMENT];

/// The space's retention period as everyone's status shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Retention {
    pub months: u32,
    /// How much this journal holds that goes within the next 30 days.
    pub due_soon: usize,
    /// The day the first of it goes (`YYYY-MM-DD`).
    pub next_on: Option<String>,
}

impl Store {
    /// As the space's facilitator: keeps what is shared in `space` for `months` (none: for as
    /// long as the space exists).
    pub fn set_retention(&mut self, space: &str, months: Option<u32>) -> Result<()> {
        let s = self.member_space(space)?;
        if !s.info.lead {
            return Err(Error::invalid(
                "space",
                Problem::UnknownValue,
                "only the space's facilitator sets how long it keeps what is shared",
            ));
        }
        if let Some(m) = months
            && !(1..=MAX_RETENTION_MONTHS).contains(&m)
        {
            return Err(Error::invalid(
                "months",
                Problem::UnknownValue,
                format!("a retention period is 1 to {MAX_RETENTION_MONTHS} months"),
            ));
        }
        let (id, revision) = match self.live_of(&s.info.id, RETENTION)?.into_iter().next() {
            Some(l) => (l.version.id, l.version.revision as u64 + 1),
            None => (uuid::Uuid::now_v7().to_string(), 1),
        };
        let record = Record {
            kind: RETENTION.into(),
            id,
            revision,
            updated_at: stamp(crate::time::now(), Scope::Named),
            deleted: false,
            scope: Some(Scope::Named),
            body: json!({ "months": months }),
            rest: Default::default(),
        };
        let out = vec![Outgoing {
            record,
            entry: None,
            key: None,
        }];
        self.publish(&s, out, false, None)?;
        self.apply_retention(&s)
    }

    /// The space's retention period in months, as its facilitator last set it.
    pub(crate) fn retention_months(&self, space: &str) -> Result<Option<u32>> {
        Ok(self
            .live_of(space, RETENTION)?
            .into_iter()
            .next()
            .and_then(|l| l.record.body.get("months").and_then(Value::as_u64))
            .and_then(|m| u32::try_from(m).ok())
            .filter(|m| (1..=MAX_RETENTION_MONTHS).contains(m)))
    }

    /// The retention period and what goes soon, for the status.
    pub(crate) fn retention(&self, space: &str) -> Result<Option<Retention>> {
        let Some(months) = self.retention_months(space)? else {
            return Ok(None);
        };
        let soon = cutoff(crate::time::now() + chrono::Days::new(SOON_DAYS), months)?;
        let dates = self.written_before(space, &soon)?;
        let next_on = dates
            .iter()
            .min()
            .and_then(|d| {
                crate::time::from_db(d)
                    .ok()
                    .map(|t| t.date_naive())
                    .or_else(|| d.get(..10)?.parse().ok())
            })
            .and_then(|d| d.checked_add_months(Months::new(months)))
            .map(|d| d.to_string());
        Ok(Some(Retention {
            months,
            due_soon: dates.len(),
            next_on,
        }))
    }

    /// At each read: withdraws this journal's own records past the period and erases anyone's
    /// from this journal's view.
    pub(crate) fn apply_retention(&mut self, s: &Space) -> Result<()> {
        let Some(months) = self.retention_months(&s.info.id)? else {
            return Ok(());
        };
        let before = cutoff(crate::time::now(), months)?;
        if !s.removed {
            // Own shares: withdrawn, which takes them out of this journal's files too.
            for id in self.own_shares_written_before(&s.info.id, &before)? {
                self.withdraw(&s.info.id, &id, false)?;
            }
            // Own named records of the other kinds: their tombstones, in one bundle.
            let me = s.keys.public().key_id();
            let mine = self.expired_of(&s.info.id, &before, Some(&me))?;
            if !mine.is_empty() {
                let ids: Vec<String> = mine.iter().map(|r| r.id.clone()).collect();
                let now = stamp(crate::time::now(), Scope::Named);
                let out = mine
                    .into_iter()
                    .map(|r| Outgoing {
                        record: Record {
                            revision: r.revision + 1,
                            updated_at: now.clone(),
                            deleted: true,
                            body: Value::Null,
                            ..r
                        },
                        entry: None,
                        key: None,
                    })
                    .collect();
                let written = self.publish(s, out, false, None)?;
                self.scrub(s, &ids, &written)?;
            }
        }
        // Anyone's, in this journal's view: erased, with the comments on what is erased.
        self.erase_written_before(&s.info.id, &KINDS, &before)
    }

    /// The live records of the kinds a period erases, last written before `before`: only those
    /// `by` wrote (named), or everyone's.
    fn expired_of(&self, space: &str, before: &str, by: Option<&str>) -> Result<Vec<Record>> {
        let mut out = Vec::new();
        for kind in KINDS.into_iter().filter(|k| *k != ENTRY) {
            for l in self.live_of(space, kind)? {
                let theirs = by.is_none_or(|me| l.version.author_key.as_deref() == Some(me));
                if theirs && l.record.updated_at.as_str() < before {
                    out.push(l.record);
                }
            }
        }
        Ok(out)
    }

    /// When each record this journal holds that goes before `before` was last written.
    fn written_before(&self, space: &str, before: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for kind in KINDS {
            out.extend(
                self.live_of(space, kind)?
                    .into_iter()
                    .map(|l| l.record.updated_at)
                    .filter(|at| at.as_str() < before),
            );
        }
        Ok(out)
    }
}

/// The moment `months` before `now`, as records stamp their times (a day sorts before any time
/// on it).
fn cutoff(now: DateTime<Utc>, months: u32) -> Result<String> {
    now.checked_sub_months(Months::new(months))
        .map(crate::time::to_db)
        .ok_or_else(|| Error::internal("a retention period before the calendar"))
}
